"""The markup view marks collisions, naming the other amendment, and shows bracketed amendments in
[square brackets], as the UN writes bracketed text (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import Qt  # noqa: E402

from ui_support import ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, negotiated, seed_window


def row_of(window, amendment: str):
    negotiation = window.session.negotiation
    return negotiation.rows[negotiation.row_of_amendment(amendment)]


def shown_text(window, amendment: str) -> str:
    return window.text_view.delegate.rendered(row_of(window, amendment)).text.toPlainText()


def test_a_collision_is_marked_with_a_tooltip_naming_the_other_amendment(seed_window):
    negotiation = seed_window.session.negotiation
    model = seed_window.text_view.model_
    tip = model.data(model.index(negotiation.row_of_amendment("a7")), Qt.ItemDataRole.ToolTipRole)
    assert tip == ("Collision: a1 (European Union, OP2, agreed) collides with a7 (Group of 77 and China, OP2, "
                   "proposed); a7 (Group of 77 and China, OP2, proposed) collides with a1 (European Union, OP2, "
                   "agreed)")
    assert "⚠" not in shown_text(seed_window, "a5")  # the move collides with nothing: no mark, no tip
    assert model.data(model.index(negotiation.row_of_amendment("a5")), Qt.ItemDataRole.ToolTipRole) is None


def test_bracketed_amendments_stand_in_square_brackets(seed_window):
    before = shown_text(seed_window, "a7")
    assert "[" not in before
    ui(seed_window).amendments.set_status(["a7", "a2", "a4"], "bracketed")
    op2 = shown_text(seed_window, "a7")  # G77's words in OP2, next to the European Union's (not bracketed)
    assert op2.replace("[", "").replace("]", "") == before
    assert "to [strengthenenhance] further international [coordinationcooperation] and" in op2
    new_paragraph = shown_text(seed_window, "a2").split("\n")[-1]  # under its caption
    assert new_paragraph == ("[Encourages Member States to share information on good practices in providing "
                             "technical assistance;]")
    deleted = shown_text(seed_window, "a4").split("\n")[-1]  # the United States' deletion of OP7
    assert deleted.startswith("[") and deleted.endswith("]")
    seed_window.session.undo_stack.undo()
    assert "[" not in shown_text(seed_window, "a7")

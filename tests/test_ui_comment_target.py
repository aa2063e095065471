"""A comment goes to what is selected, and the comment panel says what that is (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from resdesk.store.comments import comments  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.ui.negotiation import BASE  # noqa: E402
from ui_support import block_id, ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window, negotiated, seed_window


def write_comment(window, text: str) -> None:
    panel = ui(window).comment_panel
    panel.editor.setPlainText(text)
    panel.add_button.click()


def stored(path) -> list[tuple[str, str, str]]:
    with DocumentFile.open(path, readonly=True) as reader:
        return [(c.text, c.block, c.amendment) for c in comments(reader)]


def test_a_comment_typed_while_an_amendment_is_selected_goes_to_that_amendment(seed_window, negotiated):
    ui(seed_window).toolbar.acting_as.act_as("Brazil")
    seed_window.session.negotiation.set_view(BASE)  # choosing an amendment switches to the markup
    panel = ui(seed_window).comment_panel
    ui(seed_window).amendment_panel.select("a1")  # the European Union's replacement in OP2
    assert panel.subject.text() == "On a1: European Union, OP2"
    write_comment(seed_window, "We can live with this.")
    assert stored(negotiated) == [("We can live with this.", "", "a1")]
    view = seed_window.text_view
    op3 = block_id(seed_window, "OP3")
    view.setCurrentIndex(view.model_.index(seed_window.session.negotiation.row_of(op3)))  # another paragraph
    assert panel.subject.text() == "On OP3"
    write_comment(seed_window, "Why OP3?")
    assert stored(negotiated)[-1] == ("Why OP3?", op3, "")


def test_a_proposed_new_paragraph_clicked_in_the_markup_is_what_a_comment_is_on(seed_window, negotiated):
    ui(seed_window).toolbar.acting_as.act_as("Brazil")
    negotiation = seed_window.session.negotiation
    view = seed_window.text_view
    new_paragraph = negotiation.row_of_amendment("a8")  # CARICOM's PP2 bis
    view.setCurrentIndex(view.model_.index(new_paragraph))
    assert ui(seed_window).comment_panel.subject.text() == "On a8: Caribbean Community, PP2 bis"
    write_comment(seed_window, "Which vulnerabilities?")
    assert stored(negotiated) == [("Which vulnerabilities?", "", "a8")]

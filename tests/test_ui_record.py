"""The rule of the record reaches the window too: a refused status or deletion changes nothing and leaves
no undo step (pytest-qt, offscreen). The refusal dialog with its "supersede" choice is the window's own."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from conftest import SEED, run_cli  # noqa: E402
from resdesk.store.amendments import amendments  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from ui_support import open_test_window  # noqa: E402

pytest_plugins = ("ui_support",)


def _ok(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def colliding(tmp_path):
    """Brazil's and Norway's replacements in OP2 collide; Brazil's is agreed ad ref; Norway's OP7 deletion
    is bracketed."""
    doc = tmp_path / "seed.resdesk"
    _ok("import", SEED, "-o", doc)
    _ok("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
        "--with", "to strengthen further")
    _ok("amend", doc, "--as", "Norway", "--in", "OP2", "--replace", "strengthen international coordination",
        "--with", "enhance international cooperation")
    _ok("amend", doc, "--as", "Norway", "--delete-paragraph", "OP7")
    _ok("status", doc, "a1", "agreed-ad-ref")
    _ok("status", doc, "a3", "bracketed")
    return doc


def _statuses(path) -> dict[str, str]:
    with DocumentFile.open(path, readonly=True) as doc:
        return {a.id: a.status for a in amendments(doc)}


def test_accepting_a_colliding_amendment_in_the_window_is_refused_without_an_undo_step(qtbot, qt_settings,
                                                                                       colliding, monkeypatch):
    from resdesk.ui.amendment_actions import SupersedeQuestion

    window = open_test_window(qtbot, colliding)
    shown = []

    def cancel(question):
        shown.append(question.text())
        question.defaultButton().click()
        return 0

    monkeypatch.setattr(SupersedeQuestion, "exec", cancel)
    steps = window.session.undo_stack.count()
    window.negotiation_ui.amendments.set_status(["a2"], "agreed")
    assert shown == ["a2 (Norway, OP2, proposed) collides with a1 (Brazil, OP2, agreed ad ref). Among amendments "
                     "that collide, only one is accepted."]
    assert window.session.undo_stack.count() == steps
    assert _statuses(colliding) == {"a1": "agreed-ad-ref", "a2": "proposed", "a3": "bracketed"}
    window.negotiation_ui.amendments.set_status(["a1", "a2"], "withdrawn")  # several rows at once: one undo step
    assert window.session.undo_stack.count() == steps + 1
    assert _statuses(colliding) == {"a1": "withdrawn", "a2": "withdrawn", "a3": "bracketed"}
    window.session.undo_stack.undo()
    assert _statuses(colliding) == {"a1": "agreed-ad-ref", "a2": "proposed", "a3": "bracketed"}


def test_the_window_deletes_by_the_same_rule_as_the_command_line(qtbot, qt_settings, colliding):
    window = open_test_window(qtbot, colliding)
    ui = window.negotiation_ui
    ui.toolbar.acting_as.act_as("Norway")
    steps = window.session.undo_stack.count()
    ui.amendments.delete_amendment("a3")  # Norway's own, but bracketed: it stays on the record
    assert window.statusBar().currentMessage() == ("a3 is bracketed: a decided amendment stays on the record; "
                                                   "withdraw it instead.")
    assert window.session.undo_stack.count() == steps and "a3" in _statuses(colliding)
    ui.amendments.delete_amendment("a2")
    assert "a2" not in _statuses(colliding)
    window.session.undo_stack.undo()
    assert _statuses(colliding)["a2"] == "proposed"

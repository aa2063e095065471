"""The Check and Asks panels in the window (pytest-qt, offscreen): findings by paragraph, checked again after a
pause in typing, click to go there, fixes as one undo step (a proposal in Propose mode), renumbered
references, the count of asks in the Document panel."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import Qt  # noqa: E402

from resdesk.amend.decisions import set_statuses  # noqa: E402
from resdesk.amend.propose import propose_new_paragraph  # noqa: E402
from resdesk.amend.revise import create_revision  # noqa: E402
from resdesk.model.document import OPERATIVE, Block, Footnote  # noqa: E402
from resdesk.store.amendments import add_amendment, amendments  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.documents import create_document, load  # noqa: E402
from resdesk.text.inline import FOOTNOTE  # noqa: E402
from synthetic import synthetic_document  # noqa: E402
from ui_support import editor_document, open_test_window  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings


def _document():
    """The editor's test text with three slips: a date, a number, a footnote's double space; and a reference."""
    document = editor_document()
    document.blocks[1].text = "Recalling its resolution 70/1 of September 25, 2015,"
    document.blocks[5].text = "Encourages cooperation among 3 regions;"
    document.blocks.insert(11, Block("b30", OPERATIVE, "Invites donors to support paragraph 4 above;"))
    document.footnotes["f1"] = Footnote("f1", "Resolution  69/283, annex II.")
    return document


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "check.resdesk"
    create_document(path, _document()).close()
    return path


@pytest.fixture
def window(qtbot, qt_settings, path):
    window = open_test_window(qtbot, path)
    yield window
    window.close()


def _panel(window):
    return window.check_ui.check_panel


def _finding(item):
    return item.data(Qt.ItemDataRole.UserRole + 1)


def _rows(window) -> list[tuple[str, str]]:
    """(paragraph, rule) of every finding listed ("PP2 (footnote)" for one in PP2's footnote)."""
    findings = [_finding(item) for item in _panel(window).items()]
    return [(f.label + (" (footnote)" if f.footnote else ""), f.rule) for f in findings]


def _checked(qtbot, window) -> None:
    """Wait for the check that follows a pause."""
    runner = window.check_ui.runner
    qtbot.waitUntil(runner.idle, timeout=5000)


def _select(window, rule: str):
    for item in _panel(window).items():
        if _finding(item).rule == rule:
            _panel(window).list.setCurrentItem(item)
            return item
    raise AssertionError(f"no {rule} finding in {_rows(window)}")


def test_findings_are_listed_by_paragraph_and_the_asks_counted(qtbot, window):
    _checked(qtbot, window)
    assert _rows(window) == [("PP1", "date-format"), ("PP2 (footnote)", "double-space"),
                             ("OP2", "number-in-words")]
    assert _panel(window).summary.text() == "3 findings."
    assert window.panels["check"].isVisible()
    asks = window.check_ui.asks_panel
    assert [asks.list.item(i).text() for i in range(asks.list.count())] == [
        "OP5 (a) · report: the Secretary-General: to report", "OP5 (b) · mandate: the Secretary-General: to consult "
        "widely"]
    assert "2 asks: 1 report, 1 mandate" in window.metadata.asks.text()
    assert window.metadata.asks.objectName() == "meta_asks" and window.metadata.asks.accessibleName()
    assert not window.panels["asks"].isVisible()
    window.metadata.asks.linkActivated.emit("asks")  # the count in the Document panel shows the Asks panel
    assert window.panels["asks"].isVisible()


def test_clicking_a_finding_goes_to_its_paragraph_and_words(qtbot, window):
    _checked(qtbot, window)
    item = _select(window, "number-in-words")
    qtbot.mouseClick(_panel(window).list.viewport(), Qt.MouseButton.LeftButton,
                     pos=_panel(window).list.visualItemRect(item).center())
    assert window.text_view.current_block_id() == "b6"
    assert window.text_view.editor.textCursor().selectedText() == "3"


def test_typing_does_not_check_until_a_pause(qtbot, window):
    _checked(qtbot, window)
    runner = window.check_ui.runner
    window.text_view.focus_block("b7", len("Invites donors to support"))
    qtbot.keyClicks(window.text_view.editor, "  them")
    assert runner.timer.isActive()  # the keystrokes only started the timer
    assert ("OP3", "double-space") not in _rows(window)
    _checked(qtbot, window)
    assert ("OP3", "double-space") in _rows(window)


def test_a_fix_is_one_undo_step(qtbot, window, path):
    _checked(qtbot, window)
    stack = window.session.undo_stack
    window.text_view.focus_block("b6", -1)
    qtbot.keyClicks(window.text_view.editor, " ")  # typing just before: the fix must not merge into it
    qtbot.keyClick(window.text_view.editor, Qt.Key.Key_Backspace)
    _checked(qtbot, window)
    typed = stack.count()
    _select(window, "number-in-words")
    _panel(window).apply_button.click()
    assert window.session.row("b6").block.text == "Encourages cooperation among three regions;"
    assert stack.count() == typed + 1 and stack.undoText() == "Fix OP2: “3” → “three”"
    assert ("OP2", "number-in-words") not in _rows(window)
    stack.undo()
    assert load_text(path, "b6") == "Encourages cooperation among 3 regions;"
    _checked(qtbot, window)
    assert ("OP2", "number-in-words") in _rows(window)


def load_text(path, block_id: str) -> str:
    with DocumentFile.open(path, readonly=True) as doc:
        return load(doc).block(block_id).text


def test_a_footnote_fix_keeps_its_anchor_and_is_undone(qtbot, window, path):
    _checked(qtbot, window)
    _select(window, "double-space")
    _panel(window).apply_button.click()
    assert window.session.document.footnotes["f1"].text == "Resolution 69/283, annex II."
    assert ("PP2 (footnote)", "double-space") not in _rows(window)
    anchors = [m for m in window.session.document.block("b3").marks if m.kind == FOOTNOTE]
    assert [a.target for a in anchors] == ["f1"]
    window.session.undo_stack.undo()
    assert window.session.document.footnotes["f1"].text == "Resolution  69/283, annex II."


def test_in_propose_mode_a_fix_is_the_acting_delegations_proposal(qtbot, window, path):
    window.actions["propose_mode"].trigger()
    assert window.negotiation_ui.toolbar.acting_as.act_as("France")
    _checked(qtbot, window)
    _select(window, "date-format")
    _panel(window).apply_button.click()
    with DocumentFile.open(path, readonly=True) as doc:
        proposals = amendments(doc)
        text = load(doc).block("b2").text
    assert [(a.author, a.kind, a.target) for a in proposals] == [("France", "replace", "b2")]
    assert text == "Recalling its resolution 70/1 of September 25, 2015,"  # the text itself is unchanged
    _checked(qtbot, window)
    assert ("PP1", "date-format") not in _rows(window)  # checked as France proposes it
    window.session.undo_stack.undo()
    with DocumentFile.open(path, readonly=True) as doc:
        assert amendments(doc) == []
    # A footnote cannot be proposed: the fix says so and changes nothing.
    _checked(qtbot, window)
    _select(window, "double-space")
    _panel(window).apply_button.click()
    assert "switch to Edit Text mode" in window.statusBar().currentMessage()
    assert window.session.document.footnotes["f1"].text == "Resolution  69/283, annex II."


def test_a_paragraph_inserted_before_a_reference_offers_its_new_number(qtbot, window):
    _checked(qtbot, window)
    assert [rule for _, rule in _rows(window) if rule.startswith("xref")] == []
    window.text_view.focus_block("b5", -1)  # OP1: a new OP2 makes the old OP4 the new OP5
    window.actions["add_op"].trigger()
    qtbot.keyClicks(window.text_view.editor, "Welcomes the report;")
    _checked(qtbot, window)
    finding = _finding(_select(window, "xref-renumbered"))
    assert finding.message == "“paragraph 4 above” meant the paragraph that is now OP5 (renumbered)."
    _panel(window).apply_button.click()
    assert window.session.row("b30").block.text == "Invites donors to support paragraph 5 above;"
    _checked(qtbot, window)
    assert [rule for _, rule in _rows(window) if rule.startswith("xref")] == []


def test_a_revision_that_renumbers_is_checked_against_the_version_it_came_from(qtbot, qt_settings, tmp_path):
    path = tmp_path / "revised.resdesk"
    document = _document()
    create_document(path, document).close()
    with DocumentFile.open(path) as doc:
        added = add_amendment(doc, propose_new_paragraph(load(doc), "Fiji", "Welcomes the report;", "OP1"))
        set_statuses(doc, [added.id], "agreed")
        create_revision(doc)
    window = open_test_window(qtbot, path)
    try:
        _checked(qtbot, window)
        assert ("OP7", "xref-renumbered") in _rows(window)
        finding = _finding(_select(window, "xref-renumbered"))
        assert finding.message.endswith("(renumbered since original).")
    finally:
        window.close()


def test_every_widget_of_the_panels_is_named(qtbot, window):
    for widget in (_panel(window), _panel(window).list, _panel(window).apply_button, _panel(window).summary,
                   window.check_ui.asks_panel, window.check_ui.asks_panel.list, window.check_ui.asks_panel.summary):
        assert widget.objectName() and widget.accessibleName(), widget


def test_the_whole_text_is_checked_in_slices_between_which_the_window_handles_events(qtbot, qt_settings, tmp_path):
    path = tmp_path / "long.resdesk"
    create_document(path, synthetic_document(400, seed=2)).close()
    window = open_test_window(qtbot, path)
    try:
        runner = window.check_ui.runner
        qtbot.waitUntil(runner.idle, timeout=10000)
        runner.recheck_all()
        runner.timer.timeout.emit()  # the pause is over: one slice now, the rest at the next turns of the loop
        assert not runner.idle() and runner._queue
        qtbot.waitUntil(runner.idle, timeout=10000)
        assert len(runner.block_findings) == 400
    finally:
        window.close()

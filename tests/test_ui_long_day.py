"""The editor over a long day, in small: what piled up with every step (outline items at every change of
structure, history rows laid out one by one) stays as it is. The full day (5,000 steps, memory and step
time) is tests/bench/test_bench_long_day.py."""

from __future__ import annotations

import gc

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtGui import QStandardItem  # noqa: E402

from resdesk.ui.block_editor import BlockEditor  # noqa: E402
from test_ui_editor import go_to  # noqa: E402

pytest_plugins = ("ui_support",)


def _outline_items() -> int:
    gc.collect()
    return sum(isinstance(item, QStandardItem) for item in gc.get_objects())


def test_changes_of_structure_do_not_pile_up_outline_items(qtbot, window):
    """PySide never frees a QStandardItem made in Python once it was in a model: the outline built new ones
    at every change of structure, about 2 KB each, for good."""
    go_to(qtbot, window, "OP2")
    before = _outline_items()
    for _ in range(20):
        window.actions["indent"].trigger()
        window.actions["outdent"].trigger()
        qtbot.wait(1)
    assert _outline_items() == before
    assert window.outline.model_.items["b6"].text().startswith("OP2")


def test_the_outline_keeps_up_with_added_and_deleted_paragraphs(qtbot, window):
    go_to(qtbot, window, "OP6")
    window.actions["add_op"].trigger()
    qtbot.keyClicks(window.text_view.editor, "Decides to meet again;")
    qtbot.wait(1)
    new = window.text_view.current_block_id()
    assert window.outline.model_.items[new].text() == "OP7  Decides to meet again;"
    window.actions["delete"].trigger()
    qtbot.wait(1)
    assert new not in window.outline.model_.items
    operative = window.outline.model_.invisibleRootItem().child(1)
    assert [operative.child(row).text()[:3] for row in range(operative.rowCount())] == [
        "OP1", "OP2", "OP3", "OP4", "OP5", "OP6"]


def test_going_from_paragraph_to_paragraph_keeps_one_editor(qtbot, window):
    for label in ["OP1", "OP2", "PP3", "OP5 (a)", "OP6"] * 4:
        go_to(qtbot, window, label)
    qtbot.wait(5)  # the event loop deletes the editors closed
    assert len(window.findChildren(BlockEditor)) == 1


def test_the_history_lays_out_rows_of_one_height(window):
    """Qt resets the history at every change; with rows of varying height each reset measured every row
    (after 1,200 steps a keystroke took 8 ms more)."""
    assert window.history.uniformItemSizes()

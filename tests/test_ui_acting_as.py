"""*Acting as* in the window (pytest-qt): the selector commits exactly the delegation chosen, by keyboard or
mouse, by full or short name; an unknown name is added in the window, with its short name and kind."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtCore import Qt  # noqa: E402

from conftest import cli_outline  # noqa: E402
from resdesk.model.delegation import find_delegation  # noqa: E402
from resdesk.store.delegations import acting_as, document_delegations  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.ui.delegation_dialog import AddDelegationDialog  # noqa: E402
from ui_support import block_id, ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window


@pytest.fixture(autouse=True)
def no_unexpected_dialog(monkeypatch):
    """A dialog a test does not expect fails it instead of waiting for a click that never comes."""
    def unexpected(dialog):
        raise AssertionError(f"unexpected dialog {dialog.objectName()}")

    monkeypatch.setattr(AddDelegationDialog, "exec", unexpected)


def type_in_acting_as(qtbot, window, text: str, *keys):
    """Click the selector, type `text` over what it shows, then press `keys` where they go (the popup when open)."""
    box = ui(window).toolbar.acting
    qtbot.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)
    box.lineEdit().selectAll()
    if text.isascii():
        qtbot.keyClicks(box.lineEdit(), text)
    else:  # QTest types ASCII only
        box.lineEdit().insert(text)
    popup = box.completer().popup()
    for key in keys:
        qtbot.keyClick(popup if popup.isVisible() else box.lineEdit(), key)
    return box


def propose_alternative(window, monkeypatch, label: str, text: str) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.text_view.focus_block(block_id(window, label))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *args, **kwargs: (text, True)))
    window.actions["propose_alternative"].trigger()


def test_the_delegation_highlighted_with_the_keyboard_is_the_one_acted_as(qtbot, window, doc_path, monkeypatch):
    box = type_in_acting_as(qtbot, window, "Mexi", Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert window.session.negotiation.acting == "Mexico"
    assert box.currentText() == "Mexico"  # the box shows what the status bar says
    assert "Acting as: Mexico" in ui(window).toolbar.status.text()
    window.text_view.setFocus()  # leaving the selector changes nothing
    assert box.currentText() == "Mexico" and window.session.negotiation.acting == "Mexico"
    window.actions["propose_mode"].trigger()
    propose_alternative(window, monkeypatch, "OP1", "Calls upon all States to act;")
    assert [a["author"] for a in cli_outline(doc_path)["amendments"]] == ["Mexico"]  # the next proposal is Mexico's
    with DocumentFile.open(doc_path, readonly=True) as reader:
        assert acting_as(reader) == "Mexico"


def test_the_delegation_clicked_in_the_popup_or_the_list_is_the_one_acted_as(qtbot, window):
    box = type_in_acting_as(qtbot, window, "Mexi")
    popup = box.completer().popup()
    model = popup.model()
    mexico = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Mexico")
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(mexico).center())
    assert (window.session.negotiation.acting, box.currentText()) == ("Mexico", "Mexico")

    box.showPopup()
    view = box.view()
    g77 = box.model().index(box.findData("Group of 77 and China"), 0)
    view.scrollTo(g77)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(g77).center())
    assert window.session.negotiation.acting == "Group of 77 and China"
    assert box.currentText() == "Group of 77 and China — G77"


@pytest.mark.parametrize(("typed", "full"), [("EU", "European Union"), ("g77", "Group of 77 and China"),
                                             ("france", "France"), ("European Union — EU", "European Union")])
def test_a_name_typed_whole_full_or_short_is_acted_as(qtbot, window, typed, full):
    box = type_in_acting_as(qtbot, window, typed, Qt.Key.Key_Return)
    assert window.session.negotiation.acting == full
    assert box.findData(full) == box.currentIndex()


def test_a_short_name_finds_its_delegation_in_the_popup(qtbot, window):
    box = type_in_acting_as(qtbot, window, "G77", Qt.Key.Key_Down, Qt.Key.Key_Return)
    assert window.session.negotiation.acting == "Group of 77 and China"
    assert box.currentText() == "Group of 77 and China — G77"


def test_an_unknown_name_is_added_in_the_window_with_short_name_and_kind(qtbot, window, doc_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda parent, title, text: told.append(text)))
    offered = []

    def fill(dialog):
        offered.append(dialog.name.text())
        dialog.short_name.setText("Friends")
        dialog.kind.setCurrentIndex(dialog.kind.findData("group"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(AddDelegationDialog, "exec", fill)
    box = type_in_acting_as(qtbot, window, "Group of Friends of Mediation", Qt.Key.Key_Return)
    assert offered == ["Group of Friends of Mediation"]  # the name typed is offered to be added
    assert window.session.negotiation.acting == "Group of Friends of Mediation"
    assert box.currentText() == "Group of Friends of Mediation"
    with DocumentFile.open(doc_path, readonly=True) as reader:
        added = find_delegation(document_delegations(reader), "friends")
    assert (added.name, added.short_name, added.kind) == ("Group of Friends of Mediation", "Friends", "group")
    assert not any("resdesk" in sentence for sentence in [*told, window.statusBar().currentMessage()])
    type_in_acting_as(qtbot, window, "Mexico", Qt.Key.Key_Return)
    type_in_acting_as(qtbot, window, "friends", Qt.Key.Key_Return)  # by its short name from now on
    assert window.session.negotiation.acting == "Group of Friends of Mediation"


def test_cancelling_the_addition_keeps_the_delegation_acted_as(qtbot, window, monkeypatch):
    assert ui(window).toolbar.acting_as.act_as("Chile")
    monkeypatch.setattr(AddDelegationDialog, "exec", lambda dialog: 0)
    box = type_in_acting_as(qtbot, window, "Atlantis", Qt.Key.Key_Return)
    assert window.session.negotiation.acting == "Chile" and box.currentText() == "Chile"


def test_the_add_dialog_refuses_a_taken_name_in_one_sentence_and_stays_open(qtbot, window, doc_path):
    dialog = AddDelegationDialog(ui(window).toolbar.acting_as.add, "", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["member", "observer", "group", "other"]
    dialog.name.setText("france")
    dialog.accept()
    assert dialog.isVisible() and dialog.added is None
    assert dialog.refusal.text() == "“france” is already a delegation of this document."
    dialog.name.setText("Friends of the Chair")
    dialog.kind.setCurrentIndex(dialog.kind.findData("observer"))
    dialog.accept()
    assert not dialog.isVisible() and dialog.added.kind == "observer"
    assert dialog.added.short_name == "FC"  # no short name given: made from the name


def test_acting_as_is_one_key_away(qtbot, window):
    window.actions["choose_acting"].trigger()
    box = ui(window).toolbar.acting
    assert box.lineEdit().hasFocus()
    qtbot.keyClicks(box.lineEdit(), "Chil")
    qtbot.keyClick(box.completer().popup(), Qt.Key.Key_Down)
    qtbot.keyClick(box.completer().popup(), Qt.Key.Key_Return)
    assert window.session.negotiation.acting == "Chile"

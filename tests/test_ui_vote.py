"""The vote in the window (pytest-qt, offscreen): Record Vote…, the Voting Order panel (rule 90's order,
rearranged by hand and shown as such), a separate vote on words, amending an amendment, and the amendment
document from File ▸ Export…; each change one undo step, each refusal one sentence and no step."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QMessageBox  # noqa: E402

from conftest import SEED, cli_ok  # noqa: E402
from docx_support import paragraph_text  # noqa: E402
from resdesk.amend.voting import record_vote  # noqa: E402
from resdesk.model.vote import Vote  # noqa: E402
from resdesk.store.amendments import amendments  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.voting_order import hand_order  # noqa: E402
from resdesk.ui.amendment_panel import OUTCOME  # noqa: E402
from resdesk.ui.export_dialog import ExportDialog  # noqa: E402
from resdesk.ui.sub_amendment_dialog import SubAmendmentDialog  # noqa: E402
from resdesk.ui.vote_dialog import VoteDialog  # noqa: E402
from ui_support import open_test_window, ui  # noqa: E402

pytest_plugins = ("ui_support",)


@pytest.fixture
def tabled(tmp_path):
    """a1 changes words of OP2 and a2 deletes it (they collide); a3 is a new paragraph after OP3."""
    doc = tmp_path / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    cli_ok("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
           "--with", "to strengthen further")
    cli_ok("amend", doc, "--as", "Chile", "--delete-paragraph", "OP2")
    cli_ok("amend", doc, "--as", "Brazil", "--new-paragraph", "Encourages Member States to share good practices;",
           "--after", "OP3")
    return doc


@pytest.fixture
def vote_window(qtbot, qt_settings, tabled):
    window = open_test_window(qtbot, tabled)
    yield window
    window.close()


def record(path) -> dict[str, tuple]:
    with DocumentFile.open(path, readonly=True) as doc:
        return {a.id: (a.status, a.vote) for a in amendments(doc)}


def answer_vote(monkeypatch, fill) -> None:
    """Answer the vote dialog: `fill(dialog)` enters what a user types, then Record."""

    def answered(dialog):
        fill(dialog)
        return VoteDialog.DialogCode.Accepted

    monkeypatch.setattr(VoteDialog, "exec", answered)


def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    return shown


def test_a_vote_recorded_in_the_window_is_one_undo_step_with_its_figures(vote_window, tabled, monkeypatch):
    panel = ui(vote_window).amendment_panel
    panel.select("a2")
    shown_outcome = []
    answer_vote(monkeypatch, lambda d: (d.set_figures(58, 92, 21), shown_outcome.append(d.outcome.text())))
    stack = vote_window.session.undo_stack
    steps = stack.count()
    panel.vote_button.click()
    assert shown_outcome == ["Rejected by 58 votes to 92, with 21 abstentions."]
    assert record(tabled)["a2"] == ("rejected", Vote(58, 92, 21))
    assert stack.count() == steps + 1
    assert stack.undoText() == "Vote on OP2 (a2): rejected by 58 votes to 92, with 21 abstentions"
    outcomes = [panel.proxy.index(r, OUTCOME).data() for r in range(panel.proxy.rowCount())]
    assert "rejected by 58 votes to 92, with 21 abstentions" in outcomes
    stack.undo()
    assert record(tabled)["a2"] == ("proposed", None)
    stack.redo()
    assert record(tabled)["a2"] == ("rejected", Vote(58, 92, 21))


def test_a_vote_that_would_adopt_a_colliding_amendment_is_refused_in_the_window(vote_window, tabled, monkeypatch):
    record_vote(vote_window.session.file, "a1", Vote(without_vote=True))  # the file is open in the window
    vote_window.session.negotiation.refresh()
    shown = warnings(monkeypatch)
    answer_vote(monkeypatch, lambda d: d.set_figures(90, 10, 0, recorded=True))
    steps = vote_window.session.undo_stack.count()
    ui(vote_window).voting.record_vote("a2")
    assert shown == ["a2 (Chile, OP2, proposed) collides with a1 (Brazil, OP2, adopted). Among amendments that "
                     "collide, only one is adopted or agreed."]
    assert record(tabled)["a2"] == ("proposed", None) and vote_window.session.undo_stack.count() == steps


def test_the_voting_order_panel_follows_rule_90_and_the_chair(qtbot, vote_window, tabled):
    vote_window.actions["voting_order"].trigger()
    panel = ui(vote_window).voting_panel
    assert vote_window.panels["voting"].isVisible()
    assert panel.ids() == ["a2", "a1", "a3"]  # the deletion of OP2 before the change of its words
    assert panel.header.text().startswith("Rule 90")
    assert panel.list.item(0).text().startswith("1.  OP2 (a2) Chile: Delete operative paragraph 2")
    stack = vote_window.session.undo_stack
    panel.list.setCurrentRow(2)
    panel.up_button.click()
    assert panel.ids() == ["a2", "a3", "a1"] and panel.header.text().startswith("Set by hand")
    assert panel.list.item(1).text().startswith("2. [3]  OP3 bis (a3)")
    with DocumentFile.open(tabled, readonly=True) as doc:
        assert hand_order(doc) == ["a2", "a3", "a1"]  # kept in the document
    assert stack.undoText() == "Rearrange the voting order"
    stack.undo()
    assert panel.ids() == ["a2", "a1", "a3"] and panel.header.text().startswith("Rule 90")
    stack.redo()
    steps = stack.count()
    panel.list.model().moveRow(panel.list.rootIndex(), 0, panel.list.rootIndex(), 3)  # a drag of a2 to the end
    assert stack.count() == steps
    qtbot.waitUntil(lambda: stack.count() == steps + 1)  # asked for once the drop is over
    assert panel.ids() == ["a3", "a1", "a2"] and panel.header.text().startswith("Set by hand")
    with DocumentFile.open(tabled, readonly=True) as doc:
        assert hand_order(doc) == ["a3", "a1", "a2"]
    panel.rule_button.click()
    assert panel.ids() == ["a2", "a1", "a3"] and stack.undoText() == "Back to the voting order of rule 90"


def test_a_separate_vote_on_words_in_the_window(vote_window, tabled, monkeypatch):
    def fill(dialog):
        dialog.paragraph.setText("OP7")
        dialog.words.setText("within its mandate,")
        dialog.mover.setText("Norway")
        dialog.set_figures(40, 60, 5, recorded=True)

    answer_vote(monkeypatch, fill)
    stack = vote_window.session.undo_stack
    vote_window.actions["divide"].trigger()
    assert record(tabled)["a4"] == ("adopted", Vote(40, 60, 5, recorded=True, division=True))
    assert stack.undoText() == "Separate vote on “within its mandate,” in OP7"
    stack.undo()
    assert "a4" not in record(tabled)
    stack.redo()
    assert record(tabled)["a4"] == ("adopted", Vote(40, 60, 5, recorded=True, division=True))

    shown = warnings(monkeypatch)
    answer_vote(monkeypatch, lambda d: (d.paragraph.setText("OP7"), d.words.setText("no such words"),
                                        d.mover.setText("Norway")))
    steps = stack.count()
    vote_window.actions["divide"].trigger()
    assert shown == ["“no such words” does not occur in OP7 (0 times); quote the words exactly as they stand."]
    assert stack.count() == steps


def test_amending_an_amendment_in_the_window(vote_window, tabled, monkeypatch):
    assert ui(vote_window).toolbar.acting_as.act_as("Norway")
    panel = ui(vote_window).amendment_panel
    panel.select("a3")
    offered = []

    def edit(dialog):
        offered.append(dialog.edited())
        dialog.text.setPlainText("Urges Member States to share good practices;")
        return SubAmendmentDialog.DialogCode.Accepted

    monkeypatch.setattr(SubAmendmentDialog, "exec", edit)
    stack = vote_window.session.undo_stack
    panel.amend_button.click()
    assert offered == ["Encourages Member States to share good practices;"]
    with DocumentFile.open(tabled, readonly=True) as doc:
        sub = amendments(doc)[-1]
    assert (sub.id, sub.kind, sub.amends, sub.author, sub.old, sub.new) == ("a4", "sub-amendment", "a3", "Norway",
                                                                            "Encourages", "Urges")
    assert stack.undoText() == "Amend OP3 bis (a3)"
    vote_window.actions["voting_order"].trigger()
    assert ui(vote_window).voting_panel.ids() == ["a2", "a1", "a4", "a3"]
    stack.undo()
    assert "a4" not in record(tabled)

    shown = warnings(monkeypatch)
    panel.select("a2")
    panel.amend_button.click()
    assert shown[0].startswith("a2 puts no new words in the text")


def test_the_amendment_document_from_the_export_dialog(qtbot, vote_window, tabled):
    assert ui(vote_window).toolbar.acting_as.act_as("Brazil")
    dialog = ExportDialog(vote_window.session.negotiation, vote_window)
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("amendments"))
    assert dialog.mode.currentText() == "Amendment document"
    assert dialog.summary.text() == "The amendment document of Brazil: 2 amendments."
    dialog.symbol.setText("A/C.3/68/L.61")
    out = tabled.parent / "L.61.docx"
    dialog.output.setText(str(out))
    dialog.run()
    assert dialog.result() == dialog.DialogCode.Accepted
    with zipfile.ZipFile(out) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    texts = [paragraph_text(p) for p in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]
    assert "Brazil: amendments to draft resolution A/C.3/68/L.5" in texts
    assert texts[-2].startswith("1.\tIn operative paragraph 2, replace") and texts[-1].startswith("2.\tInsert")


def test_the_voting_widgets_have_names(vote_window):
    vote_window.actions["voting_order"].trigger()
    panel = ui(vote_window).voting_panel
    for widget in [w for kind in (QAbstractButton, QAbstractItemView, QLabel) for w in panel.findChildren(kind)]:
        assert widget.objectName() and widget.accessibleName(), widget
    dialog = VoteDialog(vote_window, division=True)
    for widget in dialog.findChildren(QAbstractButton) + [dialog.paragraph, dialog.words, dialog.mover]:
        assert widget.objectName() and widget.accessibleName(), widget
    dialog.deleteLater()

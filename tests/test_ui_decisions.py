"""The window's side of the record's rules (pytest-qt, offscreen): accepting an amendment that collides with
an accepted one offers to supersede it, as one undo step; Create Revision lists exactly what it applies and
carries, and dates the revision."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from conftest import SEED, cli_ok  # noqa: E402
from resdesk.store.amendments import amendments  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.documents import load  # noqa: E402
from resdesk.ui.amendment_actions import SupersedeQuestion  # noqa: E402
from resdesk.ui.revision_dialog import RevisionDialog  # noqa: E402
from ui_support import open_test_window, ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, negotiated, seed_window


@pytest.fixture
def colliding(tmp_path):
    """Brazil's and Norway's replacements in OP2 collide; Brazil's (a1) is agreed ad ref."""
    doc = tmp_path / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
           "--with", "to strengthen further")
    cli_ok("amend", doc, "--as", "Norway", "--in", "OP2", "--replace", "strengthen international coordination",
           "--with", "enhance international cooperation")
    cli_ok("status", doc, "a1", "agreed-ad-ref")
    return doc


@pytest.fixture
def colliding_window(qtbot, qt_settings, colliding):
    window = open_test_window(qtbot, colliding)
    yield window
    window.close()


def statuses(path) -> dict[str, str]:
    with DocumentFile.open(path, readonly=True) as doc:
        return {a.id: a.status for a in amendments(doc)}


def answer_supersede(monkeypatch, choice: bool) -> list[str]:
    """Answer the refusal dialog (supersede or cancel); returns the texts it showed."""
    shown = []

    def answer(question):
        shown.append(question.text())
        (question.supersede_button if choice else question.defaultButton()).click()
        return 0

    monkeypatch.setattr(SupersedeQuestion, "exec", answer)
    return shown


def test_accepting_a_colliding_amendment_offers_to_supersede_the_accepted_one(colliding_window, colliding,
                                                                              monkeypatch):
    stack = colliding_window.session.undo_stack
    steps = stack.count()
    shown = answer_supersede(monkeypatch, choice=False)
    ui(colliding_window).amendments.set_status(["a2"], "agreed")
    assert shown == ["a2 (Norway, OP2, proposed) collides with a1 (Brazil, OP2, agreed ad ref). Among amendments "
                     "that collide, only one is accepted."]
    assert "--" not in shown[0]  # no command line to run in a window
    assert statuses(colliding) == {"a1": "agreed-ad-ref", "a2": "proposed"} and stack.count() == steps

    answer_supersede(monkeypatch, choice=True)
    ui(colliding_window).amendments.set_status(["a2"], "agreed")
    assert statuses(colliding) == {"a1": "superseded", "a2": "agreed"}
    assert stack.count() == steps + 1 and stack.undoText() == "Mark OP2 agreed, superseding a1"
    stack.undo()  # one step takes both back
    assert statuses(colliding) == {"a1": "agreed-ad-ref", "a2": "proposed"}
    stack.redo()
    assert statuses(colliding) == {"a1": "superseded", "a2": "agreed"}


def test_the_supersede_question_names_its_buttons(qtbot, colliding_window):
    question = SupersedeQuestion(colliding_window, "a2 collides with a1.", ["a1"], ["a2"])
    qtbot.addWidget(question)
    assert question.supersede_button.text() == "Supersede a1 and accept a2"
    buttons = [question.supersede_button, question.defaultButton()]
    assert all(button.objectName() and button.accessibleName() for button in buttons)
    assert question.objectName() and question.accessibleName()


def summary_ids(text: str) -> tuple[list[str], list[str]]:
    """The ids listed as applied and as carried in the dialog's summary ("OP2 (a1) [European Union]")."""
    import re

    applied, carried = text.split("\n")
    return re.findall(r"\((a\d+)\)", applied), re.findall(r"\((a\d+)\)", carried)


def test_create_revision_lists_exactly_what_it_applies_and_carries_and_asks_for_the_date(
        qtbot, seed_window, negotiated, monkeypatch):
    from PySide6.QtCore import QDate

    ui(seed_window).amendments.set_status(["a3"], "agreed-ad-ref")
    dialog = RevisionDialog(seed_window.session.negotiation, seed_window)
    qtbot.addWidget(dialog)
    applied, carried = summary_ids(dialog.summary.text())
    assert applied == ["a1", "a3"]
    assert carried == ["a2", "a4", "a5", "a6", "a7", "a8", "a9"]
    assert dialog.summary.text().startswith("2 amendments will be applied: OP2 (a1) [European Union], "
                                            "OP3 ter (a3) [Mexico].")
    assert dialog.date.date() == QDate.currentDate()  # today, unless changed
    dialog.checks["agreed-ad-ref"].setChecked(False)  # a3 would be neither applied nor carried: refused
    assert "a3 is agreed ad ref" in dialog.summary.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.checks["agreed-ad-ref"].setChecked(True)

    def create(dialog):
        dialog.date.setDate(QDate(2026, 3, 15))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(RevisionDialog, "exec", create)
    seed_window.actions["create_revision"].trigger()
    with DocumentFile.open(negotiated, readonly=True) as doc:
        revised = load(doc)
        left = {a.id: a.status for a in amendments(doc)}
    assert (revised.version, revised.meta.date) == ("Rev.1", "2026-03-15")
    assert sorted(left) == carried and "agreed" not in left.values()  # every accepted one applied, none carried
    stack = seed_window.session.undo_stack
    stack.undo()
    stack.redo()  # made again, with the same date
    with DocumentFile.open(negotiated, readonly=True) as doc:
        assert load(doc).meta.date == "2026-03-15"

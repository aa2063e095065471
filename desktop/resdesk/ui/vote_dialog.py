"""Record Vote… and Separate Vote on Words…: the figures of a vote, and the outcome they make in the UN's words
("adopted by a recorded vote of 80 to 40, with 20 abstentions"), shown as they are typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from resdesk.errors import UserError
from resdesk.model.vote import Vote
from resdesk.ui.naming import name_buttons, named

MOST_VOTES = 999


class VoteDialog(QDialog):
    """The vote on one amendment (`subject`: "a5 (Mexico, OP15 alt 1, proposed)"), or with `division` the separate
    vote on some words of a paragraph (`paragraph`: the label to start with)."""

    def __init__(self, parent=None, *, subject: str = "", division: bool = False, paragraph: str = ""):
        super().__init__(parent)
        self.division = division
        named(self, "voteDialog", "Separate vote on words" if division else "Record the vote")
        self.setWindowTitle("Separate Vote on Words" if division else "Record Vote")
        form = QFormLayout()
        if division:
            self.paragraph = named(QLineEdit(paragraph, self), "voteParagraph", "Paragraph (OP5, PP3)")
            self.words = named(QLineEdit(self), "voteWords", "Words voted on separately, as they stand")
            self.mover = named(QLineEdit(self), "voteMover", "Delegation that moved the division")
            form.addRow("Paragraph:", self.paragraph)
            form.addRow("Words:", self.words)
            form.addRow("Moved by:", self.mover)
        else:
            form.addRow(QLabel(subject, self))
        self.counts = []
        for key, text in (("yes", "To retain the words:" if division else "In favour:"), ("no", "Against:"),
                          ("abstain", "Abstentions:")):
            box = named(QSpinBox(self), f"vote_{key}", text.rstrip(":"))
            box.setRange(0, MOST_VOTES)
            form.addRow(text, box)
            self.counts.append(box)
        self.recorded = named(QCheckBox("Recorded vote", self), "voteRecorded", "A recorded vote")
        form.addRow(self.recorded)
        self.without_vote = named(QCheckBox("Adopted without a vote", self), "voteWithout", "Adopted without a vote")
        if not division:
            form.addRow(self.without_vote)
        self.outcome = named(QLabel(self), "voteOutcome", "The outcome in the UN's words")
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        name_buttons(named(buttons, "voteButtons", "Record or cancel"), "vote")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)
        for box in self.counts:
            box.valueChanged.connect(self._show_outcome)
        self.recorded.toggled.connect(self._show_outcome)
        self.without_vote.toggled.connect(self._show_outcome)
        self._show_outcome()

    def vote(self) -> Vote:
        """The vote as entered (a UserError when it is not one)."""
        if self.without_vote.isChecked():
            return Vote(without_vote=True)
        yes, no, abstain = (box.value() for box in self.counts)
        return Vote(yes, no, abstain, recorded=self.recorded.isChecked(), division=self.division)

    def set_figures(self, yes: int, no: int, abstain: int, *, recorded: bool = False) -> None:
        for box, value in zip(self.counts, (yes, no, abstain), strict=True):
            box.setValue(value)
        self.recorded.setChecked(recorded)

    def _show_outcome(self) -> None:
        without = self.without_vote.isChecked()
        for widget in (*self.counts, self.recorded):
            widget.setEnabled(not without)
        try:
            words = self.vote().words()
        except UserError as error:
            words = str(error)
        self.outcome.setText(words[:1].upper() + words[1:] + ".")

"""Create Revision…: the name (next Rev.N), its date (today unless changed), the statuses to accept, and
exactly what will be applied and carried over.

What the dialog lists is the engine's own plan (`resdesk.amend.revise.revision_plan`), the one
`create_revision` follows: every amendment it applies and every one it carries, by label, id and
delegation. When the revision cannot be made (an accepted amendment that is stale or collides), the
plan's sentence is shown instead and Create is disabled.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from resdesk.amend.revise import RevisionPlan, next_revision_name, revision_plan
from resdesk.model.amendment import ACCEPTED_BY_DEFAULT, STATUSES, status_words
from resdesk.ui.naming import name_buttons, named


def revision_summary(plan: RevisionPlan, details: list[dict]) -> str:
    """"1 amendment will be applied: OP2 (a1) [European Union].\n8 pending amendments carried over …", or the
    plan's refusal."""
    if plan.refusal:
        return plan.refusal
    by_id = {d["id"]: d for d in details}

    def names(ids) -> str:
        return ", ".join(f"{by_id[i]['label'] or by_id[i]['target']} ({i}) [{by_id[i]['author']}]" for i in ids)

    applied, carried = plan.applied, plan.carried
    first = (f"{len(applied)} amendment{'s' if len(applied) != 1 else ''} will be applied"
             + (f": {names(applied)}." if applied else "."))
    second = (f"{len(carried)} pending amendment{'s' if len(carried) != 1 else ''} carried over to the new version"
              + (f": {names(carried)}." if carried else "."))
    return f"{first}\n{second}"


class RevisionDialog(QDialog):
    def __init__(self, negotiation, parent=None):
        super().__init__(parent)
        named(self, "revisionDialog", "Create revision")
        self.setWindowTitle("Create Revision")
        self.negotiation = negotiation
        self.name = named(QLineEdit(next_revision_name(negotiation.versions()), self), "revisionName",
                          "Name of the new version")
        self.date = named(QDateEdit(QDate.currentDate(), self), "revisionDate", "Date of the new version")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        box = named(QGroupBox("Accept amendments with the status", self), "revisionStatuses",
                    "Statuses accepted into the revision")
        box_layout = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for status in STATUSES:
            check = named(QCheckBox(status_words(status), box), f"revisionStatus_{status}",
                          f"Accept {status_words(status)}")
            check.setChecked(status in ACCEPTED_BY_DEFAULT)
            check.toggled.connect(self._update)
            box_layout.addWidget(check)
            self.checks[status] = check
        self.summary = named(QLabel(self), "revisionSummary", "What the revision applies and carries over")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        named(self.buttons, "revisionButtons", "Create or cancel")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        name_buttons(self.buttons, "revision")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Name:", self.name)
        form.addRow("Date:", self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update()

    def accepted_statuses(self) -> tuple[str, ...]:
        return tuple(status for status, check in self.checks.items() if check.isChecked())

    def iso_date(self) -> str:
        return self.date.date().toString("yyyy-MM-dd")

    def plan(self) -> RevisionPlan:
        return revision_plan(self.negotiation.document, self.negotiation.amendments, self.accepted_statuses())

    def _update(self) -> None:
        plan = self.plan()
        self.summary.setText(revision_summary(plan, self.negotiation.details))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not plan.refusal)

"""Create revision…: the name (next Rev.N), the statuses to accept, and what will be applied and carried over."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from resdesk.amend.filters import AmendmentFilter
from resdesk.amend.revise import next_revision_name
from resdesk.model.amendment import ACCEPTED_BY_DEFAULT, LIVE_STATUSES, STATUSES
from resdesk.ui.amendment_panel import status_text
from resdesk.ui.naming import name_buttons, named


def revision_summary(details: list[dict], amendments: list, accept: tuple[str, ...]) -> str:
    """"3 amendments will be applied: OP2 [EU], …; 4 pending amendments carried over to the new version."""
    chosen = {a.id for a in AmendmentFilter(statuses=accept).select(amendments)}
    carried = [a.id for a in amendments if a.status in LIVE_STATUSES and a.id not in chosen and not a.stale]
    by_id = {d["id"]: d for d in details}

    def names(ids) -> str:
        return ", ".join(f"{by_id[i]['label'] or by_id[i]['target']} [{by_id[i]['author']}]" for i in ids)

    applied = sorted(chosen, key=lambda i: int(i.lstrip("a") or 0))
    first = (f"{len(applied)} amendment{'s' if len(applied) != 1 else ''} will be applied"
             + (f": {names(applied)}." if applied else "."))
    second = (f"{len(carried)} pending amendment{'s' if len(carried) != 1 else ''} carried over to the new version"
              + (f": {names(carried)}." if carried else "."))
    return f"{first}\n{second}"


class RevisionDialog(QDialog):
    def __init__(self, negotiation, parent=None):
        super().__init__(parent)
        self.setObjectName("revisionDialog")
        self.setAccessibleName("Create revision")
        self.setWindowTitle("Create Revision")
        self.negotiation = negotiation
        self.name = QLineEdit(next_revision_name(negotiation.versions()), self)
        self.name.setObjectName("revisionName")
        self.name.setAccessibleName("Name of the new version")
        box = QGroupBox("Accept amendments with the status", self)
        box.setObjectName("revisionStatuses")
        box_layout = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for status in STATUSES:
            check = QCheckBox(status_text(status), box)
            check.setObjectName(f"revisionStatus_{status}")
            check.setAccessibleName(f"Accept {status_text(status)}")
            check.setChecked(status in ACCEPTED_BY_DEFAULT)
            check.toggled.connect(self._update)
            box_layout.addWidget(check)
            self.checks[status] = check
        self.summary = QLabel(self)
        self.summary.setObjectName("revisionSummary")
        self.summary.setAccessibleName("What the revision applies and carries over")
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        named(buttons, "revisionButtons", "Create or cancel")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        name_buttons(buttons, "revision")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Name:", self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._update()

    def accepted_statuses(self) -> tuple[str, ...]:
        return tuple(status for status, check in self.checks.items() if check.isChecked())

    def _update(self) -> None:
        self.summary.setText(revision_summary(self.negotiation.details, self.negotiation.amendments,
                                              self.accepted_statuses()))

"""Edit Footnotes: the footnotes of the current paragraph, each with its text and a Remove box."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget


class FootnoteDialog(QDialog):
    def __init__(self, notes: dict[str, str], markers: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("footnoteDialog")
        self.setAccessibleName("Edit footnotes")
        self.setWindowTitle("Edit Footnotes")
        self.notes = notes
        self.fields: dict[str, QLineEdit] = {}
        self.remove_boxes: dict[str, QCheckBox] = {}
        layout = QFormLayout(self)
        for note_id, text in notes.items():
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            field = QLineEdit(text, row)
            field.setObjectName(f"footnote_{note_id}")
            field.setAccessibleName(f"Footnote {markers.get(note_id, '')} text")
            remove = QCheckBox("Remove", row)
            remove.setObjectName(f"footnoteRemove_{note_id}")
            remove.setAccessibleName(f"Remove footnote {markers.get(note_id, '')}")
            line.addWidget(field, 1)
            line.addWidget(remove)
            layout.addRow(f"Footnote {markers.get(note_id, '')}", row)
            self.fields[note_id] = field
            self.remove_boxes[note_id] = remove
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("footnoteButtons")
        buttons.setAccessibleName("Footnote dialog buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.setMinimumWidth(520)

    def changed_texts(self) -> dict[str, str]:
        return {note_id: field.text().strip() for note_id, field in self.fields.items()
                if field.text().strip() != self.notes[note_id] and not self.remove_boxes[note_id].isChecked()}

    def removed(self) -> list[str]:
        return [note_id for note_id, box in self.remove_boxes.items() if box.isChecked()]

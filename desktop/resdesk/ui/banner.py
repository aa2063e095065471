"""The strip above the text that says why a document is read-only, and offers Save As where a copy helps.

A document opens read-only when another window or process has it, when its folder (or the file, or the
disk) cannot be written, or when another program changed its schema; the reason is the sentence the
document file gave. A copy saved elsewhere can be changed in the first two cases, not the third (Save As
would copy the foreign schema too).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from resdesk.ui.naming import named

STYLE = "QFrame#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid #e0c060; }"


class Banner(QFrame):
    def __init__(self, parent: QWidget):
        super().__init__(parent)
        named(self, "readOnlyBanner", "Read-only notice")
        self.setStyleSheet(STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = named(QLabel(self), "readOnlyReason", "Why the document is read-only")
        self.label.setWordWrap(True)
        self.save_as = named(QPushButton("Save As…", self), "bannerSaveAs", "Save a copy that can be changed")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.save_as)
        self.hide()

    def show_reason(self, sentence: str, *, offer_copy: bool) -> None:
        self.label.setText(f"Read-only. {sentence}")
        self.save_as.setVisible(offer_copy)
        self.show()

"""Object and accessible names for the negotiation's widgets (tests and screen readers find them by these)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def named(widget, name: str, accessible: str):
    """`widget` with its objectName and accessibleName set; returned for chaining."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    return widget


def name_buttons(box: QDialogButtonBox, prefix: str) -> QDialogButtonBox:
    """Name each button of a dialog's button box after its text ("exportButton_Cancel")."""
    for button in box.buttons():
        text = button.text().replace("&", "")
        named(button, f"{prefix}Button_{text.replace(' ', '')}", text)
    return box

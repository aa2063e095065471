"""The serif face of UN documents: Times New Roman, else its metric twin Liberation Serif.

The choice is explicit (looked up in QFontDatabase) rather than left to font
substitution, so a PDF made on Linux has the same line breaks as one made on
Windows: Liberation Serif has Times New Roman's advance widths.
"""

from __future__ import annotations

from functools import lru_cache

from resdesk.un.languages import SERIF_FAMILIES


@lru_cache(maxsize=1)
def serif_family() -> str:
    """The first installed family of SERIF_FAMILIES ("Serif", Qt's generic face, if none is)."""
    from PySide6.QtGui import QFontDatabase

    installed = set(QFontDatabase.families())
    for family in SERIF_FAMILIES:
        if family in installed:
            return family
    return "Serif"


def serif(size: float, *, bold: bool = False, italic: bool = False):
    """A QFont of the serif family at `size` points: no hinting (exact PDF metrics) and no pair
    kerning, as Word sets text by default, so that lines break where they do in the Word export."""
    from PySide6.QtGui import QFont

    font = QFont(serif_family())
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font

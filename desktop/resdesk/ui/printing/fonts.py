"""The faces of printing, per script (`resdesk.un.languages.SCRIPTS`): Times New Roman, else its metric twin
Liberation Serif, for Latin and Cyrillic; the script's own faces for Arabic and Chinese.

The choice is explicit (looked up in QFontDatabase) rather than left to font substitution, so a PDF made on
Linux has the same line breaks as one made on Windows (Liberation Serif has Times New Roman's advance widths),
and no glyph is ever drawn blank: Qt's own fallback takes a family's italic face for italic text even when that
face lacks the script (DejaVu Sans Oblique has no Arabic letters, so every italic Arabic run printed nothing).
Here a style a script's face does not write is drawn from the face's upright style, slanted by Qt; a script
that is never slanted (Chinese) is drawn upright.
"""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont

from resdesk.un.languages import LATIN, SCRIPTS, SERIF_FAMILIES, Script

#: A letter of each script (its code point: PySide's QRawFont.supportsCharacter(str) answers False), to ask a face
#: whether it writes the script.
_SAMPLE = {"Latin": ord("a"), "Arabic": 0x0628, "Han": 0x4E00}


@lru_cache(maxsize=1)
def serif_family() -> str:
    """The first installed family of SERIF_FAMILIES ("Serif", Qt's generic face, if none is)."""
    installed = _installed(SERIF_FAMILIES)
    return installed[0] if installed else "Serif"


def _installed(families: tuple[str, ...]) -> list[str]:
    present = set(QFontDatabase.families())
    return [family for family in families if family in present]


@cache
def script_families(script: Script) -> tuple[str, ...]:
    """The families a script is printed in, in order: its installed faces, then every other script's (so a
    character outside the script still finds a face before Qt asks the system)."""
    def faces(of: Script) -> list[str]:
        return [serif_family()] if of is LATIN else _installed(of.faces)

    return tuple(dict.fromkeys([*faces(script), *(family for other in SCRIPTS for family in faces(other))]))


def serif(size: float, *, bold: bool = False, italic: bool = False, script: Script = LATIN):
    """A QFont for text of `script` at `size` points: no hinting (exact PDF metrics) and no pair kerning, as Word
    sets text by default, so that lines break where they do in the Word export. Italics are upright in a script
    that is never slanted, and slanted from the upright face where the script's face has no italic with its
    letters."""
    font = QFont()
    font.setFamilies(list(script_families(script)))
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if italic and script.slants:
        upright = _upright_style(script, bold)
        if upright:
            font.setStyleName(upright)
        font.setItalic(True)
    return font


@cache
def _upright_style(script: Script, bold: bool) -> str:
    """The style name to draw an italic of `script` from, when the first face's italic lacks the script's letters
    (Qt then slants this upright style); "" when the italic face writes them (or none is installed)."""
    families = script_families(script)
    if not families:
        return ""
    italic = QFont(families[0])
    italic.setBold(bold)
    italic.setItalic(True)
    if QRawFont.fromFont(italic).supportsCharacter(_SAMPLE[script.name]):
        return ""
    upright = QFont(families[0])
    upright.setBold(bold)
    return QFontInfo(upright).styleName()

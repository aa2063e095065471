"""The fonts the installed (frozen) application carries, registered with Qt at start.

`make dist` puts them in `resources/fonts` of the bundle (`packaging/fonts.py`); a checkout or a
wheel has none and uses the system's. When they are there, every one is added to Qt's font
database, and the Arabic and Chinese faces become substitutes of the serif faces the printing and
the text view use: Qt tries a family's substitutes, in order, for the characters the family lacks
before it asks the system, so a PDF of an Arabic or Chinese text is set in the same faces on every
machine, whatever fonts that machine has. The window's own font is left alone: it may be a generic
name ("Sans Serif") that only the system resolves, and a substitute would then replace it whole.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from resdesk.resources import resource
from resdesk.un.languages import SCRIPTS, SERIF_FAMILIES

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
# The bundled faces of the scripts Latin-script fonts lack (each script's first), in the order Qt should try them.
SCRIPT_FACES = tuple(script.faces[0] for script in SCRIPTS if script.letters)


def register_fonts(folder: Path) -> list[str]:
    """Add every font file of `folder` to Qt's font database; the families added, sorted.

    Needs a running QGuiApplication. The script faces among them become substitutes of the
    printing's serif families."""
    if not folder.is_dir():
        return []
    families: set[str] = set()
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            families.update(QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path))))
    faces = [face for face in SCRIPT_FACES if face in families]
    if faces:
        for family in SERIF_FAMILIES:
            known = {name.lower() for name in (family, *QFont.substitutes(family))}  # Qt keeps them lower-case
            QFont.insertSubstitutions(family, [face for face in faces if face.lower() not in known])
    return sorted(families)


@cache
def register_bundled_fonts() -> list[str]:
    """Register the bundle's fonts once per process (none outside a frozen build)."""
    return register_fonts(Path(str(resource("fonts"))))

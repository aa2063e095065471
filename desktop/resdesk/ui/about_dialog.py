"""Help > About: the application's version, the document format's, and the licences of what it bundles.

The installed application carries Python, Qt with PySide6, python-docx, lxml (with libxml2 and
libxslt), SQLite and fonts; each is named here with its version and licence, and the LGPL notice
says where Qt's and PySide6's source is. The fonts are listed from the manifest the build writes
beside them (`resources/fonts/fonts.json`); without it (a checkout, a wheel) the system's fonts are used.
The build also puts the licence texts in `resources/licences`, and the dialog links to each.
"""

from __future__ import annotations

import html
import json
import platform
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import docx
import lxml
from lxml import etree
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from resdesk import __version__
from resdesk.resources import resource
from resdesk.store.schema import SCHEMA_VERSION
from resdesk.ui.naming import name_buttons, named

QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"
LGPL = "https://www.gnu.org/licenses/lgpl-3.0.html"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    note: str = ""


def _dotted(numbers: tuple[int, ...]) -> str:
    return ".".join(str(number) for number in numbers)


def components() -> list[Component]:
    """Every library the application is built on, with its version in this process."""
    return [
        Component("Qt", qVersion(), "GNU LGPL version 3",
                  f"Qt is used under the GNU Lesser General Public License version 3 ({LGPL}). Its source code "
                  f"is available from {QT_SOURCE}. The Qt libraries are separate files in the program's "
                  "folder and may be replaced by your own build of the same version."),
        Component("Qt for Python (PySide6, Shiboken6)", pyside_version, "GNU LGPL version 3",
                  f"Its source code is available from {PYSIDE_SOURCE}."),
        Component("Python", platform.python_version(), "Python Software Foundation License"),
        Component("python-docx", docx.__version__, "MIT License"),
        Component("lxml", lxml.__version__, "BSD License (3-clause)",
                  f"With libxml2 {_dotted(etree.LIBXML_VERSION)} and libxslt {_dotted(etree.LIBXSLT_VERSION)}, "
                  "MIT License."),
        Component("SQLite", sqlite3.sqlite_version, "Public domain"),
    ]


def bundled_fonts() -> list[dict]:
    """The fonts' manifest entries (families, files, licence, licence_file, source); none outside a build."""
    manifest = Path(str(resource("fonts", "fonts.json")))
    if not manifest.is_file():
        return []
    return json.loads(manifest.read_text(encoding="utf-8"))["fonts"]


def _linked(text: str) -> str:
    """`text` as HTML, its web addresses as links."""
    return re.sub(r"(https://[^\s()]+?)(?=[.)]*(?:\s|$))", r'<a href="\1">\1</a>', html.escape(text))


def licences_html() -> str:
    """The licences section of the dialog, as the HTML its text browser shows."""
    rows = []
    for part in components():
        note = f"<br>{_linked(part.note)}" if part.note else ""
        rows.append(f"<p><b>{html.escape(part.name)}</b> {html.escape(part.version)}: "
                    f"{html.escape(part.licence)}.{note}</p>")
    fonts = bundled_fonts()
    folder = Path(str(resource("fonts")))
    rows.append("<h3>Fonts</h3>")
    for entry in fonts:
        link = QUrl.fromLocalFile(str(folder / entry["licence_file"])).toString()
        rows.append(f"<p><b>{html.escape(', '.join(entry['families']))}</b>: {html.escape(entry['licence'])} "
                    f"(<a href=\"{link}\">licence</a>; {html.escape(entry['source'])}).</p>")
    if not fonts:
        rows.append("<p>No fonts are bundled: the system's fonts are used.</p>")
    texts = Path(str(resource("licences")))
    if texts.is_dir():
        rows.append("<h3>Licence texts</h3><p>")
        for path in sorted(file for file in texts.rglob("*") if file.is_file()):
            link = QUrl.fromLocalFile(str(path)).toString()
            rows.append(f"<a href=\"{link}\">{html.escape(path.relative_to(texts).as_posix())}</a><br>")
        rows.append("</p>")
    return "\n".join(rows)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "aboutDialog", "About Resolution Desk")
        self.setWindowTitle("About Resolution Desk")
        self.resize(620, 520)
        heading = named(QLabel(
            f"<h2>Resolution Desk {html.escape(__version__)}</h2>"
            "<p>Drafting and negotiating United Nations resolutions, offline.</p>"
            f"<p>Document format version {SCHEMA_VERSION}. Resolution Desk is free software under the MIT License.</p>"
        ), "aboutHeading", "Version")
        heading.setWordWrap(True)
        self.licences = named(QTextBrowser(), "aboutLicences", "Licences of the bundled software")
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(licences_html())
        buttons = name_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close), "about")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(named(QLabel("Built with:"), "aboutBuiltWith", "Built with"))
        layout.addWidget(self.licences)
        layout.addWidget(buttons)

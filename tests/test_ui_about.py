"""Help > About (pytest-qt, offscreen) and the registration of a build's bundled fonts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import docx  # noqa: E402
import lxml  # noqa: E402
from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QTimer, qVersion  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTextBrowser  # noqa: E402

from resdesk import __version__  # noqa: E402
from resdesk.store.schema import SCHEMA_VERSION  # noqa: E402
from resdesk.ui import about_dialog, bundled_fonts  # noqa: E402
from resdesk.ui.about_dialog import AboutDialog  # noqa: E402
from resdesk.un.languages import SERIF_FAMILIES  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_help_about_opens_the_dialog_with_versions_and_licences(qtbot, window):
    seen = {}

    def read_and_close():
        dialog = QApplication.activeModalWidget()
        seen["name"] = (dialog.objectName(), dialog.accessibleName())
        seen["heading"] = dialog.findChild(QLabel, "aboutHeading").text()
        seen["licences"] = dialog.findChild(QTextBrowser, "aboutLicences").toPlainText()
        seen["html"] = dialog.findChild(QTextBrowser, "aboutLicences").toHtml()
        dialog.findChild(QPushButton, "aboutButton_Close").click()

    QTimer.singleShot(0, read_and_close)
    window.actions["about"].trigger()
    assert seen["name"] == ("aboutDialog", "About Resolution Desk")
    assert f"Resolution Desk {__version__}" in seen["heading"]
    assert f"Document format version {SCHEMA_VERSION}" in seen["heading"]
    licences = seen["licences"]
    assert f"Qt {qVersion()}: GNU LGPL version 3" in licences
    assert "source code is available from https://download.qt.io/official_releases/qt/" in licences
    assert f"Qt for Python (PySide6, Shiboken6) {pyside_version}: GNU LGPL version 3" in licences
    assert f"python-docx {docx.__version__}: MIT License" in licences
    assert f"lxml {lxml.__version__}: BSD License" in licences
    html = seen["html"]
    assert '<a href="https://download.qt.io/official_releases/qt/">' in html
    assert '<a href="https://www.gnu.org/licenses/lgpl-3.0.html">' in html
    # Run from a checkout: no fonts bundled, and the dialog says so.
    assert "No fonts are bundled: the system's fonts are used." in licences


def test_about_lists_the_bundled_fonts_and_licence_texts_of_a_build(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "resources"
    (folder / "fonts").mkdir(parents=True)
    manifest = {"fonts": [{"families": ["Noto Naskh Arabic"], "files": ["NotoNaskhArabic-Regular.ttf"],
                           "licence": "SIL Open Font License 1.1", "licence_file": "fonts-noto-core.copyright",
                           "source": "Debian package fonts-noto-core 20201225-1"}]}
    (folder / "fonts" / "fonts.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "licences" / "lxml").mkdir(parents=True)
    (folder / "licences" / "lxml" / "LICENSE.txt").write_text("BSD", encoding="utf-8")
    monkeypatch.setattr(about_dialog, "resource", lambda *parts: folder.joinpath(*parts))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.licences.toPlainText()
    assert "Noto Naskh Arabic: SIL Open Font License 1.1 (licence; Debian package fonts-noto-core 20201225-1)." in text
    assert "No fonts are bundled" not in text
    assert (folder / "fonts" / "fonts-noto-core.copyright").as_uri() in dialog.licences.toHtml()
    assert "Licence texts\nlxml/LICENSE.txt" in text
    assert (folder / "licences" / "lxml" / "LICENSE.txt").as_uri() in dialog.licences.toHtml()


@pytest.mark.skipif(not DEJAVU.is_file(), reason="needs DejaVu Sans (fonts-dejavu-core)")
def test_bundled_fonts_are_registered_and_script_faces_substitute_for_the_serif(qapp, tmp_path, monkeypatch):
    # A font file under a script face's family name stands in for Noto Naskh Arabic: only the
    # family name matters to the registration.
    (tmp_path / "DejaVuSans.ttf").write_bytes(DEJAVU.read_bytes())
    (tmp_path / "fonts.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(bundled_fonts, "SCRIPT_FACES", ("DejaVu Sans",))
    window_font = QGuiApplication.font().family()
    families = (*SERIF_FAMILIES, window_font)
    before = {family: QFont.substitutes(family) for family in families}
    try:
        assert bundled_fonts.register_fonts(tmp_path) == ["DejaVu Sans"]
        assert "DejaVu Sans" in QFontDatabase.families()
        for family in SERIF_FAMILIES:
            assert QFont.substitutes(family)[-1] == "dejavu sans"
        # The window's font (possibly a generic name) would be replaced whole by a substitute.
        assert QFont.substitutes(window_font) == before[window_font]
        bundled_fonts.register_fonts(tmp_path)  # again: no second substitute
        assert QFont.substitutes("Liberation Serif").count("dejavu sans") == 1
    finally:
        for family, substitutes in before.items():
            QFont.removeSubstitutions(family)
            if substitutes:
                QFont.insertSubstitutions(family, substitutes)


def test_no_fonts_folder_registers_nothing(qapp, tmp_path):
    assert bundled_fonts.register_fonts(tmp_path / "fonts") == []

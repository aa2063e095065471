"""Shared set-up for the editor's pytest-qt tests: settings in a temporary place, a document, a window."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document, Footnote, Meta
from resdesk.store.documents import create_document
from resdesk.text.inline import FOOTNOTE, Mark


def editor_document() -> Document:
    """The enacting formula, three PPs (one with a footnote), six OPs, OP5 with (a) and (b)."""
    blocks = [Block("b1", FORMULA, "The General Assembly,")]
    pps = ["Recalling its resolution 70/1 of 25 September 2015,", "Reaffirming the Sendai Framework,",
           "Deeply concerned by the number of people affected,"]
    for number, text in enumerate(pps, start=2):
        blocks.append(Block(f"b{number}", PREAMBULAR, text))
    blocks[2].marks.append(Mark(FOOTNOTE, len(pps[1]), len(pps[1]), "f1"))
    ops = ["Calls upon Member States to act;", "Encourages cooperation;", "Invites donors to support;",
           "Also invites the private sector to cooperate;", "Requests the Secretary-General:",
           "Decides to remain seized of the matter."]
    for offset, text in enumerate(ops):
        blocks.append(Block(f"b{5 + offset}", OPERATIVE, text))
    blocks.insert(9, Block("b20", SUBPARAGRAPH, "To report;", parent="b9"))
    blocks.insert(10, Block("b21", SUBPARAGRAPH, "To consult widely;", parent="b9"))
    return Document(meta=Meta(symbol="A/C.2/81/L.7", title="Early warning for all", sponsors=["Fiji", "Ghana"],
                              language="en"),
                    blocks=blocks, footnotes={"f1": Footnote("f1", "Resolution 69/283, annex II.")})


@pytest.fixture
def qt_settings(tmp_path, qapp):
    """QSettings and QStandardPaths in temporary places (never the user's own settings)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    qapp.setOrganizationName("Resolution Desk")
    qapp.setApplicationName("resdesk")
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    QSettings().clear()
    return settings_dir


@pytest.fixture
def doc_path(tmp_path) -> Path:
    path = tmp_path / "draft.resdesk"
    create_document(path, editor_document()).close()
    return path


def open_test_window(qtbot, path: Path):
    """A shown main window on `path`, closed (and its document released) at the end of the test."""
    from resdesk.ui.app import open_window, wait_until_rendered

    window = open_window(str(path), interactive=False, restore=False)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    wait_until_rendered(window)
    return window


@pytest.fixture
def window(qtbot, qt_settings, doc_path):
    window = open_test_window(qtbot, doc_path)
    yield window
    window.close()

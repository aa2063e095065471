"""Shared set-up for the window's pytest-qt tests: settings in a temporary place, a document, a window,
the seed negotiated by the CLI as a user would, and reading results back (`resdesk outline --json`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SEED, cli_ok
from negotiation import EIGHT_AMENDMENTS
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
def qt_settings(tmp_path, tmp_path_factory, qapp, monkeypatch):
    """QSettings and QStandardPaths in temporary places (never the user's own settings).

    Test mode puts QStandardPaths under ~/.qttest, which every run on the machine shares; a home of
    the test's own keeps one run's data folder (say, an example written by a newer format) from
    another's."""
    from PySide6.QtCore import QSettings, QStandardPaths

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
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


@pytest.fixture(scope="module")
def negotiated_master(tmp_path_factory):
    """The seed with the eight amendments of the done-criteria, a France amendment in OP5, a1 agreed."""
    doc = tmp_path_factory.mktemp("seed") / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    for delegation, args in EIGHT_AMENDMENTS:
        cli_ok("amend", doc, "--as", delegation, *args)
    cli_ok("amend", doc, "--as", "France", "--in", "OP5", "--replace", "Member States", "--with", "all Member States")
    cli_ok("status", doc, "a1", "agreed")
    return doc


@pytest.fixture
def negotiated(negotiated_master, tmp_path):
    copy = tmp_path / "seed.resdesk"
    shutil.copy(negotiated_master, copy)
    return copy


@pytest.fixture
def seed_window(qtbot, qt_settings, negotiated):
    window = open_test_window(qtbot, negotiated)
    yield window
    window.close()


def ui(window):
    return window.negotiation_ui


def block_id(window, label: str) -> str:
    return next(block for block, name in window.session.labels().items() if name == label)

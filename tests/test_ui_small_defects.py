"""Small defects of the window (issue 10, item 8): where the Word-file dialog opens, what Ctrl+F finds and
where Ctrl+G lands in the markup view, the date of a revision (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.register_assert_rewrite("ui_support")

from ui_support import ui  # noqa: E402

pytest_plugins = ("ui_support",)  # fixtures: qt_settings, doc_path, window, negotiated, seed_window


def test_the_word_file_dialog_opens_in_the_documents_folder(seed_window, negotiated, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda parent, title, folder, kinds: asked.append(folder) or ("", "")))
    ui(seed_window).toolbar.acting_as.act_as("Brazil")
    seed_window.actions["propose_from_word"].trigger()
    assert asked == [str(negotiated.parent)]

"""Writing on a full disk (a small tmpfs): every command says the disk is full in one sentence, leaves the
document as it was and no temporary or lock file behind; a PDF is never left truncated under its name.
Exports are flushed to the disk before and after their rename."""

from __future__ import annotations

import os

import pytest

from conftest import SEED
from resdesk.cli import main
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load

pytest_plugins = ("small_disk", "ui_support")


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("full") / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(path)]) == 0
    return path


def one_sentence(capsys) -> str:
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1, captured
    return captured.err.removeprefix("resdesk: error: ").rstrip("\n")


@pytest.mark.parametrize("name", ["out.pdf", "out.docx", "out.xml"])
def test_an_export_to_a_full_disk_is_refused_and_leaves_nothing(seed_doc, small_disk, capsys, name):
    small_disk.fill()
    assert main(["export", str(seed_doc), "-o", str(small_disk.path / name)]) == 2
    assert one_sentence(capsys) == (f"The disk has no space left for {name}, so it was not written; free some "
                                    "space or choose another place.")
    assert small_disk.names() == []
    small_disk.free()
    assert main(["export", str(seed_doc), "-o", str(small_disk.path / name)]) == 0
    data = (small_disk.path / name).read_bytes()
    if name.endswith(".pdf"):
        assert data.rstrip().endswith(b"%%EOF")


def test_a_change_to_a_document_on_a_full_disk_says_so_and_changes_nothing(seed_doc, small_disk, capsys):
    path = small_disk.path / "seed.resdesk"
    path.write_bytes(seed_doc.read_bytes())
    small_disk.fill()
    for args in (["meta", str(path), "--set", "symbol=A/C.3/68/L.5/Rev.1"],
                 ["amend", str(path), "--as", "EU", "--delete-paragraph", "OP1"]):
        assert main(args) == 2
        sentence = one_sentence(capsys)
        assert sentence.startswith("The disk holding seed.resdesk is full, so ") and "damaged" not in sentence
        assert "seed.resdesk-lock" not in small_disk.names()
    small_disk.free()
    with DocumentFile.open(path, readonly=True) as reader:
        assert load(reader).meta.symbol == ""
        assert reader.conn.execute("SELECT count(*) FROM amendment").fetchone() == (0,)


def test_an_import_onto_a_full_disk_leaves_nothing(small_disk, capsys):
    small_disk.fill()
    assert main(["import", str(SEED), "-o", str(small_disk.path / "seed.resdesk")]) == 2
    assert one_sentence(capsys).startswith("The disk holding seed.resdesk is full")
    assert small_disk.names() == []


def test_the_window_export_pdf_on_a_full_disk_tells_and_leaves_nothing(qtbot, qt_settings, seed_doc, small_disk,
                                                                       monkeypatch):
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui_support import open_test_window

    window = open_test_window(qtbot, seed_doc)
    target = small_disk.path / "seed.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: told.append(text))
    small_disk.fill()
    window.actions["export_pdf"].trigger()
    assert told == ["The disk has no space left for seed.pdf, so it was not written; free some space or choose "
                    "another place."]
    assert small_disk.names() == []
    small_disk.free()
    window.actions["export_pdf"].trigger()
    assert target.read_bytes().rstrip().endswith(b"%%EOF")
    window.close()


def test_a_pdf_that_is_not_whole_is_never_written(seed_doc, tmp_path, monkeypatch, capsys):
    from resdesk.ui.printing import pdf_export

    cut = pdf_export.fixed_dates
    monkeypatch.setattr(pdf_export, "fixed_dates", lambda data, date: cut(data, date)[:-200])
    assert main(["export", str(seed_doc), "-o", str(tmp_path / "out.pdf")]) == 2
    assert one_sentence(capsys) == "The PDF could not be made whole, so it was not written."
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_an_export_is_flushed_before_and_after_its_rename(seed_doc, tmp_path, monkeypatch):
    import stat

    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(source, target):
        events.append(f"rename to {os.path.basename(target)}")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    assert main(["export", str(seed_doc), "-o", str(tmp_path / "out.docx")]) == 0
    assert events == ["fsync file", "rename to out.docx", "fsync folder"]


"""Limits: a title longer than Word's core properties take, footnote markers thousands of digits long, a
corrupt deflate stream and doubled part names in a .docx. Each is either handled or one sentence."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from conftest import SEED
from resdesk.cli import main
from resdesk.errors import BadInputError
from resdesk.formats.sources import read_source

pytest_plugins = ("ui_support",)  # the editor's fixtures: qt_settings

DC = "{http://purl.org/dc/elements/1.1/}"
LONG_TITLE = "Strengthening the coordination of emergency humanitarian assistance " * 5  # 355 characters


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("limits")
    doc = folder / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(doc)]) == 0
    out = folder / "seed.docx"
    assert main(["export", str(doc), "-o", str(out)]) == 0
    return doc, out.read_bytes()


def test_a_title_longer_than_the_core_properties_take_is_cut_there_and_whole_in_the_page(seed_docx, tmp_path):
    doc = tmp_path / "seed.resdesk"
    doc.write_bytes(seed_docx[0].read_bytes())
    assert main(["meta", str(doc), "--set", f"title={LONG_TITLE.strip()}"]) == 0
    assert main(["export", str(doc), "-o", str(tmp_path / "out.docx")]) == 0
    with zipfile.ZipFile(tmp_path / "out.docx") as package:
        core = etree.fromstring(package.read("docProps/core.xml"))
        body = package.read("word/document.xml").decode()
    assert core.find(f"{DC}title").text == LONG_TITLE.strip()[:255]
    words = LONG_TITLE.split()
    assert all(word in body for word in words[-4:]) and body.count("humanitarian") >= 5


def test_a_footnote_marker_of_thousands_of_digits_is_text(tmp_path):
    source = tmp_path / "draft.txt"
    source.write_text(SEED.read_text(encoding="utf-8").replace("Reaffirming", "Reaffirming" + "¹" * 5000, 1)
                      + "\n" + "²" * 5000 + " A note that is not one.\n", encoding="utf-8")
    document = read_source(source)
    reaffirming = next(block for block in document.blocks if block.text.startswith("Reaffirming"))
    assert "¹" * 5000 in reaffirming.text
    assert not [mark for mark in reaffirming.marks if mark.kind == "footnote"]


def _corrupt_deflate(data: bytes, part: str = "word/document.xml") -> bytes:
    """The package with the compressed bytes of `part` scrambled (its directory entry intact)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        info = package.getinfo(part)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for offset in range(start + 10, start + 40):
        damaged[offset] ^= 0x55
    return bytes(damaged)


def _doubled(data: bytes, part: str = "word/document.xml") -> bytes:
    """The package with a second entry called `part` (differing only in case, as OPC names are)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr(part.upper(), source.read(part).replace(b"Reaffirming", b"Abolishing"))
    return out.getvalue()


@pytest.mark.parametrize("damage, expected", [
    (_corrupt_deflate, "bad.docx is damaged (word/document.xml cannot be decompressed)."),
    (_doubled, "bad.docx holds two parts called WORD/DOCUMENT.XML, which a Word document never does"),
])
def test_a_broken_package_is_one_sentence_on_import_and_as_proposals(seed_docx, tmp_path, capsys, damage, expected):
    doc = tmp_path / "seed.resdesk"
    doc.write_bytes(seed_docx[0].read_bytes())
    bad = tmp_path / "bad.docx"
    bad.write_bytes(damage(seed_docx[1]))
    with pytest.raises(BadInputError) as refused:
        read_source(bad)
    assert str(refused.value).startswith(expected)
    capsys.readouterr()
    for args in (["import", str(bad), "-o", str(tmp_path / "new.resdesk")],
                 ["amend", str(doc), "--as", "Brazil", "--from-docx", str(bad)]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"resdesk: error: {expected}") and err.count("\n") == 1
    assert not (tmp_path / "new.resdesk").exists()


def test_the_window_tells_a_corrupt_word_file_in_a_message(qtbot, qt_settings, seed_docx, tmp_path, monkeypatch):
    pytest.importorskip("PySide6")
    from PySide6.QtWidgets import QDialog, QMessageBox

    from resdesk.ui.word_files_dialog import WordFilesDialog
    from ui_support import open_test_window

    doc = tmp_path / "seed.resdesk"
    doc.write_bytes(seed_docx[0].read_bytes())
    bad = tmp_path / "bad.docx"
    bad.write_bytes(_corrupt_deflate(seed_docx[1]))
    window = open_test_window(qtbot, doc)
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: told.append(text))
    monkeypatch.setattr(WordFilesDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)  # Brazil's file
    window.session.negotiation.set_acting("Brazil")
    window.negotiation_ui.proposals.propose_from_word([str(bad)])
    assert told == ["bad.docx is damaged (word/document.xml cannot be decompressed)."]
    assert window.session.undo_stack.count() == 0
    window.close()



@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_a_utf32_file_with_a_bom_is_called_utf32(tmp_path, encoding):
    source = tmp_path / "draft.txt"
    source.write_bytes(("\ufeff" + SEED.read_text(encoding="utf-8")).encode(encoding))
    with pytest.raises(BadInputError, match="draft.txt is UTF-32 text, which is not a format"):
        read_source(source)
    from resdesk.formats.text_import import import_text

    with pytest.raises(BadInputError, match="draft.txt is UTF-32 text; save it as UTF-8"):
        import_text(source.read_bytes(), "draft.txt")

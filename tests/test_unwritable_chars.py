"""Characters no Word or XML file can hold (U+0001, U+FFFF, half a surrogate pair) are kept out at every door:
refused in command options (one sentence naming the option), dropped from imported text files, cleaned out
of what is pasted in the editor, and refused by the document file itself. No export then meets one."""

from __future__ import annotations

import subprocess
import sys

import pytest

from builders import small_document
from conftest import SEED
from resdesk.cli import main
from resdesk.errors import UserError
from resdesk.model.comment import Comment
from resdesk.store import editing
from resdesk.store.comments import add_comment
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document, load, set_meta
from resdesk.text.chars import clean, first_unwritable, first_unwritable_in_json

pytest_plugins = ("ui_support",)  # the editor's fixtures: qt_settings, doc_path


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(path)]) == 0
    return path


@pytest.mark.parametrize("args, option", [
    (["meta", "{doc}", "--set", "title=Early\x01warning"], "--set"),
    (["amend", "{doc}", "--as", "EU", "--in", "OP2", "--replace", "to continue to strengthen", "--with",
      "to strengthen\uffff"], "--with"),
    (["comment", "{doc}", "--as", "EU", "--on", "OP2", "--text", "Fine\x1b[31m"], "--text"),
    (["delegation", "{doc}", "--add", "Atlantis\ufffe"], "--add"),
    (["amend", "{doc}", "--as", "EU\x07", "--delete-paragraph", "OP1"], "--as"),
])
def test_an_option_with_an_unwritable_character_is_refused_in_one_sentence(doc, capsys, args, option):
    before = doc.read_bytes()
    assert main([arg.format(doc=doc) for arg in args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith(f"resdesk: error: The text of {option} contains U+")
    assert "which a Word or XML file cannot hold; remove it and try again." in captured.err
    assert doc.read_bytes() == before


def test_bytes_that_are_not_utf8_in_an_argument_are_refused(doc):
    result = subprocess.run([sys.executable, "-m", "resdesk", "meta", str(doc), "--set", b"title=caf\xe9"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "The text of --set contains U+DCE9 (half of a character, left by a broken encoding)" in result.stderr


def test_a_text_file_with_noncharacters_imports_without_them_and_exports(tmp_path, capsys):
    source = tmp_path / "draft.txt"
    source.write_bytes(SEED.read_bytes().replace(b"Reaffirming", b"Reaff\xef\xbf\xbfirming", 1)
                       .replace(b"Urges", b"\xef\xbf\xbeUrges", 1))
    target = tmp_path / "draft.resdesk"
    assert main(["import", str(source), "-o", str(target)]) == 0
    with DocumentFile.open(target, readonly=True) as reader:
        document = load(reader)
    texts = [block.text for block in document.blocks]
    assert not any(first_unwritable(text) for text in texts)
    assert any(text.startswith("Reaffirming") for text in texts) and any(text.startswith("Urges") for text in texts)
    for name in ("out.docx", "out.xml"):
        assert main(["export", str(target), "-o", str(tmp_path / name)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("write", [
    lambda doc: set_meta(doc, {"title": "Early\x01warning"}),
    lambda doc: set_meta(doc, {"sponsors": ["Fiji", "Ghana\x02"]}),
    lambda doc: editing.update_text(doc, "b2", "Reaffirming\uffff", []),
    lambda doc: editing.insert_block(doc, "b2", "preambular", "Noting\ud800"),
    lambda doc: add_comment(doc, Comment("", "Mexico", "See\x0c", block="b2")),
])
def test_the_document_file_refuses_them_whichever_way_they_came(tmp_path, write):
    path = tmp_path / "d.resdesk"
    create_document(path, small_document()).close()
    with DocumentFile.open(path) as doc:
        events = doc.conn.execute("SELECT count(*) FROM event").fetchone()
        with pytest.raises(UserError, match=r"^A text to be saved contains U\+[0-9A-F]{4} \("):
            write(doc)
        assert load(doc) == small_document()
        assert doc.conn.execute("SELECT count(*) FROM event").fetchone() == events
        assert doc.conn.execute("SELECT count(*) FROM comment").fetchone() == (0,)


def test_tabs_line_feeds_and_escaped_backslashes_are_writable():
    assert first_unwritable("a\tb\nc\rd \u00e9 \U0001f600") is None
    assert first_unwritable_in_json('"a\\\\u0001 is how one writes it"') is None
    assert first_unwritable_in_json('"a\\u0001"') == "\x01"
    assert clean("a\x01b\uffffc\ud800d") == "abcd"


def test_the_editor_cleans_what_is_pasted(qtbot, qt_settings, doc_path):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QMimeData

    from test_ui_editor import go_to, on_disk
    from ui_support import open_test_window

    window = open_test_window(qtbot, doc_path)
    go_to(qtbot, window, "OP1")
    data = QMimeData()
    data.setText(" and\x01 now\uffff")
    window.text_view.editor.insertFromMimeData(data)
    assert on_disk(doc_path).block("b5").text == "Calls upon Member States to act;and now"
    window.close()



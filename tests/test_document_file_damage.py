"""Damaged and altered document files: refused in one sentence by every command, never a traceback;
`resdesk check-file` lists what is wrong; a schema that is not exactly ours is never written to."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import SEED
from negotiation import EIGHT_AMENDMENTS
from resdesk.cli import main
from resdesk.errors import DocumentFileError, DocumentReadOnlyError
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load

pytest_plugins = ("ui_support",)  # the window's fixtures: qt_settings


def cli(capsys, *args) -> tuple[int, str, str]:
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory):
    """The seed with the eight amendments of the done-criteria and two comments."""
    path = tmp_path_factory.mktemp("damage") / "seed.resdesk"
    assert main(["import", str(SEED), "-o", str(path)]) == 0
    for delegation, args in EIGHT_AMENDMENTS:
        assert main(["amend", str(path), "--as", delegation, *args]) == 0
    assert main(["comment", str(path), "--as", "Mexico", "--on", "OP7", "--text", "We can accept it."]) == 0
    assert main(["comment", str(path), "--as", "EU", "--on", "a1", "--text", "Fine.", "--private"]) == 0
    return path


@pytest.fixture
def doc(negotiated, tmp_path, capsys):
    target = tmp_path / "seed.resdesk"
    target.write_bytes(negotiated.read_bytes())
    capsys.readouterr()
    return target


def alter(path, *statements) -> None:
    """Edit the file behind Resolution Desk's back, as an SQLite tool (or bit rot) would."""
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


DAMAGE = {
    "marks not JSON": ("UPDATE block SET marks = '[\"italic\", 1' WHERE id = 'b5'",
                       "block b5 of version original: its marks are not a JSON list"),
    "a mark of the wrong shape": ("UPDATE block SET marks = '[[\"italic\", \"one\", 2]]' WHERE id = 'b5'",
                                  "block b5 of version original: its marks hold"),
    "a mark beyond the text": ("UPDATE block SET marks = '[[\"italic\", 0, 99999]]' WHERE id = 'b5'",
                               "a mark (0–99999) lies outside its text"),
    "metadata not JSON": ("UPDATE meta SET value = '{broken' WHERE key = 'title'",
                          "the metadata “title” of version original: it is not a JSON string"),
    "sponsors not a list": ("UPDATE meta SET value = '\"Fiji\"' WHERE key = 'sponsors'",
                            "the metadata “sponsors” of version original: it is not a JSON list of names"),
    "co-sponsors not JSON": ("UPDATE amendment SET co_sponsors = 'Chile, Peru' WHERE id = 'a3'",
                             "amendment a3: its co-sponsors are not a JSON list of names"),
    "co-sponsors of the wrong shape": ("UPDATE amendment SET co_sponsors = '{\"a\": 1}' WHERE id = 'a3'",
                                       "amendment a3: its co-sponsors are not a JSON list of names"),
    "a proposed paragraph without text": ("UPDATE amendment SET new_block = '{\"id\": \"b90\"}' WHERE id = 'a2'",
                                          "amendment a2: its proposed paragraph lacks"),
    "an unknown status": ("UPDATE amendment SET status = 'maybe' WHERE id = 'a1'",
                          "amendment a1: its status “maybe” is not one Resolution Desk knows"),
    "an unknown block kind": ("UPDATE block SET kind = 'poem' WHERE id = 'b5'",
                              "block b5 of version original: its kind “poem”"),
    "bytes for text": ("UPDATE block SET text = CAST('Urges' AS BLOB) WHERE id = 'b5'",
                       "block b5 of version original: its text is"),
    "bytes that are not UTF-8": ("UPDATE block SET text = CAST(X'55726765F4' AS TEXT) WHERE id = 'b5'",
                                 "block b5 of version original: it holds U+DCF4 (half of a character"),
    "an unwritable character": ("UPDATE amendment SET new = 'x' || char(65535) WHERE id = 'a1'",
                                "amendment a1: it holds U+FFFF (not a character at all)"),
    "a counter behind the ids": ("UPDATE setting SET value = '3' WHERE key = 'next_amendment'",
                                 "the setting “next_amendment”: it would hand out the number 3 again"),
    "the version row missing": ("DELETE FROM version", "the file holds no version of the text"),
    "the current version missing": ("UPDATE setting SET value = '7' WHERE key = 'current_version'",
                                    "the setting “current_version”: it names a version that is not in the file"),
    "a footnote anchor to nothing": ("DELETE FROM footnote", "it anchors a footnote that is not in the file"),
    "a sub-paragraph without its parent": ("UPDATE block SET kind = 'subparagraph', parent = 'b999' WHERE id = 'b6'",
                                           "its parent paragraph b999 is not in the file"),
    "groups not JSON": ("INSERT INTO delegation (name, groups, added) VALUES ('Atlantis', 'AOSIS', 1)",
                        "the delegation Atlantis: its groups are not a JSON list of names"),
}

COMMANDS = [
    ("outline", "{doc}"),
    ("outline", "{doc}", "--json", "--view", "markup"),
    ("meta", "{doc}"),
    ("meta", "{doc}", "--set", "symbol=X"),
    ("export", "{doc}", "-o", "{tmp}/out.docx"),
    ("export", "{doc}", "-o", "{tmp}/out.xml"),
    ("amend", "{doc}", "--as", "EU", "--delete-paragraph", "OP1"),
    ("status", "{doc}", "a1", "agreed"),
    ("comment", "{doc}", "--as", "EU", "--on", "OP1", "--text", "Hm."),
    ("delegation", "{doc}"),
    ("revise", "{doc}"),
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_file_is_one_sentence_in_every_command_and_stays_untouched(doc, tmp_path, capsys, damage):
    statement, expected = DAMAGE[damage]
    alter(doc, "PRAGMA foreign_keys = OFF", statement)
    before = doc.read_bytes()
    for command in COMMANDS:
        args = [part.format(doc=doc, tmp=tmp_path) for part in command]
        status, out, err = cli(capsys, *args)
        assert status == 2 and out == "", (command, out, err)
        assert err.count("\n") == 1 and err.startswith("resdesk: error: seed.resdesk is damaged ("), (command, err)
        assert expected in err and "resdesk check-file seed.resdesk" in err
    assert doc.read_bytes() == before
    assert not list(tmp_path.glob("out.*")) and not list(tmp_path.glob(".*tmp"))
    assert not (tmp_path / "seed.resdesk-lock").exists()


@pytest.mark.parametrize("damage", DAMAGE)
def test_check_file_lists_what_is_wrong(doc, capsys, damage):
    statement, expected = DAMAGE[damage]
    alter(doc, "PRAGMA foreign_keys = OFF", statement)
    status, out, err = cli(capsys, "check-file", doc)
    assert status == 1 and err == ""
    assert expected in out and all(line.startswith("seed.resdesk: ") for line in out.splitlines())


def test_check_file_says_a_sound_file_is_sound(doc, capsys):
    status, out, _ = cli(capsys, "check-file", doc)
    assert status == 0 and "seed.resdesk: sound" in out


def test_check_file_runs_sqlites_integrity_check(doc, capsys):
    # Zero the root page of an index: the rows are all there (our checks see nothing), SQLite's check does.
    conn = sqlite3.connect(doc)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'block_order'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(doc.read_bytes())
    data[(root - 1) * page_size:root * page_size] = bytes(page_size)
    doc.write_bytes(bytes(data))
    status, out, _ = cli(capsys, "check-file", doc)
    assert status == 1 and "seed.resdesk: SQLite" in out


def test_a_schema_holding_bytes_that_are_not_text_is_damage(doc, capsys):
    """SQLite's own message about it quotes the bytes: the sqlite3 module then raised UnicodeDecodeError."""
    conn = sqlite3.connect(doc)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET name = CAST(X'61F462' AS TEXT) WHERE name = 'sqlite_autoindex_block_1'")
    conn.commit()
    conn.close()
    status, _, err = cli(capsys, "outline", doc)
    assert status == 2 and "seed.resdesk is damaged and cannot be read (its schema is not readable text)" in err
    status, out, _ = cli(capsys, "check-file", doc)
    assert status == 1 and out == "seed.resdesk: SQLite cannot read it (its schema is not readable text)\n"


def test_check_file_refuses_what_is_not_a_document(tmp_path, capsys):
    path = tmp_path / "notes.resdesk"
    path.write_text("The General Assembly,\n")
    status, out, err = cli(capsys, "check-file", path)
    assert status == 2 and out == "" and "not a Resolution Desk document" in err


def test_event_log_detail_is_checked_by_check_file_only(doc, capsys):
    alter(doc, "UPDATE event SET detail = 'oops' WHERE id = 3")
    status, out, _ = cli(capsys, "outline", doc)
    assert status == 0
    status, out, _ = cli(capsys, "check-file", doc)
    assert status == 1 and "event 3 of the log: its detail is not a JSON object" in out


# -- a schema that is not exactly ours -------------------------------------------------------------


TRIGGER = "CREATE TRIGGER wipe AFTER UPDATE ON amendment BEGIN DELETE FROM amendment; DELETE FROM comment; END"


def test_an_extra_trigger_is_never_run_by_a_write(doc, tmp_path, capsys):
    alter(doc, TRIGGER)
    before = doc.read_bytes()
    status, _, err = cli(capsys, "status", doc, "a1", "agreed")
    assert status == 2
    assert err == ("resdesk: error: seed.resdesk was changed by another program (it has an extra trigger “wipe”), "
                   "so Resolution Desk will not write to it; it can be opened read-only, to read or export it.\n")
    assert doc.read_bytes() == before
    with pytest.raises(DocumentReadOnlyError):
        DocumentFile.open(doc)
    # Read-only, for reading and export, it opens: every amendment and comment is still there.
    status, out, _ = cli(capsys, "outline", doc, "--json")
    outline = json.loads(out)
    assert status == 0 and len(outline["amendments"]) == 8 and len(outline["comments"]) == 2
    status, _, err = cli(capsys, "export", doc, "-o", tmp_path / "out.docx")
    assert status == 0 and (tmp_path / "out.docx").stat().st_size > 0


@pytest.mark.parametrize("statement, expected", [
    ("CREATE VIEW v AS SELECT 1", "it has an extra view “v”"),
    ("CREATE INDEX extra ON block (text)", "it has an extra index “extra”"),
    ("DROP INDEX amendment_version", "the index “amendment_version” is missing"),
    ("CREATE TABLE notes (x)", "it has an extra table “notes”"),
])
def test_any_other_schema_difference_forbids_writing(doc, capsys, statement, expected):
    alter(doc, statement)
    status, _, err = cli(capsys, "meta", doc, "--set", "symbol=X")
    assert status == 2 and expected in err
    assert cli(capsys, "meta", doc)[0] == 0


def test_a_table_not_as_we_made_it_is_refused_even_for_reading(doc, capsys):
    alter(doc, "ALTER TABLE block ADD COLUMN colour TEXT")
    status, _, err = cli(capsys, "outline", doc)
    assert status == 2
    assert "the table “block” is not as Resolution Desk made it" in err
    with pytest.raises(DocumentFileError):
        DocumentFile.open(doc, readonly=True)


def test_a_sound_file_opens_and_loads(doc):
    with DocumentFile.open(doc, readonly=True) as reader:
        assert load(reader).meta.committee == "Third Committee"


def test_the_window_refuses_a_damaged_file_in_one_sentence(doc, qtbot, qt_settings, monkeypatch):
    pytest.importorskip("PySide6")
    from resdesk.ui import app

    alter(doc, "UPDATE amendment SET co_sponsors = 'Chile, Peru' WHERE id = 'a3'")
    shown = []
    monkeypatch.setattr(app, "show_error", lambda parent, sentence: shown.append(sentence))
    assert app.open_window(str(doc)) is None
    assert shown == ["seed.resdesk is damaged (amendment a3: its co-sponsors are not a JSON list of names), so it "
                     "cannot be opened; `resdesk check-file seed.resdesk` lists every problem."]

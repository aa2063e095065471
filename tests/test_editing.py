"""Block editing operations on the document file: each one transaction, each one invertible."""

from __future__ import annotations

import pytest

from builders import small_document
from resdesk.errors import UserError
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH
from resdesk.store import editing
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document, load
from resdesk.text.inline import FOOTNOTE, ITALIC, Mark


@pytest.fixture
def doc(tmp_path):
    with create_document(tmp_path / "d.resdesk", small_document()) as opened:
        yield opened


def ids(doc) -> list[str]:
    return [block.id for block in load(doc).blocks]


def events(doc) -> int:
    return doc.conn.execute("SELECT count(*) FROM event").fetchone()[0]


def test_update_text_commits_and_returns_previous(doc, tmp_path):
    before = events(doc)
    previous = editing.update_text(doc, "b5", "Requests the Secretary-General, urgently:", [Mark(ITALIC, 0, 8)])
    assert previous.text == "Requests the Secretary-General:"
    assert events(doc) == before + 1
    # Visible to another connection at once: nothing waits for a save.
    with DocumentFile.open(tmp_path / "d.resdesk", readonly=True) as reader:
        block = load(reader).block("b5")
    assert block.text == "Requests the Secretary-General, urgently:"
    assert block.marks == [Mark(ITALIC, 0, 8)]
    editing.update_text(doc, "b5", previous.text, previous.marks)
    assert load(doc) == small_document()


def test_insert_after_a_paragraph_goes_after_its_sub_paragraphs(doc):
    new_id = editing.insert_block(doc, "b5", OPERATIVE, "Decides to remain seized of the matter.")
    assert ids(doc) == ["b1", "b2", "b3", "b4", "b5", "b6", "b7", new_id]
    assert new_id not in {b.id for b in small_document().all_blocks()}
    editing.delete_block(doc, new_id)
    assert load(doc) == small_document()
    # Ids are never handed out twice, even after a deletion.
    assert editing.insert_block(doc, None, PREAMBULAR) != new_id


def test_insert_at_the_start_and_redo_with_the_same_id(doc):
    editing.insert_block(doc, None, PREAMBULAR, "Noting,", block_id="b99")
    assert ids(doc)[0] == "b99"


def test_delete_takes_sub_paragraphs_and_restore_puts_them_back(doc):
    removed = editing.delete_block(doc, "b5")
    assert [p.block.id for p in removed] == ["b5", "b6", "b7"]
    assert ids(doc) == ["b1", "b2", "b3", "b4"]
    editing.restore_blocks(doc, removed)
    assert load(doc) == small_document()


def test_move_keeps_sub_paragraphs_with_their_parent(doc):
    old = editing.move_up(doc, "b5")
    assert ids(doc) == ["b1", "b2", "b3", "b5", "b6", "b7", "b4"]
    editing.move_block(doc, "b5", old)
    assert load(doc) == small_document()
    assert editing.move_down(doc, "b5") is None  # already the last paragraph
    editing.move_down(doc, "b4")
    assert ids(doc) == ["b1", "b2", "b3", "b5", "b6", "b7", "b4"]


def test_sub_paragraphs_move_among_their_siblings(doc):
    assert editing.move_up(doc, "b6") is None
    editing.move_down(doc, "b6")
    assert ids(doc) == ["b1", "b2", "b3", "b4", "b5", "b7", "b6"]


def test_move_to_a_position(doc):
    editing.move_block(doc, "b4", 1)
    assert ids(doc) == ["b1", "b4", "b2", "b3", "b5", "b6", "b7"]


def test_set_kind(doc):
    assert editing.set_kind(doc, "b3", OPERATIVE) == PREAMBULAR
    assert load(doc).block("b3").kind == OPERATIVE
    with pytest.raises(UserError):
        editing.set_kind(doc, "b3", SUBPARAGRAPH)


def test_indent_and_outdent_with_inverse(doc):
    before = editing.indent(doc, "b5")
    moved = load(doc)
    assert (moved.block("b5").kind, moved.block("b5").parent) == (SUBPARAGRAPH, "b4")
    assert moved.block("b6").parent == "b5"  # its own sub-paragraphs go one level deeper
    editing.restore_structure(doc, before)
    assert load(doc) == small_document()
    with pytest.raises(UserError):
        editing.indent(doc, "b6")  # first sub-paragraph: nothing above at its level
    editing.indent(doc, "b7")
    assert load(doc).block("b7").parent == "b6"


def test_outdent_keeps_the_reading_order(doc):
    before = editing.outdent(doc, "b6")
    text = load(doc)
    assert (text.block("b6").kind, text.block("b6").parent) == (OPERATIVE, None)
    assert text.block("b7").parent == "b6"
    assert ids(doc) == ["b1", "b2", "b3", "b4", "b5", "b6", "b7"]
    editing.restore_structure(doc, before)
    assert load(doc) == small_document()
    with pytest.raises(UserError):
        editing.outdent(doc, "b5")


def test_footnotes_add_remove_edit(doc):
    note = editing.add_footnote(doc, "b5", 8, "A/81/1.")
    text = load(doc)
    assert text.footnotes[note].text == "A/81/1."
    assert Mark(FOOTNOTE, 8, 8, note) in text.block("b5").marks
    offset = editing.remove_footnote_anchor(doc, "b5", note)
    assert offset == 8 and not [m for m in load(doc).block("b5").marks if m.kind == FOOTNOTE]
    editing.add_footnote_anchor(doc, "b5", offset, note)
    assert Mark(FOOTNOTE, 8, 8, note) in load(doc).block("b5").marks
    previous = editing.set_footnote_text(doc, "f1", "Resolution 60/288.")
    assert previous.text == "General Assembly resolution 60/288."
    assert load(doc).footnotes["f1"].text == "Resolution 60/288."


def test_read_only_file_refuses_edits(doc, tmp_path):
    with DocumentFile.open(tmp_path / "d.resdesk", readonly=True) as reader, pytest.raises(UserError):
        editing.update_text(reader, "b2", "x", [])


def test_unknown_block_is_one_sentence(doc):
    with pytest.raises(UserError, match="not in the current version"):
        editing.update_text(doc, "b404", "x", [])

"""A delegation's Word file read back as its proposals: typed over or with Track Changes, without our bookmarks,
with a paragraph added as Word records it, and written by a real word processor (LibreOffice)."""

from __future__ import annotations

import copy
import json
import re

import pytest

from docx_support import NEW_OP, W, delegation_edits, rewrite_docx, seed_document
from office import SOFFICE, convert
from resdesk.amend.anchors import TextIndex
from resdesk.amend.instructions import instruction
from resdesk.errors import BadInputError, UserError
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx_proposals import WordFile, delegation_from_name, word_file_proposals
from resdesk.model.delegation import bundled_delegations
from word_files import NEW_TEXT, context_of, enter_after


def proposals(document, data: bytes, name: str = "Brazil.docx", delegation: str = ""):
    (result,) = word_file_proposals([WordFile(name, data, delegation)], context_of(document))
    return result


def _instructions(document, found) -> list[str]:
    index = TextIndex.of(document)
    return sorted(instruction(index, proposal) for proposal in found)


EXPECTED = sorted([
    "Delete operative paragraph 7",
    "In operative paragraph 2, replace “continue to strengthen” with “strengthen further”",
    f"Insert a new operative paragraph after operative paragraph 3, reading: “{NEW_OP}”",
])


def test_our_file_sent_back_unchanged_proposes_nothing():
    document = seed_document()
    result = proposals(document, render_clean(document), "back.docx")
    assert (result.proposals, result.comments, result.duplicates, result.delegation) == ([], [], 0, "")


@pytest.mark.parametrize("tracked", [False, True], ids=["typed over", "with Track Changes"])
def test_a_delegations_edits_become_its_proposals(tracked):
    document = seed_document()
    edited = rewrite_docx(render_clean(document), delegation_edits(document, tracked=tracked))
    result = proposals(document, edited)
    assert _instructions(document, result.proposals) == EXPECTED
    authors = {(p.author, p.status, p.version, p.id) for p in result.proposals}
    assert authors == {("Brazil", "proposed", "original", "")}  # typed: the file's; tracked: its author's
    assert result.not_placed == []


def test_a_file_without_our_bookmarks_is_matched_by_its_text():
    document = seed_document()

    def edits_without_bookmarks(root):
        delegation_edits(document, tracked=False)(root)
        ours = {mark.get(f"{W}id") for mark in root.iter(f"{W}bookmarkStart") if mark.get(f"{W}name").startswith("_RD")}
        for mark in list(root.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd")):
            if mark.get(f"{W}id") in ours:
                mark.getparent().remove(mark)

    edited = rewrite_docx(render_clean(document), edits_without_bookmarks)
    assert _instructions(document, proposals(document, edited).proposals) == EXPECTED


def test_bookmarks_written_from_another_document_file_are_not_trusted():
    """A file exported from a copy of the text imported separately names other paragraphs by our ids: matched
    by its words instead, it proposes exactly what was changed."""
    document = seed_document()
    other = seed_document()
    for block in other.all_blocks():
        block.id = f"x{int(block.id[1:]) + 1}"
        block.parent = f"x{int(block.parent[1:]) + 1}" if block.parent else None
    other.block(_label_id(other, "OP7")).text += " Decides to remain seized of the matter."
    assert _instructions(document, proposals(document, render_clean(other), "copy.docx", "Chile").proposals) == [
        "In operative paragraph 7, after “resolutions;”, insert “Decides to remain seized of the matter.”"]


def _label_id(document, label: str) -> str:
    return next(ident for ident, name in TextIndex.of(document).labels.items() if name == label)


def test_a_paragraph_added_as_word_records_enter_at_the_end_of_another():
    """Word marks the paragraph where Enter was pressed as the inserted one; the new paragraph is still the
    new one, and the paragraph it follows is unchanged."""
    document = seed_document()
    edited = rewrite_docx(render_clean(document),
                          lambda root: enter_after(root, "fair and effective criminal", f"4.\t{NEW_TEXT}", "Brazil"))
    assert _instructions(document, proposals(document, edited, "notes.docx").proposals) == [
        f"Insert a new operative paragraph after operative paragraph 3, reading: “{NEW_TEXT}”"]


def test_a_file_of_no_version_of_the_document_is_refused():
    document = seed_document()
    other = seed_document()
    other.meta.symbol = "A/C.3/68/L.9"
    with pytest.raises(UserError, match=r"other\.docx is a Word file of A/C\.3/68/L\.9, which is no version of "
                                        r"this document \(A/C\.3/68/L\.5\)"):
        proposals(document, render_clean(other), "other.docx")


def test_a_file_that_is_not_word_is_refused():
    with pytest.raises(BadInputError, match="notes.docx"):
        proposals(seed_document(), b"not a zip", "notes.docx")


@pytest.mark.parametrize("name, delegation", [
    ("Brazil.docx", "Brazil"), ("BRA.docx", "Brazil"), ("Brazil - comments.docx", "Brazil"),
    ("bra_rev2.docx", "Brazil"), ("United Kingdom comments.docx", "United Kingdom of Great Britain and Northern "
                                                                  "Ireland"),
    ("G77 (2).docx", "Group of 77 and China"), ("Saint Lucia.docx", "Saint Lucia"), ("notes.docx", None)])
def test_the_delegation_a_file_is_named_after(name, delegation):
    found = delegation_from_name(name, list(bundled_delegations()))
    assert (found.name if found else None) == delegation


def test_typed_changes_need_a_delegation():
    document = seed_document()
    edited = rewrite_docx(render_clean(document), delegation_edits(document, tracked=False))
    with pytest.raises(UserError, match=r"notes\.docx has changes made without Track Changes, and no delegation "
                                        r"can be told from the file name; say whose they are \(--as"):
        proposals(document, edited, "notes.docx")
    assert {p.author for p in proposals(document, edited, "notes.docx", "Chile").proposals} == {"Chile"}


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is needed to write the Word file")
def test_a_file_saved_again_by_libreoffice_with_one_change(tmp_path):
    """Our export, opened and saved by a real word processor: unchanged it proposes nothing; with words
    changed in OP2 (the first of three paragraphs with them, through LibreOffice's own format), exactly that."""

    document = seed_document()
    ours = tmp_path / "draft.docx"
    ours.write_bytes(render_clean(document))
    (flat,) = convert([ours], "fodt", tmp_path)
    text = flat.read_text(encoding="utf-8")
    assert "to continue to strengthen" in text
    edited = tmp_path / "edited" / "draft.fodt"
    edited.parent.mkdir()
    edited.write_text(re.sub("to continue to strengthen", "to strengthen further", text, count=1), encoding="utf-8")
    (again,) = convert([ours], "docx:MS Word 2007 XML", tmp_path / "again")
    (changed,) = convert([edited], "docx:MS Word 2007 XML", tmp_path / "changed")
    assert proposals(document, again.read_bytes(), again.name, "Brazil").proposals == []
    assert _instructions(document, proposals(document, changed.read_bytes(), changed.name, "Brazil").proposals) == [
        "In operative paragraph 2, replace “continue to strengthen” with “strengthen further”"]


def test_cli_proposes_a_word_files_changes_in_one_go(tmp_path):
    from conftest import SEED, run_cli
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load

    doc, exported = tmp_path / "seed.resdesk", tmp_path / "seed.docx"
    assert run_cli("import", SEED, "-o", doc).returncode == 0
    assert run_cli("export", doc, "-o", exported).returncode == 0
    with DocumentFile.open(doc, readonly=True) as reader:
        document = load(reader)
    returned = tmp_path / "seed-brazil.docx"
    returned.write_bytes(rewrite_docx(exported.read_bytes(), delegation_edits(document, tracked=False)))
    result = run_cli("amend", doc, "--as", "Brazil", "--from-docx", returned, "--co-sponsors", "Chile")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "seed-brazil.docx (Brazil), original: 3 proposals (a1, a2, a3)."
    outline = json.loads(run_cli("outline", doc, "--json").stdout)
    assert sorted(a["instruction"] for a in outline["amendments"]) == EXPECTED
    assert {(a["author"], tuple(a["co_sponsors"])) for a in outline["amendments"]} == {("Brazil", ("Chile",))}
    unchanged = run_cli("amend", doc, "--as", "Brazil", "--from-docx", exported)
    assert unchanged.returncode == 0 and unchanged.stdout.startswith("seed.docx, original: nothing new.")
    (tmp_path / "junk.docx").write_bytes(b"PK\x03\x04 but not really")
    junk = run_cli("amend", doc, "--as", "Brazil", "--from-docx", returned, tmp_path / "junk.docx")
    assert junk.returncode == 2 and len(junk.stderr.strip().splitlines()) == 1
    assert junk.stderr.startswith("resdesk: error: junk.docx")
    assert len(json.loads(run_cli("outline", doc, "--json").stdout)["amendments"]) == 3  # nothing from either


def test_a_new_paragraph_comes_with_its_own_sub_paragraph():
    document = seed_document()

    def new_paragraph_with_a_point(root):
        delegation_edits(document, tracked=False)(root)
        new_op = next(p for p in root.iter(f"{W}p") if NEW_OP in "".join(t.text or "" for t in p.iter(f"{W}t")))
        point = copy.deepcopy(new_op)
        texts = list(point.iter(f"{W}t"))
        for text in texts:
            text.text = ""
        texts[-1].text = "(a)\tby sharing their national strategies;"
        new_op.addnext(point)

    edited = rewrite_docx(render_clean(document), new_paragraph_with_a_point)
    result = proposals(document, edited)
    new_op = f"Insert a new operative paragraph after operative paragraph 3, reading: “{NEW_OP}”"
    assert _instructions(document, result.proposals) == [
        text + ", with the subparagraph “(a) by sharing their national strategies;”" if text == new_op else text
        for text in EXPECTED]
    assert result.not_placed == []

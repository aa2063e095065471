"""Footnote changes, a new paragraph's own sub-paragraphs and a new first sub-paragraph as amendments: their
instructions, collisions, labels, markup, storage, and how a revision carries them."""

from __future__ import annotations

import copy

from docx_support import seed_document
from resdesk.amend.anchors import TextIndex, proposal_labels
from resdesk.amend.apply import apply_amendments
from resdesk.amend.collisions import find_collisions
from resdesk.amend.decisions import set_statuses
from resdesk.amend.instructions import instruction
from resdesk.amend.propose import propose_replace
from resdesk.amend.revise import create_revision
from resdesk.model.amendment import FOOTNOTE_CHANGE, INSERT_BLOCK, Amendment
from resdesk.model.document import OPERATIVE, SUBPARAGRAPH, Block, Footnote
from resdesk.store.amendments import add_amendment, amendments
from resdesk.store.check import check_file
from resdesk.store.documents import create_document, load
from resdesk.text.inline import FOOTNOTE, Mark
from resdesk.views.markup import DELETE, INSERT, markup
from resdesk.views.markup_text import markup_text


def _id(document, label: str) -> str:
    return next(ident for ident, name in TextIndex.of(document).labels.items() if name == label)


def note_change(document, label: str, old: str, new: str, note_id: str, start: int, author: str = "Chile"):
    return Amendment("", document.version, author, FOOTNOTE_CHANGE, _id(document, label), start=start, end=start,
                     old=old, new=new, footnotes={note_id: Footnote(note_id, new)})


def test_footnote_instructions_and_collisions():
    document = seed_document()
    pp3 = document.block(_id(document, "PP3"))
    anchor = next(m for m in pp3.marks if m.kind == FOOTNOTE)
    old = document.footnotes[anchor.target].text
    changed = note_change(document, "PP3", old, "General Assembly resolution 60/288, annex.", anchor.target,
                          anchor.start)
    new = note_change(document, "OP2", "", "See A/68/123.", "x1", len(document.block(_id(document, "OP2")).text))
    gone = note_change(document, "PP3", old, "", anchor.target, anchor.start, "Peru")
    words = propose_replace(document, "Peru", "OP2", "terrorism in accordance", "terrorism, in accordance")
    items = [changed, new, gone, words]
    for number, amendment in enumerate(items, start=1):
        amendment.id = f"a{number}"
    index = TextIndex.of(document)
    assert [instruction(index, a) for a in items[:3]] == [
        "In footnote 1, after “288”, insert “, annex”",
        "In operative paragraph 2, after “pertaining to terrorism;”, add a footnote reading: “See A/68/123.”",
        "In the third preambular paragraph, delete footnote 1"]
    assert find_collisions(document, items) == {"a1": ["a3"], "a3": ["a1"]}  # two changes of one footnote
    assert proposal_labels(index, items)["a2"] == "OP2"


def test_a_new_first_sub_paragraph_and_a_new_paragraph_with_its_own():
    document = seed_document()
    op4 = _id(document, "OP4")
    document.blocks[document.blocks.index(document.block(op4)) + 1:1] = [
        Block("s1", SUBPARAGRAPH, "by assisting States;", parent=op4)]
    first = Amendment("a1", "original", "Fiji", INSERT_BLOCK, op4,
                      new_block=Block("n1", SUBPARAGRAPH, "by updating its tools;", parent=op4))
    parent = Block("n2", OPERATIVE, "Invites Member States to report:")
    kids = [Block("n3", SUBPARAGRAPH, "on prevention;", parent="n2"),
            Block("n4", SUBPARAGRAPH, "on financing.", parent="n2", marks=[Mark(FOOTNOTE, 12, 12, "x9")])]
    whole = Amendment("a2", "original", "Fiji", INSERT_BLOCK, _id(document, "OP5"), new_block=parent,
                      new_children=kids, footnotes={"x9": Footnote("x9", "Resolution 2462 (2019).")})
    index = TextIndex.of(document)
    assert instruction(index, first) == ("Insert a new subparagraph before operative paragraph 4 (a), reading: "
                                         "“by updating its tools;”")
    assert instruction(index, whole).endswith("reading: “Invites Member States to report:”, with the subparagraphs "
                                              "“(a) on prevention;”, “(b) on financing.”")
    view = markup(document, [first, whole])
    assert [(r.label, r.block.text) for r in view.blocks if r.state == "inserted"] == [
        ("OP4 (0) bis", "by updating its tools;"), ("OP5 bis", "Invites Member States to report:"),
        ("OP5 bis (a)", "on prevention;"), ("OP5 bis (b)", "on financing.")]
    labels = [r.label for r in view.blocks]
    assert labels.index("OP4 (0) bis") == labels.index("OP4") + 1 < labels.index("OP4 (a)")
    result = apply_amendments(document, [first, whole])
    texts = [b.text for b in result.document.blocks]
    assert texts.index("by updating its tools;") + 1 == texts.index("by assisting States;")
    assert result.document.footnotes["x9"].text == "Resolution 2462 (2019)."
    assert view.footnote_markers()["x9"] == "2"  # after the seed's first footnote, before its second anchor


def test_a_footnote_change_in_the_markup_the_outline_and_the_store(tmp_path):
    document = seed_document()
    pp3 = document.block(_id(document, "PP3"))
    anchor = next(m for m in pp3.marks if m.kind == FOOTNOTE)
    with create_document(tmp_path / "draft.resdesk", document) as doc:
        stored = add_amendment(doc, note_change(document, "PP3", document.footnotes[anchor.target].text,
                                                "General Assembly resolution 60/288, annex.", anchor.target,
                                                anchor.start))
        new = copy.deepcopy(note_change(document, "OP2", "", "See A/68/123.", "x1", 10))
        added = add_amendment(doc, new)
        back = amendments(doc)
    assert added.footnote_id.startswith("f") and added.footnote_id != "x1"  # a new footnote gets a document id
    assert [(a.kind, a.footnote_id, a.footnotes[a.footnote_id].text) for a in back] == [
        (FOOTNOTE_CHANGE, stored.footnote_id, "General Assembly resolution 60/288, annex."),
        (FOOTNOTE_CHANGE, added.footnote_id, "See A/68/123.")]
    view = markup(document, back)
    changed = view.footnotes[stored.footnote_id]
    assert [(s.op, s.text) for s in changed.segments if s.op != "equal"] == [(INSERT, ", annex")]
    op2 = next(r for r in view.blocks if r.label == "OP2")
    assert [(s.op, s.text, s.marks[0].target) for s in op2.segments if s.op != "equal"] == [
        (INSERT, "", added.footnote_id)]
    text = markup_text(view, {"Chile": "Chile"})
    assert "{+[footnote 2]+}⟨Chile a2⟩" in text
    assert "footnote 1: General Assembly resolution 60/288{+, annex+}⟨Chile a1⟩" in text
    removed = note_change(document, "PP3", document.footnotes[anchor.target].text, "", anchor.target, anchor.start)
    removed.id = "a9"
    pp3_record = next(r for r in markup(document, [removed]).blocks if r.label == "PP3")
    assert [(s.op, s.text) for s in pp3_record.segments if s.op != "equal"] == [(DELETE, "")]


def test_a_revision_carries_a_pending_footnote_change_past_words_applied_before_it(tmp_path):
    document = seed_document()
    with create_document(tmp_path / "draft.resdesk", document) as doc:
        op2 = document.block(_id(document, "OP2"))
        at = len(op2.text)
        words = add_amendment(doc, propose_replace(document, "EU", "OP2", "to continue to strengthen",
                                                   "to strengthen further"))
        note = add_amendment(doc, note_change(document, "OP2", "", "See A/68/123.", "x1", at))
        set_statuses(doc, [words.id], "agreed")
        create_revision(doc)
        carried = next(a for a in amendments(doc) if a.id == note.id)
        revised = load(doc)
    assert (carried.version, carried.stale) == ("Rev.1", False)
    assert carried.start == len(revised.block(op2.id).text)  # still at the end of the paragraph, words shorter


def test_a_file_holding_footnote_changes_and_new_paragraphs_with_their_own_is_sound(tmp_path):
    """The file's checker (`resdesk check-file`, and every open) knows the payloads these amendments store:
    a footnote without a paragraph, a paragraph with marks, its sub-paragraphs and the footnotes it brings."""
    document = seed_document()
    pp3 = document.block(_id(document, "PP3"))
    anchor = next(m for m in pp3.marks if m.kind == FOOTNOTE)
    parent = Block("n2", OPERATIVE, "Invites Member States to report:")
    kids = [Block("n3", SUBPARAGRAPH, "on financing.", parent="n2", marks=[Mark(FOOTNOTE, 12, 12, "x9")])]
    path = tmp_path / "draft.resdesk"
    with create_document(path, document) as doc:
        add_amendment(doc, note_change(document, "PP3", document.footnotes[anchor.target].text,
                                       "General Assembly resolution 60/288, annex.", anchor.target, anchor.start))
        add_amendment(doc, Amendment("", "original", "Fiji", INSERT_BLOCK, _id(document, "OP5"), new_block=parent,
                                     new_children=kids, footnotes={"x9": Footnote("x9", "Resolution 2462 (2019).")}))
    assert check_file(path) == []

"""Successive versions of the seed draft, as a sponsor's drafts follow one another: words changed, paragraphs
added with their own sub-paragraphs and footnotes, a new first sub-paragraph, a paragraph deleted and one moved,
footnotes added, changed and taken out."""

from __future__ import annotations

import copy

from docx_support import seed_document
from resdesk.amend.anchors import TextIndex
from resdesk.model.document import OPERATIVE, SUBPARAGRAPH, Block, Document, Footnote
from resdesk.text.inline import FOOTNOTE, Mark

NEW_OP = "Invites Member States to report on their progress:"
POINTS = ("in preventing terrorism;", "in countering its financing.")
FIRST_POINT = "by updating its technical tools;"


def _by_label(document: Document, label: str) -> Block:
    index = TextIndex.of(document)
    return index.blocks[next(ident for ident, name in index.labels.items() if name == label)]


def _place(document: Document, block: Block, after: Block) -> None:
    """Put `block` right after `after` and its sub-paragraphs."""
    blocks = document.blocks
    at = blocks.index(after) + 1
    while at < len(blocks) and blocks[at].kind == SUBPARAGRAPH:
        at += 1
    blocks.insert(at, block)


def second_version(first: Document) -> Document:
    """OP2's words changed; OP4 gets two sub-paragraphs; a new OP after OP5 with sub-paragraphs and a footnote;
    OP7 deleted; OP11 moved after OP4; a footnote added to PP2."""
    document = copy.deepcopy(first)
    document.meta.date = "2013-10-15"
    op2 = _by_label(document, "OP2")
    op2.text = op2.text.replace("to continue to strengthen", "to strengthen further")
    op4, op5, op7, op11 = (_by_label(document, label) for label in ("OP4", "OP5", "OP7", "OP11"))
    op4.text = op4.text.rstrip(";") + ":"
    points = [Block(f"v2p{n}", SUBPARAGRAPH, text, parent=op4.id)
              for n, text in enumerate(("by assisting States with their national strategies;",
                                        "by sharing good practices;"), start=1)]
    for point in reversed(points):
        document.blocks.insert(document.blocks.index(op4) + 1, point)
    new_op = Block("v2op", OPERATIVE, NEW_OP)
    _place(document, new_op, op5)
    new_points = [Block(f"v2q{n}", SUBPARAGRAPH, text, parent=new_op.id) for n, text in enumerate(POINTS, start=1)]
    new_points[1].marks = [Mark(FOOTNOTE, len(POINTS[1]) - 1, len(POINTS[1]) - 1, "v2f1")]
    document.footnotes["v2f1"] = Footnote("v2f1", "Resolution 2462 (2019) of the Security Council.")
    for point in reversed(new_points):
        document.blocks.insert(document.blocks.index(new_op) + 1, point)
    document.blocks.remove(op7)
    document.blocks.remove(op11)
    _place(document, op11, op4)
    pp2 = _by_label(document, "PP2")
    pp2.marks = [*pp2.marks, Mark(FOOTNOTE, len(pp2.text), len(pp2.text), "v2f2")]
    document.footnotes["v2f2"] = Footnote("v2f2", "See A/68/123.")
    return document


def third_version(second: Document) -> Document:
    """A new first sub-paragraph of OP4, the first footnote's text changed, PP2's footnote taken out, OP1's words
    changed."""
    document = copy.deepcopy(second)
    document.meta.date = "2013-11-01"
    op4 = _by_label(document, "OP4")
    document.blocks.insert(document.blocks.index(op4) + 1, Block("v3p0", SUBPARAGRAPH, FIRST_POINT, parent=op4.id))
    first_note = next(iter(seed_document().footnotes.values())).text
    note = next(n for n in document.footnotes.values() if n.text == first_note)
    note.text = "General Assembly resolution 60/288, annex."
    pp2 = _by_label(document, "PP2")
    pp2.marks = [m for m in pp2.marks if m.target != "v2f2"]
    del document.footnotes["v2f2"]
    op1 = _by_label(document, "OP1")
    op1.text = op1.text.replace("existing international conventions", "international conventions")
    return document

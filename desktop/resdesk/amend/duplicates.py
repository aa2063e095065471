"""Proposals and comments already in the document: the same Word file read twice, our own tracked export sent
back, one file sent by two people.

A proposal is already in the document when the same delegation has an amendment on the same paragraph that
makes the same change, whatever its status (a withdrawn proposal sent again stays withdrawn):

- words: the same range and words, or the same paragraph text once applied; the delegation's changes of one
  paragraph read from a file are also recognised together (a diff may cut them differently from how they
  were entered: "replace “to continue to strengthen” with “to strengthen further”" reads back as “continue
  to strengthen” -> “strengthen further”);
- a deleted paragraph: a deletion of it; a new or moved paragraph: the same text (or paragraph) in the same
  place of the text once applied;
- a footnote: the same footnote (or, new, the same paragraph) with the same new text.

A comment is already in the document when the same delegation wrote the same words on the same paragraph (or
on an amendment of it).
"""

from __future__ import annotations

import copy

from resdesk.amend.apply import apply_amendments
from resdesk.model.amendment import (
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    Amendment,
)
from resdesk.model.comment import Comment
from resdesk.model.document import Document

WORDS = (REPLACE, ALTERNATIVE)


def same_proposal(document: Document, existing: list[Amendment], candidate: Amendment) -> Amendment | None:
    """The amendment of `existing` that already makes `candidate`'s change (same delegation), or None."""
    mine = [a for a in existing if a.author == candidate.author and a.target == candidate.target and not a.stale]
    if candidate.kind in WORDS:
        effect = _words_after(document, candidate.target, [candidate])
        return next((a for a in mine if a.kind in WORDS and _words_after(document, a.target, [a]) == effect), None)
    if candidate.kind == DELETE_BLOCK:
        return next((a for a in mine if a.kind == DELETE_BLOCK), None)
    if candidate.kind == FOOTNOTE_CHANGE:
        return next((a for a in mine if a.kind == FOOTNOTE_CHANGE and a.new == candidate.new and (
            a.footnote_id == candidate.footnote_id or not (a.old or candidate.old))), None)
    if candidate.kind in (INSERT_BLOCK, MOVE_BLOCK):
        mine = [a for a in existing if a.author == candidate.author and a.kind == candidate.kind and not a.stale]
        effect = _order_after(document, candidate)
        return next((a for a in mine if _same_place(a, candidate) or _order_after(document, a) == effect), None)
    return None


def same_words_together(document: Document, existing: list[Amendment], candidates: list[Amendment]) -> bool:
    """Whether the word changes `candidates` (one delegation's, on one paragraph) give the paragraph exactly the
    text that delegation's word changes already in the document give it."""
    first = candidates[0]
    mine = [a for a in existing if a.author == first.author and a.target == first.target and a.kind in WORDS
            and not a.stale]
    return bool(mine) and _words_after(document, first.target, mine) == _words_after(document, first.target,
                                                                                       candidates)


def same_comment(comments: list[Comment], amendments: list[Amendment], candidate: Comment,
                 block: str) -> Comment | None:
    """The comment of `comments` by the same delegation with the same words on the same amendment, or on
    paragraph `block` or an amendment of it (or proposing it), or None."""
    words = " ".join(candidate.text.split())
    about = {a.id for a in amendments if block and (a.target == block or any(b.id == block for b in a.new_blocks()))}

    def concerns(comment: Comment) -> bool:
        return bool(candidate.amendment and comment.amendment == candidate.amendment) or bool(
            block and (comment.block == block or comment.amendment in about))

    return next((c for c in comments if c.author == candidate.author and " ".join(c.text.split()) == words
                 and concerns(c)), None)


def _words_after(document: Document, block_id: str, amendments: list[Amendment]) -> str:
    """The text of one paragraph with word changes applied."""
    block = next((b for b in document.all_blocks() if b.id == block_id), None)
    if block is None:
        return ""
    single = Document(blocks=[copy.deepcopy(block)], version=document.version)
    return apply_amendments(single, amendments).document.blocks[0].text


def _same_place(first: Amendment, second: Amendment) -> bool:
    if first.kind == MOVE_BLOCK:
        return first.target == second.target and first.after == second.after
    return first.target == second.target and _new_text(first) == _new_text(second)


def _new_text(amendment: Amendment) -> tuple:
    return tuple((b.kind, " ".join(b.text.split())) for b in amendment.new_blocks())


def _order_after(document: Document, amendment: Amendment) -> tuple:
    """The paragraphs of the text (kind and words) once a new or moved paragraph is in place."""
    return tuple((b.kind, " ".join(b.text.split())) for b in apply_amendments(document, [amendment]).document.blocks)

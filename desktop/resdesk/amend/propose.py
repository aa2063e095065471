"""Turning what a delegation asks for ("in OP2 replace X with Y") into amendment records.

Pure functions of the version's Document: they find the paragraph by its
label, the words by their text, check that the request makes sense, and return
an `Amendment` for `resdesk.store.amendments.add_amendment` to store. Every
refusal is a `UserError` with one sentence.
"""

from __future__ import annotations

import re

from resdesk.amend.anchors import TextIndex
from resdesk.errors import UserError
from resdesk.model import tree
from resdesk.model.amendment import ALTERNATIVE, DELETE_BLOCK, INSERT_BLOCK, MOVE_BLOCK, REPLACE, Amendment
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TABLE, Block, Document
from resdesk.text.diff import replacement_from_edit

NEW_PARAGRAPH_KINDS = (PREAMBULAR, OPERATIVE, SUBPARAGRAPH)


def _normal_label(label: str) -> str:
    label = " ".join(label.split()).upper()
    return re.sub(r"\s*\(\s*", " (", re.sub(r"\s*\)", ")", label)).replace("ANNEX", "Annex").strip()


def find_block(index: TextIndex, label: str) -> Block:
    """The block labelled `label` ("OP2", "op 5(a)", "PP3") in the version, or its id ("b12")."""
    if label in index.blocks:
        return index.blocks[label]
    wanted = _normal_label(label).replace("PP ", "PP").replace("OP ", "OP")
    for block_id, block_label in index.labels.items():
        if block_label and _normal_label(block_label) == wanted:
            return index.blocks[block_id]
    raise UserError(f"There is no paragraph {label} in {index.document.version}; "
                    "see `resdesk outline DOC` for the labels.")


def occurrences(text: str, words: str) -> list[int]:
    """Where `words` start in `text` (every occurrence, overlapping ones too): what `--occurrence N` counts."""
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def _one_of(numbers: int) -> str:
    items = [str(n) for n in range(1, numbers + 1)]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def locate(index: TextIndex, block: Block, words: str, occurrence: int | None) -> int:
    """The offset of `words` in the block's text: it must occur once, or `occurrence` picks one (1-based)."""
    label = index.labels.get(block.id) or block.id
    if not words:
        raise UserError("Name the words to change; they must not be empty.")
    places = occurrences(block.text, words)
    if not places:
        raise UserError(f"“{words}” does not occur in {label} (0 times); quote the words exactly as they stand.")
    if occurrence is None:
        if len(places) > 1:
            raise UserError(f"“{words}” occurs {len(places)} times in {label}; "
                            f"add --occurrence {_one_of(len(places))}")
        return places[0]
    if not 1 <= occurrence <= len(places):
        times = "once" if len(places) == 1 else f"{len(places)} times"
        raise UserError(f"“{words}” occurs {times} in {label}; --occurrence must be {_one_of(len(places))}.")
    return places[occurrence - 1]


def _text_block(index: TextIndex, label: str) -> Block:
    block = find_block(index, label)
    if block.kind == TABLE:
        raise UserError(f"{label} is a table; propose an alternative for it instead of changing words.")
    return block


def _base(document: Document, author: str, kind: str, target: str, **fields) -> Amendment:
    return Amendment(id="", version=document.version, author=author, kind=kind, target=target, **fields)


def propose_replace(document: Document, author: str, label: str, old: str, new: str,
                    occurrence: int | None = None) -> Amendment:
    """In paragraph `label`, replace `old` (found in its text) with `new`; `new == ""` deletes the words."""
    index = TextIndex.of(document)
    block = _text_block(index, label)
    start = locate(index, block, old, occurrence)
    if old == new:
        raise UserError("The new words are the same as the old ones; nothing would change.")
    end = start + len(old)
    text = block.text
    if not new and end < len(text) and text[end] == " " and (start == 0 or text[start - 1] == " "):
        end += 1  # deleting words takes one of the spaces around them with them
    return _base(document, author, REPLACE, block.id, start=start, end=end, old=text[start:end], new=new)


def _joined(before: str, inserted: str) -> str:
    """`inserted` put after `before` with one space between words (none before punctuation)."""
    inserted = inserted.strip()
    if not inserted or not before or before[-1].isspace() or inserted[0] in ",;:.)”’":
        return inserted
    return " " + inserted


def propose_insert_words(document: Document, author: str, label: str, new: str, *, after_words: str | None = None,
                         at_end: bool = False, occurrence: int | None = None) -> Amendment:
    """In paragraph `label`, insert `new` after the words `after_words`, or at the end (before final punctuation)."""
    if not new.strip():
        raise UserError("Give the words to insert.")
    if (after_words is None) == (not at_end):
        raise UserError("Say where to insert: after some words (--after-words) or at the end (--at-end).")
    index = TextIndex.of(document)
    block = _text_block(index, label)
    if at_end:
        text = block.text
        end = len(text.rstrip())
        while end > 0 and text[end - 1] in ";,.:":
            end -= 1
        return _base(document, author, REPLACE, block.id, start=end, end=end, old="",
                     new=_joined(text[:end], new))
    start = locate(index, block, after_words, occurrence)
    return _base(document, author, REPLACE, block.id, start=start, end=start + len(after_words), old=after_words,
                 new=after_words + _joined(after_words, new))


def propose_new_paragraph(document: Document, author: str, text: str, after_label: str,
                          kind: str | None = None) -> Amendment:
    """A new paragraph after paragraph `after_label` (and its sub-paragraphs).

    The kind defaults to the anchor's (a new PP after the enacting formula); a
    new PP or OP after a sub-paragraph goes after the whole paragraph it belongs to.
    """
    if not text.strip():
        raise UserError("A new paragraph needs a text.")
    index = TextIndex.of(document)
    anchor = find_block(index, after_label)
    if kind is None:
        if anchor.kind in NEW_PARAGRAPH_KINDS:
            kind = anchor.kind
        else:
            kind = PREAMBULAR if anchor.kind == FORMULA else OPERATIVE
    if kind not in NEW_PARAGRAPH_KINDS:
        raise UserError(f"“{kind}” is not a kind of paragraph; use preambular or operative.")
    parent = None
    if kind == SUBPARAGRAPH:
        if anchor.kind != SUBPARAGRAPH:
            raise UserError("A new sub-paragraph goes after another sub-paragraph; name one, such as OP5 (a).")
        parent = anchor.parent
    else:
        while not index.is_top(anchor):
            anchor = index.blocks[anchor.parent]
    new_block = Block(id="", kind=kind, text=" ".join(text.split()), parent=parent)
    return _base(document, author, INSERT_BLOCK, anchor.id, new_block=new_block)


def propose_delete_paragraph(document: Document, author: str, label: str) -> Amendment:
    index = TextIndex.of(document)
    block = find_block(index, label)
    if block.kind == FORMULA:
        raise UserError("The enacting formula cannot be deleted.")
    return _base(document, author, DELETE_BLOCK, block.id, old=block.text)


def propose_move(document: Document, author: str, label: str, after_label: str) -> Amendment:
    """Move paragraph `label` (with its sub-paragraphs) to follow paragraph `after_label`."""
    index = TextIndex.of(document)
    block = find_block(index, label)
    anchor = find_block(index, after_label)
    if block.kind == FORMULA:
        raise UserError("The enacting formula cannot be moved.")
    if anchor.id in index.subtree(block.id):
        raise UserError(f"{label} cannot be moved after itself or one of its own sub-paragraphs.")
    if index.part[anchor.id] != index.part[block.id]:
        raise UserError("A paragraph moves within its own part of the text (the resolution or its annex).")
    if block.kind != SUBPARAGRAPH:
        while not index.is_top(anchor):
            anchor = index.blocks[anchor.parent]
    elif anchor.parent != block.parent:
        raise UserError("A sub-paragraph moves among the sub-paragraphs of its own paragraph.")
    siblings = [b.id for b in tree.siblings(index.parts()[index.part[block.id]], block)]
    at = siblings.index(block.id)
    if at > 0 and siblings[at - 1] == anchor.id:
        raise UserError(f"{label} already follows {after_label}; nothing would move.")
    return _base(document, author, MOVE_BLOCK, block.id, after=anchor.id)


def propose_alternative(document: Document, author: str, text: str, label: str) -> Amendment:
    """A whole new text for paragraph `label`."""
    if not text.strip():
        raise UserError("An alternative needs a text.")
    index = TextIndex.of(document)
    block = find_block(index, label)
    return _base(document, author, ALTERNATIVE, block.id, old=block.text, new=" ".join(text.split()))


def propose_from_edit(document: Document, author: str, block_id: str, edited: str) -> list[Amendment]:
    """The word-level replacements a delegation proposes by editing a paragraph's text (the GUI's propose mode)."""
    index = TextIndex.of(document)
    if block_id not in index.blocks:
        raise UserError(f"There is no block {block_id} in {document.version}.")
    before = index.blocks[block_id].text
    return [_base(document, author, REPLACE, block_id, start=r.start, end=r.end, old=r.old, new=r.new)
            for r in replacement_from_edit(before, edited)]

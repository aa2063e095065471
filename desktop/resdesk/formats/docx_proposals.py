"""A delegation's Word file as proposals: what it changed in the text becomes its amendments.

Delegations take the Word file of a draft, edit it (with or without Track
Changes) and send it back. Reading it back as if all changes were accepted
and comparing it with the version it came from gives that delegation's
proposals: word-level replacements, new, deleted and moved paragraphs, in UN
form like any other amendment.

Paragraphs are matched with the version's blocks by the hidden bookmark our
export puts on every paragraph (Word keeps it while the paragraph is edited);
paragraphs without one (a file that went through another word processor, or
typed by the delegation) are matched by their text, in order. What is not
carried: changes to footnotes and to the masthead, and sub-paragraphs under a
paragraph that is itself new (they are reported, not lost silently). A file of
another version (its masthead symbol says so) is refused.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import count
from pathlib import Path

from resdesk.amend.anchors import TextIndex
from resdesk.errors import UserError
from resdesk.formats.docx_import import read_docx
from resdesk.formats.sources import source_bytes
from resdesk.model.amendment import INSERT_BLOCK, PROPOSED, Amendment
from resdesk.model.document import SUBPARAGRAPH, Block, Document
from resdesk.text.inline import FOOTNOTE
from resdesk.views.compare import version_changes

# Two paragraphs without bookmarks are taken for the same one when their words are this similar.
SAME_PARAGRAPH = 0.6


@dataclass
class WordProposals:
    proposals: list[Amendment] = field(default_factory=list)
    not_carried: list[str] = field(default_factory=list)  # what could not be proposed, one sentence each


def proposals_from_word_file(base: Document, path: Path, author: str) -> WordProposals:
    """`proposals_from_docx` of the file at `path`, after the checks every file read in gets."""
    return proposals_from_docx(base, source_bytes(path), path.name, author)


def proposals_from_docx(base: Document, data: bytes, name: str, author: str) -> WordProposals:
    """The proposals of `author` that turn `base` into the text of the Word file `data`."""
    edited, sources = read_docx(data, name)
    if edited.meta.symbol and base.meta.symbol and edited.meta.symbol != base.meta.symbol:
        # Compared with another version, everything that version changed would read as this delegation's.
        raise UserError(f"{name} is a Word file of {edited.meta.symbol}, not of the current version "
                        f"{base.meta.symbol}; its changes must be made on the current text.")
    base_index, edited_index = TextIndex.of(base), TextIndex.of(edited)
    matched = _match_by_bookmark(base_index, edited_index, sources)
    for base_blocks, edited_blocks in zip(base_index.parts(), edited_index.parts(), strict=False):
        _match_by_text(base_blocks, edited_blocks, matched)
    renamed = _renamed(edited, matched, set(base_index.blocks))
    result = WordProposals()
    for change in version_changes(base, renamed, author):
        if change.target not in base_index.blocks or (change.after and change.after not in base_index.blocks):
            result.not_carried.append(_not_carried(change, base_index))
            continue
        change.id, change.status = "", PROPOSED
        if change.kind == INSERT_BLOCK:
            change.new_block.id = ""  # the store gives it a new id
            change.new_block.marks = [m for m in change.new_block.marks if m.kind != FOOTNOTE]
        result.proposals.append(change)
    return result


def _not_carried(change: Amendment, base: TextIndex) -> str:
    if change.kind == INSERT_BLOCK:
        return f"“{change.new_block.text}” (a sub-paragraph of a new paragraph)"
    return f"the move of {base.labels.get(change.target, change.target)} (to follow a new paragraph)"


def _match_by_bookmark(base: TextIndex, edited: TextIndex, sources: dict[str, str]) -> dict[str, str]:
    """Edited block id -> base block id, for the paragraphs that kept our bookmark (same kind, once each)."""
    matched: dict[str, str] = {}
    for edited_id, source in sources.items():
        block = base.blocks.get(source)
        if block is not None and block.kind == edited.blocks[edited_id].kind and source not in matched.values():
            matched[edited_id] = source
    return matched


def _match_by_text(base_blocks: list[Block], edited_blocks: list[Block], matched: dict[str, str]) -> None:
    """Pair the remaining paragraphs of one part in reading order: equal texts, then similar ones of a kind."""
    taken = set(matched.values())
    old = [b for b in base_blocks if b.id not in taken]
    new = [b for b in edited_blocks if b.id not in matched]
    order = SequenceMatcher(None, [_kind_and_words(b) for b in old], [_kind_and_words(b) for b in new],
                            autojunk=False)
    for tag, i1, i2, j1, j2 in order.get_opcodes():
        if tag == "equal":
            matched.update((n.id, o.id) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
        elif tag == "replace":
            candidates = list(old[i1:i2])
            for block in new[j1:j2]:
                score, best = max(((_similarity(o, block), o) for o in candidates), key=lambda pair: pair[0],
                                  default=(0.0, None))
                if score >= SAME_PARAGRAPH:
                    matched[block.id] = best.id
                    candidates.remove(best)


def _kind_and_words(block: Block) -> tuple[str, str]:
    return block.kind, " ".join(block.text.split())


def _similarity(old: Block, new: Block) -> float:
    if old.kind != new.kind:
        return 0.0
    return SequenceMatcher(None, old.text.split(), new.text.split(), autojunk=False).ratio()


def _renamed(edited: Document, matched: dict[str, str], base_ids: set[str]) -> Document:
    """A copy of `edited` whose matched blocks carry their base ids and the others ids the base never used."""
    renamed = copy.deepcopy(edited)
    names: dict[str, str] = {}
    fresh = (f"w{n}" for n in count(1) if f"w{n}" not in base_ids)
    for block in renamed.all_blocks():
        names[block.id] = matched.get(block.id) or next(fresh)
    for block in renamed.all_blocks():
        block.id = names[block.id]
        if block.kind == SUBPARAGRAPH and block.parent is not None:
            block.parent = names.get(block.parent, block.parent)
    return renamed

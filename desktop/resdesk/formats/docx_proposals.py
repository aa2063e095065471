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

from dataclasses import dataclass, field
from pathlib import Path

from resdesk.amend.anchors import TextIndex
from resdesk.errors import UserError
from resdesk.formats.docx_import import read_docx
from resdesk.formats.sources import source_bytes
from resdesk.model.amendment import INSERT_BLOCK, PROPOSED, Amendment
from resdesk.model.document import Document
from resdesk.views.compare import version_changes
from resdesk.views.matching import match_blocks


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
    base_index = TextIndex.of(base)
    renamed = match_blocks(base, edited, sources)
    result = WordProposals()
    for change in version_changes(base, renamed, author):
        if change.target not in base_index.blocks or (change.after and change.after not in base_index.blocks):
            result.not_carried.append(_not_carried(change, base_index))
            continue
        change.id, change.status = "", PROPOSED
        result.proposals.append(change)
    return result


def _not_carried(change: Amendment, base: TextIndex) -> str:
    if change.kind == INSERT_BLOCK:
        return f"“{change.new_block.text}” (a sub-paragraph of a new paragraph)"
    return f"the move of {base.labels.get(change.target, change.target)} (to follow a new paragraph)"

"""Amendments to amendments (sub-amendments): what they amend, proposing them, and folding them in.

A sub-amendment changes some words of the new text of another amendment still to be decided (a
replacement that puts words in, a new paragraph, an alternative). It is voted on before the
amendment it amends (rule 90, `resdesk.amend.voting`), and once both are accepted that amendment is
applied with the sub-amendment's words in its text. Alone it changes nothing: when the amendment it
amends is rejected or withdrawn, it falls with it.

`fold(amendments)` is how the text sees them (`resdesk.amend.apply`, `resdesk.views.markup`): every
amendment of the list with the sub-amendments of the list that amend it applied to its new text,
and the sub-amendments themselves taken out. `Folded.folded` names those applied, `Folded.broken`
those whose words are no longer in the text they amend (the delegation reworded it) or that overlap
one applied before them; a sub-amendment whose amendment is not in the list is in neither: it waits.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from resdesk.errors import UserError
from resdesk.model.amendment import (
    ALTERNATIVE,
    INSERT_BLOCK,
    REPLACE,
    SUB_AMENDMENT,
    UNDECIDED_STATUSES,
    Amendment,
    status_words,
)
from resdesk.model.document import TEXT, Block, Document
from resdesk.text.diff import overlapping, replacement_from_edit
from resdesk.text.inline import shift_marks

AMENDABLE_KINDS = (REPLACE, INSERT_BLOCK, ALTERNATIVE)


def new_text(amendment: Amendment) -> str:
    """The words an amendment puts into the text, which a sub-amendment may change ("" for none)."""
    if amendment.kind == INSERT_BLOCK:
        return amendment.new_block.text if amendment.new_block is not None else ""
    return amendment.new if amendment.kind in (REPLACE, ALTERNATIVE) else ""


def holds(sub: Amendment, parent: Amendment) -> bool:
    """Whether the words a sub-amendment changes still stand in the text of the amendment it amends."""
    text = new_text(parent)
    return 0 <= sub.start <= sub.end <= len(text) and text[sub.start:sub.end] == sub.old


def _with_changes(parent: Amendment, subs: list[Amendment]) -> Amendment:
    """A copy of `parent` with the (non-overlapping) changes of `subs` in its new text."""
    text = new_text(parent)
    marks = list(parent.new_block.marks) if parent.kind == INSERT_BLOCK else []
    for sub in sorted(subs, key=lambda a: a.start, reverse=True):
        text = text[:sub.start] + sub.new + text[sub.end:]
        marks = shift_marks(marks, sub.start, sub.end - sub.start, len(sub.new))
    if parent.kind == INSERT_BLOCK:
        return dataclasses.replace(parent, new_block=dataclasses.replace(parent.new_block, text=text, marks=marks))
    return dataclasses.replace(parent, new=text)


@dataclass
class Folded:
    """The amendments with their sub-amendments applied (see the module docstring)."""

    amendments: list[Amendment]
    folded: dict[str, str] = field(default_factory=dict)   # sub-amendment id -> the id of the one it amends
    broken: list[str] = field(default_factory=list)


def fold(amendments: list[Amendment]) -> Folded:
    """`amendments` with each one's sub-amendments (of the list) applied to its new text."""
    if not any(a.kind == SUB_AMENDMENT for a in amendments):
        return Folded(list(amendments))
    present = {a.id for a in amendments}
    by_parent: dict[str, list[Amendment]] = {}
    for amendment in amendments:
        if amendment.kind == SUB_AMENDMENT and amendment.amends in present:
            by_parent.setdefault(amendment.amends, []).append(amendment)
    result = Folded([])
    for amendment in amendments:
        if amendment.kind == SUB_AMENDMENT:
            continue
        chosen: list[Amendment] = []
        for sub in sorted(by_parent.get(amendment.id, ()), key=lambda a: (a.start, a.end, a.number)):
            if holds(sub, amendment) and not any(overlapping((c.start, c.end), (sub.start, sub.end)) for c in chosen):
                chosen.append(sub)
                result.folded[sub.id] = amendment.id
            else:
                result.broken.append(sub.id)
        result.amendments.append(_with_changes(amendment, chosen) if chosen else amendment)
    return result


# -- proposing --------------------------------------------------------------------------------------


def amendable(amendments: list[Amendment], ident: str, version: str) -> Amendment:
    """Amendment `ident` of the version, if a sub-amendment may amend it; else a UserError saying why."""
    parent = next((a for a in amendments if a.id == ident), None)
    if parent is None:
        raise UserError(f"There is no amendment {ident} in {version}; see `resdesk amendments DOC`.")
    if parent.kind == SUB_AMENDMENT:
        raise UserError(f"{ident} is itself an amendment to {parent.amends}; amend {parent.amends} instead.")
    if not new_text(parent).strip():
        raise UserError(f"{ident} puts no new words in the text (it deletes or moves), so there is nothing in it "
                        "to amend; propose another amendment to the paragraph instead.")
    if parent.status not in UNDECIDED_STATUSES:
        raise UserError(f"{ident} is {status_words(parent.status)}; only an amendment still to be decided "
                        "(proposed or bracketed) is amended.")
    if parent.stale:
        raise UserError(f"{ident} is stale (the words or the paragraph it amends are gone); it cannot be amended.")
    return parent


def in_amendment(document: Document, parent: Amendment,
                 propose: Callable[[Document, str], Amendment]) -> Amendment:
    """A sub-amendment of `parent`: `propose(text, label)` is one of `resdesk.amend.propose`'s word-level
    forms, given a text holding only `parent`'s new words, labelled by its id (so a refusal names it)."""
    scratch = Document(meta=document.meta, blocks=[Block(parent.id, TEXT, new_text(parent))],
                       version=document.version)
    proposal = propose(scratch, parent.id)
    return dataclasses.replace(proposal, kind=SUB_AMENDMENT, target=parent.target, amends=parent.id)


def propose_from_edit(document: Document, parent: Amendment, author: str, edited: str) -> list[Amendment]:
    """The sub-amendments of `author` that turn `parent`'s new text into `edited` (the window's Amend…)."""
    changes = replacement_from_edit(new_text(parent), " ".join(edited.split()))
    if not changes:
        raise UserError(f"The text is the same as {parent.id} proposes; nothing would change.")
    return [Amendment(id="", version=document.version, author=author, kind=SUB_AMENDMENT, target=parent.target,
                      start=change.start, end=change.end, old=change.old, new=change.new, amends=parent.id)
            for change in changes]

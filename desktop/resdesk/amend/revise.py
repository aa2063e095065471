"""Create Rev.N: apply the accepted amendments, store the new version, carry the pending ones over.

The new version is the old one with the accepted amendments applied
(statuses chosen by the user; default agreed and agreed ad ref), renumbered
(labels are computed, so renumbering is free), stored with `based_on` the old
version, which stays readable. Accepted amendments stay attached to the
version they amended (the record of what was agreed).

A revision applies every accepted amendment once and carries none of them
(design invariant 7). `plan_revision` says, before anything is written, which
amendments it applies and which it carries (the revision dialog shows it; the
CLI prints the ids), or why it cannot be made. It is refused, in one sentence
naming the amendments, when:

- an accepted amendment (agreed or agreed ad ref) is stale: its words or its
  paragraph are gone, so it cannot be applied. Applying the rest and dropping
  or carrying it would silently lose or misstate an agreement, so the
  facilitator decides first: withdraw it, or set it back to proposed;
- accepted amendments collide (a file made before the rule of
  `resdesk.amend.decisions`, or statuses chosen with `--accept`): only one of
  them can be applied; supersede or withdraw the others first;
- `--accept` leaves out a status that an amendment holds while still counting
  as accepted: `--accept agreed` with an agreed-ad-ref amendment in the file
  is refused (it would be neither applied nor allowed to be carried): accept
  agreed-ad-ref too, or set that amendment back to proposed first. `--accept`
  may add proposed or bracketed (a Chair's text applying proposals), never
  withdrawn, rejected or superseded;
- a sub-amendment is accepted but the amendment it amends is still to be
  decided (it is applied only through that one), or the amendment it amends
  is applied while it is still to be decided (it could never be applied after).

A sub-amendment whose amendment was rejected or withdrawn falls with it: it is
neither applied nor carried.

Every other live amendment (proposed, bracketed) moves to the new version,
re-anchored: block ids are stable, so it still targets the same paragraph,
now with its new number; a replacement's offsets are found again by its old
words (the occurrence nearest to where the old place maps to); a new or moved
paragraph keeps its place among the paragraphs accepted after the same
anchor, and when its anchor was deleted it follows the paragraph that now
stands there; an amendment whose paragraph or words no longer exist is marked
stale, never misapplied.

Metadata: the symbol gets "/Rev.N" (replacing an earlier "/Rev.M"), the date
is the one given (the CLI's default is today; the caller gives it, so the
same call makes the same revision), the distribution is kept, the version is
called "Rev.N" unless named.

A revision can be taken back while it is the newest version (`undo_revision`,
the window's Undo): the pending amendments return to their anchors in the
version it was made from, which becomes the current version again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from resdesk.amend.anchors import TextIndex, anchor_holds, footnote_holds
from resdesk.amend.apply import Applied, apply_amendments
from resdesk.amend.collisions import find_collisions
from resdesk.amend.filters import AmendmentFilter
from resdesk.amend.reanchor import mapped_offset, refind
from resdesk.amend.sub_amendments import holds
from resdesk.errors import UserError, in_words
from resdesk.model.amendment import (
    ACCEPTED_BY_DEFAULT,
    ACCEPTED_STATUSES,
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    LIVE_STATUSES,
    MOVE_BLOCK,
    REPLACE,
    Amendment,
    status_words,
)
from resdesk.model.document import Document
from resdesk.store.amendments import amendments as stored_amendments
from resdesk.store.amendments import rewrite_anchor
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import add_version, load, remove_version, set_current_version, version_id, version_names
from resdesk.un.dates import parse_date

_REV = re.compile(r"^Rev\.(\d+)$")


def next_revision_name(names: list[str]) -> str:
    """"Rev.1" after "original", "Rev.3" after "Rev.2" (one more than the highest Rev.N)."""
    numbers = [int(m[1]) for m in (_REV.match(name) for name in names) if m]
    return f"Rev.{max(numbers, default=0) + 1}"


def revised_symbol(symbol: str, name: str) -> str:
    """"A/C.3/68/L.5" + "Rev.1" -> "A/C.3/68/L.5/Rev.1"; an earlier "/Rev.N" is replaced; "" stays ""."""
    if not symbol or not _REV.match(name):
        return symbol
    return re.sub(r"/Rev\.\d+$", "", symbol) + f"/{name}"


def reanchor(amendment: Amendment, new_index: TextIndex, applied_replacements: dict[str, list[Amendment]],
             rewritten: set[str]) -> Amendment:
    """The amendment anchored in the new version (same object, updated), stale when it no longer fits."""
    amendment.version = new_index.document.version
    if amendment.target not in new_index.blocks or (amendment.after and amendment.after not in new_index.blocks):
        amendment.stale = True
        return amendment
    text = new_index.blocks[amendment.target].text
    if amendment.kind in (DELETE_BLOCK, ALTERNATIVE):
        amendment.old = text
    elif amendment.kind == REPLACE:
        changes = [(a.start, a.end, len(a.new)) for a in applied_replacements.get(amendment.target, [])]
        if amendment.target in rewritten or not refind(amendment, text, changes):
            amendment.stale = True
    elif amendment.kind == FOOTNOTE_CHANGE:
        changes = [(a.start, a.end, len(a.new)) for a in applied_replacements.get(amendment.target, [])]
        amendment.start = amendment.end = mapped_offset(amendment.start, changes)
        if amendment.target in rewritten or not footnote_holds(new_index, amendment):
            amendment.stale = True
    return amendment


def _carry(carried: list[Amendment], result: Applied, applied: list[Amendment], new_index: TextIndex) -> None:
    """Re-anchor `carried` (amendments of the version `result` was made from) in the revision `new_index` holds,
    which applied `applied` (see the module docstring)."""
    applied_replacements: dict[str, list[Amendment]] = {}
    rewritten: set[str] = set()
    for amendment in applied:
        if amendment.kind == REPLACE:
            applied_replacements.setdefault(amendment.target, []).append(amendment)
        elif amendment.kind == ALTERNATIVE:
            rewritten.add(amendment.target)
    _follow_accepted_attachments(carried, applied)
    for amendment in carried:  # what followed a deleted paragraph follows what now stands in its place
        if amendment.kind == INSERT_BLOCK and amendment.target in result.stand_ins:
            amendment.target = result.stand_ins[amendment.target] or amendment.target
        elif amendment.kind == MOVE_BLOCK and amendment.after in result.stand_ins:
            amendment.after = result.stand_ins[amendment.after] or amendment.after
    anchored: dict[str, Amendment] = {}
    for amendment in carried:  # in order of entry: an amendment before its sub-amendments
        parent = anchored.get(amendment.amends) if amendment.amends else None  # proposals read from Word: no ids
        if parent is not None:  # a sub-amendment's words are in its amendment, which keeps them
            amendment.version, amendment.target, amendment.stale = parent.version, parent.target, parent.stale
        else:
            reanchor(amendment, new_index, applied_replacements, rewritten)
        anchored[amendment.id] = amendment


def carry_forward(amendments: list[Amendment], old: Document, applied: list[Amendment], new: Document) -> None:
    """Re-anchor amendments of version `old` in its revision `new`, which applied `applied`, as a revision
    carries its pending amendments: each moves to `new` (its `version` renamed), stale when it no longer fits
    (a Word file of the original read while the document is at Rev.1)."""
    result = apply_amendments(old, applied)
    kept = set(result.applied)
    _carry(amendments, result, [a for a in applied if a.id in kept], TextIndex.of(new))


def _follow_accepted_attachments(carried: list[Amendment], applied: list[Amendment]) -> None:
    """Keep the order of paragraphs placed after the same paragraph.

    After OP3 the text reads OP3, then the paragraphs proposed or moved after
    it, in order of entry. Once some of them are accepted they are ordinary
    blocks of the new version, so a pending one is re-anchored after the last
    accepted one that came before it.
    """
    chains: dict[str, list[tuple[Amendment, str]]] = {}
    for amendment in sorted(applied, key=lambda a: a.number):
        if amendment.kind == INSERT_BLOCK and amendment.new_block is not None:
            chains.setdefault(amendment.target, []).append((amendment, amendment.new_block.id))
        elif amendment.kind == MOVE_BLOCK:
            chains.setdefault(amendment.after, []).append((amendment, amendment.target))
    for amendment in carried:
        if amendment.kind not in (INSERT_BLOCK, MOVE_BLOCK):
            continue
        anchor = amendment.target if amendment.kind == INSERT_BLOCK else amendment.after
        before = [block for other, block in chains.get(anchor, ())
                  if other.number < amendment.number and block != amendment.target]  # never after itself
        if not before:
            continue
        if amendment.kind == INSERT_BLOCK:
            amendment.target = before[-1]
        else:
            amendment.after = before[-1]


@dataclass
class RevisionPlan:
    """What a revision of the current version would do: the ids it applies and carries over (in order of
    entry), or `refusal`, the sentence saying why it cannot be made ("" when it can)."""

    applied: list[str]
    carried: list[str]
    refusal: str = ""


def _ids(amendments) -> list[str]:
    return [a.id for a in sorted(amendments, key=lambda a: a.number)]


def _carried(amendments: list[Amendment], applied: set[str]) -> list[Amendment]:
    """The amendments a revision carries over: those still on the table and not applied; a sub-amendment
    only with the amendment it amends."""
    kept: set[str] = set()
    for amendment in sorted(amendments, key=lambda a: a.number):  # an amendment comes before its sub-amendments
        if amendment.status in LIVE_STATUSES and amendment.id not in applied \
                and (not amendment.amends or amendment.amends in kept):
            kept.add(amendment.id)
    return [a for a in amendments if a.id in kept]


def _sub_amendment_refusal(amendments: list[Amendment], accept: tuple[str, ...], applied: set[str]) -> str:
    """Why a sub-amendment keeps the revision from being made ("" when none does)."""
    by_id = {a.id: a for a in amendments}
    for sub in amendments:
        parent = by_id.get(sub.amends)
        if parent is None or parent.status not in LIVE_STATUSES:
            continue  # it falls with the amendment it amends
        if sub.status in accept and parent.id not in applied and parent.status not in accept:
            return (f"{sub.id} is {status_words(sub.status)}, but {parent.id}, which it amends, is still to be "
                    f"decided; a sub-amendment is applied with the amendment it amends: decide {parent.id} first.")
        if sub.status in accept and not holds(sub, parent):
            return (f"{sub.id} is {status_words(sub.status)} but stale (the words it changes are no longer in "
                    f"the text of {parent.id}), so no revision can apply it: withdraw it or set it back to "
                    "proposed first.")
        if sub.status in LIVE_STATUSES and sub.status not in accept and parent.id in applied:
            return (f"{sub.id} amends {parent.id}, which this revision applies, and is still to be decided; a "
                    f"sub-amendment is decided before the amendment it amends: decide {sub.id} first.")
    return ""


def _refusal(document: Document, amendments: list[Amendment], accept: tuple[str, ...], applied: set[str],
             skipped: list[str]) -> str:
    """The first reason the revision cannot be made, as one sentence ("" when there is none)."""
    if not accept:
        return "Choose at least one status to accept, e.g. agreed,agreed-ad-ref."
    dead = [status for status in accept if status not in LIVE_STATUSES]
    if dead:
        return (f"A revision applies amendments still on the table; {status_words(dead[0])} ones are not "
                f"(accept some of {', '.join(LIVE_STATUSES)}).")
    index = TextIndex.of(document)
    for amendment in amendments:
        if amendment.status in ACCEPTED_STATUSES and amendment.status not in accept:
            return (f"{amendment.id} is {status_words(amendment.status)}, and a revision never carries an "
                    f"accepted amendment: accept {amendment.status} too, or set {amendment.id} back to proposed first.")
        if amendment.status in ACCEPTED_STATUSES and (amendment.stale or not anchor_holds(index, amendment)):
            return (f"{amendment.id} is {status_words(amendment.status)} but stale (the words or the paragraph "
                    f"it amends are no longer in {document.version}), so no revision can apply it: withdraw it or "
                    "set it back to proposed first.")
    chosen = AmendmentFilter(statuses=accept).select(amendments)
    collisions = find_collisions(document, chosen, index)
    for amendment in chosen:
        others = collisions.get(amendment.id, [])
        if others:
            both, them = ("both", others[0]) if len(others) == 1 else ("all", in_words(others))
            return (f"{in_words([amendment.id, *others])} collide and would {both} be applied; a revision applies "
                    f"only one of them: withdraw {them}, or let {amendment.id} supersede "
                    f"{'it' if len(others) == 1 else 'them'} (resdesk status DOC {amendment.id} {amendment.status} "
                    f"--supersede {','.join(others)}).")
    refusal = _sub_amendment_refusal(amendments, accept, applied)
    if refusal:
        return refusal
    if skipped:
        return (f"{in_words(skipped)} cannot be applied with the other accepted amendments (their moves would put a "
                "paragraph after itself); withdraw one of them first.")
    return ""


def revision_plan(document: Document, amendments: list[Amendment],
                  accept: tuple[str, ...] = ACCEPTED_BY_DEFAULT) -> RevisionPlan:
    """What revising `document` (the current version) with its `amendments` would apply and carry."""
    result = apply_amendments(document, AmendmentFilter(statuses=tuple(accept)).select(amendments))
    applied = set(result.applied)
    return RevisionPlan(_ids(a for a in amendments if a.id in applied), _ids(_carried(amendments, applied)),
                        _refusal(document, amendments, tuple(accept), applied, result.skipped))


def plan_revision(doc: DocumentFile, accept: tuple[str, ...] = ACCEPTED_BY_DEFAULT) -> RevisionPlan:
    """`revision_plan` of the document file's current version (for the revision dialog and the CLI)."""
    return revision_plan(load(doc), stored_amendments(doc), accept)


@dataclass
class Revision:
    """A revision made: what it applied and carried, and what `undo_revision` needs to take it back."""

    name: str
    version: int                # the new version's id
    previous: int               # the id of the version it was made from
    carried: list[Amendment]    # the pending amendments as they were anchored before
    applied: list[str] = field(default_factory=list)   # ids, in order of entry


def create_revision(doc: DocumentFile, accept: tuple[str, ...] = ACCEPTED_BY_DEFAULT, name: str | None = None,
                    *, date: str | None = None, actor: str = "") -> Revision:
    """Create the next revision from the current version, dated `date` (ISO or "1 October 2013"; None keeps
    the date of the version it is made from). Refused, with nothing written, for the reasons of `plan_revision`."""
    names = version_names(doc)
    name = name or next_revision_name(names)
    if name in names:
        raise UserError(f"{doc.path.name} already has a version called {name}; choose another --name.")
    old_version = version_id(doc)
    document = load(doc)
    everything = stored_amendments(doc)
    plan = revision_plan(document, everything, accept)
    if plan.refusal:
        raise UserError(plan.refusal)
    accepted = AmendmentFilter(statuses=tuple(accept)).select(everything)
    result = apply_amendments(document, accepted)
    applied_ids = set(result.applied)
    revised = result.document
    revised.version = name
    revised.meta.symbol = revised_symbol(revised.meta.symbol, name)
    if date is not None:
        revised.meta.date = parse_date(date)
    carried = _carried(everything, applied_ids)
    before = [replace(a) for a in carried]
    _carry(carried, result, [a for a in accepted if a.id in applied_ids], TextIndex.of(revised))
    detail = {"from": document.version, "to": name, "accepted": plan.applied, "carried": plan.carried}
    with doc.transaction("revise", actor=actor, version=old_version, detail=detail):
        new_version = add_version(doc, name, revised, based_on=old_version)
        for amendment in carried:
            rewrite_anchor(doc, amendment, new_version)
    return Revision(name, new_version, old_version, before, plan.applied)


def undo_revision(doc: DocumentFile, revision: Revision, *, actor: str = "") -> None:
    """Take a revision back: its pending amendments return to their earlier anchors, the version goes."""
    if version_names(doc)[-1:] != [revision.name] or version_id(doc) != revision.version:
        raise UserError(f"{revision.name} is no longer the newest, current version; it cannot be taken back.")
    with doc.transaction("unrevise", actor=actor, version=revision.previous, detail={"removed": revision.name}):
        for amendment in revision.carried:
            rewrite_anchor(doc, amendment, revision.previous)
        remove_version(doc, revision.version)
        set_current_version(doc, revision.previous)

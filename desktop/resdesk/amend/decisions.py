"""What a facilitator decides about amendments: statuses (one rule), withdrawals, deletions.

The rule (design invariant 7): among amendments that collide (the policy of
`resdesk.amend.collisions`), at most one is accepted (agreed, agreed ad ref,
or adopted by a vote). `set_statuses` enforces it for every caller, the window
and the CLI:

- accepting an amendment that collides with an accepted one is refused
  (`CollisionRefused`, one sentence naming the accepted one) unless that one
  is named in `supersede`: it is then marked "superseded" in the same
  transaction;
- accepting two amendments that collide with each other at once is refused;
- accepting a stale amendment (its words or paragraph are gone) is refused:
  it could never be applied;
- whatever else would keep an accepted amendment from being applied (moves
  that go round in a circle) is refused too, so the consolidated text and the
  next revision apply every accepted amendment.

Only amendments of the current version change status: those of an earlier
version are the record of the revision that replaced it.

A vote (`resdesk.amend.voting.record_vote`) sets the status with its figures:
"adopted" comes only with a vote, and any other change of status forgets the
vote an amendment had (undo puts it back).

Setting several statuses at once is one transaction, so one undo step:
`undo_statuses` puts back every status a `StatusChange` touched.

Deleting a proposal (`delete_proposals`) is for its own delegation, while it
is still only proposed and nobody has commented on it; any other amendment
stays on the record and is withdrawn (or rejected) instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.amend.anchors import TextIndex, anchor_holds
from resdesk.amend.apply import apply_amendments
from resdesk.amend.collisions import find_collisions
from resdesk.amend.sub_amendments import holds
from resdesk.errors import UserError, in_words
from resdesk.model.amendment import (
    ACCEPTED_STATUSES,
    ADOPTED,
    LIVE_STATUSES,
    MOVE_BLOCK,
    PROPOSED,
    SUPERSEDED,
    Amendment,
    entry_number,
    parse_status,
    status_words,
)
from resdesk.model.vote import Vote
from resdesk.store.amendments import amendments as stored_amendments
from resdesk.store.amendments import get_amendment, remove_amendment, write_status, write_vote
from resdesk.store.comments import comments
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load, version_names


class CollisionRefused(UserError):
    """Accepting would make two colliding amendments accepted. `accepted`: the ids of the accepted
    amendments it collides with (to supersede); empty when the amendments to accept collide with
    each other."""

    def __init__(self, sentence: str, accepted: list[str]):
        super().__init__(sentence)
        self.accepted = accepted


@dataclass
class StatusChange:
    """A change of statuses made by `set_statuses`: what `undo_statuses` needs to put it back."""

    ids: list[str]
    status: str
    superseded: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)   # every amendment touched: its status before
    vote: Vote | None = None                                 # the vote that set the status, if one did
    votes: dict[str, Vote | None] = field(default_factory=dict)  # every amendment touched: its vote before


def _unique(ids) -> list[str]:
    return list(dict.fromkeys(ident.strip() for ident in ids if ident.strip()))


def _current(doc: DocumentFile, ident: str, current: dict[str, Amendment]) -> Amendment:
    """Amendment `ident` of the current version, or a UserError saying why its status cannot change."""
    if ident in current:
        return current[ident]
    amendment = get_amendment(doc, ident)  # "There is no amendment …" when it does not exist
    names = version_names(doc)
    later = names[names.index(amendment.version) + 1] if amendment.version in names[:-1] else "a later version"
    raise UserError(f"{ident} was decided in {amendment.version}, which {later} replaced; its status is part "
                    "of that revision's record and no longer changes.")


def _stale(index: TextIndex, amendment: Amendment, current: dict[str, Amendment]) -> bool:
    if amendment.stale or not anchor_holds(index, amendment):
        return True
    parent = current.get(amendment.amends)
    return bool(amendment.amends) and (parent is None or not holds(amendment, parent))


def check_statuses(doc: DocumentFile, ids: list[str], status: str, *, supersede=(),
                   vote: Vote | None = None) -> StatusChange:
    """What `set_statuses` would change, or the UserError (`CollisionRefused`) it would raise; writes nothing.

    The window asks this before it pushes an undo command, to offer "supersede" in its refusal dialog.
    """
    status = parse_status(status)
    ids, supersede = _unique(ids), _unique(supersede)
    if not ids:
        raise UserError("Name at least one amendment.")
    if status == ADOPTED and vote is None:
        raise UserError("An amendment is adopted by a vote: record it with `resdesk vote DOC ID --yes N --no N "
                        "--abstain N` (or --without-vote).")
    everything = stored_amendments(doc)
    current = {a.id: a for a in everything}
    chosen = [_current(doc, ident, current) for ident in ids]
    accepting = status in ACCEPTED_STATUSES
    if supersede and not accepting:
        raise UserError("--supersede goes with agreed or agreed-ad-ref: only an accepted amendment supersedes "
                        "another.")
    document = load(doc)
    index = TextIndex.of(document)
    after = {a.id: Amendment(**{**a.__dict__, "status": status if a.id in ids else a.status})
             for a in everything}
    collisions = find_collisions(document, list(after.values()), index) if supersede else {}
    for ident in supersede:
        other = _current(doc, ident, current)
        if ident in ids:
            raise UserError(f"{ident} cannot supersede itself.")
        if other.status not in LIVE_STATUSES:
            raise UserError(f"{ident} is {status_words(other.status)}; only an amendment still on the table "
                            "is superseded.")
        if not set(ids) & set(collisions.get(ident, ())):
            raise UserError(f"{ident} does not collide with {in_words(ids)}; only an amendment it collides with "
                            "can be superseded.")
        after[ident].status = SUPERSEDED
    change = StatusChange(ids, status, supersede, {a.id: a.status for a in chosen}, vote)
    change.previous.update({ident: current[ident].status for ident in supersede})
    change.votes = {ident: current[ident].vote for ident in change.previous}
    if not accepting:
        return change
    for amendment in chosen:
        if _stale(index, amendment, current):
            raise UserError(f"{amendment.id} is stale (the words or the paragraph it amends are no longer in "
                            f"{document.version}), so it cannot be accepted; propose it again on the text as "
                            "it stands.")
    collisions = find_collisions(document, list(after.values()), index)
    among = [ident for ident in ids if set(collisions.get(ident, ())) & set(ids)]
    if among:
        raise CollisionRefused(f"{in_words(among)} collide with each other, so they cannot all be accepted; "
                               "accept one of them.", [])
    accepted = sorted({other for ident in ids for other in collisions.get(ident, ())
                       if after[other].status in ACCEPTED_STATUSES}, key=entry_number)
    if accepted:
        raise CollisionRefused(_collision_sentence(ids, collisions, accepted, after), accepted)
    _check_all_apply(document, current, after, ids)
    return change


def _collision_sentence(ids: list[str], collisions: dict, accepted: list[str], after: dict) -> str:
    """"a5 collides with a1, which is agreed ad ref; withdraw a1 first, or accept a5 with --supersede a1."."""
    colliding = [ident for ident in ids if set(collisions.get(ident, ())) & set(accepted)]
    if len(accepted) == 1:
        which, them = f"{accepted[0]}, which is {status_words(after[accepted[0]].status)}", accepted[0]
    else:
        which, them = in_words([f"{ident} ({status_words(after[ident].status)})" for ident in accepted]), "them"
    verb, it = ("collides", colliding[0]) if len(colliding) == 1 else ("collide", "them")
    return (f"{in_words(colliding)} {verb} with {which}; withdraw {them} first, or accept {it} "
            f"with --supersede {','.join(accepted)}.")


def _check_all_apply(document, current: dict[str, Amendment], after: dict[str, Amendment], ids: list[str]) -> None:
    """Refuse a change after which an accepted amendment that applied before would no longer apply.

    With the collisions refused first, what is left is a circle of three or more accepted moves.
    """
    def skipped(state: dict[str, Amendment]) -> set[str]:
        accepted = [a for a in state.values() if a.status in ACCEPTED_STATUSES and not a.stale]
        return set(apply_amendments(document, accepted).skipped)

    if skipped(after) - skipped(current):
        moves = sorted((a.id for a in after.values() if a.kind == MOVE_BLOCK
                        and a.status in ACCEPTED_STATUSES and a.id not in ids), key=entry_number)
        with_them = f" together with the accepted moves {in_words(moves)}" if moves else ""
        raise UserError(f"{in_words(ids)} cannot be accepted{with_them}: together they would put a paragraph after "
                        "itself; withdraw one of them first.")


def set_statuses(doc: DocumentFile, ids: list[str], status: str, *, supersede=(), actor: str = "",
                 vote: Vote | None = None) -> StatusChange:
    """Give every amendment in `ids` the status `status`, in one transaction (one undo step), with the
    `vote` that decided it (any vote they had before is forgotten).

    Accepting is refused by the rule of this module (`CollisionRefused` for a
    collision) unless the accepted amendments it collides with are named in
    `supersede`, which marks them superseded in the same transaction.
    """
    change = check_statuses(doc, ids, status, supersede=supersede, vote=vote)
    detail = {"amendments": change.ids, "status": change.status, "superseded": change.superseded}
    if vote is not None:
        detail["vote"] = vote.to_json()
    with doc.transaction("set-statuses", actor=actor, detail=detail):
        for ident in change.ids:
            write_status(doc, ident, change.status, actor=actor)
            write_vote(doc, ident, vote)
        for ident in change.superseded:
            write_status(doc, ident, SUPERSEDED, actor=actor)
            write_vote(doc, ident, None)
    return change


def undo_statuses(doc: DocumentFile, change: StatusChange, *, actor: str = "") -> None:
    """Put back every status (and vote) `change` touched, superseded ones included, in one transaction."""
    with doc.transaction("undo-statuses", actor=actor, detail={"amendments": list(change.previous)}):
        for ident, status in change.previous.items():
            write_status(doc, ident, status, actor=actor)
            write_vote(doc, ident, change.votes.get(ident))


def check_deletion(doc: DocumentFile, ids: list[str], *, actor: str) -> list[str]:
    """The ids `delete_proposals` would delete, or the UserError it would raise: only `actor`'s own
    proposals, still only proposed, on which nobody has commented. Writes nothing."""
    ids = _unique(ids)
    if not ids:
        raise UserError("Name at least one amendment.")
    current = {a.id: a for a in stored_amendments(doc)}
    notes = comments(doc)
    for amendment in (_current(doc, ident, current) for ident in ids):
        if amendment.author != actor:
            raise UserError(f"{amendment.id} was proposed by {amendment.author}; only {amendment.author} deletes "
                            "it (others withdraw or reject it).")
        if amendment.status != PROPOSED:
            raise UserError(f"{amendment.id} is {status_words(amendment.status)}: a decided amendment stays on the "
                            "record; withdraw it instead.")
        commented = [c.id for c in notes if c.amendment == amendment.id]
        if commented:
            raise UserError(f"{amendment.id} has comments ({', '.join(commented)}); withdraw it instead, so that "
                            "they keep what they are about.")
    return ids


def delete_proposals(doc: DocumentFile, ids: list[str], *, actor: str) -> list[Amendment]:
    """Take `actor`'s own proposals out of the file, in one transaction (see `check_deletion` for which);
    returns them, for `resdesk.store.amendments.restore_amendment` (the undo)."""
    ids = check_deletion(doc, ids, actor=actor)
    with doc.transaction("delete-proposals", actor=actor, detail={"amendments": ids}):
        return [remove_amendment(doc, ident, actor=actor) for ident in ids]

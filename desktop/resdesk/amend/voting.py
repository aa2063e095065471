"""The vote: the order amendments are voted in, recording a vote, a separate vote on some words.

**Voting order** (rule 90 of the rules of procedure of the General Assembly): every amendment still
to be decided (proposed or bracketed, not stale), once:

- independent amendments in the order of the paragraphs they amend (`text_position`);
- among amendments that collide (a group linked by collisions, `resdesk.amend.collisions`), the one
  furthest removed in substance from the text first: deleting a paragraph, then replacing it whole
  (an alternative), then moving it, then adding a paragraph to it, then changing some of its words,
  more words before fewer; the group stands where its first paragraph does;
- a sub-amendment right before the amendment it amends (rule 90: an amendment to an amendment is
  voted on first); one whose amendment is rejected or withdrawn falls with it and is left out.

The chair decides: the order can be rearranged by hand (`reorder`); the order set by hand is kept in
the document (`resdesk.store.voting_order`) and read against the amendments still undecided: decided
ones leave it, and one it does not name yet takes its place by the rule (before the amendment that
follows it in the rule's order).

**A vote** (`record_vote`) makes the amendment adopted or rejected, with its figures
(`resdesk.model.vote.Vote`), through `resdesk.amend.decisions.set_statuses`: an adopted amendment
counts as accepted (collisions, the consolidated text, the next revision).

**A separate vote on words** (a motion for division, rule 89; `divide`) decides whether some words of
a paragraph are retained: it is recorded as an amendment deleting them, by the delegation that moved
the division, adopted when retaining them fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.amend.anchors import TextIndex, anchor_holds
from resdesk.amend.collisions import find_collisions
from resdesk.amend.decisions import CollisionRefused, StatusChange, check_statuses, set_statuses
from resdesk.amend.propose import propose_replace
from resdesk.amend.sub_amendments import holds
from resdesk.errors import UserError, in_words
from resdesk.model.amendment import (
    ALTERNATIVE,
    DELETE_BLOCK,
    INSERT_BLOCK,
    LIVE_STATUSES,
    MOVE_BLOCK,
    UNDECIDED_STATUSES,
    Amendment,
    entry_number,
    status_words,
    vote_status,
)
from resdesk.model.document import Document
from resdesk.model.vote import Vote
from resdesk.store.amendments import add_amendment, get_amendment
from resdesk.store.amendments import amendments as stored_amendments
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load
from resdesk.store.voting_order import hand_order, write_hand_order

# Furthest removed from the text first (rule 90): delete it, replace it whole, move it, add to it, change words.
_REMOTENESS = {DELETE_BLOCK: 0, ALTERNATIVE: 1, MOVE_BLOCK: 2, INSERT_BLOCK: 3}
_WORDS = 4


def text_position(index: TextIndex, amendment: Amendment, by_id: dict[str, Amendment] | None = None) -> tuple:
    """Where an amendment stands in the text, for putting amendments "in the order of the paragraphs they
    amend": its paragraph in reading order, then its words; a new paragraph after the one it follows (and
    that one's sub-paragraphs); a sub-amendment where the amendment it amends stands, then its words."""
    order = index.order
    parent = (by_id or {}).get(amendment.amends)
    if parent is not None:
        return (*text_position(index, parent), 1, amendment.start, amendment.end)
    if amendment.kind == INSERT_BLOCK:
        last = index.subtree(amendment.target)[-1] if amendment.target in index.blocks else amendment.target
        return order.get(last, len(order)), 1, 0, 0
    return order.get(amendment.target, len(order)), 0, amendment.start, amendment.end


def _remoteness(amendment: Amendment) -> tuple:
    """Furthest removed in substance first: by kind, then the words changed (more first)."""
    rank = _REMOTENESS.get(amendment.kind, _WORDS)
    return rank, -len(amendment.old.split()) if rank == _WORDS else 0


def _rule_order(items: list[Amendment], collisions: dict[str, list[str]], position) -> list[Amendment]:
    """`items` in rule 90's order: groups of colliding amendments, in the order of where they stand, each
    furthest removed first."""
    group = {a.id: a.id for a in items}

    def root(ident: str) -> str:
        while group[ident] != ident:
            group[ident] = group[group[ident]]
            ident = group[ident]
        return ident

    for amendment in items:
        for other in collisions.get(amendment.id, ()):
            if other in group:
                group[root(other)] = root(amendment.id)
    groups: dict[str, list[Amendment]] = {}
    for amendment in items:
        groups.setdefault(root(amendment.id), []).append(amendment)
    ordered = sorted(groups.values(), key=lambda members: min((position(a), a.number) for a in members))
    return [a for members in ordered for a in sorted(members, key=lambda a: (_remoteness(a), position(a), a.number))]


@dataclass
class VotingItem:
    """An amendment in the voting order: its place (from 1), and its place by the rule."""

    amendment: Amendment
    number: int
    rule_number: int

    @property
    def moved_by_hand(self) -> bool:
        return self.number != self.rule_number


@dataclass
class VotingOrder:
    items: list[VotingItem]
    hand_made: bool                                   # the chair's order differs from the rule's
    left_out: list[tuple[str, str]] = field(default_factory=list)   # (id, why), undecided but not voted on

    def ids(self) -> list[str]:
        return [item.amendment.id for item in self.items]


def _votable(amendments: list[Amendment], index: TextIndex) -> tuple[list[Amendment], list[tuple[str, str]]]:
    """The undecided amendments that can be voted on, and the others with the reason."""
    by_id = {a.id: a for a in amendments}
    votable, left_out = [], []
    for amendment in amendments:
        if amendment.status not in UNDECIDED_STATUSES:
            continue
        parent = by_id.get(amendment.amends)
        if amendment.amends and (parent is None or parent.status not in LIVE_STATUSES):
            why = f"{parent.id} is {status_words(parent.status)}" if parent else f"{amendment.amends} is gone"
            left_out.append((amendment.id, f"falls with the amendment it amends ({why})"))
        elif amendment.stale or not anchor_holds(index, amendment) or (parent is not None and not holds(amendment,
                                                                                                          parent)):
            left_out.append((amendment.id, "stale: the words or the paragraph it amends are gone"))
        else:
            votable.append(amendment)
    return votable, left_out


def voting_order(document: Document, amendments: list[Amendment], hand: list[str] = ()) -> VotingOrder:
    """The voting order of `document`'s undecided `amendments` (all of the version's, for collisions and
    sub-amendments), by rule 90, or as set by hand (`hand`, the ids as the chair left them)."""
    index = TextIndex.of(document)
    by_id = {a.id: a for a in amendments}
    votable, left_out = _votable(amendments, index)
    collisions = find_collisions(document, votable, index)
    voted = {a.id for a in votable}
    subs: dict[str, list[Amendment]] = {}
    for amendment in votable:
        if amendment.amends in voted:
            subs.setdefault(amendment.amends, []).append(amendment)
    main = [a for a in votable if a.amends not in voted]
    rule: list[str] = []
    for amendment in _rule_order(main, collisions, lambda a: text_position(index, a, by_id)):
        own = _rule_order(subs.get(amendment.id, []), collisions, lambda a: (a.start, a.end))
        rule += [a.id for a in own] + [amendment.id]
    order = [ident for ident in dict.fromkeys(hand) if ident in voted]
    for place in reversed(range(len(rule))):  # not in the hand-made order yet: before its successor by the rule
        ident = rule[place]
        if ident not in order:
            successor = rule[place + 1] if place + 1 < len(rule) else None
            order.insert(order.index(successor) if successor in order else len(order), ident)
    rule_number = {ident: place for place, ident in enumerate(rule, start=1)}
    items = [VotingItem(by_id[ident], place, rule_number[ident]) for place, ident in enumerate(order, start=1)]
    return VotingOrder(items, order != rule, left_out)


def current_order(doc: DocumentFile) -> VotingOrder:
    """The voting order of the document file's current version (as set by hand, if it was)."""
    return voting_order(load(doc), stored_amendments(doc), hand_order(doc))


def moved(ids: list[str], ident: str, *, before: str | None = None, after: str | None = None) -> list[str]:
    """`ids` with `ident` put just before `before` (or just after `after`)."""
    if (before is None) == (after is None):
        raise UserError("Say where it goes: --before ID or --after ID.")
    other = before if before is not None else after
    for name in (ident, other):
        if name not in ids:
            raise UserError(f"{name} is not in the voting order (it holds the amendments still to be decided: "
                            f"{in_words(ids) if ids else 'none'}).")
    if ident == other:
        raise UserError(f"{ident} cannot move next to itself.")
    rest = [name for name in ids if name != ident]
    place = rest.index(other) + (0 if before is not None else 1)
    return rest[:place] + [ident] + rest[place:]


def reorder(doc: DocumentFile, ident: str, *, before: str | None = None, after: str | None = None,
            actor: str = "") -> list[str]:
    """Move amendment `ident` in the current voting order (kept by hand from then on); returns the order
    set by hand before (for undo)."""
    return write_hand_order(doc, moved(current_order(doc).ids(), ident, before=before, after=after), actor=actor)


def set_order(doc: DocumentFile, ids: list[str], *, actor: str = "") -> list[str]:
    """Keep `ids` (every amendment of the voting order, once) as the order set by hand ([]: back to the rule's);
    returns the order set by hand before (for undo)."""
    if ids and sorted(ids, key=entry_number) != sorted(current_order(doc).ids(), key=entry_number):
        raise UserError("A voting order names every amendment still to be decided once; reload it and try again.")
    return write_hand_order(doc, list(ids), actor=actor)


def check_vote(doc: DocumentFile, ident: str, vote: Vote) -> StatusChange:
    """What `record_vote` would change, or the UserError (`CollisionRefused`) it would raise; writes nothing."""
    amendment = get_amendment(doc, ident)
    if amendment.status not in UNDECIDED_STATUSES and amendment.vote is None:
        raise UserError(f"{ident} is {status_words(amendment.status)}; a vote decides an amendment still to be "
                        "decided (proposed or bracketed).")
    if amendment.amends:
        parent = get_amendment(doc, amendment.amends)
        if parent.status not in LIVE_STATUSES:
            raise UserError(f"{ident} falls with {parent.id}, which it amends and which is "
                            f"{status_words(parent.status)}; it is not voted on.")
    return check_statuses(doc, [ident], vote_status(vote), vote=vote)


def record_vote(doc: DocumentFile, ident: str, vote: Vote, *, actor: str = "") -> StatusChange:
    """Record the vote on amendment `ident`: it becomes adopted or rejected, with the figures, in one transaction
    (one undo step: `resdesk.amend.decisions.undo_statuses`). A vote already recorded may be corrected."""
    check_vote(doc, ident, vote)
    return set_statuses(doc, [ident], vote_status(vote), vote=vote, actor=actor)


def divide(doc: DocumentFile, label: str, words: str, vote: Vote, *, author: str, occurrence: int | None = None,
           actor: str = "") -> Amendment:
    """Record a separate vote on `words` of paragraph `label` (`vote.yes`: to retain them), as an amendment of
    `author` (who moved the division) deleting them, adopted when retaining them fails; one transaction.
    Returns it (`resdesk.store.amendments.remove_amendment` takes it back)."""
    if not vote.division:
        raise ValueError("divide() records a division vote")
    proposal = propose_replace(load(doc), author, label, words, "", occurrence)
    try:
        with doc.transaction("divide", actor=actor or author, detail={"paragraph": label, "words": words}):
            stored = add_amendment(doc, proposal, actor=actor or author)
            set_statuses(doc, [stored.id], vote_status(vote), vote=vote, actor=actor or author)
    except CollisionRefused as refusal:
        accepted = in_words(refusal.accepted) if refusal.accepted else "another amendment"
        raise UserError(f"Deleting “{words}” would collide with {accepted}, already accepted in {label}; the "
                        "separate vote is on the text as it stands, so decide on those words there.") from None
    return get_amendment(doc, stored.id)

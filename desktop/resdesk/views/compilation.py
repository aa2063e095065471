"""The compilation text, once for the Word and the PDF exporter: each paragraph with the proposals on it.

The facilitator's working document, built from THE markup view of an export: every record of the
version in reading order (a proposed new paragraph or alternative under its provisional label,
"OP3 bis", "OP15 alt 1"; a moved paragraph again where it would go), and under each the proposals on
it, each listed once: who (the delegation and its co-sponsors), the status (or the vote that decided
it, in the UN's words: "adopted by a recorded vote of 80 to 40, with 20 abstentions"), what it does in
the words of UN amendment documents (`resdesk.amend.instructions`), the proposals it collides with,
and for a change of words the paragraph as it would read. A sub-amendment is listed right after the
amendment it amends (or, when that one is not shown, under the paragraph). A move is listed at the
paragraph's present place. Text not yet agreed or adopted stands in [square brackets]. A closing
table lists the proposals by delegation and status. Both renderers show exactly these things; only the
typography is theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from resdesk.amend.anchors import TextIndex
from resdesk.amend.instructions import instruction
from resdesk.model.amendment import (
    ADOPTED,
    AGREED,
    ALTERNATIVE,
    DELETE_BLOCK,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    STATUSES,
    SUB_AMENDMENT,
    Amendment,
    status_words,
)
from resdesk.model.document import Document
from resdesk.text.inline import Mark
from resdesk.views.markup import (
    ALTERNATIVE_TEXT,
    INSERTED,
    MOVED_TO,
    Markup,
    MarkupBlock,
    Segment,
    inline_segments,
)

INTRODUCTION = ("Compilation text: each paragraph with the proposals on it. Text not yet agreed is in "
                "[square brackets].")
SUMMARY_TITLE = "Amendments by delegation and status"
SUMMARY_HEADER = ("Delegation", "Paragraph", "Proposal", "Status")
KIND_WORDS = {REPLACE: "change words", INSERT_BLOCK: "new paragraph", DELETE_BLOCK: "delete", MOVE_BLOCK: "move",
              ALTERNATIVE: "alternative", SUB_AMENDMENT: "amend an amendment"}
AGREED_STATUSES = (AGREED, ADOPTED)  # text no longer in [square brackets]


def bracketed(text: str) -> str:
    """"[text]", with the spaces around the words left outside the brackets (" [further]")."""
    core = text.strip()
    if not core:
        return text
    head = text[:len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):]
    return f"{head}[{core}]{tail}"


def co_sponsor_words(amendment: Amendment, short: Callable[[str], str]) -> str:
    """" with Chile, Peru" (short names), or ""."""
    return " with " + ", ".join(short(name) for name in amendment.co_sponsors) if amendment.co_sponsors else ""


def moved_note(amendment: Amendment, short: Callable[[str], str]) -> str:
    """"(moved here by Brazil, proposed)": a moved paragraph shown where it would go."""
    return f"(moved here by {short(amendment.author)}, {status_words(amendment.status)})"


@dataclass
class Proposal:
    """One proposal under its paragraph. `reading` is, for a change of words, the paragraph with that change
    alone, as markup segments (deleted and inserted words at their place); empty for the other kinds."""

    amendment: Amendment
    instruction: str
    collides_with: list[Amendment] = field(default_factory=list)
    reading: list[Segment] = field(default_factory=list)

    @property
    def bracketed(self) -> bool:
        """Its new text is not agreed yet: it stands in square brackets."""
        return self.amendment.status not in AGREED_STATUSES

    def status_words(self) -> str:
        """"proposed", "agreed ad ref", or the vote that decided it ("rejected by 58 votes to 92, with 21
        abstentions")."""
        vote = self.amendment.vote
        return vote.words() if vote is not None else status_words(self.amendment.status)

    def collision_words(self, short: Callable[[str], str]) -> str:
        """"Collides with a7 (G77)." or ""."""
        if not self.collides_with:
            return ""
        return "Collides with " + ", ".join(f"{a.id} ({short(a.author)})" for a in self.collides_with) + "."


@dataclass
class Entry:
    """A paragraph of the compilation: `text` (with `marks`) as shown under the record's label; for a
    proposed or moved paragraph (`proposed_by`), in brackets unless that proposal is agreed."""

    record: MarkupBlock
    text: str
    marks: list[Mark]
    proposed_by: Amendment | None = None
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        return self.record.state == MOVED_TO

    @property
    def bracketed(self) -> bool:
        return self.proposed_by is not None and self.proposed_by.status not in AGREED_STATUSES


@dataclass
class Compilation:
    entries: list[Entry]
    delegations: list[str]  # whose proposals are shown, in order of their first proposal
    summary: list[tuple[str, str, str, str]]  # delegation, paragraph label, kind of proposal, status


def compilation(document: Document, view: Markup) -> Compilation:
    """The compilation text of `document` with the proposals `view` (its markup view) shows."""
    index = TextIndex.of(document)
    listed: set[str] = set()
    entries = []
    subs: dict[str, list[Amendment]] = {}  # by the amendment they amend, or (when it is not shown) by paragraph
    for amendment in sorted(view.amendments.values(), key=lambda a: a.number):
        if amendment.kind == SUB_AMENDMENT:
            subs.setdefault(amendment.amends if amendment.amends in view.amendments else amendment.target,
                            []).append(amendment)

    def proposal(amendment: Amendment, record: MarkupBlock) -> Proposal:
        listed.add(amendment.id)
        reading = inline_segments(record.block, [amendment]) if amendment.kind == REPLACE else []
        parent = view.parents.get(amendment.id)
        return Proposal(amendment, instruction(index, amendment, parent, view.labels.get(amendment.amends, "")),
                        [view.amendments[i] for i in view.collisions.get(amendment.id, []) if i in view.amendments],
                        reading)

    for record in view.blocks:
        proposed_by = view.amendments[record.amendment] \
            if record.state in (INSERTED, ALTERNATIVE_TEXT, MOVED_TO) else None
        if record.state in (INSERTED, ALTERNATIVE_TEXT):
            text, marks = record.new_text(), list(record.block.marks) if record.state == INSERTED else []
        else:
            text, marks = record.block.text, list(record.block.marks)
        entry = Entry(record, text, marks, proposed_by)
        ids = record.amendments() + ([a.id for a in subs.get(record.id, ())] if record.key == record.id else [])
        for ident in ids:
            amendment = view.amendments[ident]
            if ident in listed or (record.state == MOVED_TO and amendment.kind == MOVE_BLOCK):
                continue  # a proposal is listed once; a move at the paragraph's present place
            entry.proposals.append(proposal(amendment, record))
            entry.proposals += [proposal(sub, record) for sub in subs.get(ident, ()) if sub.id not in listed]
        entries.append(entry)
    shown = sorted(view.amendments.values(), key=lambda a: a.number)
    delegations = list(dict.fromkeys(a.author for a in shown))
    order = {status: rank for rank, status in enumerate(STATUSES)}
    summary = [(a.author, view.labels.get(a.id, ""), KIND_WORDS.get(a.kind, a.kind), status_words(a.status))
               for a in sorted(shown, key=lambda a: (a.author, order.get(a.status, len(order)), a.number))]
    return Compilation(entries, delegations, summary)

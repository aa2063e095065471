"""Amendments as data (the AT4AM idea): an action, an anchor, a payload, an author, a status.

How an amendment is shown (markup, instructions, labels) and how it is
exported are computed elsewhere from this record; nothing here knows about
screens or files.

Anchors are stable block ids of the version the amendment targets, never labels:

- ``replace``: word-level change inside block `target`: the characters
  ``[start, end)`` of its text, which read `old`, become `new`. Deleting words is
  a replacement with ``new == ""``; inserting words is either a replacement whose
  `new` starts with its `old` ("after “old”, insert …") or a zero-width one
  (``start == end``, ``old == ""``). `old` is kept so that a stale anchor is
  detected, never silently misapplied.
- ``insert-block``: a new block `new_block` placed after block `target` and
  after that block's sub-paragraphs. Convention for "before the first
  paragraph": the anchor is the block just before it (the enacting formula for a
  new first PP, the last PP for a new first OP); the provisional label is then
  "PP0 bis" / "OP0 bis" and the instruction reads "before preambular paragraph…".
- ``delete-block``: block `target` (with its sub-paragraphs) goes; `old` keeps its text.
- ``move-block``: block `target` (with its sub-paragraphs) moves after block `after`.
- ``alternative``: the whole text of block `target` becomes `new`; `old` keeps the text it replaces.
- ``sub-amendment``: an amendment to amendment `amends` (a replacement, a new paragraph or an
  alternative still to be decided): the characters ``[start, end)`` of that amendment's new text,
  which read `old`, become `new`; `target` is the block of the amendment it amends. It changes the
  text only through that amendment (see `resdesk.amend.sub_amendments`).
- ``footnote``: a footnote of block `target` changes its text, is added or goes. `footnotes` holds the one
  footnote concerned with its new text and marks, by id (the version's footnote id, or a new one); `old`
  is its text in the version ("" for a new footnote), `new` its new text ("" when it goes); `start`
  (== `end`) is the offset of its anchor in the target's text (where a new one is anchored).

An ``insert-block`` carries everything its new text needs: `new_block`'s marks, its own sub-paragraphs
(`new_children`, in reading order, each `parent` naming the new block or another of them) and the
footnotes they refer to (`footnotes`). A new block that is a sub-paragraph of its `target` itself goes
before the target's sub-paragraphs (a new first sub-paragraph, label "OP5 (0) bis"); any other new block
follows the target's sub-paragraphs.

`vote` is the record of the vote that decided it (`adopted` or `rejected`), if there was one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.errors import UserError
from resdesk.model.document import Block, Footnote
from resdesk.model.vote import Vote

PROPOSED = "proposed"
AGREED_AD_REF = "agreed-ad-ref"
AGREED = "agreed"
ADOPTED = "adopted"
BRACKETED = "bracketed"
WITHDRAWN = "withdrawn"
REJECTED = "rejected"
SUPERSEDED = "superseded"

STATUSES = (PROPOSED, AGREED_AD_REF, AGREED, ADOPTED, BRACKETED, WITHDRAWN, REJECTED, SUPERSEDED)
# Statuses of amendments still on the table: shown in the markup by default and checked for collisions.
LIVE_STATUSES = (PROPOSED, AGREED_AD_REF, AGREED, ADOPTED, BRACKETED)
# Accepted: among amendments that collide, at most one has one of these (see `resdesk.amend.decisions`).
# Adopted (by a vote, `resdesk.amend.voting`) counts as agreed.
ACCEPTED_STATUSES = (AGREED, AGREED_AD_REF, ADOPTED)
# Still to be decided: what a vote decides, in the voting order.
UNDECIDED_STATUSES = (PROPOSED, BRACKETED)
# What an amendment document lists by default: every amendment tabled and not taken back or replaced.
TABLED_STATUSES = (PROPOSED, AGREED_AD_REF, AGREED, ADOPTED, BRACKETED, REJECTED)
# What "consolidated" and "Create Rev.N" accept unless told otherwise: the accepted ones.
ACCEPTED_BY_DEFAULT = ACCEPTED_STATUSES


def parse_status(value: str) -> str:
    """A status as a user may type it, in any spelling ("agreed ad ref", "Agreed_Ad_Ref", "agreed-ad-ref"),
    as stored ("agreed-ad-ref"). The one place status names are read: an unknown one is a UserError."""
    name = "-".join(value.lower().replace("_", " ").replace("-", " ").split())
    if name not in STATUSES:
        raise UserError(f"“{value.strip()}” is not a status; use one of {', '.join(STATUSES)}.")
    return name


def vote_status(vote: Vote) -> str:
    """The status a vote gives the amendment it decides: adopted or rejected."""
    return ADOPTED if vote.adopts else REJECTED


def status_words(status: str) -> str:
    """"agreed-ad-ref" -> "agreed ad ref": a status as a sentence says it."""
    return status.replace("-", " ")


REPLACE = "replace"
INSERT_BLOCK = "insert-block"
DELETE_BLOCK = "delete-block"
MOVE_BLOCK = "move-block"
ALTERNATIVE = "alternative"
SUB_AMENDMENT = "sub-amendment"
FOOTNOTE_CHANGE = "footnote"

KINDS = (REPLACE, INSERT_BLOCK, DELETE_BLOCK, MOVE_BLOCK, ALTERNATIVE, SUB_AMENDMENT, FOOTNOTE_CHANGE)
BLOCK_LEVEL_KINDS = (INSERT_BLOCK, DELETE_BLOCK, MOVE_BLOCK, ALTERNATIVE)


@dataclass
class Amendment:
    """One proposal of one delegation on one version.

    `id` is "a1", "a2", … in order of entry; `version` is the name of the version
    it targets ("original", "Rev.1"); `author` and `co_sponsors` are delegation
    names; `created`/`updated` are ISO 8601 UTC strings; `stale` is set when the
    text the amendment relied on no longer exists (see `resdesk.amend.revise`).
    """

    id: str
    version: str
    author: str
    kind: str
    target: str
    status: str = PROPOSED
    co_sponsors: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    old: str = ""
    new: str = ""
    new_block: Block | None = None
    new_children: list[Block] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    after: str = ""
    justification: str = ""
    created: str = ""
    updated: str = ""
    stale: bool = False
    amends: str = ""
    vote: Vote | None = None

    @property
    def number(self) -> int:
        """The sequence number in "a12" (12), used to order amendments by entry."""
        return entry_number(self.id)

    @property
    def footnote_id(self) -> str:
        """The footnote a ``footnote`` amendment changes, adds or deletes ("" for other kinds)."""
        return next(iter(self.footnotes), "") if self.kind == FOOTNOTE_CHANGE else ""

    def new_blocks(self) -> list[Block]:
        """An insertion's new block followed by its sub-paragraphs (none for other kinds)."""
        return [self.new_block, *self.new_children] if self.kind == INSERT_BLOCK and self.new_block else []

    def sponsors(self) -> list[str]:
        """The author followed by the co-sponsors."""
        return [self.author, *self.co_sponsors]


def entry_number(ident: str) -> int:
    """The sequence number of amendment id "a12" (12): sorting ids by it puts them in order of entry."""
    digits = ident.lstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits) if digits.isdigit() else 0

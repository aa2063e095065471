"""The record of a vote on an amendment: the figures, and how it was taken.

A vote adopts or rejects the amendment it decides (`resdesk.amend.voting`). A separate vote on some
words of a paragraph (`division`) is a vote to retain them; the amendment it decides deletes those
words, so it is adopted when retaining them fails.
"""

from __future__ import annotations

from dataclasses import dataclass

from resdesk.errors import UserError
from resdesk.un.votes import carried, division_outcome, outcome


@dataclass(frozen=True)
class Vote:
    yes: int = 0
    no: int = 0
    abstain: int = 0
    recorded: bool = False
    without_vote: bool = False
    division: bool = False

    def __post_init__(self):
        if min(self.yes, self.no, self.abstain) < 0:
            raise UserError("Votes are counted from 0; a count cannot be negative.")
        if self.without_vote and (self.yes or self.no or self.abstain or self.recorded):
            raise UserError("An amendment adopted without a vote has no figures; give either --without-vote or "
                            "--yes/--no/--abstain.")
        if self.without_vote and self.division:
            raise UserError("A separate vote on words is taken by a vote; give --yes, --no and --abstain.")

    @property
    def adopts(self) -> bool:
        """Whether the amendment this vote decides is adopted (for a division: whether the words go)."""
        if self.without_vote:
            return True
        return carried(self.yes, self.no) != self.division

    def words(self) -> str:
        """The outcome in the UN's words ("adopted by a recorded vote of 80 to 40, with 20 abstentions")."""
        if self.division:
            return division_outcome(self.yes, self.no, self.abstain, recorded=self.recorded)
        return outcome(self.yes, self.no, self.abstain, recorded=self.recorded, without_vote=self.without_vote)

    def to_json(self) -> dict:
        return {"yes": self.yes, "no": self.no, "abstain": self.abstain, "recorded": self.recorded,
                "without_vote": self.without_vote, "division": self.division, "outcome": self.words()}

"""Undo commands of the vote: recording a vote, a separate vote on words, rearranging the voting order.

Each calls `resdesk.amend.voting` (committed to the file at once) and, to undo, the inverse
(`undo_statuses`, `remove_amendment`/`restore_amendment`, the order set by hand before), then asks the
`Negotiation` to read the file again.
"""

from __future__ import annotations

from resdesk.amend.decisions import StatusChange, undo_statuses
from resdesk.amend.voting import record_vote, set_order
from resdesk.model.amendment import Amendment
from resdesk.model.vote import Vote
from resdesk.store.amendments import remove_amendment, restore_amendment
from resdesk.store.voting_order import write_hand_order
from resdesk.ui.negotiation_commands import NegotiationCommand


class VoteCommand(NegotiationCommand):
    """The vote on one amendment: adopted or rejected, with its figures."""

    def __init__(self, negotiation, ident: str, vote: Vote, text: str):
        super().__init__(negotiation, text)
        self.ident = ident
        self.vote = vote
        self.change: StatusChange | None = None

    def redo(self) -> None:
        self.change = record_vote(self.file, self.ident, self.vote, actor=self.negotiation.acting)
        self._done()

    def undo(self) -> None:
        undo_statuses(self.file, self.change, actor=self.negotiation.acting)
        self._done()


class DivisionCommand(NegotiationCommand):
    """A separate vote on words, already recorded (`resdesk.amend.voting.divide`) as the amendment `recorded`;
    undo takes it out of the file, redo puts it back with its vote."""

    def __init__(self, negotiation, recorded: Amendment, text: str):
        super().__init__(negotiation, text)
        self.recorded = recorded
        self.first = True

    def redo(self) -> None:
        if not self.first:
            restore_amendment(self.file, self.recorded, actor=self.negotiation.acting)
        self.first = False
        self._done()

    def undo(self) -> None:
        remove_amendment(self.file, self.recorded.id, actor=self.negotiation.acting)
        self._done()


class VotingOrderCommand(NegotiationCommand):
    """The voting order as the chair rearranged it ([]: back to rule 90's)."""

    def __init__(self, negotiation, ids: list[str], text: str):
        super().__init__(negotiation, text)
        self.ids = list(ids)
        self.previous: list[str] = []

    def redo(self) -> None:
        self.previous = set_order(self.file, self.ids, actor=self.negotiation.acting)
        self._done()

    def undo(self) -> None:
        write_hand_order(self.file, self.previous, actor=self.negotiation.acting)
        self._done()

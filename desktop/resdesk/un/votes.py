"""Votes in the UN's words, and the rule that decides them.

How the reports of the Main Committees record a decision on an amendment or a paragraph:
"adopted by a recorded vote of 80 to 40, with 20 abstentions", "rejected by 58 votes to 92, with 21
abstentions", "adopted without a vote". Votes are written in figures, whatever their size; no vote
against is "to none", one abstention "with 1 abstention", none "with no abstentions" (the usage of
the UN's records; the Editorial Manual does not spell these out).

A proposal is adopted by a majority of the members present and voting; a vote equally divided
rejects it (rules 95 and 133 of the rules of procedure of the General Assembly). A separate vote on
some words (a motion for division, rule 89) is a vote to retain them: "the words were retained by …",
or, when retaining them fails, they are deleted.
"""

from __future__ import annotations


def carried(yes: int, no: int) -> bool:
    """Whether a vote of `yes` to `no` adopts (more in favour than against; a tie rejects)."""
    return yes > no


def _abstentions(count: int) -> str:
    if count == 0:
        return "no abstentions"
    return f"{count} abstention{'s' if count != 1 else ''}"


def figures(yes: int, no: int, abstain: int, *, recorded: bool) -> str:
    """"a recorded vote of 80 to 40, with 20 abstentions" or "58 votes to 92, with 21 abstentions"."""
    against = str(no) if no else "none"
    counted = f"a recorded vote of {yes} to {against}" if recorded else \
        f"{yes} vote{'s' if yes != 1 else ''} to {against}"
    return f"{counted}, with {_abstentions(abstain)}"


def outcome(yes: int, no: int, abstain: int, *, recorded: bool = False, without_vote: bool = False) -> str:
    """"adopted by a recorded vote of 80 to 40, with 20 abstentions", "rejected by 58 votes to 92, with 21
    abstentions", "adopted without a vote"."""
    if without_vote:
        return "adopted without a vote"
    verb = "adopted" if carried(yes, no) else "rejected"
    return f"{verb} by {figures(yes, no, abstain, recorded=recorded)}"


def division_outcome(yes: int, no: int, abstain: int, *, recorded: bool = False) -> str:
    """The separate vote on some words (`yes` to retain them): "the words were retained by a recorded vote of 80
    to 40, with 20 abstentions", or "the words were deleted, their retention having been rejected by 58 votes to
    92, with 21 abstentions"."""
    counted = figures(yes, no, abstain, recorded=recorded)
    if carried(yes, no):
        return f"the words were retained by {counted}"
    return f"the words were deleted, their retention having been rejected by {counted}"

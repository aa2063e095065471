"""The numbers a tracked text prints before its paragraphs: ONE rule for the Word file and the PDF.

A facilitator's tracked text of proposals keeps the numbers of the text under negotiation: a new paragraph
proposed after operative paragraph 3 is "3 bis." (its provisional label, `amend.labels.inserted_label`) and
operative paragraph 4 stays "4." until a revision renumbers the text (un-format.md §2: labels go when the text
is agreed and renumbered). A comparison of two versions shows that renumbering: the newer version's numbers.
"""

from __future__ import annotations

import re

from resdesk.model.document import OPERATIVE, SUBPARAGRAPH
from resdesk.un.markers import operative_number
from resdesk.views.markup import DELETED, INSERTED, MOVED_FROM, MOVED_TO, NORMAL, MarkupBlock

_OPERATIVE_LABEL = re.compile(r"OP(?P<number>\d+) (?P<suffix>\S.*)$")
_SUBPARAGRAPH_LABEL = re.compile(r"(?P<marker>\([^()]*\)) (?P<suffix>[^()]+)$")


def provisional_number(label: str, kind: str, language: str) -> str:
    """How a new paragraph's provisional label is printed in its number's place: "OP3 bis" -> "3 bis.",
    "OP2 (b) bis" -> "(b) bis"; "" for a preambular paragraph (never numbered) or a label of another form."""
    if kind == OPERATIVE and (found := _OPERATIVE_LABEL.search(label)):
        number = operative_number(int(found["number"]), language)
        digits = re.match(r"\D*\d+|\S+", number)[0]  # "3" of "3." (or "3 -" in Arabic)
        return f"{digits} {found['suffix']}{number[len(digits):]}"
    if kind == SUBPARAGRAPH and (found := _SUBPARAGRAPH_LABEL.search(label)):
        return f"{found['marker']} {found['suffix']}"
    return ""


def tracked_numbers(record: MarkupBlock, state: str, before: dict[str, str], after: dict[str, str], *,
                    comparing: bool, language: str) -> tuple[str, str]:
    """(the number before the change, the number after it) of `record` written as `state`; "" where it has none.

    `before` has the printed numbers of the text the changes are shown on, `after` those of the newer version
    (used by a comparison only): existing paragraphs of a tracked text of proposals keep their number and a new
    one has its provisional number."""
    old = before.get(record.id, "") if state in (NORMAL, DELETED, MOVED_FROM) else ""
    if state not in (NORMAL, INSERTED, MOVED_TO):
        return old, ""
    if comparing:
        return old, after.get(record.id, "")
    if state == INSERTED:
        return old, provisional_number(record.label, record.kind, language)
    return old, before.get(record.id, "")

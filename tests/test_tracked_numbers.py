"""The one rule both tracked outputs number their paragraphs by (views/tracked_numbers.py)."""

from __future__ import annotations

from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH
from resdesk.views.markup import INSERTED, NORMAL
from resdesk.views.tracked_numbers import provisional_number, tracked_numbers


class Record:
    def __init__(self, id_: str, kind: str, label: str = ""):
        self.id, self.kind, self.label = id_, kind, label


def test_provisional_numbers():
    assert provisional_number("OP3 bis", OPERATIVE, "en") == "3 bis."
    assert provisional_number("Annex OP12 ter", OPERATIVE, "en") == "12 ter."
    assert provisional_number("OP2 (b) bis", SUBPARAGRAPH, "en") == "(b) bis"
    assert provisional_number("PP2 bis", PREAMBULAR, "en") == ""  # preambular paragraphs are never numbered


def test_proposals_keep_the_numbers_and_a_comparison_renumbers():
    before, after = {"b4": "4."}, {"b4": "5.", "new": "4."}
    old = Record("b4", OPERATIVE)
    new = Record("new", OPERATIVE, "OP3 bis")
    assert tracked_numbers(old, NORMAL, before, after, comparing=False, language="en") == ("4.", "4.")
    assert tracked_numbers(new, INSERTED, before, after, comparing=False, language="en") == ("", "3 bis.")
    assert tracked_numbers(old, NORMAL, before, after, comparing=True, language="en") == ("4.", "5.")
    assert tracked_numbers(new, INSERTED, before, after, comparing=True, language="en") == ("", "4.")

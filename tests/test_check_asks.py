"""What a draft asks for: each kind of ask, its actor, what and when, and what is no ask."""

from __future__ import annotations

import pytest

from check_texts import resolution
from resdesk.check.asks import asks

PP = ("pp", "Recalling its resolution 61/171,")


def _asks(*paragraphs):
    return [(a.label, a.kind, a.actor, a.what, a.when) for a in asks(resolution(PP, *paragraphs))]


@pytest.mark.parametrize(("text", "kind", "actor", "what", "when"), [
    ("Requests the Secretary-General to submit to the General Assembly at its seventy-ninth session a report on the "
     "implementation of the present resolution.", "report", "the Secretary-General",
     "a report on the implementation of the present resolution", "at its seventy-ninth session"),
    ("Invites the United Nations Office on Drugs and Crime, within its mandate, to report thereon by 2027.", "report",
     "the United Nations Office on Drugs and Crime", "to report thereon by 2027", "by 2027"),
    ("Decides to convene a high-level meeting on water in 2026.", "event", "the General Assembly",
     "to convene a high-level meeting on water in 2026", "in 2026"),
    ("Decides to establish an open-ended working group on ageing.", "body", "the General Assembly",
     "to establish an open-ended working group on ageing", ""),
    ("Requests the Secretary-General to appoint a Special Envoy on road safety.", "post", "the Secretary-General",
     "to appoint a Special Envoy on road safety", ""),
    ("Decides to include in the provisional agenda of its eightieth session the item entitled “Road safety”.",
     "agenda", "the General Assembly", "Road safety", "at its eightieth session"),
    ("Requests the Secretary-General to provide the Office with sufficient resources.", "resources",
     "the Secretary-General", "to provide the Office with sufficient resources", ""),
    ("Requests the Secretary-General to continue to promote the Strategy.", "mandate", "the Secretary-General",
     "to continue to promote the Strategy", ""),
])
def test_each_kind_of_ask(text, kind, actor, what, when):
    assert _asks(("op", text)) == [("OP1", kind, actor, what, when)]


@pytest.mark.parametrize("text", [
    "Urges Member States to report to the Office on their efforts.",
    "Calls upon Member States to convene national meetings.",
    "Requests Member States to provide information to the Secretary-General.",
    "Recalls the request to the Secretary-General to establish a high-level panel.",
    "Requests the Office to continue to provide technical assistance to States.",
    "Takes note of the report of the Secretary-General.",
])
def test_what_is_no_ask(text):
    assert _asks(("op", text)) == []


def test_a_paragraph_is_read_clause_by_clause():
    text = ("Urges Member States to act, and requests the Office, within its mandate, to continue its work, "
            "and also encourages the Commission to create a mechanism, and requests the Secretary-General to "
            "report thereon at its eightieth session.")
    assert [(kind, actor) for _, kind, actor, _, _ in _asks(("op", text))] == [("report", "the Secretary-General")]


def test_sub_paragraphs_under_a_request_belong_to_its_actor():
    found = _asks(("op", "Requests the Secretary-General:"), ("sub", "To convene an expert group meeting in 2026;"),
                  ("sub", "To submit a report thereon at its eighty-first session."))
    assert found == [
        ("OP1 (a)", "event", "the Secretary-General", "to convene an expert group meeting in 2026", "in 2026"),
        ("OP1 (b)", "report", "the Secretary-General", "a report thereon at its eighty-first session",
         "at its eighty-first session")]


def test_within_existing_resources_is_noted():
    document = resolution(PP, ("op", "Decides to hold, within existing resources, an annual dialogue."))
    assert [(a.kind, a.within_existing_resources) for a in asks(document)] == [("event", True)]

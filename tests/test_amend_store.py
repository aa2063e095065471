"""Amendments, comments and delegations in a real document file; the event log says who did what."""

from __future__ import annotations

import json

import pytest

from builders import small_document
from resdesk.errors import UserError
from resdesk.model.amendment import AGREED, DELETE_BLOCK, PROPOSED, REPLACE, Amendment
from resdesk.model.comment import Comment
from resdesk.store.amendments import add_amendment, amendments, get_amendment, set_status
from resdesk.store.comments import add_comment, comments, shared_comments
from resdesk.store.delegations import (
    acting_as,
    add_delegation,
    delegation_colours,
    document_delegations,
    resolve_delegation,
    set_acting_as,
)
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document


@pytest.fixture
def doc(tmp_path):
    with create_document(tmp_path / "d.resdesk", small_document()) as opened:
        yield opened


def _events(doc):
    return [(actor, action, json.loads(detail)) for actor, action, detail in
            doc.conn.execute("SELECT actor, action, detail FROM event ORDER BY id")]


def test_amendment_round_trip_and_status_change_is_logged(doc, tmp_path):
    text = small_document().block("b4").text
    start = text.index("to act")
    added = add_amendment(doc, Amendment("", "original", "Mexico", REPLACE, "b4", start=start, end=start + 6,
                                         old="to act", new="to act now", co_sponsors=["Chile"]))
    second = add_amendment(doc, Amendment("", "original", "European Union", DELETE_BLOCK, "b5", old="x"))
    assert (added.id, second.id) == ("a1", "a2")
    assert set_status(doc, "a1", AGREED, actor="Facilitator") == PROPOSED
    doc.close()
    with DocumentFile.open(tmp_path / "d.resdesk", readonly=True) as again:
        stored = amendments(again)
        assert [a.id for a in stored] == ["a1", "a2"]
        first = get_amendment(again, "a1")
        assert (first.status, first.old, first.new, first.co_sponsors) == (AGREED, "to act", "to act now", ["Chile"])
        assert first.created.endswith("Z")
        log = _events(again)
    assert ("Mexico", "propose", {"amendment": "a1", "kind": "replace", "target": "b4"}) in log
    assert ("Facilitator", "set-status", {"amendment": "a1", "from": "proposed", "to": "agreed"}) in log


def test_unknown_status_and_unknown_amendment_are_refused(doc):
    add_amendment(doc, Amendment("", "original", "Mexico", DELETE_BLOCK, "b5"))
    with pytest.raises(UserError, match="not a status"):
        set_status(doc, "a1", "approved")
    with pytest.raises(UserError, match="no amendment a9"):
        set_status(doc, "a9", AGREED)
    assert get_amendment(doc, "a1").status == PROPOSED


def test_colours_are_given_in_order_of_first_use_and_distinct(doc):
    for name in ("Mexico", "European Union", "Mexico", "Chile"):
        add_amendment(doc, Amendment("", "original", name, DELETE_BLOCK, "b5"))
    colours = delegation_colours(doc)
    assert len({colours["Mexico"], colours["European Union"], colours["Chile"]}) == 3
    order = [name for (name,) in doc.conn.execute("SELECT name FROM delegation ORDER BY colour_order")]
    assert order == ["Mexico", "European Union", "Chile"]


def test_delegations_bundled_added_and_acting_as(doc):
    assert resolve_delegation(doc, "eu").name == "European Union"
    assert resolve_delegation(doc, "G77").name == "Group of 77 and China"
    with pytest.raises(UserError, match="not a known delegation"):
        resolve_delegation(doc, "Atlantis")
    add_delegation(doc, "Atlantis", groups=["Friends of the Ocean"], actor="Atlantis")
    assert resolve_delegation(doc, "atlantis").groups == ("Friends of the Ocean",)
    assert resolve_delegation(doc, "Friends of the Ocean").kind == "group"
    with pytest.raises(UserError, match="already"):
        add_delegation(doc, "Mexico")
    set_acting_as(doc, "mexico")
    assert acting_as(doc) == "Mexico"
    names = [d.name for d in document_delegations(doc)]
    assert names.count("Atlantis") == 1


def test_private_comments_stay_out_of_shared_ones(doc):
    first = add_comment(doc, Comment("", "Mexico", "We can live with this.", block="b4"))
    private = add_comment(doc, Comment("", "Mexico", "Capital wants more.", block="b4", private=True))
    reply = add_comment(doc, Comment("", "Chile", "Agreed.", reply_to=private.id))
    assert reply.private and reply.block == "b4"
    everything = comments(doc)
    assert [c.id for c in everything] == [first.id, private.id, reply.id]
    assert [c.id for c in shared_comments(everything)] == [first.id]
    with pytest.raises(UserError, match="one paragraph or on one amendment"):
        add_comment(doc, Comment("", "Chile", "Hm.", block="b4", amendment="a1"))
    assert all("Capital" not in str(detail) for _, _, detail in _events(doc))

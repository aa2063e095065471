"""Amendments, comments and delegations in a real document file; the event log says who did what."""

from __future__ import annotations

import json
import math

import pytest

from builders import small_document
from resdesk.amend.decisions import set_statuses
from resdesk.errors import UserError
from resdesk.model.amendment import AGREED, DELETE_BLOCK, PROPOSED, REPLACE, Amendment
from resdesk.model.comment import Comment, shared_comments
from resdesk.store.amendments import add_amendment, amendments, get_amendment
from resdesk.store.comments import add_comment, comments
from resdesk.store.delegations import (
    acting_as,
    add_delegation,
    delegation_colours,
    document_delegations,
    resolve_delegation,
    set_acting_as,
    used_delegations,
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
    assert set_statuses(doc, ["a1"], AGREED, actor="Facilitator").previous == {"a1": PROPOSED}
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
        set_statuses(doc, ["a1"], "approved")
    with pytest.raises(UserError, match="no amendment a9"):
        set_statuses(doc, ["a9"], AGREED)
    assert get_amendment(doc, "a1").status == PROPOSED


def test_colours_are_given_in_order_of_first_use_and_distinct(doc):
    for name in ("Mexico", "European Union", "Mexico", "Chile"):
        add_amendment(doc, Amendment("", "original", name, DELETE_BLOCK, "b5"))
    colours = delegation_colours(doc)
    assert len({colours["Mexico"], colours["European Union"], colours["Chile"]}) == 3
    order = [name for (name,) in doc.conn.execute("SELECT name FROM delegation ORDER BY colour_order")]
    assert order == ["Mexico", "European Union", "Chile"]


def test_fifty_delegations_of_a_document_have_fifty_distinct_colours(doc):
    """Proposers, co-sponsors, commenters and added delegations: every pair differs. The European Union
    proposing and Afghanistan co-sponsoring once shared a colour (a bundled colour and a handed-out one)."""
    from resdesk.model.delegation import bundled_delegations
    from resdesk.model.palette import hex_rgb, lab

    names = [d.name for d in bundled_delegations()[:45]]
    add_amendment(doc, Amendment("", "original", "European Union", DELETE_BLOCK, "b5", co_sponsors=["Afghanistan"]))
    for number in range(1, 40, 2):
        add_amendment(doc, Amendment("", "original", names[number], DELETE_BLOCK, "b5",
                                     co_sponsors=[names[number + 1]]))
    for name in names[41:45]:
        add_comment(doc, Comment("", name, "Noted.", block="b4"))
    for number in range(1, 5):
        add_delegation(doc, f"Friends of Ocean Region {number}", kind="group")
    used = {d.name: d.colour for d in used_delegations(doc)}
    assert len(used) == 50 and "Afghanistan" in used and "European Union" in used
    assert used == {name: delegation_colours(doc)[name] for name in used}
    colours = list(used.values())
    assert len(set(colours)) == 50
    points = [lab(hex_rgb(c)) for c in colours]
    closest = min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:])
    assert closest > 10  # CIELAB ΔE: clearly different side by side
    bundled = {d.name: d.colour for d in document_delegations(doc)}
    assert bundled["France"] == "" and bundled["Afghanistan"] == used["Afghanistan"]


def test_an_older_file_colours_its_co_sponsors_and_commenters_without_writing(doc):
    add_amendment(doc, Amendment("", "original", "European Union", DELETE_BLOCK, "b5", co_sponsors=["Afghanistan"]))
    add_comment(doc, Comment("", "Chile", "Noted.", block="b4"))
    with doc.transaction("as-before"):  # before this version only proposers got a colour
        doc.conn.execute("DELETE FROM delegation WHERE name != 'European Union'")
    colours = delegation_colours(doc)
    assert len({colours["European Union"], colours["Afghanistan"], colours["Chile"]}) == 3
    assert doc.conn.execute("SELECT count(*) FROM delegation").fetchone()[0] == 1


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


def test_views_take_filters_as_typed(doc):
    from resdesk.amend.propose import propose_delete_paragraph, propose_replace
    from resdesk.model.amendment import ACCEPTED_BY_DEFAULT
    from resdesk.store.documents import load
    from resdesk.views.consolidated import consolidated
    from resdesk.views.markup import markup
    from resdesk.views.selection import amendment_filter

    document = load(doc)
    add_amendment(doc, propose_replace(document, "European Union", "OP1", "to act", "to act now"))
    add_amendment(doc, propose_delete_paragraph(document, "Mexico", "Annex OP1"))
    set_statuses(doc, ["a1"], "agreed-ad-ref")
    items = amendments(doc)

    def stored_markup(**filters):
        return markup(document, items, amendment_filter(doc, **filters))

    def stored_consolidated(statuses=None):
        selection = amendment_filter(doc, statuses, default=ACCEPTED_BY_DEFAULT)
        return consolidated(document, items, selection.statuses)

    view = stored_markup(delegations=["eu"])
    assert [r.state for r in view.blocks if r.annex == 1] == ["normal"]
    assert view.record("b4").new_text().startswith("Urges Member States to act now")
    assert [r.state for r in stored_markup(statuses=["Proposed"]).blocks if r.annex == 1] == ["deleted"]
    assert stored_consolidated().block("b4").text.startswith("Urges Member States to act now")
    assert stored_consolidated(["agreed"]).block("b4").text.startswith("Urges Member States to act,")
    with pytest.raises(UserError, match="not a known delegation"):
        stored_markup(delegations=["Atlantis"])
    with pytest.raises(UserError, match="not a status"):
        stored_markup(statuses=["nice"])


def test_outline_json_of_the_negotiation_keeps_the_old_keys(doc):
    from resdesk.amend.propose import propose_alternative, propose_new_paragraph
    from resdesk.store.documents import load
    from resdesk.views.outline import negotiation_outline, outline_json

    document = load(doc)
    add_amendment(doc, propose_new_paragraph(document, "Chile", "To consult widely;", "OP2 (a)",
                                             kind="subparagraph"))
    add_amendment(doc, propose_alternative(document, "Mexico", "Decides to stay seized.", "Annex OP1"))
    add_comment(doc, Comment("", "Mexico", "Note to self.", block="b8", private=True))
    plain = outline_json(document)
    markup_view = negotiation_outline(document, amendments(doc), comments(doc), view="markup")
    assert set(plain) <= set(markup_view)
    op2 = markup_view["blocks"][4]
    assert [(c["label"], c["state"]) for c in op2["children"]] == [
        ("OP2 (a)", "normal"), ("OP2 (a) bis", "inserted"), ("OP2 (b)", "normal")]
    annex = markup_view["annexes"][0]["blocks"]
    assert [(b["label"], b["state"], b["author"]) for b in annex] == [
        ("Annex OP1", "normal", None), ("Annex OP1 alt 1", "alternative", "Mexico")]
    assert markup_view["comments"] == [{"id": "c1", "author": "Mexico", "on": "Annex OP1", "block": "b8",
                                        "amendment": "", "text": "Note to self.", "private": True, "reply_to": ""}]
    base_view = negotiation_outline(document, amendments(doc), comments(doc))

    def without_counts(blocks):
        return [{**{k: v for k, v in b.items() if k != "comment_count"}, "children": without_counts(b["children"])}
                for b in blocks]

    assert without_counts(base_view["blocks"]) == plain["blocks"]
    assert base_view["annexes"][0]["blocks"][0]["comment_count"] == 1
    assert [a["label"] for a in base_view["amendments"]] == ["OP2 (a) bis", "Annex OP1 alt 1"]


def test_proposing_and_commenting_can_be_undone_and_redone(doc):
    from resdesk.store.amendments import remove_amendment, restore_amendment
    from resdesk.store.comments import remove_comment, restore_comment

    first = add_amendment(doc, Amendment("", "original", "Mexico", DELETE_BLOCK, "b5", old="x"))
    note = add_comment(doc, Comment("", "Mexico", "Why?", amendment=first.id))
    removed = remove_amendment(doc, first.id, actor="Mexico")
    assert amendments(doc) == []
    restore_amendment(doc, removed)
    assert amendments(doc) == [first]
    taken = remove_comment(doc, note.id)
    assert comments(doc) == []
    restore_comment(doc, taken)
    assert comments(doc) == [note]
    assert add_amendment(doc, Amendment("", "original", "Chile", DELETE_BLOCK, "b4")).id == "a2"
    actions = [action for _, action, _ in _events(doc)]
    assert actions[1:] == ["propose", "comment", "unpropose", "propose", "uncomment", "comment", "propose"]


def test_amendments_follow_a_direct_edit_of_the_text_or_go_stale(doc):
    from resdesk.amend.anchors import TextIndex, anchor_holds
    from resdesk.amend.follow_edit import follow_text_edit
    from resdesk.amend.propose import propose_alternative, propose_replace
    from resdesk.store.documents import load, version_id

    document = load(doc)
    before = document.block("b4").text
    kept = add_amendment(doc, propose_replace(document, "Mexico", "OP1", "to act", "to act now"))
    lost = add_amendment(doc, propose_replace(document, "Chile", "OP1", "Member States", "States"))
    alternative = add_amendment(doc, propose_alternative(document, "Peru", "Urges all.", "OP1"))
    after = before.replace("Urges Member States", "Strongly urges all States")
    with doc.transaction("edit-text", actor="Pen-holder"):
        doc.conn.execute("UPDATE block SET text = ? WHERE id = 'b4' AND version = ?", (after, version_id(doc)))
        assert follow_text_edit(doc, "b4", before, after, actor="Pen-holder") == [lost.id]
    index = TextIndex.of(load(doc))
    moved_on = get_amendment(doc, kept.id)
    assert moved_on.start == after.index("to act") and anchor_holds(index, moved_on) and not moved_on.stale
    assert get_amendment(doc, lost.id).stale
    assert get_amendment(doc, alternative.id).old == after

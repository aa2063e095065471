"""The rule of the record: among colliding amendments at most one is accepted (amend.decisions)."""

from __future__ import annotations

import pytest

from builders import small_document
from conftest import SEED
from resdesk.amend.collisions import find_collisions
from resdesk.amend.decisions import (
    CollisionRefused,
    check_statuses,
    delete_proposals,
    set_statuses,
    undo_statuses,
)
from resdesk.amend.propose import (
    propose_delete_paragraph,
    propose_move,
    propose_new_paragraph,
    propose_replace,
)
from resdesk.amend.revise import create_revision
from resdesk.errors import UserError
from resdesk.formats.text_import import import_text
from resdesk.model.comment import Comment
from resdesk.store.amendments import add_amendment, amendments, get_amendment
from resdesk.store.comments import add_comment
from resdesk.store.documents import create_document, load


@pytest.fixture
def doc(tmp_path):
    with create_document(tmp_path / "d.resdesk", small_document()) as opened:
        yield opened


def _propose(doc, make, *args) -> str:
    return add_amendment(doc, make(load(doc), *args)).id


def _statuses(doc) -> dict[str, str]:
    return {a.id: a.status for a in amendments(doc)}


def _events(doc) -> int:
    return doc.conn.execute("SELECT count(*) FROM event").fetchone()[0]


@pytest.fixture
def brazil_norway(doc):
    """Brazil's and Norway's replacements in OP1 overlap ("to act"); Chile's elsewhere does not."""
    a1 = _propose(doc, propose_replace, "Brazil", "OP1", "to act", "to act now")
    a2 = _propose(doc, propose_replace, "Norway", "OP1", "Member States to act", "States to act")
    a3 = _propose(doc, propose_replace, "Chile", "OP1", "Treaty Series", "United Nations Treaty Series")
    assert (a1, a2, a3) == ("a1", "a2", "a3")
    assert find_collisions(load(doc), amendments(doc)) == {"a1": ["a2"], "a2": ["a1"]}
    return doc


def test_accepting_a_second_colliding_amendment_is_refused_naming_the_accepted_one(brazil_norway):
    doc = brazil_norway
    set_statuses(doc, ["a1"], "agreed ad ref", actor="Facilitator")
    before = _events(doc)
    with pytest.raises(CollisionRefused) as refused:
        set_statuses(doc, ["a2"], "agreed", actor="Facilitator")
    assert str(refused.value) == ("a2 collides with a1, which is agreed ad ref; withdraw a1 first, "
                                  "or accept a2 with --supersede a1.")
    assert refused.value.accepted == ["a1"]
    assert _statuses(doc) == {"a1": "agreed-ad-ref", "a2": "proposed", "a3": "proposed"}
    assert _events(doc) == before  # nothing written


def test_supersede_marks_the_other_superseded_in_one_step_and_undo_puts_both_back(brazil_norway):
    doc = brazil_norway
    set_statuses(doc, ["a1"], "agreed-ad-ref")
    change = set_statuses(doc, ["a2"], "agreed", supersede=["a1"], actor="Facilitator")
    assert _statuses(doc) == {"a1": "superseded", "a2": "agreed", "a3": "proposed"}
    assert change.previous == {"a2": "proposed", "a1": "agreed-ad-ref"}
    outer = doc.conn.execute("SELECT actor, detail FROM event WHERE action = 'set-statuses' ORDER BY id DESC"
                             ).fetchone()
    assert outer == ("Facilitator", '{"amendments": ["a2"], "status": "agreed", "superseded": ["a1"]}')
    undo_statuses(doc, change, actor="Facilitator")
    assert _statuses(doc) == {"a1": "agreed-ad-ref", "a2": "proposed", "a3": "proposed"}


def test_several_at_once_is_one_transaction(brazil_norway):
    doc = brazil_norway
    change = set_statuses(doc, ["a1", "a3"], "agreed")
    assert _statuses(doc) == {"a1": "agreed", "a2": "proposed", "a3": "agreed"}
    undo_statuses(doc, change)
    assert _statuses(doc) == {"a1": "proposed", "a2": "proposed", "a3": "proposed"}
    with pytest.raises(CollisionRefused) as refused:  # a3 would be fine, a2 is not: neither changes
        set_statuses(doc, ["a3", "a1", "a2"], "agreed")
    assert str(refused.value) == "a1 and a2 collide with each other, so they cannot all be accepted; accept one " \
                                 "of them."
    assert refused.value.accepted == []
    assert set(_statuses(doc).values()) == {"proposed"}


def test_two_accepted_ones_named_and_several_ids(brazil_norway):
    doc = brazil_norway
    a4 = _propose(doc, propose_replace, "Peru", "OP1", "as set out in the Treaty Series", "as agreed")
    set_statuses(doc, ["a1", "a3"], "agreed-ad-ref")
    with pytest.raises(CollisionRefused) as refused:
        set_statuses(doc, [a4], "agreed")
    assert refused.value.accepted == ["a3"]
    set_statuses(doc, ["a3"], "agreed")
    a5 = _propose(doc, propose_replace, "Mexico", "OP1", "to act, as set out in the Treaty", "to act under the Treaty")
    with pytest.raises(CollisionRefused) as refused:
        set_statuses(doc, [a5], "agreed")
    assert str(refused.value) == ("a5 collides with a1 (agreed ad ref) and a3 (agreed); withdraw them first, "
                                  "or accept a5 with --supersede a1,a3.")
    set_statuses(doc, [a5], "agreed", supersede=refused.value.accepted)
    assert _statuses(doc)["a1"] == _statuses(doc)["a3"] == "superseded"


def test_what_is_not_accepting_is_never_refused(brazil_norway):
    doc = brazil_norway
    set_statuses(doc, ["a1"], "agreed")
    for status in ("proposed", "bracketed", "withdrawn", "rejected", "superseded"):
        set_statuses(doc, ["a2"], status)
        assert _statuses(doc)["a2"] == status
    set_statuses(doc, ["a2"], "withdrawn")
    set_statuses(doc, ["a1"], "proposed")
    set_statuses(doc, ["a2"], "agreed")  # a1 is no longer accepted: a2 may be


@pytest.mark.parametrize(("supersede", "status", "message"), [
    (["a3"], "agreed", "a3 does not collide with a2; only an amendment it collides with can be superseded."),
    (["a2"], "agreed", "a2 cannot supersede itself."),
    (["a1"], "withdrawn", "--supersede goes with agreed or agreed-ad-ref: only an accepted amendment supersedes "
                          "another."),
    (["a9"], "agreed", "There is no amendment a9 in d.resdesk."),
])
def test_supersede_names_only_what_collides(brazil_norway, supersede, status, message):
    doc = brazil_norway
    set_statuses(doc, ["a1"], "agreed")
    with pytest.raises(UserError) as refused:
        set_statuses(doc, ["a2"], status, supersede=supersede)
    assert str(refused.value) == message
    assert _statuses(doc) == {"a1": "agreed", "a2": "proposed", "a3": "proposed"}


def test_check_statuses_writes_nothing(brazil_norway):
    doc = brazil_norway
    set_statuses(doc, ["a1"], "agreed")
    before = _events(doc)
    assert check_statuses(doc, ["a3"], "agreed").previous == {"a3": "proposed"}
    with pytest.raises(CollisionRefused):
        check_statuses(doc, ["a2"], "agreed")
    assert check_statuses(doc, ["a2"], "agreed", supersede=["a1"]).superseded == ["a1"]
    assert _events(doc) == before and _statuses(doc)["a2"] == "proposed"


def test_a_stale_amendment_cannot_be_accepted(doc):
    ident = _propose(doc, propose_replace, "Brazil", "OP1", "to act", "to act now")
    doc.conn.execute("UPDATE amendment SET stale = 1 WHERE id = ?", (ident,))
    with pytest.raises(UserError, match=r"^a1 is stale \(the words or the paragraph it amends are no longer in "
                                        r"original\), so it cannot be accepted"):
        set_statuses(doc, [ident], "agreed")
    set_statuses(doc, [ident], "withdrawn")


def test_the_statuses_of_an_earlier_version_are_its_record(brazil_norway):
    doc = brazil_norway
    set_statuses(doc, ["a1"], "agreed")
    create_revision(doc)
    with pytest.raises(UserError) as refused:
        set_statuses(doc, ["a1"], "withdrawn")
    assert str(refused.value) == ("a1 was decided in original, which Rev.1 replaced; its status is part of that "
                                  "revision's record and no longer changes.")
    set_statuses(doc, ["a3"], "agreed")  # carried over: on the current version


def test_new_sub_paragraph_of_a_deleted_paragraph_and_circling_moves_collide(doc):
    deletion = _propose(doc, propose_delete_paragraph, "Mexico", "OP2")
    sub = _propose(doc, propose_new_paragraph, "Chile", "To act.", "OP2 (a)", "subparagraph")
    there = _propose(doc, propose_move, "Peru", "PP1", "OP1")
    back = _propose(doc, propose_move, "Cuba", "OP1", "PP1")
    assert find_collisions(load(doc), amendments(doc)) == {deletion: [sub], sub: [deletion],
                                                           there: [back], back: [there]}
    set_statuses(doc, [deletion, there], "agreed")
    with pytest.raises(CollisionRefused, match="a2 collides with a1, which is agreed"):
        set_statuses(doc, [sub], "agreed")
    with pytest.raises(CollisionRefused, match="a4 collides with a3, which is agreed"):
        set_statuses(doc, [back], "agreed")


def test_three_moves_in_a_circle_are_refused(tmp_path):
    with create_document(tmp_path / "seed.resdesk", import_text(SEED.read_bytes(), "seed.txt")) as doc:
        first = _propose(doc, propose_move, "Peru", "OP1", "OP5")
        second = _propose(doc, propose_move, "Cuba", "OP5", "OP3")
        third = _propose(doc, propose_move, "Chile", "OP3", "OP1")
        set_statuses(doc, [first, second], "agreed")
        with pytest.raises(UserError) as refused:
            set_statuses(doc, [third], "agreed")
        assert str(refused.value) == ("a3 cannot be accepted together with the accepted moves a1 and a2: together "
                                      "they would put a paragraph after itself; withdraw one of them first.")
        assert get_amendment(doc, third).status == "proposed"


def test_only_the_proposer_deletes_its_own_undecided_uncommented_proposal(brazil_norway):
    doc = brazil_norway
    with pytest.raises(UserError) as refused:
        delete_proposals(doc, ["a1"], actor="Norway")
    assert str(refused.value) == "a1 was proposed by Brazil; only Brazil deletes it (others withdraw or reject it)."
    set_statuses(doc, ["a1"], "bracketed")
    with pytest.raises(UserError) as refused:
        delete_proposals(doc, ["a1"], actor="Brazil")
    assert str(refused.value) == "a1 is bracketed: a decided amendment stays on the record; withdraw it instead."
    add_comment(doc, Comment("", "Peru", "Why?", amendment="a2"))
    with pytest.raises(UserError) as refused:
        delete_proposals(doc, ["a2"], actor="Norway")
    assert str(refused.value) == "a2 has comments (c1); withdraw it instead, so that they keep what they are about."
    removed = delete_proposals(doc, ["a3"], actor="Chile")
    assert [a.id for a in removed] == ["a3"] and list(_statuses(doc)) == ["a1", "a2"]

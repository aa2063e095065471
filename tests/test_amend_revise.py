"""A revision applies every accepted amendment once and carries none of them; it says what it applies."""

from __future__ import annotations

import datetime
import json

import pytest

from builders import small_document
from conftest import run_cli
from resdesk.amend.decisions import set_statuses
from resdesk.amend.propose import propose_delete_paragraph, propose_new_paragraph, propose_replace
from resdesk.amend.revise import create_revision, plan_revision
from resdesk.errors import UserError
from resdesk.store.amendments import add_amendment, amendments, write_status
from resdesk.store.documents import create_document, load, version_names


@pytest.fixture
def path(tmp_path):
    """Brazil's and Norway's replacements in OP1 collide; Chile proposes a new OP after OP1, Peru deletes OP2."""
    target = tmp_path / "d.resdesk"
    with create_document(target, small_document()) as doc:
        document = load(doc)
        for amendment in (propose_replace(document, "Brazil", "OP1", "to act", "to act now"),
                          propose_replace(document, "Norway", "OP1", "Member States to act", "States to act"),
                          propose_new_paragraph(document, "Chile", "Invites all States to join;", "OP1"),
                          propose_delete_paragraph(document, "Peru", "OP2")):
            add_amendment(doc, amendment)
    return target


@pytest.fixture
def doc(path):
    from resdesk.store.docfile import DocumentFile

    with DocumentFile.open(path) as opened:
        yield opened


def test_the_plan_lists_exactly_what_is_applied_and_carried(doc):
    set_statuses(doc, ["a1"], "agreed-ad-ref")
    set_statuses(doc, ["a3"], "agreed")
    plan = plan_revision(doc)
    assert (plan.applied, plan.carried, plan.refusal) == (["a1", "a3"], ["a2", "a4"], "")
    revision = create_revision(doc, date="2013-11-05")
    assert revision.applied == plan.applied and [a.id for a in revision.carried] == plan.carried
    revised = load(doc)
    assert revised.block("b4").text.startswith("Urges Member States to act now")
    assert revised.meta.date == "2013-11-05"
    pending = amendments(doc)
    assert [a.id for a in pending] == ["a2", "a4"] and {a.status for a in pending} == {"proposed"}
    assert {a.id for a in amendments(doc, "original")} == {"a1", "a3"}


def test_colliding_accepted_amendments_of_an_older_file_are_refused_naming_them(doc):
    """A file made before the rule: Brazil's agreed ad ref, Norway's agreed, colliding in OP1."""
    write_status(doc, "a1", "agreed-ad-ref")
    write_status(doc, "a2", "agreed")
    with pytest.raises(UserError) as refused:
        create_revision(doc)
    assert str(refused.value) == ("a1 and a2 collide and would both be applied; a revision applies only one of "
                                  "them: withdraw a2, or let a1 supersede it (resdesk status DOC a1 agreed-ad-ref "
                                  "--supersede a2).")
    assert plan_revision(doc).refusal == str(refused.value)
    assert version_names(doc) == ["original"]
    set_statuses(doc, ["a1"], "agreed-ad-ref", supersede=["a2"])  # the way out the sentence gives
    assert create_revision(doc).applied == ["a1"]


def test_accept_agreed_refuses_to_leave_an_agreed_ad_ref_amendment_behind(doc):
    set_statuses(doc, ["a1"], "agreed-ad-ref")
    set_statuses(doc, ["a3"], "agreed")
    with pytest.raises(UserError) as refused:
        create_revision(doc, ("agreed",))
    assert str(refused.value) == ("a1 is agreed ad ref, and a revision never carries an accepted amendment: "
                                  "accept agreed-ad-ref too, or set a1 back to proposed first.")
    with pytest.raises(UserError, match="withdrawn ones are not"):
        create_revision(doc, ("agreed", "agreed-ad-ref", "withdrawn"))
    # A Chair's text may apply proposals too: Peru's deletion is applied with the accepted ones.
    assert plan_revision(doc, ("agreed", "agreed-ad-ref", "proposed")).refusal.startswith("a1 and a2 collide")
    set_statuses(doc, ["a2"], "withdrawn")
    assert plan_revision(doc, ("agreed", "agreed-ad-ref", "proposed")).applied == ["a1", "a3", "a4"]


def test_an_accepted_stale_amendment_stops_the_revision(doc):
    set_statuses(doc, ["a1"], "agreed")
    doc.conn.execute("UPDATE amendment SET stale = 1 WHERE id = 'a1'")
    assert plan_revision(doc).refusal == ("a1 is agreed but stale (the words or the paragraph it amends are no longer "
                                          "in original), so no revision can apply it: withdraw it or set it back to "
                                          "proposed first.")
    with pytest.raises(UserError):
        create_revision(doc)
    assert version_names(doc) == ["original"]


def test_no_date_keeps_the_date_of_the_version_it_comes_from(doc):
    create_revision(doc)
    assert load(doc).meta.date == small_document().meta.date


def _cli(*args):
    return run_cli(*args)


def test_revise_prints_what_it_applies_and_takes_a_date(path):
    assert _cli("status", path, "a1", "agreed").returncode == 0
    result = _cli("revise", path, "--date", "5 November 2013")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Rev.1", "applied: a1", "carried: a2, a3, a4"]
    meta = json.loads(_cli("outline", path, "--json").stdout)["meta"]
    assert (meta["date"], meta["symbol"]) == ("2013-11-05", "A/C.3/68/L.5/Rev.1")
    result = _cli("revise", path)
    assert result.stdout.splitlines() == ["Rev.2", "applied: none", "carried: a2, a3, a4"]
    assert json.loads(_cli("outline", path, "--json").stdout)["meta"]["date"] == datetime.date.today().isoformat()
    result = _cli("revise", path, "--date", "32 May 2014")
    assert (result.returncode, result.stderr) == (2, "resdesk: error: '32 May 2014' is not a date; write it as "
                                                     "1 October 2013 or 2013-10-01.\n")


def test_revise_refusal_is_one_sentence_and_writes_nothing(path):
    assert _cli("status", path, "a1", "agreed-ad-ref").returncode == 0
    result = _cli("revise", path, "--accept", "agreed")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("resdesk: error: a1 is agreed ad ref, and a revision never carries an accepted "
                             "amendment: accept agreed-ad-ref too, or set a1 back to proposed first.\n")
    assert json.loads(_cli("outline", path, "--json").stdout)["meta"]["version"] == "original"


def test_a_carried_duplicate_of_an_accepted_move_keeps_its_meaning(tmp_path):
    """Two delegations propose the same move; one is accepted. The other, carried into Rev.1, once became
    "move it back" (re-anchored after the paragraph that took the moved one's old place)."""
    from resdesk.amend.propose import propose_move

    with create_document(tmp_path / "m.resdesk", small_document()) as doc:
        for author in ("Brazil", "Norway"):
            add_amendment(doc, propose_move(load(doc), author, "PP1", "PP2"))
        set_statuses(doc, ["a1"], "agreed")
        create_revision(doc)
        order = [b.id for b in load(doc).blocks]
        assert order[:3] == ["b1", "b3", "b2"]
        assert [(a.id, a.target, a.after, a.stale) for a in amendments(doc)] == [("a2", "b2", "b3", False)]
        set_statuses(doc, ["a2"], "agreed")
        assert [b.id for b in load(doc).blocks] == order
        assert plan_revision(doc).applied == ["a2"]

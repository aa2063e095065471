"""Formal amendments and the vote (issue 17): sub-amendments, the voting order of rule 90, recording votes
(adopted, rejected, without a vote), a separate vote on words, the outcome in the UN's words, and the
revision that applies what was adopted. Through the command line, as a delegation or a chair uses it,
and through the engine where a rule needs a closer look."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from conftest import SEED, cli_ok, cli_refused
from pdfread import need_poppler, normal_words, page_count, page_text
from resdesk.amend.decisions import CollisionRefused, set_statuses, undo_statuses
from resdesk.amend.voting import divide, moved, record_vote, voting_order
from resdesk.errors import UserError
from resdesk.model.amendment import Amendment
from resdesk.model.vote import Vote
from resdesk.store.amendments import amendments, get_amendment
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load
from resdesk.un.votes import outcome
from test_amendment_document import word_paragraphs


def state(doc) -> list:
    """Everything a decision may write: amendments, votes, the order set by hand, the event log."""
    conn = sqlite3.connect(doc)
    try:
        return [conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("amendment", "vote", "voting_order", "event")]
    finally:
        conn.close()


def listed(doc) -> dict[str, dict]:
    return {item["id"]: item for item in json.loads(cli_ok("amendments", doc, "--json"))}


# a1 … a6, tabled on the seed: two that collide in OP2 (the deletion is further removed), a new paragraph
# after OP3, an alternative for OP15 and a change of words in it, and a change of words in OP5.
TABLED = [
    ("Brazil", ["--in", "OP2", "--replace", "to continue to strengthen", "--with", "to strengthen further"]),
    ("Chile", ["--delete-paragraph", "OP2"]),
    ("Brazil", ["--new-paragraph", "Encourages Member States to share information on good practices;",
                "--after", "OP3", "--co-sponsors", "Chile"]),
    ("Mexico", ["--in", "OP15", "--replace", "sixty-ninth", "--with", "seventieth"]),
    ("Mexico", ["--alternative", "Requests the Secretary-General to report on the matter.", "--for", "OP15"]),
    ("Chile", ["--in", "OP5", "--replace", "Member States", "--with", "all Member States"]),
]


@pytest.fixture(scope="module")
def tabled_master(tmp_path_factory):
    doc = tmp_path_factory.mktemp("vote") / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    for delegation, args in TABLED:
        cli_ok("amend", doc, "--as", delegation, *args)
    return doc


@pytest.fixture
def doc(tabled_master, tmp_path):
    copy = tmp_path / "seed.resdesk"
    shutil.copy(tabled_master, copy)
    return copy


# -- the outcome in the UN's words ------------------------------------------------------------------


def test_the_outcome_of_a_vote_in_the_uns_words():
    assert outcome(80, 40, 20, recorded=True) == "adopted by a recorded vote of 80 to 40, with 20 abstentions"
    assert outcome(58, 92, 21) == "rejected by 58 votes to 92, with 21 abstentions"
    assert outcome(0, 0, 0, without_vote=True) == "adopted without a vote"
    assert outcome(120, 0, 1, recorded=True) == "adopted by a recorded vote of 120 to none, with 1 abstention"
    assert outcome(1, 2, 0) == "rejected by 1 vote to 2, with no abstentions"
    assert outcome(60, 60, 3) == "rejected by 60 votes to 60, with 3 abstentions"  # an equally divided vote fails
    assert Vote(50, 60, 2, division=True).words() == ("the words were deleted, their retention having been rejected "
                                                      "by 50 votes to 60, with 2 abstentions")
    assert Vote(70, 60, 2, recorded=True, division=True).words() == (
        "the words were retained by a recorded vote of 70 to 60, with 2 abstentions")


# -- recording votes ----------------------------------------------------------------------------------


def test_votes_adopt_and_reject_with_their_figures_kept(doc):
    assert cli_ok("vote", doc, "a2", "--yes", "58", "--no", "92", "--abstain", "21") == \
        "a2 rejected by 58 votes to 92, with 21 abstentions\n"
    assert cli_ok("vote", doc, "a1", "--yes", "80", "--no", "40", "--abstain", "20", "--recorded") == \
        "a1 adopted by a recorded vote of 80 to 40, with 20 abstentions\n"
    assert cli_ok("vote", doc, "a3", "--without-vote") == "a3 adopted without a vote\n"
    items = listed(doc)
    assert [items[i]["status"] for i in ("a1", "a2", "a3")] == ["adopted", "rejected", "adopted"]
    assert items["a1"]["vote"] == {"yes": 80, "no": 40, "abstain": 20, "recorded": True, "without_vote": False,
                                   "division": False,
                                   "outcome": "adopted by a recorded vote of 80 to 40, with 20 abstentions"}
    assert items["a6"]["vote"] is None
    table = cli_ok("amendments", doc).splitlines()
    assert table[2].endswith("Delete operative paragraph 2  rejected by 58 votes to 92, with 21 abstentions")
    assert json.loads(cli_ok("outline", doc, "--json"))["amendments"][0]["vote"]["outcome"].startswith("adopted by")


def test_an_adopted_amendment_counts_as_accepted(doc):
    cli_ok("vote", doc, "a4", "--yes", "10", "--no", "3", "--abstain", "0")
    assert cli_refused("status", doc, "a5", "agreed") == ("a5 collides with a4, which is adopted; withdraw a4 first, "
                                                      "or accept a5 with --supersede a4.")
    assert cli_refused("vote", doc, "a5", "--yes", "90", "--no", "3", "--abstain", "0") == (
        "a5 collides with a4, which is adopted; withdraw a4 first, or accept a5 with --supersede a4.")
    consolidated = json.loads(cli_ok("outline", doc, "--json", "--view", "consolidated"))
    assert "seventieth session" in consolidated["blocks"][-1]["text"]


def test_bad_votes_are_one_sentence_and_change_nothing(doc):
    before = state(doc)
    assert cli_refused("status", doc, "a1", "adopted") == ("An amendment is adopted by a vote: record it with `resdesk "
                                                       "vote DOC ID --yes N --no N --abstain N` (or --without-vote).")
    assert cli_refused("vote", doc, "a1", "--yes", "3") == (
        "Give the votes: --yes N (to adopt) --no N --abstain N, or --without-vote.")
    assert cli_refused("vote", doc, "a1", "--yes", "-3", "--no", "1", "--abstain", "0") == \
        "Votes are counted from 0; a count cannot be negative."
    assert cli_refused("vote", doc, "a1", "--without-vote", "--yes", "1") == \
        "--without-vote goes alone: an amendment adopted without a vote has no figures."
    assert cli_refused("vote", doc, "a9", "--without-vote") == f"There is no amendment a9 in {doc.name}."
    assert state(doc) == before
    cli_ok("status", doc, "a6", "agreed")
    assert cli_refused("vote", doc, "a6", "--without-vote") == ("a6 is agreed; a vote decides an amendment still to "
                                                             "be decided (proposed or bracketed).")


def test_a_vote_is_corrected_and_undone_with_its_figures(doc):
    with DocumentFile.open(doc) as file:
        record_vote(file, "a6", Vote(10, 20, 0))
        change = record_vote(file, "a6", Vote(30, 20, 1, recorded=True))  # the figures were misheard
        assert get_amendment(file, "a6").vote == Vote(30, 20, 1, recorded=True)
        assert get_amendment(file, "a6").status == "adopted"
        undo_statuses(file, change)
        assert (get_amendment(file, "a6").status, get_amendment(file, "a6").vote) == ("rejected", Vote(10, 20, 0))
        back = set_statuses(file, ["a6"], "proposed")  # any other status forgets the vote …
        assert get_amendment(file, "a6").vote is None
        undo_statuses(file, back)  # … and undo puts it back
        assert get_amendment(file, "a6").vote == Vote(10, 20, 0)


def test_a_revision_applies_the_adopted_amendments(doc):
    cli_ok("vote", doc, "a2", "--yes", "58", "--no", "92", "--abstain", "21")
    cli_ok("vote", doc, "a1", "--yes", "80", "--no", "40", "--abstain", "20", "--recorded")
    cli_ok("vote", doc, "a3", "--without-vote")
    cli_ok("vote", doc, "a6", "--yes", "3", "--no", "5", "--abstain", "1")
    assert cli_ok("revise", doc, "--date", "5 November 2013") == "Rev.1\napplied: a1, a3\ncarried: a4, a5\n"
    text = json.loads(cli_ok("outline", doc, "--json"))
    ops = [block["text"] for block in text["blocks"] if block["kind"] == "operative"]
    assert ops[1].startswith("Urges Member States to strengthen further international coordination")
    assert ops[3] == "Encourages Member States to share information on good practices;"
    assert "to all Member States" not in ops[5]
    assert text["meta"]["symbol"] == "A/C.3/68/L.5/Rev.1"
    original = {item["id"]: item for item in json.loads(cli_ok("amendments", doc, "--json"))}  # Rev.1's: carried ones
    assert set(original) == {"a4", "a5"}
    original = {item["id"]: item for item in json.loads(cli_ok("outline", doc, "--json", "--rev", "original"))
                ["amendments"]}
    assert original["a2"]["vote"]["outcome"] == "rejected by 58 votes to 92, with 21 abstentions"  # on the record


# -- division ------------------------------------------------------------------------------------------------


def test_a_separate_vote_retains_or_deletes_words(doc):
    assert cli_ok("divide", doc, "OP7", "--words", "within its mandate,", "--yes", "50", "--no", "60", "--abstain", "2",
              "--as", "Mexico") == ("a7 the words were deleted, their retention having been rejected by 50 votes to "
                                    "60, with 2 abstentions\n")
    assert cli_ok("divide", doc, "OP8", "--words", "including the role of victims", "--yes", "90", "--no", "60",
              "--abstain", "0", "--recorded", "--as", "Mexico") == \
        "a8 the words were retained by a recorded vote of 90 to 60, with no abstentions\n"
    items = listed(doc)
    assert (items["a7"]["status"], items["a7"]["instruction"]) == ("adopted", "In operative paragraph 7, delete "
                                                                               "“within its mandate,”")
    assert items["a7"]["vote"]["division"] and items["a7"]["author"] == "Mexico"
    assert items["a8"]["status"] == "rejected"
    cli_ok("revise", doc)
    ops = [b["text"] for b in json.loads(cli_ok("outline", doc, "--json"))["blocks"] if b["kind"] == "operative"]
    assert ops[6].startswith("Requests the United Nations Office on Drugs and Crime, to continue")
    assert "including the role of victims" in ops[7]


def test_a_separate_vote_on_words_an_accepted_amendment_changes_is_refused(doc):
    cli_ok("vote", doc, "a1", "--without-vote")
    before = state(doc)
    assert cli_refused("divide", doc, "OP2", "--words", "to continue", "--yes", "1", "--no", "9", "--abstain", "0",
                   "--as", "Chile") == ("Deleting “to continue” would collide with a1, already accepted in OP2; the "
                                        "separate vote is on the text as it stands, so decide on those words there.")
    assert cli_refused("divide", doc, "OP2", "--words", "to continue", "--without-vote", "--as", "Chile").startswith(
        "Unrecognized arguments: --without-vote")
    assert cli_refused("divide", doc, "OP2", "--words", "nothing like this", "--yes", "1", "--no", "9",
                       "--abstain", "0", "--as", "Chile") == (
        "“nothing like this” does not occur in OP2 (0 times); quote the words exactly as they stand.")
    assert state(doc) == before
    with DocumentFile.open(doc) as file:
        with pytest.raises(UserError):
            divide(file, "OP2", "to continue", Vote(1, 9, 0, division=True), author="Chile")
        assert [a.id for a in amendments(file)] == [f"a{n}" for n in range(1, 7)]


# -- sub-amendments --------------------------------------------------------------------------------------


def test_a_sub_amendment_is_proposed_listed_and_voted_before_its_amendment(doc):
    assert cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges") == "a7\n"
    assert cli_ok("amend", doc, "--as", "Norway", "--in", "a5", "--insert", "as soon as possible", "--after-words",
              "on the matter") == "a8\n"
    items = listed(doc)
    assert (items["a7"]["kind"], items["a7"]["amends"], items["a7"]["label"]) == ("sub-amendment", "a3", "OP3 bis")
    assert items["a7"]["instruction"] == ("In the text proposed by amendment a3 for operative paragraph 3 bis, "
                                          "replace “Encourages” with “Urges”")
    assert items["a8"]["instruction"] == ("In the text proposed by amendment a5 for operative paragraph 15, after "
                                          "“on the matter”, insert “as soon as possible”")
    order = [item["id"] for item in json.loads(cli_ok("voting-order", doc, "--json"))["order"]]
    assert order.index("a7") == order.index("a3") - 1 and order.index("a8") == order.index("a5") - 1
    markup = json.loads(cli_ok("outline", doc, "--json", "--view", "markup"))
    new = next(block for block in markup["blocks"] if block["label"] == "OP3 bis")
    assert new["text"] == "Urges Member States to share information on good practices;"  # read as amended


def test_what_cannot_be_amended_is_refused(doc):
    assert cli_refused("amend", doc, "--as", "Norway", "--in", "a2", "--delete-words", "x") == (
        "a2 puts no new words in the text (it deletes or moves), so there is nothing in it to amend; propose another "
        "amendment to the paragraph instead.")
    assert cli_refused("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Urges", "--with", "x") == (
        "“Urges” does not occur in a3 (0 times); quote the words exactly as they stand.")
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    assert cli_refused("amend", doc, "--as", "Norway", "--in", "a7", "--replace", "Urges", "--with", "Calls upon") == (
        "a7 is itself an amendment to a3; amend a3 instead.")
    assert cli_refused("amend", doc, "--as", "Norway", "--in", "a3", "--new-paragraph", "x", "--after", "OP4") == (
        "An amendment to an amendment changes its words: --in ID with --replace, --delete-words or --insert.")
    cli_ok("status", doc, "a6", "agreed")
    assert cli_refused("amend", doc, "--as", "Norway", "--in", "a6", "--replace", "all", "--with", "every") == (
        "a6 is agreed; only an amendment still to be decided (proposed or bracketed) is amended.")


def test_an_adopted_sub_amendment_is_applied_with_its_amendment(doc):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    cli_ok("vote", doc, "a7", "--yes", "70", "--no", "50", "--abstain", "3", "--recorded")
    assert cli_refused("revise", doc) == ("a7 is adopted, but a3, which it amends, is still to be decided; a "
                                      "sub-amendment is applied with the amendment it amends: decide a3 first.")
    cli_ok("vote", doc, "a3", "--yes", "100", "--no", "2", "--abstain", "3", "--recorded")
    assert cli_ok("revise", doc).splitlines()[1] == "applied: a3, a7"
    ops = [b["text"] for b in json.loads(cli_ok("outline", doc, "--json"))["blocks"] if b["kind"] == "operative"]
    assert ops[3] == "Urges Member States to share information on good practices;"


def test_a_sub_amendment_falls_with_its_amendment(doc):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    cli_ok("amend", doc, "--as", "Peru", "--in", "a5", "--replace", "on the matter", "--with", "annually")
    cli_ok("vote", doc, "a7", "--without-vote")
    cli_ok("vote", doc, "a3", "--yes", "1", "--no", "100", "--abstain", "3")
    data = json.loads(cli_ok("voting-order", doc, "--json"))
    assert "a8" in [item["id"] for item in data["order"]]
    cli_ok("withdraw", doc, "a5")
    data = json.loads(cli_ok("voting-order", doc, "--json"))
    assert data["left_out"] == [{"id": "a8", "reason": "falls with the amendment it amends (a5 is withdrawn)"}]
    assert cli_refused("vote", doc, "a8", "--without-vote") == ("a8 falls with a5, which it amends and which is "
                                                             "withdrawn; it is not voted on.")
    plan = cli_ok("revise", doc).splitlines()
    assert plan[1:] == ["applied: none", "carried: a1, a2, a4, a6"]  # a7 and a8 fell with a3 and a5


def test_a_sub_amendment_still_to_be_decided_keeps_its_amendment_from_being_applied_alone(doc):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    cli_ok("status", doc, "a3", "agreed")
    assert cli_refused("revise", doc) == ("a7 amends a3, which this revision applies, and is still to be decided; a "
                                      "sub-amendment is decided before the amendment it amends: decide a7 first.")
    cli_ok("vote", doc, "a7", "--yes", "1", "--no", "2", "--abstain", "0")
    assert cli_ok("revise", doc).splitlines()[1] == "applied: a3"


def test_sub_amendments_of_one_amendment_collide_where_their_words_overlap(doc):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages Member States",
           "--with", "Urges States")
    cli_ok("amend", doc, "--as", "Peru", "--in", "a3", "--replace", "Member States", "--with", "all States")
    cli_ok("amend", doc, "--as", "Peru", "--in", "a3", "--replace", "good practices", "--with", "best practices")
    items = listed(doc)
    assert (items["a7"]["collides_with"], items["a8"]["collides_with"], items["a9"]["collides_with"]) == \
        (["a8"], ["a7"], [])
    order = [item["id"] for item in json.loads(cli_ok("voting-order", doc, "--json"))["order"]]
    assert order[order.index("a3") - 3:order.index("a3") + 1] == ["a7", "a8", "a9", "a3"]  # more words first


def test_a_sub_amendment_proposed_on_a_revision_carried_over_still_amends_it(doc):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a5", "--replace", "on the matter", "--with", "annually")
    cli_ok("vote", doc, "a6", "--without-vote")
    cli_ok("revise", doc)
    items = listed(doc)
    assert (items["a7"]["amends"], items["a7"]["label"], items["a7"]["stale"]) == ("a5", "OP15 alt 1", False)
    cli_ok("vote", doc, "a7", "--without-vote")
    cli_ok("vote", doc, "a5", "--without-vote")
    cli_ok("revise", doc)
    ops = [b["text"] for b in json.loads(cli_ok("outline", doc, "--json"))["blocks"] if b["kind"] == "operative"]
    assert ops[-1] == "Requests the Secretary-General to report annually."


# -- the voting order ---------------------------------------------------------------------------------------


def test_the_voting_order_of_rule_90(doc):
    text = cli_ok("voting-order", doc)
    assert text.splitlines() == [
        "Voting order of original (rule 90: furthest removed first, sub-amendments before the amendment they amend):",
        "1.  a2  OP2         Chile   Delete operative paragraph 2",
        "2.  a1  OP2         Brazil  In operative paragraph 2, replace “to continue to strengthen” with “to strengthen "
        "further”",
        "3.  a3  OP3 bis     Brazil  Insert a new operative paragraph after operative paragraph 3, reading: "
        "“Encourages Member States to share information on good practices;”",
        "4.  a6  OP5         Chile   In operative paragraph 5, before “Member States”, insert “all”",
        "5.  a5  OP15 alt 1  Mexico  Replace operative paragraph 15 with: “Requests the Secretary-General to report on "
        "the matter.”",
        "6.  a4  OP15        Mexico  In operative paragraph 15, replace “sixty-ninth” with “seventieth”",
    ]
    cli_ok("vote", doc, "a2", "--yes", "1", "--no", "9", "--abstain", "0")
    cli_ok("withdraw", doc, "a6")
    assert [i["id"] for i in json.loads(cli_ok("voting-order", doc, "--json"))["order"]] == ["a1", "a3", "a5", "a4"]


def test_the_order_set_by_hand_is_kept_and_shown_as_such(doc):
    cli_ok("voting-order", doc, "--move", "a6", "--before", "a2")
    data = json.loads(cli_ok("voting-order", doc, "--json"))
    assert data["hand_made"] is True
    assert [(i["id"], i["number"], i["rule_number"]) for i in data["order"]][:3] == [("a6", 1, 4), ("a2", 2, 1),
                                                                                      ("a1", 3, 2)]
    assert cli_ok("voting-order", doc).splitlines()[:2] == [
        "Voting order of original, as set by hand (rule 90's place in brackets):",
        "1. [4]  a6  OP5         Chile   In operative paragraph 5, before “Member States”, insert “all”"]
    cli_ok("amend", doc, "--as", "Peru", "--delete-paragraph", "OP15")  # a new one takes its place by the rule
    assert [i["id"] for i in json.loads(cli_ok("voting-order", doc, "--json"))["order"]] == \
        ["a6", "a2", "a1", "a3", "a7", "a5", "a4"]
    cli_ok("vote", doc, "a6", "--without-vote")  # decided ones leave it
    assert [i["id"] for i in json.loads(cli_ok("voting-order", doc, "--json"))["order"]][:2] == ["a2", "a1"]
    assert cli_refused("voting-order", doc, "--move", "a6", "--after", "a1") == (
        "a6 is not in the voting order (it holds the amendments still to be decided: a2, a1, a3, a7, a5 and a4).")
    assert cli_refused("voting-order", doc, "--move", "a1") == "Say where it goes: --before ID or --after ID."
    cli_ok("voting-order", doc, "--reset")
    data = json.loads(cli_ok("voting-order", doc, "--json"))
    assert data["hand_made"] is False and [i["id"] for i in data["order"]] == ["a2", "a1", "a3", "a7", "a5", "a4"]


def test_moving_in_the_order():
    ids = ["a1", "a2", "a3", "a4"]
    assert moved(ids, "a4", before="a2") == ["a1", "a4", "a2", "a3"]
    assert moved(ids, "a1", after="a3") == ["a2", "a3", "a1", "a4"]
    with pytest.raises(UserError, match="cannot move next to itself"):
        moved(ids, "a1", before="a1")


def test_stale_amendments_are_left_out_of_the_order(doc):
    with DocumentFile.open(doc) as file:
        document = load(file)
        items = amendments(file)
        items[0].stale = True
        order = voting_order(document, items)
    assert "a1" not in order.ids()
    assert order.left_out == [("a1", "stale: the words or the paragraph it amends are gone")]


def test_the_further_removed_of_two_word_changes_is_voted_first(doc):
    cli_ok("amend", doc, "--as", "Peru", "--in", "OP2", "--replace", "to continue to strengthen international",
       "--with", "to build")
    order = [i["id"] for i in json.loads(cli_ok("voting-order", doc, "--json"))["order"]]
    assert order[:3] == ["a2", "a7", "a1"]


# -- the document file ----------------------------------------------------------------------------------


def test_a_file_of_the_second_format_opens_and_votes(tmp_path, tabled_master):
    """A document made before the vote (format 2: no `amends`, no votes) is brought up to date and keeps its
    amendments."""
    path = tmp_path / "old.resdesk"
    shutil.copy(tabled_master, path)
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE vote; DROP TABLE voting_order; ALTER TABLE amendment DROP COLUMN amends; "
                       "PRAGMA user_version = 2;")
    conn.close()
    with DocumentFile.open(path, readonly=True) as doc:
        assert doc.conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert [(a.id, a.amends, a.vote) for a in amendments(doc)][:2] == [("a1", "", None), ("a2", "", None)]
    assert cli_ok("vote", path, "a1", "--without-vote") == "a1 adopted without a vote\n"


def test_the_engine_refuses_to_accept_a_stale_sub_amendment(doc):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    with DocumentFile.open(doc) as file:
        from resdesk.store.amendments import update_amendment

        reworded = get_amendment(file, "a3")
        reworded.new_block.text = "Invites Member States to share information;"
        update_amendment(file, Amendment(**reworded.__dict__))
        with pytest.raises(UserError, match="a7 is stale"):
            record_vote(file, "a7", Vote(without_vote=True))
        record_vote(file, "a1", Vote(without_vote=True))
        with pytest.raises(CollisionRefused):  # deleting OP2 collides with the adopted change of its words
            record_vote(file, "a2", Vote(without_vote=True))


def test_the_compilation_says_how_each_amendment_was_decided(doc, tmp_path):
    need_poppler()
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    cli_ok("vote", doc, "a2", "--yes", "58", "--no", "92", "--abstain", "21")
    cli_ok("vote", doc, "a1", "--yes", "80", "--no", "40", "--abstain", "20", "--recorded")
    cli_ok("vote", doc, "a7", "--without-vote")
    cli_ok("vote", doc, "a3", "--yes", "100", "--no", "0", "--abstain", "1", "--recorded")
    docx, pdf = tmp_path / "c.docx", tmp_path / "c.pdf"
    for out in (docx, pdf):
        cli_ok("export", doc, "-o", out, "--mode", "compilation", "--status", "adopted,rejected,proposed")
    lines = [
        "a2 Chile (rejected by 58 votes to 92, with 21 abstentions): Delete operative paragraph 2",
        "a1 Brazil (adopted by a recorded vote of 80 to 40, with 20 abstentions): In operative paragraph 2, replace "
        "“to continue to strengthen” with “to strengthen further”",
        "a3 Brazil with Chile (adopted by a recorded vote of 100 to none, with 1 abstention): Insert a new operative "
        "paragraph after operative paragraph 3, reading: “Encourages Member States to share information on good "
        "practices;”",
        "a7 Norway (adopted without a vote): In the text proposed by amendment a3 for operative paragraph 3 bis, "
        "replace “Encourages” with “Urges”",
    ]
    paragraphs = word_paragraphs(docx)
    assert all(line in paragraphs for line in lines)
    assert "OP3 bis\tUrges Member States to share information on good practices;" in paragraphs  # adopted: no brackets
    printed = " ".join(normal_words(" ".join(page_text(pdf, p, layout=False) for p in range(1, page_count(pdf) + 1))))
    assert all(" ".join(normal_words(line)) in printed for line in lines)


def test_a_sub_amendment_shown_without_its_amendment_stands_under_the_paragraph(doc, tmp_path):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a3", "--replace", "Encourages", "--with", "Urges")
    out = tmp_path / "norway.docx"
    cli_ok("export", doc, "-o", out, "--mode", "compilation", "--delegations", "Norway")
    paragraphs = word_paragraphs(out)
    op3 = next(i for i, text in enumerate(paragraphs) if text.startswith("OP3\t"))
    assert paragraphs[op3 + 1] == ("a7 Norway (proposed): In the text proposed by amendment a3 for operative "
                                   "paragraph 3 bis, replace “Encourages” with “Urges”")
    assert not any(text.startswith("OP3 bis\t") for text in paragraphs)  # a3 itself is not shown

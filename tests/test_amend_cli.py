"""The negotiation commands on bad input (exit 2, one line, nothing changed) and their other forms."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, run_cli


def _ok(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def seed_master(tmp_path_factory):
    doc = tmp_path_factory.mktemp("cli") / "seed.resdesk"
    _ok("import", SEED, "-o", doc)
    return doc


@pytest.fixture
def doc(seed_master, tmp_path):
    target = tmp_path / "seed.resdesk"
    target.write_bytes(seed_master.read_bytes())
    return target


def _error(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("resdesk: error: "), result.stderr
    return lines[0].removeprefix("resdesk: error: ")


def _dump(doc) -> list[str]:
    """The whole content of a document file (its bytes change when it is only opened: the WAL header)."""
    import sqlite3

    with sqlite3.connect(doc) as conn:
        return list(conn.iterdump())


def _amendments(doc) -> list[dict]:
    return json.loads(_ok("outline", doc, "--json"))["amendments"]


@pytest.mark.parametrize(("args", "message"), [
    (["--in", "OP2", "--replace", "assistance", "--with", "aid"],
     "“assistance” occurs 3 times in OP2; add --occurrence 1, 2 or 3"),
    (["--in", "OP2", "--replace", "to act", "--with", "to do"],
     "“to act” does not occur in OP2 (0 times); quote the words exactly as they stand."),
    (["--in", "OP2", "--replace", "assistance", "--with", "aid", "--occurrence", "4"],
     "“assistance” occurs 3 times in OP2; --occurrence must be 1, 2 or 3."),
    (["--in", "OP99", "--delete-words", "x"], "There is no paragraph OP99 in original; see `resdesk outline DOC` "
                                               "for the labels."),
    (["--in", "OP2", "--replace", "to continue"], "--replace needs --with."),
    (["--delete-paragraph", "OP7", "--move", "OP3", "--after", "OP1"],
     "Give exactly one amendment: --replace, --delete-words, --insert, --new-paragraph, --delete-paragraph, "
     "--move or --alternative (or --from-docx FILE for all of a Word file's changes)."),
    (["--in", "OP2", "--insert", "now"],
     "Say where to insert: after some words (--after-words) or at the end (--at-end)."),
    (["--move", "OP4", "--after", "OP3"], "OP4 already follows OP3; nothing would move."),
    (["--delete-paragraph", "OP7", "--occurrence", "2"],
     "--occurrence only goes with --replace, --delete-words or --insert --after-words."),
])
def test_amend_refuses_bad_requests_in_one_line(doc, args, message):
    assert _error("amend", doc, "--as", "EU", *args) == message
    assert _amendments(doc) == []


def test_unknown_delegation_says_how_to_add_it(doc):
    message = _error("amend", doc, "--as", "Atlantis", "--delete-paragraph", "OP7")
    assert message == ("“Atlantis” is not a known delegation; add it with "
                       f"`resdesk delegation {doc.name} --add \"Atlantis\"`.")
    assert _ok("delegation", doc, "--add", "Atlantis", "--group", "AOSIS").split("\t")[:3] == [
        "Atlantis", "Atlantis", "member"]
    assert _ok("amend", doc, "--as", "atlantis", "--delete-paragraph", "OP7").strip() == "a1"
    listing = _ok("delegation", doc, "--all").splitlines()
    assert "Atlantis\tAtlantis\tmember\t#" in "\n".join(listing)
    assert sum(1 for line in listing if line.split("\t")[0] == "Mexico") == 1
    assert len(listing) == 212 + 1  # the built-in ones, then the document's own


def test_delegation_lists_the_documents_own_and_adds_with_a_short_name_and_kind(doc):
    _ok("amend", doc, "--as", "EU", "--delete-paragraph", "OP7", "--co-sponsors", "Afghanistan")
    _ok("comment", doc, "--as", "Mexico", "--on", "OP2", "--text", "Fine.")
    result = run_cli("delegation", doc, "--add", "Group of Friends of the Ocean", "--kind", "group")
    assert result.returncode == 0, result.stderr
    row = result.stdout.strip().split("\t")
    assert row[:3] == ["Group of Friends of the Ocean", "GFO", "group"]
    assert result.stderr == ("resdesk: Group of Friends of the Ocean has the short name “GFO”; --short SHORT "
                             "chooses another.\n")
    assert _ok("delegation", doc, "--add", "Secretariat of the Conference", "--short", "Secretariat",
               "--kind", "other").split("\t")[:3] == ["Secretariat of the Conference", "Secretariat", "other"]
    rows = [line.split("\t") for line in _ok("delegation", doc).splitlines()]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("Afghanistan", "Afghanistan", "member"), ("European Union", "EU", "group"),
        ("Group of Friends of the Ocean", "GFO", "group"), ("Mexico", "Mexico", "member"),
        ("Secretariat of the Conference", "Secretariat", "other")]
    colours = [r[3] for r in rows]
    assert all(colours) and len(set(colours)) == len(colours)  # the EU and Afghanistan once shared one
    assert _error("delegation", doc, "--add", "Ocean Friends", "--short", "gfo") == (
        "The short name “gfo” is taken by Group of Friends of the Ocean; choose another --short.")
    assert _error("delegation", doc, "--short", "X") == "--short goes with --add NAME."
    assert _error("delegation", doc, "--add", "X", "--kind", "state").startswith("Argument --kind: invalid choice")


def test_the_kinds_the_parser_offers_are_the_models():
    from resdesk.cli import build_parser
    from resdesk.model.delegation import DELEGATION_KINDS

    parser = build_parser()
    delegation = parser._subparsers._group_actions[0].choices["delegation"]
    kind = next(action for action in delegation._actions if action.dest == "kind")
    assert tuple(kind.choices) == DELEGATION_KINDS


def test_word_forms_and_occurrence(doc):
    assert _ok("amend", doc, "--as", "EU", "--in", "OP2", "--replace", "assistance", "--with", "support",
               "--occurrence", "2").strip() == "a1"
    _ok("amend", doc, "--as", "EU", "--in", "OP2", "--delete-words", "and, when appropriate,")
    _ok("amend", doc, "--as", "G77", "--in", "OP2", "--insert", "subregional,", "--after-words", "bilateral,")
    _ok("amend", doc, "--as", "Mexico", "--in", "OP2", "--insert", "and its financing", "--at-end")
    _ok("amend", doc, "--as", "Chile", "--in", "op 1", "--replace", "Urges", "--with", "Strongly urges")
    found = {a["id"]: a["instruction"] for a in _amendments(doc)}
    assert found == {
        "a1": "In operative paragraph 2, replace the second occurrence of “assistance” with “support”",
        "a2": "In operative paragraph 2, delete “and, when appropriate,”",
        "a3": "In operative paragraph 2, after “bilateral,”, insert “subregional,”",
        "a4": "At the end of operative paragraph 2, add “and its financing”",
        "a5": "In operative paragraph 1, replace “Urges” with “Strongly urges”",
    }
    for ident in found:
        _ok("status", doc, ident, "agreed")
    outline = json.loads(_ok("outline", doc, "--json", "--view", "consolidated"))
    op2 = outline["blocks"][12]["text"]
    assert op2.endswith("pertaining to terrorism and its financing;")
    assert "by entering into bilateral, subregional, regional and multilateral treaties" in op2
    assert "to provide technical support to Member States" in op2
    assert "including the Charter of the United Nations, by entering" in op2
    assert op2.count("assistance") == 2
    assert json.loads(_ok("outline", doc, "--json", "--view", "consolidated"))["blocks"][11]["text"].startswith(
        "Strongly urges Member States")


def test_status_and_revise_errors(doc):
    _ok("amend", doc, "--as", "EU", "--delete-paragraph", "OP7")
    assert _error("status", doc, "a1", "approved") == (
        "“approved” is not a status; use one of proposed, agreed-ad-ref, agreed, adopted, bracketed, withdrawn, "
        "rejected, superseded.")
    assert _error("status", doc, "a9", "agreed") == f"There is no amendment a9 in {doc.name}."
    _ok("status", doc, "a1", "agreed ad ref")
    assert _amendments(doc)[0]["status"] == "agreed-ad-ref"
    assert _error("revise", doc, "--accept", "nice") == (
        "“nice” is not a status; use one of proposed, agreed-ad-ref, agreed, adopted, bracketed, withdrawn, "
        "rejected, superseded.")
    assert _error("revise", doc, "--name", "original") == f"{doc.name} already has a version called original; " \
                                                          "choose another --name."
    assert _ok("revise", doc, "--name", "Rev.1").splitlines()[0] == "Rev.1"


def test_comments_private_ones_marked_and_threads(doc):
    _ok("amend", doc, "--as", "EU", "--delete-paragraph", "OP7")
    assert _ok("comment", doc, "--as", "Mexico", "--on", "OP7", "--text", "Please keep it.").strip() == "c1"
    assert _ok("comment", doc, "--as", "EU", "--on", "a1", "--text", "Duplicates OP6.").strip() == "c2"
    assert _ok("comment", doc, "--as", "Mexico", "--on", "PP3", "--text", "Capital undecided.",
               "--private").strip() == "c3"
    assert _ok("comment", doc, "--as", "Chile", "--reply-to", "c1", "--text", "Agreed.").strip() == "c4"
    comments = json.loads(_ok("outline", doc, "--json"))["comments"]
    assert [(c["id"], c["on"], c["private"], c["reply_to"]) for c in comments] == [
        ("c1", "OP7", False, ""), ("c2", "a1", False, ""), ("c3", "PP3", True, ""), ("c4", "OP7", False, "c1")]
    outline = json.loads(_ok("outline", doc, "--json"))
    counts = {b["label"]: b["comment_count"] for b in outline["blocks"] if b["comment_count"]}
    assert counts == {"OP7": 2, "PP3": 1}
    assert [a["comment_count"] for a in outline["amendments"]] == [1]
    missing = _error("comment", doc, "--as", "EU", "--on", "a7", "--text", "x")
    assert missing == f"There is no amendment a7 in {doc.name}."
    assert _error("comment", doc, "--as", "EU", "--on", "OP2", "--text", " ") == "A comment needs some text."


def test_markup_filters_and_text_view(doc):
    _ok("amend", doc, "--as", "EU", "--in", "OP2", "--replace", "to continue to strengthen",
        "--with", "to strengthen further")
    _ok("amend", doc, "--as", "G77", "--delete-paragraph", "OP7")
    only_g77 = json.loads(_ok("outline", doc, "--json", "--view", "markup", "--delegations", "G77"))
    states = {(b["label"], b["state"]) for b in only_g77["blocks"]}
    assert ("OP7", "deleted") in states
    op2 = next(b for b in only_g77["blocks"] if b["label"] == "OP2")
    assert [s["op"] for s in op2["segments"]] == ["equal"]
    _ok("status", doc, "a1", "withdrawn")
    default = json.loads(_ok("outline", doc, "--json", "--view", "markup"))
    op2 = next(b for b in default["blocks"] if b["label"] == "OP2")
    assert [s["op"] for s in op2["segments"]] == ["equal"]
    text = _ok("outline", doc, "--view", "markup", "--status", "withdrawn,proposed")
    assert "[-to continue -]⟨EU a1⟩to strengthen{+ further+}⟨EU a1⟩" in text and "[deleted: G77 a2]" in text


@pytest.mark.parametrize("spelling", ["agreed_ad_ref", "Agreed Ad Ref", "agreed-ad-ref"])
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_every_export_reads_a_status_in_any_spelling(doc, tmp_path, spelling, suffix):
    """One status parser for every path: a PDF once refused what a Word export took (`agreed_ad_ref`)."""
    _ok("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
        "--with", "to strengthen further")
    _ok("status", doc, "a1", spelling)
    assert _amendments(doc)[0]["status"] == "agreed-ad-ref"
    out = tmp_path / f"out{suffix}"
    _ok("export", doc, "-o", out, "--mode", "tracked", "--status", spelling)
    assert out.stat().st_size > 0


def test_an_unknown_status_is_one_sentence(doc):
    assert _error("status", doc, "a1", "agred") == ("“agred” is not a status; use one of proposed, agreed-ad-ref, "
                                                    "agreed, adopted, bracketed, withdrawn, rejected, superseded.")


def test_status_refuses_a_second_accepted_amendment_among_colliding_ones(doc):
    """Brazil's and Norway's replacements in OP2 collide: at most one of them is accepted."""
    _ok("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
        "--with", "to strengthen further")
    _ok("amend", doc, "--as", "Norway", "--in", "OP2", "--replace", "strengthen international coordination",
        "--with", "enhance international cooperation")
    _ok("amend", doc, "--as", "Chile", "--delete-paragraph", "OP7")
    _ok("status", doc, "a1", "agreed-ad-ref")
    before = _dump(doc)
    assert _error("status", doc, "a2", "agreed") == ("a2 collides with a1, which is agreed ad ref; withdraw a1 "
                                                     "first, or accept a2 with --supersede a1.")
    assert _dump(doc) == before  # not even an event
    assert _error("status", doc, "a2", "a3", "agreed", "--supersede", "a3") == "a3 cannot supersede itself."
    assert _ok("status", doc, "a2", "a3", "agreed", "--supersede", "a1") == ""
    assert [(a["id"], a["status"]) for a in _amendments(doc)] == [("a1", "superseded"), ("a2", "agreed"),
                                                                  ("a3", "agreed")]
    consolidated = json.loads(_ok("outline", doc, "--json", "--view", "consolidated"))
    op2 = next(b for b in consolidated["blocks"] if b["label"] == "OP2")
    assert op2["text"].startswith("Urges Member States to continue to enhance international cooperation")

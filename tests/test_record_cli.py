"""The facilitator's commands: amendments, withdraw, delete, outline --comments; and a quiet broken pipe."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import SEED, run_cli
from negotiation import EIGHT_AMENDMENTS


def _ok(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _error(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 2 and result.stdout == "", result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("resdesk: error: "), result.stderr
    return result.stderr.removeprefix("resdesk: error: ").rstrip("\n")


@pytest.fixture(scope="module")
def negotiated_master(tmp_path_factory):
    """The eight amendments of the done-criteria (a1 agreed, colliding with a7), and four comments."""
    doc = tmp_path_factory.mktemp("record") / "seed.resdesk"
    _ok("import", SEED, "-o", doc)
    for delegation, args in EIGHT_AMENDMENTS:
        _ok("amend", doc, "--as", delegation, *args)
    _ok("status", doc, "a1", "agreed")
    _ok("comment", doc, "--as", "Mexico", "--on", "OP7", "--text", "We can accept deleting it.")
    _ok("comment", doc, "--as", "EU", "--on", "a4", "--text", "Duplicates OP6.")
    _ok("comment", doc, "--as", "Mexico", "--on", "PP3", "--text", "Check with capital.", "--private")
    _ok("comment", doc, "--as", "Chile", "--reply-to", "c1", "--text", "Agreed.")
    return doc


@pytest.fixture
def doc(negotiated_master, tmp_path):
    target = tmp_path / "seed.resdesk"
    target.write_bytes(negotiated_master.read_bytes())
    return target


def test_amendments_json_is_the_outlines_amendments(doc):
    listed = json.loads(_ok("amendments", doc, "--json"))
    assert listed == json.loads(_ok("outline", doc, "--json"))["amendments"]
    assert [(a["id"], a["collides_with"], a["comment_count"]) for a in listed if a["collides_with"] or
            a["comment_count"]] == [("a1", ["a7"], 0), ("a4", [], 1), ("a7", ["a1"], 0)]


def test_amendments_table_and_filters(doc):
    table = _ok("amendments", doc).splitlines()
    assert table[0].split() == ["id", "label", "delegation", "status", "instruction", "outcome", "collisions"]
    assert table[1] == ("a1  OP2         EU             agreed    In operative paragraph 2, replace “to continue to "
                        "strengthen” with “to strengthen further”  collides with a7")
    assert [line.split()[0] for line in table[1:]] == [f"a{n}" for n in range(1, 9)]
    mexico = _ok("amendments", doc, "--delegation", "mexico,Chile").splitlines()[1:]
    assert [line.split()[:2] for line in mexico] == [["a3", "OP3"], ["a6", "OP15"]]  # Chile co-sponsors a3
    op2 = json.loads(_ok("amendments", doc, "--paragraph", "op 2", "--status", "proposed", "--json"))
    assert [a["id"] for a in op2] == ["a7"]
    result = run_cli("amendments", doc, "--status", "rejected")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "resdesk: no amendment of original matches these filters.\n"
    assert _error("amendments", doc, "--paragraph", "OP99") == ("There is no paragraph OP99 in original; see "
                                                                "`resdesk outline DOC` for the labels.")
    assert _error("amendments", doc, "--delegation", "Atlantis").startswith("“Atlantis” is not a known delegation")


def test_withdraw_several_in_one_step(doc):
    assert _ok("withdraw", doc, "a6", "a7", "--as", "Mexico") == ""
    statuses = {a["id"]: a["status"] for a in json.loads(_ok("amendments", doc, "--json"))}
    assert (statuses["a6"], statuses["a7"]) == ("withdrawn", "withdrawn")
    assert _error("withdraw", doc, "a6", "a99") == f"There is no amendment a99 in {doc.name}."


def test_delete_only_ones_own_undecided_uncommented_proposals(doc):
    assert _error("delete", doc, "a3") == ("Say whose proposals these are: --as DELEGATION (a delegation deletes "
                                           "only its own).")
    assert _error("delete", doc, "a3", "--as", "G77") == ("a3 was proposed by Mexico; only Mexico deletes it "
                                                          "(others withdraw or reject it).")
    assert _error("delete", doc, "a1", "--as", "EU") == ("a1 is agreed: a decided amendment stays on the record; "
                                                         "withdraw it instead.")
    assert _error("delete", doc, "a4", "--as", "United States") == ("a4 has comments (c2); withdraw it instead, so "
                                                                    "that they keep what they are about.")
    assert _error("delete", doc, "a3", "a2", "--as", "Mexico").startswith("a2 was proposed by Group of 77")
    assert _ok("delete", doc, "a3", "a6", "--as", "mexico") == ""
    assert [a["id"] for a in json.loads(_ok("amendments", doc, "--json"))] == ["a1", "a2", "a4", "a5", "a7", "a8"]


def test_outline_comments_under_their_paragraph(doc):
    text = _ok("outline", doc, "--comments")
    pp3 = text.index("PP3 ")
    assert text.index("✉ c3 Mexico (private): Check with capital.") > pp3
    op7 = text[text.index("OP7 "):text.index("OP8 ")]
    assert op7.splitlines()[-4:] == ["                ✉ c1 Mexico: We can accept deleting it.",
                                     "                  ↳ c4 Chile: Agreed.",
                                     "                ✉ c2 EU on a4: Duplicates OP6.", ""]
    assert "✉" not in _ok("outline", doc)
    markup = _ok("outline", doc, "--view", "markup", "--comments")
    op7 = markup[markup.index("OP7 "):markup.index("OP8 ")]
    assert "[deleted: United States a4]" in op7 and "  ↳ c4 Chile: Agreed." in op7


def test_comments_on_a_paragraph_a_revision_removed_come_last(doc):
    _ok("status", doc, "a4", "agreed")
    _ok("revise", doc)
    text = _ok("outline", doc, "--comments")
    tail = text[text.index("Comments on paragraphs this version no longer has:"):]
    assert "✉ c1 Mexico: We can accept deleting it." in tail and "✉ c2 EU on a4: Duplicates OP6." in tail


def test_a_closed_pipe_ends_the_output_quietly(doc):
    """`resdesk outline DOC | head` once printed "Broken pipe"; a command stops quietly, as Unix tools do."""
    process = subprocess.Popen([sys.executable, "-m", "resdesk", "outline", str(doc), "--comments"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # before it writes: every write meets a closed pipe
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert stderr == b""
    assert process.returncode == 141  # 128 + SIGPIPE, as a shell reports a tool stopped by a closed pipe
    shell = subprocess.run(f"'{sys.executable}' -m resdesk amendments '{doc}' | head -1", shell=True,
                           capture_output=True, text=True, timeout=60)
    assert shell.stdout.startswith("id ") and shell.stderr == ""

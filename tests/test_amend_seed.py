"""The done-criteria of issue 4 on the seed draft, through the command line on a real document file."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED, run_cli
from negotiation import EIGHT_AMENDMENTS, EXPECTED_INSTRUCTIONS


def _ok(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _outline(doc, *extra) -> dict:
    return json.loads(_ok("outline", doc, "--json", *extra))


def _walk(blocks):
    for block in blocks:
        yield block
        yield from _walk(block["children"])


@pytest.fixture(scope="module")
def negotiated_master(tmp_path_factory):
    doc = tmp_path_factory.mktemp("seed") / "seed.resdesk"
    _ok("import", SEED, "-o", doc)
    ids = [_ok("amend", doc, "--as", delegation, *args).strip() for delegation, args in EIGHT_AMENDMENTS]
    assert ids == [f"a{n}" for n in range(1, 9)]
    return doc


@pytest.fixture
def negotiated(negotiated_master, tmp_path):
    copy = tmp_path / "seed.resdesk"
    shutil.copy(negotiated_master, copy)
    return copy


def test_instructions_labels_and_authors(negotiated_master):
    outline = _outline(negotiated_master)
    amendments = {a["id"]: a for a in outline["amendments"]}
    assert {ident: a["instruction"] for ident, a in amendments.items()} == EXPECTED_INSTRUCTIONS
    assert [amendments[i]["label"] for i in ("a2", "a3", "a8", "a6")] == ["OP3 bis", "OP3 ter", "PP2 bis",
                                                                          "OP15 alt 1"]
    assert {a["author"] for a in amendments.values()} == {
        "European Union", "Group of 77 and China", "Mexico", "United States of America", "Caribbean Community"}
    assert amendments["a3"]["co_sponsors"] == ["Chile", "Peru"]
    assert amendments["a4"]["target"] == "OP7" and amendments["a5"]["after"] == "OP4"
    assert all(a["status"] == "proposed" and not a["stale"] for a in amendments.values())


def test_collision_in_op2_and_none_for_the_move(negotiated_master):
    amendments = {a["id"]: a for a in _outline(negotiated_master)["amendments"]}
    assert amendments["a1"]["collides_with"] == ["a7"]
    assert amendments["a7"]["collides_with"] == ["a1"]
    assert [ident for ident, a in amendments.items() if a["collides_with"]] == ["a1", "a7"]


def test_markup_shows_both_delegations_in_op2_and_every_proposal_in_place(negotiated_master):
    outline = _outline(negotiated_master, "--view", "markup")
    blocks = list(_walk(outline["blocks"]))
    op2 = next(b for b in blocks if b["label"] == "OP2")
    authors = {s["author"] for s in op2["segments"] if s["op"] != "equal"}
    assert authors == {"European Union", "Group of 77 and China"}
    assert sorted(op2["collisions"]) == ["a1", "a7"]
    base = "".join(s["text"] for s in op2["segments"] if s["op"] != "insert")
    assert base == op2["text"]
    sequence = [(b["label"], b["state"]) for b in blocks if b["kind"] in ("preambular", "operative")]
    at = sequence.index
    assert at(("PP2 bis", "inserted")) == at(("PP2", "normal")) + 1
    assert at(("OP3 bis", "inserted")) == at(("OP3", "normal")) + 1
    assert at(("OP3 ter", "inserted")) == at(("OP3", "normal")) + 2
    assert at(("OP11", "moved-to")) == at(("OP4", "normal")) + 1
    assert at(("OP11", "moved-from")) == at(("OP10", "normal")) + 1
    assert at(("OP15 alt 1", "alternative")) == at(("OP15", "normal")) + 1
    assert ("OP7", "deleted") in sequence
    alternative = next(b for b in blocks if b["state"] == "alternative")
    assert alternative["author"] == "Mexico" and alternative["segments"][0]["op"] == "insert"


def test_consolidated_op2_has_only_the_agreed_change(negotiated):
    _ok("status", negotiated, "a1", "agreed")
    blocks = list(_walk(_outline(negotiated, "--view", "consolidated")["blocks"]))
    op2 = next(b for b in blocks if b["label"] == "OP2")
    assert op2["text"].startswith("Urges Member States to strengthen further international coordination and")
    assert "enhance" not in op2["text"]
    assert sum(1 for b in blocks if b["kind"] == "operative") == 15


def test_revise_renumbers_keeps_the_original_and_carries_pending_amendments(negotiated):
    _ok("status", negotiated, "a1", "agreed")
    _ok("status", negotiated, "a2", "agreed-ad-ref")
    assert _ok("revise", negotiated, "--accept", "agreed,agreed-ad-ref").splitlines() == [
        "Rev.1", "applied: a1, a2", "carried: a3, a4, a5, a6, a7, a8"]
    revised = _outline(negotiated)
    assert revised["meta"]["version"] == "Rev.1"
    ops = [b for b in revised["blocks"] if b["kind"] == "operative"]
    assert [b["label"] for b in ops] == [f"OP{n}" for n in range(1, 17)]
    assert ops[3]["text"].startswith("Encourages Member States to share information")
    assert ops[1]["text"].startswith("Urges Member States to strengthen further")
    amendments = {a["id"]: a for a in revised["amendments"]}
    assert set(amendments) == {"a3", "a4", "a5", "a6", "a7", "a8"}
    assert amendments["a4"]["instruction"] == "Delete operative paragraph 8"
    assert amendments["a5"]["instruction"] == "Move operative paragraph 12 to follow operative paragraph 5"
    assert amendments["a3"]["label"] == "OP4 bis"  # still after the paragraph proposed before it
    assert amendments["a7"]["stale"]  # its words were replaced by the agreed a1
    assert amendments["a7"]["instruction"] == EXPECTED_INSTRUCTIONS["a7"]
    original = _outline(negotiated, "--rev", "original")
    assert original["meta"]["version"] == "original"
    original_ops = [b for b in original["blocks"] if b["kind"] == "operative"]
    assert len(original_ops) == 15
    assert original_ops[1]["text"].startswith("Urges Member States to continue to strengthen")
    assert sorted(a["id"] for a in original["amendments"]) == ["a1", "a2"]
    assert _ok("revise", negotiated).splitlines()[0] == "Rev.2"


def test_a_revision_taken_back_leaves_the_file_as_before_and_can_be_made_again(negotiated):
    from resdesk.amend.revise import create_revision, undo_revision
    from resdesk.errors import UserError
    from resdesk.store.docfile import DocumentFile

    _ok("status", negotiated, "a1", "agreed")
    _ok("status", negotiated, "a2", "agreed-ad-ref")
    before = _outline(negotiated)
    with DocumentFile.open(negotiated) as doc:
        revision = create_revision(doc)
    made = _outline(negotiated)
    assert made["meta"]["version"] == "Rev.1"
    with DocumentFile.open(negotiated) as doc:
        undo_revision(doc, revision)
        assert doc.conn.execute("SELECT count(*) FROM block WHERE version = ?", (revision.version,)).fetchone()[0] == 0
    assert _outline(negotiated) == before  # text, metadata, every amendment's anchor, label and instruction
    assert run_cli("outline", negotiated, "--rev", "Rev.1").returncode == 2
    with DocumentFile.open(negotiated) as doc:
        again = create_revision(doc, name=revision.name)
        create_revision(doc)  # Rev.2
        with pytest.raises(UserError, match="Rev.1 is no longer the newest"):
            undo_revision(doc, again)
    remade = _outline(negotiated, "--rev", "Rev.1")
    assert (remade["meta"], remade["blocks"]) == (made["meta"], made["blocks"])  # its amendments went on to Rev.2

"""Rev.1 against the original, shown with the same markup as proposals (for tracked-changes exports)."""

from __future__ import annotations

from conftest import SEED
from resdesk.amend.decisions import set_statuses
from resdesk.amend.propose import propose_delete_paragraph, propose_move, propose_new_paragraph, propose_replace
from resdesk.amend.revise import create_revision
from resdesk.formats.text_import import import_text
from resdesk.store.amendments import add_amendment
from resdesk.store.documents import create_document, load
from resdesk.store.revisions import applied_between
from resdesk.views.compare import compare


def test_revision_compared_with_the_original(tmp_path):
    with create_document(tmp_path / "seed.resdesk", import_text(SEED.read_bytes(), "seed.txt")) as doc:
        original = load(doc)
        for amendment in (
            propose_replace(original, "European Union", "OP2", "to continue to strengthen", "to strengthen further"),
            propose_new_paragraph(original, "Mexico", "Invites the Office to report;", "OP3"),
            propose_delete_paragraph(original, "Chile", "OP7"),
            propose_move(original, "Peru", "OP11", "OP4"),
        ):
            add_amendment(doc, amendment)
            set_statuses(doc, [amendment.id], "agreed")
        create_revision(doc)
        revised = load(doc)
        applied = applied_between(doc, "original", "Rev.1")
        assert applied_between(doc, "Rev.1", "original") == []
    assert [(a.id, a.author) for a in applied] == [("a1", "European Union"), ("a2", "Mexico"), ("a3", "Chile"),
                                                   ("a4", "Peru")]
    by_whom = compare(original, revised, applied)
    assert [(r.label, r.state, r.author) for r in by_whom.blocks if r.state != "normal"] == [
        ("OP4", "inserted", "Mexico"), ("OP6", "moved-to", "Peru"), ("OP7", "deleted", "Chile"),
        ("OP11", "moved-from", "Peru")]
    op2 = next(r for r in by_whom.blocks if r.label == "OP2")
    assert {s.author for s in op2.segments if s.op != "equal"} == {"European Union"}
    view = compare(original, revised)
    states = [(r.label, r.state) for r in view.blocks if r.state != "normal"]
    assert states == [("OP4", "inserted"), ("OP6", "moved-to"), ("OP7", "deleted"), ("OP11", "moved-from")]
    op2 = next(r for r in view.blocks if r.label == "OP2")
    assert [(s.op, s.text) for s in op2.segments if s.op != "equal"] == [("delete", "continue to "),
                                                                          ("insert", " further")]
    assert {s.author for s in op2.segments if s.op != "equal"} == {"Secretariat"}
    kept = [(r.id, r.new_text()) for r in view.blocks if r.state not in ("deleted", "moved-from")]
    assert kept == [(b.id, b.text) for b in revised.all_blocks()]
    assert [r.label for r in view.blocks if r.kind == "operative" and r.state not in ("deleted", "moved-from")] \
        == [f"OP{n}" for n in range(1, 16)]

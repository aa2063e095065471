"""Property-based tests of the amendment engine (hypothesis) on the seed draft.

- applying amendments and then rejecting them all gives back the base text;
- consolidated = base + accepted amendments, whatever their order of entry;
- labels stay stable (statuses, filters and later proposals do not change them);
- a revision followed by its pending amendments behaves like the original with all of them.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import SEED
from resdesk.amend.anchors import TextIndex, proposal_labels
from resdesk.amend.collisions import find_collisions
from resdesk.amend.filters import AmendmentFilter
from resdesk.amend.revise import create_revision
from resdesk.formats.text_import import import_text
from resdesk.model.amendment import (
    AGREED,
    ALTERNATIVE,
    DELETE_BLOCK,
    INSERT_BLOCK,
    LIVE_STATUSES,
    MOVE_BLOCK,
    REJECTED,
    REPLACE,
    STATUSES,
    Amendment,
)
from resdesk.model.document import OPERATIVE, PREAMBULAR, Block
from resdesk.store.amendments import add_amendment, amendments
from resdesk.store.documents import create_document, load
from resdesk.text.diff import tokenise
from resdesk.views.consolidated import consolidated
from resdesk.views.markup import INSERT, markup

BASE = import_text(SEED.read_bytes(), "seed.txt")
INDEX = TextIndex.of(BASE)
PARAGRAPHS = [b for b in BASE.blocks if b.kind in (PREAMBULAR, OPERATIVE)]
WORDS = ["further", "all", "Member States", "effective", "and", "regional", "", "urgently", "its"]
DELEGATIONS = ["European Union", "Mexico", "Group of 77 and China", "Chile", "Caribbean Community"]


@st.composite
def an_amendment(draw, number: int) -> Amendment:
    kind = draw(st.sampled_from((REPLACE, REPLACE, REPLACE, INSERT_BLOCK, DELETE_BLOCK, MOVE_BLOCK, ALTERNATIVE)))
    block = draw(st.sampled_from(PARAGRAPHS))
    author = draw(st.sampled_from(DELEGATIONS))
    status = draw(st.sampled_from(STATUSES))
    fields = {"id": f"a{number}", "version": BASE.version, "author": author, "kind": kind, "target": block.id,
              "status": status}
    if kind == REPLACE:
        tokens = tokenise(block.text)
        first = draw(st.integers(0, len(tokens) - 1))
        last = draw(st.integers(first, min(len(tokens), first + 6)))
        start = sum(len(t) for t in tokens[:first])
        end = start + sum(len(t) for t in tokens[first:last])
        new = draw(st.sampled_from(WORDS))
        assume(new != block.text[start:end])
        return Amendment(**fields, start=start, end=end, old=block.text[start:end], new=new)
    if kind == INSERT_BLOCK:
        return Amendment(**fields, new_block=Block(f"n{number}", block.kind, f"New paragraph {number};"))
    if kind == MOVE_BLOCK:
        after = draw(st.sampled_from([b for b in PARAGRAPHS if b.id != block.id]))
        return Amendment(**fields, after=after.id)
    if kind == ALTERNATIVE:
        return Amendment(**fields, old=block.text, new=f"Alternative text {number};")
    return Amendment(**fields, old=block.text)


@st.composite
def amendment_lists(draw, max_size: int = 8) -> list[Amendment]:
    size = draw(st.integers(0, max_size))
    return [draw(an_amendment(number)) for number in range(1, size + 1)]


def _shape(document):
    return [(b.id, b.kind, b.text, b.parent, b.marks) for b in document.all_blocks()]


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(amendment_lists())
def test_rejecting_everything_gives_back_the_base(items):
    for amendment in items:
        amendment.status = AGREED
    applied = consolidated(BASE, items)  # applying them all works: what collides is skipped, never half-applied
    assert len(applied.all_blocks()) >= len(BASE.all_blocks()) - len(items) * 3
    for amendment in items:
        amendment.status = REJECTED
    assert _shape(consolidated(BASE, items)) == _shape(BASE)
    view = markup(BASE, items)
    assert [(r.id, r.state) for r in view.blocks] == [(b.id, "normal") for b in BASE.all_blocks()]
    assert all(s.op == "equal" for r in view.blocks for s in r.segments)


@SETTINGS
@given(amendment_lists())
def test_markup_never_loses_base_text(items):
    view = markup(BASE, items, AmendmentFilter(statuses=STATUSES))
    shown_once = {}
    for record in view.blocks:
        if record.state in ("normal", "deleted", "moved-to") or (record.state == "moved-from"
                                                                 and record.id not in shown_once):
            shown_once.setdefault(record.id, record.old_text())
    assert shown_once == {b.id: b.text for b in BASE.all_blocks()}
    for record in view.blocks:
        for segment in record.segments:
            assert (segment.author is None) == (segment.op == "equal")
            if segment.op == INSERT and record.state not in ("inserted", "alternative"):
                assert view.amendments[segment.amendment].kind == REPLACE


@SETTINGS
@given(amendment_lists(), st.randoms(use_true_random=False))
def test_consolidated_does_not_depend_on_order_of_entry(items, random):
    anchors = [a.target if a.kind == INSERT_BLOCK else a.after for a in items if a.kind in (INSERT_BLOCK, MOVE_BLOCK)]
    assume(len(anchors) == len(set(anchors)))  # paragraphs placed after one anchor are ordered by entry, on purpose
    expected = _shape(consolidated(BASE, items, statuses=LIVE_STATUSES))
    shuffled = [copy.deepcopy(a) for a in items]
    random.shuffle(shuffled)
    for number, amendment in enumerate(shuffled, start=1):  # entered in another order: other ids
        amendment.id = f"a{number}"
    assert _shape(consolidated(BASE, shuffled, statuses=LIVE_STATUSES)) == expected


@SETTINGS
@given(amendment_lists(), st.lists(st.sampled_from(STATUSES), min_size=8, max_size=8), amendment_lists(3))
def test_labels_are_stable(items, statuses, later):
    labels = proposal_labels(INDEX, items)
    for amendment, status in zip(items, statuses, strict=False):
        amendment.status = status
    assert proposal_labels(INDEX, items) == labels
    assert markup(BASE, items, AmendmentFilter(statuses=STATUSES)).labels == labels
    for number, amendment in enumerate(later, start=len(items) + 1):
        amendment.id = f"a{number}"
    assert {k: v for k, v in proposal_labels(INDEX, items + later).items() if k in labels} == labels
    base_labels = {r.id: r.label for r in markup(BASE, items).blocks if r.state == "normal"}
    assert all(INDEX.labels[ident] == label for ident, label in base_labels.items())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(amendment_lists(7), st.lists(st.booleans(), min_size=7, max_size=7))
def test_revision_then_pending_equals_original_with_all(tmp_path_factory, items, accept):
    live = [a for a in items if a.status in LIVE_STATUSES]
    assume(not find_collisions(BASE, live))
    # A paragraph placed after one that is itself deleted or moved has no single right place once
    # the other is accepted first (apply.py places it where the anchor stood); leave those out.
    displaced = {a.target for a in live if a.kind in (DELETE_BLOCK, MOVE_BLOCK)}
    assume(not any((a.after if a.kind == MOVE_BLOCK else a.target) in displaced
                   for a in live if a.kind in (INSERT_BLOCK, MOVE_BLOCK)))
    for amendment, accepted in zip(items, accept, strict=False):
        if amendment.status in LIVE_STATUSES:
            amendment.status = AGREED if accepted else "proposed"
    path = tmp_path_factory.mktemp("rev") / "d.resdesk"
    with create_document(path, BASE) as doc:
        for amendment in items:
            stored = copy.deepcopy(amendment)
            if stored.new_block is not None:
                stored.new_block.id = ""
            add_amendment(doc, stored)
        originals = amendments(doc, "original")
        everything = consolidated(BASE, originals, statuses=LIVE_STATUSES)
        create_revision(doc)
        revised = load(doc)
        pending = amendments(doc)
        # Only a second deletion of a paragraph already deleted goes stale (same outcome either way).
        assert all(a.kind == DELETE_BLOCK and a.target not in {b.id for b in revised.all_blocks()}
                   for a in pending if a.stale)
        again = consolidated(revised, pending, statuses=LIVE_STATUSES)
    assert _shape(again) == _shape(everything)


@SETTINGS
@given(amendment_lists())
def test_comparing_versions_gives_back_the_changes(items):
    from resdesk.amend.apply import apply_amendments
    from resdesk.views.compare import compare, version_changes

    for amendment in items:
        amendment.status = AGREED
    revised = consolidated(BASE, items)
    revised.version = "Rev.1"
    # Marks over changed words may be cut differently (the diff finds its own ranges); footnotes are kept.
    def text_shape(document):
        return [(b.id, b.kind, b.text, b.parent, [m.target for m in b.marks if m.kind == "footnote"])
                for b in document.all_blocks()]

    assert text_shape(apply_amendments(BASE, version_changes(BASE, revised)).document) == text_shape(revised)
    view = compare(BASE, revised)
    kept = [r for r in view.blocks if r.state not in ("deleted", "moved-from")]
    assert sorted((r.id, r.new_text()) for r in kept) == sorted((b.id, b.text) for b in revised.all_blocks())

"""Markup benchmark: 1,000 amendments by 50 delegations on a 700-paragraph text (target: markup ≤ 200 ms).

Times the markup view (the one function every consumer uses), the collisions,
the consolidated text and the JSON outline of the markup view. Prints medians;
asserts nothing about time. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import time

from resdesk.amend.collisions import find_collisions
from resdesk.views import markup as markup_module
from resdesk.views.consolidated import consolidated
from resdesk.views.markup import markup
from resdesk.views.outline import negotiation_outline
from synthetic_amendments import synthetic_amendments, synthetic_document


def _median_ms(action, repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_bench_markup_1000_amendments_700_paragraphs():
    document = synthetic_document(700)
    amendments = synthetic_amendments(document, 1000, 50)
    view = markup(document, amendments)
    assert len({a.author for a in amendments}) == 50
    assert len(view.blocks) > 700
    def cold_markup():
        markup_module._SEGMENTS.clear()  # nothing remembered: as when a document is opened
        markup(document, amendments)

    results = {
        "markup view (computed from scratch)": _median_ms(cold_markup),
        "markup view again after a change (paragraphs remembered)": _median_ms(lambda: markup(document, amendments)),
        "collisions": _median_ms(lambda: find_collisions(document, amendments)),
        "consolidated": _median_ms(lambda: consolidated(document, amendments)),
        "outline --view markup (JSON dict)": _median_ms(
            lambda: negotiation_outline(document, amendments, [], view="markup"), repeat=5),
    }
    print()
    print(f"{len(document.blocks)} blocks, {len(amendments)} amendments, {len(view.blocks)} markup records, "
          f"{len(view.collisions)} colliding amendments")
    for name, value in results.items():
        print(f"{name:58} {value:8.1f} ms (median)")

"""Word export benchmarks: clean and tracked export of a 700-paragraph text with 1,000 amendments by five
delegations, against python-docx writing the same paragraphs plain (the target: at most three times as long).

Run with `.venv/bin/python -m pytest -s tests/bench/test_bench_docx.py`; numbers go to docs/benchmarks/docx.md.
Nothing here asserts a time.
"""

from __future__ import annotations

import io
import statistics
import time

import pytest

from resdesk.amend.filters import AmendmentFilter
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx.tracked import render_tracked
from resdesk.model.amendment import ALTERNATIVE, DELETE_BLOCK, INSERT_BLOCK, MOVE_BLOCK, REPLACE, Amendment
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, Block, Document, Footnote, Meta
from resdesk.text.inline import FOOTNOTE, Mark
from resdesk.views.export_input import ExportOptions, export_input

DELEGATIONS = ("Brazil", "Canada", "Mexico", "European Union", "Japan")
PP_OPENINGS = ("Recalling", "Reaffirming", "Deeply concerned", "Noting with appreciation", "Recognizing also")
OP_OPENINGS = ("Urges", "Also requests", "Calls upon", "Encourages", "Further invites", "Decides")
REPEAT = 9


def long_text(paragraphs: int = 700) -> Document:
    blocks = [Block("b0", FORMULA, "The General Assembly,")]
    footnotes = {}
    for n in range(1, paragraphs):
        if n <= paragraphs * 3 // 10:
            text = (f"{PP_OPENINGS[n % 5]} the importance of item {n} of the programme of work, and of its "
                    f"resolution 66/{100 + n} on cooperation among States in matters of common concern,")
            kind = PREAMBULAR
        else:
            text = (f"{OP_OPENINGS[n % 6]} Member States to strengthen cooperation on matter {n}, in accordance "
                    "with international law and within existing resources, and to report thereon;")
            kind = OPERATIVE
        marks = []
        if n % 25 == 0:
            footnotes[f"f{n}"] = Footnote(f"f{n}", f"Resolution {60 + n % 20}/{n}.")
            marks.append(Mark(FOOTNOTE, len(text) - 1, len(text) - 1, f"f{n}"))
        blocks.append(Block(f"b{n}", kind, text, marks))
    return Document(meta=Meta(symbol="A/C.3/81/L.7", session="Eighty-first session", committee="Third Committee",
                              agenda_item="108", agenda_title="Synthetic", distribution="Limited", date="2026-10-01",
                              original_language="en", sponsors=["Brazil", "Chile"], title="A long resolution"),
                    blocks=blocks, footnotes=footnotes)


def thousand_amendments(document: Document) -> list[Amendment]:
    """1,000 amendments by five delegations: mostly word changes; new, deleted, moved and alternative paragraphs."""
    amendments = []
    blocks = document.blocks[1:]
    for n in range(1000):
        block = blocks[(n * 7) % len(blocks)]
        author = DELEGATIONS[n % 5]
        ident, created = f"a{n + 1}", f"2026-10-{1 + n % 28:02d}T10:{n % 60:02d}:00Z"
        if n % 50 == 1:
            new = Block(f"n{n}", block.kind, f"Encourages further efforts on question {n};")
            amendments.append(Amendment(ident, "original", author, INSERT_BLOCK, block.id, new_block=new,
                                        created=created))
        elif n % 50 == 2:
            amendments.append(Amendment(ident, "original", author, DELETE_BLOCK, block.id, old=block.text,
                                        created=created))
        elif n % 50 == 3:
            after = blocks[(n * 7 + 11) % len(blocks)].id
            amendments.append(Amendment(ident, "original", author, MOVE_BLOCK, block.id, after=after,
                                        created=created))
        elif n % 50 == 4:
            amendments.append(Amendment(ident, "original", author, ALTERNATIVE, block.id, old=block.text,
                                        new=f"Alternative text number {n};", created=created))
        else:
            word = block.text.split()[2 + n % 5]
            start = block.text.index(word)
            amendments.append(Amendment(ident, "original", author, REPLACE, block.id, start=start,
                                        end=start + len(word), old=word, new=word + " and more", created=created))
    return amendments


def medians(**actions) -> dict[str, float]:
    """Median seconds of each action, run in turn REPEAT times (interleaved, so load from other processes on a
    shared machine falls on all of them alike)."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(REPEAT):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(values) for name, values in times.items()}


@pytest.fixture(scope="module")
def inputs():
    document = long_text()
    return document, thousand_amendments(document)


def plain_python_docx(document: Document) -> bytes:
    import docx

    word = docx.Document()
    for block in document.blocks:
        word.add_paragraph(block.text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_bench_docx_exports(inputs):
    document, amendments = inputs
    def prepared():
        return export_input(document, amendments, AmendmentFilter(), ExportOptions(mode="tracked"))

    def tracked():
        return render_tracked(prepared())

    result = medians(plain=lambda: plain_python_docx(document), clean=lambda: render_clean(document),
                     tracked=tracked)
    plain, clean, tracked_time = result["plain"], result["clean"], result["tracked"]
    text = prepared()
    shown = len(text.revisions.amendments)
    print(f"\n700 paragraphs, {len(amendments)} amendments ({shown} shown as revisions, "
          f"{len(text.skipped)} colliding ones as comments), median of {REPEAT}:")
    print(f"  python-docx plain paragraphs : {plain * 1000:7.1f} ms")
    print(f"  clean export                 : {clean * 1000:7.1f} ms  ({clean / plain:.2f} x plain)")
    print(f"  tracked export               : {tracked_time * 1000:7.1f} ms  ({tracked_time / plain:.2f} x plain)")

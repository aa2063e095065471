"""Exports linear in the marks of a paragraph: 14,000 links in one paragraph took 20 s (AKN), 9 s (Word) and
37 s (PDF), and doubling them cost 3.7 times as much. The sweep that says which marks cover each piece of a
text (`Coverage`) is checked against the definition it replaces."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdesk.model.document import FORMULA, OPERATIVE, Block, Document, Meta
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document
from resdesk.text.inline import BOLD, ITALIC, LINK, Coverage, Mark
from resdesk.views.export import prepare_export
from resdesk.views.export_input import ExportOptions

LINKS = 28_000
BOUND_S = 10.0  # the quadratic exporters took 36 s (Word) to 150 s (PDF) for this paragraph; now 0.3-3 s


def _paragraph_of_links(count: int) -> Document:
    words = [f"{60 + i % 20}/{i}" for i in range(count)]
    text = "Recalls its resolutions " + " ".join(words) + ";"
    marks, position = [Mark(ITALIC, 0, len(text))], len("Recalls its resolutions ")
    for word in words:
        marks.append(Mark(LINK, position, position + len(word), f"A/RES/{word}"))
        position += len(word) + 1
    return Document(meta=Meta(symbol="A/80/L.1", title="Links"),
                    blocks=[Block("b1", FORMULA, "The General Assembly,"), Block("b2", OPERATIVE, text, marks)])


@pytest.fixture(scope="module")
def links_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("links") / "links.resdesk"
    create_document(path, _paragraph_of_links(LINKS)).close()
    return path


@pytest.mark.parametrize("suffix", ["xml", "docx", "pdf"])
def test_a_paragraph_of_28000_links_exports_in_seconds(links_doc, tmp_path, suffix):
    if suffix == "xml":
        from resdesk.formats.akn_export import export_akn as export
    elif suffix == "docx":
        from resdesk.formats.docx_export import export_docx as export
    else:
        pytest.importorskip("PySide6")
        from resdesk.ui.printing.pdf_export import export_pdf as export
    started = time.perf_counter()
    with DocumentFile.open(links_doc, readonly=True) as doc:
        export(prepare_export(doc, ExportOptions()), tmp_path / f"out.{suffix}")
    assert time.perf_counter() - started < BOUND_S
    data = (tmp_path / f"out.{suffix}").read_bytes()
    if suffix == "xml":
        assert data.count(b"<a href=") == LINKS


def _naive(marks: list[Mark], left: int, right: int) -> tuple[bool, bool, str]:
    """What every exporter computed for each piece, scanning every mark."""
    active = [m for m in marks if m.kind != "footnote" and m.start <= left and right <= m.end]
    return (any(m.kind == ITALIC for m in active), any(m.kind == BOLD for m in active),
            next((m.target for m in active if m.kind == LINK), ""))


MARKS = st.lists(st.builds(lambda kind, start, length, target: Mark(kind, start, start + length, target),
                           st.sampled_from([ITALIC, BOLD, LINK, "footnote"]), st.integers(-3, 40),
                           st.integers(0, 20), st.sampled_from(["", "a", "b"])), max_size=25)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(MARKS, st.integers(1, 50))
def test_coverage_says_what_scanning_every_mark_said(marks, length):
    cuts = sorted({0, length, *(p for m in marks for p in (m.start, m.end) if 0 <= p <= length)})
    coverage = Coverage(marks)
    for left, right in zip(cuts, cuts[1:], strict=False):
        assert coverage.at(left) == _naive(marks, left, right)

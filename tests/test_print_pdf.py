"""PDF export in UN layout, read back with poppler: text, pages, footnotes, masthead, fonts, options."""

from __future__ import annotations

import os
import statistics

import pytest

from conftest import run_cli
from pdfread import (
    body_words,
    diagonal_text,
    find_run,
    fonts,
    need_poppler,
    normal_words,
    page_count,
    page_sizes,
    page_text,
    words,
)
from resdesk.model.document import OPERATIVE, PREAMBULAR
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load

SYMBOL = "A/C.3/68/L.5"
FOOTNOTE = "General Assembly resolution 60/288."


@pytest.fixture(autouse=True)
def _poppler():
    need_poppler()


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory):
    """The seed imported into a document file, with a symbol and a job number (the seed has neither)."""
    from conftest import SEED

    path = tmp_path_factory.mktemp("seed") / "seed.resdesk"
    result = run_cli("import", SEED, "-o", path)
    assert result.returncode == 0, result.stderr
    result = run_cli("meta", path, "--set", f"symbol={SYMBOL}", "job_number=13-49218")
    assert result.returncode == 0, result.stderr
    return path


def export(doc, out, *extra):
    result = run_cli("export", doc, "-o", out, *extra)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def seed_pdf(seed_file, tmp_path_factory):
    return export(seed_file, tmp_path_factory.mktemp("pdf") / "seed.pdf")


def seed_document(seed_file):
    with DocumentFile.open(seed_file, readonly=True) as doc:
        return load(doc)


def test_seed_letter_pdf_holds_every_paragraph_in_order(seed_file, seed_pdf):
    document = seed_document(seed_file)
    stream = body_words(words(seed_pdf))
    position = 0
    paragraphs = [b for b in document.blocks if b.kind in (PREAMBULAR, OPERATIVE)]
    assert len(paragraphs) == 25
    for block in paragraphs:
        found = find_run(normal_words(block.text), stream, position)
        assert found is not None, f"paragraph not printed whole and in order: {block.text[:60]}…"
        position = found
    assert page_sizes(seed_pdf) == [(612.0, 792.0)] * page_count(seed_pdf)
    assert page_count(seed_pdf) >= 3


def test_footnote_is_on_the_page_of_pp3_and_printed_once(seed_file, seed_pdf):
    document = seed_document(seed_file)
    pp3 = [b for b in document.blocks if b.kind == PREAMBULAR][2]
    all_words = words(seed_pdf)
    texts = [w.text for w in all_words]
    (anchor,) = [m.start for m in pp3.marks if m.kind == "footnote"]
    end = find_run(normal_words(pp3.text[:anchor])[-4:], texts)
    marker_page = all_words[end].page
    assert all_words[end].text == "1" and all_words[end].height < 8, "PP3's marker is a superscript 1"
    pages = [page_text(seed_pdf, n) for n in range(1, page_count(seed_pdf) + 1)]
    holding = [n for n, text in enumerate(pages, start=1) if FOOTNOTE in " ".join(text.split())]
    assert holding == [marker_page]
    # OP13 refers to the same footnote again: same number, no second footnote.
    op13 = [b for b in document.blocks if b.kind == OPERATIVE][12]
    (anchor13,) = [m.start for m in op13.marks if m.kind == "footnote"]
    end13 = find_run(normal_words(op13.text[:anchor13])[-3:], texts)
    assert all_words[end13].text == "1" and all_words[end13].height < 8


def test_masthead_and_running_headers(seed_pdf):
    first = " ".join(page_text(seed_pdf, 1).split())
    for expected in ("United Nations", "General Assembly", "Distr.: Limited", "1 October 2013", "Original: English",
                     "Sixty-eighth session", "Third Committee", "Agenda item 108", "Note by the Secretariat",
                     "Technical assistance for implementing"):
        assert expected in first
    all_words = words(seed_pdf)
    total = page_count(seed_pdf)
    for page in range(2, total + 1):
        symbol = [w for w in all_words if w.page == page and w.text == SYMBOL]
        assert symbol, f"no symbol in the header of page {page}"
        assert symbol[0].y1 < 64.8, "the symbol is in the header, above its rule"
        folio = [w for w in all_words if w.page == page and w.text == f"{page}/{total}"]
        assert folio and folio[0].y0 > 730, f"page {page} has its n/N at the foot"
        if page % 2 == 0:
            assert symbol[0].x0 == pytest.approx(60, abs=1) and folio[0].x0 == pytest.approx(60, abs=1)
        else:
            assert symbol[0].x1 == pytest.approx(552, abs=1) and folio[0].x1 == pytest.approx(552, abs=1)
    page1_symbol = [w for w in all_words if w.page == 1 and "/C.3/68/L.5" in w.text]
    assert page1_symbol and page1_symbol[0].x1 == pytest.approx(552, abs=1)


def test_body_is_serif_10_on_12(seed_pdf):
    used = fonts(seed_pdf)
    assert any(name in ("LiberationSerif", "TimesNewRomanPSMT") for name in used), used
    assert any(name.endswith("-Italic") or name.endswith("Italic") for name in used), used
    body = [w for w in words(seed_pdf) if w.page == 2 and w.x0 >= 123 and w.x1 <= 492 and w.height > 10]
    # Liberation Serif / Times New Roman: ascent + descent = 1.107 em, so a 10 pt word box is 11.07 pt high.
    assert statistics.median(w.height for w in body) == pytest.approx(11.07, abs=0.05)
    tops = sorted({round(w.y0, 2) for w in body})
    pitches = [b - a for a, b in zip(tops, tops[1:], strict=False) if b - a < 13]
    assert pitches and all(p == pytest.approx(12.0, abs=0.05) for p in pitches)
    indents = {round(w.x0, 1) for w in body}
    assert 123.4 in indents, "wrapped lines start at the column edge"
    assert round(123.4 + 47.5, 1) in indents, "OP text starts at the tab"


def test_a4_paper(seed_file, tmp_path):
    pdf = export(seed_file, tmp_path / "a4.pdf", "--page", "a4")
    assert page_sizes(pdf) == [(595.0, 842.0)] * page_count(pdf)


def test_line_numbers_restart_on_each_page(seed_file, tmp_path):
    pdf = export(seed_file, tmp_path / "numbered.pdf", "--line-numbers")
    all_words = words(pdf)
    for page in range(1, page_count(pdf) + 1):
        numbers = [w for w in all_words if w.page == page and w.x0 > 80 and w.x1 < 118 and w.text.isdigit()]
        assert numbers and [int(w.text) for w in numbers] == list(range(1, len(numbers) + 1))
        bottoms = [w.y1 for w in all_words if w.page == page and w.x0 >= 123 and w.height > 10]
        assert all(any(abs(n.y1 - b) < 1 for b in bottoms) for n in numbers), "each number sits on a body line"
        if page > 1:
            assert len(numbers) == len({round(b, 1) for b in bottoms}), "every body line is numbered"
    plain = words(export(seed_file, tmp_path / "plain.pdf"))
    assert not [w for w in plain if w.x0 > 80 and w.x1 < 118 and w.text.isdigit()]


def test_watermark(seed_file, tmp_path):
    pdf = export(seed_file, tmp_path / "draft.pdf", "--watermark")
    draft = words(pdf)
    for page in range(1, page_count(pdf) + 1):
        assert diagonal_text(draft, page, 612, 792) == "DRAFT\u2014notforcirculation"
    clean = words(export(seed_file, tmp_path / "clean.pdf"))
    assert diagonal_text(clean, 1, 612, 792) == ""
    custom = words(export(seed_file, tmp_path / "custom.pdf", "--watermark", "Informal consultations"))
    assert diagonal_text(custom, 2, 612, 792) == "Informalconsultations"


def test_export_is_deterministic(seed_file, tmp_path):
    first = export(seed_file, tmp_path / "one.pdf").read_bytes()
    second = export(seed_file, tmp_path / "two.pdf").read_bytes()
    assert first == second


def test_bad_paper_or_unwritable_output_is_one_sentence(seed_file, tmp_path):
    result = run_cli("export", seed_file, "-o", tmp_path / "missing" / "out.pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("resdesk: error:") and "Traceback" not in result.stderr
    assert not (tmp_path / "missing").exists()


def test_export_needs_no_display(seed_file, tmp_path):
    """`resdesk export … .pdf` starts an offscreen Qt by itself when there is no display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_cli("export", seed_file, "-o", tmp_path / "headless.pdf", env=env)
    assert result.returncode == 0, result.stderr
    assert page_count(tmp_path / "headless.pdf") >= 3


def test_cli_watermark_default_is_the_export_default():
    from resdesk.cli import build_parser
    from resdesk.views.export_input import DEFAULT_WATERMARK

    args = build_parser().parse_args(["export", "d.resdesk", "-o", "x.pdf", "--watermark"])
    assert args.watermark == DEFAULT_WATERMARK

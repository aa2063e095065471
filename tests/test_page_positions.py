"""The UN page, read back from both outputs: the seed through our PDF and through Word (rendered by a real
LibreOffice), on Letter and A4, has its masthead, running heads, body lines and footnotes where the UN
puts them (issue 14's figures, `resdesk.un.page`) within 2 pt, and both have the same number of pages."""

from __future__ import annotations

import pytest

from conftest import SEED, run_cli
from office import SOFFICE, convert
from resdesk.un import code39
from resdesk.un import page as un
from resdesk.un.address import document_address, qr_modules

pymupdf = pytest.importorskip("pymupdf", reason="pymupdf reads the positions back (pip install '.[test]')")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) renders the Word files")]

SYMBOL, JOB = "A/C.3/68/L.5", "13-49218"
HEIGHTS = {"letter": 792.0, "a4": 841.9}
CLOSE = 2.0


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[tuple[str, str], object]:
    """(paper, "pdf" | "word") -> the opened PDF."""
    folder = tmp_path_factory.mktemp("page")
    doc = folder / "seed.resdesk"
    # one preambular paragraph long enough to fill page 2 to its last line
    text = SEED.read_text(encoding="utf-8")
    stressing = next(line for line in text.splitlines() if line.startswith("Stressing again"))
    (folder / "seed.txt").write_text(text.replace(stressing, stressing[:-1] + " " + stressing[:-1] * 30 + ","),
                                     encoding="utf-8")
    for args in (("import", folder / "seed.txt", "-o", doc),
                 ("meta", doc, "--set", f"symbol={SYMBOL}", f"job_number={JOB}")):
        assert run_cli(*args).returncode == 0
    words = []
    for paper in HEIGHTS:
        for suffix in ("pdf", "docx"):
            result = run_cli("export", doc, "-o", folder / f"{paper}.{suffix}", "--page", paper)
            assert result.returncode == 0, result.stderr
        words.append(folder / f"{paper}.docx")
    converted = convert(words, "pdf", folder / "word")
    opened = {}
    for paper, word_pdf in zip(HEIGHTS, converted, strict=True):
        opened[paper, "pdf"] = pymupdf.open(folder / f"{paper}.pdf")
        opened[paper, "word"] = pymupdf.open(word_pdf)
    return opened


def spans(page) -> list[dict]:
    return [span for block in page.get_text("dict")["blocks"] for line in block.get("lines", [])
            for span in line["spans"] if span["text"].strip()]


def span(page, text: str) -> dict:
    found = [s for s in spans(page) if s["text"].strip().startswith(text)]
    assert found, f"no {text!r} on page {page.number + 1}"
    return found[0]


def at(found: dict, x: float | None, baseline: float) -> None:
    origin_x, origin_y = found["origin"]
    if x is not None:
        assert origin_x == pytest.approx(x, abs=CLOSE), found["text"]
    assert origin_y == pytest.approx(baseline, abs=CLOSE), found["text"]


def rules(page, min_length: float = 0.0) -> list[tuple[float, float, float, float]]:
    """Horizontal lines drawn on the page: (x0, x1, y, width)."""
    found = []
    for drawing in page.get_drawings():
        rect = drawing["rect"]
        if rect.height <= 1.0 and rect.width >= min_length and drawing.get("type") != "f":
            found.append((rect.x0, rect.x1, (rect.y0 + rect.y1) / 2, drawing.get("width") or 0.0))
    return found


def rule_at(page, y: float, min_length: float, width: float | None = None) -> tuple[float, float, float, float]:
    near = [r for r in rules(page, min_length) if abs(r[2] - y) <= CLOSE]
    assert near, f"no rule at {y} on page {page.number + 1}: {rules(page)}"
    if width is not None:
        assert any(abs(r[3] - width) <= 0.3 for r in near), near
    return near[0]


def body_baselines(page) -> list[float]:
    return sorted({round(s["origin"][1], 1) for s in spans(page)
                   if abs(s["size"] - 10) < 0.2 and s["origin"][0] >= un.COLUMN_LEFT - 1})


def image_at(page, box: tuple[float, float, float, float]):
    """The picture whose bounds are `box` (left, top, width, height) within 2 pt, as a grey pixmap."""
    left, top, width, height = box
    found = [info for info in page.get_image_info(xrefs=True)
             if pytest.approx(tuple(info["bbox"]), abs=CLOSE) == (left, top, left + width, top + height)]
    assert found, f"no picture at {box}: {[info['bbox'] for info in page.get_image_info()]}"
    return pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.Pixmap(page.parent, found[0]["xref"]))


CASES = [(paper, output) for paper in HEIGHTS for output in ("pdf", "word")]


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_masthead(rendered, paper, output):
    first = rendered[paper, output][0]
    at(span(first, "United Nations"), un.MASTHEAD_LEFT, un.PUBLISHER_BASELINE)
    at(span(first, "A"), None, un.PUBLISHER_BASELINE)
    organ = span(first, "General Assembly")
    at(organ, un.MASTHEAD_LEFT, un.ORGAN_BASELINE)
    assert organ["size"] == pytest.approx(un.ORGAN_SIZE, abs=0.5) and "Bold" in organ["font"]
    at(span(first, "Distr.: Limited"), un.RIGHT_BLOCK_LEFT, un.ORGAN_BASELINE)
    rule_at(first, un.THIN_RULE, 400)
    rule_at(first, un.THICK_RULE, 400, width=un.THICK_RULE_WIDTH)


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_running_head_and_body_lines(rendered, paper, output):
    document = rendered[paper, output]
    second = document[1]
    head = span(second, SYMBOL)
    at(head, un.PAGE_MARGIN, un.RUNNING_HEAD_BASELINE)
    rule_at(second, un.THIN_RULE, 400)
    assert body_baselines(second)[0] == pytest.approx(un.BODY_FIRST_BASELINE, abs=CLOSE)
    full_pages = [document[n] for n in range(1, len(document) - 1)]
    lowest = max(body_baselines(page)[-1] for page in full_pages)
    assert lowest == pytest.approx(HEIGHTS[paper] - un.BODY_LAST_BASELINE_FROM_BOTTOM, abs=CLOSE)


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_footnotes(rendered, paper, output):
    document = rendered[paper, output]
    first = next(page for page in document if "General Assembly resolution 60/288." in page.get_text())
    note = span(first, "General Assembly resolution 60/288.")
    assert note["origin"][0] == pytest.approx(un.COLUMN_LEFT, abs=CLOSE)
    assert note["size"] == pytest.approx(un.NOTE_SIZE, abs=0.2)
    numbers = [s for s in spans(first) if s["text"].strip() == "1" and s["origin"][1] > note["origin"][1] - 5]
    assert numbers and numbers[0]["origin"][0] == pytest.approx(un.NOTE_NUMBER_LEFT, abs=CLOSE)
    marks = [s for s in spans(first) if s["text"].strip() == "1" and s["origin"][1] < note["origin"][1] - 20]
    assert marks and marks[0]["size"] == pytest.approx(un.NOTE_MARK_SIZE, abs=0.3)
    if output == "pdf":  # LibreOffice draws its own separator (a quarter of the text width from the margin)
        separator = rule_at(first, note["origin"][1] - 12.6, 50)
        assert separator[:2] == pytest.approx((un.NOTE_RULE_LEFT, un.NOTE_RULE_RIGHT), abs=CLOSE)


@pytest.mark.parametrize("paper", list(HEIGHTS))
def test_word_and_pdf_have_the_same_pages(rendered, paper):
    ours, word = rendered[paper, "pdf"], rendered[paper, "word"]
    assert len(ours) == len(word) >= 3


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_links_are_blue_and_the_pdf_ones_clickable(rendered, paper, output):
    first = rendered[paper, output][0]
    number = span(first, "66/171")
    assert number["color"] == int(un.LINK_COLOUR, 16)
    assert span(first, "Recalling")["color"] == 0  # the text around stays black
    uris = [link.get("uri") for link in first.get_links()]
    assert "https://undocs.org/en/A/RES/66/171" in uris


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_first_page_footer(rendered, paper, output):
    first = rendered[paper, output][0]
    line = span(first, JOB)
    assert " ".join(line["text"].split()) == f"{JOB} (E) 011013"
    assert line["size"] == pytest.approx(un.FIRST_FOOTER_SIZE, abs=0.2)
    at(line, un.PAGE_MARGIN, HEIGHTS[paper] - un.FIRST_FOOTER_BASELINE_FROM_BOTTOM)
    box = un.barcode_box(code39.width("1349218"), HEIGHTS[paper])
    if output == "word":  # a picture of the same bars, one pixel a module, at the PDF's place
        found = image_at(first, box)
        pixels = found.samples[:found.width * found.n:found.n]
        assert [value < 128 for value in pixels] == code39.row("1349218")
    if output == "pdf":  # the job number in Code 39 under it, read back from the bars' widths
        top = box[1]
        bars = sorted((d["rect"] for d in first.get_drawings() if d.get("fill") is not None
                       and abs(d["rect"].y0 - top) < 1 and d["rect"].x1 <= box[0] + box[2] + 0.5), key=lambda r: r.x0)
        widths = "".join("1" if r.width > 1.5 * un.BARCODE_MODULE else "0" for r in bars)
        assert widths == "".join(code39.PATTERNS[c][0::2] for c in "*1349218*")


def modules_read(sample, size: int) -> list[list[bool]]:
    """A square of `size` × `size` modules read at their centres: `sample(x, y)` is True where dark (0…1 across)."""
    return [[sample((column + 0.5) / size, (row + 0.5) / size) for column in range(size)] for row in range(size)]


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_qr_code_of_the_address(rendered, paper, output):
    first = rendered[paper, output][0]
    expected = qr_modules(SYMBOL)
    assert expected and document_address(SYMBOL) == f"http://undocs.org/{SYMBOL}"
    box = un.qr_box(612.0 if paper == "letter" else 595.3, HEIGHTS[paper])
    left, top, size, _ = box
    if output == "word":
        found = image_at(first, box)
        found_modules = modules_read(lambda x, y: found.pixel(int(x * found.width), int(y * found.height))[0] < 128,
                                     len(expected))
    else:
        squares = [d["rect"] for d in first.get_drawings() if d.get("fill") is not None
                   and d["rect"].x0 >= left - 0.5 and d["rect"].y0 >= top - 0.5 and d["rect"].y1 <= top + size + 0.5]
        assert squares
        found_modules = modules_read(lambda x, y: any(r.contains((left + x * size, top + y * size)) for r in squares),
                                     len(expected))
    assert found_modules == expected


@pytest.mark.parametrize(("paper", "output"), CASES)
def test_please_recycle(rendered, paper, output):
    first = rendered[paper, output][0]
    words = span(first, "Please recycle")
    assert words["size"] == pytest.approx(un.RECYCLE_SIZE, abs=0.2)
    right, baseline = un.recycle_place(612.0 if paper == "letter" else 595.3, HEIGHTS[paper])
    line = [s for s in spans(first)
            if abs(s["origin"][1] - words["origin"][1]) < 1 and s["bbox"][0] >= words["bbox"][0]]
    assert "".join(s["text"] for s in line).split() == ["Please", "recycle", "\u2672"]  # the symbol is drawn, not blank
    assert max(s["bbox"][2] for s in line) == pytest.approx(right, abs=CLOSE)
    at(words, None, baseline)

"""The clean Word export as a real word processor renders it (LibreOffice → PDF and flat ODT, read back)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from docx_support import SYMBOL, seed_document
from office import convert, needs_office, pdf_fonts, pdf_info, pdf_pages, pdf_words
from resdesk.formats.docx.clean import render_clean
from resdesk.text.inline import FOOTNOTE

pytestmark = [needs_office, pytest.mark.slow]

ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
       "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    document = seed_document()
    letter, a4 = folder / "seed.docx", folder / "seed-a4.docx"
    letter.write_bytes(render_clean(document))
    a4.write_bytes(render_clean(document, page="a4"))
    pdf, pdf_a4 = convert([letter, a4], "pdf", folder)
    (fodt,) = convert([letter], "fodt", folder)
    return {"document": document, "pdf": pdf, "pdf_a4": pdf_a4, "fodt": fodt}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def with_markers(block, markers) -> str:
    text = block.text
    for anchor in sorted((m for m in block.marks if m.kind == FOOTNOTE), key=lambda m: -m.start):
        text = text[: anchor.start] + markers[anchor.target] + text[anchor.start:]
    return text


def test_page_size_and_fonts(rendered):
    assert pdf_info(rendered["pdf"])["Page size"].startswith("612 x 792 pts")
    assert pdf_info(rendered["pdf_a4"])["Page size"].startswith("595.3")
    assert "841.89" in pdf_info(rendered["pdf_a4"])["Page size"]
    fonts = pdf_fonts(rendered["pdf"])
    assert re.search(r"(LiberationSerif|TimesNewRoman)-Italic", fonts)
    assert re.search(r"(LiberationSerif|TimesNewRoman)-Bold", fonts)
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:]}
    # DejaVu Sans only draws page 1's recycling symbol (U+2672), which the serif faces lack
    assert families <= {"LiberationSerif", "TimesNewRoman", "TimesNewRomanPSMT", "DejaVuSans"}


def test_every_paragraph_is_printed_and_pages_are_numbered(rendered):
    pages = pdf_pages(rendered["pdf"])
    document = rendered["document"]
    markers = document.footnote_markers()
    whole = squeeze("".join(pages))
    for block in document.blocks:
        text = squeeze(with_markers(block, markers))
        assert text[:60] in whole and text[-40:] in whole, block.text[:60]
    total = len(pages)
    assert total == int(pdf_info(rendered["pdf"])["Pages"]) >= 3
    for number in range(2, total + 1):
        assert f"{number}/{total}" in pages[number - 1]
    assert f"1/{total}" not in pages[0]  # the first page has its own footer: the job number, no page number
    assert "13-49218 (E)" in pages[0]


def test_masthead_on_page_one_and_symbol_in_later_headers(rendered):
    pages = pdf_pages(rendered["pdf"])
    first_lines = [line.strip() for line in pages[0].splitlines() if line.strip()]
    assert first_lines[0].startswith("United Nations") and first_lines[0].endswith(SYMBOL)
    for fact in ("General Assembly", "Distr.: Limited", "1 October 2013", "Original: English",
                 "Sixty-eighth session", "Third Committee", "Agenda item 108", "Note by the Secretariat"):
        assert fact in pages[0]
    second = [line.strip() for line in pages[1].splitlines() if line.strip()]
    assert second[0] == SYMBOL  # even page: the symbol alone at the top, on the left
    words = pdf_words(rendered["pdf"])
    symbol_x = [x for word, x, y in words[1] if word == SYMBOL and y < 80]
    assert symbol_x and symbol_x[0] < 100  # left on even pages
    symbol_x3 = [x for word, x, y in words[2] if word == SYMBOL and y < 80]
    assert symbol_x3 and symbol_x3[0] > 400  # right on odd pages


def test_footnote_text_is_on_the_page_of_its_marker(rendered):
    pages = [squeeze(page) for page in pdf_pages(rendered["pdf"])]
    marker_page = next(i for i, page in enumerate(pages) if "Counter-TerrorismStrategy1and" in page)
    assert "1GeneralAssemblyresolution60/288." in pages[marker_page]
    # the second reference (OP13) repeats the number of footnote 1
    op13_page = next(i for i, page in enumerate(pages) if "Counter-TerrorismStrategy;1" in page)
    assert op13_page > marker_page


def test_operative_text_starts_23_8_pt_after_its_number(rendered):
    words = pdf_words(rendered["pdf"])
    gaps, numbers, pp_starts = [], [], []
    for page in words:
        for (word, x, y), (next_word, next_x, next_y) in zip(page, page[1:], strict=False):
            if re.fullmatch(r"\d+\.", word) and next_y == y and next_word[:1].isupper():
                gaps.append(next_x - x)
                numbers.append(x)
            if word in ("Recalling", "Stressing", "Reiterating") and x > 130:
                pp_starts.append(x)
    assert len(gaps) >= 13
    assert all(abs(gap - 23.75) < 0.6 for gap in gaps), gaps
    # the number and a PP's first word sit at the first-line indent: 123.4 + 23.75 pt from the edge
    assert all(abs(x - 147.15) < 1 for x in numbers + pp_starts)


def test_lines_are_10_pt_on_exactly_12_pt(rendered):
    words = pdf_words(rendered["pdf"])
    ys = sorted({round(y, 1) for word, x, y in words[1] if 90 < y < 600})
    steps = [round(b - a, 1) for a, b in zip(ys, ys[1:], strict=False)]
    assert steps.count(12.0) > len(steps) * 0.7


def test_opening_phrases_are_italic_in_the_word_processor(rendered):
    root = etree.parse(str(rendered["fodt"])).getroot()
    italic_styles = {
        style.get(f"{{{ODF['style']}}}name")
        for style in root.iter(f"{{{ODF['style']}}}style")
        if any(props.get(f"{{{ODF['fo']}}}font-style") == "italic"
               for props in style.iter(f"{{{ODF['style']}}}text-properties"))
    }
    spans = {(span.text or "").strip(): span.get(f"{{{ODF['text']}}}style-name")
             for span in root.iter(f"{{{ODF['text']}}}span")}
    for opening in ("Urges", "Recalling", "Stressing again", "Requests", "Calls upon", "Also calls upon"):
        assert spans.get(opening) in italic_styles, opening
    notes = list(root.iter(f"{{{ODF['text']}}}note"))
    assert len(notes) == 1
    assert "General Assembly resolution 60/288." in "".join(notes[0].itertext())


def test_a_file_saved_again_by_libreoffice_imports_the_same(rendered, tmp_path):
    """A delegation opens our file in LibreOffice and saves it as .docx: it still imports block for block."""
    from resdesk.formats.docx_import import import_docx
    from resdesk.views.outline import outline_json

    (resaved,) = convert([rendered["pdf"].with_suffix(".docx")], "docx:MS Word 2007 XML", tmp_path)
    back = import_docx(resaved.read_bytes(), resaved.name)
    document = rendered["document"]
    assert outline_json(back)["blocks"] == outline_json(document)["blocks"]
    assert outline_json(back)["meta"] == outline_json(document)["meta"]

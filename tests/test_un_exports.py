"""Every view and exporter applies the same conventions from `resdesk.un`: the opening (the formula's
comma roman; bold in Chinese, bold italic in Arabic), printed numbers ("1 -" in Arabic, a lone OP
unnumbered) and the masthead in the document's language."""

from __future__ import annotations

import pytest
from lxml import etree

from akn_samples import A_78_226, C_78_226, F_78_226, akn_sample
from docx_support import NS, W, paragraph_text, part, parts, seed_document
from resdesk.amend.filters import AmendmentFilter
from resdesk.formats.akn_export import akn_bytes
from resdesk.formats.akn_import import import_akn
from resdesk.formats.docx.clean import render_clean
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR
from resdesk.ui.printing.content import clean_flow, front_matter
from resdesk.ui.printing.tracked_flow import tracked_flow
from resdesk.views.export_input import ExportOptions, export_input
from resdesk.views.reading import outline_text

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def sample(name: str):
    return import_akn(akn_sample(name).read_bytes(), name)


def opening_runs(flow, text: str) -> list[tuple[str, bool, bool]]:
    """(text, italic, bold) of the first runs of the printed paragraph that starts with `text`."""
    paragraph = next(p for p in flow.items if getattr(p, "text", "").startswith(text))
    return [(run.text, run.style.italic, run.style.bold) for run in paragraph.runs[:2]]


def paragraphs(data: bytes) -> list[etree._Element]:
    """Every paragraph of a Word file's body, those in tables (the masthead) included, then its headers' (page 1's
    holds the masthead's top line)."""
    names = ["word/document.xml"] + [name for name in parts(data) if name.startswith("word/header")]
    return [p for name in names for p in part(data, name).iter(f"{W}p")]


def word_runs(data: bytes, text: str) -> list[tuple[str, bool, bool]]:
    """(text, italic, bold) of the runs of the Word paragraph whose text is `text`."""
    paragraph = next(p for p in paragraphs(data) if paragraph_text(p) == text)
    return [(paragraph_text(r), r.find("w:rPr/w:i", NS) is not None, r.find("w:rPr/w:b", NS) is not None)
            for r in paragraph.findall("w:r", NS)]


def test_english_formula_comma_is_roman_in_pdf_akn_and_outline():
    document = seed_document()
    assert opening_runs(clean_flow(document), "The General Assembly") == [
        ("The General Assembly", True, False), (",", False, False)]
    assert b'<span class="italic">The General Assembly</span>,' in akn_bytes(document)
    assert "*The General Assembly*," in outline_text(document)
    assert "*Stressing again* the need" in outline_text(document)


def test_chinese_openings_are_bold_everywhere():
    document = sample(C_78_226)
    formula = next(b for b in document.blocks if b.kind == FORMULA)
    pp1 = next(b for b in document.blocks if b.kind == PREAMBULAR)
    assert (formula.text, pp1.text[:2]) == ("大会，", "重申")
    assert word_runs(render_clean(document), "大会，") == [("大会", False, True), ("，", False, False)]
    assert opening_runs(clean_flow(document), "大会") == [("大会", False, True), ("，", False, False)]
    root = etree.fromstring(akn_bytes(document))
    spans = [span for span in root.iter(f"{AKN}span") if span.text in ("大会", "重申")]
    assert {span.get("class") for span in spans} == {"bold"}
    assert "**大会**，" in outline_text(document) and "**重申**" in outline_text(document)


def test_arabic_openings_are_bold_italic_and_operatives_numbered_with_a_dash():
    document = sample(A_78_226)
    ops = [b for b in document.blocks if b.kind == OPERATIVE]
    data = render_clean(document)
    first_op = next(p for p in paragraphs(data) if paragraph_text(p).endswith(ops[0].text))
    assert paragraph_text(first_op.findall("w:r", NS)[0]) == "1 -\t"
    assert word_runs(data, "إن الجمعية العامة،")[0] == ("إن الجمعية العامة", True, True)
    printed = next(p for p in clean_flow(document).items if getattr(p, "text", "") == ops[0].text)
    assert printed.label == "1 -" and printed.rtl
    root = etree.fromstring(akn_bytes(document))
    assert [num.text for num in root.iter(f"{AKN}num")][:2] == ["1 -", "2 -"]
    assert "***إن الجمعية العامة***،" in outline_text(document)


def test_every_arabic_title_block_paragraph_is_right_to_left():
    """One w:bidi per paragraph: an element shared by the sponsor line and the title stood in the last only."""
    from dataclasses import replace

    document = sample(A_78_226)
    document.meta = replace(document.meta, adoption_line="", report_line="", resolution_number="",
                            sponsors=["مصر", "الأردن"], note="")
    data = render_clean(document)
    sponsors = next(p for p in paragraphs(data) if "مشروع قرار" in paragraph_text(p))
    title = next(p for p in paragraphs(data) if paragraph_text(p) == document.meta.title)
    assert sponsors.find("w:pPr/w:bidi", NS) is not None and title.find("w:pPr/w:bidi", NS) is not None


def test_print_sets_an_opening_in_a_face_of_its_script(qapp):
    """The Arabic formula keeps the UN's bold italic in print, in a face that writes Arabic in that style (or
    slants its upright one); Chinese characters in italics stay upright; English keeps its italics."""
    from PySide6.QtGui import QRawFont

    from resdesk.ui.printing.content import Style
    from resdesk.ui.printing.textlayout import char_format
    from resdesk.un.languages import ARABIC_SCRIPT, HAN

    document = sample(A_78_226)
    formula = next(p for p in clean_flow(document).items if getattr(p, "text", "").startswith("إن الجمعية"))
    assert (formula.runs[0].style.italic, formula.runs[0].style.bold) == (True, True)
    font = char_format(formula.runs[0].style, formula.size, ARABIC_SCRIPT).font()
    assert font.bold() and font.italic()
    if not QRawFont.fromFont(font).supportsCharacter(0x0628):
        pytest.skip("no installed font writes Arabic (fonts-dejavu-core)")
    assert not char_format(Style(italic=True), 10.0, HAN).font().italic()
    english = next(p for p in clean_flow(seed_document()).items if getattr(p, "text", "").startswith("The General"))
    assert char_format(english.runs[0].style, english.size).font().italic()


def test_tracked_printing_numbers_as_the_language_does():
    document = sample(A_78_226)
    flow = tracked_flow(export_input(document, [], AmendmentFilter(), ExportOptions(mode="tracked")))
    front = len(front_matter(document.meta))  # an adopted resolution's number labels its title: "78/226."
    assert flow.items[front - 1].label == "78/226."
    labels = [p.label for p in flow.items[front:] if getattr(p, "label", "")]
    assert labels[:3] == ["1 -", "2 -", "3 -"]


def test_a_lone_operative_paragraph_is_unnumbered_in_the_outline_and_the_tracked_print():
    document = seed_document()
    ops = [b for b in document.blocks if b.kind == OPERATIVE]
    document.blocks = [b for b in document.blocks if b.kind != OPERATIVE or b is ops[0]]
    assert "OP1         *Urges* Member States" in outline_text(document, width=400)
    flow = tracked_flow(export_input(document, [], AmendmentFilter(), ExportOptions(mode="tracked")))
    printed = next(p for p in flow.items if getattr(p, "text", "") == ops[0].text)
    assert printed.label == ""


def test_french_masthead_in_french():
    document = sample(F_78_226)
    document.meta.original_language = "en"
    texts = [paragraph_text(p) for p in paragraphs(render_clean(document))]
    for line in ("\tNations Unies\tA/RES/78/226", "Assemblée générale", "Distr. générale", "22 décembre 2023",
                 "Original : anglais", "Point 107 de l’ordre du jour"):
        assert line in texts
    assert "Original : anglais" in outline_text(document)


@pytest.mark.parametrize("language", ["en", "zh", "ar"])
def test_screen_sets_openings_as_the_language_does(qapp, language):
    from resdesk.ui.facts import document_rows
    from resdesk.ui.rendering import char_formats

    document = seed_document()
    document.meta.language = language
    formula_row = next(r for r in document_rows(document) if r.block is not None and r.block.kind == FORMULA)
    start, end, fmt = char_formats(formula_row, len(formula_row.block.text), language)[0]
    assert (start, end) == (0, len("The General Assembly"))
    assert fmt.fontItalic() == (language != "zh")
    assert (fmt.fontWeight() >= 700) == (language in ("zh", "ar"))

"""The UN layout rules of the printer, on documents built in code and read back from the PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from pdfread import body_words, fonts, need_poppler, normal_words, page_count, page_text, words
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TABLE,
    Block,
    Cell,
    Document,
    Footnote,
    Meta,
)
from resdesk.text.inline import FOOTNOTE, Mark
from resdesk.ui.printing.content import clean_flow
from resdesk.ui.printing.pdf_export import write_pdf
from resdesk.ui.printing.render import PrintSettings

COLUMN = 123.4
FILLER = ("Stressing the need to strengthen international, regional and subregional cooperation to prevent and "
          "combat terrorism effectively, in particular by enhancing the national capacity of States through the "
          "provision of technical assistance, based on the needs and priorities identified by requesting States,")


@pytest.fixture(autouse=True)
def _poppler(qapp):
    need_poppler()


def below_masthead(found):
    """The words of the text itself: on page 1 below the masthead, and every word of later pages."""
    return [w for w in found if w.page > 1 or w.y0 > 115]


def pdf_of(document: Document, path, **settings):
    write_pdf(clean_flow(document), PrintSettings(**settings), path)
    return path


def test_opening_phrases_are_italic_and_nothing_else_is(tmp_path):
    with_opening = Document(Meta(), [Block("b1", PREAMBULAR, "Recalling the Charter of the United Nations,")])
    without = Document(Meta(), [Block("b1", PREAMBULAR, "The Charter of the United Nations binds all,")])
    assert any("Italic" in name for name in fonts(pdf_of(with_opening, tmp_path / "a.pdf")))
    assert not any("Italic" in name for name in fonts(pdf_of(without, tmp_path / "b.pdf")))


def test_op_numbers_tab_and_subparagraph_indents(tmp_path):
    document = Document(Meta(), [
        Block("b1", FORMULA, "The General Assembly,"),
        Block("b2", OPERATIVE, "Requests the Secretary-General:"),
        Block("b3", SUBPARAGRAPH, "To report on the implementation of the present resolution at its next session, "
                                  "including on the measures taken by Member States and by the entities of the "
                                  "United Nations system;", parent="b2"),
        Block("b4", SUBPARAGRAPH, "To consult:", parent="b2"),
        Block("b5", SUBPARAGRAPH, "Member States, regional organizations, civil society and all other relevant "
                                  "stakeholders concerned by the present resolution;", parent="b4"),
        Block("b6", OPERATIVE, "Decides to remain seized of the matter."),
    ])
    found = below_masthead(words(pdf_of(document, tmp_path / "op.pdf")))

    def x_of(text, after=0):
        return next(w.x0 for w in found[after:] if w.text == text)

    assert x_of("1.") == pytest.approx(COLUMN + 23.7, abs=0.2)
    assert x_of("Requests") == pytest.approx(COLUMN + 47.5, abs=0.2)
    assert x_of("(a)") == pytest.approx(COLUMN + 23.7, abs=0.2)
    assert x_of("To") == pytest.approx(COLUMN + 47.5, abs=0.2)
    assert x_of("(i)") == pytest.approx(COLUMN + 47.5, abs=0.2)
    assert x_of("Member", [w.text for w in found].index("(i)")) == pytest.approx(COLUMN + 71.3, abs=0.2)
    assert x_of("2.") == pytest.approx(COLUMN + 23.7, abs=0.2)
    starts = {round(w.x0, 1) for w in found if w.height > 10}
    assert round(COLUMN, 1) in starts, "wrapped lines of (a) and (i) return to the column edge"
    assert not [x for x in starts if COLUMN + 1 < x < COLUMN + 23], "nothing hangs between edge and first tab"


def test_single_operative_paragraph_is_unnumbered(tmp_path):
    document = Document(Meta(), [Block("b1", OPERATIVE, "Decides to remain seized of the matter.")])
    found = below_masthead(words(pdf_of(document, tmp_path / "one.pdf")))
    assert [w.text for w in found][:2] == ["Decides", "to"]
    assert found[0].x0 == pytest.approx(COLUMN + 23.7, abs=0.2)


def test_footnote_follows_its_marker_when_a_paragraph_splits(tmp_path):
    """Whatever page the marker of a long paragraph lands on, its footnote is at that page's foot."""
    long_text = "Recalling " + " ".join([FILLER.rstrip(",")] * 4) + ","
    anchor = len("Recalling " + " ".join([FILLER.rstrip(",")] * 2))
    split_before_marker = split_after_marker = False
    for fillers in range(8, 26):
        blocks = [Block(f"f{i}", PREAMBULAR, FILLER) for i in range(fillers)]
        blocks.append(Block("long", PREAMBULAR, long_text, [Mark(FOOTNOTE, anchor, anchor, "n1")]))
        blocks.append(Block("after", OPERATIVE, "Decides to remain seized of the matter.",
                            [Mark(FOOTNOTE, 7, 7, "n1")]))
        document = Document(Meta(), blocks, {"n1": Footnote("n1", "A unique footnote text.")})
        pdf = pdf_of(document, tmp_path / f"split{fillers}.pdf")
        found = words(pdf)
        texts = [w.text for w in found]
        start = texts.index("Recalling")
        marker = next(i for i, w in enumerate(found) if w.text == "1" and w.height < 8 and w.x0 > COLUMN + 30)
        assert texts[marker - 3:marker] == normal_words(long_text[:anchor])[-3:]
        marker_page = found[marker].page
        holding = [n for n in range(1, page_count(pdf) + 1)
                   if "A unique footnote text." in " ".join(page_text(pdf, n).split())]
        assert holding == [marker_page], f"with {fillers} filler paragraphs"
        split_before_marker |= found[start].page < marker_page
        split_after_marker |= found[texts.index("Decides")].page > marker_page
    assert split_before_marker, "some layout breaks the paragraph before its marker"
    assert split_after_marker, "some layout leaves the second reference on a later page"


def test_headings_and_tables_are_printed(tmp_path):
    document = Document(Meta(), [
        Block("h1", HEADING, "Follow-up", number="I.", level=1),
        Block("b1", PREAMBULAR, "Recalling its earlier resolutions,"),
        Block("t1", TABLE, rows=[[Cell("Region", header=True), Cell("Seats", header=True)],
                                 [Cell("Africa"), Cell("54")], [Cell("Asia-Pacific"), Cell("53")]]),
    ])
    pdf = pdf_of(document, tmp_path / "table.pdf")
    found = below_masthead(words(pdf))
    by_text = {w.text: w for w in found}
    assert by_text["I."].x0 == pytest.approx(COLUMN, abs=0.2)
    assert by_text["Follow-up"].x0 == pytest.approx(COLUMN + 23.7, abs=0.2)
    assert by_text["Follow-up"].height == pytest.approx(12 * 1.107, abs=0.05), "H1 is 12 pt, as in the Word export"
    assert any("Bold" in name for name in fonts(pdf))
    assert by_text["Africa"].y0 == pytest.approx(by_text["54"].y0, abs=0.1), "cells of a row side by side"
    assert by_text["54"].x0 > by_text["Africa"].x1 + 100
    assert by_text["Asia-Pacific"].y0 > by_text["Africa"].y0
    assert body_words(found)[:3] == ["I.", "Follow-up", "Recalling"]


def test_no_lone_first_or_last_line_at_a_page_break(qapp):
    """Widow and orphan control, checked on the pages the paginator makes for paragraphs of 1 to 9 lines."""
    from PySide6.QtGui import QPdfWriter

    from resdesk.ui.printing.render import device_geometry, paginate, prepare_device

    blocks = [Block("b0", FORMULA, "The General Assembly,")]
    for n in range(1, 120):
        blocks.append(Block(f"b{n}", PREAMBULAR, " ".join([FILLER.rstrip(",")] * (n % 5 + 1))[: 90 * (n % 9 + 1)]
                            + ","))
    writer = QPdfWriter(str(Path(tempfile.mkdtemp()) / "pages.pdf"))
    writer.setResolution(1200)
    prepare_device(writer, "letter")
    pages = paginate(clean_flow(Document(Meta(), blocks)), writer, device_geometry(writer), 150.0)
    assert len(pages) > 10
    for page in pages[1:]:
        first = page.lines[0]
        assert not (first.index == first.laid.line_count - 1 and first.laid.line_count > 1), "a widow"
    for page in pages[:-1]:
        last = page.lines[-1]
        assert not (last.index == 0 and last.laid.line_count > 1), "an orphan"
    assert pages[0].lines[0].laid.paragraph.text == "The General Assembly,"
    assert pages[0].lines[1].laid.paragraph.text.startswith("Stressing"), "the formula keeps with the first PP"


def test_an_annex_starts_on_a_new_page(tmp_path):
    from builders import small_document

    pdf = pdf_of(small_document(), tmp_path / "annex.pdf")
    assert page_count(pdf) == 2
    second = page_text(pdf, 2)
    assert "Annex" in second and "Decides to remain seized of the matter." in second
    assert "Annex" not in page_text(pdf, 1)

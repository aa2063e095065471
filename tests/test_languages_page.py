"""A/RES/78/226 in the six languages, imported from the UN's AKN files and rendered through Word (a real
LibreOffice, `soffice --convert-to pdf`) and through our PDF, read back glyph by glyph with PyMuPDF (issue 14):
no glyph drawn blank, the masthead words in the text's language, the direction (the Arabic masthead mirrored, its
paragraphs right to left), and the opening phrases set as the UN sets them in that language.

LibreOffice draws the Arabic bold italic upright with the fonts CI installs (DejaVu Sans' oblique face has no
Arabic letters, and LibreOffice does not slant the upright one as Qt does): for Word, the Arabic italic is
checked in the file's own runs, and bold in LibreOffice's PDF.
"""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from akn_samples import akn_sample
from conftest import run_cli
from office import SOFFICE, convert
from pdfglyphs import blank, find, glyphs, normal
from resdesk.un import page as un
from test_print_samples import has_font_for

pytestmark = pytest.mark.slow

FILES = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}
#: The masthead words (publisher, organ, agenda item) as the cover page of each AKN file writes them.
MASTHEAD = {
    "ar": ("الأمــم المتحـدة", "الجمعية العامة", "البند 107 من جدول الأعمال"),
    "zh": ("联合国", "大会", "议程项目107"),
    "en": ("United Nations", "General Assembly", "Agenda item 107"),
    "fr": ("Nations Unies", "Assemblée générale", "Point 107 de l’ordre du jour"),
    "ru": ("Организация Объединенных Наций", "Генеральная Ассамблея", "Пункт 107 повестки дня"),
    "es": ("Naciones Unidas", "Asamblea General", "Tema 107 del programa"),
}
FORMULA = {"ar": "إن الجمعية العامة،", "zh": "大会，", "en": "The General Assembly,", "fr": "L’Assemblée générale,",
           "ru": "Генеральная Ассамблея,", "es": "La Asamblea General,"}
WIDTH = 612.0  # US Letter
TOLERANCE = 2.0
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, qapp) -> dict[tuple[str, str], object]:
    """(language, "pdf" or "word") -> the glyphs of that rendering; the Word files under "docx"."""
    folder = tmp_path_factory.mktemp("languages")
    result, documents = {}, []
    for code, letter in FILES.items():
        source = akn_sample(f"A_RES_78_226-2325984{letter}.xml")
        doc = folder / f"{code}.resdesk"
        for args in (("import", source, "-o", doc), ("export", doc, "-o", folder / f"{code}.pdf"),
                     ("export", doc, "-o", folder / f"{code}.docx")):
            completed = run_cli(*args)
            assert completed.returncode == 0, completed.stderr
        result[(code, "pdf")] = glyphs(folder / f"{code}.pdf")
        result[(code, "docx")] = folder / f"{code}.docx"
        documents.append(folder / f"{code}.docx")
    if SOFFICE:
        office = folder / "office"
        office.mkdir()
        for path in convert(documents, "pdf", office):
            result[(path.stem, "word")] = glyphs(path)
    return result


def rendering(rendered, code: str, route: str):
    if not has_font_for(code):
        pytest.skip(f"no installed font writes {code!r} (Arabic: fonts-dejavu-core; Chinese: fonts-wqy-zenhei)")
    if (code, route) not in rendered:
        pytest.skip("LibreOffice (soffice) is needed to render the Word file")
    return rendered[(code, route)]


ROUTES = [(code, route) for code in FILES for route in ("pdf", "word")]


@pytest.mark.parametrize(("code", "route"), ROUTES)
def test_no_glyph_is_drawn_blank(rendered, code, route):
    found = rendering(rendered, code, route)
    assert len(found) > 5000
    missing = blank(found)
    assert not missing, f"{len(missing)} blank glyphs, the first in {missing[0].font} on page {missing[0].page}"


@pytest.mark.parametrize(("code", "route"), ROUTES)
def test_masthead_words_and_direction(rendered, code, route):
    found = rendering(rendered, code, route)
    publisher, organ, agenda = (find(found, 1, words) for words in MASTHEAD[code])
    assert publisher and organ and agenda, [words for words, at in zip(MASTHEAD[code], (publisher, organ, agenda),
                                                                        strict=True) if not at]
    head = next(g for g in found if g.page == 1 and g.char == "A" and abs(g.baseline - un.PUBLISHER_BASELINE) < 1)
    if code == "ar":  # mirrored: "United Nations" and the organ at the right, the symbol at the left
        assert right(publisher) == pytest.approx(WIDTH - un.MASTHEAD_LEFT, abs=TOLERANCE)
        assert right(organ) == pytest.approx(WIDTH - un.MASTHEAD_LEFT, abs=TOLERANCE)
        assert right(agenda) == pytest.approx(WIDTH - un.PAGE_MARGIN, abs=TOLERANCE)
        assert head.x0 == pytest.approx(un.PAGE_MARGIN, abs=TOLERANCE)
    else:
        assert publisher[0].x0 == pytest.approx(un.MASTHEAD_LEFT, abs=TOLERANCE)
        assert organ[0].x0 == pytest.approx(un.MASTHEAD_LEFT, abs=TOLERANCE)
        assert agenda[0].x0 == pytest.approx(un.PAGE_MARGIN, abs=TOLERANCE)
        assert head.x0 > WIDTH / 2
    assert publisher[0].baseline == pytest.approx(un.PUBLISHER_BASELINE, abs=TOLERANCE)
    assert organ[0].baseline == pytest.approx(un.ORGAN_BASELINE, abs=TOLERANCE)


def right(glyphs_found) -> float:
    return max(g.x1 for g in glyphs_found)


def letters(glyphs_found) -> list:
    return [g for g in glyphs_found if normal(g.char).isalpha()]


@pytest.mark.parametrize(("code", "route"), ROUTES)
def test_the_formula_is_set_as_the_language_sets_an_opening(rendered, code, route):
    """Italic in English, French, Spanish and Russian; bold, never slanted, in Chinese; bold italic in Arabic, right
    to left: the formula's line ends at the column's right edge less the first-line indent."""
    found = rendering(rendered, code, route)
    formula = letters(find(found, 1, FORMULA[code]))
    assert formula, FORMULA[code]
    bold = {g.bold for g in formula}
    slanted = {g.slanted for g in formula}
    if code == "zh":
        assert (bold, slanted) == ({True}, {False})
    elif code == "ar":
        assert bold == {True}
        if route == "pdf":
            assert slanted == {True}
        else:
            assert _word_formula_run(rendered[(code, "docx")]) >= {"b", "bCs", "i", "iCs", "rtl"}
        column_right = WIDTH - un.PAGE_MARGIN - un.COLUMN_RIGHT_INDENT
        assert right(formula) == pytest.approx(column_right - 23.7, abs=2 * TOLERANCE)
        assert min(g.x0 for g in formula) > WIDTH / 2
    else:
        assert (bold, slanted) == ({False}, {True})
        assert formula[0].x0 == pytest.approx(un.COLUMN_LEFT + 23.7, abs=TOLERANCE)


def _word_formula_run(docx) -> set[str]:
    """The run properties of the Arabic formula's first run in the Word file (element names)."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    for run in root.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        if text.startswith("إن الجمعية"):
            properties = run.find(f"{W}rPr")
            return {child.tag.removeprefix(W) for child in properties} if properties is not None else set()
    return set()

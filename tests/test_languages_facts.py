"""The per-language facts of `resdesk.un` that both exports read (issue 14), and our PDF's text layer around
no-break characters."""

from __future__ import annotations

import pytest

from builders import small_document
from pdfglyphs import glyphs
from resdesk.model.document import PREAMBULAR, Block
from resdesk.ui.printing.masthead_layout import HRule, Text, mirrored
from resdesk.un.languages import ARABIC_SCRIPT, HAN, LATIN, language, script_runs
from resdesk.un.markers import subparagraph_marker
from resdesk.un.masthead import agenda_line, organ_name, publisher, read_line
from resdesk.un.phrases import opening_emphasis


@pytest.mark.parametrize(("code", "words"), [
    ("ar", ("الأمــم المتحـدة", "الجمعية العامة", "البند 107 من جدول الأعمال")),
    ("zh", ("联合国", "大会", "议程项目107")),
    ("fr", ("Nations Unies", "Assemblée générale", "Point 107 de l’ordre du jour")),
    ("es", ("Naciones Unidas", "Asamblea General", "Tema 107 del programa")),
    ("ru", ("Организация Объединенных Наций", "Генеральная Ассамблея", "Пункт 107 повестки дня")),
])
def test_masthead_words_in_each_language(code, words):
    assert (publisher(code), organ_name("General Assembly", code), agenda_line("107", code)) == words
    assert read_line(words[0]) == ("publisher", None)  # the tatweels of the Arabic are layout, not words


@pytest.mark.parametrize(("code", "first", "second", "opening"), [
    ("fr", "a)", "i)", "«\u00a0x\u00a0»"), ("es", "a)", "i)", "“x”"), ("ru", "a)", "i)", "«x»"),
    ("en", "(a)", "(i)", "“x”"), ("ar", "(a)", "(i)", "”x“"), ("zh", "(a)", "(i)", "“x”"),
])
def test_markers_and_quotation_marks(code, first, second, opening):
    assert (subparagraph_marker(1, 1, code), subparagraph_marker(1, 2, code)) == (first, second)
    left, right = language(code).quotes
    assert f"{left}x{right}" == opening


def test_opening_styles_come_from_one_rule():
    styles = {code: (opening_emphasis(code).bold, opening_emphasis(code).italic) for code in
              ("en", "fr", "es", "ru", "zh", "ar")}
    assert styles == {"en": (False, True), "fr": (False, True), "es": (False, True), "ru": (False, True),
                      "zh": (True, False), "ar": (True, True)}


def test_text_is_cut_by_script():
    def cut(text):
        return [(text[start:end], script) for start, end, script in script_runs(text)]

    assert cut("إن الجمعية") == [("إن", ARABIC_SCRIPT), (" ", LATIN), ("الجمعية", ARABIC_SCRIPT)]
    assert cut("大会，回顾 A/RES/1") == [("大会，回顾", HAN), (" A/RES/1", LATIN)]
    assert not HAN.slants and ARABIC_SCRIPT.slants


def test_a_mirrored_masthead_keeps_the_symbol_whole():
    def measure(text, size, bold):
        return len(text) * size / 2

    ops = [Text(123.4, 57.8, "United", 14.0), Text(500.0, 57.8, "A", 20.0), Text(510.0, 57.8, "/RES/1", 10.0,
                                                                                  follows=True),
           HRule(60.0, 552.0, 64.8, 0.5), Text(60.0, 146.4, "Session", 10.0)]
    result = mirrored(ops, 612.0, measure)
    assert result[0].x == 612.0 - 123.4 - 42.0  # "United" now ends where it started
    assert (result[1].x, result[2].x) == (612.0 - 540.0, 612.0 - 540.0 + 10.0)  # "A" first, then "/RES/1"
    assert result[3] == HRule(60.0, 552.0, 64.8, 0.5)
    assert result[4].x + measure("Session", 10.0, False) == 552.0


def test_the_text_layer_has_no_gap_after_a_no_break_space_and_the_run_s_own_hyphen(qapp, tmp_path):
    """A justified line widens its spaces, not its no-break space ("19\u00a0November" reads so, where Qt's own
    justification gave "19\u00a0 November"); a no-break hyphen is drawn in the run's face, not taken from
    another one."""
    pymupdf = pytest.importorskip("pymupdf")
    from resdesk.ui.printing.content import clean_flow
    from resdesk.ui.printing.fonts import serif_family
    from resdesk.ui.printing.pdf_export import write_pdf
    from resdesk.ui.printing.render import PrintSettings

    document = small_document()
    text = ("Recalling its resolution 68/187 of 19\u00a0November 2013 on technical assistance to States that"
            " ask for it, and the work of non\u2011governmental organizations that help them in every region"
            " of the world, " * 3).strip()
    document.blocks.insert(1, Block("nb", PREAMBULAR, text))
    pdf = tmp_path / "nb.pdf"
    write_pdf(clean_flow(document), PrintSettings(), pdf)
    with pymupdf.open(pdf) as opened:
        layer = "".join(page.get_text() for page in opened)
    assert layer.count("19\u00a0November") == 3 and "\u00a0 " not in layer
    hyphens = [g for g in glyphs(pdf) if g.char in "-\u2011" and g.page == 1 and g.baseline > 200]
    assert len(hyphens) >= 3  # and "Secretary-General"
    assert {g.font for g in hyphens} == {serif_family().replace(" ", "")}

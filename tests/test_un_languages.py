"""The language table against the UN's own files: the six A/RES/78/226 texts (Arabic, Chinese, English,
French, Russian, Spanish) show the codes, job letters, masthead words, dates, formula, opening emphasis,
quotation marks and operative numbers the table holds."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from akn_samples import A_78_226, C_78_226, E_78_226, F_78_226, R_78_226, S_78_226, akn_sample
from resdesk.un.dates import format_date, read_date
from resdesk.un.languages import LANGUAGES, code_of, is_rtl, language, language_of_script
from resdesk.un.markers import operative_number
from resdesk.un.masthead import (
    agenda_line,
    date_line,
    distribution_line,
    formula_language,
    is_plenary_meeting,
    organ_name,
    publisher,
    read_line,
)
from resdesk.un.phrases import FORMULA, load_lexicon, opening_emphasis, opening_extent

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SAMPLES = {"ar": A_78_226, "zh": C_78_226, "en": E_78_226, "fr": F_78_226, "ru": R_78_226, "es": S_78_226}
TATWEEL = "\u0640"  # the Arabic sample stretches "الأمــم المتحـدة"


class Sample:
    """One A/RES/78/226 file, read with lxml (not with our importer: this checks the table itself)."""

    def __init__(self, code: str):
        self.root = etree.parse(str(akn_sample(SAMPLES[code]))).getroot()

    def first(self, path: str) -> etree._Element:
        return self.root.find(f".//{path}", NS)

    def text(self, path: str) -> str:
        return " ".join("".join(self.first(path).itertext()).replace(TATWEEL, "").split())

    def all_text(self) -> str:
        return "".join(self.root.itertext())


@pytest.fixture(scope="module", params=list(SAMPLES))
def sample(request) -> tuple[str, Sample]:
    return request.param, Sample(request.param)


def test_codes_and_job_letter(sample):
    code, file = sample
    lang = language(code)
    frbr = file.first("a:FRBRExpression/a:FRBRlanguage").get("language")
    assert frbr == lang.codes[0] and code_of(frbr) == code
    assert file.text("a:docketNumber").endswith(f"({lang.job_letter})")


def test_masthead_words(sample):
    code, file = sample
    assert file.text("a:docAuthority[@refersTo='#publisher']") == publisher(code)
    organ = file.text("a:docAuthority[@refersTo='#issuingBody']")
    assert organ == organ_name("General Assembly", code)
    assert read_line(organ) == ("organ", "General Assembly")
    status = file.text("a:docStatus")
    fact, value = read_line(status)
    assert fact == "distribution" and distribution_line(value, code) == status
    issued = file.first("a:coverPage//a:docDate")
    assert date_line(issued.get("date"), code) == file.text("a:coverPage//a:docDate")
    agenda = file.text("a:inline[@name='agenda item']")
    assert read_line(agenda) == ("agenda_item", "107") and agenda_line("107", code) == agenda
    assert read_line(file.text("a:session")) == ("session", file.text("a:session"))


def test_dates_in_the_conclusions_and_the_meeting(sample):
    code, file = sample
    adopted = file.first("a:conclusions//a:docDate")
    assert format_date(adopted.get("date"), code) == file.text("a:conclusions//a:docDate")
    assert read_date(file.text("a:conclusions//a:docDate")) == adopted.get("date")
    assert is_plenary_meeting(file.text("a:conclusions//a:location"))


def test_formula_and_how_openings_are_set(sample):
    code, file = sample
    formula = file.first("a:formula/a:p")
    text = " ".join("".join(formula.itertext()).split())
    assert text == language(code).formula and formula_language(text) == code
    span = formula.find("a:span", NS)
    emphasis = opening_emphasis(code)
    assert span.get("class") == emphasis.css_class
    if code != "fr":  # the French file alone puts the comma inside the span
        assert opening_extent(text, FORMULA, code) == len(span.text.strip())
    first_pp = file.first("a:preamble/a:container/a:p/a:span")
    assert first_pp.get("class") == emphasis.css_class
    assert emphasis.bold == (code in ("ar", "zh")) and emphasis.italic == (code != "zh")
    assert load_lexicon(code) is not None


def test_quotation_marks_and_operative_numbers(sample):
    code, file = sample
    opening, closing = language(code).quotes
    assert re.search(f"{re.escape(opening)}[^{re.escape(closing)}]+{re.escape(closing)}", file.all_text())
    assert file.text("a:mainBody/a:paragraph/a:num") == operative_number(1, code)


def test_script_and_direction(sample):
    code, file = sample
    body = " ".join(file.first("a:mainBody").itertext())
    assert language_of_script(body) == (code if code in ("ar", "zh", "ru") else "")
    assert is_rtl(code) == (code == "ar")


@pytest.mark.parametrize(("name", "code"), [
    ("en", "en"), ("eng", "en"), ("en-GB", "en"), ("EN_us", "en"), ("English", "en"), ("anglais", "en"),
    ("fre", "fr"), ("fra", "fr"), ("Français", "fr"), ("chi", "zh"), ("zho", "zh"), ("Chinese", "zh"),
    ("inglés", "en"), ("ruso", "ru"), ("de", ""), ("", ""), ("../../etc", ""),
])
def test_codes_any_way_a_file_names_them(name, code):
    assert code_of(name) == code


def test_unknown_languages_follow_english():
    assert language("de") is LANGUAGES["en"] and language("") is LANGUAGES["en"]
    assert is_rtl("he") and is_rtl("fa-IR") and not is_rtl("de")

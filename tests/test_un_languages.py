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
from resdesk.un.markers import footnote_marker, footnote_marker_brackets, operative_number
from resdesk.un.masthead import (
    MastheadReader,
    adoption_line_date,
    agenda_line,
    date_line,
    distribution_line,
    formula_language,
    is_plenary_meeting,
    numbered_title,
    organ_name,
    publisher,
    read_line,
    read_numbered_title,
    report_committee,
    split_closing,
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
    # as the cover page writes it, tatweels and all ("الأمــم المتحـدة")
    assert " ".join("".join(file.first("a:docAuthority[@refersTo='#publisher']").itertext()).split()) == publisher(code)
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


def test_adoption_lines(sample):
    """The lines around an adopted resolution's text, read as the cover page, preface and conclusions write
    them: the adoption line and its date, the report line and its committee, the number before the title,
    and the closing meeting over its date."""
    code, file = sample
    adopted_on = file.first("a:conclusions//a:docDate").get("date")
    line = file.text("a:coverPage//a:docTitle")
    assert read_line(line) == ("adoption_line", line)
    assert read_date(adoption_line_date(line)) == adopted_on
    report = file.text("a:coverPage//a:docProponent")
    assert read_line(report) == ("report_line", report)
    committee = report_committee(report)
    # Third Committee in each language; the Russian report line names it in the genitive, which is not read
    assert committee == {"ar": "اللجنة الثالثة", "zh": "第三委员会", "en": "Third Committee",
                         "fr": "Troisième Commission", "ru": "", "es": "Tercera Comisión"}[code]
    reader = MastheadReader()
    for text in (line, report, file.text("a:preface/a:p")):
        reader.feed(text)
    facts = reader.result()
    assert facts["adoption_date"] == adopted_on and facts["report_line"] == report
    assert facts["resolution_number"] == "78/226" and facts.get("committee", "") == committee
    assert facts["title"] == file.text("a:preface//a:docTitle")
    assert read_numbered_title(numbered_title("78/226", facts["title"])) == ("78/226", facts["title"])
    closing = " ".join([file.text("a:conclusions//a:location"), file.text("a:conclusions//a:docDate")])
    assert split_closing(closing) == (file.text("a:conclusions//a:location"), file.text("a:conclusions//a:docDate"))
    assert split_closing(report) is None and adoption_line_date(report) is None


def test_footnote_markers(sample):
    code, file = sample
    note = file.first("a:authorialNote")
    before = note.getprevious()
    after = note.getnext()
    written = (before.text if before is not None and before.tag.endswith("sup") else "",
               after.text if after is not None and after.tag.endswith("sup") else "")
    assert footnote_marker_brackets(code) == written
    assert footnote_marker(note.get("marker"), code) == f"{written[0]}{note.get('marker')}{written[1]}"


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

"""The UN's conventions in `resdesk.un`: dates both ways in six languages, numerals and sub-paragraph
markers, sponsor lists (split and join), and the masthead reader and writers."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resdesk.errors import UserError
from resdesk.model.delegation import bundled_delegations
from resdesk.un.dates import format_date, parse_date, read_date
from resdesk.un.languages import LANGUAGES
from resdesk.un.markers import (
    leading_marker,
    leading_operative_number,
    operative_number,
    subparagraph_marker,
    subparagraph_markers_read,
)
from resdesk.un.masthead import (
    MastheadReader,
    agenda_line,
    annex_title,
    date_line,
    distribution_line,
    formula_organ,
    is_annex_heading,
    note_heading,
    organ_name,
    original_line,
    publisher,
    read_line,
)
from resdesk.un.numerals import letter_value, letters, ordinal_word, roman, roman_value
from resdesk.un.sponsors import continues_list, join_sponsors, read_sponsor_line, split_sponsors, sponsor_line
from resdesk.un.symbols import citation_target, find_symbol, is_revision, link_url, symbol_parts

CODES = list(LANGUAGES)

# -- dates ---------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=datetime.date(1945, 1, 1), max_value=datetime.date(2200, 12, 31)), st.sampled_from(CODES))
def test_writing_then_reading_a_date_is_identity(date, code):
    iso = date.isoformat()
    assert read_date(format_date(iso, code)) == iso


@pytest.mark.parametrize(("code", "written"), [
    ("en", "1 October 2013"), ("fr", "1er octobre 2013"), ("es", "1 de octubre de 2013"),
    ("ru", "1 октября 2013 года"), ("ar", "1 تشرين الأول/أكتوبر 2013"), ("zh", "2013年10月1日"),
])
def test_each_language_writes_dates_its_way(code, written):
    assert format_date("2013-10-01", code) == written


@pytest.mark.parametrize("written", [
    "2013-10-01", "1 October 2013", "1 october 2013", "01 October 2013", "1 octobre 2013", "1 de octubre de 2013",
    "1 октября 2013", "1 октября 2013 г.", "1 أكتوبر 2013", "1 تشرين الأول 2013", "2013 年 10 月 1 日",
])
def test_dates_are_read_in_any_language(written):
    assert read_date(written) == "2013-10-01"


def test_bad_dates():
    assert read_date("1 Octember 2013") == "" and read_date("31 February 2013") == "" and read_date("") == ""
    assert read_date("1 de setiembre de 2013") == "2013-09-01"
    with pytest.raises(UserError, match=r"^'yesterday' is not a date; write it as 1 October 2013 or 2013-10-01\.$"):
        parse_date("yesterday")
    assert format_date("") == ""


# -- numerals and markers ------------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=399))
def test_roman_numerals_both_ways(number):
    assert roman_value(roman(number)) == number and roman_value(roman(number).upper()) == number


@given(st.integers(min_value=1, max_value=26 * 5))
def test_letters_both_ways(number):
    assert letter_value(letters(number)) == number


def test_numerals_that_are_not():
    assert roman_value("iiii") == 0 and roman_value("d") == 0 and roman_value("") == 0
    assert letter_value("ab") == 0 and letter_value("1") == 0
    assert [ordinal_word(n) for n in (1, 12, 21, 100, 123)] == [
        "first", "twelfth", "twenty-first", "one hundredth", "one hundred and twenty-third"]


@pytest.mark.parametrize(("code", "markers"), [
    ("en", ["(b)", "(ii)", "b.", "ii.", "(b)"]),
    ("fr", ["b)", "ii)", "b)", "ii)", "b)"]),
    ("es", ["b)", "ii)", "b)", "ii)", "b)"]),
    ("ru", ["b)", "ii)", "b)", "ii)", "b)"]),
    ("ar", ["(b)", "(ii)", "b.", "ii.", "(b)"]),
    ("zh", ["(b)", "(ii)", "b.", "ii.", "(b)"]),
])
def test_subparagraph_markers_by_language_and_depth(code, markers):
    assert [subparagraph_marker(2, depth, code) for depth in range(1, 6)] == markers


def test_operative_numbers():
    assert [operative_number(12, code) for code in ("en", "fr", "ar")] == ["12.", "12.", "12 -"]
    assert subparagraph_marker(27, 1) == "(aa)" and subparagraph_marker(14, 2) == "(xiv)"


@pytest.mark.parametrize(("text", "number"), [
    ("3.\tUrges", 3), ("3 -\tيحث", 3), ("3-\tيحث", 3), ("3 –\tيحث", 3), ("١٢ - يحث", 12),
    ("3 bis.\tInvites", 3), ("3 decies 2.\tInvites", 3), ("3 bis -\tيدعو", 3),  # a tracked text's provisional ones
])
def test_typed_operative_numbers_as_older_arabic_files_write_them(text, number):
    match = leading_operative_number(text)
    assert int(match.group(1)) == number and not text[match.end():][0].isspace()


def test_arabic_sub_paragraph_letters_are_read_beside_latin_ones():
    assert subparagraph_markers_read(2, 1, "ar") == {"(b)", "(ب)"}
    assert subparagraph_markers_read(2, 2, "ar") == {"(ii)"} and subparagraph_markers_read(2, 1, "en") == {"(b)"}


@pytest.mark.parametrize(("text", "number", "depths"), [
    ("(a)\tTo report;", "a", (1, 2)), ("a) Pour rendre compte;", "a", (1, 2)), ("iv. Fourth;", "iv", (3, 4)),
    ("(xiv) Fourteenth;", "xiv", (1, 2)), ("(b) bis\tOn financing;", "b", (1, 2)),
])
def test_markers_read_at_the_start_of_a_line(text, number, depths):
    marker = leading_marker(text)
    assert (marker.number, (marker.letter_depth, marker.roman_depth)) == (number, depths)
    assert text[marker.end:][:1].isalpha()


@pytest.mark.parametrize("text", ["(ab) Not a marker", "(a)No space", "Amended (a) text", "(1) Number"])
def test_what_is_no_marker(text):
    assert leading_marker(text) is None


# -- sponsor lists -------------------------------------------------------------------------------------

NAMES = [d.name for d in bundled_delegations()] + [d.short_name for d in bundled_delegations()]
GROUPS = [d.name for d in bundled_delegations() if d.kind == "group"]


@st.composite
def sponsor_lists(draw) -> list[str]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=12, unique=True))
    behalf = draw(st.lists(st.sampled_from(GROUPS), min_size=len(names), max_size=len(names)))
    on_behalf = draw(st.lists(st.booleans(), min_size=len(names), max_size=len(names)))
    return [f"{name} (on behalf of the {group})" if flag else name
            for name, group, flag in zip(names, behalf, on_behalf, strict=True)]


@settings(max_examples=400, deadline=None)
@given(sponsor_lists(), st.sampled_from(CODES))
def test_joining_then_splitting_is_identity(names, code):
    assert split_sponsors(join_sponsors(names, code), code) == names
    line = read_sponsor_line(sponsor_line(names, code, revised=len(names) % 2 == 0))
    assert line == (names, code, len(names) % 2 == 0)


@pytest.mark.parametrize(("text", "names"), [
    ("Andorra, Brazil and Chile", ["Andorra", "Brazil", "Chile"]),
    ("São Tomé and Príncipe and Brazil", ["São Tomé and Príncipe", "Brazil"]),
    ("SAO TOME AND PRINCIPE, Chile", ["SAO TOME AND PRINCIPE", "Chile"]),
    ("Fiji (on behalf of the Group of 77 and China)", ["Fiji (on behalf of the Group of 77 and China)"]),
    ("Canada, Australia and New Zealand and Norway", ["Canada, Australia and New Zealand", "Norway"]),
    ("United Kingdom , Uruguay and Zambia", ["United Kingdom", "Uruguay", "Zambia"]),
    ("Bolivia (Plurinational State of), Chile, and Peru", ["Bolivia (Plurinational State of)", "Chile", "Peru"]),
    ("Chine (au nom du Groupe des 77 et de la Chine)", ["Chine (au nom du Groupe des 77 et de la Chine)"]),
])
def test_split(text, names):
    assert split_sponsors(text) == names


def test_split_in_other_languages_and_with_known_names():
    assert split_sponsors("Brésil, Chili et Norvège", "fr") == ["Brésil", "Chili", "Norvège"]
    assert split_sponsors("Francia e Italia y España", "es") == ["Francia", "Italia", "España"]
    assert split_sponsors("巴西、智利和挪威", "zh") == ["巴西", "智利", "挪威"]
    assert split_sponsors("Friends of Peace and Security and Chile") == ["Friends of Peace", "Security", "Chile"]
    assert split_sponsors("Friends of Peace and Security and Chile", known=["Friends of Peace and Security"]) == [
        "Friends of Peace and Security", "Chile"]


@pytest.mark.parametrize(("line", "expected"), [
    ("Andorra and Chile: draft resolution", (["Andorra", "Chile"], "en", False)),
    ("Andorra and Chile : revised draft resolution.", (["Andorra", "Chile"], "en", True)),
    ("Andorre et Chili : projet de résolution révisé", (["Andorre", "Chili"], "fr", True)),
    ("Andorra y Chile: proyecto de resolución", (["Andorra", "Chile"], "es", False)),
    ("Андорра и Чили: проект резолюции", (["Андорра", "Чили"], "ru", False)),
    ("أندورا وشيلي: مشروع قرار", (["أندورا", "شيلي"], "ar", False)),
    ("安道尔和智利：决议草案", (["安道尔", "智利"], "zh", False)),
])
def test_sponsor_lines_in_six_languages(line, expected):
    assert read_sponsor_line(line) == expected


def test_a_wrapped_list_continues():
    assert continues_list("Andorra, Brazil,") and continues_list("Andorra, Brazil and")
    assert not continues_list("Crime prevention and criminal justice")


# -- the masthead --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_what_the_writers_write_the_reader_reads(code):
    lines = [publisher(code), organ_name("General Assembly", code), distribution_line("Limited", code),
             date_line("2013-10-01", code), original_line("en", code), agenda_line("13 and 117", code),
             note_heading(code), sponsor_line(["Andorra", "Chile"], code)]
    assert [read_line(line) for line in lines] == [
        ("publisher", None), ("organ", "General Assembly"), ("distribution", "Limited"), ("date", "2013-10-01"),
        ("original_language", "en"), ("agenda_item", "13 and 117"), ("note", None),
        ("sponsors", ["Andorra", "Chile"])]


def test_masthead_reader_in_order():
    reader = MastheadReader()
    for line in ("United Nations A/C.3/68/L.5", "General Assembly", "Distr.: Limited", "1 October 2013",
                 "Original: English", "Sixty-eighth session", "Third Committee", "Agenda item 108",
                 "Crime prevention and criminal justice", "Note by the Secretariat", "By its resolution 2013/32…",
                 "Andorra and Chile: draft resolution", "Technical assistance", "The title"):
        reader.feed(line)
    assert reader.result() == {
        "symbol": "A/C.3/68/L.5", "organ": "General Assembly", "distribution": "Limited", "date": "2013-10-01",
        "original_language": "en", "session": "Sixty-eighth session", "committee": "Third Committee",
        "agenda_item": "108", "agenda_title": "Crime prevention and criminal justice",
        "note": "By its resolution 2013/32…", "sponsors": ["Andorra", "Chile"], "title": "The title"}


@pytest.mark.parametrize(("line", "fact"), [
    ("Troisième Commission", ("committee", "Troisième Commission")),
    ("Tercera Comisión", ("committee", "Tercera Comisión")),
    ("Plenary", ("committee", "Plenary")),
    ("Seventy-eighth session", ("session", "Seventy-eighth session")),
    ("Tenth emergency special session", ("session", "Tenth emergency special session")),
    ("Français", ("language", "fr")),
    ("Original : anglais", ("original_language", "en")),
    ("Agenda items 13 and 117", ("agenda_item", "13 and 117")),
    ("Crime prevention and criminal justice", None),
    ("Report of the Human Rights Committee", None),
])
def test_masthead_lines(line, fact):
    assert read_line(line) == fact


@pytest.mark.parametrize("code", CODES)
def test_annexes_in_each_language(code):
    word = annex_title("", code)
    assert is_annex_heading(word) and is_annex_heading(f"{word} II")
    assert annex_title("Declaration", code) == "Declaration" and not is_annex_heading(f"{word}es of it")


def test_organs_and_agenda_lines():
    assert formula_organ("L’Assemblée générale,") == "General Assembly"
    assert formula_organ("The Security Council,") == "Security Council" and formula_organ("The Board,") == ""
    assert organ_name("Human Rights Council", "fr") == "Human Rights Council"  # no French name in the table
    assert agenda_line("108", "en") == "Agenda item 108" and agenda_line("Agenda item 108", "fr") == "Agenda item 108"
    assert agenda_line("13 et 117", "fr") == "Points 13 et 117 de l’ordre du jour"


# -- symbols and links ---------------------------------------------------------------------------------


def test_symbols_and_links():
    assert symbol_parts("A/C.3/68/L.5") == ("A", "/C.3/68/L.5") and symbol_parts("") == ("", "")
    assert is_revision("A/C.3/68/L.5/Rev.1") and not is_revision("A/C.3/68/L.5")
    assert find_symbol("Page 2 A/C.3/68/L.5 13-49218") == "A/C.3/68/L.5" and find_symbol("A/B and C") == ""
    assert link_url("A/RES/66/171") == "https://undocs.org/en/A/RES/66/171"
    assert link_url("https://example.org/x") == "https://example.org/x"
    assert citation_target("66/171") == "https://undocs.org/en/A/RES/66/171"
    assert citation_target("2013/32") == "https://undocs.org/en/E/RES/2013/32"
    assert citation_target("the Charter") == "the Charter"

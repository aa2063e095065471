"""The plain-text importer (resdesk.formats.text_import) and format detection (resdesk.formats.detect)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resdesk.errors import BadInputError
from resdesk.formats.detect import detect_format
from resdesk.formats.text_import import MAX_TEXT_BYTES, SUPERSCRIPT_DIGITS, import_text
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TEXT, Document
from resdesk.text.inline import FOOTNOTE, ITALIC, LINK, Mark
from resdesk.un.sponsors import split_sponsors

SEED = Path(__file__).resolve().parent / "fixtures" / "seed.txt"
FOOTNOTE_TEXT = "General Assembly resolution 60/288."


def kinds(document: Document, kind: str):
    return [block for block in document.blocks if block.kind == kind]


def anchors(block) -> list[Mark]:
    return [mark for mark in block.marks if mark.kind == FOOTNOTE]


def text_of(*lines: str) -> bytes:
    return "\n".join(lines).encode("utf-8")


@pytest.fixture(scope="module")
def seed_document() -> Document:
    return import_text(SEED.read_bytes(), "seed.txt")


# -- the seed --------------------------------------------------------------------------------------


def test_seed_has_formula_then_10_pps_and_15_ops(seed_document):
    assert [block.kind for block in seed_document.blocks] == [FORMULA] + [PREAMBULAR] * 10 + [OPERATIVE] * 15
    assert seed_document.blocks[0].text == "The General Assembly,"


def test_seed_block_ids_are_sequential(seed_document):
    assert [block.id for block in seed_document.blocks] == [f"b{n}" for n in range(1, 27)]


def test_seed_metadata(seed_document):
    meta = seed_document.meta
    assert meta.session == "Sixty-eighth session"
    assert meta.committee == "Third Committee"
    assert meta.agenda_item == "108"
    assert meta.agenda_title == "Crime prevention and criminal justice"
    assert meta.distribution == "Limited"
    assert meta.date == "2013-10-01"
    assert meta.original_language == "en"
    assert meta.language == "en"
    assert meta.organ == "General Assembly"
    assert meta.note.startswith("By its resolution 2013/32 of 25 July 2013, the Economic and Social Council")
    assert meta.note.endswith("the adoption of the following draft resolution:")
    assert meta.title == (
        "Technical assistance for implementing the international conventions and protocols related to "
        "counter-terrorism"
    )
    assert meta.sponsors == []
    assert meta.symbol == ""


def test_seed_pp1_text_and_links(seed_document):
    pp1 = kinds(seed_document, PREAMBULAR)[0]
    assert pp1.text.startswith("Recalling all General Assembly and Security Council resolutions")
    assert pp1.text.endswith("in particular its technical cooperation capacity,")
    links = [mark for mark in pp1.marks if mark.kind == LINK]
    assert [pp1.text[m.start : m.end] for m in links] == ["66/171", "66/178", "67/99", "67/189"]
    assert links[0].target == "https://undocs.org/en/A/RES/66/171"
    assert "[" not in pp1.text and "](#)" not in pp1.text


def test_seed_operative_texts_lose_number_and_asterisks(seed_document):
    ops = kinds(seed_document, OPERATIVE)
    assert ops[0].text.startswith("Urges Member States that have not yet done so")
    assert ops[10].text.startswith("Takes note with appreciation of the recent")
    assert ops[14].text.endswith("a report on the implementation of the present resolution.")
    assert not any(mark.kind == ITALIC for block in seed_document.blocks for mark in block.marks)


def test_seed_footnote_is_one_footnote_with_two_anchors(seed_document):
    assert list(seed_document.footnotes) == ["f1"]
    assert seed_document.footnotes["f1"].text == FOOTNOTE_TEXT
    pp3 = kinds(seed_document, PREAMBULAR)[2]
    op13 = kinds(seed_document, OPERATIVE)[12]
    (pp3_anchor,) = anchors(pp3)
    (op13_anchor,) = anchors(op13)
    assert pp3_anchor.target == op13_anchor.target == "f1"
    assert pp3_anchor.start == pp3.text.index("Strategy") + len("Strategy") == 79
    assert pp3.text[pp3_anchor.start :].startswith(" and the need for States")
    assert op13_anchor == Mark(FOOTNOTE, len(op13.text), len(op13.text), "f1")
    assert op13.text.endswith("Global Counter-Terrorism Strategy;")
    assert sum(len(anchors(block)) for block in seed_document.blocks) == 2


def test_seed_footnote_text_is_not_a_paragraph(seed_document):
    assert not any(FOOTNOTE_TEXT in block.text for block in seed_document.blocks)
    pp4 = kinds(seed_document, PREAMBULAR)[3]
    assert pp4.text.startswith("Reiterating also that it is the primary responsibility")


def test_seed_texts_have_no_markup_or_layout_left(seed_document):
    for block in seed_document.blocks:
        assert "*" not in block.text
        assert not any(digit in block.text for digit in SUPERSCRIPT_DIGITS)
        assert block.text == block.text.strip()
        assert "  " not in block.text and "\n" not in block.text


def test_seed_import_is_deterministic(seed_document):
    assert import_text(SEED.read_bytes(), "seed.txt") == seed_document


# -- a sponsored draft with everything -------------------------------------------------------------

SPONSORED = [
    "United Nations",
    "A/C.3/78/L.12/Rev.1",
    "",
    "General Assembly",
    "Distr.: Limited",
    "3 November 2023",
    "",
    "Original: French",
    "",
    "Seventy-eighth session",
    "Special Political and Decolonization Committee (Fourth Committee)",
    "Agenda item 119 (b)",
    "Integrated and coordinated implementation of and follow-up to the",
    "outcomes of the major United Nations conferences",
    "",
    "Andorra, Fiji (on behalf of the Group of 77 and China), Trinidad and Tobago and Brazil: "
    "revised draft resolution",
    "",
    "**Strengthening the coordination of assistance**",
    "",
    "*The General Assembly*,",
    "",
    "*Recalling* its resolution [66/171](#) and the report of the Secretary-General,¹²",
    "",
    "I. General matters",
    "",
    "1. *Urges* Member States to act, as set out in the *Treaty Series*;¹²",
    "",
    "A. Implementation",
    "",
    "2. *Requests* the Secretary-General:",
    "",
    "(a) To report on the implementation of",
    "the present resolution;",
    "",
    "(b) To consult Member States on:",
    "",
    "(i) Their needs;",
    "",
    "(ii) Their priorities;",
    "",
    "(c) Item c;",
    "(d) Item d;",
    "(e) Item e;",
    "(f) Item f;",
    "(g) Item g;",
    "(h) Item h;",
    "(i) Item i, which continues on the next",
    "",
    "2/5",
    "",
    "A/C.3/78/L.12/Rev.1",
    "23-12345 (E)    031123",
    "\f",
    "page of the text;",
    "",
    "B. Follow-up",
    "",
    "3. *Decides* to remain seized of the matter, [see](https://example.org/x).",
    "",
    "¹² Ibid., *Supplement No. 5*",
    "([A/68/5](#)).",
    "",
    "Please recycle",
]


@pytest.fixture(scope="module")
def sponsored() -> Document:
    return import_text(text_of(*SPONSORED), "draft.txt")


def test_sponsored_masthead(sponsored):
    meta = sponsored.meta
    assert meta.symbol == "A/C.3/78/L.12/Rev.1"
    assert meta.organ == "General Assembly"
    assert meta.distribution == "Limited"
    assert meta.date == "2023-11-03"
    assert meta.original_language == "fr"
    assert meta.session == "Seventy-eighth session"
    assert meta.committee == "Special Political and Decolonization Committee (Fourth Committee)"
    assert meta.agenda_item == "119 (b)"
    assert meta.agenda_title == (
        "Integrated and coordinated implementation of and follow-up to the outcomes of the major United "
        "Nations conferences"
    )
    assert meta.job_number == "23-12345"
    assert meta.note == ""
    assert meta.title == "Strengthening the coordination of assistance"


def test_sponsored_sponsors_keep_group_and_names_with_and(sponsored):
    assert sponsored.meta.sponsors == [
        "Andorra", "Fiji (on behalf of the Group of 77 and China)", "Trinidad and Tobago", "Brazil",
    ]


def test_sponsor_line_wrapped_over_lines():
    document = import_text(text_of(
        "Agenda item 69 (a)",
        "Promotion and protection of human rights: implementation of human rights instruments",
        "Andorra, Antigua and Barbuda, Bosnia and Herzegovina, Chile,",
        "Trinidad and Tobago and Peru: draft resolution",
        "Promoting human rights",
        "The General Assembly,",
        "1. Decides to act.",
    ))
    meta = document.meta
    assert meta.sponsors == ["Andorra", "Antigua and Barbuda", "Bosnia and Herzegovina", "Chile",
                             "Trinidad and Tobago", "Peru"]
    assert meta.agenda_item == "69 (a)"
    assert meta.agenda_title == (
        "Promotion and protection of human rights: implementation of human rights instruments"
    )
    assert meta.title == "Promoting human rights"


def test_sponsored_structure(sponsored):
    summary = [(block.kind, block.number, block.level) for block in sponsored.blocks]
    assert summary == [
        (FORMULA, "", 0), (PREAMBULAR, "", 0), (HEADING, "I.", 1), (OPERATIVE, "", 0), (HEADING, "A.", 2),
        (OPERATIVE, "", 0), *[(SUBPARAGRAPH, "", 0)] * 11, (HEADING, "B.", 2), (OPERATIVE, "", 0),
    ]
    assert sponsored.blocks[2].text == "General matters"
    assert sponsored.blocks[0].text == "The General Assembly,"


def test_subparagraph_nesting_and_letter_i_after_h(sponsored):
    by_text = {" ".join(block.text.split()[:2]): block for block in sponsored.blocks}
    op2 = next(block for block in sponsored.blocks if block.text == "Requests the Secretary-General:")
    sub_b = by_text["To consult"]
    assert by_text["To report"].parent == op2.id
    assert sub_b.parent == op2.id
    assert by_text["Their needs;"].parent == sub_b.id
    assert by_text["Their priorities;"].parent == sub_b.id
    assert by_text["Item c;"].parent == op2.id
    item_i = by_text["Item i,"]
    assert item_i.parent == op2.id  # "(i)" after "(h)" is a letter, not a roman numeral
    assert item_i.text == "Item i, which continues on the next page of the text;"


def test_wrapped_lines_are_joined(sponsored):
    texts = [block.text for block in sponsored.blocks]
    assert "To report on the implementation of the present resolution;" in texts


def test_opening_italics_are_dropped_other_italics_are_marks(sponsored):
    op1 = kinds(sponsored, OPERATIVE)[0]
    assert op1.text == "Urges Member States to act, as set out in the Treaty Series;"
    (italic,) = [mark for mark in op1.marks if mark.kind == ITALIC]
    assert op1.text[italic.start : italic.end] == "Treaty Series"


def test_links_with_and_without_url(sponsored):
    pp1 = kinds(sponsored, PREAMBULAR)[0]
    (link,) = [mark for mark in pp1.marks if mark.kind == LINK]
    assert (pp1.text[link.start : link.end], link.target) == ("66/171", "https://undocs.org/en/A/RES/66/171")
    op3 = kinds(sponsored, OPERATIVE)[-1]
    assert op3.text == "Decides to remain seized of the matter, see."
    assert [m for m in op3.marks if m.kind == LINK] == [Mark(LINK, 40, 43, "https://example.org/x")]


def test_multi_digit_footnote_marker(sponsored):
    assert list(sponsored.footnotes) == ["f1"]
    footnote = sponsored.footnotes["f1"]
    assert footnote.text == "Ibid., Supplement No. 5 (A/68/5)."
    assert Mark(ITALIC, 7, 23) in footnote.marks
    assert Mark(LINK, 25, 31, "https://undocs.org/en/A/68/5") in footnote.marks
    pp1 = kinds(sponsored, PREAMBULAR)[0]
    assert anchors(pp1) == [Mark(FOOTNOTE, len(pp1.text), len(pp1.text), "f1")]
    assert len(anchors(kinds(sponsored, OPERATIVE)[0])) == 1


def test_page_furniture_is_dropped(sponsored):
    texts = " ".join(block.text for block in sponsored.blocks)
    for furniture in ("2/5", "23-12345", "Please recycle", "A/C.3/78/L.12", "\f"):
        assert furniture not in texts


def test_masthead_on_one_line_and_other_page_furniture():
    document = import_text(text_of(
        "United Nations A/78/L.12",
        "General Assembly",
        "The General Assembly,",
        "",
        "Recalling its resolution 77/1,",
        "Page 2 of 3",
        "A/78/L.12 2/3",
        "- 2 -",
        "*2312345*",
        "♲ Please recycle",
        "1. Decides to act.",
    ))
    assert document.meta.symbol == "A/78/L.12"
    assert [block.text for block in document.blocks] == [
        "The General Assembly,", "Recalling its resolution 77/1,", "Decides to act.",
    ]


def test_windows_line_endings_and_bom_give_the_same_document(sponsored):
    data = "\ufeff".encode() + "\r\n".join(SPONSORED).encode("utf-8")
    assert import_text(data, "draft.txt") == sponsored


def test_old_mac_line_endings():
    data = text_of("The General Assembly,", "", "1. Decides to act;", "", "2. Decides to stop.")
    data = data.replace(b"\n", b"\r")
    assert [block.kind for block in import_text(data).blocks] == [FORMULA, OPERATIVE, OPERATIVE]


# -- smaller synthetic texts -----------------------------------------------------------------------


def test_page_break_inside_a_paragraph_is_joined():
    document = import_text(text_of(
        "The General Assembly,",
        "",
        "Recalling its resolution 66/171 of 19 December 2011 on protection of human rights and fundamental",
        "",
        "- 2 -",
        "",
        "freedoms while countering terrorism,",
        "",
        "1. Decides to remain seized of the matter.",
    ))
    pp = kinds(document, PREAMBULAR)
    assert [block.text for block in pp] == [
        "Recalling its resolution 66/171 of 19 December 2011 on protection of human rights and fundamental "
        "freedoms while countering terrorism,"
    ]


def test_page_break_before_a_capitalised_continuation_is_joined_after_a_long_fragment():
    document = import_text(text_of(
        "The General Assembly,",
        "",
        "Recalling its resolution 66/171 of 19 December 2011 on the work of the",
        "3/5",
        "United Nations in countering terrorism,",
        "",
        "1. Decides to remain seized of the matter.",
    ))
    assert kinds(document, PREAMBULAR)[0].text == (
        "Recalling its resolution 66/171 of 19 December 2011 on the work of the United Nations in countering "
        "terrorism,"
    )


def test_unnumbered_heading_and_text_after_operative_paragraphs():
    document = import_text(text_of(
        "The General Assembly,",
        "",
        "Recalling its resolutions,",
        "",
        "1. Decides to act;",
        "",
        "2. Requests a report.",
        "",
        "Annex",
        "",
        "The text of the annex is free text.",
    ))
    assert [(block.kind, block.level) for block in document.blocks] == [
        (FORMULA, 0), (PREAMBULAR, 0), (OPERATIVE, 0), (OPERATIVE, 0), (HEADING, 1), (TEXT, 0),
    ]


def test_closing_lines_of_an_adopted_resolution_are_text_not_headings():
    document = import_text(text_of(
        "The General Assembly,", "", "1. Decides to act.", "",
        "*50th plenary meeting*", "", "*19 December 2023*",
    ))
    assert [(block.kind, block.text) for block in document.blocks[2:]] == [
        (TEXT, "50th plenary meeting"), (TEXT, "19 December 2023"),
    ]


def test_single_unnumbered_operative_paragraph():
    document = import_text(text_of(
        "The General Assembly,",
        "",
        "*Recalling* its resolution 77/1,",
        "",
        "*Decides* to include in the provisional agenda of its seventy-ninth session the item entitled "
        "“Follow-up”.",
    ))
    assert [block.kind for block in document.blocks] == [FORMULA, PREAMBULAR, OPERATIVE]
    assert document.blocks[2].text.startswith("Decides to include")


def test_single_unnumbered_operative_paragraph_with_subparagraphs():
    document = import_text(text_of(
        "The General Assembly,",
        "",
        "Recalling its resolution 77/1,",
        "",
        "Requests the Secretary-General:",
        "(a) To report;",
        "(b) To consult.",
    ))
    assert [block.kind for block in document.blocks] == [FORMULA, PREAMBULAR, OPERATIVE, SUBPARAGRAPH,
                                                          SUBPARAGRAPH]
    assert document.blocks[3].parent == document.blocks[2].id


def test_roman_list_continues_past_v():
    lines = ["The General Assembly,", "", "1. Requests:", "(a) Things:"]
    lines += [f"({numeral}) Item;" for numeral in ("i", "ii", "iii", "iv", "v", "vi")]
    lines += ["(b) More."]
    document = import_text(text_of(*lines))
    op, sub_a, *romans, sub_b = document.blocks[1:]
    assert [block.parent for block in romans] == [sub_a.id] * 6
    assert sub_a.parent == sub_b.parent == op.id


def test_numbered_heading_i_after_h_is_a_letter():
    lines = ["The General Assembly,", "", "1. Decides to act;"]
    for letter in "ABCDEFGHI":
        lines += ["", f"{letter}. Part {letter}", "", f"{ord(letter) - 63}. Decides to act;"]
    document = import_text(text_of(*lines))
    headings = kinds(document, HEADING)
    assert [(block.number, block.level) for block in headings][-2:] == [("H.", 2), ("I.", 2)]


def test_roman_headings_continue():
    lines = ["The General Assembly,"]
    for number, roman in enumerate(("I", "II", "III", "IV", "V"), 1):
        lines += ["", f"{roman}. Part {number}", "", f"{number}. Decides to act;"]
    document = import_text(text_of(*lines))
    assert [(block.number, block.level) for block in kinds(document, HEADING)] == [
        ("I.", 1), ("II.", 1), ("III.", 1), ("IV.", 1), ("V.", 1),
    ]


def test_footnote_without_text_keeps_its_anchor_and_an_empty_footnote():
    document = import_text(text_of("The General Assembly,", "", "1. Decides to act;³"))
    op = document.blocks[1]
    assert op.text == "Decides to act;"
    assert anchors(op) == [Mark(FOOTNOTE, 15, 15, "f1")]
    assert document.footnotes["f1"].text == ""


def test_footnote_ids_follow_first_reference_not_marker_numbers():
    document = import_text(text_of(
        "The General Assembly,",
        "",
        "Recalling resolution 60/288,² and resolution 66/171,¹",
        "",
        "¹ Resolution 66/171.",
        "² Resolution 60/288.",
        "",
        "1. Decides to act.",
    ))
    assert {fid: note.text for fid, note in document.footnotes.items()} == {
        "f1": "Resolution 60/288.", "f2": "Resolution 66/171.",
    }
    assert [anchor.target for anchor in anchors(document.blocks[1])] == ["f1", "f2"]


def test_text_without_formula_starts_at_the_first_numbered_paragraph():
    document = import_text(text_of("Draft for discussion", "", "1. Decides to act;", "", "2. Requests."))
    assert [block.kind for block in document.blocks] == [OPERATIVE, OPERATIVE]
    assert document.meta.title == "Draft for discussion"


def test_text_without_formula_keeps_its_preambular_paragraphs():
    document = import_text(text_of(
        "Early warning systems for all",
        "",
        "*Recalling* its resolution 69/283,",
        "",
        "*Noting* the report of the Secretary-General,",
        "",
        "1. *Decides* to act.",
    ))
    assert [block.kind for block in document.blocks] == [PREAMBULAR, PREAMBULAR, OPERATIVE]
    assert document.blocks[0].text == "Recalling its resolution 69/283,"
    assert document.meta.title == "Early warning systems for all"


def test_french_and_spanish_texts():
    french = import_text(text_of("Assemblée générale", "1er octobre 2013", "L’Assemblée générale,", "",
                                 "1. Décide d’agir."))
    assert (french.meta.language, french.meta.date) == ("fr", "2013-10-01")
    assert french.meta.organ == "General Assembly"
    spanish = import_text(text_of("1 de octubre de 2013", "Original: español", "La Asamblea General,", "",
                                  "1. Decide actuar."))
    meta = spanish.meta
    assert (meta.language, meta.date, meta.original_language) == ("es", "2013-10-01", "es")


def test_organ_comes_from_the_formula_when_the_masthead_has_none():
    document = import_text(text_of("The Security Council,", "", "1. Decides to remain seized of the matter."))
    assert document.meta.organ == "Security Council"
    french = import_text(text_of("L'Assemblée générale,", "", "1. Décide d’agir."))
    assert french.meta.organ == "General Assembly"


def test_economic_and_social_council_formula():
    document = import_text(text_of("Economic and Social Council", "", "The Economic and Social Council,", "",
                                   "1. Decides to act."))
    assert document.meta.organ == "Economic and Social Council"
    assert document.blocks[0].text == "The Economic and Social Council,"


GABON = "Gabon (on behalf of the Group of African States)"


@pytest.mark.parametrize(("line", "sponsors"), [
    ("Andorra, Brazil and Chile", ["Andorra", "Brazil", "Chile"]),
    (GABON, [GABON]),
    ("Antigua and Barbuda and Bosnia and Herzegovina", ["Antigua and Barbuda", "Bosnia and Herzegovina"]),
    ("Bolivia (Plurinational State of), Chile, and Peru", ["Bolivia (Plurinational State of)", "Chile",
                                                           "Peru"]),
])
def test_split_sponsors(line, sponsors):
    assert split_sponsors(line) == sponsors


# -- any input: a document or one sentence, never a crash ------------------------------------------

PIECES = [
    "The General Assembly,", "1. ", "2. ", "(a) ", "(i) ", "(h) ", "I. ", "A. ", "a) ", "i. ",
    "*", "**", "[", "](", ")", "(", "[66/171](#)", "¹", "¹²", " ", "\n", "\n\n", "\r\n", "\f",
    "2/5", "13-49218 (E)", "A/C.3/68/L.5", "Urges", "states", ",", ";", ".", ":", "é",
    "Agenda item 5", "Note by the Secretariat", "Chile: draft resolution", "Distr.: Limited",
    "1 October 2013",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40))
def test_any_text_gives_a_consistent_document_or_one_sentence(parts):
    try:
        document = import_text("".join(parts).encode("utf-8", "surrogatepass"), "input.txt")
    except BadInputError as error:
        assert "\n" not in str(error)
        return
    ids = {block.id for block in document.blocks}
    for block in document.blocks:
        assert all(0 <= mark.start <= mark.end <= len(block.text) for mark in block.marks)
        assert all(mark.target in document.footnotes for mark in anchors(block))
        assert block.parent is None or block.parent in ids
    for footnote in document.footnotes.values():
        assert all(0 <= mark.start <= mark.end <= len(footnote.text) for mark in footnote.marks)


# -- bad input -------------------------------------------------------------------------------------


def refused(data: bytes, name: str = "input.txt") -> str:
    with pytest.raises(BadInputError) as caught:
        import_text(data, name)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".")
    assert name in message
    return message


@pytest.mark.parametrize(("data", "expected"), [
    (b"", "is empty"),
    (b" \n\t\r\n  \n", "only white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    (random.Random(7).randbytes(512), "binary data"),
    ("The General Assembly,\n\n1. Décide d’agir.".encode("latin-1", errors="replace"), "not UTF-8"),
    (b"Hello, world. This is a letter, not a resolution.", "no resolution paragraphs"),
    (b"The General Assembly,\n\n", "no paragraphs after it"),
    ("x".encode("utf-16"), "UTF-16"),
])
def test_bad_input_is_one_sentence(data, expected):
    assert expected in refused(data)


def test_too_large_input_is_refused():
    assert "too large" in refused(b" " * (MAX_TEXT_BYTES + 1))


# -- format detection ------------------------------------------------------------------------------


@pytest.mark.parametrize(("head", "expected"), [
    (b"PK\x03\x04\x14\x00\x06\x00", "docx"),
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/">', "akn"),
    (b"\xef\xbb\xbf<?xml version='1.0'?><!-- made by hand --><akomaNtoso>", "akn"),
    (b"<an:akomaNtoso xmlns:an='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'>", "akn"),
    (b"<!--" + b"x" * 4000 + b"<akomaNtoso", "akn"),  # the prolog does not end within the head
    (SEED.read_bytes()[:4096], "text"),
    ("Original: English\n1 octobre 2013 — “draft”".encode(), "text"),
    ("é".encode()[:1].join([b"abc " * 1023, b""]), "text"),  # a character cut by the end of the head
])
def test_detect_format(head, expected):
    assert detect_format("input", head) == expected


@pytest.mark.parametrize(("head", "expected"), [
    (b"", "is empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old-format Word"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    (bytes(range(256)), "binary data"),
    (b"<?xml version='1.0'?><html><body/></html>", "root element is <html>"),
    (b"<!DOCTYPE html>\n<html>", "root element is <html>"),
    ("Décide d’agir".encode("latin-1", errors="replace"), "encoding other than UTF-8"),
    ("text".encode("utf-16"), "UTF-16"),
    (b"{\\rtf1\\ansi Hello}", "RTF"),
])
def test_detect_format_refuses(head, expected):
    with pytest.raises(BadInputError) as caught:
        detect_format("input.bin", head)
    message = str(caught.value)
    assert expected in message
    assert message.startswith("input.bin ") and "\n" not in message
    assert "is not a format Resolution Desk can import (plain text, Akoma Ntoso XML or Word .docx)" in message

"""The Akoma Ntoso (AKN4UN) importer on the UN's own files, on hand-made edge cases and on hostile input."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from akn_samples import (
    A_78_226,
    AKN_FILES,
    C_78_226,
    E_75_19,
    E_75_246,
    E_76_1,
    E_76_153,
    E_78_226,
    F_78_226,
    akn_sample,
)
from resdesk.amend.labels import document_labels
from resdesk.errors import BadInputError
from resdesk.formats.akn_import import collapse_whitespace, import_akn
from resdesk.formats.safe_xml import MAX_XML_BYTES, parse_xml
from resdesk.model.document import (
    FORMULA,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    SUBPARAGRAPH,
    TABLE,
    TEXT,
    Document,
)
from resdesk.text.inline import BOLD, FOOTNOTE, ITALIC, LINK, Mark

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
AKN_OPEN = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'

# Per file: PPs, OPs, sub-paragraphs, headings, tables, free-text blocks, footnotes.
# `test_expected_counts_match_the_xml` derives the same numbers from the XML with XPath.
EXPECTED = {
    E_75_19: (1, 1, 0, 0, 0, 0, 1),
    E_75_246: (2, 49, 0, 9, 2, 1, 12),
    E_76_153: (37, 13, 18, 0, 0, 0, 18),
    E_76_1: (0, 18, 0, 1, 0, 2, 8),
}
EXPECTED.update({name: (20, 36, 0, 0, 0, 0, 11) for name in AKN_FILES if "78_226" in name})
KINDS = (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, HEADING, TABLE, TEXT)


def load(name: str) -> Document:
    return import_akn(akn_sample(name).read_bytes(), name)


def blocks_of(document: Document, kind: str):
    return [block for block in document.all_blocks() if block.kind == kind]


def import_string(xml: str) -> Document:
    return import_akn(xml.encode("utf-8"), "test.xml")


def text_before(text: str, mark: Mark, length: int) -> str:
    """The `length` characters just before a (footnote anchor) mark."""
    return text[max(0, mark.start - length):mark.start]


# -- counts --------------------------------------------------------------------------------------


def _visible_text(paragraph) -> str:
    """The paragraph's words without footnote texts, as the XML has them."""
    words = paragraph.xpath(".//a:p//text()[not(ancestor::a:authorialNote)]", namespaces=NS)
    return " ".join("".join(words).split())


def xml_counts(name: str) -> tuple[int, ...]:
    """The expected numbers, counted in the XML independently of the importer.

    PPs are the preamble's containers plus any unnumbered body paragraph ending with a
    comma before every numbered paragraph and heading (the French 78/226 puts its last PP
    there); a body whose only paragraph is unnumbered has that one OP (75/19); the other
    unnumbered body paragraphs are free text.
    """
    root = etree.parse(str(akn_sample(name))).getroot()

    def find(path: str) -> list:
        return root.xpath(path, namespaces=NS)

    numbered = find("//a:mainBody//a:paragraph[a:num and not(a:heading or a:subheading)]")
    unnumbered = find("//a:mainBody/a:paragraph[not(a:num) and not(a:heading or a:subheading)]")
    misplaced_pps = [
        p for p in unnumbered
        if not p.xpath("preceding-sibling::a:paragraph[a:num or a:heading or a:subheading]", namespaces=NS)
        and _visible_text(p).endswith(",")
    ]
    single_op = 1 if not numbered and len(unnumbered) == 1 else 0
    markers = [note.get("marker") for note in find("//a:authorialNote")]
    assert len(set(markers)) == len(markers), "no sample repeats a footnote marker"
    return (
        len(find("//a:preamble/a:container")) + len(misplaced_pps),
        len(numbered) + single_op,
        len(find("//a:mainBody//a:point")),
        len(find("//a:mainBody/a:paragraph[a:heading or a:subheading] | //a:crossHeading")),
        len(find("//a:table")),
        len(unnumbered) - len(misplaced_pps) - single_op,
        len(markers),
    )


@pytest.mark.parametrize("name", AKN_FILES)
def test_expected_counts_match_the_xml(name):
    assert xml_counts(name) == EXPECTED[name]


@pytest.mark.parametrize("name", AKN_FILES)
def test_block_and_footnote_counts(name):
    document = load(name)
    counts = Counter(block.kind for block in document.all_blocks())
    assert tuple(counts[kind] for kind in KINDS) + (len(document.footnotes),) == EXPECTED[name]
    assert counts[FORMULA] == 1
    assert set(counts) <= {FORMULA, *KINDS}


@pytest.mark.parametrize("name", AKN_FILES)
def test_ids_are_sequential_in_reading_order_and_deterministic(name):
    document = load(name)
    ids = [block.id for block in document.all_blocks()]
    assert ids == [f"b{i}" for i in range(1, len(ids) + 1)]
    anchors = [m.target for block in document.blocks for m in block.marks if m.kind == FOOTNOTE]
    anchors += [m.target for block in document.blocks for row in block.rows for cell in row
                for m in cell.marks if m.kind == FOOTNOTE]
    first_seen = list(dict.fromkeys(anchors))
    assert sorted(first_seen, key=lambda f: int(f[1:])) == list(document.footnotes)
    assert list(document.footnotes) == [f"f{i}" for i in range(1, len(document.footnotes) + 1)]
    assert load(name) == document


@pytest.mark.parametrize("name", AKN_FILES)
def test_every_footnote_has_an_anchor_and_every_anchor_a_footnote(name):
    document = load(name)
    anchors = [m.target for block in document.blocks for m in block.marks if m.kind == FOOTNOTE]
    assert set(anchors) == set(document.footnotes)
    assert all(m.start == m.end for block in document.blocks for m in block.marks if m.kind == FOOTNOTE)


# -- clean text ------------------------------------------------------------------------------------


def all_texts(document: Document):
    for block in document.all_blocks():
        yield block.id, block.text, block.marks
        for row in block.rows:
            for cell in row:
                yield block.id, cell.text, cell.marks
    for footnote in document.footnotes.values():
        yield footnote.id, footnote.text, footnote.marks


@pytest.mark.parametrize("name", AKN_FILES)
def test_no_layout_whitespace_in_any_text(name):
    for where, text, marks in all_texts(load(name)):
        assert "\t" not in text and "\n" not in text and "  " not in text, (where, text)
        assert text == text.strip(), (where, text)
        for mark in marks:
            assert 0 <= mark.start <= mark.end <= len(text), (where, mark)
            if mark.kind != FOOTNOTE:
                span = text[mark.start:mark.end]
                assert span and span == span.strip(), (where, mark)


@pytest.mark.parametrize("name", AKN_FILES)
def test_blocks_have_text_and_conclusions_are_not_imported(name):
    document = load(name)
    for block in document.all_blocks():
        assert block.text or block.kind == TABLE, block
    words = " ".join(block.text for block in document.blocks)
    assert "plenary meeting" not in words
    assert "الجلسة العامة" not in words


@pytest.mark.parametrize("name", AKN_FILES)
def test_opening_phrases_are_not_stored_as_formatting(name):
    """No PP/OP (nor the formula) keeps an italic or bold mark at its start."""
    for block in load(name).all_blocks():
        if block.kind in (FORMULA, PREAMBULAR, OPERATIVE):
            assert not [m for m in block.marks if m.kind in (ITALIC, BOLD) and m.start == 0], block


# -- 78/226 in English --------------------------------------------------------------------------


def test_metadata_78_226_english():
    meta = load(E_78_226).meta
    assert meta.symbol == "A/RES/78/226"
    assert meta.organ == "General Assembly"
    assert meta.committee == "Third Committee"
    assert meta.session == "Seventy-eighth session"
    assert meta.agenda_item == "107"
    assert meta.agenda_title == "Crime prevention and criminal justice"
    assert meta.distribution == "General"
    assert meta.date == "2023-12-22"
    assert meta.language == "en"
    assert meta.original_language == ""
    assert meta.title == (
        "Technical assistance provided by the United Nations Office on Drugs and Crime related to "
        "counter-terrorism"
    )
    assert meta.job_number == "23-25984"
    assert meta.sponsors == []
    assert meta.note == ""


def test_first_pp_and_last_op_78_226():
    document = load(E_78_226)
    assert document.blocks[0].kind == FORMULA
    assert document.blocks[0].text == "The General Assembly,"
    assert document.blocks[0].marks == []
    assert blocks_of(document, PREAMBULAR)[0].text == (
        "Reaffirming that terrorism in all its forms and manifestations constitutes one of the most serious "
        "threats to international peace and security and that all acts of terrorism are criminal and "
        "unjustifiable, regardless of their motivations, wherever, whenever and by whomsoever committed, and "
        "that they are to be unequivocally condemned,"
    )
    assert blocks_of(document, OPERATIVE)[-1].text == (
        "Also requests the Secretary-General to submit to the General Assembly at its seventy-eighth session "
        "a report on the implementation of the present resolution."
    )
    labels = document_labels(document)
    assert labels[blocks_of(document, OPERATIVE)[-1].id] == "OP36"
    assert labels[blocks_of(document, PREAMBULAR)[-1].id] == "PP20"


def test_footnotes_and_links_78_226():
    document = load(E_78_226)
    pp6 = blocks_of(document, PREAMBULAR)[5]
    assert pp6.text == (
        "Recalling the Declaration and Programme of Action on a Culture of Peace and the Global Agenda for "
        "Dialogue among Civilizations,"
    )
    first, second = [m for m in pp6.marks if m.kind == FOOTNOTE]
    assert text_before(pp6.text, first, 21) == "on a Culture of Peace"
    assert pp6.text[first.start:].startswith(" and the Global")
    assert second.start == len(pp6.text) and pp6.text.endswith("Civilizations,")
    note = document.footnotes[first.target]
    assert note.text == "Resolutions 53/243 A and B."
    assert Mark(LINK, 12, 18, "https://undocs.org/en/A/RES/53/243") in note.marks
    assert document.footnotes[second.target].text == "Resolution 56/6."

    pp8 = blocks_of(document, PREAMBULAR)[7]
    link = next(m for m in pp8.marks if m.kind == LINK)
    assert pp8.text[link.start:link.end] == "74/175"
    assert link.target == "https://undocs.org/en/A/RES/74/175"
    anchor = next(m for m in pp8.marks if m.kind == FOOTNOTE)
    assert text_before(pp8.text, anchor, 34) == "Global Counter-Terrorism Strategy,"
    assert document.footnotes[anchor.target].text == "Resolution 60/288."


def test_italics_beyond_the_opening_are_kept():
    document = load(E_78_226)
    treaty = next(f for f in document.footnotes.values() if f.text.startswith("United Nations, Treaty"))
    assert [treaty.text[m.start:m.end] for m in treaty.marks if m.kind == ITALIC] == ["Treaty Series"]
    pp17 = blocks_of(document, PREAMBULAR)[16]
    italic = [pp17.text[m.start:m.end] for m in pp17.marks if m.kind == ITALIC]
    assert italic == [
        "Handbook on Children Recruited and Exploited by Terrorist and Violent Extremist Groups: "
        "the Role of the Justice System"
    ]


# -- other languages ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in AKN_FILES if "78_226" in n])
def test_78_226_has_the_same_shape_in_every_language(name):
    document = load(name)
    assert document.meta.symbol == "A/RES/78/226"
    assert document.meta.date == "2023-12-22"
    assert document.meta.agenda_item == "107"
    languages = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}
    assert document.meta.language == languages[name[-5]]
    assert document.meta.committee  # in the language of the file
    assert document.meta.job_number.startswith("23-259")
    english = load(E_78_226)
    footnoted = [sum(m.kind == FOOTNOTE for m in b.marks) for b in english.blocks]
    assert [sum(m.kind == FOOTNOTE for m in b.marks) for b in document.blocks] == footnoted


def test_arabic_paragraph_and_marker_brackets():
    document = load(A_78_226)
    pp6 = blocks_of(document, PREAMBULAR)[5]
    assert pp6.text == (
        "وإذ تشير إلى الإعلان وبرنامج العمل بشأن ثقافة السلام والبرنامج العالمي للحوار بين الحضارات،"
    )
    anchors = [m for m in pp6.marks if m.kind == FOOTNOTE]
    # Arabic puts the marker before the comma, as the file does.
    assert [text_before(pp6.text, m, 6) for m in anchors] == ["السلام", "حضارات"]
    assert pp6.text[anchors[1].start:] == "،"
    assert document.footnotes[anchors[0].target].text == "القراران 53/243 ألف وباء."
    assert not any(f.text.startswith("(") for f in document.footnotes.values())
    assert document.meta.organ == "General Assembly"  # "الجمعية العامة": kept by its English name
    assert document.meta.session == "الدورة الثامنة والسبعون"
    # The opening "وإذ تلاحظ" is split into a bold "و" and a bold italic rest: neither is kept.
    pp12 = blocks_of(document, PREAMBULAR)[11]
    assert pp12.text.startswith("وإذ تلاحظ العمل الجاري")
    assert not [m for m in pp12.marks if m.kind in (ITALIC, BOLD)]


def test_chinese_paragraph_has_no_invented_spaces():
    document = load(C_78_226)
    assert document.blocks[0].text == "大会，"
    pp6 = blocks_of(document, PREAMBULAR)[5]
    # The space after the first marker is in the UN file itself; no other space is added.
    assert pp6.text == "回顾《和平文化宣言和行动纲领》 和《不同文明对话全球议程》，"
    assert [text_before(pp6.text, m, 3) for m in pp6.marks if m.kind == FOOTNOTE] == ["纲领》", "程》，"]
    last_op = blocks_of(document, OPERATIVE)[-1]
    assert last_op.text == "又请秘书长向大会第七十八届会议提交报告，说明本决议的执行情况。"
    assert document.meta.title == "联合国毒品和犯罪问题办公室在反恐方面提供的技术援助"


def test_french_pp_placed_in_the_body_and_superscripts():
    document = load(F_78_226)
    pps = blocks_of(document, PREAMBULAR)
    assert pps[-1].text.startswith("Prenant également note des évaluations indépendantes")
    assert pps[-1].text.endswith("dans le cadre de son mandat,")
    assert document.blocks.index(pps[-1]) + 1 == document.blocks.index(blocks_of(document, OPERATIVE)[0])
    # "n<sup>o</sup> 27531": the superscript ordinal stays text.
    assert "Ibid., vol. 1577, no\u00a027531." in [f.text for f in document.footnotes.values()]
    assert document.meta.distribution == "générale"


# -- structure of the other English samples --------------------------------------------------------


def test_75_19_single_unnumbered_op_and_metadata():
    document = load(E_75_19)
    meta = document.meta
    assert meta.symbol == "A/RES/75/19"
    assert meta.committee == ""
    assert meta.session == "Seventy-fifth session"
    assert meta.agenda_item == "3 (b)"
    assert meta.date == "2020-12-07"
    assert meta.language == "en"
    assert meta.job_number == "20-16358"
    assert meta.title == "Credentials of representatives to the seventy-fifth session of the General Assembly"
    assert [b.kind for b in document.blocks] == [FORMULA, PREAMBULAR, OPERATIVE]
    op = document.blocks[2]
    assert op.text == "Approves the report of the Credentials Committee."
    assert op.marks == [Mark(FOOTNOTE, len(op.text), len(op.text), "f1")]
    assert document.footnotes["f1"].text == "A/75/606."


def test_76_153_sub_paragraphs_and_sponsors():
    document = load(E_76_153)
    op5 = blocks_of(document, OPERATIVE)[4]
    assert op5.text == "Calls upon States:"
    subs = blocks_of(document, SUBPARAGRAPH)
    assert all(sub.parent == op5.id for sub in subs)
    labels = document_labels(document)
    assert [labels[s.id] for s in subs[:3]] == ["OP5 (a)", "OP5 (b)", "OP5 (c)"]
    assert labels[subs[-1].id] == "OP5 (r)"
    sub_c = subs[2]
    assert sub_c.text == (
        "To implement the internationally agreed Sustainable Development Goals and targets, including the "
        "Goal on ensuring the availability and sustainable management of water and sanitation for all, "
        "consistent with their obligations under international law;"
    )
    anchor = next(m for m in sub_c.marks if m.kind == FOOTNOTE)
    assert text_before(sub_c.text, anchor, 30) == "Development Goals and targets,"
    assert document.footnotes[anchor.target].text == "See resolution 70/1."
    assert document.blocks.index(subs[-1]) + 1 == document.blocks.index(blocks_of(document, OPERATIVE)[5])
    sponsors = document.meta.sponsors
    assert len(sponsors) == 42 + 64
    assert sponsors[:4] == ["Armenia", "Austria", "Belgium", "Bolivia (Plurinational State of)"]
    assert "Bosnia and Herzegovina" in sponsors and "Saint Vincent and the Grenadines" in sponsors
    assert sponsors[41] == "Ukraine" and sponsors[-1] == "Zambia" and "United Kingdom" in sponsors


def test_75_246_headings_tables_and_table_note():
    document = load(E_75_246)
    headings = blocks_of(document, HEADING)
    assert [(h.number, h.text, h.level) for h in headings[:1]] == [("", "Actuarial matters", 2)]
    assert [(h.number, h.text, h.level) for h in headings if h.level == 1] == [
        ("A.", "Pension Administration", 1),
        ("B.", "Office of Investment Management", 1),
    ]
    assert document.meta.committee == "Fifth Committee"
    tables = blocks_of(document, TABLE)
    first = tables[0]
    assert first.text == "" and len(first.rows) == 10  # the empty rule row is left out
    assert [(c.text, c.header) for c in first.rows[0]] == [
        ("Action", True), ("Title of post", True), ("Category", True), ("Number", True)
    ]
    assert first.rows[0][0].marks == [Mark(ITALIC, 0, 6)]
    total = first.rows[4]
    assert [c.text for c in total] == ["Total net changes", "", "", "4"]
    assert total[0].marks == [Mark(BOLD, 0, 17)] and not total[0].header
    assert [c.text for c in tables[1].rows[1]] == [
        "Abolishment", "Investment Assistant (Fixed Income)", "GS (OL)", "(1)"
    ]
    order = [b.kind for b in document.blocks]
    op43 = document.blocks.index(blocks_of(document, OPERATIVE)[42])
    assert order[op43:op43 + 7] == [OPERATIVE, HEADING, TABLE, HEADING, TABLE, TEXT, OPERATIVE]
    note = document.blocks[op43 + 5]
    assert note.text.startswith("Abbreviations: GS (OL), General Service (Other level);")
    assert note.marks == [Mark(ITALIC, 0, 13)]
    # Two footnotes with the same text but different markers stay two footnotes.
    assert [f.text for f in document.footnotes.values()].count("A/C.5/75/2.") == 2


def test_76_1_declaration_structure():
    document = load(E_76_1)
    kinds = [b.kind for b in document.blocks]
    assert kinds[:5] == [FORMULA, TEXT, HEADING, TEXT, OPERATIVE]
    adopts = document.blocks[1]
    assert adopts.text.startswith("Adopts the following political declaration")
    assert adopts.text.endswith("Durban Declaration and Programme of Action:")
    assert Mark(ITALIC, 0, 6) in adopts.marks  # free text keeps its italics
    assert document.blocks[2].text == (
        "United against racism, racial discrimination, xenophobia and related intolerance"
    )
    assert document.blocks[2].level == 1
    assert document.blocks[3].text.startswith("We, Heads of State and Government")
    labels = document_labels(document)
    ops = blocks_of(document, OPERATIVE)
    assert labels[ops[0].id] == "OP1" and ops[0].text.startswith("Reaffirm that the Durban Declaration")
    assert labels[ops[-1].id] == "OP18" and ops[-1].text.startswith("Proclaim together our strong")
    assert document.meta.committee == ""
    assert document.meta.agenda_item == "72 (b)"


# -- hand-made documents ---------------------------------------------------------------------------


def resolution(body: str, preamble: str = "", extra: str = "") -> str:
    return (
        f'{AKN_OPEN}<statement name="resolution">'
        f"<preamble>{preamble}</preamble><mainBody>{body}</mainBody>{extra}</statement></akomaNtoso>"
    )


def note(marker: str, text: str) -> str:
    return f'<authorialNote marker="{marker}"><p>{text}</p></authorialNote>'


def test_repeated_footnote_is_one_footnote_with_two_anchors():
    body = (
        f'<paragraph><num>1.</num><content><p>Recalls A,{note("1", "Resolution 1/1.")} and B</p>'
        "</content></paragraph>"
        f'<paragraph><num>2.</num><content><p>Notes C,{note("1", " Resolution  1/1. ")}'
        f' and D,{note("2", "Resolution 1/1.")}</p></content></paragraph>'
    )
    document = import_string(resolution(body))
    assert list(document.footnotes) == ["f1", "f2"]
    first, second = document.blocks
    assert [m.target for m in first.marks] == ["f1"]
    assert [m.target for m in second.marks] == ["f1", "f2"]  # same marker: merged; new marker: kept apart
    assert text_before(second.text, second.marks[0], 8) == "Notes C,"


def test_nested_lists_give_sub_paragraphs_of_sub_paragraphs():
    body = (
        "<paragraph><num>1.</num><list><intro><p>Decides:</p></intro>"
        "<point><num>(a)</num><content><p>To do X;</p></content></point>"
        "<point><num>(b)</num><list><intro><p>To do Y, namely:</p></intro>"
        "<point><num>(i)</num><content><p>Y1;</p></content></point>"
        "<point><num>(ii)</num><content><p>Y2;</p></content></point></list></point>"
        "</list></paragraph>"
    )
    document = import_string(resolution(body))
    labels = document_labels(document)
    assert [(b.kind, b.text, b.parent, labels[b.id]) for b in document.blocks] == [
        (OPERATIVE, "Decides:", None, "OP1"),
        (SUBPARAGRAPH, "To do X;", "b1", "OP1 (a)"),
        (SUBPARAGRAPH, "To do Y, namely:", "b1", "OP1 (b)"),
        (SUBPARAGRAPH, "Y1;", "b3", "OP1 (b) (i)"),
        (SUBPARAGRAPH, "Y2;", "b3", "OP1 (b) (ii)"),
    ]


def test_attachment_becomes_an_annex():
    annex = (
        '<attachments><attachment><doc name="annex"><preface><p><docTitle>Rules of procedure</docTitle></p>'
        "</preface><mainBody><paragraph><heading>I. General</heading></paragraph>"
        "<paragraph><num>1.</num><content><p>The Committee <i>shall</i> meet.</p></content></paragraph>"
        "</mainBody></doc></attachment></attachments>"
    )
    body = "<paragraph><num>1.</num><content><p>Adopts the rules annexed.</p></content></paragraph>"
    document = import_string(resolution(body, extra=annex))
    assert [b.id for b in document.blocks] == ["b1"]
    (only,) = document.annexes
    assert only.title == "Rules of procedure"
    assert [(b.id, b.kind, b.text) for b in only.blocks] == [
        ("b2", HEADING, "I. General"),
        ("b3", OPERATIVE, "The Committee shall meet."),
    ]
    assert only.blocks[1].marks == [Mark(ITALIC, 14, 19)]
    assert document_labels(document)["b3"] == "Annex OP1"


def test_preamble_cross_heading_and_opening_removed_but_later_italics_kept():
    preamble = (
        '<formula name="enactingFormula"><p><i>The General Assembly</i>,</p></formula>'
        "<crossHeading>Part one</crossHeading>"
        '<container name="Recalling"><p xml:space="preserve">\n\t<span class="italic">Recalling\t</span>'
        'the <span class="italic">Treaty Series</span>,</p></container>'
    )
    body = "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
    document = import_string(resolution(body, preamble))
    formula, heading, pp, op = document.blocks
    assert (formula.kind, formula.text, formula.marks) == (FORMULA, "The General Assembly,", [])
    assert (heading.kind, heading.text, heading.level) == (HEADING, "Part one", 1)
    assert (pp.text, pp.marks) == ("Recalling the Treaty Series,", [Mark(ITALIC, 14, 27)])


def test_heading_styles_and_divisions_give_headings():
    body = (
        '<paragraph class="HCh"><num>II.</num><content><p>Second part</p></content></paragraph>'
        '<section><num>A.</num><heading>A. Section</heading>'
        "<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph></section>"
        '<paragraph class="H23"><content><p>Other <i>matters</i></p></content></paragraph>'
    )
    blocks = import_string(resolution(body)).blocks
    assert [(b.kind, b.number, b.text, b.level) for b in blocks] == [
        (HEADING, "II.", "Second part", 1),
        (HEADING, "A.", "Section", 1),
        (OPERATIVE, "", "Decides.", 0),
        (HEADING, "", "Other matters", 2),
    ]
    assert blocks[3].marks == [Mark(ITALIC, 6, 13)]


def test_layout_whitespace_between_cjk_characters_is_dropped():
    body = (
        '<paragraph><num>1.</num><content><p xml:space="preserve">'
        "\n\t请秘书长\n      提交报告， 说明 A/78/1\n号</p></content></paragraph>"
    )
    (op,) = import_string(resolution(body)).blocks
    assert op.text == "请秘书长提交报告， 说明 A/78/1号"


@pytest.mark.parametrize(
    ("agenda", "expected"),
    [
        ('<inline name="agenda item">Agenda items 13 and 117</inline>', "13 and 117"),
        ('<inline name="agenda item" title="107">Agenda item 107</inline>', "107"),
        ('<inline name="agenda item">Point 72 b) de l’ordre du jour</inline>', "72 b)"),
        ('<inline name="agenda item">议程项目107</inline>', "107"),
        ('<inline name="agenda item" title="3 (b)">البند 3 (ب) من جدول الأعمال</inline>', "3 (b)"),
    ],
)
def test_agenda_item_words(agenda, expected):
    cover = f"<coverPage><p>{agenda}</p><p><docStatus>Distr.: Limited</docStatus></p></coverPage>"
    xml = resolution("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>")
    meta = import_string(xml.replace("<preamble>", cover + "<preamble>")).meta
    assert meta.agenda_item == expected
    assert meta.distribution == "Limited"


def test_collapse_whitespace_maps_offsets():
    raw = "\n\t Two \t words\u00a0kept \n"
    text, where = collapse_whitespace(raw, range(len(raw) + 1))
    assert text == "Two words\u00a0kept"
    assert [where[i] for i in (0, 3, 4, 6, 7, 9, 10, 19, 20, 21)] == [0, 0, 1, 3, 4, 4, 5, 14, 14, 14]


# -- not AKN, broken or hostile ------------------------------------------------------------------


def one_sentence(error: BadInputError, name: str = "test.xml") -> str:
    message = str(error)
    assert "\n" not in message and message.strip() == message
    assert message.startswith(name)
    assert message.endswith((".", "?"))
    assert "root:" not in message and "/bin/" not in message
    return message


def refused(data: bytes, name: str = "test.xml") -> str:
    with pytest.raises(BadInputError) as caught:
        import_akn(data, name)
    return one_sentence(caught.value, name)


def test_empty_and_blank_input():
    assert "empty" in refused(b"")
    assert "empty" in refused(b" \n\t ")


def test_random_binary_input():
    message = refused(os.urandom(4096) + b"\x00\xff", "scan.pdf")
    assert "not well-formed XML" in message


def test_truncated_sample():
    data = akn_sample(E_75_19).read_bytes()
    message = refused(data[: len(data) // 2], E_75_19)
    assert message.startswith(f"{E_75_19} is not well-formed XML (line ")
    assert message.endswith("; is it a complete Akoma Ntoso file?")


def test_billion_laughs_is_refused():
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">{entities}]>'
        f"{AKN_OPEN}<statement>&l9;</statement></akomaNtoso>"
    )
    assert "DOCTYPE" in refused(data.encode())


XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"{AKN_OPEN}<statement><mainBody><paragraph><content><p>&xxe;</p></content></paragraph></mainBody>"
    "</statement></akomaNtoso>"
)


def passwd_first_line() -> str:
    if not os.path.exists("/etc/passwd"):
        return "root:x:0:0"
    with open("/etc/passwd", encoding="utf-8", errors="replace") as passwd:
        return passwd.readline().strip()


@pytest.mark.parametrize(
    "data", [XXE.encode(), XXE.encode("utf-16"), XXE.replace("DOCTYPE", "doctype").encode()]
)
def test_external_entity_is_refused_and_never_read(data):
    message = refused(data)
    assert "DOCTYPE" in message
    assert passwd_first_line() not in message


def test_external_entity_is_refused_even_past_the_byte_check(monkeypatch):
    """If the raw-byte check missed a DTD, the parser still reads no file and the DTD is refused."""
    import resdesk.formats.safe_xml as safe_xml

    monkeypatch.setattr(safe_xml, "_declares_dtd", lambda data: False)
    with pytest.raises(BadInputError) as caught:
        import_akn(XXE.encode(), "test.xml")
    message = one_sentence(caught.value)
    assert "DOCTYPE" in message
    assert passwd_first_line() not in message


def test_undeclared_entity_is_not_well_formed():
    assert "not well-formed" in refused(f"{AKN_OPEN}<statement>&xxe;</statement></akomaNtoso>".encode())


def test_well_formed_xml_that_is_not_akn():
    message = refused(b'<?xml version="1.0"?><html><body><p>Hello</p></body></html>', "page.xml")
    assert message == (
        "page.xml is not an Akoma Ntoso file (its root element is <html>, not <akomaNtoso> in the "
        "Akoma Ntoso 3.0 namespace)."
    )
    no_namespace = b"<akomaNtoso><statement><mainBody/></statement></akomaNtoso>"
    assert "version of Akoma Ntoso other than 3.0 (no namespace)" in refused(no_namespace)
    version_2 = b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act><body/></act></akomaNtoso>'
    assert "other than 3.0 (http://www.akomantoso.org/2.0)" in refused(version_2)


def test_akn_without_a_body():
    message = refused(f'{AKN_OPEN}<statement name="resolution"><meta/></statement></akomaNtoso>'.encode())
    assert "without a statement, act or document body" in message


def test_too_large_input():
    filler = b"<p>" + b"x" * 1024 + b"</p>\n"
    body = filler * (25 * 1024)
    data = AKN_OPEN.encode() + b"<statement><mainBody>" + body + b"</mainBody></statement></akomaNtoso>"
    assert len(data) > 25 * 1024 * 1024 > MAX_XML_BYTES
    assert "too large" in refused(data)


def test_parse_xml_is_general_and_safe():
    word = b"<?xml version='1.0'?><w:document xmlns:w='urn:w'><w:p>Hi</w:p></w:document>"
    root = parse_xml(word, "doc.xml")
    assert etree.QName(root).localname == "document"
    with pytest.raises(BadInputError) as caught:
        parse_xml(b"<a><b></a>", "document.xml", expected="Word document")
    message = one_sentence(caught.value, "document.xml")
    expected = r"document\.xml is not well-formed XML \(line 1: .+\); is it a complete Word document\?"
    assert re.fullmatch(expected, message)
    too_deep = b"<a>" * 5000 + b"</a>" * 5000
    with pytest.raises(BadInputError):
        parse_xml(too_deep, "deep.xml")


def test_importer_loads_neither_qt_nor_python_docx():
    code = (
        "import sys, resdesk.formats.akn_import, resdesk.formats.safe_xml;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'docx')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@given(st.lists(st.sampled_from(["a", "b", " ", "  ", "\t", "\n ", " \t ", "中", "\r\n", "x"]), max_size=14))
def test_whitespace_collapsing_visits_only_the_runs_that_change(pieces):
    """Skipping lone spaces gives exactly what visiting every whitespace run gives, marks' offsets included."""
    import resdesk.formats.akn_import as akn

    raw = "".join(pieces)
    offsets = set(range(len(raw) + 1))
    fast = akn.collapse_whitespace(raw, offsets)
    every_run = re.compile(r"[ \t\n\r]+")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(akn, "_WHITESPACE_RUN", every_run)
        assert fast == akn.collapse_whitespace(raw, offsets)

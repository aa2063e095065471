"""The AKN4UN encodings of issue 13, each on the UN sample that shows it and on a variant of our own
(tests/fixtures/akn): sublists, preambular block lists, unnumbered "(a)" paragraphs, typed Arabic
numbers, resolutions in parts, headings and separators, openings as the file marks them, and
elements the importer cannot place."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from akn_samples import A_75_100, E_75_104, E_80_11, E_80_151, akn_sample
from resdesk.amend.labels import document_labels, printed_numbers
from resdesk.formats.akn_export import akn_bytes
from resdesk.formats.akn_import import AKN_NS, import_akn
from resdesk.model.document import FORMULA, HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TEXT, Document
from resdesk.text.inline import FOOTNOTE, OPENING, Mark
from resdesk.views.outline import opening_of, outline_json

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "akn"
AKN_OPEN = '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


def sample(name: str) -> Document:
    return import_akn(akn_sample(name).read_bytes(), name)


def variant(name: str, notes: list[str] | None = None) -> Document:
    return import_akn((VARIANTS / name).read_bytes(), name, notes)


def labelled(document: Document, kind: str | None = None) -> list[tuple[str, str]]:
    """(label, text) of the blocks (of one kind), in reading order."""
    labels = document_labels(document)
    return [(labels[b.id], b.text) for b in document.all_blocks() if kind is None or b.kind == kind]


def by_label(document: Document, label: str):
    labels = document_labels(document)
    return next(b for b in document.all_blocks() if labels[b.id] == label)


# -- 1. a sublist beside the points ----------------------------------------------------------------


def test_80_11_sublist_under_the_point_before_it():
    document = sample(E_80_11)
    rows = labelled(document, SUBPARAGRAPH)
    assert [label for label, _ in rows[:5]] == ["OP1 (a)", "OP1 (b)", "OP1 (b) (i)", "OP1 (b) (ii)", "OP1 (c)"]
    assert rows[2][1].startswith("Assisting Member States in building their national capacities")
    assert rows[3][1].startswith("Inviting international financial institutions and regional development banks")
    assert rows[4][1].startswith("Taking note of the decision of the Security Council")


def test_sublist_two_levels_deep():
    document = variant("sublist-two-levels.xml")
    assert labelled(document, SUBPARAGRAPH) == [
        ("OP1 (a)", "Meeting twice a year;"),
        ("OP1 (b)", "Supporting Member States, upon their request, through:"),
        ("OP1 (b) (i)", "Advice on national strategies;"),
        ("OP1 (b) (ii)", "Support to regional organizations, in particular:"),
        ("OP1 (b) (ii) (a)", "Joint missions;"),
        ("OP1 (b) (ii) (b)", "Shared analysis;"),
        ("OP1 (b) (iii)", "Reports to the Assembly;"),
        ("OP1 (c)", "Reviewing its working methods;"),
    ]
    joint = by_label(document, "OP1 (b) (ii) (a)")
    (anchor,) = [m for m in joint.marks if m.kind == FOOTNOTE]
    assert anchor.start == len(joint.text)
    assert document.footnotes[anchor.target].text == "As described in document A/80/999."


# -- 2. a preambular paragraph written as a block list -------------------------------------------


def test_80_151_block_list_paragraph_keeps_its_introduction():
    document = sample(E_80_151)
    pp6 = by_label(document, "PP6")
    assert pp6.text == ("Reaffirming also that the Awaza Programme of Action is grounded in five priority areas, "
                        "as follows:")
    assert opening_of(pp6, "en") == "Reaffirming also"
    subs = [(label, text) for label, text in labelled(document, SUBPARAGRAPH) if label.startswith("PP6")]
    assert subs[0] == ("PP6 (a)", "Structural transformation and science, technology and innovation;")
    assert subs[-1] == ("PP6 (e)", "Means of implementation,")
    assert len(subs) == 5
    assert by_label(document, "PP7").text.startswith("Recognizing the importance of national-level")


def test_block_list_items_keep_their_footnotes():
    document = variant("blocklist-footnotes.xml")
    assert labelled(document, SUBPARAGRAPH) == [
        ("PP2 (a)", "Transport and connectivity;"),
        ("PP2 (b)", "Trade facilitation, including single windows;"),
        ("PP2 (c)", "Means of implementation,"),
    ]
    notes = []
    for label in ("PP2 (a)", "PP2 (b)"):
        block = by_label(document, label)
        (anchor,) = [m for m in block.marks if m.kind == FOOTNOTE]
        assert anchor.start == len(block.text)
        notes.append(document.footnotes[anchor.target])
    assert [note.text for note in notes] == ["Resolution 79/1, annex, para. 12.",
                                             "World Trade Report 2024 (Geneva, 2024)."]
    assert notes[1].marks == [Mark("italic", 0, 23)]
    assert Mark("italic", 30, 44) in by_label(document, "PP2 (b)").marks  # "single windows"


# -- 3. sub-paragraphs as unnumbered "(a)" paragraphs -------------------------------------------


def test_75_104_unnumbered_paragraphs_are_the_sub_paragraphs_of_the_op_before():
    document = sample(E_75_104)
    assert labelled(document, SUBPARAGRAPH) == [
        ("OP10 (a)", "Environmental problems facing the Non-Self-Governing Territories;"),
        ("OP10 (b)", "The impact of natural disasters, such as hurricanes and volcanic eruptions, and other "
                     "environmental problems, such as beach and coastal erosion and droughts, on those Territories;"),
        ("OP10 (c)", "Ways and means to assist the Territories to fight drug trafficking, money-laundering and "
                     "other illegal and criminal activities;"),
        ("OP10 (d)", "Illegal exploitation of the marine and other natural resources of the Territories and the need "
                     "to utilize those resources for the benefit of the peoples of the Territories;"),
    ]
    assert not [b for b in document.blocks if b.kind == TEXT]
    assert len([b for b in document.blocks if b.kind == OPERATIVE]) == 24


def test_panel_lines_stay_free_text_between_sub_paragraphs():
    document = variant("unnumbered-subparagraphs.xml")
    labels = document_labels(document)
    rows = [(b.kind, labels[b.id], b.text[:30]) for b in document.blocks if b.kind in (SUBPARAGRAPH, TEXT)]
    assert rows == [
        (SUBPARAGRAPH, "OP1 (a)", "An opening plenary meeting;"),
        (SUBPARAGRAPH, "OP1 (b)", "Two interactive panels, with t"),
        (TEXT, "", "Panel 1: Information in the se"),
        (TEXT, "", "Panel 2: Global communications"),
        (SUBPARAGRAPH, "OP1 (c)", "A closing plenary meeting, at "),
        (SUBPARAGRAPH, "OP1 (c) (i)", "The summaries of the panels ar"),
        (SUBPARAGRAPH, "OP1 (c) (ii)", "The President closes the meeti"),
        (SUBPARAGRAPH, "OP1 (d)", "A summary by the President;"),
        (TEXT, "", "(f) This line continues no lis"),  # no open list expects "(f)": it stays as it is
    ]


# -- 4. operative numbers typed into Arabic text ------------------------------------------------


def test_75_100_arabic_typed_numbers_give_operative_paragraphs():
    document = sample(A_75_100)
    ops = [b for b in document.blocks if b.kind == OPERATIVE]
    assert len(ops) == 7
    assert ops[0].text.startswith("تحيط علما بتقرير الأمين العام")
    assert ops[2].text.startswith("تحترم نطاق ولاية البعثات")
    assert [opening_of(op, "ar") for op in ops[:3]] == ["تحيط علما", "تطلب", "تحترم"]
    assert not [b for b in document.blocks if b.kind == TEXT]
    assert document.meta.title == "استعراض شامل للبعثات السياسية الخاصة"  # the preface's "-" after the number goes


def test_arabic_typed_letters_give_sub_paragraphs():
    document = variant("arabic-typed-numbers.xml")
    assert labelled(document, OPERATIVE)[1] == ("OP2", "تطلب إلى الأمين العام ما يلي:")
    assert labelled(document, SUBPARAGRAPH) == [
        ("OP2 (a)", "أن يعقد جلسات تحاور منتظمة؛"),
        ("OP2 (b)", "أن يقدم تقريرا في دورتها الثامنة والسبعين؛"),
    ]
    op1 = by_label(document, "OP1")
    (anchor,) = [m for m in op1.marks if m.kind == FOOTNOTE]
    assert op1.text[anchor.start:] == "؛"
    assert document.footnotes[anchor.target].text == "A/77/312."


# -- 5. resolutions in parts ---------------------------------------------------------------------


def test_parts_a_and_b_each_number_from_one():
    document = variant("parts-a-b.xml")
    labels = document_labels(document)
    assert [(b.kind, labels[b.id], b.number) for b in document.blocks] == [
        (HEADING, "A.", "A."), (FORMULA, "", ""), (PREAMBULAR, "A PP1", ""), (OPERATIVE, "A OP1", ""),
        (OPERATIVE, "A OP2", ""), (HEADING, "B.", "B."), (FORMULA, "", ""), (PREAMBULAR, "B PP1", ""),
        (PREAMBULAR, "B PP2", ""), (OPERATIVE, "B OP1", ""), (SUBPARAGRAPH, "B OP1 (a)", ""),
        (SUBPARAGRAPH, "B OP1 (b)", ""), (OPERATIVE, "B OP2", ""),
    ]
    assert document.blocks[5].text == "United Nations global communications policies"
    assert document.meta.title == "Questions relating to information"
    assert document.meta.resolution_number == "75/901"
    assert (document.meta.meeting, document.meta.meeting_date) == ("41st plenary meeting", "10 December 2020")
    # every view and export prints the numbers of one place: each part from 1
    numbers = printed_numbers(document.blocks, "en")
    assert [numbers[b.id] for b in document.blocks if b.kind == OPERATIVE] == ["1.", "2.", "1.", "2."]


def test_parts_in_a_statement_s_components():
    part = ('<statement name="resolution"><preface><p><docNumber>{0}</docNumber></p></preface><preamble>'
            '<formula name="enactingFormula"><p>The General Assembly,</p></formula></preamble><mainBody>'
            '<paragraph><num>1.</num><content><p>Decides {0};</p></content></paragraph></mainBody></statement>')
    xml = (f'{AKN_OPEN}<statement name="resolution"><preface><p><docNumber>75/9.</docNumber></p></preface>'
           f'<components><component>{part.format("A")}</component><component>{part.format("B")}</component>'
           "</components></statement></akomaNtoso>")
    document = import_akn(xml.encode(), "parts.xml")
    assert labelled(document, OPERATIVE) == [("A OP1", "Decides A;"), ("B OP1", "Decides B;")]


# -- 6. headings and separators in the preamble -------------------------------------------------


def test_preamble_heading_and_separator_do_not_shift_the_labels():
    document = variant("preamble-heading-separator.xml")
    labels = document_labels(document)
    assert [(b.kind, labels[b.id] or b.text) for b in document.blocks] == [
        (FORMULA, "The General Assembly,"), (PREAMBULAR, "PP1"), (HEADING, "Countries in special situations"),
        (PREAMBULAR, "PP2"), (HEADING, "* * *"), (PREAMBULAR, "PP3"), (PREAMBULAR, "PP4"),
        (HEADING, "Least developed countries"), (OPERATIVE, "OP1"), (HEADING, "* * *"), (OPERATIVE, "OP2"),
    ]
    assert by_label(document, "PP2").text.startswith("Noting the particular challenges")
    heading = document.blocks[2]
    assert (heading.level, heading.number, heading.marks) == (2, "", [])


def test_80_11_bold_lines_in_the_body_are_headings():
    document = sample(E_80_11)
    headings = [b.text for b in document.blocks if b.kind == HEADING]
    assert headings == ["Peacebuilding Commission", "Peacebuilding financing",
                        "Department of Political and Peacebuilding Affairs/Peacebuilding Support\xa0Office"]
    assert not [b for b in document.blocks if b.kind == TEXT]


# -- 7. openings as the file marks them ---------------------------------------------------------


def test_the_file_s_marking_is_the_opening():
    blocks = variant("blocklist-footnotes.xml").blocks + variant("sublist-two-levels.xml").blocks
    openings = {b.text[:25]: opening_of(b, "en") for b in blocks if b.kind in (PREAMBULAR, OPERATIVE)}
    assert openings["Believing it necessary to"] == "Believing it necessary"  # the lexicon says "Believing"
    assert openings["Renews its call upon deve"] == "Renews its call upon"  # the lexicon says "Renews its call"
    assert openings["Takes into account the vi"] == "Takes into account"  # the lexicon says "Takes"
    assert openings["Recalling its earlier res"] == "Recalling"
    believing = next(b for b in blocks if b.text.startswith("Believing"))
    assert Mark(OPENING, 0, 22) in believing.marks
    recalling = next(b for b in blocks if b.text.startswith("Recalling its earlier"))
    assert not [m for m in recalling.marks if m.kind == OPENING]  # the lexicon agrees: nothing is stored


def test_80_151_marks_less_than_the_lexicon_and_is_followed():
    outline = outline_json(sample(E_80_151))
    openings = {b["text"][:30]: b["opening"] for b in outline["blocks"]}
    assert openings["Also reaffirms its commitment "] == "Also reaffirms"
    assert openings["Expresses its deep concern tha"] == "Expresses"


def test_a_plainly_broken_marking_leaves_the_opening_to_the_lexicon():
    document = variant("preamble-heading-separator.xml")
    welcoming, stressing = by_label(document, "PP3"), by_label(document, "PP4")
    assert opening_of(welcoming, "en") == "Welcoming"  # only its final comma is italic
    assert Mark("italic", len(welcoming.text) - 1, len(welcoming.text)) in welcoming.marks
    assert opening_of(stressing, "en") == "Stressing"  # "Stres" is cut inside the word
    assert not [m for m in stressing.marks if m.kind in ("italic", OPENING)]


# -- nothing lost silently ----------------------------------------------------------------------


def test_elements_not_understood_are_kept_as_text_and_reported():
    notes: list[str] = []
    document = variant("not-understood.xml", notes)
    texts = [b.text for b in document.blocks if b.kind == TEXT]
    assert texts == ["An embedded statement of the Committee, kept as it is.", "Some words before the last paragraph.",
                     "A second foreign block.", "Adopted without a vote."]
    assert notes == [
        "2 <foreign> elements could not be placed; their text is kept as free-text paragraphs.",
        "1 paragraph of the <conclusions> could not be placed; its text is kept as free-text paragraphs.",
        "1 <figure> element could not be placed and held no text to keep (an image, a reference to a note "
        "that is not there).",
    ]
    recalling = by_label(document, "PP1")
    (anchor,) = [m for m in recalling.marks if m.kind == FOOTNOTE]
    assert document.footnotes[anchor.target].text == "Resolution 78/100."  # a noteRef to the metadata's note


def test_the_un_samples_import_without_notes():
    for name in (E_80_11, E_80_151, E_75_104, A_75_100):
        notes: list[str] = []
        import_akn(akn_sample(name).read_bytes(), name, notes)
        assert notes == [], name


# -- our own AKN export writes every encoding back --------------------------------------------------


@pytest.mark.parametrize("name", sorted(path.name for path in VARIANTS.glob("*.xml")))
def test_our_akn_export_reads_back_the_same(name):
    """Parts as a documentCollection, preamble headings as crossHeadings, sub-paragraphs with free text
    between them typed into paragraphs: everything reads back as it was, adoption lines included."""
    document = variant(name)
    data = akn_bytes(document)
    back = import_akn(data, name)
    assert back.blocks == document.blocks
    assert back.footnotes == document.footnotes
    assert back.meta == document.meta
    assert akn_bytes(back) == data


def test_parts_are_written_as_a_document_collection():
    root = etree.fromstring(akn_bytes(variant("parts-a-b.xml")))
    (collection,) = root
    assert etree.QName(collection).localname == "documentCollection"
    parts = collection.findall("a:collectionBody/a:component/a:statement", {"a": AKN_NS})
    assert [part.findtext("a:preface//a:docNumber", namespaces={"a": AKN_NS}) for part in parts] == ["A", "B"]


@pytest.mark.parametrize("name", sorted(path.name for path in VARIANTS.glob("*.xml")))
def test_our_word_export_reads_back_the_same(name):
    """Through Word too: openings as the file marked them, parts, sub-paragraphs around free text."""
    from resdesk.formats.docx.clean import render_clean
    from resdesk.formats.docx_import import import_docx

    document = variant(name)
    back = import_docx(render_clean(document), name.replace(".xml", ".docx"))
    assert outline_json(back)["blocks"] == outline_json(document)["blocks"]
    assert [b.marks for b in back.blocks] == [b.marks for b in document.blocks]
    assert adoption(back.meta) == adoption(document.meta)


def adoption(meta) -> tuple:
    return (meta.adoption_line, meta.report_line, meta.resolution_number, meta.meeting, meta.meeting_date,
            meta.adoption_date)


def test_an_inline_image_and_a_reference_to_a_missing_note_are_reported():
    xml = (f'{AKN_OPEN}<statement name="resolution"><mainBody><paragraph><num>1.</num><content><p>'
           '<i>Decides</i> to act<img src="x.png"/> now,<noteRef href="#gone" marker="1"/> and more;</p>'
           "</content></paragraph><paragraph><num>2.</num><content><p>Requests a report.</p></content></paragraph>"
           "</mainBody></statement></akomaNtoso>")
    notes: list[str] = []
    document = import_akn(xml.encode(), "x.xml", notes)
    assert document.blocks[0].text == "Decides to act now, and more;"
    assert [note.split(" could")[0] for note in notes] == ["1 <img> element", "1 <noteRef> element"]

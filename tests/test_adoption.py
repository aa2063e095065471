"""An adopted resolution's lines (issue 13, item 8): read by every importer that can, kept in the document
file, shown (document panel, title row, outline) and written back by the Word, PDF and AKN exports,
whose title block then reads as the UN's ("76/153. The human rights …"), never as a draft resolution's.
Also: Arabic footnote markers in parentheses (item 9) and what an import could not place, told."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace

import pytest
from lxml import etree

from akn_samples import A_78_226, C_78_226, E_76_153, F_78_226, akn_sample
from conftest import run_cli
from docx_support import NS, W, paragraph_text, part
from pdfread import need_poppler, page_text
from resdesk.formats.akn_export import akn_bytes
from resdesk.formats.akn_import import import_akn
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx_import import import_docx
from resdesk.formats.text_import import import_text
from resdesk.model.document import FORMULA, OPERATIVE, Block, Document, Footnote, Meta
from resdesk.text.inline import FOOTNOTE, Mark
from resdesk.views.reading import outline_text

AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
ADOPTION = {
    "adoption_line": "Resolution adopted by the General Assembly on 16 December 2021",
    "report_line": "[on the report of the Third Committee (A/76/462, para. 11)]",
    "resolution_number": "76/153",
    "meeting": "53rd plenary meeting",
    "meeting_date": "16 December 2021",
    "adoption_date": "2021-12-16",
}
# The UN's own file writes the closing date with a no-break space, and so it stays.
SAMPLE_ADOPTION = {**ADOPTION, "meeting_date": "16\u00a0December 2021"}


def sample(name: str) -> Document:
    return import_akn(akn_sample(name).read_bytes(), name)


def adopted(**changes) -> Document:
    """A small adopted resolution (with sponsors, which an A/RES does not print)."""
    meta = Meta(symbol="A/RES/76/153", distribution="General", date="2021-12-20", session="Seventy-sixth session",
                committee="Third Committee", agenda_item="75 (a)", sponsors=["Germany", "Spain"],
                title="The human rights to safe drinking water and sanitation", **ADOPTION)
    blocks = [Block("b1", FORMULA, "The General Assembly,"),
              Block("b2", OPERATIVE, "Calls upon States to act;"), Block("b3", OPERATIVE, "Decides to continue.")]
    return replace(Document(meta=meta, blocks=blocks), meta=replace(meta, **changes))


def adoption_of(meta: Meta) -> dict:
    return {key: getattr(meta, key) for key in ADOPTION}


# -- read ----------------------------------------------------------------------------------------


def test_akn_adoption_lines_become_metadata():
    assert adoption_of(sample(E_76_153).meta) == SAMPLE_ADOPTION
    french = sample(F_78_226).meta
    assert (french.adoption_line, french.report_line, french.resolution_number) == (
        "Résolution adoptée par l’Assemblée générale le\u00a019\u00a0décembre 2023",
        "[sur la base du rapport de la Troisième Commission (A/78/482, par.\u00a029)]", "78/226")
    assert (french.meeting, french.meeting_date, french.adoption_date) == (
        "50e séance plénière", "19\u00a0décembre 2023", "2023-12-19")
    chinese = sample(C_78_226).meta
    assert (chinese.adoption_line, chinese.meeting, chinese.meeting_date) == (
        "2023年12月19日大会决议", "第50次全体会议", "2023年12月19日")


def test_plain_text_adoption_lines_become_metadata():
    text = "\n\n".join([
        "United Nations", "A/RES/76/153", "General Assembly", "Distr.: General", "20 December 2021",
        "Seventy-sixth session", "Agenda item 75 (a)", "Resolution adopted by the General Assembly on 16 December 2021",
        "[on the report of the Third Committee (A/76/462, para. 11)]",
        "76/153. The human rights to safe drinking water and sanitation",
        "The General Assembly,", "1. Calls upon States to act;", "2. Decides to continue.",
        "53rd plenary meeting\n16 December 2021",
    ])
    document = import_text(text.encode(), "a.txt")
    assert adoption_of(document.meta) == ADOPTION
    assert document.meta.title == "The human rights to safe drinking water and sanitation"
    assert document.meta.committee == "Third Committee"
    assert [b.kind for b in document.blocks] == [FORMULA, OPERATIVE, OPERATIVE]


def test_word_file_without_our_marks_gives_the_adoption_lines():
    """A Word A/RES of the Secretariat: the lines are read by their words (a tab after the number)."""
    import docx

    word = docx.Document()
    for line in ("United Nations\tA/RES/76/153", "General Assembly", "Distr.: General", "20 December 2021",
                 "Seventy-sixth session", "Agenda item 75 (a)", ADOPTION["adoption_line"], ADOPTION["report_line"],
                 "76/153.\tThe human rights to safe drinking water and sanitation", "The General Assembly,",
                 "1.\tCalls upon States to act;", "2.\tDecides to continue."):
        word.add_paragraph(line)
    closing = word.add_paragraph("53rd plenary meeting")
    closing.add_run().add_break()
    closing.add_run("16 December 2021")
    data = io.BytesIO()
    word.save(data)
    document = import_docx(data.getvalue(), "a.docx")
    assert adoption_of(document.meta) == ADOPTION
    assert document.meta.title == "The human rights to safe drinking water and sanitation"
    assert document.meta.committee == "Third Committee"  # named by the report line only
    assert [b.text for b in document.blocks] == ["The General Assembly,", "Calls upon States to act;",
                                                 "Decides to continue."]


# -- kept, shown ----------------------------------------------------------------------------------


def test_kept_in_the_document_file_and_shown_by_the_cli(tmp_path):
    doc = tmp_path / "res.resdesk"
    assert run_cli("import", akn_sample(E_76_153), "-o", doc).returncode == 0
    outline = json.loads(run_cli("outline", doc, "--json").stdout)
    assert {key: outline["meta"][key] for key in ADOPTION} == SAMPLE_ADOPTION
    reading = run_cli("outline", doc).stdout
    assert ADOPTION["adoption_line"] in reading and ADOPTION["report_line"] in reading
    assert "76/153. The human rights to safe drinking water and sanitation" in reading
    meeting, date = reading.rstrip().splitlines()[-2:]
    assert (meeting.strip(), date.strip()) == (ADOPTION["meeting"], SAMPLE_ADOPTION["meeting_date"])
    assert len(meeting) == len(date) > 60  # right-aligned, under the text
    assert "draft resolution" not in reading
    result = run_cli("meta", doc, "--set", "meeting=54th plenary meeting", "adoption_date=17 December 2021")
    assert result.returncode == 0
    shown = run_cli("meta", doc).stdout
    assert "meeting            54th plenary meeting" in shown and "adoption_date      2021-12-17" in shown


def test_a_draft_still_reads_as_a_draft():
    draft = adopted(**{key: "" for key in ADOPTION})
    lines = outline_text(draft)
    assert "Germany and Spain: draft resolution" in lines
    assert "plenary meeting" not in lines
    assert not draft.meta.adopted


# -- written back ---------------------------------------------------------------------------------


def body_texts(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of the body's paragraphs of a Word file."""
    body = part(data, "word/document.xml").find(f"{W}body")
    found = []
    for p in body.iter(f"{W}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        found.append((style.get(f"{W}val") if style is not None else "", paragraph_text(p)))
    return found


def test_word_export_reads_as_the_un_s_adopted_resolution_and_comes_back():
    data = render_clean(adopted())
    texts = body_texts(data)
    assert not any("draft resolution" in text for _, text in texts)
    lines = [text for _, text in texts]
    title = lines.index("76/153.\tThe human rights to safe drinking water and sanitation")
    assert lines[title - 2:title] == [ADOPTION["adoption_line"], ADOPTION["report_line"]]
    assert texts[title][0] == "HMTitle" and texts[title - 2][0] == "H1"
    assert lines.index("The General Assembly,") == title + 1
    closing = [p for p in part(data, "word/document.xml").iter(f"{W}p")
               if paragraph_text(p) in (ADOPTION["meeting"], ADOPTION["meeting_date"])]
    assert len(closing) == 2
    for p in closing:
        assert p.find("w:pPr/w:jc", NS).get(f"{W}val") == "right"
        assert all(r.find("w:rPr/w:i", NS) is not None for r in p.findall("w:r", NS))
    assert lines.index(ADOPTION["meeting"]) > lines.index("2.\tDecides to continue.")
    back = import_docx(data, "res.docx")
    assert adoption_of(back.meta) == ADOPTION
    assert back.meta.sponsors == ["Germany", "Spain"]  # kept in the file's properties, not printed
    assert back.meta.committee == "Third Committee"
    assert [b.text for b in back.blocks] == [b.text for b in adopted().blocks]


def test_pdf_reads_as_the_un_s_adopted_resolution(tmp_path):
    need_poppler()
    from resdesk.store.documents import create_document

    doc = tmp_path / "res.resdesk"
    create_document(doc, adopted()).close()
    pdf = tmp_path / "res.pdf"
    result = run_cli("export", doc, "-o", pdf)
    assert result.returncode == 0, result.stderr
    text = page_text(pdf, 1, layout=False)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    report = lines.index(ADOPTION["report_line"])
    assert lines[report - 1:report + 3] == [ADOPTION["adoption_line"], ADOPTION["report_line"], "76/153.",
                                            "The human rights to safe drinking water and sanitation"]
    closing = lines.index(ADOPTION["meeting_date"])  # page 1's foot (job number, Please recycle) stands below
    assert lines[closing - 2:closing + 1] == ["Decides to continue.", ADOPTION["meeting"], ADOPTION["meeting_date"]]
    assert "draft resolution" not in text
    assert "Third Committee" not in lines  # the report line names it; the session block does not repeat it


def test_printed_closing_is_right_aligned_italic():
    from resdesk.ui.printing.content import clean_flow

    flow = clean_flow(adopted())
    meeting, date = flow.items[-2:]
    assert [run.text for run in meeting.runs] == [ADOPTION["meeting"]] and meeting.align == "right"
    assert meeting.runs[0].style.italic and date.runs[0].text == ADOPTION["meeting_date"]
    title = next(item for item in flow.items if item.label == "76/153.")
    assert title.text == "The human rights to safe drinking water and sanitation" and title.label_style.bold


def test_akn_export_writes_the_adoption_lines_as_the_un_does():
    document = sample(E_76_153)
    data = akn_bytes(document)
    root = etree.fromstring(data)
    statement = root.find("a:statement", AKN)
    assert statement.get("name") == "resolution"
    assert statement.findtext("a:coverPage//a:docTitle", namespaces=AKN) == ADOPTION["adoption_line"]
    proponent = statement.find("a:coverPage//a:docProponent", AKN)
    assert "".join(proponent.itertext()) == ADOPTION["report_line"]
    assert proponent.findtext("a:inline[@name='originating document']", namespaces=AKN) == "A/76/462, para. 11"
    assert statement.findtext("a:preface//a:docNumber", namespaces=AKN) == "76/153."
    conclusions = statement.find("a:conclusions", AKN)
    assert conclusions.findtext(".//a:location", namespaces=AKN) == "53rd plenary meeting"
    assert conclusions.find(".//a:docDate", AKN).get("date") == "2021-12-16"
    assert adoption_of(import_akn(data, "back.xml").meta) == SAMPLE_ADOPTION


# -- Arabic footnote markers ----------------------------------------------------------------------


def arabic_with_a_footnote() -> Document:
    text = "وإذ تشير إلى قرارها 76/70،"
    blocks = [Block("b1", FORMULA, "إن الجمعية العامة،"),
              Block("b2", "preambular", text, [Mark(FOOTNOTE, 25, 25, "f1")])]
    return Document(meta=Meta(language="ar", organ="الجمعية العامة"), blocks=blocks,
                    footnotes={"f1": Footnote("f1", "انظر A/RES/76/70.")})


def test_arabic_markers_stand_in_parentheses_in_word():
    data = render_clean(arabic_with_a_footnote())
    paragraph = next(p for p in part(data, "word/document.xml").iter(f"{W}p")
                     if p.find(".//w:footnoteReference", NS) is not None)
    runs = [r for r in paragraph.findall("w:r", NS)]
    reference = next(i for i, r in enumerate(runs) if r.find("w:footnoteReference", NS) is not None)
    assert paragraph_text(runs[reference - 1]) == "(" and paragraph_text(runs[reference + 1]) == ")"
    assert runs[reference + 1].find("w:rPr/w:rStyle", NS).get(f"{W}val") == "FootnoteReference"
    note = next(n for n in part(data, "word/footnotes.xml").findall("w:footnote", NS) if n.get(f"{W}id") == "1")
    assert paragraph_text(note).startswith("()\t")  # "(" footnoteRef ")" then a tab
    back = import_docx(data, "a.docx")
    assert back.blocks[1].text == arabic_with_a_footnote().blocks[1].text
    assert [n.text for n in back.footnotes.values()] == ["انظر A/RES/76/70."]


def test_arabic_markers_stand_in_parentheses_in_print_and_akn():
    from resdesk.ui.printing.content import clean_flow

    flow = clean_flow(arabic_with_a_footnote())
    assert [run.text for run in flow.items[1].runs if run.footnote] == ["(1)"]
    assert flow.footnotes["f1"].label == "(1)"  # the number, left of the footnote's text
    root = etree.fromstring(akn_bytes(arabic_with_a_footnote()))
    note = root.find(".//a:authorialNote", AKN)
    assert note.getprevious().text == "(" and note.getnext().text == ")"
    back = import_akn(akn_bytes(arabic_with_a_footnote()), "a.xml")
    assert back.blocks[1].text == arabic_with_a_footnote().blocks[1].text
    assert [n.text for n in back.footnotes.values()] == ["انظر A/RES/76/70."]


def test_english_markers_have_no_parentheses():
    from resdesk.ui.printing.content import clean_flow

    document = arabic_with_a_footnote()
    document.meta.language = "en"
    assert [run.text for run in clean_flow(document).items[1].runs if run.footnote] == ["1"]
    assert b"<sup>" not in akn_bytes(document)


def test_the_real_arabic_sample_round_trips_through_word_with_its_markers():
    document = sample(A_78_226)
    data = render_clean(document)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode()
    assert body.count("<w:footnoteReference ") == len(document.footnotes)
    back = import_docx(data, A_78_226)
    assert [b.text for b in back.blocks] == [b.text for b in document.blocks]


# -- what could not be placed, told ---------------------------------------------------------------


@pytest.fixture
def not_understood():
    from pathlib import Path

    return Path(__file__).resolve().parent / "fixtures" / "akn" / "not-understood.xml"


def test_import_says_what_it_could_not_place(tmp_path, not_understood):
    result = run_cli("import", not_understood, "-o", tmp_path / "x.resdesk")
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "resdesk: note: not-understood.xml: 2 <foreign> elements could not be placed; their text is kept as "
        "free-text paragraphs.",
        "resdesk: note: not-understood.xml: 1 paragraph of the <conclusions> could not be placed; its text is "
        "kept as free-text paragraphs.",
        "resdesk: note: not-understood.xml: 1 <figure> element could not be placed and held no text to keep (an "
        "image, a reference to a note that is not there).",
    ]
    clean = run_cli("import", akn_sample(E_76_153), "-o", tmp_path / "y.resdesk")
    assert clean.returncode == 0 and clean.stderr == ""


def test_a_document_file_from_before_the_adoption_keys_opens_as_a_draft(tmp_path):
    """The meta table holds one JSON value per key: a file written before these keys existed lacks them, and
    reads as a draft (no migration needed)."""
    import sqlite3

    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import create_document, load

    path = tmp_path / "old.resdesk"
    create_document(path, adopted()).close()
    conn = sqlite3.connect(path)
    conn.execute(f"DELETE FROM meta WHERE key IN ({', '.join('?' * len(ADOPTION))})", tuple(ADOPTION))
    conn.commit()
    conn.close()
    with DocumentFile.open(path) as doc:
        meta = load(doc).meta
    assert adoption_of(meta) == dict.fromkeys(ADOPTION, "") and not meta.adopted
    assert meta.title == "The human rights to safe drinking water and sanitation"

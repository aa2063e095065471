"""What the exports say (issue 10, items 2 and 5): Word wording, one compilation in Word and PDF, threaded replies,
collisions and bracketed proposals in the prints."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEED, cli_ok
from docx_support import NS, W, paragraph_text, part, parts
from office import convert, needs_office
from pdfread import body_words, colours_in_box, near, need_poppler, normal_words, words
from resdesk.amend.anchors import TextIndex
from resdesk.amend.instructions import instruction
from resdesk.formats.docx.revisions import W14_NS, W15_NS
from resdesk.formats.text_import import import_text
from resdesk.model.amendment import Amendment
from resdesk.text.diff import replacement_from_edit
from resdesk.ui.printing.tracked_flow import COLLISION_COLOUR

NEW_OP = "Encourages Member States to share information on good practices;"


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory) -> Path:
    """The seed with: Brazil's word change on the second "assistance" of OP2 (a1); two alternatives for
    OP15, Mexico's (a2) and Chile's (a3, which the consolidated text takes); G77's new OP3 bis (a4); EU's
    and G77's colliding changes in OP2 (a5, a6); CARICOM's bracketed insertion in PP3 (a7); Brazil's
    comment on OP2 and Mexico's reply to it. Tracked and compilation exports in Word and PDF."""
    folder = tmp_path_factory.mktemp("wording")
    doc = folder / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    cli_ok("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "assistance", "--with", "support",
        "--occurrence", "2")
    cli_ok("amend", doc, "--as", "Mexico", "--alternative", "Requests the Secretary-General to report on it.",
        "--for", "OP15")
    cli_ok("amend", doc, "--as", "Chile", "--alternative", "Also requests a report on it.", "--for", "OP15")
    cli_ok("amend", doc, "--as", "G77", "--new-paragraph", NEW_OP, "--after", "OP3")
    cli_ok("amend", doc, "--as", "EU", "--in", "OP2", "--replace", "to continue to strengthen", "--with",
        "to strengthen further")
    cli_ok("amend", doc, "--as", "G77", "--in", "OP2", "--replace", "strengthen international coordination",
        "--with", "enhance international cooperation")
    cli_ok("amend", doc, "--as", "CARICOM", "--in", "PP3", "--insert", " and its reviews", "--after-words", "Strategy",
        "--occurrence", "1")
    cli_ok("status", doc, "a7", "bracketed")
    first = cli_ok("comment", doc, "--as", "Brazil", "--on", "OP2", "--text", "We can be flexible here.").strip()
    cli_ok("comment", doc, "--as", "Mexico", "--reply-to", first, "--text", "Agreed.")
    for mode in ("tracked", "compilation"):
        for suffix in ("docx", "pdf"):
            cli_ok("export", doc, "-o", folder / f"{mode}.{suffix}", "--mode", mode)
    return doc


def document_xml(path: Path) -> etree._Element:
    return part(path.read_bytes(), "word/document.xml")


def runs_of(paragraph: etree._Element) -> list[tuple[str, bool]]:
    """(text, italic) of each run with text, in order."""
    return [("".join(t.text or "" for t in r.iter(f"{W}t")), r.find(f"{W}rPr/{W}i") is not None)
            for r in paragraph.iter(f"{W}r") if r.find(f"{W}t") is not None]


def test_a_new_paragraph_is_italic_only_in_its_opening_phrase(negotiated):
    root = document_xml(negotiated.parent / "tracked.docx")
    new = next(p for p in root.iter(f"{W}p") if paragraph_text(p).endswith(NEW_OP))
    assert new.find(f"{W}pPr/{W}rPr/{W}ins") is not None, "the paragraph mark is inserted"
    runs = [(text, italic) for text, italic in runs_of(new) if text.strip() and not text.strip().endswith(".")]
    assert runs[0] == ("Encourages", True)
    assert all(not italic for _, italic in runs[1:]) and "".join(t for t, _ in runs[1:]).strip() == NEW_OP[11:]


def test_two_alternatives_for_one_paragraph_are_alt_1_and_alt_2_in_the_word_comments(negotiated):
    comments = part((negotiated.parent / "tracked.docx").read_bytes(), "word/comments.xml")
    texts = {(c.get(f"{W}author"), paragraph_text(c)) for c in comments.findall("w:comment", NS)}
    chile = next(text for author, text in texts if author == "Chile")
    mexico = next(text for author, text in texts if author == "Mexico" and "alt" in text)
    assert chile.startswith("OP15 alt 2, proposed by Chile"), chile
    assert "(OP15 alt 1)" in mexico and "Replace operative paragraph 15 with: “Requests" in mexico, mexico


def test_an_instruction_names_the_occurrence_it_changes(negotiated):
    outline = json.loads(cli_ok("outline", negotiated, "--json"))
    brazil = next(a for a in outline["amendments"] if a["id"] == "a1")
    assert brazil["instruction"] == "In operative paragraph 2, replace the second occurrence of “assistance” with " \
                                    "“support”"
    texts = [paragraph_text(p) for p in document_xml(negotiated.parent / "compilation.docx").iter(f"{W}p")]
    assert any("replace the second occurrence of “assistance” with “support”" in text for text in texts)


def test_word_fragments_are_quoted_as_whole_words():
    """A change typed in the window or read from a delegation's Word file is the word diff of the paragraph."""
    document = import_text(SEED.read_bytes(), "seed.txt")
    index = TextIndex.of(document)
    op3 = next(b for b in document.blocks if b.text.startswith("Stresses"))

    def instructions(old: str, new: str) -> list[str]:
        return [instruction(index, Amendment("a1", "original", "EU", "replace", op3.id, start=c.start, end=c.end,
                                             old=c.old, new=c.new))
                for c in replacement_from_edit(op3.text, op3.text.replace(old, new, 1))]

    assert instructions("fair and effective", "fair, effective, accountable and humane") == [
        "In operative paragraph 3, replace “fair and effective” with “fair, effective, accountable and humane”"]
    assert instructions("the development", "the developments") == [
        "In operative paragraph 3, replace “development” with “developments”"]
    assert instructions("maintenance of", "maintenance, of") == [
        "In operative paragraph 3, after “maintenance”, insert “,”"]
    assert instructions("the development", "the sustained development") == [
        "In operative paragraph 3, after the second occurrence of “the”, insert “sustained”"]


def test_the_compilation_word_file_has_italic_openings_and_a_tab_after_each_label(negotiated):
    paragraphs = list(document_xml(negotiated.parent / "compilation.docx").iter(f"{W}p"))
    op1 = next(p for p in paragraphs if paragraph_text(p).startswith("OP1\tUrges"))
    runs = runs_of(op1)
    assert runs[0] == ("OP1", False) and op1.find(f"{W}r/{W}tab") is not None
    assert runs[1] == ("Urges", True) and not runs[2][1]
    bis = next(p for p in paragraphs if paragraph_text(p).startswith("OP3 bis\t"))
    assert paragraph_text(bis) == f"OP3 bis\t[{NEW_OP}]"
    assert ("Encourages", True) in runs_of(bis)


def _without_note_numbers(paragraph: etree._Element) -> str:
    """The paragraph's text without footnote numbers (the PDF prints them small, above the line)."""
    paragraph = etree.fromstring(etree.tostring(paragraph))
    for reference in paragraph.xpath(".//w:r[w:rPr/w:rStyle/@w:val='FootnoteReference']", namespaces=NS):
        reference.getparent().remove(reference)
    return paragraph_text(paragraph)


def _word_compilation(path: Path) -> tuple[list[str], list[list[str]]]:
    """The compilation's paragraphs (from its introduction on, outside tables) and its summary table's rows."""
    body = document_xml(path).find(f"{W}body")
    texts = [_without_note_numbers(p) for p in body.findall(f"{W}p")]
    start = next(i for i, text in enumerate(texts) if text.startswith("Compilation text:"))
    table = body.findall(f"{W}tbl")[-1]
    rows = [[paragraph_text(tc) for tc in tr.iter(f"{W}tc")] for tr in table.iter(f"{W}tr")]
    return [text for text in texts[start:] if text.strip()], rows


def assert_same_compilation(docx: Path, pdf: Path) -> list[list[str]]:
    """Every paragraph of the Word compilation is in the PDF, in order, and the PDF closes with the same
    summary table; the table's rows."""
    paragraphs, rows = _word_compilation(docx)
    stream = body_words(words(pdf))
    position = 0
    for text in paragraphs:
        if text.startswith("Proposals shown:"):
            continue  # the legend's sentence is the format's own (the PDF has margin tags)
        found = next((i for i in range(position, len(stream)) if stream[i:i + len(normal_words(text))]
                      == normal_words(text)), None)
        assert found is not None, f"not in the PDF, or out of order: {text[:80]}"
        position = found + len(normal_words(text))
    assert rows[0] == ["Delegation", "Paragraph", "Proposal", "Status"]
    table_words = [word for row in rows for cell in row for word in normal_words(cell)]
    assert Counter(table_words) == Counter(stream[position:]), "the PDF closes with the same summary table"
    return rows


def test_both_compilation_formats_show_the_same_things(negotiated):
    need_poppler()
    rows = assert_same_compilation(negotiated.parent / "compilation.docx", negotiated.parent / "compilation.pdf")
    assert [row[0] for row in rows[1:]] == sorted(row[0] for row in rows[1:])
    assert {row[0] for row in rows[1:]} == {"Brazil", "Mexico", "Chile", "Group of 77 and China", "European Union",
                                            "Caribbean Community"}


def test_both_compilation_formats_show_sub_paragraphs_and_annexes_alike(tmp_path):
    from builders import small_document
    from resdesk.store.documents import create_document

    need_poppler()
    doc = tmp_path / "small.resdesk"
    create_document(doc, small_document()).close()
    cli_ok("amend", doc, "--as", "Chile", "--in", "OP2 (a)", "--replace", "report", "--with", "report annually")
    cli_ok("amend", doc, "--as", "Peru", "--new-paragraph", "To act.", "--after", "OP2 (b)", "--kind", "subparagraph")
    cli_ok("amend", doc, "--as", "EU", "--delete-paragraph", "Annex OP1")
    for suffix in ("docx", "pdf"):
        cli_ok("export", doc, "-o", tmp_path / f"small.{suffix}", "--mode", "compilation")
    assert_same_compilation(tmp_path / "small.docx", tmp_path / "small.pdf")
    texts = [paragraph_text(p) for p in document_xml(tmp_path / "small.docx").iter(f"{W}p")]
    assert "OP2 (b) bis\t[To act.]" in texts and "Annex" in texts
    assert "a3 EU (proposed): Delete operative paragraph 1 of the annex" in texts


def test_a_reply_is_a_threaded_reply_in_word(negotiated):
    data = (negotiated.parent / "tracked.docx").read_bytes()
    assert "word/commentsExtended.xml" in parts(data)
    comments = part(data, "word/comments.xml").findall("w:comment", NS)
    by_text = {paragraph_text(c): c for c in comments}
    assert "Agreed." in by_text and not any(text.startswith("(reply)") for text in by_text)

    def para_id(comment) -> str:
        return comment.findall(f"{W}p")[-1].get(f"{{{W14_NS}}}paraId")

    extended = {e.get(f"{{{W15_NS}}}paraId"): e.get(f"{{{W15_NS}}}paraIdParent")
                for e in part(data, "word/commentsExtended.xml")}
    assert extended[para_id(by_text["Agreed."])] == para_id(by_text["We can be flexible here."])
    assert extended[para_id(by_text["We can be flexible here."])] is None
    types = part(data, "[Content_Types].xml")
    assert any(o.get("PartName") == "/word/commentsExtended.xml" for o in types)
    rels = part(data, "word/_rels/document.xml.rels")
    assert any(r.get("Target") == "commentsExtended.xml" for r in rels)


@needs_office
@pytest.mark.slow
def test_libreoffice_opens_the_tracked_and_compilation_files(negotiated, tmp_path):
    tracked, compilation = convert([negotiated.parent / "tracked.docx", negotiated.parent / "compilation.docx"],
                                   "fodt", tmp_path)
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    notes = [(a.find(f"{{{dc}}}creator").text, "".join(a.itertext()))
             for a in etree.parse(str(tracked)).getroot().iter(f"{{{office}}}annotation")]
    assert any(who == "Mexico" and text.strip().endswith("Agreed.") for who, text in notes)
    assert any(who == "Brazil" and "We can be flexible here." in text for who, text in notes)
    text = " ".join(etree.parse(str(compilation)).getroot().itertext())
    assert "Amendments by delegation and status" in text and "OP3 bis" in text


def test_collisions_are_marked_in_the_compilation_and_the_tracked_print(negotiated):
    need_poppler()
    paragraphs, _ = _word_compilation(negotiated.parent / "compilation.docx")
    assert any(text.startswith("a5 EU (proposed): In operative paragraph 2") and text.endswith(
        "Collides with a6 (G77).") for text in paragraphs)
    assert any(text.startswith("a6 G77 (proposed)") and text.endswith("Collides with a5 (EU).") for text in paragraphs)
    assert "Collides with a6 (G77)." in " ".join(body_words(words(negotiated.parent / "compilation.pdf")))
    pdf = negotiated.parent / "tracked.pdf"
    found = words(pdf)
    flags = [w for w in found if w.text == "collision" and w.x1 < 123.4]

    def beside(flag) -> str:
        return " ".join(w.text for w in found if w.page == flag.page and abs(w.y1 - flag.y1) < 2 and w.x0 > 123)

    assert [beside(flag).split()[:4] for flag in flags] == [
        ["2.", "Urges", "Member", "States"], ["OP15", "alt", "1", "Requests"], ["OP15", "alt", "2", "Also"]], \
        "OP2 and the two alternatives for OP15 hold colliding proposals; nothing else is flagged"
    assert any(near(colour, COLLISION_COLOUR) for colour in colours_in_box(pdf, flags[0], Path(pdf).parent))


def test_bracketed_proposals_stand_in_square_brackets_in_the_tracked_print(negotiated):
    need_poppler()
    text = " ".join(body_words(words(negotiated.parent / "tracked.pdf")))
    assert "Counter-Terrorism Strategy [and its reviews]" in text, "CARICOM's bracketed insertion"
    assert f"3 bis. {NEW_OP}" in text, "a proposed (not bracketed) paragraph has no brackets"


def test_compilation_exports_are_deterministic(negotiated, tmp_path):
    for suffix in ("docx", "pdf"):
        again = tmp_path / f"again.{suffix}"
        cli_ok("export", negotiated, "-o", again, "--mode", "compilation")
        assert again.read_bytes() == (negotiated.parent / f"compilation.{suffix}").read_bytes(), suffix

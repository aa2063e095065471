"""Tracked changes, version comparison and compilation exports, on the seed and on a real UN resolution.

Accept-all and reject-all are implemented on the XML (docx_revisions) and compared with
`resdesk outline --view consolidated` and the base outline; LibreOffice must see the same
changes and authors.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import cli_ok, cli_outline
from docx_revisions import accepted, body_from_formula, outline_paragraphs, rejected, without_numbers
from docx_support import NS, W, paragraph_text, part
from office import convert, needs_office
from resdesk.store.amendments import amendments
from resdesk.store.docfile import DocumentFile
from resdesk.views.export import chosen_amendments
from resdesk.views.export_input import ExportOptions

DELEGATIONS = ("Brazil", "Canada", "Mexico", "European Union", "Japan")
LIVE = "proposed,agreed,agreed-ad-ref,bracketed"


def negotiate(doc: Path) -> dict:
    """Five delegations amend the text: words, a deletion, an alternative, a new paragraph, a move, comments."""
    blocks = cli_outline(doc)["blocks"]
    ops = [b for b in blocks if b["kind"] == "operative"]
    pps = [b for b in blocks if b["kind"] == "preambular"]
    words = ops[1]["text"].split()
    old = " ".join(words[2:5])
    cli_ok("amend", doc, "--as", "Brazil", "--in", ops[1]["label"], "--replace", old, "--with", "firmly " + old)
    cli_ok("amend", doc, "--as", "Canada", "--delete-paragraph", ops[3]["label"])
    cli_ok("amend", doc, "--as", "Canada", "--delete-paragraph", pps[0]["label"])  # the seed's PP1 holds links
    cli_ok("amend", doc, "--as", "Mexico", "--alternative", "Requests the Office to report on the matter;",
        "--for", ops[4]["label"])
    cli_ok("amend", doc, "--as", "European Union", "--new-paragraph",
           "Encourages Member States to share good practices;", "--after", ops[2]["label"], "--kind", "operative")
    cli_ok("amend", doc, "--as", "Japan", "--move", ops[5]["label"], "--after", ops[7]["label"])
    moved_words = ops[5]["text"].split()
    cli_ok("amend", doc, "--as", "Brazil", "--in", ops[5]["label"], "--delete-words", " ".join(moved_words[3:5]))
    pp_words = pps[1]["text"].split()
    cli_ok("amend", doc, "--as", "Japan", "--in", pps[1]["label"], "--delete-words", " ".join(pp_words[3:5]))
    cli_ok("comment", doc, "--as", "Brazil", "--on", ops[1]["label"], "--text", "We can be flexible here.")
    cli_ok("comment", doc, "--as", "Brazil", "--on", ops[1]["label"], "--text", "Do not tell Canada.", "--private")
    return {"ops": ops, "pps": pps}


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory, request) -> Path:
    folder = tmp_path_factory.mktemp("tracked")
    doc = folder / "seed.resdesk"
    cli_ok("import", Path(__file__).parent / "fixtures" / "seed.txt", "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    negotiate(doc)
    cli_ok("export", doc, "-o", folder / "tracked.docx", "--mode", "tracked")
    cli_ok("export", doc, "-o", folder / "moves.docx", "--mode", "tracked", "--moves-as-delete-insert")
    cli_ok("export", doc, "-o", folder / "brazil.docx", "--mode", "tracked", "--delegations", "Brazil")
    cli_ok("export", doc, "-o", folder / "compilation.docx", "--mode", "compilation")
    return doc


def document_xml(path: Path) -> etree._Element:
    return part(path.read_bytes(), "word/document.xml")


def check_accept_and_reject(doc: Path, docx: Path, *consolidated_args: str) -> None:
    root = document_xml(docx)
    # the words are the consolidated text's; the numbers stay the base's until a revision renumbers
    assert without_numbers(body_from_formula(accepted(root))) == without_numbers(
        outline_paragraphs(cli_outline(doc, "--view", "consolidated", *consolidated_args)))
    assert body_from_formula(rejected(root)) == outline_paragraphs(cli_outline(doc))


def test_accept_all_gives_the_consolidated_text_and_reject_all_the_base(negotiated):
    check_accept_and_reject(negotiated, negotiated.parent / "tracked.docx", "--status", LIVE)
    check_accept_and_reject(negotiated, negotiated.parent / "moves.docx", "--status", LIVE)
    check_accept_and_reject(negotiated, negotiated.parent / "brazil.docx", "--status", LIVE, "--delegations", "Brazil")


def test_revisions_have_unique_ids_authors_dates_and_deleted_text(negotiated):
    root = document_xml(negotiated.parent / "tracked.docx")
    revisions = [e for tag in ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")
                 for e in root.iter(f"{W}{tag}")]
    ids = [e.get(f"{W}id") for e in revisions]
    assert len(ids) == len(set(ids)) > 10
    authors = {e.get(f"{W}author") for e in revisions}
    assert set(DELEGATIONS) <= authors <= set(DELEGATIONS) | {"Secretariat"}
    with DocumentFile.open(negotiated, readonly=True) as doc:
        created: dict[str, set[str]] = {}
        for amendment in amendments(doc):
            created.setdefault(amendment.author, set()).add(amendment.created)
    for element in revisions:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", element.get(f"{W}date"))
        if element.get(f"{W}author") in created:
            assert element.get(f"{W}date") in created[element.get(f"{W}author")]
    for deletion in root.iter(f"{W}del", f"{W}moveFrom"):
        if deletion.getparent().tag != f"{W}rPr":
            assert deletion.find(f".//{W}t") is None and deletion.find(f".//{W}delText") is not None


def _paragraph_mark(p) -> tuple[str, str] | None:
    mark = p.find("w:pPr/w:rPr", NS)
    if mark is None or not len(mark):
        return None
    return mark[0].tag.split("}")[1], mark[0].get(f"{W}author")


def test_whole_paragraphs_are_marked_on_the_paragraph_mark(negotiated):
    root = document_xml(negotiated.parent / "tracked.docx")
    marks = Counter(_paragraph_mark(p) for p in root.iter(f"{W}p") if _paragraph_mark(p))
    assert marks[("del", "Canada")] == 2
    assert marks[("ins", "European Union")] == 1
    assert marks[("moveFrom", "Japan")] >= 1 and marks[("moveTo", "Japan")] == marks[("moveFrom", "Japan")]
    names = lambda tag: sorted(e.get(f"{W}name") for e in root.iter(f"{W}{tag}"))  # noqa: E731
    assert names("moveFromRangeStart") == names("moveToRangeStart") != []
    for path in ("tracked.docx", "moves.docx"):  # a moved paragraph does not repeat its bookmark
        bookmarks = [e.get(f"{W}name") for e in document_xml(negotiated.parent / path).iter(f"{W}bookmarkStart")]
        assert len(bookmarks) == len(set(bookmarks)), path
    plain = document_xml(negotiated.parent / "moves.docx")
    assert not any(True for _ in plain.iter(f"{W}moveFrom", f"{W}moveTo", f"{W}moveFromRangeStart"))
    assert Counter(_paragraph_mark(p) for p in plain.iter(f"{W}p"))[("del", "Japan")] >= 1


def test_revisions_hold_runs_and_hyperlinks_hold_revisions(negotiated):
    root = document_xml(negotiated.parent / "tracked.docx")
    allowed = {f"{W}{tag}" for tag in ("r", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                                       "del")}  # a deletion inside a move: words deleted from the moved paragraph
    assert any(e.getparent().tag == f"{W}moveTo" for e in root.iter(f"{W}del"))
    revisions = [e for e in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
                 if e.getparent().tag not in (f"{W}rPr", f"{W}trPr")]
    assert revisions and all(child.tag in allowed for e in revisions for child in e)
    linked = [h for h in root.iter(f"{W}hyperlink") if h.find(f"{W}del") is not None]
    assert linked  # a link inside deleted text: the deletion sits inside the hyperlink


def test_alternatives_and_shared_comments_are_word_comments_private_ones_never(negotiated):
    data = (negotiated.parent / "tracked.docx").read_bytes()
    comments = part(data, "word/comments.xml")
    found = {(c.get(f"{W}author"), paragraph_text(c)) for c in comments.findall("w:comment", NS)}
    assert ("Brazil", "We can be flexible here.") in found
    assert any(author == "Mexico" and "alt 1" in text for author, text in found)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not any(b"Do not tell Canada" in package.read(name) for name in package.namelist())
    root = part(data, "word/document.xml")
    starts = [e.get(f"{W}id") for e in root.iter(f"{W}commentRangeStart")]
    references = [e.get(f"{W}id") for e in root.iter(f"{W}commentReference")]
    assert sorted(starts) == sorted(references) == sorted(c.get(f"{W}id") for c in comments)


def test_the_window_can_show_what_an_export_includes(negotiated):
    with DocumentFile.open(negotiated, readonly=True) as doc:
        everything = chosen_amendments(doc, ExportOptions(mode="tracked"))
        brazil = chosen_amendments(doc, ExportOptions(mode="tracked", delegations=["Brazil"]))
        clean = chosen_amendments(doc, ExportOptions(mode="clean"))
    assert {a.author for a in everything} == set(DELEGATIONS)
    assert [a.author for a in brazil] == ["Brazil", "Brazil"] and clean == []


def test_clean_export_of_the_consolidated_view(negotiated, tmp_path):
    out = tmp_path / "consolidated.docx"
    cli_ok("export", negotiated, "-o", out, "--mode", "clean", "--status", LIVE)
    root = document_xml(out)
    assert not any(True for _ in root.iter(f"{W}ins", f"{W}del"))
    expected = outline_paragraphs(cli_outline(negotiated, "--view", "consolidated", "--status", LIVE))
    assert body_from_formula(accepted(root)) == expected  # (there is nothing to accept: the text as it stands)


def test_a_delegation_filter_keeps_only_its_changes(negotiated):
    root = document_xml(negotiated.parent / "brazil.docx")
    authors = {e.get(f"{W}author") for e in root.iter(f"{W}ins", f"{W}del")}
    assert authors == {"Brazil"}


def test_compilation_lists_every_proposal_with_its_delegation(negotiated):
    data = (negotiated.parent / "compilation.docx").read_bytes()
    texts = [paragraph_text(p) for p in part(data, "word/document.xml").iter(f"{W}p")]
    joined = "\n".join(texts)
    assert "a2 Canada (proposed): Delete operative paragraph 4" in joined
    assert "a3 Canada (proposed): Delete the first preambular paragraph" in joined
    assert "OP3 bis\t[Encourages Member States to share good practices;]" in texts
    assert "a5 EU (proposed): Insert a new operative paragraph after operative paragraph 3" in joined
    assert "OP5 alt 1\t[Requests the Office to report on the matter;]" in texts
    assert "a4 Mexico (proposed): Replace operative paragraph 5 with: “Requests the Office" in joined
    assert re.search(r"a1 Brazil \(proposed\): In operative paragraph 2, before “.*”, insert “firmly”", joined)
    assert re.search(r"\n[^\n]*\[firmly\] ", joined), "the paragraph as it would read, the new words in brackets"
    assert "a6 Japan (proposed): Move operative paragraph 6 to follow operative paragraph 8" in joined
    assert any(t.startswith("OP6\t(moved here by Japan, proposed) [") for t in texts)
    assert any(t.startswith("OP4\t") for t in texts) and any(t.startswith("PP2\t") for t in texts)
    table = list(part(data, "word/document.xml").iter(f"{W}tbl"))[-1]
    rows = [[paragraph_text(tc) for tc in tr.iter(f"{W}tc")] for tr in table.iter(f"{W}tr")]
    assert rows[0] == ["Delegation", "Paragraph", "Proposal", "Status"]
    assert [row[0] for row in rows[1:]] == sorted(row[0] for row in rows[1:])
    assert {row[0] for row in rows[1:]} == set(DELEGATIONS)


def test_version_compare_shows_what_the_revision_changed_by_whom(negotiated, tmp_path):
    doc = tmp_path / "revised.resdesk"
    doc.write_bytes(negotiated.read_bytes())
    op2 = cli_outline(doc)["blocks"]
    op2 = next(b for b in op2 if b["label"] == "OP2")
    last_words = " ".join(op2["text"].rstrip(";.").split()[-2:])
    ident = cli_ok("amend", doc, "--as", "Japan", "--in", "OP2", "--replace", last_words, "--with", "matters").strip()
    for number in range(1, int(ident[1:]) + 1):
        cli_ok("status", doc, f"a{number}", "agreed")
    assert cli_ok("revise", doc).splitlines()[0] == "Rev.1"
    out = tmp_path / "compare.docx"
    cli_ok("export", doc, "-o", out, "--from", "original", "--to", "Rev.1")
    root = document_xml(out)
    assert body_from_formula(accepted(root)) == outline_paragraphs(cli_outline(doc, "--rev", "Rev.1"))
    assert body_from_formula(rejected(root)) == outline_paragraphs(cli_outline(doc, "--rev", "original"))
    authors = {e.get(f"{W}author") for e in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")}
    assert set(DELEGATIONS) <= authors
    # two delegations changed different words of OP2: each change keeps its own author
    op2_paragraph = next(p for p in root.iter(f"{W}p") if paragraph_text(p).startswith("2.\t"))
    assert {e.get(f"{W}author") for e in op2_paragraph.iter(f"{W}ins", f"{W}del")} == {"Brazil", "Japan"}


@needs_office
@pytest.mark.slow
def test_libreoffice_sees_the_changes_their_authors_and_the_comments(negotiated, tmp_path):
    (fodt,) = convert([negotiated.parent / "tracked.docx"], "fodt", tmp_path)
    root = etree.parse(str(fodt)).getroot()
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    regions = root.findall(f".//{{{text}}}tracked-changes/{{{text}}}changed-region")
    kinds = Counter((r[0].tag.split("}")[1], r.find(f".//{{{dc}}}creator").text) for r in regions)
    assert {who for _, who in kinds} == set(DELEGATIONS)  # nothing renumbered: no Secretariat's changes
    assert kinds[("deletion", "Canada")] >= 1 and kinds[("insertion", "European Union")] >= 1
    assert kinds[("insertion", "Mexico")] == 1 and kinds[("deletion", "Mexico")] == 1
    annotations = [(a.find(f"{{{dc}}}creator").text, "".join(a.itertext()))
                   for a in root.iter("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation")]
    assert any(who == "Brazil" and "We can be flexible here." in words for who, words in annotations)
    assert not any("Do not tell Canada" in words for _, words in annotations)


@pytest.fixture(scope="module")
def real_tracked(tmp_path_factory) -> tuple[Path, Path]:
    from akn_samples import AKN_SAMPLES, E_78_226

    if not (AKN_SAMPLES / E_78_226).exists():
        pytest.skip(f"the UN samples are not at {AKN_SAMPLES}")
    folder = tmp_path_factory.mktemp("real")
    doc = folder / "real.resdesk"
    cli_ok("import", AKN_SAMPLES / E_78_226, "-o", doc)
    negotiate(doc)
    out = folder / "real.docx"
    cli_ok("export", doc, "-o", out, "--mode", "tracked")
    return doc, out


def test_on_a_real_resolution(real_tracked):
    doc, out = real_tracked
    check_accept_and_reject(doc, out, "--status", LIVE)
    root = document_xml(out)
    ids = [e.get(f"{W}id") for e in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")]
    assert len(ids) == len(set(ids))
    assert set(DELEGATIONS) <= {e.get(f"{W}author") for e in root.iter(f"{W}ins", f"{W}del")}


@needs_office
@pytest.mark.slow
def test_a_real_resolution_opens_in_libreoffice_with_the_same_changes_and_authors(real_tracked, tmp_path):
    doc, out = real_tracked
    (fodt,) = convert([out], "fodt", tmp_path)
    root = etree.parse(str(fodt)).getroot()
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    creators = Counter(r.find(f".//{{{dc}}}creator").text
                       for r in root.iter(f"{{{text}}}changed-region"))
    word = Counter(e.get(f"{W}author") for e in document_xml(out).iter(f"{W}ins", f"{W}del", f"{W}moveFrom",
                                                                       f"{W}moveTo")
                   if e.getparent().tag != f"{W}rPr")
    assert set(creators) == set(word) >= set(DELEGATIONS)


def test_word_and_pdf_label_a_new_paragraph_alike(negotiated, tmp_path):
    """The same amendments through both: the EU's new paragraph after OP3 is "3 bis." and OP7 stays "7."
    (numbers kept until a revision renumbers, views/tracked_numbers.py); nothing is renumbered in Word."""
    from pdfread import body_words, words

    base = outline_paragraphs(cli_outline(negotiated))
    seventh = next(text for text in base if text.startswith("7.\t")).split("\t", 1)[1]
    root = document_xml(negotiated.parent / "tracked.docx")
    inserted = [paragraph_text(p) for p in root.iter(f"{W}p")
                if "Encourages Member States to share good practices;" in "".join(p.itertext())]
    assert inserted == ["3 bis.\tEncourages Member States to share good practices;"]
    assert f"7.\t{seventh}" in accepted(root) and f"7.\t{seventh}" in rejected(root)
    pdf = tmp_path / "tracked.pdf"
    cli_ok("export", negotiated, "-o", pdf, "--mode", "tracked")
    stream = " ".join(body_words(words(pdf)))
    assert "3 bis. Encourages Member States to share good practices;" in stream
    assert f"7. {' '.join(seventh.split()[:6])}" in stream

"""The clean Word export, checked in its XML: structure, footnotes, headers, properties, determinism, scripts."""

from __future__ import annotations

import getpass
import io
import os
import zipfile

import pytest

from builders import small_document
from conftest import run_cli
from docx_support import NS, SYMBOL, R, W, first_page_header, paragraph_text, part, parts, seed_document
from resdesk.formats.akn_import import import_akn
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx_export import export_docx
from resdesk.store.delegations import set_acting_as
from resdesk.store.documents import create_document
from resdesk.views.export import prepare_export
from resdesk.views.export_input import ExportOptions


@pytest.fixture(scope="module")
def seed_docx() -> bytes:
    return render_clean(seed_document())


def body_paragraphs(data: bytes) -> list:
    return part(data, "word/document.xml").findall(f"{W}body/{W}p")


def test_blocks_become_singletxt_paragraphs_with_numbers_and_italic_openings(seed_docx):
    document = seed_document()
    paragraphs = {paragraph_text(p): p for p in body_paragraphs(seed_docx)}
    operative = [b for b in document.blocks if b.kind == "operative"]
    for number, block in enumerate(operative, start=1):
        # the seed's OP13 refers to footnote 1 again: its number follows the text
        expected = (f"{number}.\t{block.text}", f"{number}.\t{block.text}1")
        p = next(p for text, p in paragraphs.items() if text in expected)
        assert p.find("w:pPr/w:pStyle", NS).get(f"{W}val") == "SingleTxt"
    first_op = paragraphs[f"1.\t{operative[0].text}"]
    runs = first_op.findall("w:r", NS)
    assert [paragraph_text(r) for r in runs[:2]] == ["1.\t", "Urges"]
    assert runs[1].find("w:rPr/w:i", NS) is not None and runs[0].find("w:rPr/w:i", NS) is None
    assert runs[2].find("w:rPr/w:i", NS) is None
    pp = paragraphs[next(b.text for b in document.blocks if b.kind == "preambular" and b.text.startswith("Stressing"))]
    assert paragraph_text(pp.findall("w:r", NS)[0]) == "Stressing again"
    assert pp.find("w:r/w:rPr/w:i", NS) is not None
    formula = paragraphs["The General Assembly,"]
    # The comma stays roman, as in the UN's own files: <span class="italic">The General Assembly</span>,
    assert [(paragraph_text(r), r.find("w:rPr/w:i", NS) is not None) for r in formula.findall("w:r", NS)] == \
        [("The General Assembly", True), (",", False)]


def test_footnotes_are_real_word_footnotes(seed_docx):
    assert "word/footnotes.xml" in parts(seed_docx)
    notes = part(seed_docx, "word/footnotes.xml")
    texts = {n.get(f"{W}id"): paragraph_text(n).strip() for n in notes.findall("w:footnote", NS)}
    assert texts["1"] == "General Assembly resolution 60/288."
    assert {"-1", "0"} <= set(texts)
    references = part(seed_docx, "word/document.xml").findall(".//w:footnoteReference", NS)
    assert [r.get(f"{W}id") for r in references] == [str(n) for n in range(1, len(texts) - 1)]
    assert part(seed_docx, "word/settings.xml").find("w:footnotePr", NS) is not None


def test_a_footnote_referred_to_twice_keeps_one_number():
    data = render_clean(small_document())
    document = part(data, "word/document.xml")
    assert [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")] == ["1"]
    assert len(part(data, "word/footnotes.xml").findall("w:footnote", NS)) == 3  # two separators and one note
    instructions = "".join(t.text for t in document.iter(f"{W}instrText"))
    assert "NOTEREF _RefFootnote1 \\f \\h" in instructions
    op1 = next(p for p in document.iter(f"{W}p") if paragraph_text(p).startswith("1.\tUrges"))
    assert paragraph_text(op1).endswith("Treaty Series;1")  # the field's result repeats the number
    bookmark = next(b for b in document.iter(f"{W}bookmarkStart") if b.get(f"{W}name") == "_RefFootnote1")
    assert bookmark.getnext().find(f"{W}footnoteReference") is not None


def test_masthead_session_block_and_note(seed_docx):
    paragraphs = [paragraph_text(p) for p in body_paragraphs(seed_docx)]
    cell_paragraphs = [paragraph_text(p) for p in part(seed_docx, "word/document.xml").iter(f"{W}p")]
    top = first_page_header(seed_docx).find("w:p", NS)  # above the body's top margin, where the UN prints it
    assert paragraph_text(top) == f"\tUnited Nations\t{SYMBOL}"
    assert top.find("w:pPr/w:pBdr/w:bottom", NS) is not None  # the thin rule
    sizes = {paragraph_text(r): r.find("w:rPr/w:sz", NS).get(f"{W}val") for r in top.findall("w:r", NS)
             if r.find("w:t", NS) is not None}
    assert sizes == {"United Nations": "28", "A": "40", "/C.3/68/L.5": "20"}
    table = part(seed_docx, "word/document.xml").find(f"{W}body/{W}tbl")
    cells = ["\n".join(paragraph_text(p) for p in tc.findall("w:p", NS)) for tc in table.iter(f"{W}tc")]
    assert cells[0].split("\n") == ["General Assembly", "Sixty-eighth session", "Third Committee", "Agenda item 108",
                                    "Crime prevention and criminal justice"]
    assert cells[1].split("\n")[:4] == ["Distr.: Limited", "1 October 2013", "", "Original: English"]
    assert table.find("w:tblPr/w:tblBorders/w:bottom", NS).get(f"{W}sz") == "12"
    assert "Note by the Secretariat" in paragraphs and "Sixty-eighth session" in cell_paragraphs
    assert any(p.startswith("By its resolution 2013/32") for p in paragraphs)


def test_running_headers_and_footers(seed_docx):
    settings = part(seed_docx, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    section = part(seed_docx, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert section.find("w:titlePg", NS) is not None
    rels = part(seed_docx, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    headers = {ref.get(f"{W}type"): part(seed_docx, "word/" + targets[ref.get(f"{R}id")])
               for ref in section.findall("w:headerReference", NS)}
    footers = {ref.get(f"{W}type"): part(seed_docx, "word/" + targets[ref.get(f"{R}id")])
               for ref in section.findall("w:footerReference", NS)}
    assert set(headers) == set(footers) == {"default", "even", "first"}
    assert paragraph_text(headers["default"].find("w:p", NS)) == SYMBOL
    assert headers["default"].find(".//w:jc", NS).get(f"{W}val") == "right"
    assert headers["even"].find(".//w:jc", NS).get(f"{W}val") == "left"
    assert paragraph_text(headers["first"].find("w:p", NS)) == f"\tUnited Nations\t{SYMBOL}"  # the masthead's top
    assert headers["first"].find(".//w:pStyle", NS).get(f"{W}val") != "Header"
    for kind in ("default", "even"):
        instructions = [t.text.strip() for t in footers[kind].iter(f"{W}instrText")]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert "13-49218" in paragraph_text(footers[kind].find("w:p", NS))
    odd = paragraph_text(footers["default"].find("w:p", NS))
    assert odd.startswith("13-49218\t")  # odd pages: job number inside (left), n/N outside (right)
    assert paragraph_text(footers["first"].findall("w:p", NS)[-1]) == "13-49218 (E)    011013"
    # date of processing; the recycling mark is the frame before it


def test_links_are_blue(seed_docx):
    hyperlink = part(seed_docx, "word/document.xml").find(".//w:hyperlink/w:r", NS)
    assert hyperlink.find("w:rPr/w:rStyle", NS).get(f"{W}val") == "Hyperlink"
    style = next(s for s in part(seed_docx, "word/styles.xml").findall("w:style", NS)
                 if s.get(f"{W}styleId") == "Hyperlink")
    assert style.find("w:rPr/w:color", NS).get(f"{W}val") == "0000FF"


def test_links_are_hyperlinks(seed_docx):
    rels = part(seed_docx, "word/_rels/document.xml.rels")
    links = [r.get("Target") for r in rels if r.get("Type").endswith("/hyperlink")]
    assert "https://undocs.org/en/A/RES/66/171" in links
    assert all(r.get("TargetMode") == "External" for r in rels if r.get("Type").endswith("/hyperlink"))
    hyperlinks = part(seed_docx, "word/document.xml").findall(".//w:hyperlink", NS)
    assert "66/171" in [paragraph_text(h) for h in hyperlinks]


def test_properties_name_the_application_and_no_user(seed_docx):
    core = part(seed_docx, "docProps/core.xml")
    values = {el.tag.split("}")[1]: (el.text or "") for el in core}
    assert values["creator"] == "" and values["lastModifiedBy"] == ""
    assert values["created"] == values["modified"] == "2013-10-01T12:00:00Z"
    assert part(seed_docx, "docProps/app.xml").findtext("{*}Application") == "Resolution Desk"
    user = getpass.getuser()
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        everything = b"".join(package.read(name) for name in package.namelist())
    assert b"python-docx" not in everything
    assert os.getcwd().encode() not in everything
    if len(user) > 3:
        assert user.encode() not in everything


def test_same_input_gives_the_same_bytes(seed_docx):
    assert render_clean(seed_document()) == seed_docx
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        assert {info.date_time for info in package.infolist()} == {(2013, 10, 1, 12, 0, 0)}
        assert package.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_a4_on_request():
    data = render_clean(small_document(), page="a4")
    size = part(data, "word/document.xml").find(f"{W}body/{W}sectPr/{W}pgSz")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")


def test_arabic_is_right_to_left_and_chinese_keeps_its_text(samples):
    from akn_samples import A_78_226, C_78_226

    arabic = import_akn((samples / "akn" / A_78_226).read_bytes(), A_78_226)
    data = render_clean(arabic)
    body = [p for p in body_paragraphs(data) if p.find("w:pPr/w:pStyle", NS).get(f"{W}val") == "SingleTxt"]
    assert body and all(p.find("w:pPr/w:bidi", NS) is not None for p in body)
    assert all(r.find("w:rPr/w:rtl", NS) is not None for p in body for r in p.findall("w:r", NS)
               if r.find("w:t", NS) is not None)
    chinese = import_akn((samples / "akn" / C_78_226).read_bytes(), C_78_226)
    text = "\n".join(paragraph_text(p) for p in body_paragraphs(render_clean(chinese)))
    assert chinese.blocks[1].text in text
    styles = part(render_clean(chinese), "word/styles.xml")
    assert styles.find(f"{W}docDefaults//{W}rFonts").get(f"{W}eastAsia") == "SimSun"
    lang = styles.find(f"{W}docDefaults//{W}lang")
    assert (lang.get(f"{W}val"), lang.get(f"{W}eastAsia")) == ("zh-CN", "zh-CN")
    assert part(data, "word/styles.xml").find(f"{W}docDefaults//{W}lang").get(f"{W}val") == "ar-SA"


def test_export_reports_progress_and_writes_atomically(tmp_path):
    doc_path = tmp_path / "seed.resdesk"
    doc = create_document(doc_path, seed_document())
    doc.close()
    from resdesk.store.docfile import DocumentFile

    with DocumentFile.open(doc_path) as doc:
        set_acting_as(doc, "Brazil")
    calls = []
    with DocumentFile.open(doc_path, readonly=True) as doc:
        prepared = prepare_export(doc, ExportOptions())
    export_docx(prepared, tmp_path / "out.docx", progress=lambda *call: calls.append(call))
    total = len(seed_document().all_blocks())
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["out.docx", "seed.resdesk"]
    core = part((tmp_path / "out.docx").read_bytes(), "docProps/core.xml")
    assert core.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Brazil"  # the document's delegation


def test_cli_export_clean_and_refusals(tmp_path, seed):
    doc = tmp_path / "seed.resdesk"
    assert run_cli("import", seed, "-o", doc).returncode == 0
    assert run_cli("meta", doc, "--set", f"symbol={SYMBOL}").returncode == 0
    result = run_cli("export", doc, "-o", tmp_path / "seed.docx", "--mode", "clean", "--page", "a4")
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "seed.docx").read_bytes()
    assert paragraph_text(first_page_header(data).find("w:p", NS)) == f"\tUnited Nations\t{SYMBOL}"
    bad = run_cli("export", doc, "-o", tmp_path / "other.docx", "--rev", "Rev.9")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "Rev.9" in bad.stderr
    assert not (tmp_path / "other.docx").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["seed.docx", "seed.resdesk"]

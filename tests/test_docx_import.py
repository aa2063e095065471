"""Importing Word files: our exports back (round trips), other offices' files, tracked changes, hostile ones."""

from __future__ import annotations

import io
import zipfile

import pytest

from akn_samples import AKN_FILES, ENCODING_FILES
from conftest import run_cli
from docx_support import seed_document
from resdesk.errors import BadInputError
from resdesk.formats.akn_import import import_akn
from resdesk.formats.docx import reader
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx_import import import_docx
from resdesk.views.outline import outline_json


def flat(document) -> list[tuple]:
    """What must survive a round trip: kind, label, opening, text and footnotes of every block, and the meta."""
    result = []

    def walk(blocks):
        for block in blocks:
            footnotes = tuple((f["marker"], f["text"]) for f in block["footnotes"])
            result.append((block["kind"], block["label"], block["opening"], block["text"], footnotes))
            walk(block["children"])

    outline = outline_json(document)
    walk(outline["blocks"])
    for annex in outline["annexes"]:
        result.append(("annex", annex["title"]))
        walk(annex["blocks"])
    return result


def test_seed_survives_clean_export_and_import():
    document = seed_document()
    back = import_docx(render_clean(document), "seed.docx")
    assert flat(back) == flat(document)
    assert outline_json(back)["meta"] == outline_json(document)["meta"]
    assert back.meta.job_number == "13-49218"


@pytest.mark.parametrize("name", AKN_FILES + ENCODING_FILES)
def test_real_resolutions_survive_clean_export_and_import(samples, name):
    document = import_akn((samples / "akn" / name).read_bytes(), name)
    back = import_docx(render_clean(document), name.replace(".xml", ".docx"))
    assert flat(back) == flat(document)
    meta, back_meta = outline_json(document)["meta"], outline_json(back)["meta"]
    assert {k: back_meta[k] for k in meta if k != "version"} == {k: meta[k] for k in meta if k != "version"}


def others_docx(numbering: str) -> bytes:
    """A UN-layout draft as another office would write it: plain paragraphs, typed or automatic numbers."""
    import docx

    word = docx.Document()
    for line in ("United Nations\tA/C.3/70/L.9", "General Assembly", "Distr.: Limited", "2 November 2015",
                 "Original: English", "Seventieth session", "Third Committee", "Agenda item 106",
                 "Crime prevention and criminal justice", "Andorra, Bosnia and Herzegovina and Chile: draft resolution",
                 "Improving the coordination of efforts"):
        word.add_paragraph(line)
    formula = word.add_paragraph()
    formula.add_run("The General Assembly").italic = True
    formula.add_run(",")
    pp = word.add_paragraph()
    pp.add_run("\tRecalling ").italic = True
    pp.add_run("its resolution 69/196 of 18 December 2014,")
    texts = ["Urges Member States to act;", "Requests the Secretary-General:"]
    for number, text in enumerate(texts, start=1):
        opening, rest = text.split(" ", 1)
        if numbering == "typed":
            p = word.add_paragraph()
            p.add_run(f"\t{number}.\t")
        else:
            p = word.add_paragraph(style="List Number")
        p.add_run(opening).italic = True
        p.add_run(" " + rest)
    word.add_paragraph("\t(a)\tTo report;")
    word.add_paragraph("\t(b)\tTo consult, as set out in the Treaty Series.")
    raw = io.BytesIO()
    word.save(raw)
    return raw.getvalue()


@pytest.mark.parametrize("numbering", ["typed", "automatic"])
def test_other_peoples_files_in_un_layout(numbering):
    document = import_docx(others_docx(numbering), "theirs.docx")
    meta = document.meta
    assert (meta.symbol, meta.distribution, meta.date, meta.original_language) == \
        ("A/C.3/70/L.9", "Limited", "2015-11-02", "en")
    assert (meta.session, meta.committee, meta.agenda_item, meta.agenda_title) == \
        ("Seventieth session", "Third Committee", "106", "Crime prevention and criminal justice")
    assert meta.sponsors == ["Andorra", "Bosnia and Herzegovina", "Chile"]
    assert meta.title == "Improving the coordination of efforts"
    rows = [(b[0], b[1], b[2], b[3]) for b in flat(document)]
    assert rows == [
        ("formula", "", "", "The General Assembly,"),
        ("preambular", "PP1", "Recalling", "Recalling its resolution 69/196 of 18 December 2014,"),
        ("operative", "OP1", "Urges", "Urges Member States to act;"),
        ("operative", "OP2", "Requests", "Requests the Secretary-General:"),
        ("subparagraph", "OP2 (a)", "", "To report;"),
        ("subparagraph", "OP2 (b)", "", "To consult, as set out in the Treaty Series."),
    ]
    assert not [m for block in document.blocks for m in block.marks if m.kind == "italic"]


def test_tracked_changes_are_imported_as_accepted(tmp_path):
    doc = tmp_path / "t.resdesk"
    assert run_cli("import", seed_document_path(), "-o", doc).returncode == 0
    assert run_cli("amend", doc, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
                   "--with", "to strengthen further").returncode == 0
    assert run_cli("amend", doc, "--as", "Canada", "--delete-paragraph", "OP4").returncode == 0
    assert run_cli("amend", doc, "--as", "Japan", "--move", "OP6", "--after", "OP9").returncode == 0
    assert run_cli("export", doc, "-o", tmp_path / "t.docx", "--mode", "tracked").returncode == 0
    back = import_docx((tmp_path / "t.docx").read_bytes(), "t.docx")
    import json

    consolidated = json.loads(run_cli("outline", doc, "--json", "--view", "consolidated", "--status",
                                      "proposed").stdout)
    assert [b["text"] for b in outline_json(back)["blocks"]] == [b["text"] for b in consolidated["blocks"]]


def seed_document_path():
    from docx_support import FIXTURES

    return FIXTURES / "seed.txt"


# -- hostile files ---------------------------------------------------------------------------------


def zipped(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return out.getvalue()


def good_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(render_clean(seed_document()))) as package:
        return {name: package.read(name) for name in package.namelist()}


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                  b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  b'<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
SPREADSHEET_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
SPREADSHEET_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')


def hostile(kind: str) -> bytes:
    parts = good_parts()
    if kind == "not a zip":
        return b"This is a text file, not a Word document.\n" * 10
    if kind == "zip bomb":
        parts["word/document.xml"] = b" " * (30 * 1024 * 1024)
    elif kind == "entities":
        parts["word/document.xml"] = BILLION_LAUGHS
    elif kind == "missing document":
        del parts["word/document.xml"]
    elif kind == "spreadsheet":
        return zipped({"[Content_Types].xml": SPREADSHEET_TYPES, "_rels/.rels": SPREADSHEET_RELS,
                       "xl/workbook.xml": b"<workbook/>"})
    elif kind == "too many entries":
        parts.update({f"word/media/junk{n}.bin": b"x" for n in range(reader.MAX_ENTRIES + 1)})
    elif kind == "no content types":
        del parts["[Content_Types].xml"]
    elif kind == "truncated":
        return zipped(parts)[:2000]
    return zipped(parts)


@pytest.mark.parametrize("kind, words", [
    ("not a zip", "not a zip package"),
    ("zip bomb", "zip bomb"),
    ("entities", "document type declaration"),
    ("missing document", "has no word/document.xml"),
    ("spreadsheet", "is a spreadsheet, not a Word document"),
    ("too many entries", "holds 10"),
    ("no content types", "not a Word document"),
    ("truncated", "not a Word file"),
])
def test_hostile_files_are_refused_in_one_sentence(kind, words):
    with pytest.raises(BadInputError) as error:
        import_docx(hostile(kind), "evil.docx")
    message = str(error.value)
    assert words in message and "evil.docx" in message
    assert "\n" not in message and message.endswith(".")


def test_huge_parts_are_refused(monkeypatch):
    monkeypatch.setattr(reader, "MAX_PART_BYTES", 4000)
    with pytest.raises(BadInputError, match="too large for a resolution"):
        import_docx(render_clean(seed_document()), "big.docx")


def test_cli_refuses_a_bomb_and_writes_nothing(tmp_path):
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(hostile("zip bomb"))
    result = run_cli("import", bomb, "-o", tmp_path / "out.resdesk")
    assert result.returncode == 2
    assert result.stderr.startswith("resdesk: error: ") and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bomb.docx"]


def test_cli_imports_our_export(tmp_path, seed):
    doc, out, back = tmp_path / "a.resdesk", tmp_path / "a.docx", tmp_path / "b.resdesk"
    assert run_cli("import", seed, "-o", doc).returncode == 0
    assert run_cli("export", doc, "-o", out).returncode == 0
    assert run_cli("import", out, "-o", back).returncode == 0
    assert run_cli("outline", doc).stdout == run_cli("outline", back).stdout


def test_nested_sub_paragraphs_in_other_peoples_files():
    import docx

    word = docx.Document()
    for line in ("The General Assembly,", "1.\tDecides to act;", "2.\tRequests the Secretary-General:",
                 "(a)\tTo report on:", "(i)\tThe first matter;", "(ii)\tThe second matter;", "(b)\tTo consult;",
                 "(c)\tTo consider; and", "(d)\tTo conclude."):
        word.add_paragraph(line)
    raw = io.BytesIO()
    word.save(raw)
    labels = [row[1] for row in flat(import_docx(raw.getvalue(), "nested.docx"))]
    assert labels == ["", "OP1", "OP2", "OP2 (a)", "OP2 (a) (i)", "OP2 (a) (ii)", "OP2 (b)", "OP2 (c)", "OP2 (d)"]

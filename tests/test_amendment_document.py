"""The amendment document (`resdesk export --mode amendments`, issue 17): the amendments of the delegations
that table it, as the UN issues them, in Word and in PDF, from one model (`resdesk.views.amendment_document`)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEED, cli_ok, cli_refused
from docx_support import NS, first_page_header, paragraph_text
from negotiation import EIGHT_AMENDMENTS, EXPECTED_INSTRUCTIONS
from office import convert, needs_office, pdf_pages
from pdfread import need_poppler, normal_words, page_count, page_text
from resdesk.store.amendments import amendments
from resdesk.store.docfile import DocumentFile
from resdesk.un.dates import format_date

SPONSORS = "Group of 77 and China and Mexico: amendments to draft resolution A/C.3/68/L.5"
TITLE = ("Technical assistance for implementing the international conventions and protocols related to "
         "counter-terrorism")
# G77's and Mexico's amendments (a2, a3 co-sponsored by Chile and Peru, a6, a7) in the order of the paragraphs
# they amend: OP2, the two new paragraphs after OP3 (in order of entry), OP15.
INSTRUCTIONS = [f"{number}.\t{EXPECTED_INSTRUCTIONS[ident]}." for number, ident in
                enumerate(["a7", "a2", "a3", "a6"], start=1)]


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory) -> Path:
    """The seed, symbol A/C.3/68/L.5, with the eight amendments by five delegations."""
    doc = tmp_path_factory.mktemp("amendments") / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    for delegation, args in EIGHT_AMENDMENTS:
        cli_ok("amend", doc, "--as", delegation, *args)
    return doc


@pytest.fixture
def doc(negotiated, tmp_path) -> Path:
    copy = tmp_path / "seed.resdesk"
    shutil.copy(negotiated, copy)
    return copy


def word_paragraphs(path: Path) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return [paragraph_text(p) for p in root.iterfind(".//w:p", NS)]


def latest_date(doc: Path, ids: list[str]) -> str:
    with DocumentFile.open(doc, readonly=True) as file:
        return max(a.created[:10] for a in amendments(file) if a.id in ids)


def test_the_amendment_document_of_two_delegations_in_word(doc, tmp_path):
    out = tmp_path / "L.61.docx"
    cli_ok("export", doc, "-o", out, "--mode", "amendments", "--delegations", "G77, Mexico",
           "--symbol", "A/C.3/68/L.61")
    paragraphs = word_paragraphs(out)
    top = first_page_header(out.read_bytes()).find("w:p", NS)
    assert paragraph_text(top) == "\tUnited Nations\tA/C.3/68/L.61"
    masthead = paragraphs[:paragraphs.index(SPONSORS)]
    for line in ("General Assembly", "Distr.: Limited", format_date(latest_date(doc, ["a2", "a3", "a6", "a7"])),
                 "Original: English", "Sixty-eighth session", "Third Committee", "Agenda item 108",
                 "Crime prevention and criminal justice"):
        assert line in masthead
    body = [text for text in paragraphs[paragraphs.index(SPONSORS):] if text]
    assert body == [SPONSORS, TITLE, *INSTRUCTIONS]
    everything = "\n".join(paragraphs)
    for other in ("a1", "a4", "a5", "a8"):  # the EU's, the United States', CARICOM's
        assert EXPECTED_INSTRUCTIONS[other] not in everything
    with zipfile.ZipFile(out) as package:  # the running header carries the document's own symbol
        headers = [package.read(name).decode() for name in package.namelist() if name.startswith("word/header")]
    assert any("A/C.3/68/L.61" in header for header in headers)


def test_the_pdf_shows_the_same_amendment_document(doc, tmp_path):
    need_poppler()
    pdf, docx = tmp_path / "L.61.pdf", tmp_path / "L.61.docx"
    for out in (pdf, docx):
        cli_ok("export", doc, "-o", out, "--mode", "amendments", "--delegations", "G77,Mexico")
    text = " ".join(page_text(pdf, page) for page in range(1, page_count(pdf) + 1))
    printed = normal_words(re.sub(r"(?<=\w-)\s+", "", text))  # a line may end inside a hyphenated word
    expected = normal_words(" ".join([SPONSORS, TITLE, *INSTRUCTIONS]))
    assert " ".join(printed).count(" ".join(expected)) == 1
    assert "Distr.: Limited" in text and "Original: English" in text
    assert normal_words(" ".join(word_paragraphs(docx)))[-len(expected):] == expected  # what the Word file says
    for other in ("a1", "a4", "a5", "a8"):
        assert " ".join(normal_words(EXPECTED_INSTRUCTIONS[other])) not in " ".join(printed)


@needs_office
def test_libreoffice_opens_the_word_file_with_every_instruction_numbered(doc, tmp_path):
    out = tmp_path / "L.61.docx"
    cli_ok("export", doc, "-o", out, "--mode", "amendments", "--delegations", "G77,Mexico")
    (pdf,) = convert([out], "pdf", tmp_path / "lo")
    printed = " ".join(normal_words(re.sub(r"(?<=\w-)\s+", "", " ".join(pdf_pages(pdf)))))
    assert " ".join(normal_words(" ".join([SPONSORS, TITLE, *INSTRUCTIONS]))) in printed


def test_the_same_document_gives_the_same_bytes(doc, tmp_path):
    for suffix in (".docx", ".pdf"):
        first, second = tmp_path / f"1{suffix}", tmp_path / f"2{suffix}"
        for out in (first, second):
            cli_ok("export", doc, "-o", out, "--mode", "amendments", "--delegations", "Mexico")
        assert first.read_bytes() == second.read_bytes()


def test_a_single_amendment_is_unnumbered_and_in_the_singular(doc, tmp_path):
    out = tmp_path / "us.docx"
    cli_ok("export", doc, "-o", out, "--mode", "amendments", "--delegations", "United States")
    body = [text for text in word_paragraphs(out) if text]
    assert body[-3:] == ["United States of America: amendment to draft resolution A/C.3/68/L.5", TITLE,
                         "Delete operative paragraph 7."]


def test_a_sub_amendment_is_listed_after_the_amendment_it_amends(doc, tmp_path):
    cli_ok("amend", doc, "--as", "Norway", "--in", "a2", "--replace", "Encourages", "--with", "Urges")
    cli_ok("amend", doc, "--as", "Norway", "--in", "OP1", "--replace", "Urges", "--with", "Calls upon")
    out = tmp_path / "norway.docx"
    cli_ok("export", doc, "-o", out, "--mode", "amendments", "--delegations", "Norway,G77")
    body = [text for text in word_paragraphs(out) if text]
    assert body[-6:] == [
        "Norway and Group of 77 and China: amendments to draft resolution A/C.3/68/L.5", TITLE,
        "1.\tIn operative paragraph 1, replace “Urges” with “Calls upon”.",
        f"2.\t{EXPECTED_INSTRUCTIONS['a7']}.",
        f"3.\t{EXPECTED_INSTRUCTIONS['a2']}.",
        "4.\tIn the text proposed by amendment a2 for operative paragraph 3 bis, replace “Encourages” with “Urges”.",
    ]


def test_what_an_amendment_document_cannot_be_is_refused(doc, tmp_path):
    out = tmp_path / "x.docx"
    assert cli_refused("export", doc, "-o", out, "--mode", "amendments") == (
        "An amendment document is tabled by delegations: name them with --delegations (e.g. --delegations "
        "\"Brazil, Chile\").")
    assert cli_refused("export", doc, "-o", out, "--mode", "amendments", "--delegations", "France") == (
        "No amendment of original matches the delegation France; the export would show none.")
    assert cli_refused("export", doc, "-o", tmp_path / "x.xml", "--mode", "amendments", "--delegations", "EU") == (
        "An Akoma Ntoso export holds the clean text of a resolution; export the amendment document to .docx or .pdf.")
    assert cli_refused("export", doc, "-o", out, "--mode", "amendments", "--delegations", "EU", "--from", "original",
                   "--to", "original") == ("A comparison of two versions is written as tracked changes, not as a "
                                           "compilation or an amendment document.")
    cli_ok("meta", doc, "--set", "symbol=")
    assert cli_refused("export", doc, "-o", out, "--mode", "amendments", "--delegations", "EU") == (
        "An amendment document names the draft it amends by its symbol, and this one has none; set it first "
        "(resdesk meta DOC --set symbol=A/C.3/68/L.5).")
    assert not out.exists()

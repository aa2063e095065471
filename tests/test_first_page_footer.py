"""The first page's foot: the job number line and its Code 39 barcode (against the standard's table)."""

from __future__ import annotations

import pytest

from docx_support import NS, W, paragraph_text, part, seed_document
from resdesk.errors import UserError
from resdesk.formats.docx.clean import render_clean
from resdesk.un import code39
from resdesk.un.address import document_address, qr_modules
from resdesk.un.masthead import job_line, recycle_line

# ISO/IEC 16388: each character as bars (B) and spaces (s), wide in capitals, narrow in lower case.
STANDARD = {"*": "bSbsBsBsb", "0": "bsbSBsBsb", "1": "BsbSbsbsB", "9": "bsBSbsBsb", "A": "BsbsbSbsB",
            "Z": "bSBsBsbsb", "-": "bSbsbsBsB", "/": "bSbSbsbSb"}


def modules(text: str) -> str:
    """The barcode of `text` as a string of 1 (bar) and 0 (space) per narrow module."""
    bars = code39.bars(text)
    row = ["0"] * code39.width(text)
    for start, width in bars:
        row[start:start + width] = ["1"] * width
    return "".join(row)


def expected(text: str) -> str:
    out = []
    for char in f"*{text}*":
        for element in STANDARD[char]:
            out.append(("1" if element.lower() == "b" else "0") * (3 if element.isupper() else 1))
        out.append("0")
    return "".join(out)[:-1]


@pytest.mark.parametrize("text", ["0", "19", "A-Z/", "1"])
def test_code39_follows_the_standard_table(text):
    assert modules(text) == expected(text)


def test_every_character_is_three_wide_of_nine():
    for char, pattern in code39.PATTERNS.items():
        assert len(pattern) == 9 and pattern.count("1") == 3, char
        assert pattern[1::2].count("1") in (1, 3), char  # one wide space (or, for $ / + %, three)


def test_job_number_barcode_and_line():
    assert code39.job_barcode_text("13-49218") == "1349218"
    assert len(code39.bars("1349218")) == 5 * 9  # five bars a character, start and stop included
    assert job_line("13-49218", "en", "2013-10-01") == "13-49218 (E)    011013"
    assert job_line("13-49218", "fr", "") == "13-49218 (F)"
    assert job_line("", "en", "2013-10-01") == ""  # no job number: nothing is invented
    assert recycle_line("fr") == "Merci de recycler \u2672" and recycle_line("zh") == "Please recycle \u2672"
    with pytest.raises(UserError):
        code39.bars("a*b")


def test_word_first_page_footer():
    document = seed_document()
    document.meta.job_number = "13-49218"
    data = render_clean(document)
    footers = [part(data, f"word/footer{n}.xml") for n in (1, 2, 3)]
    first = next(f for f in footers if "(E)" in paragraph_text(f.findall("w:p", NS)[-1]))
    recycle, line = first.findall("w:p", NS)
    assert paragraph_text(line) == "13-49218 (E)    011013"
    assert line.find(".//w:r/w:rPr/w:sz", NS).get(f"{W}val") == "20"  # 10 pt
    assert paragraph_text(recycle) == "Please recycle \u2672"
    assert recycle.find(".//w:r/w:rPr/w:sz", NS).get(f"{W}val") == "20"


def test_address_and_qr_code_only_with_a_symbol():
    assert document_address(" A/RES/73/6 ") == "http://undocs.org/A/RES/73/6"
    assert document_address("") == "" and qr_modules("") == []
    rows = qr_modules("A/RES/73/6")
    assert len(rows) == len(rows[0]) >= 21  # a QR code (version 1 is 21 modules), never a Micro QR
    assert rows == qr_modules("A/RES/73/6")  # the same address, the same modules


@pytest.mark.parametrize(("symbol", "pictures"), [("A/RES/73/6", 2), ("", 1)])
def test_word_footer_pictures(symbol, pictures):
    document = seed_document()
    document.meta.job_number, document.meta.symbol = "13-49218", symbol
    data = render_clean(document)
    footers = [part(data, f"word/footer{n}.xml") for n in (1, 2, 3)]
    first = next(f for f in footers if "(E)" in paragraph_text(f.findall("w:p", NS)[-1]))
    names = [e.get("name") for e in first.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert len(names) == pictures
    assert ("QR code: http://undocs.org/A/RES/73/6" in names) == bool(symbol)

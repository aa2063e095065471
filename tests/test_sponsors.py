"""Sponsors shown one way everywhere (screen, outline, Word, PDF, AKN) and read back by every importer.

The sponsor line is `resdesk.un.sponsors.sponsor_line`; names with "and" in them and an "(on behalf
of …)" stay whole (B4).
"""

from __future__ import annotations

import io
import subprocess

import docx
import pytest

from conftest import SEED, run_cli
from docx_support import seed_document
from pdfread import need_poppler
from resdesk.formats.akn_export import akn_bytes
from resdesk.formats.akn_import import import_akn
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx_import import import_docx
from resdesk.formats.text_import import import_text
from resdesk.ui.facts import document_rows
from resdesk.un.sponsors import sponsor_line
from resdesk.views.reading import outline_text

G77 = "Fiji (on behalf of the Group of 77 and China)"
SPONSORS = ["Brazil", "São Tomé and Príncipe", "Trinidad and Tobago", G77]
LINE = "Brazil, São Tomé and Príncipe, Trinidad and Tobago and Fiji (on behalf of the Group of 77 and China): " \
       "draft resolution"


def sponsored_seed():
    """The seed (a Note by the Secretariat) with sponsors: both are written, neither hides the other."""
    document = seed_document()
    document.meta.sponsors = list(SPONSORS)
    return document


def test_the_sponsor_line():
    assert sponsor_line(SPONSORS) == LINE
    assert sponsor_line(["Brazil", "Norway"], revised=True) == "Brazil and Norway: revised draft resolution"
    assert sponsor_line(["Brésil", "Norvège"], "fr") == "Brésil et Norvège : projet de résolution"
    assert sponsor_line([]) == ""


# -- B4: every importer keeps the names whole --------------------------------------------------------


def test_text_import_keeps_a_name_with_accents_and_and_whole():
    text = "\n\n".join(["General Assembly", "Sixty-eighth session", f"{LINE}", "A title", "The General Assembly,",
                        "1. Decides to act."])
    assert import_text(text.encode()).meta.sponsors == SPONSORS


def test_word_import_keeps_on_behalf_of_whole():
    word = docx.Document()
    for line in ("United Nations\tA/C.2/70/L.3", "General Assembly", "Distr.: Limited",
                 f"{G77}: draft resolution", "Trade and development", "The General Assembly,",
                 "1.\tDecides to act."):
        word.add_paragraph(line)
    raw = io.BytesIO()
    word.save(raw)
    assert import_docx(raw.getvalue(), "g77.docx").meta.sponsors == [G77]


def test_akn_import_keeps_on_behalf_of_whole():
    xml = f"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
      <meta><workflow source="#x"><step date="2023-09-19" outcome="draftResolution" by="Norway and {G77}"/>
      </workflow></meta>
      <mainBody><paragraph eId="para_1"><num>1.</num><content><p>Decides to act;</p></content></paragraph>
      <paragraph eId="para_2"><num>2.</num><content><p>Decides to continue.</p></content></paragraph></mainBody>
    </statement></akomaNtoso>"""
    assert import_akn(xml.encode(), "g77.xml").meta.sponsors == ["Norway", G77]


# -- one rendering, every format ---------------------------------------------------------------------


def test_screen_and_outline_show_the_one_line():
    document = sponsored_seed()
    assert document_rows(document)[0].subtitle == LINE
    assert LINE in outline_text(document, width=400)


def test_word_round_trip_keeps_the_sponsors_under_a_note():
    back = import_docx(render_clean(sponsored_seed()), "seed.docx")
    assert back.meta.sponsors == SPONSORS
    assert back.meta.note.startswith("By its resolution 2013/32")


def test_akn_round_trip_keeps_the_sponsors():
    data = akn_bytes(sponsored_seed())
    assert LINE.encode() in data  # the cover page's sponsor line
    assert import_akn(data, "seed.xml").meta.sponsors == SPONSORS


@pytest.fixture(scope="module")
def sponsored_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("sponsors") / "seed.resdesk"
    for command in (("import", SEED, "-o", path),
                    ("meta", path, "--set", f"sponsors={', '.join(SPONSORS)}", "symbol=A/C.3/68/L.5"),
                    ("amend", path, "--as", "Brazil", "--in", "OP2", "--replace", "to continue to strengthen",
                     "--with", "to strengthen further")):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("mode", ["clean", "tracked", "compilation"])
def test_every_word_export_writes_the_line_and_the_import_reads_it(sponsored_file, tmp_path, mode):
    out = tmp_path / f"{mode}.docx"
    result = run_cli("export", sponsored_file, "-o", out, "--mode", mode)
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    assert LINE in [paragraph.text for paragraph in document.paragraphs]
    assert import_docx(out.read_bytes(), out.name).meta.sponsors == SPONSORS


def test_meta_keeps_the_names_whole(sponsored_file):
    assert run_cli("meta", sponsored_file).stdout.count(", ".join(SPONSORS[:-1]) + " and " + G77) == 1


def test_pdf_writes_the_line(sponsored_file, tmp_path):
    need_poppler()
    out = tmp_path / "seed.pdf"
    result = run_cli("export", sponsored_file, "-o", out)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True, check=True).stdout
    assert LINE in " ".join(text.split())

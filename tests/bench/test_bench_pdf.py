"""PDF benchmarks: a 700-paragraph text printed to PDF (in process and through `resdesk export`),
and, when the Word exporter is there, LibreOffice rendering our clean .docx of the same text.

The done-criterion of issue 6: our PDF takes no longer than LibreOffice rendering our .docx.
Numbers go to docs/benchmarks.md. Nothing here asserts a time.
"""

from __future__ import annotations

import importlib.util
import shutil
import statistics
import subprocess
import sys
import time

import pytest

from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block, Document, Footnote, Meta
from resdesk.text.inline import FOOTNOTE, Mark
from resdesk.views.export import prepare_export
from resdesk.views.export_input import ExportOptions

PP_OPENINGS = ("Recalling", "Reaffirming", "Deeply concerned", "Noting with appreciation", "Recognizing also")
OP_OPENINGS = ("Urges", "Also requests", "Calls upon", "Encourages", "Further invites", "Decides")
CLAUSES = ("to strengthen international cooperation in the field of disaster risk reduction",
           "in accordance with national legislation and international obligations",
           "including through the exchange of information and good practices",
           "taking into account the particular needs of developing countries",
           "within existing resources and in line with relevant mandates")


def synthetic_document(paragraphs: int = 700) -> Document:
    """Exactly `paragraphs` blocks: the formula, 30 % PPs, OPs (every tenth with two sub-paragraphs),
    a footnote every 25 paragraphs. Deterministic (no randomness)."""
    blocks = [Block("b1", FORMULA, "The General Assembly,")]
    footnotes: dict[str, Footnote] = {}
    preambular = paragraphs * 3 // 10
    while len(blocks) < paragraphs:
        n = len(blocks)
        clauses = ", ".join(CLAUSES[(n + k) % len(CLAUSES)] for k in range(1 + n % 4))
        block_id = f"b{n + 1}"
        if n <= preambular:
            text = f"{PP_OPENINGS[n % 5]} the importance of item {n} of the programme of work, {clauses},"
            blocks.append(Block(block_id, PREAMBULAR, text))
        elif n % 10 == 0 and len(blocks) + 3 <= paragraphs:
            blocks.append(Block(block_id, OPERATIVE, f"{OP_OPENINGS[n % 6]} the Secretary-General, {clauses}:"))
            blocks.append(Block(f"b{n + 2}", SUBPARAGRAPH, f"To report on item {n} {CLAUSES[n % 5]};", parent=block_id))
            blocks.append(Block(f"b{n + 3}", SUBPARAGRAPH, f"To consult Member States {CLAUSES[(n + 1) % 5]};",
                                parent=block_id))
        else:
            blocks.append(Block(block_id, OPERATIVE, f"{OP_OPENINGS[n % 6]} Member States, {clauses};"))
        if n % 25 == 0:
            note = f"f{len(footnotes) + 1}"
            footnotes[note] = Footnote(note, f"General Assembly resolution {60 + n % 20}/{n}.")
            end = len(blocks[-1].text) - 1
            blocks[-1].marks.append(Mark(FOOTNOTE, end, end, note))
    meta = Meta(symbol="A/C.3/81/L.99", session="Eighty-first session", committee="Third Committee",
                agenda_item="108", agenda_title="A synthetic agenda item", distribution="Limited",
                date="2026-10-01", original_language="en", sponsors=["Andorra", "Brazil"],
                title="A synthetic resolution of 700 paragraphs", job_number="26-00001")
    return Document(meta, blocks[:paragraphs], footnotes)


def median_seconds(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


PROPOSERS = ("France", "Group of 77 and China", "European Union", "Russian Federation", "Brazil")


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory):
    """The synthetic text in a document file, with 60 word-level proposals from five delegations
    (on every eighth OP that says "Member States") for the tracked print."""
    from resdesk.amend.propose import propose_replace
    from resdesk.store.amendments import add_amendment
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import create_document, load

    path = tmp_path_factory.mktemp("bench") / "synthetic-700.resdesk"
    document = synthetic_document()
    create_document(path, document).close()
    with DocumentFile.open(path) as doc:
        document = load(doc)
        ops = [b for b in document.blocks if b.kind == OPERATIVE]
        chosen = [(n, b) for n, b in enumerate(ops, start=1) if "Member States" in b.text][::8][:60]
        for count, (number, _) in enumerate(chosen):
            amendment = propose_replace(document, PROPOSERS[count % 5], f"OP{number}", "Member States",
                                        "all Member States and observer States")
            add_amendment(doc, amendment)
    return path


def test_bench_pdf_in_process(qapp, doc_file, tmp_path):
    from resdesk.store.docfile import DocumentFile
    from resdesk.ui.printing.pdf_export import export_pdf

    out = tmp_path / "out.pdf"
    for mode in ("clean", "tracked"):
        options = ExportOptions(mode=mode)
        with DocumentFile.open(doc_file, readonly=True) as doc:
            pages = export_pdf(prepare_export(doc, options), out)
            seconds = median_seconds(lambda d=doc, o=options: export_pdf(prepare_export(d, o), out))
        print(f"\nin-process PDF, {mode}, 700 paragraphs: {pages} pages, median {seconds:.3f} s")


def test_bench_cli_pdf_export(doc_file, tmp_path):
    out = tmp_path / "cli.pdf"
    for mode in ("clean", "tracked"):
        command = [sys.executable, "-m", "resdesk", "export", str(doc_file), "-o", str(out), "--mode", mode]
        subprocess.run(command, check=True, capture_output=True)
        seconds = median_seconds(lambda c=command: subprocess.run(c, check=True, capture_output=True))
        print(f"\n`resdesk export -o OUT.pdf --mode {mode}` (whole process), 700 paragraphs: median {seconds:.3f} s")


def test_bench_libreoffice_renders_our_docx(doc_file, tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if importlib.util.find_spec("resdesk.formats.docx_export") is None:
        pytest.skip("the Word exporter (resdesk.formats.docx_export) is not on this branch yet")
    docx = tmp_path / "clean.docx"
    subprocess.run([sys.executable, "-m", "resdesk", "export", str(doc_file), "-o", str(docx)], check=True,
                   capture_output=True)
    profile = tmp_path / "lo-profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(tmp_path / "lo"), str(docx)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)  # first start creates the profile
    seconds = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True, timeout=300), 3)
    print(f"\nLibreOffice: our clean .docx (700 paragraphs) to PDF, whole process: median {seconds:.3f} s")

"""The PDF and the Word export, rendered by LibreOffice, set the seed's lines alike."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pytest

from conftest import SEED, run_cli
from pdfread import need_poppler, page_count, page_text


def line_endings(pdf) -> list[str]:
    """The last three words of every full line of text (short lines are headings, masthead, folios)."""
    endings = []
    for page in range(1, page_count(pdf) + 1):
        for line in page_text(pdf, page).splitlines():
            words = line.split()
            if len(words) >= 6:
                endings.append(" ".join(words[-3:]))
    return endings


@pytest.mark.slow
def test_pdf_breaks_lines_where_libreoffice_breaks_our_docx(tmp_path):
    need_poppler()
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    doc = tmp_path / "seed.resdesk"
    for args in (("import", SEED, "-o", doc), ("export", doc, "-o", tmp_path / "seed.pdf"),
                 ("export", doc, "-o", tmp_path / "seed.docx")):
        result = run_cli(*args)
        assert result.returncode == 0, result.stderr
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "word"), str(tmp_path / "seed.docx")],
                   check=True, capture_output=True, timeout=300)
    ours, word = line_endings(tmp_path / "seed.pdf"), line_endings(tmp_path / "word" / "seed.pdf")
    assert len(ours) > 100
    shared = Counter(ours) & Counter(word)
    assert sum(shared.values()) >= 0.95 * len(ours), sorted((Counter(ours) - shared).elements())

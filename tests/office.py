"""Converting files with a real LibreOffice, and reading PDFs back with poppler, for the Word export tests.

Each test session gets a private LibreOffice profile (parallel runs never share
one); several files go through one `soffice` call because starting it costs
seconds.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo", "pdffonts"))

needs_office = pytest.mark.skipif(
    not (SOFFICE and POPPLER),
    reason="LibreOffice (soffice) and poppler-utils (pdftotext, pdfinfo, pdffonts) are needed to check Word files",
)


def convert(files: list[Path], fmt: str, outdir: Path) -> list[Path]:
    """Convert `files` to `fmt` ("pdf", "fodt", "docx:MS Word 2007 XML") in one soffice run; the converted
    paths, in order."""
    with tempfile.TemporaryDirectory(prefix="resdesk-lo-") as profile:
        result = subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
            capture_output=True, text=True, timeout=300,
        )
    outputs = [outdir / (file.stem + "." + fmt.split(":")[0]) for file in files]
    missing = [path.name for path in outputs if not path.exists()]
    assert not missing, f"soffice did not convert {missing}: {result.stderr[-500:]}"
    return outputs


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdf_fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (layout mode), normalised to single spaces per line."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [re.sub(r"[ \t]+", " ", page) for page in out.split("\f")[:-1]]


def pdf_words(pdf: Path) -> list[list[tuple[str, float, float]]]:
    """Per page, every word with its left x and top y in points."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page)
        pages.append([(word, float(x), float(y)) for x, y, word in words])
    return pages

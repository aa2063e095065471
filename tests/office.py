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


# A Basic macro for the private profile: open each Word file hidden, accept or reject every tracked change as
# Edit > Track Changes > Accept All / Reject All does, and save the text beside it (one paragraph a line,
# footnote numbers inline).
RESOLVE_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(sources As String, how As String)
    Dim hidden(0) As New com.sun.star.beans.PropertyValue
    hidden(0).Name = &quot;Hidden&quot;
    hidden(0).Value = True
    Dim text(0) As New com.sun.star.beans.PropertyValue
    text(0).Name = &quot;FilterName&quot;
    text(0).Value = &quot;Text (encoded)&quot;
    Dim none(0) As New com.sun.star.beans.PropertyValue
    dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
    For Each source In Split(sources, &quot;|&quot;)
        document = StarDesktop.loadComponentFromURL(ConvertToURL(source), &quot;_blank&quot;, 0, hidden())
        command = &quot;.uno:&quot; &amp; how &amp; &quot;AllTrackedChanges&quot;
        dispatcher.executeDispatch(document.CurrentController.Frame, command, &quot;&quot;, 0, none())
        document.storeToURL(ConvertToURL(source &amp; &quot;.&quot; &amp; how &amp; &quot;.txt&quot;), text())
        document.close(True)
    Next
End Sub
</script:module>
"""


def resolve_changes(files: list[Path], how: str) -> list[list[str]]:
    """The paragraphs of each Word file after LibreOffice accepted ("Accept") or rejected ("Reject") every
    tracked change (its Accept All / Reject All), as LibreOffice saves them as text."""
    with tempfile.TemporaryDirectory(prefix="resdesk-lo-") as profile:
        start = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        subprocess.run([*start, "--terminate_after_init"], capture_output=True, timeout=120)
        Path(profile, "user", "basic", "Standard", "Module1.xba").write_text(RESOLVE_MACRO, encoding="utf-8")
        names = "|".join(str(file.resolve()) for file in files)
        result = subprocess.run([*start, f'macro:///Standard.Module1.Resolve("{names}","{how}")'],
                                capture_output=True, text=True, timeout=300)
    outputs = [Path(f"{file.resolve()}.{how}.txt") for file in files]
    missing = [path.name for path in outputs if not path.exists()]
    assert not missing, f"LibreOffice did not resolve {missing}: {result.stderr[-500:]}"
    return [path.read_text(encoding="utf-8-sig").splitlines() for path in outputs]


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

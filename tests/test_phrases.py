"""Opening phrases: the UN's own italic spans (AKN4UN samples, the 2013 seed draft) and tricky cases."""

from __future__ import annotations

import os
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resdesk.text.phrases import load_lexicon, opening_phrase

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
SEED = "seed-draft-resolution-2013-counter-terrorism-technical-assistance.txt"
#: Language of each AKN sample, from the suffix of its file name.
LANGUAGES = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}
#: Classes of the span that carries the opening phrase (Chinese uses bold, Arabic bold italic).
EMPHASIS = {"italic", "bold", "bold italic"}

#: Markup slips in the samples: (file, start of the paragraph) -> (kind, phrase) the text really has.
SAMPLE_SLIPS = {
    # The last preambular paragraph of the French text is tagged as an (unnumbered) operative one.
    ("A_RES_78_226-2325984F.xml", "Prenant également note des"): ("preambular", "Prenant également note"),
    # "Recalling also": "أيضا" is left out of the span here but inside it in "وإذ تؤكد مجددا أيضا".
    ("A_RES_78_226-2325984A.xml", "وإذ تشير أيضا إلى جميع"): ("preambular", "وإذ تشير أيضا"),
    # Only the conjunction "و" of "وإذ تلاحظ" ("Noting") is in the span.
    ("A_RES_78_226-2325984A.xml", "وإذ تلاحظ العمل"): ("preambular", "وإذ تلاحظ"),
}


def samples_dir() -> Path:
    """The shared samples: $RESDESK_SAMPLES, else the `shared/samples` folder beside the repository."""
    configured = os.environ.get("RESDESK_SAMPLES")
    path = Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "samples"
    if not path.is_dir():
        pytest.skip(f"UN samples not found at {path} (set RESDESK_SAMPLES to the shared samples folder)")
    return path


def collapse(text: str) -> str:
    """Text without layout whitespace: runs of whitespace collapsed to one space, ends stripped."""
    return " ".join(text.split())


def plain_text(element: ET.Element) -> str:
    """The characters of an AKN element, without its footnotes."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != AKN + "authorialNote":
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def leading_emphasis(p: ET.Element) -> str | None:
    """The text of the emphasis span that opens `p`, or None if `p` does not open with one."""
    if (p.text or "").strip() or len(p) == 0:
        return None
    first = p[0]
    if first.tag != AKN + "span" or first.get("class") not in EMPHASIS:
        return None
    return collapse(plain_text(first))


def akn_paragraphs(path: Path) -> list[tuple[str, str, str]]:
    """(kind, plain text, italic opening) of every PP and OP of an AKN resolution.

    PPs are the preamble's containers; OPs the main body's paragraphs (their content or list
    intro) that open with an emphasis span; table notes ("FootnoteText") are not OPs."""
    root = ET.parse(path).getroot()
    found = []
    for container in root.iter(AKN + "preamble"):
        for pp in container.iter(AKN + "container"):
            p = pp.find(AKN + "p")
            if p is not None and leading_emphasis(p) is not None:
                found.append(("preambular", collapse(plain_text(p)), leading_emphasis(p)))
    for body in root.iter(AKN + "mainBody"):
        for op in body.iter(AKN + "paragraph"):
            p = op.find(f"{AKN}content/{AKN}p")
            if p is None:
                p = op.find(f"{AKN}list/{AKN}intro/{AKN}p")
            if op.get("class") != "FootnoteText" and p is not None and leading_emphasis(p) is not None:
                found.append(("operative", collapse(plain_text(p)), leading_emphasis(p)))
    return [_corrected(path.name, *item) for item in found]


def _corrected(name: str, kind: str, text: str, italic: str) -> tuple[str, str, str]:
    for (file, start), (real_kind, phrase) in SAMPLE_SLIPS.items():
        if file == name and text.startswith(start):
            return real_kind, text, phrase
    return kind, text, italic


def sample_files() -> list[str]:
    path = Path(os.environ.get("RESDESK_SAMPLES", Path(__file__).resolve().parents[2] / "shared" / "samples"))
    return sorted(p.name for p in (path / "akn").glob("*.xml")) if (path / "akn").is_dir() else []


def language_of(name: str) -> str:
    match = re.search(r"([ACEFRS])\.xml$", name)
    return LANGUAGES[match.group(1)] if match else "en"


@pytest.mark.parametrize("name", sample_files() or ["(no samples)"])
def test_akn_sample_openings(name: str) -> None:
    """Every PP and OP of the UN's own files gets exactly the phrase the UN italicised."""
    path = samples_dir() / "akn" / name
    language = language_of(name)
    if load_lexicon(language) is None:
        pytest.skip(f"no lexicon for {language!r}")
    paragraphs = akn_paragraphs(path)
    assert paragraphs
    wrong = [
        (kind, italic, got, text[:60])
        for kind, text, italic in paragraphs
        if (got := opening_phrase(text, kind, language)) != italic
    ]
    assert not wrong, f"{len(paragraphs) - len(wrong)}/{len(paragraphs)} right; wrong: {wrong}"

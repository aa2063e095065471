"""Every real UN resolution of the samples prints with all its paragraphs (AKN import, then PDF)."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from conftest import run_cli, samples_dir
from pdfread import body_words, find_run, need_poppler, normal_words, page_count, page_sizes, words
from resdesk.model.document import TABLE
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load

SAMPLES = sorted((samples_dir() / "akn").glob("*.xml"))


def letters(text: str) -> Counter:
    """The letters of a text (compatibility forms folded: Arabic presentation forms are letters too)."""
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalpha())


def has_font_for(language: str) -> bool:
    """Whether some installed font can write the language's script (Qt falls back to it)."""
    from PySide6.QtGui import QFontDatabase

    systems = {"zh": QFontDatabase.WritingSystem.SimplifiedChinese, "ar": QFontDatabase.WritingSystem.Arabic,
               "ru": QFontDatabase.WritingSystem.Cyrillic}
    return language not in systems or bool(QFontDatabase.families(systems[language]))


def block_texts(document) -> list[tuple[str, bool]]:
    """(text, is a table cell) of every block, in reading order."""
    texts = []
    for block in document.all_blocks():
        if block.kind == TABLE:
            texts.extend((cell.text, True) for row in block.rows for cell in row)
        else:
            texts.append((block.text, False))
    return [(text, cell) for text, cell in texts if text.strip()]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_every_paragraph_of_a_sample_is_printed(samples, qapp, tmp_path, sample):
    need_poppler()
    doc = tmp_path / "sample.resdesk"
    result = run_cli("import", sample, "-o", doc)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "sample.pdf"
    result = run_cli("export", doc, "-o", pdf)
    assert result.returncode == 0, result.stderr
    assert page_sizes(pdf) == [(612.0, 792.0)] * page_count(pdf)
    with DocumentFile.open(doc, readonly=True) as opened:
        document = load(opened)
    texts = block_texts(document)
    assert len(texts) >= 3
    language = document.meta.language
    found = words(pdf)
    if not has_font_for(language):
        pytest.skip(f"no installed font writes {language!r} (Chinese: fonts-noto-cjk; Arabic: fonts-dejavu-core)")
    if language in ("ar", "zh"):
        # pdftotext gives Arabic as shaped glyphs in visual order and Chinese without word breaks:
        # compare the letters printed with the letters of every paragraph. Arabic ligature glyphs map
        # back to only some of their letters (1.6 % of the letters of A/RES/78/226 in Arabic), hence
        # the tolerance; a missing paragraph of average length (360 letters) still fails.
        expected = letters("".join(text for text, _ in texts))
        missing = sum((expected - letters("".join(w.text for w in found))).values())
        assert missing <= 0.02 * sum(expected.values()), f"{missing} letters of the paragraphs are not in the PDF"
        return
    stream = body_words(found)
    position = 0
    for text, cell in texts:
        if cell:  # cells of a row sit side by side: each cell's words in order, after the text before the table
            assert find_run(normal_words(text)[:1], stream, position) is not None, text
            continue
        end = find_run(normal_words(text), stream, position)
        assert end is not None, f"{sample.name}: not printed whole and in order: {text[:70]}…"
        position = end

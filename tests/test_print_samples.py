"""Every real UN resolution of the samples prints with all its paragraphs (AKN import, then PDF)."""

from __future__ import annotations

import pytest

pytest.importorskip("resdesk.formats.akn_import", reason="the AKN importer is not on this branch yet")

from conftest import run_cli  # noqa: E402
from pdfread import body_words, find_run, need_poppler, normal_words, page_count, page_sizes, words  # noqa: E402
from resdesk.model.document import TABLE  # noqa: E402
from resdesk.store.docfile import DocumentFile  # noqa: E402
from resdesk.store.documents import load  # noqa: E402


def sample_files():
    from conftest import samples_dir

    return sorted((samples_dir() / "akn").glob("*.xml"))


@pytest.mark.parametrize("name", [p.name for p in sample_files()] or ["(no samples)"])
def test_every_paragraph_of_a_sample_is_printed(samples, tmp_path, name):
    need_poppler()
    doc = tmp_path / "sample.resdesk"
    result = run_cli("import", samples / "akn" / name, "-o", doc)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "sample.pdf"
    result = run_cli("export", doc, "-o", pdf)
    assert result.returncode == 0, result.stderr
    with DocumentFile.open(doc, readonly=True) as opened:
        document = load(opened)
    stream = body_words(words(pdf))
    position = 0
    printed = 0
    for block in document.all_blocks():
        texts = [cell.text for row in block.rows for cell in row] if block.kind == TABLE else [block.text]
        for text in texts:
            needle = normal_words(text)
            if not needle:
                continue
            found = find_run(needle, stream, position)
            assert found is not None, f"{name}: not printed whole and in order: {text[:70]}…"
            position = found if block.kind != TABLE else position
            printed += 1
    assert printed >= 10
    assert page_sizes(pdf) == [(612.0, 792.0)] * page_count(pdf)

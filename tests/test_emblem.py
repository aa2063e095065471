"""The UN emblem on page 1: never shipped, placed left of "General Assembly" in Word and the PDF when the user
gives an image (`export --emblem FILE`), the place left empty otherwise; a file that is not an image we can place
is refused in one sentence, exit status 2, nothing written."""

from __future__ import annotations

import pytest

from conftest import SEED, run_cli
from office import SOFFICE, convert
from resdesk.formats.docx.picture import png
from resdesk.un import page as un

pymupdf = pytest.importorskip("pymupdf", reason="pymupdf reads the pictures back (pip install '.[test]')")

EMBLEM_PIXELS = (40, 34)  # wider than high, as the emblem is: fits the box by its width


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    folder = tmp_path_factory.mktemp("emblem")
    doc = folder / "seed.resdesk"
    assert run_cli("import", SEED, "-o", doc).returncode == 0
    emblem = folder / "emblem.png"
    width, height = EMBLEM_PIXELS
    emblem.write_bytes(png([[(x + y) % 2 == 0 for x in range(width)] for y in range(height)]))
    return doc, emblem


def pictures_in_emblem_place(pdf_path) -> list[tuple[float, ...]]:
    left, top, width, height = un.EMBLEM_BOX
    with pymupdf.open(pdf_path) as pdf:
        boxes = [tuple(info["bbox"]) for info in pdf[0].get_image_info()]
    return [box for box in boxes if box[0] < left + width and box[1] < top + height and box[3] > top]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) renders the Word files")
@pytest.mark.parametrize("given", [True, False])
def test_emblem_present_or_absent_in_both(document, tmp_path, given):
    doc, emblem = document
    extra = ("--emblem", emblem) if given else ()
    for suffix in ("pdf", "docx"):
        result = run_cli("export", doc, "-o", tmp_path / f"out.{suffix}", *extra)
        assert result.returncode == 0, result.stderr
    (word,) = convert([tmp_path / "out.docx"], "pdf", tmp_path / "word")
    expected = un.emblem_box(EMBLEM_PIXELS, 612.0)
    left, top, width, height = expected
    assert width == pytest.approx(un.EMBLEM_BOX[2]) and height < un.EMBLEM_BOX[3]  # proportions kept
    for output in (tmp_path / "out.pdf", word):
        found = pictures_in_emblem_place(output)
        if given:
            assert found and found[0] == pytest.approx((left, top, left + width, top + height), abs=2.0), output
        else:
            assert found == [], output


def test_mirrored_masthead_puts_the_emblem_on_the_right():
    left, _, width, _ = un.emblem_box(EMBLEM_PIXELS, 612.0, mirrored=True)
    assert left + width == pytest.approx(612.0 - un.EMBLEM_BOX[0])


@pytest.mark.parametrize(("content", "sentence"), [
    (b"", "is empty"),
    (b"GIF89a not an emblem", "is not a PNG or JPEG image"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "is a damaged image"),
    (png([[False] * 10_001]), "pixels a side"),
])
def test_a_bad_emblem_file_is_refused_in_one_sentence(document, tmp_path, content, sentence):
    doc, _ = document
    bad = tmp_path / "emblem.png"
    bad.write_bytes(content)
    out = tmp_path / "out.docx"
    result = run_cli("export", doc, "-o", out, "--emblem", bad)
    assert result.returncode == 2
    assert sentence in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_missing_or_huge_emblem_file_is_refused(document, tmp_path):
    doc, _ = document
    huge = tmp_path / "huge.png"
    with huge.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(6 * 1024 * 1024)
    for path, sentence in ((tmp_path / "none.png", "is not a file"), (huge, "too large")):
        result = run_cli("export", doc, "-o", tmp_path / "out.pdf", "--emblem", path)
        assert result.returncode == 2 and sentence in result.stderr
        assert not (tmp_path / "out.pdf").exists()

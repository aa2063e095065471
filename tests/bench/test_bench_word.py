"""Word in, Word out: `resdesk compare` against our tracked export of the same document (the target: at most
twice as long), and twenty delegations' Word files read in one call.

Run with `.venv/bin/python -m pytest -s tests/bench/test_bench_word.py -p no:cacheprovider`; numbers go to
docs/benchmarks.md. Nothing here asserts a time.
"""

from __future__ import annotations

import copy
import statistics
import sys
import time
from pathlib import Path

import pytest

from conftest import SEED
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx_export import render_docx
from resdesk.formats.sources import read_source
from resdesk.model.document import Document
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import create_document
from resdesk.views.export import prepare_export
from resdesk.views.export_input import ExportOptions, comparison_input
from resdesk.views.matching import match_blocks
from startup import installed_like_env, interleaved_ms
from test_bench_docx import long_text, medians

REPEAT = 7
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "akn"


def next_year(document: Document) -> Document:
    """Last year's text as this year's draft: words changed in a third of the paragraphs, two deleted, one moved."""
    new = copy.deepcopy(document)
    for number, block in enumerate(new.blocks[1:], start=1):
        if number % 3 == 0:
            block.text = block.text.replace("cooperation", "international cooperation")
    del new.blocks[50]
    del new.blocks[300]
    new.blocks.insert(100, new.blocks.pop(400))
    return new


def pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    old, new = long_text(), next_year(long_text())
    (folder / "old.docx").write_bytes(render_clean(old))
    (folder / "new.docx").write_bytes(render_clean(new))
    found = {"700 paragraphs, Word against Word": (folder / "old.docx", folder / "new.docx")}
    successor = SAMPLES / "A_RES_78_226-2325984E.xml"
    if successor.exists():
        found["the seed against A/RES/78/226"] = (SEED, successor)
    return found


def test_bench_compare_against_the_tracked_export_of_the_same_document(tmp_path):
    from conftest import run_cli

    print(f"\nmedians, in process (reading the files included) / whole command (of {REPEAT}):")
    for what, (old_path, new_path) in pairs(tmp_path).items():
        doc = tmp_path / f"{old_path.stem}-{new_path.stem}.resdesk"
        assert run_cli("import", new_path, "--based-on", old_path, "-o", doc, "--as", "Mexico").returncode == 0

        def compare(old_path=old_path, new_path=new_path):
            old, new = read_source(old_path), read_source(new_path)
            options = ExportOptions(mode="tracked", from_rev=old.version, to_rev=new.version)
            return render_docx(comparison_input(old, match_blocks(old, new), [], options, by="Mexico"))

        def tracked(doc=doc):
            with DocumentFile.open(doc, readonly=True) as reader:
                prepared = prepare_export(reader, ExportOptions(mode="tracked"))
            return render_docx(prepared)

        inside = medians(compare=compare, tracked=tracked)
        resdesk = [sys.executable, "-m", "resdesk"]
        outside = {name: wall for name, (wall, _cpu) in interleaved_ms({
            "compare": [*resdesk, "compare", old_path, new_path, "-o", tmp_path / "compare.docx", "--author", "Mexico"],
            "tracked": [*resdesk, "export", doc, "-o", tmp_path / "tracked.docx", "--mode", "tracked"]},
            REPEAT, installed_like_env()).items()}
        print(f"  {what}: compare {inside['compare'] * 1000:.0f} ms / {outside['compare']:.0f} ms, "
              f"tracked export {inside['tracked'] * 1000:.0f} ms / {outside['tracked']:.0f} ms, ratio "
              f"{inside['compare'] / inside['tracked']:.2f} / {outside['compare'] / outside['tracked']:.2f}")


@pytest.mark.parametrize("count", [1, 20])
def test_bench_word_files_in_one_call(tmp_path, count):
    """`resdesk amend DOC --from-docx` with `count` files, each typed over by a delegation named in its file name
    and tracked by two reviewers, on the 700-paragraph text."""
    from conftest import run_cli
    from docx_support import rewrite_docx
    from resdesk.amend.propose import propose_delete_paragraph, propose_replace
    from word_files import tracked_by

    document = long_text()
    doc = tmp_path / "draft.resdesk"
    create_document(doc, document, keep_open=False)  # the facilitator's document, whose Word file went out
    names = ["Brazil", "Chile", "Peru", "Japan", "Norway", "India", "Kenya", "Egypt", "Fiji", "Canada", "Mexico",
             "Nigeria", "Ghana", "Qatar", "Nepal", "Samoa", "Tonga", "Spain", "Italy", "France"][:count]
    paths = []
    for number, name in enumerate(names):
        changes = [propose_replace(document, "Reviewer A", f"OP{number + 1}", "existing resources",
                                   f"existing and new resources ({name})"),
                   propose_delete_paragraph(document, "Reviewer B", f"PP{number + 10}")]
        tracked = tracked_by(document, changes)
        paths.append(tmp_path / f"{name}.docx")
        paths[-1].write_bytes(rewrite_docx(tracked, lambda root, n=name: _typed(root, n)))
    copies = [tmp_path / f"copy{n}.resdesk" for n in range(REPEAT)]
    times = []
    for copy_path in copies:
        copy_path.write_bytes(doc.read_bytes())
        started = time.perf_counter()
        result = run_cli("amend", copy_path, "--from-docx", *paths, "--author-map", "Reviewer A=Brazil",
                         "--author-map", "Reviewer B=Chile")
        times.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
    print(f"\n{count} file(s) of the 700-paragraph text, typed over and tracked by two reviewers, one call "
          f"(whole command, median of {REPEAT}): {statistics.median(times) * 1000:.0f} ms "
          f"({statistics.median(times) / count * 1000:.0f} ms a file); {result.stdout.splitlines()[-1]}")


def _typed(root, name: str) -> None:
    from docx_support import W

    text = next(t for t in root.iter(f"{W}t") if "matter 300," in (t.text or ""))
    text.text = text.text.replace("matter 300,", f"matter 300 ({name}),")

"""A delegation's name in the margin of a tracked print is its short name, never a long one."""

from __future__ import annotations

import pytest

from conftest import SEED, run_cli
from pdfread import need_poppler, words


def _ok(*args) -> str:
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_group_with_a_long_name_is_named_by_its_short_name_in_the_margin(tmp_path):
    need_poppler()
    doc = tmp_path / "seed.resdesk"
    _ok("import", SEED, "-o", doc)
    _ok("delegation", doc, "--add", "Group of Friends of the Ocean and the Seas", "--kind", "group")
    _ok("amend", doc, "--as", "Group of Friends of the Ocean and the Seas", "--in", "OP2",
        "--replace", "to continue to strengthen", "--with", "to strengthen further")
    pdf = tmp_path / "tracked.pdf"
    _ok("export", doc, "-o", pdf, "--mode", "tracked")
    found = words(pdf)
    further = next(b for a, b in zip(found, found[1:], strict=False) if (a.text, b.text) == ("strengthen", "further"))
    margin = [w for w in found if w.page == further.page and w.x0 > 491 and abs(w.y1 - further.y1) < 2]
    assert [w.text for w in margin] == ["GFOS"]
    assert margin[0].x1 < 612 - 60  # inside the page margin
    assert not [w for w in found if w.x0 > 491 and w.text in ("Friends", "Ocean", "Seas")]


def test_a_delegation_the_document_does_not_know_is_shortened_too():
    pytest.importorskip("PySide6")
    from resdesk.ui.printing.tracked_flow import Palette

    palette = Palette({}, {"European Union": "EU"})
    assert palette.short("European Union") == "EU"
    assert palette.short("Group of Friends of the Ocean") == "GFO"
    assert palette.short("Chile") == "Chile"

"""Tracked and compilation PDFs: proposals in their delegation's colour, named in the margin and the legend."""

from __future__ import annotations

import pytest

from conftest import cli_ok
from pdfread import body_words, colours_in_box, near, need_poppler, page_count, page_text, words
from resdesk.model.palette import colour

FRANCE = colour(0)  # the first delegation to propose in the document gets the palette's first colour


@pytest.fixture(autouse=True)
def _poppler():
    need_poppler()


@pytest.fixture(scope="module")
def negotiated(tmp_path_factory):
    """The seed with six proposals: France (agreed) replaces words in OP2, G77 adds OP3 bis,
    EU deletes PP7, the Russian Federation inserts words in PP3, Brazil moves OP11 after OP4,
    Mexico offers an alternative OP15."""
    from conftest import SEED

    doc = tmp_path_factory.mktemp("tracked") / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    cli_ok("amend", doc, "--as", "France", "--in", "OP2", "--replace", "continue to strengthen",
        "--with", "strengthen further")
    cli_ok("amend", doc, "--as", "G77", "--new-paragraph", "Calls upon all States to cooperate fully with the Office;",
        "--after", "OP3")
    cli_ok("amend", doc, "--as", "EU", "--delete-paragraph", "PP7")
    cli_ok("amend", doc, "--as", "Russian Federation", "--in", "PP3", "--insert", " and its reviews",
        "--after-words", "Strategy", "--occurrence", "1")
    cli_ok("amend", doc, "--as", "Brazil", "--move", "OP11", "--after", "OP4")
    cli_ok("amend", doc, "--as", "Mexico", "--alternative", "Requests the Secretary-General to report at its "
        "seventieth session.", "--for", "OP15")
    cli_ok("status", doc, "a1", "agreed")
    return doc


def all_text(pdf) -> str:
    return " ".join(" ".join(page_text(pdf, n) for n in range(1, page_count(pdf) + 1)).split())


def test_tracked_pdf_shows_and_names_the_france_amendment(negotiated, tmp_path):
    pdf = tmp_path / "tracked.pdf"
    cli_ok("export", negotiated, "-o", pdf, "--mode", "tracked")
    found = words(pdf)
    text = all_text(pdf)
    assert "France" in text and "G77" in text and "EU" in text
    assert "Proposals shown:" in text, "a legend of delegations"
    stream = " ".join(body_words(found))
    assert "Urges Member States to continue to strengthen further international" in stream, \
        "deleted words stay readable beside the inserted ones"
    texts = [w.text for w in found]
    start = next(i for i in range(len(texts)) if texts[i:i + 6] == ["Urges", "Member", "States", "to", "continue",
                                                                      "to"])
    continue_, further = found[start + 4], found[start + 7]
    assert further.text == "further"
    tags = [w for w in found if w.text == "France" and w.x0 > 491 and w.page == further.page]
    assert tags and any(abs(t.y1 - further.y1) < 2 for t in tags), "France's short name in the margin, same line"
    assert any(near(c, FRANCE) for c in colours_in_box(pdf, further, tmp_path)), "France's colour (inserted)"
    assert any(near(c, FRANCE) for c in colours_in_box(pdf, continue_, tmp_path)), "France's colour (deleted)"
    plain = next(w for w in found if w.text == "Stresses")
    assert not any(near(c, FRANCE) for c in colours_in_box(pdf, plain, tmp_path)), "unchanged text is black"
    assert "3 bis. Calls upon all States to cooperate fully with the Office;" in stream  # as in Word
    assert "OP15 alt 1 Requests the Secretary-General to report at its seventieth session." in stream
    assert stream.count("Takes note with appreciation of the recent joint initiatives") == 2, \
        "a moved paragraph shows at its old place (struck) and its new one (underlined)"
    for name in ("Brazil", "Mexico"):
        assert [w for w in found if w.text == name and w.x0 > 491], f"{name} tagged in the margin"


def test_tracked_pdf_filtered_by_delegation(negotiated, tmp_path):
    pdf = tmp_path / "france.pdf"
    cli_ok("export", negotiated, "-o", pdf, "--mode", "tracked", "--delegations", "France")
    text = all_text(pdf)
    assert "France" in text
    assert "G77" not in text and "OP3 bis" not in text and "Russian Federation" not in text
    assert "Mexico" not in text and "alt 1" not in text


def test_compilation_pdf_lists_each_proposal_with_its_delegation_and_status(negotiated, tmp_path):
    pdf = tmp_path / "compilation.pdf"
    cli_ok("export", negotiated, "-o", pdf, "--mode", "compilation")
    text = " ".join(body_words(words(pdf)))
    for expected in ("PP1", "PP7", "OP2", "OP15",
                     "France (agreed): In operative paragraph 2, replace",
                     "EU (proposed): Delete the seventh preambular paragraph",
                     "G77 (proposed): Insert a new operative paragraph after operative paragraph 3",
                     "OP3 bis [Calls upon all States to cooperate fully with the Office;]",
                     "[and its reviews]",
                     "Brazil (proposed): Move operative paragraph 11 to follow operative paragraph 4",
                     "Mexico (proposed): Replace operative paragraph 15 with:",
                     "OP15 alt 1 [Requests the Secretary-General to report at its seventieth session.]",
                     "OP11 (moved here by Brazil, proposed) [Takes note with appreciation"):
        assert expected in text, expected
    assert "[strengthen]" not in text and "[further]" not in text, "agreed text is not bracketed"
    assert text.count("Brazil (proposed): Move operative paragraph 11") == 1, "a proposal is listed once"


def test_tracked_subparagraphs_keep_their_markers(tmp_path):
    from builders import small_document
    from resdesk.store.documents import create_document

    doc = tmp_path / "small.resdesk"
    create_document(doc, small_document()).close()
    cli_ok("amend", doc, "--as", "Chile", "--in", "OP2 (a)", "--replace", "report", "--with", "report annually")
    cli_ok("amend", doc, "--as", "Chile", "--new-paragraph", "To act.", "--after", "OP2 (b)", "--kind", "subparagraph")
    pdf = tmp_path / "small.pdf"
    cli_ok("export", doc, "-o", pdf, "--mode", "tracked")
    found = [w for w in words(pdf) if w.page == 1]
    marker_a = next(w for w in found if w.text == "(a)")
    marker_b = next(w for w in found if w.text == "(b)")
    assert marker_a.x0 == pytest.approx(123.4 + 23.7, abs=0.2) and marker_b.x0 == marker_a.x0
    assert "To report annually;" in " ".join(body_words(found))
    assert "(b) bis To act." in " ".join(body_words(found))

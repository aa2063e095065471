"""`resdesk compare OLD NEW`: two texts read separately (text, AKN, Word, document files), matched paragraph by
paragraph, written as tracked changes in UN layout with NEW's masthead. Accept All gives NEW and Reject All gives
OLD, footnotes included, as our own XML reader and a real LibreOffice see them; and `resdesk import NEW
--based-on OLD` keeps the same differences as the sponsors' proposals."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from akn_samples import AKN_SAMPLES, E_78_226
from conftest import SEED, cli_ok, run_cli
from docx_revisions import (
    accepted,
    document_footnotes,
    footnote_texts,
    printed_paragraphs,
    rejected,
    without_numbers,
)
from docx_support import W, first_page_header, part, seed_document
from office import needs_office, resolve_changes
from resdesk.formats.akn_export import akn_bytes
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.sources import read_source
from versions import FIRST_POINT, NEW_OP, POINTS, second_version, third_version

REVISION_TAGS = ("ins", "del", "moveFrom", "moveTo")


def check_tracked(out: Path, old: Path, new: Path, *, renumbered: bool = True) -> None:
    """Accept All gives NEW and Reject All gives OLD, paragraph for paragraph (numbers and footnote numbers
    included; an adopted NEW's closing lines under both) and footnote for footnote, as our reader of the Word
    XML resolves them. A tracked text of proposals (`renumbered` False) keeps OLD's numbers, a new paragraph
    "3 bis.", until a revision renumbers: Accept All gives NEW's words."""
    data = out.read_bytes()
    root = part(data, "word/document.xml")
    old_text, new_text = read_source(old), read_source(new)
    closing = new_text.meta.closing_lines()  # NEW's meeting and date stand under the text, as its masthead above
    numbers = (lambda texts: texts) if renumbered else without_numbers
    assert numbers(_with_markers(root, data, accept=True)) == numbers(printed_paragraphs(new_text) + closing)
    assert _with_markers(root, data, accept=False) == printed_paragraphs(old_text) + closing
    assert footnote_texts(data, accept=True) == document_footnotes(new_text)
    assert footnote_texts(data, accept=False) == document_footnotes(old_text)


def _with_markers(root, data: bytes, *, accept: bool) -> list[str]:
    """The resolved paragraphs with each footnote reference as its number in order of first reference (as
    Word numbers them once the changes are resolved)."""
    import copy

    from docx_revisions import GONE_ON_ACCEPT, GONE_ON_REJECT, body_from_formula

    root = copy.deepcopy(root)
    gone = GONE_ON_ACCEPT if accept else GONE_ON_REJECT
    for tag in gone:
        for element in list(root.iter(f"{W}{tag}")):
            if element.getparent().tag != f"{W}rPr":
                element.getparent().remove(element)
    numbers: dict[str, str] = {}
    for reference in root.iter(f"{W}footnoteReference"):
        numbers.setdefault(reference.get(f"{W}id"), str(len(numbers) + 1))
        run = reference.getparent()
        text = run.makeelement(f"{W}t")
        text.text = numbers[reference.get(f"{W}id")]
        run.replace(reference, text)
    for instruction in list(root.iter(f"{W}instrText", f"{W}delInstrText")):  # a NOTEREF repeats a number
        words = (instruction.text or "").split()
        if words[:1] != ["NOTEREF"]:
            continue
        begin = instruction.getparent()
        while begin.find(f"{W}fldChar") is None or begin.find(f"{W}fldChar").get(f"{W}fldCharType") != "begin":
            begin = begin.getprevious()
        number = begin.makeelement(f"{W}r")
        text = number.makeelement(f"{W}t")
        text.text = numbers.get(words[1].removeprefix("_RefFootnote"), "?")
        number.append(text)
        begin.addprevious(number)
    resolved = accepted(root) if accept else rejected(root)
    return body_from_formula(resolved)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> dict[str, Path]:
    """The seed (text), its second version as Word, its third as Akoma Ntoso, and A/RES/78/226."""
    folder = tmp_path_factory.mktemp("versions")
    first = seed_document()
    second = second_version(first)
    third = third_version(second)
    files = {"v1": folder / "seed.txt", "v2": folder / "v2.docx", "v3": folder / "v3.xml"}
    files["v1"].write_bytes(SEED.read_bytes())
    files["v2"].write_bytes(render_clean(second))
    files["v3"].write_bytes(akn_bytes(third))
    files["78/226"] = AKN_SAMPLES / E_78_226
    return files


def test_the_seed_against_its_successor_a_res_78_226(versions, tmp_path):
    if not versions["78/226"].exists():
        pytest.skip(f"the UN samples are not at {AKN_SAMPLES}")
    out = tmp_path / "rollover.docx"
    cli_ok("compare", versions["v1"], versions["78/226"], "-o", out)
    check_tracked(out, versions["v1"], versions["78/226"])
    root = part(out.read_bytes(), "word/document.xml")
    authors = Counter(e.get(f"{W}author") for tag in REVISION_TAGS for e in root.iter(f"{W}{tag}"))
    assert set(authors) == {"Secretariat"}  # A/RES/78/226 names no sponsors
    assert root.find(f".//{W}moveFrom") is not None and root.find(f".//{W}moveTo") is not None
    texts = "".join(t.text or "" for t in root.iter(f"{W}t"))
    top = "".join(t.text or "" for t in first_page_header(out.read_bytes()).iter(f"{W}t"))  # symbol: page 1's top
    assert "A/RES/78/226" in top and "22 December 2023" in texts and "1 October 2013" not in texts
    again = tmp_path / "again.docx"
    cli_ok("compare", versions["v1"], versions["78/226"], "-o", again)
    assert again.read_bytes() == out.read_bytes()


@pytest.mark.parametrize("old, new", [("v1", "v2"), ("v2", "v3")])
def test_successive_versions_footnotes_and_sub_paragraphs_included(versions, tmp_path, old, new):
    out = tmp_path / f"{old}-{new}.docx"
    cli_ok("compare", versions[old], versions[new], "-o", out, "--author", "Mexico", "--page", "a4")
    check_tracked(out, versions[old], versions[new])
    root = part(out.read_bytes(), "word/document.xml")
    assert {e.get(f"{W}author") for tag in REVISION_TAGS for e in root.iter(f"{W}{tag}")} <= {"Mexico", "Secretariat"}
    inserted_notes = [r for r in root.iter(f"{W}footnoteReference") if r.getparent().getparent().tag == f"{W}ins"]
    deleted_notes = [r for r in root.iter(f"{W}footnoteReference") if r.getparent().getparent().tag == f"{W}del"]
    footnotes = part(out.read_bytes(), "word/footnotes.xml")
    if (old, new) == ("v1", "v2"):
        assert root.find(f".//{W}moveFrom") is not None  # OP11 moved: a Word move
        assert len(inserted_notes) == 2  # PP2's new footnote, and the one in the new OP's sub-paragraph (b)
    else:
        assert len(deleted_notes) == 1  # PP2's footnote taken out
        changed = [n for n in footnotes.iter(f"{W}footnote") if n.find(f".//{W}ins") is not None]
        assert ["".join(t.text for t in n.iter(f"{W}t")).strip() for n in changed] == [
            "General Assembly resolution 60/288, annex."]


def test_a_new_first_sub_paragraph_comes_first(versions):
    from resdesk.amend.apply import apply_amendments
    from resdesk.views.compare import version_changes
    from resdesk.views.matching import match_blocks

    second, third = read_source(versions["v2"]), read_source(versions["v3"])
    changes = version_changes(second, match_blocks(second, third))
    first = [c for c in changes if c.kind == "insert-block" and c.new_block.text == FIRST_POINT]
    assert len(first) == 1 and first[0].new_block.parent == first[0].target  # the paragraph it opens
    result = apply_amendments(second, changes)
    assert result.skipped == []
    assert [(b.kind, b.text) for b in result.document.blocks] == [(b.kind, b.text) for b in third.blocks]
    new_op = next(c for c in version_changes(read_source(versions["v1"]), match_blocks(
        read_source(versions["v1"]), second)) if c.kind == "insert-block" and c.new_block.text == NEW_OP)
    assert [kid.text for kid in new_op.new_children] == list(POINTS)
    assert [n.text for n in new_op.footnotes.values()] == ["Resolution 2462 (2019) of the Security Council."]


def test_matching_is_by_words_and_position_and_always_the_same(versions):
    from resdesk.amend.anchors import TextIndex
    from resdesk.views.matching import match_blocks

    first, second = read_source(versions["v1"]), read_source(versions["v2"])
    matched = match_blocks(first, second)
    assert matched == match_blocks(first, second)
    old, new = TextIndex.of(first), TextIndex.of(matched)
    pairs = {new.labels[b.id]: old.labels[b.id] for b in matched.blocks if b.id in old.blocks}
    assert pairs["OP2"] == "OP2"  # words changed
    assert pairs["OP5"] == "OP11"  # moved after OP4 (and its two new sub-paragraphs)
    assert "OP7" not in pairs.values() and pairs["OP15"] == "OP15"  # OP7 deleted; the last one renumbered back
    assert sum(1 for b in matched.all_blocks() if b.id not in old.blocks) == 5  # 2 + 1 + 2 new blocks


@needs_office
@pytest.mark.slow
def test_libreoffice_accepts_and_rejects_to_new_and_old(versions, tmp_path):
    pairs = [("v1", "v2"), ("v2", "v3")] + ([("v1", "78/226")] if versions["78/226"].exists() else [])
    outputs = []
    for old, new in pairs:
        outputs.append(tmp_path / f"{old}-{new.replace('/', '_')}.docx")
        cli_ok("compare", versions[old], versions[new], "-o", outputs[-1])
    accepted_texts = resolve_changes(outputs, "Accept")
    rejected_texts = resolve_changes(outputs, "Reject")
    for (old, new), accepted_lines, rejected_lines in zip(pairs, accepted_texts, rejected_texts, strict=True):
        closing = read_source(versions[new]).meta.closing_lines()  # NEW's meeting and date, under either text
        _same(_body(accepted_lines), read_source(versions[new]), closing)
        _same(_body(rejected_lines), read_source(versions[old]), closing)


def _body(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if line.strip() == "The General Assembly,")
    return [line for line in lines[start:] if line.strip()]


def _same(lines: list[str], document, closing: list[str]) -> None:
    """LibreOffice's lines are the document's paragraphs, then the `closing` lines; a repeated footnote number
    is a NOTEREF field whose shown number LibreOffice does not update when changes are resolved, so any number
    may stand there."""
    expected = printed_paragraphs(document, repeated="\0") + closing
    assert len(lines) == len(expected)
    for line, text in zip(lines, expected, strict=True):
        assert re.fullmatch(r"\d*".join(re.escape(piece) for piece in text.split("\0")), line), (line, text)


def test_a_comparison_prints_too(versions, tmp_path):
    from pdfread import need_poppler, page_count, page_text

    need_poppler()
    out = tmp_path / "v1-v2.pdf"
    cli_ok("compare", versions["v1"], versions["v2"], "-o", out, "--author", "Mexico")
    text = " ".join(" ".join(page_text(out, page, layout=False).split()) for page in range(1, page_count(out) + 1))
    assert "Changes since seed.txt" in text and NEW_OP in text
    assert "Resolution 2462 (2019) of the Security Council." in text


def test_bad_input_is_one_sentence_and_writes_nothing(versions, tmp_path):
    out = tmp_path / "out.xml"
    result = run_cli("compare", versions["v1"], versions["v2"], "-o", out)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1 and not out.exists()
    missing = run_cli("compare", tmp_path / "nowhere.docx", versions["v2"], "-o", tmp_path / "out.docx")
    assert missing.returncode == 2 and "nowhere.docx does not exist" in missing.stderr
    assert not (tmp_path / "out.docx").exists()


def test_import_based_on_the_official_text_records_the_drafts_changes(versions, tmp_path):
    doc = tmp_path / "draft.resdesk"
    ids = cli_ok("import", versions["v2"], "--based-on", versions["v1"], "-o", doc, "--as", "Mexico").split()
    outline = json.loads(cli_ok("outline", doc, "--json"))
    assert outline["meta"]["date"] == "2013-10-15"  # the draft's metadata
    assert [b["text"] for b in outline["blocks"]] == [b["text"] for b in json.loads(
        cli_ok("outline", _imported(versions["v1"], tmp_path), "--json"))["blocks"]]  # the official text
    amendments = outline["amendments"]
    assert [a["id"] for a in amendments] == ids and {a["author"] for a in amendments} == {"Mexico"}
    kinds = Counter(a["kind"] for a in amendments)
    assert kinds == {"insert-block": 3, "replace": 2, "delete-block": 1, "move-block": 1, "footnote": 1}
    tracked = tmp_path / "tracked.docx"
    cli_ok("export", doc, "-o", tracked, "--mode", "tracked")
    check_tracked(tracked, versions["v1"], versions["v2"], renumbered=False)
    copy_of_old = tmp_path / "copy.resdesk"
    assert cli_ok("import", "--based-on", doc, "-o", copy_of_old) == ""  # a document file is a text too
    assert json.loads(cli_ok("outline", copy_of_old, "--json"))["blocks"] == outline["blocks"]


def test_the_drafts_sponsors_propose_its_changes(versions, tmp_path):
    draft = seed_document()
    draft.meta.sponsors = ["Mexico", "Chile", "Atlantis"]
    draft.blocks[-1].text = draft.blocks[-1].text.replace("sixty-ninth", "seventieth")
    new = tmp_path / "draft.docx"
    new.write_bytes(render_clean(draft))
    doc = tmp_path / "draft.resdesk"
    cli_ok("import", new, "--based-on", versions["v1"], "-o", doc)
    (amendment,) = json.loads(cli_ok("outline", doc, "--json"))["amendments"]
    assert (amendment["author"], amendment["co_sponsors"]) == ("Mexico", ["Chile", "Atlantis"])
    assert "Atlantis" in cli_ok("delegation", doc)  # a sponsor the built-in list lacks is the document's own
    draft.meta.sponsors = []
    new.write_bytes(render_clean(draft))
    refused = run_cli("import", new, "--based-on", versions["v1"], "-o", tmp_path / "other.resdesk")
    assert refused.returncode == 2 and "--as DELEGATION" in refused.stderr
    assert not (tmp_path / "other.resdesk").exists()


def _imported(source: Path, folder: Path) -> Path:
    doc = folder / f"{source.stem}-plain.resdesk"
    cli_ok("import", source, "-o", doc)
    return doc


def test_a_revision_that_accepts_the_drafts_proposals_is_shown_by_their_sponsor(versions, tmp_path):
    """The draft's proposals (footnotes and sub-paragraphs among them) agreed and issued as Rev.1: comparing Rev.1
    with the official text gives the draft, every change by the sponsor (the Secretariat renumbers)."""
    doc = tmp_path / "draft.resdesk"
    ids = cli_ok("import", versions["v2"], "--based-on", versions["v1"], "-o", doc, "--as", "Mexico").split()
    cli_ok("status", doc, *ids, "agreed")
    assert cli_ok("revise", doc).splitlines()[:2] == ["Rev.1", f"applied: {', '.join(ids)}"]
    out = tmp_path / "rev1.docx"
    cli_ok("export", doc, "-o", out, "--from", "original", "--to", "Rev.1")
    check_tracked(out, versions["v1"], versions["v2"])
    root = part(out.read_bytes(), "word/document.xml")
    assert {e.get(f"{W}author") for tag in REVISION_TAGS for e in root.iter(f"{W}{tag}")} == {"Mexico",
                                                                                              "Secretariat"}

"""The one export pipeline (`resdesk.views.export`) and the one version comparison behind Word, PDF and AKN.

- B1: the Word comparison of two versions keeps Rev.1's order (it used a diff of its own);
- 300 random revision sequences of the seed: accepting every change of the Word comparison
  `--from A --to B` gives B and rejecting them gives A, paragraph for paragraph, in order; the same on a
  text with two levels of sub-paragraphs and an annex, for comparisons and for tracked exports;
- who made each change, over several revisions;
- a PDF honours `--from/--to` (a tracked PDF of the comparison, with who made each change);
- B3: an AKN export refuses what it cannot hold, and honours `--status`/`--delegations`;
- filters that match no amendment are refused in one sentence, and nothing is written;
- `formats/` reads nothing from the store.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import SEED, cli_ok, cli_outline, run_cli
from docx_revisions import accepted, body_from_formula, outline_paragraphs, rejected, without_numbers
from docx_support import W, part
from office import convert, needs_office
from pdfread import body_words, need_poppler, normal_words, words
from resdesk.amend.anchors import TextIndex
from resdesk.amend.filters import AmendmentFilter
from resdesk.formats.akn_import import import_akn
from resdesk.formats.docx.tracked import render_tracked
from resdesk.formats.text_import import import_text
from resdesk.model.amendment import (
    ACCEPTED_BY_DEFAULT,
    AGREED,
    AGREED_AD_REF,
    ALTERNATIVE,
    DELETE_BLOCK,
    INSERT_BLOCK,
    MOVE_BLOCK,
    PROPOSED,
    REPLACE,
    STATUSES,
    Amendment,
)
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Annex, Block, Document
from resdesk.text.diff import tokenise
from resdesk.views.consolidated import consolidated
from resdesk.views.export_input import ExportOptions, comparison_input, export_input
from resdesk.views.outline import outline_json

DESKTOP = Path(__file__).resolve().parent.parent / "desktop" / "resdesk"


def document_xml(path: Path):
    return part(path.read_bytes(), "word/document.xml")


def test_b1_a_moved_and_a_new_paragraph_after_pp1_keep_rev1s_order(tmp_path):
    doc = tmp_path / "b1.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("amend", doc, "--as", "Brazil", "--move", "PP3", "--after", "PP1")
    cli_ok("amend", doc, "--as", "Chile", "--new-paragraph", "Noting the new paragraph,", "--after", "PP1",
        "--kind", "preambular")
    cli_ok("status", doc, "a1", "agreed")
    cli_ok("status", doc, "a2", "agreed")
    assert cli_ok("revise", doc).splitlines()[0] == "Rev.1"
    out = tmp_path / "compare.docx"
    cli_ok("export", doc, "-o", out, "--from", "original", "--to", "Rev.1")
    root = document_xml(out)
    assert body_from_formula(accepted(root)) == outline_paragraphs(cli_outline(doc, "--rev", "Rev.1"))
    assert body_from_formula(rejected(root)) == outline_paragraphs(cli_outline(doc, "--rev", "original"))
    authors = {e.get(f"{W}author") for e in root.iter(f"{W}moveTo", f"{W}ins")}
    assert {"Brazil", "Chile"} <= authors


# -- 300 random revision sequences ----------------------------------------------------------------------

SEED_TEXT = import_text(SEED.read_bytes(), "seed.txt")
WORDS = ["further", "all", "Member States", "effective", "and", "regional", "", "urgently", "its"]
AUTHORS = ["European Union", "Mexico", "Group of 77 and China", "Chile"]


@st.composite
def amendment_on(draw, paragraphs: list[Block], version: str, ident: str) -> Amendment:
    """One random amendment of one of `paragraphs` (mostly accepted statuses: a revision applies those)."""
    kind = draw(st.sampled_from((REPLACE, REPLACE, INSERT_BLOCK, DELETE_BLOCK, MOVE_BLOCK, ALTERNATIVE)))
    block = draw(st.sampled_from(paragraphs))
    fields = {"id": ident, "version": version, "author": draw(st.sampled_from(AUTHORS)), "kind": kind,
              "target": block.id, "status": draw(st.sampled_from((AGREED, AGREED, AGREED_AD_REF, *STATUSES)))}
    if kind == REPLACE:
        tokens = tokenise(block.text)
        first = draw(st.integers(0, len(tokens) - 1))
        last = draw(st.integers(first, min(len(tokens), first + 6)))
        start = sum(len(t) for t in tokens[:first])
        end = start + sum(len(t) for t in tokens[first:last])
        return Amendment(**fields, start=start, end=end, old=block.text[start:end], new=draw(st.sampled_from(WORDS)))
    if kind == INSERT_BLOCK:
        return Amendment(**fields, new_block=Block(f"n{ident}", block.kind, f"Welcomes paragraph {ident};"))
    if kind == MOVE_BLOCK:
        return Amendment(**fields, after=draw(st.sampled_from([b for b in paragraphs if b.id != block.id])).id)
    if kind == ALTERNATIVE:
        return Amendment(**fields, old=block.text, new=f"Decides on alternative {ident};")
    return Amendment(**fields, old=block.text)


@st.composite
def revision_sequences(draw) -> tuple[Document, Document, list[Amendment]]:
    """The seed revised one to three times; two of its versions, the older first, and what was applied
    between them."""
    versions, applied = [SEED_TEXT], [[]]
    for round_ in range(1, draw(st.integers(1, 3)) + 1):
        current = versions[-1]
        paragraphs = [b for b in current.blocks if b.kind in (PREAMBULAR, OPERATIVE)]
        # amendments crowd a few neighbouring paragraphs, where moves, new paragraphs and deletions meet
        window = draw(st.integers(0, max(0, len(paragraphs) - 5)))
        size = draw(st.integers(1, 6))
        items = [draw(amendment_on(paragraphs[window:window + 5], current.version, f"a{round_}{n}"))
                 for n in range(size)]
        revised = consolidated(current, items)
        revised.version = f"Rev.{round_}"
        versions.append(revised)
        applied.append([a for a in items if a.status in ACCEPTED_BY_DEFAULT])
    older = draw(st.integers(0, len(versions) - 2))
    newer = draw(st.integers(older + 1, len(versions) - 1))
    sources = [a for between in applied[older + 1:newer + 1] for a in between]
    return versions[older], versions[newer], sources


def check_comparison(old: Document, new: Document, sources: list[Amendment]) -> None:
    """Accept All of the Word comparison gives `new`, Reject All gives `old`, paragraph for paragraph."""
    root = part(render_tracked(comparison_input(old, new, sources, ExportOptions(mode="tracked"))),
                "word/document.xml")
    assert body_from_formula(accepted(root)) == paragraphs(new)
    assert body_from_formula(rejected(root)) == paragraphs(old)


def paragraphs(document: Document) -> list[str]:
    """The paragraphs of `document` as its Word file reads them: the text, then each annex under its title."""
    outline = outline_json(document)
    result = outline_paragraphs(outline)
    for annex in outline["annexes"]:
        result += [annex["title"], *outline_paragraphs(annex)]
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(revision_sequences())
def test_word_comparison_accepts_to_the_newer_version_and_rejects_to_the_older(sequence):
    check_comparison(*sequence)


def structured_text() -> Document:
    """Paragraphs with sub-paragraphs (two levels) and an annex: where moves and new paragraphs stay among
    their siblings."""
    def block(ident: str, kind: str, text: str, parent: str | None = None) -> Block:
        return Block(ident, kind, text, parent=parent)

    main = [block("f", FORMULA, "The General Assembly,")]
    main += [block(f"p{n}", PREAMBULAR, f"Recalling resolution {n}/1,") for n in range(1, 4)]
    for n in range(1, 5):
        main.append(block(f"o{n}", OPERATIVE, f"Requests item {n}:" if n % 2 else f"Decides on item {n};"))
        if n % 2:
            for letter in "abc":
                main.append(block(f"o{n}{letter}", SUBPARAGRAPH, f"To do {n}{letter};", f"o{n}"))
            main.append(block(f"o{n}ci", SUBPARAGRAPH, f"To do {n}c(i);", f"o{n}c"))
    annex = [block(f"x{n}", OPERATIVE, f"Invites party {n};") for n in range(1, 4)]
    annex.insert(2, block("x2a", SUBPARAGRAPH, "To report;", "x2"))
    return Document(blocks=main, annexes=[Annex("Annex", annex)])


@st.composite
def sibling_amendment(draw, document: Document, ident: str) -> Amendment:
    """A random amendment of `document` as `propose` allows it: moves and new paragraphs among siblings."""
    index = TextIndex.of(document)
    blocks = [b for b in document.all_blocks() if b.kind in (PREAMBULAR, OPERATIVE, SUBPARAGRAPH)]
    block = draw(st.sampled_from(blocks))
    siblings = [b for b in blocks if index.part[b.id] == index.part[block.id] and b.parent == block.parent
                and b.kind in ((SUBPARAGRAPH,) if block.kind == SUBPARAGRAPH else (PREAMBULAR, OPERATIVE))]
    kind = draw(st.sampled_from((REPLACE, INSERT_BLOCK, DELETE_BLOCK, MOVE_BLOCK, MOVE_BLOCK)))
    fields = {"id": ident, "version": document.version, "author": draw(st.sampled_from(AUTHORS)), "kind": kind,
              "target": block.id, "status": draw(st.sampled_from((AGREED, AGREED_AD_REF, PROPOSED)))}
    others = [b for b in siblings if b.id != block.id]
    if kind == MOVE_BLOCK and others:
        return Amendment(**fields, after=draw(st.sampled_from(others)).id)
    if kind in (INSERT_BLOCK, MOVE_BLOCK):  # a move with no sibling to follow: a new paragraph instead
        new = Block(f"n{ident}", block.kind, f"To add {ident};", parent=block.parent)
        return Amendment(**{**fields, "kind": INSERT_BLOCK}, new_block=new)
    if kind == REPLACE:
        start = block.text.index(" ") + 1
        return Amendment(**fields, start=start, end=start + 2, old=block.text[start:start + 2], new="further")
    return Amendment(**fields, old=block.text)


@st.composite
def structured_sequences(draw) -> tuple[Document, Document, list[Amendment]]:
    versions, applied = [structured_text()], [[]]
    for round_ in range(1, draw(st.integers(1, 2)) + 1):
        current = versions[-1]
        items = [draw(sibling_amendment(current, f"a{round_}{n}")) for n in range(draw(st.integers(1, 5)))]
        revised = consolidated(current, items)
        revised.version = f"Rev.{round_}"
        versions.append(revised)
        applied.append([a for a in items if a.status in ACCEPTED_BY_DEFAULT])
    older = draw(st.integers(0, len(versions) - 2))
    newer = draw(st.integers(older + 1, len(versions) - 1))
    return versions[older], versions[newer], [a for between in applied[older + 1:newer + 1] for a in between]


def new_before_every_kept_sibling(old: Document, new: Document) -> bool:
    """Whether a new sub-paragraph comes before all of its paragraph's older sub-paragraphs, every one kept:
    the comparison's limit (see `resdesk.views.compare`)."""
    old_ids, new_ids = {b.id for b in old.all_blocks()}, {b.id for b in new.all_blocks()}
    old_children: dict[str, list[str]] = {}
    for block in old.all_blocks():
        if block.kind == SUBPARAGRAPH:
            old_children.setdefault(block.parent, []).append(block.id)
    firsts: dict[str, str] = {}
    for block in new.all_blocks():
        if block.kind == SUBPARAGRAPH:
            firsts.setdefault(block.parent, block.id)
    return any(first not in old_ids and old_children.get(parent) and set(old_children[parent]) <= new_ids
               for parent, first in firsts.items())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(structured_sequences())
def test_word_comparison_of_sub_paragraphs_and_annexes_keeps_their_order(sequence):
    assume(not new_before_every_kept_sibling(sequence[0], sequence[1]))
    check_comparison(*sequence)


# -- PDF comparison, AKN, filters ---------------------------------------------------------------------


def _revised(tmp_path: Path) -> Path:
    doc = tmp_path / "seed.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("amend", doc, "--as", "France", "--in", "OP2", "--replace", "continue to strengthen", "--with",
        "strengthen further")
    cli_ok("amend", doc, "--as", "Brazil", "--move", "OP11", "--after", "OP4")
    cli_ok("amend", doc, "--as", "Chile", "--new-paragraph", "Welcomes the joint work of the Office;", "--after", "OP3")
    for ident in ("a1", "a2", "a3"):
        cli_ok("status", doc, ident, "agreed")
    cli_ok("revise", doc)
    return doc


def test_a_pdf_compares_two_versions_like_the_word_file(tmp_path):
    need_poppler()
    doc = _revised(tmp_path)
    pdf = tmp_path / "compare.pdf"
    cli_ok("export", doc, "-o", pdf, "--from", "original", "--to", "Rev.1")
    found = words(pdf)
    stream = body_words(found)
    text = " ".join(stream)
    assert "Changes since original:" in text
    assert "Urges Member States to continue to strengthen further international" in text
    assert text.count("Takes note with appreciation of the recent joint initiatives") == 2, "moved: old and new place"
    assert " ".join(normal_words("4. Welcomes the joint work of the Office;")) in text, "numbered as in Rev.1"
    margin = {w.text for w in found if w.x0 > 491}
    assert {"France", "Brazil", "Chile"} <= margin, "each change tagged with the delegation that made it"
    again = tmp_path / "again.pdf"
    cli_ok("export", doc, "-o", again, "--from", "original", "--to", "Rev.1")
    assert again.read_bytes() == pdf.read_bytes()


def test_filters_that_match_no_amendment_are_refused_and_nothing_is_written(tmp_path):
    doc = _revised(tmp_path)
    cli_ok("amend", doc, "--as", "Mexico", "--in", "OP1", "--replace", "Urges", "--with", "Calls upon")
    for name, extra in (("x.docx", ("--mode", "tracked")), ("x.pdf", ("--mode", "compilation")),
                        ("x.xml", ("--status", "agreed")), ("y.docx", ("--mode", "tracked", "--status", "bracketed"))):
        filters = ("--delegations", "France") if "--status" not in extra else ()
        result = run_cli("export", doc, "-o", tmp_path / name, *extra, *filters)
        assert result.returncode == 2, (name, result.stderr)
        assert result.stderr.startswith("resdesk: error: No amendment of Rev.1 matches the ")
        assert result.stderr.count("\n") == 1 and not (tmp_path / name).exists()
    assert "the delegation France;" in run_cli("export", doc, "-o", tmp_path / "z.docx", "--mode", "tracked",
                                               "--delegations", "France").stderr
    cli_ok("export", doc, "-o", tmp_path / "mexico.docx", "--mode", "tracked", "--delegations", "Mexico")


def test_b3_akn_refuses_tracked_compilation_and_comparison_and_honours_the_filters(tmp_path):
    doc = _revised(tmp_path)
    cli_ok("amend", doc, "--as", "Mexico", "--in", "OP1", "--replace", "Urges", "--with", "Calls upon")
    cli_ok("amend", doc, "--as", "Peru", "--delete-paragraph", "OP7")
    for extra, words_ in ((("--mode", "tracked"), "clean text"), (("--mode", "compilation"), "clean text"),
                          (("--from", "original", "--to", "Rev.1"), "one version")):
        result = run_cli("export", doc, "-o", tmp_path / "x.xml", *extra)
        assert result.returncode == 2 and words_ in result.stderr and result.stderr.count("\n") == 1, extra
        assert not (tmp_path / "x.xml").exists()
    out = tmp_path / "mexico.xml"
    cli_ok("export", doc, "-o", out, "--status", "proposed", "--delegations", "Mexico")
    back = import_akn(out.read_bytes(), out.name)
    expected = cli_outline(doc, "--view", "consolidated", "--status", "proposed", "--delegations", "Mexico")
    assert [b.text for b in back.blocks] == [b["text"] for b in _flat(expected["blocks"])]
    assert back.blocks[[b.kind for b in back.blocks].index(OPERATIVE)].text.startswith("Calls upon Member States")
    plain = tmp_path / "plain.xml"
    cli_ok("export", doc, "-o", plain)
    assert import_akn(plain.read_bytes(), plain.name).blocks[-1].text == cli_outline(doc)["blocks"][-1]["text"]


def _flat(blocks: list[dict]) -> list[dict]:
    return [item for block in blocks for item in [block, *_flat(block["children"])]]


def test_formats_read_nothing_from_the_store():
    """Exporters are pure functions of the prepared export: no module of `formats/` imports the store or runs SQL."""
    offenders = []
    for path in sorted((DESKTOP / "formats").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("resdesk.store"):
                offenders.append(f"{path.name}: imports {node.module}")
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "conn"):
                offenders.append(f"{path.name}: .{node.attr}")
    assert offenders == []


def test_a_comparison_over_two_revisions_names_who_made_each_change(tmp_path):
    doc = _revised(tmp_path)
    cli_ok("amend", doc, "--as", "Mexico", "--in", "OP1", "--replace", "Urges", "--with", "Calls upon")
    cli_ok("amend", doc, "--as", "Peru", "--delete-paragraph", "OP8")
    cli_ok("status", doc, "a4", "agreed")
    cli_ok("status", doc, "a5", "agreed-ad-ref")
    assert cli_ok("revise", doc).splitlines()[0] == "Rev.2"
    out = tmp_path / "original-rev2.docx"
    cli_ok("export", doc, "-o", out, "--from", "original", "--to", "Rev.2")
    root = document_xml(out)
    assert body_from_formula(accepted(root)) == outline_paragraphs(cli_outline(doc, "--rev", "Rev.2"))
    assert body_from_formula(rejected(root)) == outline_paragraphs(cli_outline(doc, "--rev", "original"))
    changes = [e for e in root.iter(f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
               if e.getparent().tag != f"{W}rPr"]
    assert {e.get(f"{W}author") for e in changes} == {"France", "Brazil", "Chile", "Mexico", "Peru", "Secretariat"}
    secretariat = ["".join(e.itertext()).strip() for e in changes if e.get(f"{W}author") == "Secretariat"]
    assert secretariat and all(text[:-1].isdigit() and text.endswith(".") for text in secretariat), \
        "only renumbering is the Secretariat's"
    backwards = tmp_path / "backwards.docx"
    cli_ok("export", doc, "-o", backwards, "--from", "Rev.2", "--to", "original")
    authors = {e.get(f"{W}author") for e in document_xml(backwards).iter(f"{W}ins", f"{W}del")}
    assert authors == {"Secretariat"}, "no revision leads from Rev.2 back to the original: nobody is named"


def test_a_comparison_takes_no_filters_and_is_no_compilation(tmp_path):
    doc = _revised(tmp_path)
    for extra, words_ in ((("--status", "agreed"), "--status and --delegations"),
                          (("--delegations", "France"), "--status and --delegations"),
                          (("--mode", "compilation"), "tracked changes")):
        result = run_cli("export", doc, "-o", tmp_path / "x.docx", "--from", "original", "--to", "Rev.1", *extra)
        assert result.returncode == 2 and words_ in result.stderr and result.stderr.count("\n") == 1, extra
        assert not (tmp_path / "x.docx").exists()


def test_a_clean_export_with_filters_is_the_consolidated_text_in_every_format(tmp_path):
    need_poppler()
    doc = _revised(tmp_path)
    cli_ok("amend", doc, "--as", "Mexico", "--in", "OP1", "--replace", "Urges", "--with", "Calls upon")
    cli_ok("status", doc, "a4", "agreed")
    expected = "Calls upon Member States that have not yet done so"
    for name in ("agreed.docx", "agreed.pdf", "agreed.xml"):
        cli_ok("export", doc, "-o", tmp_path / name, "--status", "agreed")
    assert any(text.startswith("1.\t" + expected) for text in accepted(document_xml(tmp_path / "agreed.docx")))
    assert " ".join(normal_words(expected)) in " ".join(body_words(words(tmp_path / "agreed.pdf")))
    akn = import_akn((tmp_path / "agreed.xml").read_bytes(), "agreed.xml")
    assert any(block.text.startswith(expected) for block in akn.blocks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_word_tracked_export_accepts_to_the_consolidated_text_and_rejects_to_the_version(data):
    """The same for the proposals on one version: Accept All gives the consolidated words (the proposals that
    collide with an applied one are comments), Reject All the version."""
    document = structured_text()
    items = [data.draw(sibling_amendment(document, f"a{n}")) for n in range(1, data.draw(st.integers(1, 6)) + 1)]
    prepared = export_input(document, items, AmendmentFilter(statuses=STATUSES), ExportOptions(mode="tracked"))
    root = part(render_tracked(prepared), "word/document.xml")
    assert without_numbers(body_from_formula(accepted(root))) == without_numbers(
        paragraphs(consolidated(document, items, statuses=STATUSES)))  # numbers: views/tracked_numbers.py
    assert body_from_formula(rejected(root)) == paragraphs(document)


@needs_office
@pytest.mark.slow
def test_libreoffice_opens_comparisons_and_deletions_inside_moves(tmp_path):
    from builders import small_document
    from resdesk.store.documents import create_document

    nested = tmp_path / "small.resdesk"
    create_document(nested, small_document()).close()
    cli_ok("amend", nested, "--as", "Chile", "--move", "OP2", "--after", "PP1")
    cli_ok("amend", nested, "--as", "Peru", "--delete-paragraph", "OP2 (a)")
    cli_ok("export", nested, "-o", tmp_path / "nested.docx", "--mode", "tracked")
    doc = _revised(tmp_path)
    cli_ok("export", doc, "-o", tmp_path / "compare.docx", "--from", "original", "--to", "Rev.1")
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    dc = "http://purl.org/dc/elements/1.1/"
    for fodt, authors in zip(convert([tmp_path / "nested.docx", tmp_path / "compare.docx"], "fodt", tmp_path),
                             ({"Chile", "Peru"}, {"France", "Brazil", "Chile"}), strict=True):
        regions = etree.parse(str(fodt)).getroot().iter(f"{{{text}}}changed-region")
        assert authors <= {r.find(f".//{{{dc}}}creator").text for r in regions}, fodt.name

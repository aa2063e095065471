"""Word files reviewed by several people: every tracked change and comment under its own author, mapped to
delegations; nothing recorded twice; many files at once; files of the original while the document is at Rev.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEED, cli_ok, run_cli
from docx_support import delegation_edits, parts, rewrite_docx, seed_document
from office import SOFFICE, convert
from resdesk.amend.anchors import TextIndex
from resdesk.amend.instructions import instruction
from resdesk.errors import UserError
from resdesk.formats.docx.clean import render_clean
from resdesk.formats.docx.reader import DocxPackage
from resdesk.formats.docx.review import revision_authors
from resdesk.formats.docx_proposals import WordFile, word_file_proposals
from word_files import NEW_TEXT, context_of, three_reviewers, tracked_by


def said(document, result) -> list[tuple[str, str]]:
    index = TextIndex.of(document)
    return sorted((p.author, instruction(index, p)) for p in result.proposals)


THREE = [
    ("European Union", "Delete operative paragraph 7"),
    ("Mexico", "Insert a new operative paragraph after operative paragraph 3, reading: "
               f"“{NEW_TEXT}”"),
    ("Mexico", "Move operative paragraph 11 to follow operative paragraph 4"),
    ("Brazil", "In operative paragraph 2, replace “continue to strengthen” with “strengthen further”"),
]


@pytest.fixture
def reviewed(tmp_path) -> tuple:
    document = seed_document()
    changes, comments = three_reviewers(document)
    path = tmp_path / "draft-reviewed.docx"
    path.write_bytes(tracked_by(document, changes, comments))
    return document, path


def test_each_tracked_change_is_its_authors_and_unknown_authors_are_refused_first(reviewed):
    document, path = reviewed
    files = [WordFile(path.name, path.read_bytes())]
    with pytest.raises(UserError, match=r"^Tracked changes or comments are by “J\. Smith” \(draft-reviewed\.docx\), "
                                        r"which is no delegation; say whose they are with --author-map"):
        word_file_proposals(files, context_of(document))
    (result,) = word_file_proposals(files, context_of(document), {"j. smith": "MEX"})
    assert said(document, result) == sorted(THREE)  # "EU" is a short name
    # a tracked text of proposals keeps its numbers ("3 bis."): no renumbering change by the Secretariat
    assert revision_authors(DocxPackage(path.read_bytes(), path.name)) == ["Brazil", "J. Smith", "EU"]
    assert result.delegation == "" and result.not_placed == [] and result.duplicates == 0
    op3 = next(ident for ident, label in TextIndex.of(document).labels.items() if label == "OP3")
    assert [(c.author, c.text, c.block, c.reply_to) for c in result.comments] == [
        ("Mexico", "Our capital insists on this.", op3, ""), ("Chile", "We agree.", op3, "#0")]


def test_two_delegations_in_one_file_with_a_reply():
    """Brazil and Chile review one file: each change and comment is its own, the reply answers the comment."""
    from resdesk.amend.propose import propose_replace
    from resdesk.model.comment import Comment

    document = seed_document()
    op5 = next(ident for ident, label in TextIndex.of(document).labels.items() if label == "OP5")
    changes = [propose_replace(document, "Brazil", "OP1", "existing international", "relevant international"),
               propose_replace(document, "Chile", "OP5", "upon request and within its mandate", "within its mandate")]
    comments = [Comment("", "Brazil", "Is OP5 still needed?", block=op5),
                Comment("", "Chile", "Yes, as we change it.", block=op5, reply_to="c1")]
    data = tracked_by(document, changes, comments)
    (result,) = word_file_proposals([WordFile("compilation.docx", data)], context_of(document))
    assert said(document, result) == [
        ("Brazil", "In operative paragraph 1, replace “existing” with “relevant”"),
        ("Chile", "In operative paragraph 5, delete “upon request and”")]
    assert [(c.author, c.text, c.block, c.reply_to) for c in result.comments] == [
        ("Brazil", "Is OP5 still needed?", op5, ""), ("Chile", "Yes, as we change it.", op5, "#0")]
    assert (result.duplicates, result.not_placed) == (0, [])


@pytest.mark.slow
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is needed to save the Word file again")
def test_the_same_file_saved_again_by_libreoffice_keeps_every_author_and_the_reply(reviewed, tmp_path):
    document, path = reviewed
    (again,) = convert([path], "docx:MS Word 2007 XML", tmp_path / "again")
    (result,) = word_file_proposals([WordFile(again.name, again.read_bytes())], context_of(document),
                                    {"J. Smith": "Mexico"})
    assert said(document, result) == sorted(THREE)
    # LibreOffice 7.4 writes no commentsExtended.xml: the reply comes back as a comment on the same paragraph
    threaded = "word/commentsExtended.xml" in parts(again.read_bytes())
    assert [(c.author, c.text, c.reply_to) for c in result.comments] == [
        ("Mexico", "Our capital insists on this.", ""), ("Chile", "We agree.", "#0" if threaded else "")]
    assert len({c.block for c in result.comments}) == 1


def test_typed_changes_go_to_the_file_s_delegation_tracked_ones_to_their_authors(reviewed, tmp_path):
    document, path = reviewed
    both = rewrite_docx(path.read_bytes(), lambda root: _typed(root, "sufficient resources", "adequate resources"))
    (result,) = word_file_proposals([WordFile("Peru - comments.docx", both)], context_of(document),
                                    {"J. Smith": "Mexico"})
    assert result.delegation == "Peru"
    assert said(document, result) == sorted([*THREE, ("Peru", "In operative paragraph 14, replace “sufficient” "
                                                             "with “adequate”")])


def _typed(root, old: str, new: str) -> None:
    from docx_support import W

    text = next(t for t in root.iter(f"{W}t") if old in (t.text or ""))
    text.text = text.text.replace(old, new)


@pytest.fixture
def negotiated(tmp_path) -> Path:
    """The seed with a symbol and proposals by six delegations, comments and a reply (the README's example)."""
    doc = tmp_path / "draft.resdesk"
    cli_ok("import", SEED, "-o", doc)
    cli_ok("meta", doc, "--set", "symbol=A/C.3/68/L.5")
    for args in (("--as", "EU", "--in", "OP2", "--replace", "to continue to strengthen", "--with",
                  "to strengthen further"),
                 ("--as", "G77", "--new-paragraph", "Encourages Member States to share information;", "--after", "OP3"),
                 ("--as", "United States", "--delete-paragraph", "OP7"),
                 ("--as", "CARICOM", "--move", "OP11", "--after", "OP4"),
                 ("--as", "Mexico", "--alternative", "Requests the Secretary-General to report.", "--for", "OP15"),
                 ("--as", "G77", "--in", "OP2", "--replace", "strengthen international coordination", "--with",
                  "enhance international cooperation")):
        cli_ok("amend", doc, *args)
    cli_ok("comment", doc, "--as", "Mexico", "--on", "OP7", "--text", "We can accept deleting it.")
    cli_ok("comment", doc, "--as", "Chile", "--reply-to", "c1", "--text", "Agreed.")
    cli_ok("comment", doc, "--as", "Peru", "--on", "a2", "--text", "Why now?")
    return doc


def test_our_tracked_export_sent_back_unchanged_records_nothing(negotiated, tmp_path):
    tracked = tmp_path / "tracked.docx"
    cli_ok("export", negotiated, "-o", tracked, "--mode", "tracked")
    before = json.loads(cli_ok("outline", negotiated, "--json"))
    report = json.loads(cli_ok("amend", negotiated, "--from-docx", tracked, "--json"))
    (entry,) = report["files"]
    assert (entry["proposals"], entry["comments"], entry["not_placed"]) == ([], [], [])
    assert entry["duplicates"] == 11  # six changes, three comments, the alternative's and the collision's notes
    after = json.loads(cli_ok("outline", negotiated, "--json"))
    assert (after["amendments"], after["comments"]) == (before["amendments"], before["comments"])


def test_the_same_file_read_twice_records_nothing_new(negotiated, tmp_path):
    document = _current(negotiated)
    changes, comments = three_reviewers(document)
    path = tmp_path / "reviewed.docx"
    path.write_bytes(tracked_by(document, changes, comments))
    first = cli_ok("amend", negotiated, "--from-docx", path, "--author-map", "J. Smith=Mexico")
    assert first.splitlines()[0] == "reviewed.docx, original: 4 proposals (a7, a8, a9, a10); 2 comments (c4, c5)."
    assert first.splitlines()[1:3] == ["  a7 collides with a1.", "  a7 collides with a6."]  # Brazil's OP2: the EU's
    # and G77's words (the EU's deletion of OP7 is the United States' too: the same outcome, no collision)
    second = json.loads(cli_ok("amend", negotiated, "--from-docx", path, path, "--author-map", "J. Smith=Mexico",
                            "--json"))
    assert [(f["proposals"], f["comments"], f["duplicates"]) for f in second["files"]] == [([], [], 6), ([], [], 6)]


def _current(doc: Path):
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load

    with DocumentFile.open(doc, readonly=True) as reader:
        return load(reader)


def test_twenty_files_in_one_call(negotiated, tmp_path):
    """Twenty delegations answer the facilitator, each named in its file's name, one of them twice."""
    document = _current(negotiated)
    exported = tmp_path / "draft.docx"
    cli_ok("export", negotiated, "-o", exported)
    names = ["Brazil", "CHL", "Peru - comments", "Japan", "Norway", "India", "Kenya", "Egypt", "Fiji", "Canada",
             "Mexico", "Nigeria", "Ghana", "Chile", "Qatar", "Nepal", "Samoa", "Tonga", "Spain", "Italy"]
    paths = []
    for number, name in enumerate(names):
        edited = rewrite_docx(exported.read_bytes(), lambda root, n=number: _typed(
            root, "sufficient resources", f"sufficient and predictable resources ({n + 1})"))
        paths.append(tmp_path / f"{name}.docx")
        paths[-1].write_bytes(edited)
    report = json.loads(cli_ok("amend", negotiated, "--from-docx", *paths, "--json"))
    files = report["files"]
    assert [f["delegation"] for f in files][:3] == ["Brazil", "Chile", "Peru"]
    assert all(len(f["proposals"]) == 1 and f["duplicates"] == 0 for f in files)
    assert files[13]["collisions"][0] == [files[13]["proposals"][0], files[0]["proposals"][0]]
    assert len({p for f in files for p in f["proposals"]}) == 20
    assert document.version == "original"


def test_a_file_of_the_original_while_the_document_is_at_rev_1(negotiated, tmp_path):
    """Brazil answers on the original after Rev.1 was issued: its changes are carried to Rev.1, and the one whose
    words Rev.1 changed is named."""
    original = tmp_path / "original.docx"
    cli_ok("export", negotiated, "-o", original)
    document = _current(negotiated)
    cli_ok("status", negotiated, "a1", "agreed")   # EU: OP2 "to continue to strengthen" -> "to strengthen further"
    cli_ok("status", negotiated, "a2", "agreed")   # G77: a new OP4
    assert cli_ok("revise", negotiated, "--date", "5 November 2013").splitlines()[0] == "Rev.1"
    answer = tmp_path / "Brazil.docx"
    answer.write_bytes(rewrite_docx(original.read_bytes(), delegation_edits(document, tracked=True)))
    report = json.loads(cli_ok("amend", negotiated, "--from-docx", answer, "--json"))
    (entry,) = report["files"]
    assert entry["version"] == "original"
    assert entry["not_placed"] == ["Brazil: “In operative paragraph 2, replace “continue to strengthen” with "
                                   "“strengthen further”” no longer fits Rev.1 (its words or paragraph are gone)"]
    listed = {a["id"]: a for a in json.loads(cli_ok("outline", negotiated, "--json"))["amendments"]}
    carried = [listed[ident]["instruction"] for ident in entry["proposals"]]
    assert carried == ["Delete operative paragraph 8",  # OP7 of the original is OP8 in Rev.1
                       "Insert a new operative paragraph after operative paragraph 3, reading: “Encourages Member "
                       "States to share information on good practices in early warning;”"]
    assert all(listed[ident]["stale"] is False for ident in entry["proposals"])
    refused = run_cli("amend", negotiated, "--from-docx", _renamed(original, tmp_path, "A/C.3/68/L.9"))
    assert refused.returncode == 2 and "which is no version of this document" in refused.stderr


def _renamed(path: Path, folder: Path, symbol: str) -> Path:
    """A copy of an exported file whose masthead (and page 1's top line, in the first page's header) says
    `symbol`."""
    from docx_support import W

    def resymbol(root):
        for text in root.iter(f"{W}t"):
            if text.text and "68/L.5" in text.text:
                text.text = text.text.replace("C.3/68/L.5", symbol[2:]).replace("68/L.5", symbol.split("/", 2)[2])

    copy = folder / "other.docx"
    copy.write_bytes(rewrite_docx(path.read_bytes(), resymbol, ("word/document.xml", "word/header")))
    return copy


def test_bad_maps_and_names_are_one_sentence_and_record_nothing(negotiated, tmp_path):
    document = _current(negotiated)
    typed = tmp_path / "notes.docx"
    typed.write_bytes(rewrite_docx(render_clean(document), delegation_edits(document, tracked=False)))
    before = cli_ok("outline", negotiated, "--json")
    for args, words in ((("--from-docx", typed), "notes.docx has changes made without Track Changes"),
                        (("--from-docx", typed, "--as", "Atlantis"),
                         "“Atlantis”, named for notes.docx, is not a known delegation"),
                        (("--from-docx", typed, "--author-map", "Smith"), "--author-map takes NAME=DELEGATION"),
                        (("--as", "Peru", "--delete-paragraph", "OP2", "--json"), "--author-map and --json go with")):
        result = run_cli("amend", negotiated, *args)
        assert result.returncode == 2 and words in result.stderr and len(result.stderr.splitlines()) == 1, args
    assert cli_ok("outline", negotiated, "--json") == before

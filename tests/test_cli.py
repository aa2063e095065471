"""The `resdesk` command line: import, outline, meta, --version, and its behaviour on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import run_cli
from resdesk import __version__


def _import(source, target, *extra):
    result = run_cli("import", source, "-o", target, *extra)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture
def seed_doc(tmp_path, seed):
    return _import(seed, tmp_path / "seed.resdesk")


def _outline(doc, *extra) -> dict:
    result = run_cli("outline", doc, "--json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _labels(blocks):
    for block in blocks:
        yield block["label"], block
        yield from _labels(block["children"])


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"resdesk {__version__}"


def test_module_and_console_script_agree(tmp_path):
    script = os.path.join(os.path.dirname(sys.executable), "resdesk")
    if not os.path.exists(script):
        pytest.skip("the resdesk console script is not installed in this environment")
    result = subprocess.run([script, "--version"], capture_output=True, text=True)
    assert result.stdout.strip() == f"resdesk {__version__}"


def test_seed_outline_json(seed_doc):
    outline = _outline(seed_doc)
    meta = outline["meta"]
    assert meta["session"] == "Sixty-eighth session"
    assert meta["committee"] == "Third Committee"
    assert meta["agenda_item"] == "108"
    assert meta["distribution"] == "Limited"
    assert meta["date"] == "2013-10-01"
    assert meta["original_language"] == "en"
    assert meta["version"] == "original"
    blocks = outline["blocks"]
    assert [b["kind"] for b in blocks].count("preambular") == 10
    assert [b["kind"] for b in blocks].count("operative") == 15
    by_label = dict(_labels(blocks))
    assert by_label["PP9"]["opening"] == "Taking note"
    assert by_label["OP11"]["opening"] == "Takes note with appreciation"
    assert by_label["PP3"]["footnotes"] == [{"marker": "1", "text": "General Assembly resolution 60/288."}]
    assert by_label["OP13"]["footnotes"] == [{"marker": "1", "text": "General Assembly resolution 60/288."}]
    assert not any("60/288" in b["text"] for b in blocks), "the footnote text is not a paragraph"
    assert set(blocks[0]) >= {"id", "kind", "label", "opening", "text", "footnotes", "children"}
    assert outline["annexes"] == []


def test_import_is_deterministic(tmp_path, seed):
    first = _outline(_import(seed, tmp_path / "a.resdesk"))
    second = _outline(_import(seed, tmp_path / "b.resdesk"))
    assert first == second


def test_outline_for_a_person(seed_doc):
    result = run_cli("outline", seed_doc)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "PP3" in text and "OP15" in text
    assert "*Takes note with appreciation*" in text  # italics shown (asterisks outside a terminal)
    assert "Strategy¹" in text
    pp3_at = text.index("PP3")
    note_at = text.index("¹ General Assembly resolution 60/288.")
    assert pp3_at < note_at < text.index("PP4"), "the footnote stands under its paragraph"


def test_meta_show_and_set(seed_doc):
    result = run_cli("meta", seed_doc, "--set", "symbol=A/C.3/68/L.5", "sponsors=Andorra, Brazil",
                     "date=2 October 2013")
    assert result.returncode == 0, result.stderr
    shown = run_cli("meta", seed_doc).stdout
    assert "A/C.3/68/L.5" in shown
    meta = _outline(seed_doc)["meta"]
    assert meta["symbol"] == "A/C.3/68/L.5"
    assert meta["sponsors"] == ["Andorra", "Brazil"]
    assert meta["date"] == "2013-10-02"


@pytest.mark.parametrize(
    "assignment, message",
    [("colour=red", "not a metadata field"), ("symbol", "not KEY=VALUE"), ("date=yesterday", "not a date")],
)
def test_meta_set_refuses_bad_values(seed_doc, assignment, message):
    before = seed_doc.read_bytes()
    result = run_cli("meta", seed_doc, "--set", assignment)
    assert result.returncode == 2
    assert message in result.stderr
    assert seed_doc.read_bytes() == before


def test_every_akn_sample_imports(tmp_path, samples):
    for source in sorted((samples / "akn").glob("*.xml")):
        doc = _import(source, tmp_path / (source.stem + ".resdesk"))
        outline = _outline(doc)
        assert outline["blocks"], source.name


# -- bad input: one line on stderr, exit status 2, nothing left on disk ---------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>&lol3;</statement></akomaNtoso>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><p>&xxe;</p></statement></akomaNtoso>"""


def _bad_sources(tmp_path, samples_dir):
    sample = samples_dir / "akn" / "75_19_E.xml"
    cases = {
        "empty.txt": b"",
        "binary.txt": os.urandom(4096),
        "billion.xml": BILLION_LAUGHS,
        "xxe.xml": EXTERNAL_ENTITY,
        "unknown.pdf": b"%PDF-1.7\n" + os.urandom(1024),
    }
    if sample.exists():
        cases["truncated.xml"] = sample.read_bytes()[: len(sample.read_bytes()) // 2]
    paths = []
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths.append(path)
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    paths.append(big)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (200 * 1024 * 1024) + b"/>")
    paths.append(bomb)
    return paths


def test_bad_sources_are_refused_in_one_line(tmp_path):
    from conftest import samples_dir

    for source in _bad_sources(tmp_path, samples_dir()):
        target = tmp_path / "out.resdesk"
        result = run_cli("import", source, "-o", target)
        assert result.returncode == 2, (source.name, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("resdesk: error: "), (source.name, result.stderr)
        assert "Traceback" not in result.stderr
        assert "root:" not in result.stderr, "no file content leaks into the message"
        assert not target.exists(), source.name
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")], "no temporary file left"


def test_existing_output_needs_force(tmp_path, seed):
    target = tmp_path / "out.resdesk"
    target.write_text("keep me")
    result = run_cli("import", seed, "-o", target)
    assert result.returncode == 2
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert target.read_text() == "keep me"
    _import(seed, target, "--force")
    assert _outline(target)["meta"]["committee"] == "Third Committee"


def test_non_document_passed_as_doc(tmp_path, seed):
    for command in (["outline"], ["outline", "--json"], ["meta"]):
        result = run_cli(*command[:1], seed, *command[1:])
        assert result.returncode == 2
        assert result.stderr.startswith("resdesk: error: seed.txt is not a Resolution Desk document")
        assert len(result.stderr.strip().splitlines()) == 1


def test_missing_document_and_usage_errors(tmp_path):
    result = run_cli("outline", tmp_path / "nothing.resdesk")
    assert (result.returncode, result.stderr.strip()) == (2, "resdesk: error: nothing.resdesk does not exist.")
    result = run_cli("import")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    result = run_cli("import", tmp_path / "x.txt", "-o", tmp_path / "y.resdesk", "--format", "pdf")
    assert result.returncode == 2 and result.stderr.startswith("resdesk: error: ")


def test_outline_does_not_import_qt_or_docx(seed_doc):
    probe = (
        "import sys\n"
        "import resdesk.cli as c\n"
        f"c.main(['outline', {str(seed_doc)!r}, '--json'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'docx', 'lxml'))\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert "HEAVY []" in result.stderr, result.stderr

"""`resdesk check` and `resdesk asks`: exit statuses, text and JSON output, bad input, renumbered references."""

from __future__ import annotations

import json

from conftest import SEED, run_cli


def _seed(tmp_path):
    path = tmp_path / "seed.resdesk"
    assert run_cli("import", SEED, "-o", path).returncode == 0
    return path


def test_check_on_the_seed_is_silent_and_exits_0(tmp_path):
    result = run_cli("check", _seed(tmp_path))
    assert (result.returncode, result.stdout, result.stderr) == (0, "No findings in original.\n", "")


def test_findings_exit_1_with_one_line_each_and_their_fix(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The General Assembly,\n\nRecalling its resolution 66/282 of June 29, 2012;\n\n"
                     "1. *Decides* to hold 3 meetings;\n", encoding="utf-8")
    document = tmp_path / "draft.resdesk"
    assert run_cli("import", draft, "-o", document).returncode == 0
    result = run_cli("check", document)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        "PP1          date-format            Write the date as the UN does: “29 June 2012”. "
        "[fix: “June 29, 2012” → “29 June 2012”]",
        "PP1          pp-ending              A preambular paragraph ends with a comma, not “;”. [fix: “;” → “,”]",
        "OP1          number-in-words        Write numbers under 10 in words: “three”. [fix: “3” → “three”]",
        "OP1          op-ending              The last operative paragraph ends with a full stop, not “;”. "
        "[fix: “;” → “.”]",
        "4 findings in original."]
    as_json = json.loads(run_cli("check", document, "--json").stdout)
    assert as_json["version"] == "original"
    first = as_json["findings"][0]
    assert first == {"block": first["block"], "label": "PP1", "rule": "date-format",
                     "message": "Write the date as the UN does: “29 June 2012”.", "at": [35, 48],
                     "fix": {"start": 35, "end": 48, "text": "29 June 2012"}}


def test_bad_input_is_one_sentence_and_exit_2(tmp_path):
    missing = run_cli("check", tmp_path / "none.resdesk")
    assert missing.returncode == 2 and missing.stderr.startswith("resdesk: error: ") and missing.stdout == ""
    path = _seed(tmp_path)
    before = path.read_bytes()
    no_version = run_cli("check", path, "--rev", "Rev.7")
    assert no_version.returncode == 2 and "has no version called 'Rev.7'" in no_version.stderr
    not_a_document = tmp_path / "text.resdesk"
    not_a_document.write_text("hello", encoding="utf-8")
    assert run_cli("asks", not_a_document).returncode == 2
    assert path.read_bytes() == before


def test_asks_names_the_seeds_report_and_request_to_the_secretary_general(tmp_path):
    path = _seed(tmp_path)
    result = run_cli("asks", path)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("OP14       resources  the Secretary-General: to provide the United Nations Office")
    assert lines[1] == ("OP15       report     the Secretary-General: a report on the implementation of the present "
                        "resolution (at its sixty-ninth session)")
    assert lines[2] == "2 asks in original."
    as_json = json.loads(run_cli("asks", path, "--json").stdout)["asks"]
    assert [(a["label"], a["kind"], a["when"]) for a in as_json] == [
        ("OP14", "resources", ""), ("OP15", "report", "at its sixty-ninth session")]
    assert lines[0].endswith(" …")  # shortened for a person; whole in the JSON
    assert as_json[0]["what"].endswith("the United Nations Global Counter-Terrorism Strategy")


def test_a_reference_renumbered_by_a_revision_is_offered_its_new_number(tmp_path):
    path = _seed(tmp_path)
    amend = ("amend", path, "--as", "Mexico")
    assert run_cli(*amend, "--in", "OP15", "--replace", "the present resolution",
                   "--with", "the present resolution, including on paragraph 14 above").stdout == "a1\n"
    assert run_cli("status", path, "a1", "agreed").returncode == 0
    assert run_cli("revise", path, "--date", "2013-10-15").stdout.splitlines()[0] == "Rev.1"
    assert run_cli("check", path).returncode == 0  # Rev.1: "paragraph 14 above" is OP14, as it was written
    assert run_cli(*amend, "--new-paragraph", "Encourages Member States to share good practices;",
                   "--after", "OP3").stdout == "a2\n"
    assert run_cli("status", path, "a2", "agreed").returncode == 0
    assert run_cli("revise", path, "--date", "2013-10-20").stdout.splitlines()[0] == "Rev.2"
    result = run_cli("check", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "OP16         xref-renumbered        “paragraph 14 above” meant the paragraph that is now OP15 (renumbered "
        "since Rev.1). [fix: “14” → “15”]", "1 finding in Rev.2."]
    assert run_cli("check", path, "--rev", "Rev.1").returncode == 0

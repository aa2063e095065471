"""Propose mode in the real application under Xvfb, driven with the keyboard (xdotool).

A negotiated document opens in propose mode and the markup view: Ctrl+G, OP3,
Enter, typing records a proposal of the acting delegation (the text itself is
unchanged); one Ctrl+Z takes the proposal back. Acting as is chosen with the
keyboard as a user would: Ctrl+Alt+S, a few letters, Down, Enter.
"""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import cli_outline, run_cli
from test_ui_xvfb import display, drive  # noqa: F401 - `display` is a fixture

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (apt-get install xvfb)"),
    pytest.mark.skipif(shutil.which("xdotool") is None, reason="xdotool is not installed (apt-get install xdotool)"),
]


def negotiated_example(tmp_path):
    """The bundled example with one amendment (so it opens in propose mode), Norway acting."""
    from resdesk.resources import resource
    from resdesk.store.delegations import set_acting_as
    from resdesk.store.docfile import DocumentFile

    document = tmp_path / "early-warning.resdesk"
    source = tmp_path / "draft.txt"
    source.write_bytes(resource("examples", "early-warning-draft.txt").read_bytes())
    assert run_cli("import", source, "-o", document).returncode == 0
    assert run_cli("amend", document, "--as", "EU", "--delete-paragraph", "OP1").returncode == 0
    with DocumentFile.open(document) as doc:
        set_acting_as(doc, "Norway")
    return document


def real_window_env(display_name: str, tmp_path) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display_name, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path))
    return env


def test_typing_in_propose_mode_records_a_proposal_in_a_real_window(display, tmp_path):  # noqa: F811
    document = negotiated_example(tmp_path)
    before = next(b["text"] for b in cli_outline(document)["blocks"] if b["label"] == "OP3")
    env = real_window_env(display, tmp_path)
    go_to_op3 = [("key", "ctrl+g"), ("type", "--delay", "30", "OP3"), ("key", "Return")]

    done = drive(env, document, go_to_op3 + [("type", "--delay", "30", " with all speed"), ("key", "ctrl+q")])
    assert done.returncode == 0, done.stderr
    data = cli_outline(document)
    assert next(b["text"] for b in data["blocks"] if b["label"] == "OP3") == before  # the text is unchanged
    norway = [a for a in data["amendments"] if a["author"] == "Norway"]
    assert len(norway) == 1 and norway[0]["kind"] == "replace" and norway[0]["target"] == "OP3"
    assert "with all speed" in norway[0]["new"]

    done = drive(env, document, go_to_op3 + [("type", "--delay", "30", " and then some"), ("key", "ctrl+z"),
                                             ("key", "ctrl+q")])
    assert done.returncode == 0, done.stderr
    again = [a for a in cli_outline(document)["amendments"] if a["author"] == "Norway"]
    assert [(a["id"], a["new"]) for a in again] == [(norway[0]["id"], norway[0]["new"])]


def test_acting_as_chosen_with_the_keyboard_in_a_real_window(display, tmp_path):  # noqa: F811
    """Acting as (Ctrl+Alt+S), type "Mexi", Down, Enter: Mexico acts, and its next proposal is Mexico's."""
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile

    document = negotiated_example(tmp_path)
    keys = [("key", "ctrl+alt+s"), ("type", "--delay", "60", "Mexi"), ("key", "Down"), ("key", "Return"),
            ("key", "ctrl+g"), ("wait-for", "Go to Paragraph", True), ("type", "--delay", "30", "OP3"),
            ("key", "Return"), ("wait-for", "Go to Paragraph", False),
            ("type", "--delay", "30", " with all speed"), ("key", "ctrl+q")]
    done = drive(real_window_env(display, tmp_path), document, keys)
    assert done.returncode == 0, done.stderr
    with DocumentFile.open(document, readonly=True) as reader:
        assert acting_as(reader) == "Mexico"
    proposed = [a for a in cli_outline(document)["amendments"] if a["target"] == "OP3"]
    assert [(a["author"], a["kind"]) for a in proposed] == [("Mexico", "replace")]
    assert "with all speed" in proposed[0]["new"]

"""Shared test set-up: Qt offscreen, the UN samples beside the checkout, the CLI in a subprocess."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a display unless they start Xvfb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seed.txt"


def samples_dir() -> Path:
    """The UN samples: $RESDESK_SAMPLES, or ../shared/samples beside the checkout."""
    return Path(os.environ.get("RESDESK_SAMPLES", REPO.parent / "shared" / "samples"))


@pytest.fixture
def samples() -> Path:
    path = samples_dir()
    if not (path / "akn").is_dir():
        pytest.skip(f"the UN samples are not at {path} (set RESDESK_SAMPLES or put shared/ beside the checkout)")
    return path


@pytest.fixture
def seed() -> Path:
    return SEED


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m resdesk ARGS…` as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "resdesk", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )


def cli_ok(*args) -> str:
    """Run `python -m resdesk ARGS…` and return its stdout; fail the test (with its stderr) unless it exits 0."""
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def cli_refused(*args) -> str:
    """Run `python -m resdesk ARGS…` expecting a refusal: exit status 2 and one line "resdesk: error: …" on
    stderr; return the sentence."""
    result = run_cli(*args)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("resdesk: error: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr.removeprefix("resdesk: error: ").strip()


def cli_outline(document, *extra) -> dict:
    """`resdesk outline DOCUMENT --json EXTRA…`, parsed."""
    return json.loads(cli_ok("outline", document, "--json", *extra))

"""Fuzzing, bounded for the suite: mutations of real text, AKN and Word files, and damaged document files.
Each is read or refused in one sentence (a UserError), never a traceback. The long run (10,000 inputs per
importer) is tests/bench/fuzz_run.py; its figures are in docs/reliability.md."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzzing

# Derandomized: the suite explores the same inputs on every run (the long run explores new ones).
BOUNDED = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SEEDS = st.integers(min_value=0, max_value=2 ** 32 - 1)


@BOUNDED
@given(SEEDS, st.integers(min_value=0, max_value=1))
def test_text_importer(seed, which):
    data = fuzzing.mutate_text(fuzzing.text_inputs()[which], random.Random(seed))
    assert fuzzing.read_or_refuse("text", data) in ("read", "refused")


@BOUNDED
@given(SEEDS, st.integers(min_value=0, max_value=1))
def test_akn_importer(seed, which):
    data = fuzzing.mutate_xml(fuzzing.akn_inputs()[which], random.Random(seed))
    assert fuzzing.read_or_refuse("akn", data) in ("read", "refused")


@BOUNDED
@given(SEEDS, st.integers(min_value=0, max_value=1))
def test_word_importer(seed, which):
    data = fuzzing.mutate_docx(fuzzing.docx_inputs()[which], random.Random(seed))
    assert fuzzing.read_or_refuse("docx", data) in ("read", "refused")


@given(st.binary(max_size=3000), st.sampled_from(["text", "akn", "docx", "auto"]))
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
def test_any_bytes(data, fmt):
    assert fuzzing.read_or_refuse(fmt, data) in ("read", "refused")


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(SEEDS)
def test_damaged_document_files(tmp_path_factory, seed):
    rnd = random.Random(seed)
    path = tmp_path_factory.mktemp("damaged") / "seed.resdesk"
    path.write_bytes(fuzzing.negotiated_document())
    fuzzing.damage_document(path, rnd)
    fuzzing.use_damaged(path, exports=rnd.random() < 0.25)


@pytest.fixture(autouse=True)
def _quiet(capsys):
    """The commands print their refusals; only exceptions matter here."""
    yield
    capsys.readouterr()

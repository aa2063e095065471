"""The long fuzz run: 10,000 mutated inputs per importer (text, AKN, Word) and 1,000 damaged document files,
each driven by its own seed (FUZZ_SEED, default: the time), with the same mutations as tests/test_fuzz.py.

Run with `make bench` (or `pytest tests/bench/test_bench_fuzz.py -s`; FUZZ_INPUTS changes the count);
figures go to docs/reliability.md. An input that raises anything but a UserError is a bug: its seed is
printed, so that `fuzzing.mutate_*(base, random.Random(seed))` gives it back, and the run fails.
"""

from __future__ import annotations

import os
import random
import time
import traceback

import pytest

import fuzzing

INPUTS = int(os.environ.get("FUZZ_INPUTS", "10000"))
DOCUMENTS = max(1, INPUTS // 10)
RUN_SEED = int(os.environ.get("FUZZ_SEED", str(int(time.time()))))

MUTATIONS = {"text": (fuzzing.text_inputs, fuzzing.mutate_text), "akn": (fuzzing.akn_inputs, fuzzing.mutate_xml),
             "docx": (fuzzing.docx_inputs, fuzzing.mutate_docx)}


def _report(what: str, counts: dict, crashes: list, elapsed: float, total: int) -> None:
    shown = ", ".join(f"{key} {value}" for key, value in counts.items())
    print(f"\n{what}: {total} inputs in {elapsed:.0f} s ({1000 * elapsed / total:.1f} ms each): {shown}, "
          f"crashes {len(crashes)} (run seed {RUN_SEED})")
    for seed, trace in crashes[:5]:
        print(f"  seed {seed}:\n{trace}")


@pytest.mark.parametrize("fmt", MUTATIONS)
def test_fuzz_importer(fmt):
    bases, mutate = MUTATIONS[fmt]
    rnd = random.Random(RUN_SEED)
    counts = {"read": 0, "refused": 0}
    crashes = []
    started = time.perf_counter()
    for _ in range(INPUTS):
        seed = rnd.getrandbits(32)
        inputs = bases()
        data = mutate(inputs[seed % len(inputs)], random.Random(seed))
        try:
            counts[fuzzing.read_or_refuse(fmt, data)] += 1
        except Exception:
            crashes.append((seed, traceback.format_exc(limit=6)))
    _report(f"{fmt} importer", counts, crashes, time.perf_counter() - started, INPUTS)
    assert crashes == []


def test_fuzz_damaged_documents(tmp_path, capsys):
    rnd = random.Random(RUN_SEED)
    counts = {"commands": 0, "succeeded": 0, "refused": 0}
    crashes = []
    started = time.perf_counter()
    for number in range(DOCUMENTS):
        seed = rnd.getrandbits(32)
        path = tmp_path / f"{number}" / "seed.resdesk"
        path.parent.mkdir()
        path.write_bytes(fuzzing.negotiated_document())
        damage = random.Random(seed)
        try:
            fuzzing.damage_document(path, damage)
            statuses = fuzzing.use_damaged(path, exports=damage.random() < 0.25)
        except Exception:
            crashes.append((seed, traceback.format_exc(limit=6)))
            continue
        finally:
            capsys.readouterr()
        counts["commands"] += len(statuses)
        counts["succeeded"] += statuses.count(0)
        counts["refused"] += len(statuses) - statuses.count(0)
    with capsys.disabled():
        _report("damaged document files", counts, crashes, time.perf_counter() - started, DOCUMENTS)
    assert crashes == []

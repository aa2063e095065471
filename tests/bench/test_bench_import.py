"""Import benchmarks: every UN sample, a 1,000-paragraph synthetic text, and `resdesk import` vs a bare parse.

Run with `make bench`; numbers go to docs/benchmarks.md. Nothing here asserts a time.
"""

from __future__ import annotations

import statistics
import sys
import time

import pytest

from conftest import samples_dir
from resdesk.formats.sources import read_source
from startup import interleaved_ms

SAMPLES = samples_dir()
OPENINGS_PP = ["Recalling", "Reaffirming", "Deeply concerned", "Noting with appreciation", "Recognizing also"]
OPENINGS_OP = ["Urges", "Also requests", "Calls upon", "Encourages", "Further invites", "Decides"]


def synthetic_text(paragraphs: int = 1000) -> str:
    """A UN-style draft in the text format: 30 % PPs, the rest OPs, a footnote every 25 paragraphs."""
    lines = ["General Assembly", "", "Distr.: Limited", "1 October 2026", "", "Original: English", "",
             "Eighty-first session", "", "Third Committee", "", "Agenda item 108", "",
             "A synthetic agenda item", "", "A synthetic resolution", "", "The General Assembly,", ""]
    preambular = paragraphs * 3 // 10
    notes = []
    for n in range(1, preambular + 1):
        marker = ""
        if n % 25 == 0:
            notes.append(f"Resolution {60 + n % 20}/{n}.")
            marker = "".join("⁰¹²³⁴⁵⁶⁷⁸⁹"[int(d)] for d in str(len(notes)))
        lines += [f"{OPENINGS_PP[n % 5]} the importance of item {n} of the programme of work, and of "
                  f"[66/{100 + n}](#) on cooperation among States in matters {n},{marker}", ""]
    for n in range(1, paragraphs - preambular + 1):
        lines += [f"{n}. *{OPENINGS_OP[n % 6]}* Member States to strengthen cooperation on matter {n}, "
                  "in accordance with international law and within existing resources;", ""]
    lines += [f"{''.join('⁰¹²³⁴⁵⁶⁷⁸⁹'[int(d)] for d in str(i))} {text}" for i, text in enumerate(notes, 1)]
    return "\n".join(lines) + "\n"


def _median_ms(action, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_bench_import_in_process(tmp_path):
    if not SAMPLES.is_dir():
        pytest.skip(f"samples not found at {SAMPLES}")
    sources = sorted((SAMPLES / "akn").glob("*.xml")) + sorted(SAMPLES.glob("*.txt"))
    synthetic = tmp_path / "synthetic-1000.txt"
    synthetic.write_text(synthetic_text(), encoding="utf-8")
    print("\nsource | KB | median import ms | blocks")
    for source in [*sources, synthetic]:
        document = read_source(source)
        ms = _median_ms(lambda s=source: read_source(s))
        print(f"{source.name} | {source.stat().st_size / 1024:.0f} | {ms:.1f} | {len(document.all_blocks())}")


def test_bench_cli_import_vs_bare_parse(tmp_path):
    if not SAMPLES.is_dir():
        pytest.skip(f"samples not found at {SAMPLES}")
    largest = max((SAMPLES / "akn").glob("*.xml"), key=lambda p: p.stat().st_size)
    target = tmp_path / "out.resdesk"
    results = interleaved_ms({
        "bare python ElementTree parse": [sys.executable, "-c",
                                          f"import xml.etree.ElementTree as E; E.parse({str(largest)!r})"],
        "bare python lxml parse": [sys.executable, "-c", f"from lxml import etree; etree.parse({str(largest)!r})"],
        "resdesk import (parse + SQLite document)": [sys.executable, "-m", "resdesk", "import", str(largest),
                                                     "-o", str(target), "--force"],
    })
    print(f"\nlargest sample: {largest.name} ({largest.stat().st_size / 1024:.0f} KB), start-up included, "
          "medians of 15 interleaved runs")
    ours_wall, ours_cpu = results["resdesk import (parse + SQLite document)"]
    for name, (wall, cpu) in results.items():
        print(f"{name:42} wall {wall:5.0f} ms ({ours_wall / wall:.2f}x)   cpu {cpu:5.0f} ms ({ours_cpu / cpu:.2f}x)")

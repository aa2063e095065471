"""Start-up benchmarks run commands as a user's installed package runs: with its bytecode.

An installed wheel has its `.pyc` files; a checkout run with PYTHONDONTWRITEBYTECODE (set on some
machines) compiles every module of ours on every start, which is not what a user waits for.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time


def installed_like_env(**extra: str) -> dict[str, str]:
    """The environment for a timed start: this one, with bytecode written and reused, plus `extra`."""
    env = dict(os.environ, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def first_paint_seconds(command: list[str], env: dict) -> float:
    """Wall-clock seconds from starting `command` to the `first-paint` time it prints."""
    start = time.time()
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).stdout
    stamp = next(float(line.split()[1]) for line in out.splitlines() if line.startswith("first-paint"))
    return stamp - start


def interleaved_ms(commands: dict[str, list[str]], repeat: int = 15,
                   env: dict[str, str] | None = None) -> dict[str, tuple[float, float]]:
    """Median wall-clock and CPU (user + system) milliseconds of each command, the commands run in turn
    so that load from other processes on a shared machine falls on all of them alike."""
    env = env or installed_like_env()
    for command in commands.values():
        subprocess.run(command, check=True, capture_output=True, env=env)  # bytecode, file cache
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            wall[name].append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return {name: (statistics.median(wall[name]), statistics.median(cpu[name])) for name in commands}

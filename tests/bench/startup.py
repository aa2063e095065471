"""Start-up benchmarks run commands as a user's installed package runs: with its bytecode.

An installed wheel has its `.pyc` files; a checkout run with PYTHONDONTWRITEBYTECODE (set on some
machines) compiles every module of ours on every start, which is not what a user waits for.
"""

from __future__ import annotations

import os


def installed_like_env(**extra: str) -> dict[str, str]:
    """The environment for a timed start: this one, with bytecode written and reused, plus `extra`."""
    env = dict(os.environ, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env

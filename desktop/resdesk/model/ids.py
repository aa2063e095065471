"""Stable ids for blocks and footnotes.

Ids are short, sequential and deterministic ("b1", "b2", … and "f1", "f2", …)
so that importing the same file twice gives byte-identical results. A document
file remembers the next free number (see `resdesk.store`), so ids are never
reused after a block is deleted.
"""

from __future__ import annotations


class IdAllocator:
    """Hands out ids with a prefix, starting after the highest one already used."""

    def __init__(self, prefix: str, start: int = 1):
        self.prefix = prefix
        self.next = start

    def __call__(self) -> str:
        value = f"{self.prefix}{self.next}"
        self.next += 1
        return value

    def reserve_existing(self, ids) -> None:
        """Skip past every id in `ids` that has this prefix and a number."""
        for existing in ids:
            if existing.startswith(self.prefix) and existing[len(self.prefix):].isdigit():
                self.next = max(self.next, int(existing[len(self.prefix):]) + 1)

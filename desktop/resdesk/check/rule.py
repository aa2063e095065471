"""A rule: an id, the texts it reads, and a function that yields what it finds.

Rules are small functions registered with `@rule`. A *block* rule reads one paragraph's text
(`run(text, block, context)`); with `footnotes=True` it also reads the texts of the footnotes the
paragraph refers to first. A *document* rule reads the whole text (`run(context)`) and yields
(block id, hit) pairs. `english` rules need the words of `resources/check/en.toml` and run on
English texts only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

BLOCK = "block"
DOCUMENT = "document"


@dataclass(frozen=True)
class Rule:
    id: str
    run: Callable
    scope: str = BLOCK
    kinds: tuple[str, ...] = ()      # block kinds read (empty: every kind with text)
    footnotes: bool = False          # also reads footnote texts
    english: bool = False            # needs the English rule data
    doc: str = ""

    def applies(self, kind: str, language: str) -> bool:
        return (not self.kinds or kind in self.kinds) and (not self.english or language == "en")


REGISTRY: list[Rule] = []


def rule(rule_id: str, *, scope: str = BLOCK, kinds: tuple[str, ...] = (), footnotes: bool = False,
         english: bool = False):
    """Register the decorated function as rule `rule_id` (its docstring cites the Editorial Manual)."""

    def register(function: Callable) -> Callable:
        REGISTRY.append(Rule(rule_id, function, scope, kinds, footnotes, english, function.__doc__ or ""))
        return function

    return register

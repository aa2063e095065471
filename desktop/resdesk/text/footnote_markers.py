"""How a footnote's marker is printed: "1", or in parentheses, "(1)", in Arabic, as the UN writes it.

The text keeps no parentheses (an Arabic file's "(" and ")" around a marker are dropped on import):
every export puts them back around the marker it prints.
"""

from __future__ import annotations

# Languages whose footnote markers stand in parentheses (a UN convention, kept here until the UN's
# conventions have one home).
BRACKETED_MARKER_LANGUAGES = frozenset({"ar"})


def marker_brackets(language: str) -> tuple[str, str]:
    """("(", ")") around a footnote marker in Arabic; ("", "") elsewhere."""
    return ("(", ")") if language in BRACKETED_MARKER_LANGUAGES else ("", "")


def printed_marker(number: str, language: str) -> str:
    """"(1)" in Arabic, "1" elsewhere."""
    before, after = marker_brackets(language)
    return f"{before}{number}{after}"

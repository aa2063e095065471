"""What an importer keeps of the opening phrase a file marks (italic; bold in Chinese, bold italic in
Arabic): an `opening` mark, only where the lexicon would find another phrase, so that texts the
lexicon reads right store nothing. `resdesk.un.phrases.opening_extent` lets the mark win.
"""

from __future__ import annotations

from resdesk.text.inline import OPENING, Mark
from resdesk.un.phrases import KINDS, opening_phrase


def opening_marks(text: str, phrase: str | None, kind: str, language: str = "en") -> list[Mark]:
    """An `opening` mark over `phrase` (a prefix of `text`, as `un.phrases.marked_phrase` reads it)
    when the lexicon would find another phrase; else nothing (also for None: the paragraph marks no
    phrase, or a plainly broken one)."""
    if phrase is None or kind not in KINDS or not text.startswith(phrase):
        return []
    if phrase == opening_phrase(text, kind, language):
        return []
    return [Mark(OPENING, 0, len(phrase))]

"""Rules on footnotes referred to more than once (all languages).

Editorial Manual, "Footnotes and other references", V "Repeated references": in a resolution a source
is referenced once, the first time it is mentioned. How a reference that must be repeated is written
changed (V.A "Repeated footnote references", "in a change from past practice"): texts of the
seventy-fourth session (2019) on give it a new footnote with the identical text and never repeat a
footnote number; earlier texts, such as the 2013 seed draft, referred to the same footnote again. The
rule follows the practice of the text's own date (or session), the current one when it has neither;
the change's date is in `resources/check/en.toml`.
"""

from __future__ import annotations

from collections.abc import Iterator

from resdesk.check.context import Context, rule_data
from resdesk.check.findings import Hit
from resdesk.check.rule import DOCUMENT, rule
from resdesk.text.inline import footnote_anchors
from resdesk.un.numerals import ordinal_word

_SESSIONS = {ordinal_word(number): number for number in range(1, 121)}


def session_number(session: str) -> int | None:
    """"Sixty-eighth session" -> 68 (English names only); None when it cannot tell."""
    words = session.lower().split()
    return _SESSIONS.get(words[0]) if words else None


def current_practice(context: Context) -> bool:
    """Whether the text falls under the current practice (a new footnote for a repeated reference)."""
    footnotes = rule_data("en")["footnotes"]
    meta = context.document.meta
    if meta.date:
        return meta.date >= footnotes["current_practice_from"]
    number = session_number(meta.session)
    if number is not None:
        return number >= footnotes["current_practice_session"]
    return True


def _anchors_in_order(context: Context) -> Iterator[tuple[str, str, int]]:
    """(block id, footnote id, offset) of every footnote anchor, in reading order."""
    for block in context.document.all_blocks():
        if block.marks:
            for anchor in footnote_anchors(block.marks):
                yield block.id, anchor.target, anchor.start


@rule("footnote-repeated", scope=DOCUMENT)
def repeated_footnote(context: Context) -> Iterator[tuple[str, Hit]]:
    """A reference that must be repeated: under the current practice a new footnote with the identical text,
    never the same footnote number again; under the earlier practice one footnote referred to again, never
    two footnotes with the same text (Editorial Manual, "Footnotes and other references", V.A "Repeated
    footnote references")."""
    markers: dict[str, str] = {}
    if current_practice(context):
        seen: set[str] = set()
        for block_id, note, offset in _anchors_in_order(context):
            if note in seen:
                markers = markers or context.document.footnote_markers()
                yield block_id, Hit("footnote-repeated", f"Footnote {markers.get(note, '?')} is referred to "
                                    "again: a resolution repeats no footnote number; give this reference a new "
                                    "footnote with the same text.", offset, offset)
            seen.add(note)
        return
    first_with_text: dict[str, str] = {}
    for block_id, note, offset in _anchors_in_order(context):
        footnote = context.document.footnotes.get(note)
        if footnote is None:
            continue
        text = " ".join(footnote.text.split())
        earlier = first_with_text.setdefault(text, note)
        if earlier != note:
            markers = markers or context.document.footnote_markers()
            yield block_id, Hit("footnote-repeated", f"Footnote {markers.get(note, '?')} repeats footnote "
                                f"{markers.get(earlier, '?')} (“{text}”): refer to footnote "
                                f"{markers.get(earlier, '?')} again instead.", offset, offset)



"""Finding a replacement's words again after the text around them changed.

Used when a revision applies other amendments to the paragraph, and when the
pen-holder edits the text directly ("edit text" mode). The changes made are
given as (start, end, new length) in the old text; the amendment's old start
is mapped through them, and its old words are looked for again, nearest to
where they should now be. Words that were themselves changed, or that occur
no more, make the amendment stale.
"""

from __future__ import annotations

import re

from resdesk.model.amendment import Amendment

Change = tuple[int, int, int]  # start, end (in the old text), length of what replaced them


def mapped_offset(offset: int, changes: list[Change]) -> int:
    """Where `offset` of the old text lands once `changes` are made."""
    shift = 0
    for start, end, length in changes:
        if end <= offset and not (start == end == offset):
            shift += length - (end - start)
    return offset + shift


def refind(amendment: Amendment, text: str, changes: list[Change]) -> bool:
    """Move a replacement's offsets onto `text` (the new text); False when its words are gone."""
    if any(start < amendment.end and amendment.start < end or (start == end and amendment.start < start
                                                                < amendment.end) for start, end, _ in changes):
        return False
    expected = mapped_offset(amendment.start, changes)
    if amendment.old:
        places = [m.start() for m in re.finditer(re.escape(amendment.old), text)]
        if not places:
            return False
        start = min(places, key=lambda place: (abs(place - expected), place))
    else:
        start = expected
        if start > len(text):
            return False
    amendment.start, amendment.end = start, start + len(amendment.old)
    return True

"""The markup view for a terminal (`resdesk outline DOC --view markup`).

Deleted words are shown as [-words-], inserted ones as {+words+}, each
followed by the proposer's short name: "to [-continue to-]{+further+}⟨EU a1⟩".
Block-level proposals say so after the label ("OP7  [deleted: G77 a4]").
"""

from __future__ import annotations

import textwrap

from resdesk.views.markup import ALTERNATIVE_TEXT, DELETE, INSERT, INSERTED, NORMAL, Markup

LABEL_WIDTH = 16


def _segments_text(record, short: dict[str, str]) -> str:
    if record.state in (INSERTED, ALTERNATIVE_TEXT):  # the whole text is the proposal, said in the note
        return record.new_text()
    out = []
    for segment in record.segments:
        tag = f"⟨{short.get(segment.author, segment.author)} {segment.amendment}⟩" if segment.amendment else ""
        if segment.op == DELETE:
            out.append(f"[-{segment.text}-]{tag}")
        elif segment.op == INSERT:
            out.append(f"{{+{segment.text}+}}{tag}")
        else:
            out.append(segment.text)
    return "".join(out)


def markup_text(view: Markup, short: dict[str, str], width: int = 100,
                notes: dict[str, list[tuple[int, str]]] | None = None) -> str:
    """The markup as wrapped lines of text, one paragraph per block record; `notes` by block id (its
    comments, see `resdesk.views.comment_text`) under the first record of that block."""
    lines: list[str] = []
    pending = dict(notes or {})
    for record in view.blocks:
        note = ""
        if record.state != NORMAL:
            note = f"[{record.state}: {short.get(record.author, record.author)} {record.amendment}] "
        if record.collisions:
            note += f"[collides: {', '.join(record.collisions)}] "
        body = note + _segments_text(record, short)
        wrapped = textwrap.wrap(body, width - LABEL_WIDTH) or [""]
        lines.append(f"{record.label:<{LABEL_WIDTH}}{wrapped[0]}")
        lines.extend(" " * LABEL_WIDTH + line for line in wrapped[1:])
        for depth, text in pending.pop(record.id, ()):
            indent = " " * (LABEL_WIDTH + 2 * depth)
            lines.extend(indent + line for line in textwrap.wrap(text, width - len(indent)) or [""])
        lines.append("")
    return "\n".join(lines)

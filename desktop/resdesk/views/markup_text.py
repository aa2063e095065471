"""The markup view for a terminal (`resdesk outline DOC --view markup`).

Deleted words are shown as [-words-], inserted ones as {+words+}, each
followed by the proposer's short name: "to [-continue to-]{+further+}⟨EU a1⟩".
Block-level proposals say so after the label ("OP7  [deleted: G77 a4]"). A footnote anchor a proposal
adds or takes out reads {+[footnote 3]+} or [-[footnote 3]-]; a footnote whose text a proposal changes
follows its paragraph, its words marked the same way ("footnote 3: Resolution [-77/1-]{+78/2+}⟨EU a5⟩").
"""

from __future__ import annotations

import textwrap

from resdesk.views.markup import ALTERNATIVE_TEXT, DELETE, INSERT, INSERTED, NORMAL, Markup

LABEL_WIDTH = 16


def _segments_text(segments, short: dict[str, str], markers: dict[str, str]) -> str:
    out = []
    for segment in segments:
        tag = f"⟨{short.get(segment.author, segment.author)} {segment.amendment}⟩" if segment.amendment else ""
        text = segment.text or "".join(f"[footnote {markers.get(m.target, '')}]" for m in segment.marks)
        if segment.op == DELETE:
            out.append(f"[-{text}-]{tag}")
        elif segment.op == INSERT:
            out.append(f"{{+{text}+}}{tag}")
        else:
            out.append(text)
    return "".join(out)


def markup_text(view: Markup, short: dict[str, str], width: int = 100,
                notes: dict[str, list[tuple[int, str]]] | None = None) -> str:
    """The markup as wrapped lines of text, one paragraph per block record; `notes` by block id (its
    comments, see `resdesk.views.comment_text`) under the first record of that block."""
    lines: list[str] = []
    pending = dict(notes or {})
    markers = view.footnote_markers()
    changed = dict(view.footnotes)
    for record in view.blocks:
        note = ""
        if record.state != NORMAL:
            note = f"[{record.state}: {short.get(record.author, record.author)} {record.amendment}] "
        if record.collisions:
            note += f"[collides: {', '.join(record.collisions)}] "
        # a proposed paragraph's whole text is the proposal, said in the note
        whole = record.state in (INSERTED, ALTERNATIVE_TEXT)
        body = note + (record.new_text() if whole else _segments_text(record.segments, short, markers))
        wrapped = textwrap.wrap(body, width - LABEL_WIDTH) or [""]
        lines.append(f"{record.label:<{LABEL_WIDTH}}{wrapped[0]}")
        lines.extend(" " * LABEL_WIDTH + line for line in wrapped[1:])
        for mark in (m for s in record.segments for m in s.marks):
            if mark.target in changed:
                footnote = changed.pop(mark.target)
                text = f"footnote {markers.get(mark.target, '')}: {_segments_text(footnote.segments, short, markers)}"
                lines.extend(" " * LABEL_WIDTH + line for line in textwrap.wrap(text, width - LABEL_WIDTH))
        for depth, text in pending.pop(record.id, ()):
            indent = " " * (LABEL_WIDTH + 2 * depth)
            lines.extend(indent + line for line in textwrap.wrap(text, width - len(indent)) or [""])
        lines.append("")
    return "\n".join(lines)

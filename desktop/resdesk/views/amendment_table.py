"""The amendment list for a person (`resdesk amendments DOC`): one line per amendment, in order of entry.

A decided vote is given after the instruction in the UN's words ("rejected by 58 votes to 92, with 21
abstentions"); a sub-amendment's instruction names the amendment it amends.
"""

from __future__ import annotations

COLUMNS = ("id", "label", "delegation", "status", "instruction", "outcome", "collisions")


def amendment_table(items: list[dict], short: dict[str, str]) -> str:
    """`items` are the objects of `resdesk.views.outline.amendment_list`; delegations by short name."""
    rows = [COLUMNS]
    for item in items:
        status = item["status"] + (", stale" if item["stale"] else "")
        collisions = "collides with " + ", ".join(item["collides_with"]) if item["collides_with"] else ""
        outcome = item["vote"]["outcome"] if item.get("vote") else ""
        rows.append((item["id"], item["label"] or item["target"], short.get(item["author"], item["author"]),
                     status, item["instruction"], outcome, collisions))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        cells = [text.ljust(width) for text, width in zip(row[:4], widths, strict=True)] + [c for c in row[4:] if c]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"

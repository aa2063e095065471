"""The amendment list for a person (`resdesk amendments DOC`): one line per amendment, in order of entry."""

from __future__ import annotations

COLUMNS = ("id", "label", "delegation", "status", "instruction", "collisions")


def amendment_table(items: list[dict], short: dict[str, str]) -> str:
    """`items` are the objects of `resdesk.views.outline.amendment_list`; delegations by short name."""
    rows = [COLUMNS]
    for item in items:
        status = item["status"] + (", stale" if item["stale"] else "")
        collisions = "collides with " + ", ".join(item["collides_with"]) if item["collides_with"] else ""
        rows.append((item["id"], item["label"] or item["target"], short.get(item["author"], item["author"]),
                     status, item["instruction"], collisions))
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = []
    for row in rows:
        cells = [text.ljust(width) for text, width in zip(row[:4], widths, strict=True)] + list(row[4:])
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"

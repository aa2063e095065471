"""The voting order as JSON and for a person (`resdesk voting-order DOC [--json]`; the window's Voting panel).

The JSON:

    {"version": "original", "hand_made": false,
     "order": [{"number": 1, "rule_number": 1, "id": "a4", "label": "OP7", "author": "United States",
                "status": "proposed", "kind": "delete-block", "instruction": "Delete operative paragraph 7",
                "amends": "", "collides_with": ["a9"]}],
     "left_out": [{"id": "a7", "reason": "stale: the words or the paragraph it amends are gone"}]}

`rule_number` is the amendment's place in the order of rule 90; it differs from `number` where the chair
rearranged the order by hand (`hand_made`). Each item's fields are those of the amendment list
(`resdesk.views.outline.amendment_list`).
"""

from __future__ import annotations

from resdesk.amend.voting import VotingOrder
from resdesk.model.document import Document
from resdesk.views.outline import amendment_list

_FIELDS = ("id", "label", "author", "status", "kind", "instruction", "amends", "collides_with")


def voting_order_json(document: Document, amendments: list, order: VotingOrder) -> dict:
    details = {item["id"]: item for item in amendment_list(document, amendments, [])}
    return {
        "version": document.version,
        "hand_made": order.hand_made,
        "order": [{"number": item.number, "rule_number": item.rule_number,
                   **{key: details[item.amendment.id][key] for key in _FIELDS}} for item in order.items],
        "left_out": [{"id": ident, "reason": reason} for ident, reason in order.left_out],
    }


def voting_order_text(data: dict, short: dict[str, str]) -> str:
    """One line per amendment in voting order: its place (and its place by the rule, when the chair moved it),
    id, label, delegation (short name) and instruction; then those left out, with the reason."""
    version = data["version"]
    if not data["order"]:
        lines = [f"No amendment of {version} is still to be decided."]
    elif data["hand_made"]:
        lines = [f"Voting order of {version}, as set by hand (rule 90's place in brackets):"]
    else:
        lines = [f"Voting order of {version} (rule 90: furthest removed first, sub-amendments before the "
                 "amendment they amend):"]
    rows = []
    for item in data["order"]:
        place = f"{item['number']}." + (f" [{item['rule_number']}]" if item["number"] != item["rule_number"] else "")
        rows.append((place, item["id"], item["label"], short.get(item["author"], item["author"]),
                     item["instruction"]))
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(4)]
    for row in rows:
        cells = [text.ljust(width) for text, width in zip(row[:4], widths, strict=True)]
        lines.append("  ".join([*cells, row[4]]).rstrip())
    for item in data["left_out"]:
        lines.append(f"Not voted on: {item['id']}, {item['reason']}.")
    return "\n".join(lines) + "\n"

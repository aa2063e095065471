"""Metadata as text (`resdesk meta DOC`) and parsing of `--set KEY=VALUE`."""

from __future__ import annotations

from dataclasses import asdict

from resdesk.errors import UserError
from resdesk.model.document import Document, Meta
from resdesk.un.dates import parse_date
from resdesk.un.sponsors import join_sponsors, split_sponsors

_FIELDS = tuple(asdict(Meta()).keys())


def format_meta(document: Document) -> str:
    values = asdict(document.meta)
    values["sponsors"] = join_sponsors(document.meta.sponsors, document.meta.language)
    width = max(len(key) for key in _FIELDS)
    lines = [f"{key.ljust(width)}  {values[key]}" for key in _FIELDS]
    lines.append(f"{'version'.ljust(width)}  {document.version}")
    return "\n".join(lines) + "\n"


def parse_assignments(assignments: list[str], language: str = "en", known: tuple[str, ...] = ()) -> dict:
    """`["symbol=A/C.3/68/L.5", "sponsors=Andorra, Brazil"]` -> field values, checked (sponsors listed as
    in the document's `language`, the `known` delegation names kept whole)."""
    changes: dict = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key = key.strip()
        if not sep:
            raise UserError(f"{assignment!r} is not KEY=VALUE (for example symbol=A/C.3/68/L.5).")
        if key not in _FIELDS:
            raise UserError(f"{key!r} is not a metadata field (known: {', '.join(_FIELDS)}).")
        value = value.strip()
        if key == "sponsors":
            changes[key] = split_sponsors(value.replace(";", ","), language, known)
        elif key == "date":
            changes[key] = parse_date(value) if value else ""
        else:
            changes[key] = value
    return changes

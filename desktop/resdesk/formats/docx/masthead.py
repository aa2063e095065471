"""Masthead facts of a Word file from the paragraphs before the enacting formula (ours or the Secretariat's).

Our exports name each masthead paragraph's fact in a hidden bookmark; other files are read line
by line with THE masthead reader (`resdesk.un.masthead`), tab-separated pieces as separate lines.
An adopted resolution's number stands before its title, a tab between them ("76/153.<tab>The …").
"""

from __future__ import annotations

import re

from resdesk.model.document import Meta
from resdesk.un.dates import read_date
from resdesk.un.masthead import MastheadReader, adoption_line_date, canonical_organ, read_agenda, read_line
from resdesk.un.sponsors import read_sponsor_line
from resdesk.un.symbols import find_symbol

JOB_NUMBER = re.compile(r"\b(\d{2}-\d{5})\b")
HINT = "_RDm_"
#: The facts our bookmarks name, as `Meta` fields (those whose text is the value itself are not listed).
_FIELDS = {"agendatitle": "agenda_title", "agenda": "agenda_item", "original": "original_language",
           "adoption": "adoption_line", "report": "report_line", "number": "resolution_number"}


def _job_number(texts: list[str]) -> str:
    for text in texts:
        match = JOB_NUMBER.search(text)
        if match:
            return match.group(1)
    return ""


def _hinted_value(fact: str, text: str) -> object:
    """The value of the fact our own masthead bookmark names, from its paragraph's text."""
    if fact == "symbol":
        return text.split("\t")[-1].strip()
    if fact == "organ":
        return canonical_organ(text)
    if fact == "date":
        return read_date(text)
    if fact == "agenda":
        return read_agenda(text) or text
    if fact == "sponsors":
        line = read_sponsor_line(text)
        return line.names if line else [text]
    if fact in ("distribution", "original"):
        found = read_line(text)
        return found[1] if found else text
    if fact == "title":
        return text.split("\t")[-1].strip()
    if fact == "number":  # the title's paragraph: the number before its tab
        return text.split("\t")[0].strip().rstrip(".") if "\t" in text else ""
    return text


def read_masthead(paragraphs: list[tuple[str, list[str]]], extra_text: list[str]) -> Meta:
    """Meta from the paragraphs (text, bookmark names) before the formula; `extra_text` is header/footer text."""
    meta = Meta(organ="")
    hinted = [(text.strip(), [n[len(HINT):] for n in names if n.startswith(HINT)]) for text, names in paragraphs]
    if any(facts for _, facts in hinted):
        for text, facts in hinted:
            for fact in facts:
                setattr(meta, _FIELDS.get(fact, fact), _hinted_value(fact, text))
        meta.adoption_date = read_date(adoption_line_date(meta.adoption_line) or "")
    else:
        reader = MastheadReader()
        for text, _ in paragraphs:
            for piece in text.split("\t"):
                reader.feed(piece)
        for field, value in reader.result().items():
            setattr(meta, field, value)
    # our exports print the symbol in page 1's header, with "United Nations"
    meta.symbol = meta.symbol or next(filter(None, map(find_symbol, extra_text)), "")
    meta.organ = meta.organ or "General Assembly"
    meta.job_number = _job_number(extra_text)
    return meta

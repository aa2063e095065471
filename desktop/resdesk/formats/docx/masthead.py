"""Masthead facts from the lines before the enacting formula of a UN document (ours or the Secretariat's)."""

from __future__ import annotations

import re

from resdesk.errors import UserError
from resdesk.formats.adoption_lines import adoption_date_words, is_adoption_line, is_report_line, report_committee
from resdesk.model.document import Meta
from resdesk.text.dates import parse_date

ORGANS = ("General Assembly", "Economic and Social Council", "Security Council", "Human Rights Council")
LANGUAGE_CODES = {"English": "en", "French": "fr", "Spanish": "es", "Arabic": "ar", "Chinese": "zh", "Russian": "ru"}
SYMBOL = re.compile(r"\b((?:[A-Z]{1,8})(?:/[A-Za-z0-9.()\-]+){1,8})")
SPONSOR_LINE = re.compile(r"^(.+?):\s+(?:revised\s+)?draft\s+resolution\.?$", re.IGNORECASE)
JOB_NUMBER = re.compile(r"\b(\d{2}-\d{5})\b")
RESOLUTION_NUMBER = re.compile(r"\d{1,3}/\d{1,4}\.")  # "76/153." before an adopted resolution's title
# Country names that contain " and ", so a sponsor list is not cut inside them.
COMPOUND_NAMES = ("Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
                  "Saint Vincent and the Grenadines", "Sao Tome and Principe", "São Tomé and Príncipe",
                  "Trinidad and Tobago", "Heard Island and McDonald Islands", "United Kingdom of Great Britain and "
                  "Northern Ireland")


def split_sponsors(names: str) -> list[str]:
    """"Andorra, Brazil and Trinidad and Tobago" -> ["Andorra", "Brazil", "Trinidad and Tobago"]."""
    protected = names
    for index, compound in enumerate(COMPOUND_NAMES):
        protected = protected.replace(compound, f"\x00{index}\x00")
    parts = [part.strip() for part in protected.split(", ")]
    if " and " in parts[-1]:
        head, tail = parts[-1].rsplit(" and ", 1)
        parts[-1:] = [head.strip(), tail.strip()]
    result = []
    for part in parts:
        for index, compound in enumerate(COMPOUND_NAMES):
            part = part.replace(f"\x00{index}\x00", compound)
        if part:
            result.append(part)
    return result


def _job_number(texts: list[str]) -> str:
    for text in texts:
        match = JOB_NUMBER.search(text)
        if match:
            return match.group(1)
    return ""


def date_or_empty(line: str) -> str:
    """The ISO date a line such as "16 December 2021" is, or ""."""
    try:
        return parse_date(line)
    except UserError:
        return ""


HINT = "_RDm_"
ORIGINAL_PREFIX = re.compile(r"^[^:]*:\s*")


def _hinted_fact(meta: Meta, fact: str, text: str) -> None:
    """Set the fact named by our own masthead bookmark from its paragraph's text."""
    if fact == "symbol":
        meta.symbol = text.split("\t")[-1].strip()
    elif fact == "organ":
        meta.organ = text
    elif fact == "distribution":
        meta.distribution = ORIGINAL_PREFIX.sub("", text)
    elif fact == "date":
        meta.date = date_or_empty(text)
    elif fact == "original":
        name = ORIGINAL_PREFIX.sub("", text)
        meta.original_language = LANGUAGE_CODES.get(name, name.lower()[:2])
    elif fact == "session":
        meta.session = text
    elif fact == "committee":
        meta.committee = text
    elif fact == "agenda":
        meta.agenda_item = re.sub(r"^Agenda items?\s+", "", text)
    elif fact == "agendatitle":
        meta.agenda_title = text
    elif fact == "sponsors":
        match = SPONSOR_LINE.match(text)
        meta.sponsors = split_sponsors(match.group(1)) if match else [text]
    elif fact == "note":
        meta.note = text
    elif fact == "title":
        meta.title = text.split("\t")[-1].strip()  # an adopted resolution's number stands before a tab
    elif fact == "number":
        meta.resolution_number = text.split("\t")[0].strip().rstrip(".") if "\t" in text else ""
    elif fact == "adoption":
        meta.adoption_line = text
        meta.adoption_date = date_or_empty(adoption_date_words(text))
    elif fact == "report":
        meta.report_line = text


def read_masthead(paragraphs: list[tuple[str, list[str]]], extra_text: list[str]) -> Meta:
    """Meta from the paragraphs (text, bookmark names) before the formula; `extra_text` is header/footer text.

    Paragraphs of our own exports name their fact in a hidden bookmark; other
    files are read line by line (tab-separated pieces as separate lines).
    """
    hinted = [(text.strip(), [n[len(HINT):] for n in names if n.startswith(HINT)]) for text, names in paragraphs]
    if any(facts for _, facts in hinted):
        meta = Meta(organ="")
        for text, facts in hinted:
            for fact in facts:
                _hinted_fact(meta, fact, text)
        meta.organ = meta.organ or "General Assembly"
        meta.job_number = _job_number(extra_text)
        return meta
    lines = [piece.strip() for text, _ in paragraphs for piece in text.split("\t") if piece.strip()]
    meta = Meta(organ="")
    used: set[int] = set()
    for index, line in enumerate(lines[:6]):
        if line.startswith("United Nations"):
            used.add(index)
        match = SYMBOL.search(line)
        if match and not meta.symbol and index < 4:
            meta.symbol = match.group(1)
            used.add(index)
    if not meta.symbol:
        for text in extra_text:
            match = SYMBOL.search(text)
            if match:
                meta.symbol = match.group(1)
                break
    meta.job_number = _job_number(extra_text)
    title_candidates: list[int] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index in used:
            index += 1
            continue
        if line in ORGANS and not meta.organ:
            meta.organ = line
        elif line.startswith("Distr.:") or line.startswith("Distr. :"):
            meta.distribution = line.split(":", 1)[1].strip()
        elif line.startswith("Original:"):
            name = line.split(":", 1)[1].strip()
            meta.original_language = LANGUAGE_CODES.get(name, name.lower()[:2])
        elif not meta.date and date_or_empty(line):
            meta.date = date_or_empty(line)
        elif line.endswith(" session") and not meta.session:
            meta.session = line
        elif (line.endswith("Committee") or line == "Plenary") and not meta.committee:
            meta.committee = line
        elif re.match(r"^Agenda items?\s+", line):
            meta.agenda_item = re.sub(r"^Agenda items?\s+", "", line)
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and not SPONSOR_LINE.match(following) and following != "Note by the Secretariat" \
                    and not is_adoption_line(following) and not is_report_line(following):
                meta.agenda_title = lines[index + 1]
                index += 1
        elif is_adoption_line(line):
            meta.adoption_line = line
            meta.adoption_date = date_or_empty(adoption_date_words(line))
        elif is_report_line(line):
            meta.report_line = line
            meta.committee = meta.committee or report_committee(line)
        elif RESOLUTION_NUMBER.fullmatch(line):
            meta.resolution_number = line.rstrip(".")
        elif SPONSOR_LINE.match(line):
            meta.sponsors = split_sponsors(SPONSOR_LINE.match(line).group(1))
        elif line == "Note by the Secretariat":
            if index + 1 < len(lines):
                meta.note = lines[index + 1]
                index += 1
        else:
            title_candidates.append(index)
        index += 1
    if title_candidates:
        meta.title = lines[title_candidates[-1]]
    meta.organ = meta.organ or "General Assembly"
    return meta

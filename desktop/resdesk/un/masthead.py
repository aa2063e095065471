"""The masthead, the session block and the lines up to the enacting formula, in the six languages:
THE reader of those lines (for the text, Word and AKN importers) and the words exporters write.
Also an adopted resolution's lines around its text: "Resolution adopted by the General Assembly on
16 December 2021", the report line "[on the report of the Third Committee (A/76/462, para. 11)]",
its number before its title ("76/153. The human rights …"), and the closing "53rd plenary meeting"
over "16 December 2021".

Facts are named as `resdesk.model.document.Meta` names them (this package sits below the model):
symbol, organ, distribution, date, original_language, session, committee, agenda_item,
agenda_title, sponsors, note, title, adoption_line, adoption_date, report_line, resolution_number,
meeting, meeting_date. The organ is kept by its English name ("General Assembly") and written in the
document's language; dates are ISO; the original language is a code; an adopted resolution's lines
are kept as the UN words them.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from resdesk.un.dates import format_date, read_date
from resdesk.un.languages import COMMAS, LANGUAGES, code_of, language
from resdesk.un.sponsors import read_sponsor_line
from resdesk.un.symbols import RESOLUTION_NUMBER, is_symbol

_ORGANS = {own: english for lang in LANGUAGES.values() for english, own in lang.organs.items()}
_TATWEEL = "\u0640"  # stretches Arabic words for layout ("الأمــم المتحـدة"): not part of them
_PUBLISHERS = {lang.united_nations.replace(_TATWEEL, "") for lang in LANGUAGES.values()}
_LANGUAGE_NAMES = {name for lang in LANGUAGES.values() for name in (lang.own_name, *lang.language_names.values())}
_NOTES = {lang.note_by_the_secretariat for lang in LANGUAGES.values()} | {"Note by the Secretary-General"}
_ORGAN_LANGUAGE = {own: code for code, lang in LANGUAGES.items() for own in lang.organs.values()}


class _Patterns(NamedTuple):
    distribution: re.Pattern
    original: re.Pattern
    sessions: list[re.Pattern]
    committees: list[re.Pattern]
    agendas: list[re.Pattern]
    formulas: list[tuple[str, re.Pattern]]
    article: re.Pattern
    annex: re.Pattern
    meetings: list[re.Pattern]
    adoption_lines: list[re.Pattern]
    report_committees: list[re.Pattern]


def _format_pattern(text: str) -> re.Pattern:
    head, tail = (re.escape(part) for part in text.split("{}"))
    return re.compile(rf"{head}(?P<item>\S.*?){tail}")


@cache
def _patterns() -> _Patterns:
    """The patterns of masthead lines, compiled on first use (`resdesk outline` starts without them)."""
    languages = LANGUAGES.values()
    return _Patterns(
        distribution=re.compile(r"Distr\.\s*:?\s*(\S.*)"),
        original=re.compile(r"Original\s*:\s*(\S+)"),
        sessions=[re.compile(lang.session, re.IGNORECASE) for lang in languages],
        committees=[re.compile(pattern) for pattern in (
            *(lang.committee for lang in languages),
            r"(?:[A-Z][\w’'-]*(?: and)? )+Committee(?: \([A-Z][a-z]+ Committee\))?", "Plenary")],
        agendas=[_format_pattern(form) for lang in languages for form in (lang.agenda_items, lang.agenda_item)]
        + [re.compile(r"البند(?:ان)?\s+(?P<item>\S.*?)\s+من جدول الأعمال")],  # also the dual: "items" (two)
        formulas=[(code, re.compile(lang.formula_pattern)) for code, lang in LANGUAGES.items()],
        article=re.compile(r"^(?:The |L['’]|La |El |إن )"),
        annex=re.compile(rf"(?:{'|'.join(lang.annex for lang in languages)})(?:\s+[IVXLC\d]+)?"),
        meetings=[re.compile(lang.plenary_meeting) for lang in languages],
        adoption_lines=[re.compile(lang.adoption_line) for lang in languages],
        report_committees=[re.compile(lang.committee) for lang in languages],
    )


#: No enacting formula is longer (in characters): longer lines need not be read as one.
MAX_FORMULA_LENGTH = 80
#: "76/153." on a line of its own (a Word file's title block puts a tab after it).
_NUMBER_LINE = re.compile(rf"(?P<number>{RESOLUTION_NUMBER})\.")
#: The dash the Arabic files put between a resolution's number and its title ("75/100. - …").
_NUMBER_DASH = r"[-\u2013\u2014]\s*"
#: "76/153. The human rights …"; the Arabic files write "75/100. - …" or "78/226 …".
_NUMBERED_TITLE = re.compile(rf"(?P<number>{RESOLUTION_NUMBER})\.?\s+(?:{_NUMBER_DASH})?(?P<title>\S.*)")
#: A closing's date is short and has a year.
_MAX_CLOSING_DATE = 40


def canonical_organ(name: str) -> str:
    """An organ's English name ("Assemblée générale" -> "General Assembly"); other names as they are."""
    name = " ".join(name.split())
    return _ORGANS.get(name, name)


def read_agenda(text: str) -> str:
    """What "Agenda item(s) …" says in any of the six languages ("107", "13 and 117", "72 b)"), or ""."""
    text = " ".join(text.split())
    for pattern in _patterns().agendas:
        match = pattern.fullmatch(text)
        if match:
            return match.group("item")
    return ""


def read_line(text: str) -> tuple[str, object] | None:
    """(fact, value) of a masthead line in any of the six languages, or None if it is not one (a title,
    say). The facts are `Meta` fields, and "publisher" ("United Nations") and "language" (the line naming
    the text's language above "Original:"), which carry nothing to keep. A symbol may follow "United
    Nations"."""
    text = " ".join(text.replace(_TATWEEL, "").split())
    if not text:
        return None
    if text in _PUBLISHERS:
        return "publisher", None
    if text in _ORGANS:
        return "organ", _ORGANS[text]
    if adoption_line_date(text) is not None:
        return "adoption_line", text
    if is_report_line(text):
        return "report_line", text
    if match := _NUMBER_LINE.fullmatch(text):
        return "resolution_number", match.group("number")
    without_publisher = next((text[len(p) + 1:] for p in _PUBLISHERS if text.startswith(p + " ")), text)
    if is_symbol(without_publisher):
        return "symbol", without_publisher
    if date := read_date(text):
        return "date", date
    if text in _LANGUAGE_NAMES:
        return "language", code_of(text)
    if text in _NOTES:
        return "note", None
    patterns = _patterns()
    if match := patterns.distribution.fullmatch(text):
        return "distribution", match.group(1)
    if match := patterns.original.fullmatch(text):
        return "original_language", code_of(match.group(1))
    if item := read_agenda(text):
        return "agenda_item", item
    if any(pattern.fullmatch(text) for pattern in patterns.sessions):
        return "session", text
    if any(pattern.fullmatch(text) for pattern in patterns.committees):
        return "committee", text
    if line := read_sponsor_line(text):
        return "sponsors", line.names
    return None


def formula_language(text: str) -> str | None:
    """The language of an enacting formula ("The General Assembly," -> "en"), None if `text` is not one."""
    text = " ".join(text.split())
    if len(text) > MAX_FORMULA_LENGTH:
        return None
    text = re.sub(rf"\s+(?=[{COMMAS}]$)", "", text)
    for code, pattern in _patterns().formulas:
        if pattern.fullmatch(text):
            return code
    return _ORGAN_LANGUAGE.get(text[:-1]) if text[-1:] in COMMAS else None  # no article: "General Assembly,"


def formula_organ(formula: str) -> str:
    """The English name of the organ an enacting formula names ("L’Assemblée générale," -> "General
    Assembly"), or "" when it is none we know."""
    name = _patterns().article.sub("", " ".join(formula.split())).rstrip(" " + COMMAS)
    return _ORGANS.get(name, "")


def is_plenary_meeting(text: str) -> bool:
    """Whether a line is the meeting that adopted the resolution ("50th plenary meeting"), which closes it."""
    text = " ".join(text.split())
    return any(pattern.fullmatch(text) for pattern in _patterns().meetings)


def adoption_line_date(text: str) -> str | None:
    """The date that ends (in Chinese, opens) the line saying when a resolution was adopted, as written
    ("16 December 2021" of "Resolution adopted by the General Assembly on 16 December 2021"); None for any
    other line."""
    text = " ".join(text.split())
    for pattern in _patterns().adoption_lines:
        if match := pattern.fullmatch(text):
            return match.group("date")
    return None


def is_report_line(text: str) -> bool:
    """Whether a line is an adopted resolution's report line, which stands in square brackets: "[on the report
    of the Third Committee (A/76/462)]", "[without reference to a Main Committee (A/76/L.2)]"."""
    text = text.strip()
    return len(text) > 2 and text[0] == "[" and text[-1] == "]"


def report_committee(text: str) -> str:
    """The Main Committee a report line names ("Third Committee"), "" when it names none (a resolution adopted
    without reference to a Main Committee)."""
    text = " ".join(text.split())
    found = [match for pattern in _patterns().report_committees if (match := pattern.search(text))]
    return min(found, key=lambda match: match.start()).group() if found else ""


def read_numbered_title(text: str) -> tuple[str, str]:
    """("76/153", "The human rights …") for an adopted resolution's "76/153. The human rights …"; ("", text)
    for a title without a resolution number."""
    match = _NUMBERED_TITLE.fullmatch(text.strip())
    return (match.group("number"), match.group("title")) if match else ("", text)


def title_after_number(title: str) -> str:
    """A title as it stands after the resolution's number, without the dash the Arabic files put between them."""
    return re.sub(rf"^{_NUMBER_DASH}", "", title.strip())


def split_closing(text: str) -> tuple[str, str] | None:
    """(meeting, date) of an adopted resolution's closing written on one line ("53rd plenary meeting 16 December
    2021"); the date is "" when the line has the meeting alone; None for any other line."""
    text = " ".join(text.split())
    for pattern in _patterns().meetings:
        if match := pattern.match(text):
            date = text[match.end():].strip()
            if date and (len(date) > _MAX_CLOSING_DATE or not re.search(r"\d{4}", date)):
                return None
            return match.group(), date
    return None


def stands_alone(text: str) -> bool:
    """Whether a line is one of the masthead's own (or the formula), never part of a longer paragraph."""
    return read_line(text) is not None or formula_language(text) is not None


class MastheadReader:
    """Reads the lines before the enacting formula in order and says what they are.

    A masthead line gives its fact (the first of each kind counts); the line after "Agenda item …"
    that is no masthead line is the agenda item's title, the one after "Note by the Secretariat" the
    note; of the other lines, the last is the title.
    """

    def __init__(self):
        self.facts: dict[str, object] = {}
        self._expecting = ""
        self._others: list[str] = []

    def feed(self, text: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        found = read_line(text)
        if self._expecting and found is None and formula_language(text) is None:
            self.facts.setdefault(self._expecting, text)
            self._expecting = ""
            return
        self._expecting = ""
        if found is None:
            self._others.append(text)
            return
        fact, value = found
        if fact == "agenda_item":
            self._expecting = "agenda_title"
        elif fact == "note":
            self._expecting = "note"
        elif fact == "adoption_line":
            self.facts.setdefault("adoption_date", read_date(adoption_line_date(text) or ""))
        elif fact == "report_line" and report_committee(text):
            self.facts.setdefault("committee", report_committee(text))
        if value is not None and fact != "language":
            self.facts.setdefault(fact, value)

    def result(self) -> dict[str, object]:
        """The facts found, with the title (the last line that is none of them; an adopted resolution's number
        before it is the resolution number)."""
        facts = dict(self.facts)
        if self._others:
            number, facts["title"] = read_numbered_title(self._others[-1])
            if number:
                facts.setdefault("resolution_number", number)
        return facts


# -- what exporters write ----------------------------------------------------------------------------


def publisher(language_code: str) -> str:
    """ "United Nations", as the masthead of a text in the language writes it."""
    return language(language_code).united_nations


def organ_name(organ: str, language_code: str) -> str:
    """An organ in the language of the text ("General Assembly" -> "Assemblée générale"); names we do not
    know as they are."""
    return language(language_code).organs.get(organ, organ)


def distribution_line(distribution: str, language_code: str) -> str:
    """ "Distr.: General" ("Distr. générale" in French)."""
    return language(language(language_code).cover_language).distribution.format(distribution)


def date_line(iso: str, language_code: str) -> str:
    """The masthead's date, in the language of its right-hand block ("22 December 2023" in a Russian text)."""
    return format_date(iso, language(language_code).cover_language)


def original_line(original: str, language_code: str) -> str:
    """ "Original: English" ("Original : anglais" in French)."""
    cover = language(language(language_code).cover_language)
    code = code_of(original)
    return cover.original.format(cover.language_names.get(code, original))


def agenda_line(agenda_item: str, language_code: str) -> str:
    """ "108" -> "Agenda item 108"; "13 and 117" -> "Agenda items 13 and 117"; a whole line stays as it is."""
    item = agenda_item.strip()
    if not item or read_agenda(item):
        return item
    lang = language(language_code)
    several = re.search(r",|、| (?:and|et|y|и) |و|和", item)
    return (lang.agenda_items if several else lang.agenda_item).format(item)


def session_lines(meta) -> list[tuple[str, str, bool]]:
    """(fact, text, bold) of the session block of a `Meta`: the session (bold), the committee (an adopted
    resolution names it in its report line instead), the agenda item, its title (bold)."""
    lines: list[tuple[str, str, bool]] = []
    if meta.session:
        lines.append(("session", meta.session, True))
    if meta.committee and not meta.report_line:
        lines.append(("committee", meta.committee, False))
    if meta.agenda_item:
        lines.append(("agenda", agenda_line(meta.agenda_item, meta.language), False))
    if meta.agenda_title:
        lines.append(("agendatitle", meta.agenda_title, True))
    return lines


def job_line(job_number: str, language_code: str, iso_date: str) -> str:
    """The first page's foot: "13-49218 (E)    011013", the job number with the text's language letter and
    the date of processing (DDMMYY; we take the document's date); "" without a job number (never invented)."""
    if not job_number:
        return ""
    letter = language(language_code).job_letter if code_of(language_code) else language_code.upper()
    day = iso_date.split("-") if iso_date else []
    processed = f"    {day[2]}{day[1]}{day[0][2:]}" if len(day) == 3 else ""
    return f"{job_number} ({letter}){processed}"


RECYCLE_SYMBOL = "\u2672"  # ♲, the universal recycling symbol
#: "Please recycle" as the UN prints it under each language's page 1; English where we have not read it.
_RECYCLE = {"fr": "Merci de recycler", "es": "Se ruega reciclar",
            "ru": "Просьба отправить на вторичную переработку"}


def recycle_line(language_code: str) -> str:
    """Page 1's recycling mark: "Please recycle ♲" in the text's language."""
    return f"{_RECYCLE.get(code_of(language_code) or '', 'Please recycle')} {RECYCLE_SYMBOL}"


def annex_title(title: str, language_code: str) -> str:
    """An annex's title, or "Annex" in the text's language when it has none."""
    return title or language(language_code).annex


def is_annex_heading(text: str) -> bool:
    """Whether a line is the heading of an annex in any of the six languages ("Annex", "Annexe II")."""
    return bool(_patterns().annex.fullmatch(" ".join(text.split())))


def note_heading(language_code: str) -> str:
    """ "Note by the Secretariat"."""
    return language(language_code).note_by_the_secretariat


def resolution_number_label(number: str) -> str:
    """ "76/153." : an adopted resolution's number as it stands before its title."""
    return f"{number}."


def numbered_title(number: str, title: str) -> str:
    """ "76/153. The human rights …" for an adopted resolution; the title alone without a number."""
    return f"{resolution_number_label(number)} {title}".rstrip() if number else title

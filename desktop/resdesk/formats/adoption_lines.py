"""The lines around an adopted resolution's text, as the text and Word importers meet them.

Above the text: "Resolution adopted by the General Assembly on 16 December 2021", the report line
"[on the report of the Third Committee (A/76/462, para. 11)]" (or "[without reference to a Main
Committee (A/76/L.2)]") and the numbered title "76/153. The human rights to …"; below it, the
closing "53rd plenary meeting" and "16 December 2021". Recognised in the six languages.
"""

from __future__ import annotations

import re

# How the six languages open the adoption line (the Chinese one ends with its words instead) and name the
# closing meeting: UN wording of each language, kept here until the UN's conventions have one home.
ADOPTION_LINE_WORDS = {
    "en": r"Resolutions? adopted by the General Assembly on ",
    "fr": r"Résolutions? adoptées? par l[’']Assemblée générale le ",
    "es": r"Resolu(?:ción|ciones) aprobadas? por la Asamblea General el ",
    "ru": r"Резолюци[яи], принят(?:ая|ые) Генеральной Ассамблеей ",
    "ar": r"قرار(?:ات)? (?:اتخذته|اتخذتها) الجمعية العامة في ",
    "zh": r"\S+大会决议$",
}
MEETING_WORDS = {
    "en": "plenary meeting",
    "fr": "séance plénière",
    "es": "sesión plenaria",
    "ru": "пленарное заседание",
    "ar": "الجلسة العامة",
    "zh": "全体会议",
}

# Spaces may be no-break spaces (French and Spanish files put them before dates).
_ADOPTION_LINE = re.compile(
    "|".join(f"(?:{words})" for words in ADOPTION_LINE_WORDS.values()).replace(" ", "[ \u00a0]"))
_MEETING = re.compile("|".join(re.escape(words) for words in MEETING_WORDS.values()))
_NUMBERED_TITLE = re.compile(r"(\d{1,3}/\d{1,4}(?: [A-Z](?:[-–][A-Z])?)?)\.?\s+(\S.*)")


def is_adoption_line(text: str) -> bool:
    """"Resolution adopted by the General Assembly on 16 December 2021" in any of the six languages."""
    return _ADOPTION_LINE.match(text.strip()) is not None


def adoption_date_words(text: str) -> str:
    """The date an adoption line ends with ("16 December 2021" in "Resolution adopted by … on 16 December
    2021"), "" for a line that is not one."""
    match = _ADOPTION_LINE.match(text.strip())
    return text.strip()[match.end():] if match else ""


def report_committee(text: str) -> str:
    """"Third Committee" for "[on the report of the Third Committee (…)]"; "" for other wordings (a text
    adopted without reference to a Main Committee, or another language)."""
    match = re.search(r"on the report of the (.+?Committee)", text)
    return match.group(1) if match else ""


def is_report_line(text: str) -> bool:
    """"[on the report of the Third Committee (A/76/462)]", "[without reference to a Main Committee (…)]"."""
    text = text.strip()
    return len(text) > 2 and text[0] == "[" and text[-1] == "]"


def numbered_title(text: str) -> tuple[str, str]:
    """("76/153", "The human rights …") for "76/153. The human rights …"; ("", text) for a title without a
    resolution number."""
    match = _NUMBERED_TITLE.fullmatch(text.strip())
    return (match.group(1), match.group(2)) if match else ("", text)


def split_closing(text: str) -> tuple[str, str] | None:
    """(meeting, date) of a closing written on one line ("53rd plenary meeting 16 December 2021",
    "الجلسة العامة 41 10 كانون الأول/ديسمبر 2020"); the date may be ""; None for any other line."""
    text = text.strip()
    match = _MEETING.search(text)
    if match is None or match.start() > 25:
        return None
    end = match.end()
    if match.start() == 0:  # Arabic: the meeting's number follows its words
        number = re.match(r"\s*[\d\u0660-\u0669]+", text[end:])
        end += number.end() if number else 0
    meeting, date = text[:end].strip(), text[end:].strip()
    if date and (len(date) > 40 or not re.search(r"\d{4}", date)):
        return None
    return meeting, date

"""Everything that varies by the UN's six official languages, in one table.

Where a word comes from: the six A/RES/78/226 files in the shared AKN samples (cover page,
formula, opening-phrase spans, quotation marks, operative numbers, the adoption date in the
conclusions) unless a comment says otherwise. Masthead words the samples do not show come from
UN documents found in each language (A/53/250 in French, A/57/551 in Spanish, the Arabic
A/AC.109/2019/L.18, quoted where they are used); a comment says so where no source was found and
the word is a product choice.

The cover page of the Arabic, Chinese and Russian texts writes its right-hand block (distribution,
date, "Original:") in English ("Distr.: General", "22 December 2023" in all three samples):
`cover_language` says which language that block is written in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Emphasis:
    """How a language sets the enacting formula and the opening phrase of a paragraph."""

    italic: bool = True
    bold: bool = False

    @property
    def css_class(self) -> str:
        """The class of the AKN4UN span that carries it: "italic", "bold", "bold italic"."""
        return " ".join(word for word, on in (("bold", self.bold), ("italic", self.italic)) if on)


ITALIC = Emphasis()
BOLD = Emphasis(italic=False, bold=True)
BOLD_ITALIC = Emphasis(italic=True, bold=True)


@dataclass(frozen=True)
class Language:
    """One language's conventions. Formats take `{}` (or named fields) for what varies."""

    code: str  # ISO 639-1
    codes: tuple[str, ...]  # ISO 639-2 codes, the first as AKN's FRBRlanguage writes it
    own_name: str  # the language's name in its own words (the masthead line above "Original:")
    job_letter: str  # "13-49218 (E)"
    word_tag: str  # Word's w:lang
    rtl: bool
    script: str  # a regular-expression class of the script's letters ("" for the Latin script)
    word_slot: str  # the font slot of Word's w:rFonts that writes the script: "ascii", "eastAsia" or "cs"
    word_font: str  # the font our template puts in that slot
    unspaced: bool  # written without spaces between words (opening phrases are matched by character)
    # -- the masthead and the sponsor line --
    united_nations: str
    organs: dict[str, str]  # English name -> this language's name, for the organs whose name is known
    cover_language: str  # the language of the masthead's right-hand block
    distribution: str  # "Distr.: {}"
    original: str  # "Original: {}"
    language_names: dict[str, str]  # how the masthead names each language ("Original: anglais")
    agenda_item: str  # "Agenda item {}"
    agenda_items: str  # "Agenda items {}" (several)
    session: str  # a pattern of a session line ("Seventy-eighth session")
    committee: str  # a pattern of a Main Committee's name ("Third Committee")
    draft_resolution: str
    revised_draft_resolution: str
    sponsor_colon: str  # between the sponsors and "draft resolution"
    note_by_the_secretariat: str
    formula: str  # the General Assembly's enacting formula
    formula_pattern: str  # any organ's enacting formula
    plenary_meeting: str  # a pattern of the meeting line that closes an adopted resolution ("50th plenary meeting")
    # a pattern of the line over an adopted resolution saying when it was adopted, its date in the group "date"
    # (the cover pages' docTitle in the samples; the plural forms, which the samples do not show, are also read)
    adoption_line: str
    # -- lists, dates, numbers, quotation --
    comma: str  # the comma that ends a preambular paragraph and the enacting formula
    annex: str  # the title of an annex that has none of its own
    list_separator: str  # between sponsors
    conjunction: str  # before the last sponsor
    other_conjunctions: tuple[str, ...]  # other forms a reader meets (Spanish "e" before an i sound)
    months: tuple[str, ...]  # as dates write them
    date_format: str  # fields {day} {month} {year} {month_number}
    first_day: str  # how the first day of a month is written ("1er" in French)
    quotes: tuple[str, str]
    operative_number: str  # "3." ("3 -" in Arabic)
    subparagraph_markers: tuple[str, str, str, str]  # (a) (i) a. i. by depth
    footnote_marker: str  # how a footnote's marker is printed: "{}" ("({})" in Arabic)
    opening: Emphasis
    month_aliases: dict[str, int] = field(default_factory=dict)  # other spellings a reader meets
    # the marks that end paragraphs besides the comma (Chinese writes full-width ones, Arabic its own semicolon)
    semicolon: str = ";"
    full_stop: str = "."
    colon: str = ":"
    # the brackets and quotation marks that open and close in the language's texts, where they are not the usual
    # ones (the editorial checks say so when one is left open)
    pairs: dict[str, str] | None = None
    # the language's own letters for the first level of sub-paragraphs, which older files type ("(أ)", "(ب)"…)
    subparagraph_letters: tuple[str, ...] = ()


_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")
_EN_MARKERS = ("({})", "({})", "{}.", "{}.")
# No sample shows sub-paragraphs in Arabic or Chinese: they keep the English "(a)" (a product choice). French,
# Spanish and Russian write the letter and a closing parenthesis, "a)" and "i)" (un-format.md for French and
# Spanish; the UN's Russian text of resolution 194 (III) for Russian, with Latin letters: "b) выполнять …").
_HALF_MARKERS = ("{})",) * 4
#: The languages' names in English (as English mastheads write them: "Original: English").
_ENGLISH_NAMES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
_ORDINAL_COMMITTEE = (r"(?:First|Second|Third|Fourth|Fifth|Sixth) Committee"
                      r"|Special Political and Decolonization Committee(?: \(Fourth Committee\))?")

ARABIC = Language(
    code="ar", codes=("ara",), own_name="العربية", job_letter="A", word_tag="ar-SA",
    rtl=True, script="\u0600-\u06ff", word_slot="cs", word_font="Times New Roman", unspaced=False,
    # The masthead stretches "United Nations" with tatweels, as the cover page of every Arabic sample (and
    # A/AC.109/2019/L.18) writes it; readers drop them.
    united_nations="الأمــم المتحـدة", organs={"General Assembly": "الجمعية العامة"}, cover_language="en",
    distribution="Distr.: {}", original="Original: {}", language_names={},
    agenda_item="البند {} من جدول الأعمال",
    # The dual and plural forms of "item" are not in the samples: a reader accepts them, we write the singular.
    agenda_items="البند {} من جدول الأعمال",
    session=r"الدورة .+", committee=r"اللجنة (?:الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة)",
    draft_resolution="مشروع قرار",  # A/AC.109/2019/L.18 (Arabic): "مشروع قرار مقدم من رئيسة اللجنة"
    revised_draft_resolution="مشروع قرار منقح",  # no source in the samples
    sponsor_colon=": ",
    note_by_the_secretariat="مذكرة من الأمانة العامة",  # no source in the samples
    formula="إن الجمعية العامة،", formula_pattern=r"إن (?:الجمعية العامة|مجلس [^،,]+)\s*[،,]",
    plenary_meeting=r"الجلسة العامة \d+",
    adoption_line=r"قرار(?:ات)? (?:اتخذته|اتخذتها) الجمعية العامة في (?P<date>.+)",
    # Arabic joins "و" ("and") to the word after it; no sample shows a list of sponsors in Arabic.
    comma="،", annex="المرفق",  # the samples have no annex in this language: not checked
    list_separator="، ", conjunction=" و", other_conjunctions=(),
    # The conclusions write "19 كانون الأول/ديسمبر 2023": the UN's Arabic gives both month names. Only
    # December is in the samples; the others follow the same usage (no source in the samples).
    months=("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
            "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
            "كانون الأول/ديسمبر"),
    date_format="{day} {month} {year}", first_day="1",
    quotes=("”", "“"),  # the Arabic sample opens with ” and closes with “
    operative_number="{} -", subparagraph_markers=_EN_MARKERS,
    # The footnote markers of the Arabic samples stand in superscript parentheses: "(1)".
    footnote_marker="({})", opening=BOLD_ITALIC,
    semicolon="؛",
    pairs={"(": ")", "[": "]", "«": "»", "”": "“"},  # written right to left: ” opens and “ closes
    # The letters older Arabic files (75/100) type before sub-paragraphs, in the order UN Arabic texts use them.
    subparagraph_letters=("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن",
                          "س", "ع", "ف", "ص", "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
)

CHINESE = Language(
    code="zh", codes=("zho", "chi"), own_name="中文", job_letter="C", word_tag="zh-CN",
    rtl=False, script="\u4e00-\u9fff", word_slot="eastAsia", word_font="SimSun", unspaced=True,
    united_nations="联合国", organs={"General Assembly": "大会"}, cover_language="en",
    distribution="Distr.: {}", original="Original: {}", language_names={},
    agenda_item="议程项目{}", agenda_items="议程项目{}",
    session=r"第.+届(?:特别)?会议", committee=r"第[一二三四五六]委员会",
    draft_resolution="决议草案", revised_draft_resolution="订正决议草案",  # no source in the samples
    sponsor_colon="：",
    note_by_the_secretariat="秘书处的说明",  # no source in the samples
    formula="大会，", formula_pattern=r"(?:大会|安全理事会|经济及社会理事会|人权理事会)\s*[，,]",
    plenary_meeting=r"第\d+次全体会议",
    adoption_line=r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日)大会决议",  # the date first: "2023年12月19日大会决议"
    comma="，", annex="附件",  # the samples have no annex in this language: not checked
    list_separator="、", conjunction="和", other_conjunctions=(),  # the samples' lists: "72/194、72/284…和75/291号决议"
    months=tuple(str(number) for number in range(1, 13)),
    date_format="{year}年{month_number}月{day}日", first_day="1",
    quotes=("“", "”"), operative_number="{}.", subparagraph_markers=_EN_MARKERS, footnote_marker="{}",
    opening=BOLD, semicolon="；", full_stop="。", colon="：",
)

ENGLISH = Language(
    code="en", codes=("eng",), own_name="English", job_letter="E", word_tag="en-GB",
    rtl=False, script="", word_slot="ascii", word_font="Times New Roman", unspaced=False,
    united_nations="United Nations",
    organs={"General Assembly": "General Assembly", "Economic and Social Council": "Economic and Social Council",
            "Security Council": "Security Council", "Human Rights Council": "Human Rights Council"},
    cover_language="en", distribution="Distr.: {}", original="Original: {}", language_names=_ENGLISH_NAMES,
    agenda_item="Agenda item {}", agenda_items="Agenda items {}",
    session=r"(?:[A-Z][a-z]+ )?(?:[A-Za-z]+-)?[A-Za-z]+(?: (?:emergency )?special)? session(?: of \d{4})?"
            r"|\d{4} session|Substantive session of \d{4}",
    committee=_ORDINAL_COMMITTEE,
    draft_resolution="draft resolution", revised_draft_resolution="revised draft resolution", sponsor_colon=": ",
    note_by_the_secretariat="Note by the Secretariat",
    formula="The General Assembly,", formula_pattern=r"The [A-Z][\w-]*(?: (?:[A-Z][\w-]*|and|of|on|the|for|to))*,",
    plenary_meeting=r"\d+(?:st|nd|rd|th)(?: \(resumed\))? plenary meeting",  # 75/246: "48th (resumed) plenary meeting"
    adoption_line=r"Resolutions? adopted by the General Assembly on (?P<date>.+)",
    comma=",", annex="Annex",
    list_separator=", ", conjunction=" and ", other_conjunctions=(),
    months=_ENGLISH_MONTHS, date_format="{day} {month} {year}", first_day="1",
    quotes=("“", "”"), operative_number="{}.", subparagraph_markers=_EN_MARKERS, footnote_marker="{}",
    opening=ITALIC,
)

FRENCH = Language(
    code="fr", codes=("fra", "fre"), own_name="Français", job_letter="F",
    word_tag="fr-FR", rtl=False, script="", word_slot="ascii", word_font="Times New Roman", unspaced=False,
    united_nations="Nations Unies",
    organs={"General Assembly": "Assemblée générale", "Economic and Social Council": "Conseil économique et social",
            "Security Council": "Conseil de sécurité"},
    cover_language="fr", distribution="Distr. {}",
    original="Original : {}",  # A/53/250: "Original: anglais"; the UN's French puts a space before a colon
    language_names={"ar": "arabe", "zh": "chinois", "en": "anglais", "fr": "français", "ru": "russe",
                    "es": "espagnol"},
    agenda_item="Point {} de l’ordre du jour", agenda_items="Points {} de l’ordre du jour",
    session=r"(?:[A-Z][a-zéè]+-)*[A-Za-zéè]+ session(?: extraordinaire)?(?: de \d{4})?",
    committee=r"(?:Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième) Commission",
    draft_resolution="projet de résolution", revised_draft_resolution="projet de résolution révisé",
    sponsor_colon=" : ", note_by_the_secretariat="Note du Secrétariat",  # neither is in the samples
    formula="L’Assemblée générale,", formula_pattern=r"L['’](?:Assemblée générale|Conseil [\w'’ -]+),",
    plenary_meeting=r"\d+e séance plénière",
    adoption_line=r"Résolutions? adoptées? par l[’']Assemblée générale le (?P<date>.+)",
    comma=",", annex="Annexe",  # the samples have no annex in this language: not checked
    list_separator=", ", conjunction=" et ", other_conjunctions=(),
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"),
    date_format="{day} {month} {year}", first_day="1er",
    quotes=("«\u00a0", "\u00a0»"), operative_number="{}.", subparagraph_markers=_HALF_MARKERS, footnote_marker="{}",
    opening=ITALIC,
)

RUSSIAN = Language(
    code="ru", codes=("rus",), own_name="Русский", job_letter="R", word_tag="ru-RU",
    rtl=False, script="\u0400-\u04ff", word_slot="ascii", word_font="Times New Roman", unspaced=False,
    united_nations="Организация Объединенных Наций", organs={"General Assembly": "Генеральная Ассамблея"},
    cover_language="en", distribution="Distr.: {}", original="Original: {}", language_names={},
    agenda_item="Пункт {} повестки дня", agenda_items="Пункты {} повестки дня",
    session=r"[А-Я][а-я]+(?: [а-я]+)* сессия", committee=r"(?:Первый|Второй|Третий|Четвертый|Пятый|Шестой) комитет",
    draft_resolution="проект резолюции", revised_draft_resolution="пересмотренный проект резолюции",
    sponsor_colon=": ", note_by_the_secretariat="Записка Секретариата",  # neither is in the samples
    formula="Генеральная Ассамблея,", formula_pattern=r"(?:Генеральная Ассамблея|Совет [\w -]+),",
    plenary_meeting=r"\d+[‑-]е пленарное заседание",
    adoption_line=r"Резолюци[яи], принят(?:ая|ые) Генеральной Ассамблеей (?P<date>.+)",
    comma=",", annex="Приложение",  # the samples have no annex in this language: not checked
    list_separator=", ", conjunction=" и ", other_conjunctions=(),
    months=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
            "ноября", "декабря"),
    date_format="{day} {month} {year} года", first_day="1",
    quotes=("«", "»"), operative_number="{}.", subparagraph_markers=_HALF_MARKERS, footnote_marker="{}",
    opening=ITALIC,
    # Russian nests „…“ inside «…» (and quotes English titles in “…”): there “ also closes „.
    pairs={"(": ")", "[": "]", "«": "»", "„": "“", "“": "”"},
)

SPANISH = Language(
    code="es", codes=("spa",), own_name="Español", job_letter="S", word_tag="es-ES",
    rtl=False, script="", word_slot="ascii", word_font="Times New Roman", unspaced=False,
    united_nations="Naciones Unidas",
    organs={"General Assembly": "Asamblea General", "Economic and Social Council": "Consejo Económico y Social",
            "Security Council": "Consejo de Seguridad"},
    cover_language="es", distribution="Distr. {}", original="Original: {}",  # A/57/551: "Original: inglés"
    language_names={"ar": "árabe", "zh": "chino", "en": "inglés", "fr": "francés", "ru": "ruso", "es": "español"},
    agenda_item="Tema {} del programa", agenda_items="Temas {} del programa",
    session=r"[A-Z][a-zé]+(?: [a-zé]+)* período (?:extraordinario )?de sesiones",
    committee=r"(?:Primera|Segunda|Tercera|Cuarta|Quinta|Sexta) Comisión",
    draft_resolution="proyecto de resolución", revised_draft_resolution="proyecto de resolución revisado",
    sponsor_colon=": ", note_by_the_secretariat="Nota de la Secretaría",  # neither is in the samples
    formula="La Asamblea General,", formula_pattern=r"(?:La Asamblea General|El Consejo [\w -]+),",
    plenary_meeting=r"\d+[aª] sesión plenaria",
    adoption_line=r"Resolu(?:ción|ciones) aprobadas? por la Asamblea General el (?P<date>.+)",
    comma=",", annex="Anexo",  # the samples have no annex in this language: not checked
    list_separator=", ", conjunction=" y ",
    other_conjunctions=("e",),  # "y" becomes "e" before a word that starts with an i sound; we always write "y"
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"),
    date_format="{day} de {month} de {year}", first_day="1",
    quotes=("“", "”"), operative_number="{}.", subparagraph_markers=_HALF_MARKERS, footnote_marker="{}",
    opening=ITALIC, month_aliases={"setiembre": 9},
)

#: The six languages in the UN's order (English alphabetical).
LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ARABIC, CHINESE, ENGLISH, FRENCH, RUSSIAN, SPANISH)}

#: Every comma of the six languages (Latin, Arabic, full-width).
COMMAS = "".join(sorted({lang.comma for lang in LANGUAGES.values()}))
#: What ends a paragraph or a list's chapeau but never a heading: the commas, semicolons and colons of the
#: six languages' scripts (Latin, Arabic, full-width).
PARAGRAPH_PUNCTUATION = "".join(sorted({mark for lang in LANGUAGES.values()
                                        for mark in (lang.comma, lang.semicolon, lang.colon)}))
#: Every mark that may end a paragraph: those and the full stops.
FINAL_PUNCTUATION = PARAGRAPH_PUNCTUATION + "".join(sorted({lang.full_stop for lang in LANGUAGES.values()}))
#: Every separator of lists of names.
LIST_SEPARATORS = "".join(sorted({lang.list_separator.strip() for lang in LANGUAGES.values()} | {","}))

#: Languages outside the six that are also written right to left (a document may be tagged with one).
_OTHER_RTL = frozenset({"fa", "he", "ur"})

#: The serif faces of UN documents for screen and print, Times New Roman first, then its metric twins
#: (Liberation Serif, Tinos): a PDF made on Linux breaks lines where one made on Windows does.
SERIF_FAMILIES = ("Times New Roman", "Liberation Serif", "Tinos", "Times", "DejaVu Serif")


@dataclass(frozen=True)
class Script:
    """A script as print sets it: the faces that write it, and whether italics slant it."""

    name: str
    letters: str  # a regular-expression class of its characters ("" for the Latin script: everything else)
    # The families that write it, in order: the one `make dist` bundles (packaging/fonts.py), then those Debian
    # installs (the CI's .ci/run). Each face here has the script in every style it has, or no italic at all.
    faces: tuple[str, ...]
    # Whether italics are drawn slanted. The UN never slants Chinese characters (its Chinese texts set in bold
    # what others set in italics); Arabic is slanted, artificially where its face has no italic, as Word does.
    slants: bool = True


#: Latin, and Cyrillic and Greek, which the serif faces write in all four styles.
LATIN = Script("Latin", "", SERIF_FAMILIES)
ARABIC_SCRIPT = Script("Arabic", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe",
                       ("Noto Naskh Arabic", "DejaVu Sans"))
#: Chinese characters with the CJK punctuation and full-width forms around them.
HAN = Script("Han", "\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u31a0-\u31bf\u3200-\u9fff\uf900-\ufaff"
                    "\ufe30-\ufe4f\uff00-\uffef", ("Noto Serif CJK SC", "WenQuanYi Zen Hei"), slants=False)
SCRIPTS = (LATIN, ARABIC_SCRIPT, HAN)
_SCRIPT_RUN = re.compile("|".join(f"(?P<{script.name}>[{script.letters}]+)" for script in SCRIPTS if script.letters))


def script_runs(text: str) -> list[tuple[int, int, Script]]:
    """`text` cut where its script changes: (start, end, script), in order, covering all of it. What belongs to no
    script of its own (spaces, digits, Latin punctuation) is Latin."""
    runs: list[tuple[int, int, Script]] = []
    position = 0
    for match in _SCRIPT_RUN.finditer(text):
        if match.start() > position:
            runs.append((position, match.start(), LATIN))
        runs.append((match.start(), match.end(), next(s for s in SCRIPTS if s.name == match.lastgroup)))
        position = match.end()
    if position < len(text):
        runs.append((position, len(text), LATIN))
    return runs


def _names(lang: Language) -> set[str]:
    return {lang.code, *lang.codes, lang.own_name.casefold(),
            *(names[lang.code].casefold() for names in (ENGLISH.language_names, FRENCH.language_names,
                                                        SPANISH.language_names))}


_BY_NAME = {name: lang.code for lang in LANGUAGES.values() for name in _names(lang)}


def code_of(value: str) -> str:
    """The ISO 639-1 code of a language named any way a file names it ("en", "eng", "en-GB", "English",
    "anglais", "Español"); "" when it is none of the six."""
    key = value.strip().replace("_", "-").casefold()
    return _BY_NAME.get(key) or _BY_NAME.get(key.split("-")[0], "")


def language(value: str) -> Language:
    """The conventions of a language (named any way `code_of` reads); English for anything else."""
    return LANGUAGES.get(code_of(value or "en"), ENGLISH)


def is_rtl(value: str) -> bool:
    """Whether a language is written right to left (Arabic; also Persian, Hebrew and Urdu)."""
    code = code_of(value) or value.strip().lower().split("-")[0]
    return code in _OTHER_RTL or (code in LANGUAGES and LANGUAGES[code].rtl)


def language_of_script(sample: str) -> str:
    """The language whose script writes more than a quarter of `sample` (Arabic, Chinese, Russian), or ""."""
    for lang in LANGUAGES.values():
        if lang.script and len(re.findall(f"[{lang.script}]", sample)) > len(sample) // 4:
            return lang.code
    return ""

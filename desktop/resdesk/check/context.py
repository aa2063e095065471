"""What every rule needs to know about the text, computed once per change of structure.

The rules read a `Context`: the document and its labels (`TextIndex`), the punctuation each
paragraph of the resolution must end with, the order of the blocks, which block refers first to
each footnote, whether the text speaks in the first person (a declaration), and the rule data of
its language (`resources/check/<language>.toml`, English only for now: rules that need words
are skipped in other languages, rules on punctuation and typography run in all six).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache

from resdesk.amend.anchors import TextIndex
from resdesk.model.document import HEADING, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TABLE, TEXT, Block, Document
from resdesk.resources import resource
from resdesk.text.inline import footnote_anchors

COMMA = "comma"
SEMICOLON = "semicolon"
FULL_STOP = "full stop"
COLON = "colon"

#: The marks that end paragraphs, by language (Chinese uses full-width ones, Arabic its own comma and
#: semicolon); languages not named here write them as English does.
_MARKS = {
    "zh": {COMMA: "，", SEMICOLON: "；", FULL_STOP: "。", COLON: "："},
    "ar": {COMMA: "،", SEMICOLON: "؛", FULL_STOP: ".", COLON: ":"},
}
_LATIN = {COMMA: ",", SEMICOLON: ";", FULL_STOP: ".", COLON: ":"}
#: Every character that may stand where a paragraph's final punctuation is (replaced by a fix).
FINAL_MARKS = frozenset(",;.:，；。：،؛")


def punctuation(language: str) -> dict[str, str]:
    """The characters of the comma, semicolon, full stop and colon in `language` (an ISO 639-1 code, as
    `Meta.language` holds it)."""
    return _MARKS.get(language, _LATIN)


@cache
def rule_data(language: str) -> dict | None:
    """The words and exceptions of the rules for `language` (None when there are none)."""
    path = resource("check", f"{language}.toml")
    if not language.isalpha() or not path.is_file():
        return None
    return tomllib.loads(path.read_text(encoding="utf-8"))


@dataclass
class Context:
    """The text as the rules see it. `remembered` maps a cross-reference (block id, its words) to the
    block it pointed at in an earlier state of the text (see `references.py`)."""

    document: Document
    index: TextIndex
    language: str
    data: dict | None
    endings: dict[str, str]
    position: dict[str, int]
    declaration: bool
    footnote_owner: dict[str, str]
    by_label: dict[str, str] = field(default_factory=dict)
    remembered: dict[tuple, str] = field(default_factory=dict)
    earlier: str = ""  # the name of the version `remembered` comes from, for messages

    @property
    def marks(self) -> dict[str, str]:
        return punctuation(self.language)

    def label(self, block_id: str) -> str:
        return self.index.labels.get(block_id, "")


def build_context(document: Document, remembered: dict | None = None, earlier: str = "") -> Context:
    index = TextIndex.of(document)
    language = document.meta.language or "en"
    data = rule_data(language)
    position = {block.id: number for number, block in enumerate(document.all_blocks())}
    owner: dict[str, str] = {}
    for block in document.all_blocks():
        for anchor in footnote_anchors(block.marks) if block.marks else ():
            owner.setdefault(anchor.target, block.id)
    by_label = {label: block_id for block_id, label in index.labels.items() if label}
    return Context(document, index, language, data, expected_endings(index), position,
                   _declaration(document, data), owner, by_label, dict(remembered or {}), earlier)


def expected_endings(index: TextIndex) -> dict[str, str]:
    """The punctuation that ends each paragraph of the resolution (not of its annexes), by block id.

    A preambular paragraph ends with a comma, an operative one with a semicolon and the last one with
    a full stop; a paragraph that introduces sub-paragraphs, or a table ("as set out in the table below:"),
    ends with a colon; a sub-paragraph ends with a semicolon, the last one of its paragraph with what that
    paragraph would end with on its own.
    """
    main = index.parts()[0]
    operative = [block.id for block in main if block.kind == OPERATIVE]
    last_operative = operative[-1] if operative else ""
    own: dict[str, str] = {}  # what the paragraph, or its last sub-paragraph, ends with
    result: dict[str, str] = {}
    for number, block in enumerate(main):
        if block.kind == PREAMBULAR:
            own[block.id] = COMMA
        elif block.kind == OPERATIVE:
            own[block.id] = FULL_STOP if block.id == last_operative else SEMICOLON
        elif block.kind == SUBPARAGRAPH and block.parent in own:
            siblings = index.children[block.parent]
            own[block.id] = own[block.parent] if block.id == siblings[-1] else SEMICOLON
        else:
            continue
        result[block.id] = COLON if index.children.get(block.id) or _introduces_table(main, number) else own[block.id]
    return result


def _introduces_table(blocks: list[Block], number: int) -> bool:
    """Whether the paragraph at `number` is followed by a table, before any other paragraph (headings and
    notes between them aside)."""
    for block in blocks[number + 1:]:
        if block.kind == TABLE:
            return True
        if block.kind not in (HEADING, TEXT):
            return False
    return False


def _declaration(document: Document, data: dict | None) -> bool:
    """Whether the text speaks in the first person plural ("We, Heads of State and Government, …")."""
    if not data:
        return False
    pronouns = set(data["openings"]["first_person"])
    return any(block.text.split(maxsplit=1)[:1] and block.text.split(maxsplit=1)[0].rstrip(",") in pronouns
               for block in document.blocks if block.kind != SUBPARAGRAPH)


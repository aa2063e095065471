"""Rules on how the paragraphs of a resolution open and end (all six languages).

Editorial Manual, "Resolutions and other formal decisions of United Nations organs", part II
("Drafting and editing"): section C, "Order of elements" (how preambular and operative
paragraphs open), sections D, "Numbering and arrangement of paragraphs", and H, "Punctuation";
and the Manual's page "Paragraphs and subparagraphs" (the levels (a), (i), a., i.). The
punctuation expected of each paragraph is computed once in `context.expected_endings`.
Annexes are not read: they hold texts of other kinds (declarations, programmes, tables).
"""

from __future__ import annotations

from collections.abc import Iterator

from resdesk.check.context import COLON, COMMA, FINAL_MARKS, FULL_STOP, SEMICOLON, Context
from resdesk.check.findings import Fix, Hit
from resdesk.check.rule import rule
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block
from resdesk.un.phrases import load_lexicon, opening_phrase

PARAGRAPHS = (PREAMBULAR, OPERATIVE, SUBPARAGRAPH)


def _in_resolution(block: Block, context: Context) -> bool:
    return context.index.part.get(block.id) == 0


@rule("empty-paragraph", kinds=PARAGRAPHS)
def empty_paragraph(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """Every numbered paragraph has a text: paragraphs are numbered consecutively (Editorial Manual,
    resolutions, II.D "Numbering and arrangement of paragraphs"), and an empty one would still take a
    number. It is left over from editing, or its text was lost in an import."""
    if not text.strip():
        yield Hit("empty-paragraph", "The paragraph is empty: write its text or delete it.")


# -- openings --------------------------------------------------------------------------------------


def _judged(block: Block, text: str, context: Context, kind: str) -> bool:
    """Whether the opening of this paragraph can be judged: a paragraph of the resolution, in a language whose
    lexicon knows the grammar of openings of that kind (an unknown phrase is not a wrong one)."""
    lexicon = load_lexicon(context.language)
    return bool(text.strip()) and _in_resolution(block, context) and lexicon is not None \
        and bool(lexicon.fallback_suffixes[kind])


def _first_words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[:count])


@rule("pp-opening", kinds=(PREAMBULAR,))
def preambular_opening(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A preambular paragraph opens with a participle or participial phrase (present, past or perfect)
    or with an adjective: Editorial Manual, resolutions, II.C "Order of elements". The phrase is looked
    up in the language's opening-phrase lexicon, which falls back on the shape of such words."""
    if _judged(block, text, context, PREAMBULAR) and not opening_phrase(text, PREAMBULAR, context.language):
        first = text.split()[0]
        yield Hit("pp-opening", f"A preambular paragraph opens with a participle or an adjective, not "
                                f"“{_first_words(text)}”.", 0, len(first))


@rule("op-opening", kinds=(OPERATIVE,))
def operative_opening(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """An operative paragraph opens with an operative verb or verb phrase in the present indicative
    ("Requests", "Takes note of"): Editorial Manual, resolutions, II.C "Order of elements". In a text
    in the first person plural (a declaration: "We, Heads of State…") the verb takes its base form
    ("Reaffirm", "Call upon"), as in resolution 76/1."""
    if not _judged(block, text, context, OPERATIVE) or opening_phrase(text, OPERATIVE, context.language):
        return
    if context.declaration and _opens_with_base_form(text, context.language):
        return
    first = text.split()[0]
    yield Hit("op-opening", f"An operative paragraph opens with a verb in the present tense, not "
                            f"“{_first_words(text)}”.", 0, len(first))


def _third_person(word: str) -> str:
    """"Reaffirm" -> "Reaffirms", "Approach" -> "Approaches", "Apply" -> "Applies"."""
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _opens_with_base_form(text: str, language: str) -> bool:
    """Whether one of the first three words, put in the third person, makes an operative opening
    ("Also reaffirm" -> "Also reaffirms")."""
    words = text.split(maxsplit=3)
    for position, word in enumerate(words[:3]):
        bare = word.rstrip(",;:")
        if not bare.isalpha():
            return False
        inflected = " ".join([*words[:position], _third_person(bare), *words[position + 1:]])
        if opening_phrase(inflected, OPERATIVE, language):
            return True
    return False


# -- endings ---------------------------------------------------------------------------------------

_NAMES = {COMMA: "a comma", SEMICOLON: "a semicolon", FULL_STOP: "a full stop", COLON: "a colon"}


def _ending(text: str, expected: str, context: Context, rule_id: str, what: str) -> Iterator[Hit]:
    """A hit when `text` does not end with the `expected` mark, with the fix that puts it there."""
    mark = context.marks[expected]
    end = len(text.rstrip())
    if end == 0 or text[end - 1] == mark:
        return
    last = text[end - 1]
    if last in FINAL_MARKS:
        ends, fix = f"not “{last}”", Fix(end - 1, end, mark)
    else:
        ends, fix = "but it has no final punctuation", Fix(end, end, mark)
    yield Hit(rule_id, f"{what} ends with {_NAMES[expected]}, {ends}.", max(0, end - 1), end, fix)


def _expected(block: Block, context: Context, has_children: bool) -> str:
    if bool(context.index.children.get(block.id)) != has_children:
        return ""
    return context.endings.get(block.id, "")


@rule("pp-ending", kinds=(PREAMBULAR,))
def preambular_ending(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A preambular paragraph ends with a comma: Editorial Manual, resolutions, II.H "Punctuation"."""
    if _expected(block, context, False):
        yield from _ending(text, COMMA, context, "pp-ending", "A preambular paragraph")


@rule("op-ending", kinds=(OPERATIVE,))
def operative_ending(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """An operative paragraph ends with a semicolon and the last one with a full stop, the end of the
    resolution's one sentence: Editorial Manual, resolutions, II.H "Punctuation"."""
    expected = _expected(block, context, False)
    if expected:
        what = "The last operative paragraph" if expected == FULL_STOP else "An operative paragraph"
        yield from _ending(text, expected, context, "op-ending", what)


@rule("subparagraph-ending", kinds=(SUBPARAGRAPH,))
def subparagraph_ending(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A sub-paragraph ends with a semicolon; the last one of a paragraph ends with that paragraph's own
    punctuation (a full stop after the last operative paragraph, a comma in a preambular paragraph):
    Editorial Manual, "Paragraphs and subparagraphs", and resolutions, II.H "Punctuation"."""
    expected = _expected(block, context, False)
    if not expected:
        return
    siblings = context.index.children.get(block.parent or "", [])
    if expected == SEMICOLON and siblings[-1:] != [block.id]:
        what = "A sub-paragraph"
    else:
        what = f"The last sub-paragraph of {context.label(block.parent or '')}"
    yield from _ending(text, expected, context, "subparagraph-ending", what)


@rule("introduction-ending", kinds=PARAGRAPHS)
def introduction_ending(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A paragraph that introduces sub-paragraphs ends with a colon: Editorial Manual, "Paragraphs and
    subparagraphs" (the example of a paragraph introducing (a) and (b))."""
    if _expected(block, context, True):
        yield from _ending(text, COLON, context, "introduction-ending", "A paragraph that introduces sub-paragraphs")

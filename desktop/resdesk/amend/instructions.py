"""Amendments in the words of UN amendment documents.

    In operative paragraph 2, replace “to continue to strengthen” with “to strengthen further”
    In operative paragraph 2, delete “…”
    In operative paragraph 2, after “…”, insert “…”
    At the end of operative paragraph 2, add “…”
    Insert a new operative paragraph after operative paragraph 3, reading: “…”
    Insert a new preambular paragraph after the second preambular paragraph, reading: “…”
    Insert a new operative paragraph before operative paragraph 1, reading: “…”   (label "OP0 bis")
    Delete operative paragraph 7
    Move operative paragraph 11 to follow operative paragraph 4
    Replace operative paragraph 15 with: “…”                                         (an alternative)
    In the text proposed by amendment a5 for operative paragraph 3 bis, replace “…” with “…”
                                                                                     (a sub-amendment)
    Insert a new subparagraph before operative paragraph 5 (a), reading: “…”          (label "OP5 (0) bis")
    In footnote 3, replace “A/77/1” with “A/78/2”                                    (a footnote's text)
    In operative paragraph 4, after “…”, add a footnote reading: “…”
    In operative paragraph 4, delete footnote 3

A new paragraph's own sub-paragraphs follow its text ("…, reading: “…”, with the subparagraphs “(a) …”").

Preambular paragraphs are cited by ordinal word ("the second preambular
paragraph"), operative ones by number, sub-paragraphs by their marker
("operative paragraph 5 (a)"). Instructions always describe the amendment
against the version it targets, with that version's labels.

Words are quoted as a drafter writes them: whole words, with a leading punctuation
mark attached to the word it follows (a change recorded as "and effective" -> ", effective,
accountable and humane" in "fair and effective" is quoted "fair and effective"
-> "fair, effective, accountable and humane"), and quoted words that occur more
than once in the paragraph say which occurrence they are ("replace the second
occurrence of “assistance” with …", as `--occurrence 2` chose them).
"""

from __future__ import annotations

import re
from dataclasses import replace

from resdesk.amend.anchors import TextIndex, anchor_label, opens_paragraph
from resdesk.amend.propose import occurrences
from resdesk.amend.sub_amendments import new_text
from resdesk.model import tree
from resdesk.model.amendment import (
    ALTERNATIVE,
    DELETE_BLOCK,
    FOOTNOTE_CHANGE,
    INSERT_BLOCK,
    MOVE_BLOCK,
    REPLACE,
    SUB_AMENDMENT,
    Amendment,
)
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH
from resdesk.text.diff import replacement_from_edit
from resdesk.un.languages import ENGLISH
from resdesk.un.markers import subparagraph_marker
from resdesk.un.numerals import ordinal_word

_ZERO = re.compile(r"(?:PP|OP)0$")
_LABEL = re.compile(r"^(?P<annex>Annex(?: \d+)? )?(?P<kind>PP|OP)(?P<number>\d+)(?P<rest>.*)$")


def paragraph_reference(label: str) -> str:
    """"OP5 (a)" -> "operative paragraph 5 (a)"; "PP2" -> "the second preambular paragraph"."""
    match = _LABEL.match(label)
    if not match:
        words = f"the paragraph “{label}”" if label else "the paragraph"
    else:
        number = int(match["number"])
        if match["kind"] == "OP":
            words = f"operative paragraph {number}{match['rest']}"
        else:
            words = f"the {ordinal_word(number)} preambular paragraph{match['rest']}"
        if match["annex"]:
            annex = match["annex"].strip().lower()
            words += f" of the {annex}" if annex == "annex" else f" of {annex}"
    return words


def _kind_words(kind: str) -> str:
    return {PREAMBULAR: "preambular paragraph", OPERATIVE: "operative paragraph",
            SUBPARAGRAPH: "subparagraph"}.get(kind, "paragraph")


def _quoted(text: str) -> str:
    """Quoted as instructions are written: in English, with English quotation marks."""
    opening, closing = ENGLISH.quotes
    return f"{opening}{text.strip()}{closing}"


def _word_character(character: str) -> bool:
    return character.isalnum() or character in "’'-"


def _whole_words(text: str, amendment: Amendment) -> tuple[int, str, str]:
    """Where the quoted words start, and the old and new words widened to whole words: a change that starts
    or ends inside a word takes the whole word, one that starts with punctuation takes the word the
    punctuation follows ("fair, effective" rather than ", effective")."""
    start, end, old, new = amendment.start, amendment.end, amendment.old, amendment.new
    if not 0 <= start <= end <= len(text) or text[start:end] != old:
        return start, old, new  # a stale anchor: the words as recorded
    if start > 0 and _word_character(text[start - 1]) and any(w[:1] and not w[0].isspace() for w in (old, new)):
        while start > 0 and _word_character(text[start - 1]):
            start -= 1
    if end < len(text) and _word_character(text[end]) and any(w[-1:] and not w[-1].isspace() for w in (old, new)):
        while end < len(text) and _word_character(text[end]):
            end += 1
    before, after = text[start:amendment.start], text[amendment.end:end]
    return start, before + old + after, before + new + after


def _which(text: str, words: str, at: int) -> str:
    """“words”, or "the second occurrence of “words”" when they occur more than once in `text`."""
    core = words.strip()
    places = occurrences(text, core) if core else []
    here = at + len(words) - len(words.lstrip())
    if len(places) < 2 or here not in places:
        return _quoted(words)
    return f"the {ordinal_word(places.index(here) + 1)} occurrence of {_quoted(words)}"


def _replace_instruction(text: str, amendment: Amendment, where: str) -> str:
    at, old, new = _whole_words(text, amendment)
    if old.strip() and new.startswith(old) and new[len(old):].strip() and not _word_character(new[len(old)]):
        return f"In {where}, after {_which(text, old, at)}, insert {_quoted(new[len(old):])}"
    if old.strip() and new.endswith(old) and new[:-len(old)].strip() and not _word_character(new[-len(old) - 1]):
        return f"In {where}, before {_which(text, old, at)}, insert {_quoted(new[:-len(old)])}"
    if not old.strip():
        if not text[amendment.end:].strip(" ;,.:"):
            return f"At the end of {where}, add {_quoted(new)}"
        before = text[:amendment.start].split()
        if before:
            anchor = " ".join(before[-3:])
            return f"In {where}, after {_which(text, anchor, text.rfind(anchor, 0, amendment.start))}, " \
                   f"insert {_quoted(new)}"
        return f"At the beginning of {where}, insert {_quoted(new)}"
    if not new.strip():
        return f"In {where}, delete {_which(text, old, at)}"
    return f"In {where}, replace {_which(text, old, at)} with {_quoted(new)}"


def instruction(index: TextIndex, amendment: Amendment, parent: Amendment | None = None,
                parent_label: str = "") -> str:
    """The UN-style instruction of one amendment, against the version `index` holds. A sub-amendment's
    names the amendment it amends (`parent`) and the paragraph it is for (`parent_label`, "OP3 bis")."""
    label = index.labels.get(amendment.target, "")
    where = paragraph_reference(label)
    if amendment.kind == REPLACE:
        text = index.blocks[amendment.target].text if amendment.target in index.blocks else ""
        return _replace_instruction(text, amendment, where)
    if amendment.kind == SUB_AMENDMENT:
        proposed = f"the text proposed by amendment {amendment.amends}"
        if parent is None:
            return _replace_instruction("", amendment, proposed)
        paragraph = parent_label if parent.kind == INSERT_BLOCK and parent_label else label
        return _replace_instruction(new_text(parent), amendment, f"{proposed} for {paragraph_reference(paragraph)}")
    if amendment.kind == FOOTNOTE_CHANGE:
        return _footnote_instruction(index, amendment, where)
    if amendment.kind == DELETE_BLOCK:
        return f"Delete {where}"
    if amendment.kind == ALTERNATIVE:
        return f"Replace {where} with: {_quoted(amendment.new)}"
    if amendment.kind == MOVE_BLOCK:
        moved_kind = index.blocks[amendment.target].kind if amendment.target in index.blocks else OPERATIVE
        return f"Move {where} to {_relative_place(index, amendment.after, moved_kind, 'follow', 'precede')}"
    if amendment.kind == INSERT_BLOCK and amendment.new_block is not None:
        kind = amendment.new_block.kind
        if opens_paragraph(amendment):
            first = index.children.get(amendment.target, [])
            place = f"before {paragraph_reference(index.labels.get(first[0], ''))}" if first else f"in {where}"
        else:
            place = _relative_place(index, amendment.target, kind, "after", "before")
        return f"Insert a new {_kind_words(kind)} {place}, reading: {_quoted(amendment.new_block.text)}" + \
            _with_children(amendment)
    return ""


def _with_children(amendment: Amendment) -> str:
    """", with the subparagraphs “(a) …”, “(b) …”" for a new paragraph's own sub-paragraphs."""
    if not amendment.new_children:
        return ""
    blocks = amendment.new_blocks()
    places, depths = tree.sibling_numbers(blocks), tree.depths(blocks)
    quoted = [_quoted(f"{subparagraph_marker(places[kid.id], depths[kid.id])} {kid.text}")
              for kid in amendment.new_children]
    return f", with the subparagraph{'s' if len(quoted) > 1 else ''} {', '.join(quoted)}"


def _footnote_instruction(index: TextIndex, amendment: Amendment, where: str) -> str:
    """A footnote's new text, a new footnote, or a footnote taken out."""
    text = index.blocks[amendment.target].text if amendment.target in index.blocks else ""
    number = index.document.footnote_markers().get(amendment.footnote_id, "")
    if not amendment.old:
        before = text[:amendment.start].split()
        if not before:
            return f"At the beginning of {where}, add a footnote reading: {_quoted(amendment.new)}"
        anchor = " ".join(before[-3:])
        return f"In {where}, after {_which(text, anchor, text.rfind(anchor, 0, amendment.start))}, add a " \
               f"footnote reading: {_quoted(amendment.new)}"
    if not amendment.new:
        return f"In {where}, delete footnote {number}"
    changes = replacement_from_edit(amendment.old, amendment.new)
    if len(changes) == 1:
        words = replace(amendment, start=changes[0].start, end=changes[0].end, old=changes[0].old,
                        new=changes[0].new)
        return _replace_instruction(amendment.old, words, f"footnote {number}")
    return f"Replace footnote {number} with: {_quoted(amendment.new)}"


def _relative_place(index: TextIndex, anchor: str, kind: str, after_word: str, before_word: str) -> str:
    """"follow operative paragraph 4" / "after operative paragraph 3", or "before operative paragraph 1"
    when the anchor precedes every paragraph of that kind."""
    if anchor not in index.blocks:
        return f"{after_word} a paragraph no longer in the text"
    label = anchor_label(index, anchor, kind)
    if not _ZERO.search(label):
        return f"{after_word} {paragraph_reference(label)}"
    first = next((index.labels[b.id] for b in index.parts()[index.part[anchor]]
                  if b.kind == kind and b.id in index.labels), "")
    if first:
        return f"{before_word} {paragraph_reference(first)}"
    if index.blocks[anchor].kind == FORMULA:
        return f"{after_word} the enacting formula"
    return f"{after_word} {paragraph_reference(index.labels.get(anchor, ''))}"

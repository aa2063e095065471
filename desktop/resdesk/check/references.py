"""Rules on cross-references inside the text: "paragraph 17 above", "paragraphs 5 and 6 of the present
resolution", "subparagraph (c) below" (English).

A reference names a paragraph by its number, but it means a paragraph: the block it resolved to in an
earlier state of the text (the version a revision was made from, or the text before an edit in the
window) is remembered by block id (`reference_targets`), so that after paragraphs are renumbered the
reference is found pointing at the wrong one and its new number offered as the fix.

Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II.E
"References to paragraphs" and II.F "Internal references to the resolution as a whole" ("the
present resolution"); and "Instructions for the preparation of documents", "References and
quotations": internal cross-references are checked in the final draft, as paragraph numbers may have
changed from those in earlier drafts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from resdesk.check.context import Context, build_context
from resdesk.check.findings import Fix, Hit
from resdesk.check.rule import rule
from resdesk.model.document import OPERATIVE, PREAMBULAR, SUBPARAGRAPH, TEXT, Block, Document

READ = (PREAMBULAR, OPERATIVE, SUBPARAGRAPH, TEXT)
_SUB = r"\([a-z]{1,5}\)"
_WHERE = (r"(?P<where>above|below|of the present (?:resolution|decision)|of this (?:resolution|decision)"
          r"|of the annex to the present (?:resolution|decision))")
_PARAGRAPHS = re.compile(rf"(?<!preambular )\b(?:operative )?paragraphs? (?P<list>\d+(?: {_SUB})*"
                         rf"(?:(?:, | and | to | or |–)\d+(?: {_SUB})*)*) {_WHERE}\b")
_PARAGRAPH_ITEM = re.compile(rf"(?P<number>\d+)(?P<subs>(?: {_SUB})*)")
_SUBPARAGRAPHS = re.compile(rf"\bsubparagraphs? (?P<list>{_SUB}(?:(?:, | and | to | or ){_SUB})*)"
                            rf"(?: of (?:operative )?paragraph (?P<paragraph>\d+))?(?: {_WHERE})?")
_SUB_ITEM = re.compile(_SUB)


@dataclass(frozen=True)
class Reference:
    """One paragraph named by a cross-reference in a block's text."""

    block: str
    start: int            # the item's place in the text: "17", "17 (a)" or "(c)"
    end: int
    phrase: str           # the whole reference, for messages: "paragraph 17 above"
    kind: str             # "paragraph" or "subparagraph"
    named: str            # the label it names ("OP17", "OP5 (c)")
    target: str | None    # the block it names in this text, None when there is none
    where: str            # "above", "below", "of the present resolution", …
    where_start: int
    external: bool = False  # a bare "subparagraph (c)" that may well be another text's

    @property
    def key(self) -> tuple:
        return (self.block, self.kind, self.named)


def _prefix(context: Context, part: int) -> str:
    if part == 0:
        return ""
    return "Annex " if len(context.document.annexes) == 1 else f"Annex {part} "


def _part(context: Context, block: Block, where: str | None) -> int | None:
    if not where or where in ("above", "below"):
        return context.index.part[block.id]
    if "annex" in where:
        return 1 if len(context.document.annexes) == 1 else None
    return 0


def references(block: Block, context: Context) -> list[Reference]:
    """Every internal reference to a paragraph in the block's text, resolved against the text."""
    text = block.text
    if "paragraph" not in text or block.id not in context.index.part:
        return []
    found: list[Reference] = []
    for match in _PARAGRAPHS.finditer(text):
        part = _part(context, block, match["where"])
        if part is None:
            continue
        for item in _PARAGRAPH_ITEM.finditer(match["list"]):
            subs = "".join(f" {s}" for s in _SUB_ITEM.findall(item["subs"]))
            named = f"{_prefix(context, part)}OP{item['number']}{subs}"
            start = match.start("list") + item.start()
            found.append(Reference(block.id, start, start + len(item.group()), match.group(), "paragraph", named,
                                   context.by_label.get(named), match["where"], match.start("where")))
    for match in _SUBPARAGRAPHS.finditer(text):
        where = match["where"] or ""
        part = _part(context, block, where)
        if part is None:
            continue
        if match["paragraph"]:
            holders = [f"{_prefix(context, part)}OP{match['paragraph']}"]
        else:
            holders = [context.label(b.id) for b in _holders(block, context)]
        for item in _SUB_ITEM.finditer(match["list"]):
            candidates = [f"{holder} {item.group()}" for holder in holders if holder]
            target = next((context.by_label[c] for c in candidates if c in context.by_label), None)
            external = not match["paragraph"] and not where and not any(
                context.index.children.get(context.by_label.get(h, "")) for h in holders)
            start = match.start("list") + item.start()
            found.append(Reference(block.id, start, start + len(item.group()), match.group(), "subparagraph",
                                   candidates[0] if candidates else item.group(), target, where,
                                   match.start("where") if where else -1, external))
    return found


def _holders(block: Block, context: Context) -> list[Block]:
    """The paragraphs whose sub-paragraphs a bare "subparagraph (c)" in `block` may mean: the block itself
    if it is an operative paragraph, then the paragraphs it belongs to."""
    result = [block] if block.kind == OPERATIVE else []
    while block.kind == SUBPARAGRAPH and block.parent in context.index.blocks:
        block = context.index.blocks[block.parent]
        result.append(block)
    return result


def reference_targets(document: Document) -> dict[tuple, str]:
    """What every resolved reference of `document` points at, by (block id, kind, label named)."""
    context = build_context(document)
    return {ref.key: ref.target for block in document.all_blocks() for ref in references(block, context)
            if ref.target}


def remember(memory: dict[tuple, str], block: Block, context: Context) -> None:
    """Keep in `memory` what the block's references mean, for the next state of the text.

    A reference already remembered keeps the paragraph it meant (so a renumbering is found, and found
    again until the reference is updated or the renumbering undone); a new one is remembered as it
    resolves now; references no longer in the text are forgotten.
    """
    present = {ref.key: ref.target for ref in references(block, context)}
    for key in [key for key in memory if key[0] == block.id and key not in present]:
        del memory[key]
    for key, target in present.items():
        if key not in memory and target:
            memory[key] = target


def _quoted(ref: Reference) -> str:
    return f"“{ref.phrase}”"


@rule("xref-missing", kinds=READ, english=True)
def missing_target(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """The paragraph a cross-reference names exists (Editorial Manual, resolutions, II.E "References to
    paragraphs"; "Instructions for the preparation of documents": internal cross-references are checked)."""
    for ref in references(block, context):
        if ref.target is None and not ref.external and ref.key not in context.remembered:
            yield Hit("xref-missing", f"{_quoted(ref)} names a paragraph the text does not have ({ref.named}).",
                      ref.start, ref.end)


@rule("xref-direction", kinds=READ, english=True)
def wrong_direction(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """"Above" names a paragraph before the reference, "below" one after it (Editorial Manual, resolutions,
    II.E "References to paragraphs")."""
    here = context.position[block.id]
    for ref in references(block, context):
        if ref.target is None or ref.where not in ("above", "below") or ref.key in context.remembered:
            continue
        there = context.position[ref.target]
        right = "above" if there < here else "below"
        if there != here and ref.where != right:
            yield Hit("xref-direction", f"{_quoted(ref)}: {context.label(ref.target)} stands {right} this paragraph.",
                      ref.where_start, ref.where_start + len(ref.where),
                      Fix(ref.where_start, ref.where_start + len(ref.where), right))


@rule("xref-renumbered", kinds=READ, english=True)
def renumbered_target(text: str, block: Block, context: Context) -> Iterator[Hit]:
    """A cross-reference follows its paragraph when paragraphs are renumbered: the paragraph it meant in
    the earlier text is found by its id and the reference offered its new number (Editorial Manual,
    "Instructions for the preparation of documents": paragraph numbers may have changed from those in
    earlier drafts)."""
    since = f" since {context.earlier}" if context.earlier else ""
    for ref in references(block, context):
        meant = context.remembered.get(ref.key)
        if meant is None or meant == ref.target:
            continue
        if meant not in context.index.blocks:
            yield Hit("xref-renumbered", f"{_quoted(ref)} meant a paragraph that was deleted{since}.",
                      ref.start, ref.end)
            continue
        now = context.label(meant)
        written = _written_as(ref, now)
        fix = Fix(ref.start, ref.end, written) if written else None
        yield Hit("xref-renumbered", f"{_quoted(ref)} meant the paragraph that is now {now} (renumbered{since}).",
                  ref.start, ref.end, fix)


_PART = re.compile(r"(?:Annex (?:\d+ )?)?")


def _written_as(ref: Reference, label: str) -> str:
    """How the reference writes the paragraph now labelled `label`: "18", "18 (b)" or "(d)" ("" when the
    same words cannot say it: it went to another part, or under another paragraph)."""
    match = re.fullmatch(r"(?P<part>(?:Annex (?:\d+ )?)?)OP(?P<rest>\d+(?: \([a-z]+\))*)", label)
    if not match or _PART.match(ref.named).group() != match["part"]:
        return ""
    if ref.kind == "paragraph":
        return match["rest"]
    holder, _, sub = label.rpartition(" ")
    return sub if ref.named.rpartition(" ")[0] == holder else ""

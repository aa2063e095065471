"""What a draft asks for: the mandates of its operative paragraphs (English).

The facilitator's list of what the Secretariat must cost (programme budget implications): every
operative paragraph, or sub-paragraph of one, that requests a report, an event, a new body or a
post, that decides to include an item in the provisional agenda, or that asks the Secretary-General
or the Secretariat for something (resources, an action). Each ask names the paragraph, the actor
("the Secretary-General", "the United Nations Office on Drugs and Crime"; the organ itself for what
it decides), what is asked, and by when ("at its seventy-ninth session"), and whether it is to be
met within existing resources.

A paragraph is read clause by clause: a clause opens where an operative verb stands (recognised with
the opening-phrase lexicon) at the start of the paragraph or after a comma, semicolon or "and"; the
clauses whose verb requests ("requests", "also invites") or decides ask something; the actor follows
the verb up to the infinitive ("to submit …"). A sub-paragraph "To …"
under "Requests the Secretary-General:" is the Secretary-General's. The words are data
(`resources/check/en.toml`, section [asks]).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache

from resdesk.amend.labels import document_labels
from resdesk.check.context import rule_data
from resdesk.model.document import OPERATIVE, SUBPARAGRAPH, Block, Document
from resdesk.un.phrases import opening_phrase

REPORT = "report"
EVENT = "event"
BODY = "body"
POST = "post"
AGENDA = "agenda"
RESOURCES = "resources"
MANDATE = "mandate"
_LONGEST_WHAT = 200


@dataclass(frozen=True)
class Ask:
    block: str
    label: str
    kind: str
    actor: str
    what: str
    when: str = ""
    within_existing_resources: bool = False

    def to_json(self) -> dict:
        return asdict(self)

    def brief(self) -> str:
        """The ask for a person, on one line: "the Secretary-General: a report on … (at its sixty-ninth session)"."""
        what = self.what if len(self.what) <= _LONGEST_WHAT else self.what[:_LONGEST_WHAT].rsplit(" ", 1)[0] + " …"
        when = f" ({self.when})" if self.when else ""
        within = " [within existing resources]" if self.within_existing_resources else ""
        return f"{self.actor}: {what}{when}{within}"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


class _Patterns:
    """The [asks] data compiled into patterns, once."""

    def __init__(self, data: dict):
        self.data = data
        adverbs = _alternatives(data["adverbs"])
        verbs = _alternatives(data["request_verbs"] + data["decision_verbs"])
        self.verb = re.compile(rf"(?:(?:{adverbs}) )*(?P<verb>{verbs})\b", re.IGNORECASE)
        self.any_verb = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
        self.decisions = {verb.lower() for verb in data["decision_verbs"]}
        self.adverb_words = {adverb.split()[0] for adverb in data["adverbs"]} | {"once", "again", "strongly"}
        self.when = re.compile("|".join(f"(?:{pattern})" for pattern in data["when"]))
        reports = _alternatives(data["reports"])
        report_verbs = _alternatives(data["report_verbs"])
        self.report = re.compile(
            rf"^report\b|\bto report\b|\breport(?:s|ing)? (?:thereon|on|to)\b|\b(?:{report_verbs})\b"
            rf"[^;]{{0,120}}?\b(?P<what>(?P<article>a|an|its|his|her|their|the|annual|updated|regular) "
            rf"(?:(?!(?:a|an|its|his|her|their|the|session)\b)[\w-]+ ){{0,3}}(?:{reports})\b[^,;]*)", re.IGNORECASE)
        self.not_costed = tuple(data["not_costed"])
        self.kinds = [
            (EVENT, self._near(data["event_verbs"], data["events"])),
            (BODY, self._near(data["body_verbs"], data["bodies"])),
            (POST, self._near(data["post_verbs"], data["posts"])),
            (RESOURCES, self._near(data["resource_verbs"], data["resources"])),
        ]

    @staticmethod
    def _near(verbs: list[str], nouns: list[str]) -> re.Pattern:
        return re.compile(rf"\b(?:{_alternatives(verbs)})\b[^;]{{0,80}}?\b(?:{_alternatives(nouns)})\b", re.IGNORECASE)


@cache
def _patterns(language: str) -> _Patterns | None:
    data = rule_data(language)
    return _Patterns(data["asks"]) if data and language == "en" else None


def asks(document: Document) -> list[Ask]:
    """Every ask of the resolution's operative part, in reading order (none for texts not in English)."""
    labels = document_labels(document)
    by_id = {block.id: block for block in document.blocks}
    return [ask for block in document.blocks for ask in paragraph_asks(document, block, labels, by_id)]


def paragraph_asks(document: Document, block: Block, labels: dict[str, str],
                   by_id: dict[str, Block] | None = None) -> list[Ask]:
    """The asks of one paragraph of the resolution (the window reads again only the paragraph typed in)."""
    patterns = _patterns(document.meta.language or "en")
    if patterns is None or block.kind not in (OPERATIVE, SUBPARAGRAPH):
        return []
    by_id = by_id if by_id is not None else {b.id: b for b in document.blocks}
    if block.id not in by_id or _top(block, by_id).kind != OPERATIVE:
        return []
    organ = f"the {document.meta.organ or 'General Assembly'}"
    return block_asks(block, labels.get(block.id, ""), organ, patterns, by_id)


def _top(block: Block, by_id: dict[str, Block]) -> Block:
    while block.kind == SUBPARAGRAPH and block.parent in by_id:
        block = by_id[block.parent]
    return block


def block_asks(block: Block, label: str, organ: str, patterns: _Patterns, by_id: dict[str, Block]) -> list[Ask]:
    """The asks of one paragraph."""
    clauses = list(_clauses(block.text, organ, patterns))
    if not clauses and block.kind == SUBPARAGRAPH and block.text.startswith("To ") and block.parent in by_id:
        introduction = list(_clauses(by_id[block.parent].text, organ, patterns))
        if introduction and by_id[block.parent].text.rstrip().endswith(":"):
            clauses = [(introduction[-1][0], block.text[3:])]
    result = []
    for actor, rest in clauses:
        ask = _classify(actor, rest, patterns) if rest else None
        if ask is not None:
            kind, what = ask
            result.append(Ask(block.id, label, kind, actor, " ".join(what.split()).strip(" ,;.:"),
                              _when(kind, rest, patterns),
                              patterns.data["existing_resources"] in rest))
    return result


_BOUNDARY = re.compile(r"(?:,|;)? (?:and )?(?=[a-z])")


def _clause_starts(text: str, patterns: _Patterns) -> list[int]:
    """Where the clauses of an operative paragraph open: its start, and every place after a comma,
    semicolon or "and" where an operative verb stands ("…, and requests the Office …")."""
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        if match.group() == " ":
            continue
        head = text[match.end():match.end() + 60]
        first = head.split(" ", 1)[0]
        if not (first.endswith("s") or first in patterns.adverb_words):
            continue  # an operative verb ends in -s, or follows an adverb ("also", "further")
        if patterns.verb.match(head) or opening_phrase(head[:1].upper() + head[1:], OPERATIVE, "en"):
            starts.append(match.end())
    return starts


def _clauses(text: str, organ: str, patterns: _Patterns):
    """(actor, what follows the actor) for every clause opened by a verb of request or decision."""
    if not patterns.any_verb.search(text):
        return  # most paragraphs ask nothing: no need to find their clauses
    starts = _clause_starts(text, patterns)
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        match = patterns.verb.match(text, start, end)
        if match is None:
            continue
        clause = text[match.end():end].strip(" ,;.:")
        if match["verb"].lower() in patterns.decisions:
            infinitive = re.match(r"(?:to|that)\s+(.*)", clause, re.DOTALL)
            if infinitive:
                yield organ, infinitive.group(1)
            continue
        actor = re.match(r"(.+?)(?:,|\s+to\s+(?=[a-z]))", clause + " ")
        rest = re.search(r"\bto\s+(?=[a-z])(.*)", clause[actor.end(1):] if actor else clause, re.DOTALL)
        if actor and rest and not actor.group(1).lower().startswith(patterns.not_costed):
            yield actor.group(1).strip(), rest.group(1)
        elif not rest and text[:end].rstrip().endswith(":") and clause:
            yield clause, ""  # "Requests the Secretary-General:" introduces what is asked of it


def _classify(actor: str, rest: str, patterns: _Patterns) -> tuple[str, str] | None:
    """(kind, what is asked) of one clause, or None when it asks nothing the Secretariat must cost."""
    data = patterns.data
    if data["agenda"] in rest and re.search(r"\binclude\b", rest):
        title = re.search(r"“([^”]+)”", rest)
        return AGENDA, title.group(1) if title else rest
    report = patterns.report.search(rest)
    if report:
        new = report["article"] and report["article"].lower() in ("a", "an", "annual", "updated", "regular")
        return REPORT, report["what"] if new else _infinitive(rest)
    for kind, pattern in patterns.kinds:
        if pattern.search(rest) and not (kind == RESOURCES and data["existing_resources"] in rest):
            return kind, _infinitive(rest)
    if any(word in actor.lower() for word in data["secretariat"]):
        return MANDATE, _infinitive(rest)
    return None


def _when(kind: str, rest: str, patterns: _Patterns) -> str:
    """By when: "at its seventy-ninth session", "by 2030", "annually" ("" when the paragraph does not say)."""
    if kind == AGENDA:
        session = re.search(r"provisional agenda of (its [a-z-]+ session)", rest)
        if session:
            return f"at {session.group(1)}"
    when = patterns.when.search(rest)
    return when.group() if when else ""


def _infinitive(rest: str) -> str:
    return "to " + rest.strip(" ,;.:")

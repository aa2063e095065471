"""Delegations' Word files as their proposals: each tracked change under its own author, typed changes under the
file's delegation, comments (with replies) by their authors, nothing recorded twice.

A delegation takes the Word file of a draft, edits it (with Track Changes on, perhaps by several people, or
typing over it) and sends it back. Reading one:

1. The file's version: its masthead symbol names the version it was made from (without a symbol: the
   current one); a symbol of no version of the document is refused.
2. Its text before the tracked changes (every change rejected) is matched with that version
   (`resdesk.views.matching`: our hidden bookmarks, then words and position); the differences are typed
   changes, proposed by the file's delegation.
3. For every author of tracked changes, the text with only that author's changes accepted is compared with
   the text before them (paragraphs are the same Word paragraphs in every reading: `WordText.origins`);
   the differences are that author's proposals. An author whose changes change no word (the Secretariat
   renumbering paragraphs) proposes nothing. Authors are delegations by name, short name or ISO-3 code, or
   by the map given (`--author-map "J. Smith=Brazil"`).
4. Comments become comments by their authors on the paragraph they are anchored in (on the proposal, when
   that paragraph is a new one), replies as replies.
5. A file of an earlier version has its proposals carried through the revisions since, as a revision
   carries pending amendments (`resdesk.amend.revise.carry_forward`); those that no longer fit are named.
6. What the document already holds is skipped and counted (`resdesk.amend.duplicates`), and so are the
   comments our own tracked export writes (an alternative's, a colliding proposal's).

Several files are read together (`word_file_proposals`) and refused together, before anything is recorded,
in one sentence: authors that are no delegation (every one, with its files), files with typed changes whose
delegation is not known (from `--as` or from the file's name: "Brazil.docx", "BRA.docx", "Brazil - comments
.docx"). A tracked change made inside a paragraph typed in without Track Changes, or inside words also
changed without it, cannot be placed and is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from resdesk.amend.anchors import TextIndex
from resdesk.amend.batches import PLACEHOLDER, FileProposals
from resdesk.amend.duplicates import same_comment, same_proposal, same_words_together
from resdesk.amend.instructions import instruction
from resdesk.amend.reanchor import mapped_offset, refind
from resdesk.amend.revise import carry_forward
from resdesk.errors import UserError, in_words
from resdesk.formats.docx.paragraphs import REJECT_ALL, Acceptance
from resdesk.formats.docx.reader import DocxPackage
from resdesk.formats.docx.review import WordComment, comments, revision_authors
from resdesk.formats.docx.tracked import our_notes
from resdesk.formats.docx_import import WordText, read_docx
from resdesk.formats.sources import source_bytes
from resdesk.model.amendment import FOOTNOTE_CHANGE, REPLACE, Amendment
from resdesk.model.comment import Comment
from resdesk.model.delegation import Delegation, find_delegation
from resdesk.model.document import Document
from resdesk.views.compare import proposed_changes
from resdesk.views.matching import match_blocks
from resdesk.views.proposal_context import ProposalContext

# What may follow a delegation's name in a file name: "Brazil - comments", "BRA_rev2", "Brazil (2)".
_NAME_END = re.compile(r"\s*(?:[-–—_,;(\[]|\s)\s*")


class UnknownAuthors(UserError):
    """Tracked changes or comments by authors that are no delegation: `authors` maps each to its files."""

    def __init__(self, authors: dict[str, list[str]]):
        listed = in_words([f"“{author or '(no name)'}” ({', '.join(files)})" for author, files in authors.items()])
        super().__init__(f"Tracked changes or comments are by {listed}, which {'is' if len(authors) == 1 else 'are'} "
                         "no delegation; say whose they are with --author-map \"NAME=DELEGATION\".")
        self.authors = authors


@dataclass
class WordFile:
    """A Word file to read: its name, bytes, and the delegation its typed changes are by ("" to tell it from
    the name)."""

    name: str
    data: bytes
    delegation: str = ""

    @staticmethod
    def at(path: Path, delegation: str = "") -> WordFile:
        return WordFile(path.name, source_bytes(path), delegation)


@dataclass
class _Reading:
    """One file read: its version, typed changes, each author's changes (with the Word paragraph each new
    paragraph is), comments, and what could not be placed."""

    file: WordFile
    base: Document
    typed: list[Amendment]
    typed_origins: dict[int, int]                                  # Word paragraph -> index in `typed`
    by_author: dict[str, list[Amendment]] = field(default_factory=dict)
    new_origins: dict[int, tuple[str, int]] = field(default_factory=dict)  # Word paragraph -> (author, index)
    start_origins: dict[int, str] = field(default_factory=dict)    # Word paragraph -> the base block it is
    comments: list[WordComment] = field(default_factory=list)
    not_placed: list[str] = field(default_factory=list)


def delegation_from_name(file_name: str, delegations: list[Delegation]) -> Delegation | None:
    """The delegation a file is named after: its whole name, or the longest start of it that is a delegation's
    name, short name or ISO-3 code ("Brazil.docx", "BRA.docx", "Brazil - comments.docx"); None when none is."""
    stem = " ".join(Path(file_name).stem.replace("_", " ").split())
    cuts = sorted({m.start() for m in _NAME_END.finditer(stem)} | {len(stem)}, reverse=True)
    for cut in cuts:
        found = find_delegation(delegations, stem[:cut].strip(" -–—"))
        if found is not None:
            return found
    return None


def word_file_proposals(files: list[WordFile], context: ProposalContext,
                        author_map: dict[str, str] | None = None) -> list[FileProposals]:
    """What each file proposes that the document does not hold yet (see the module docstring); refused, in one
    sentence, before anything is recorded, when authors or delegations cannot be told."""
    delegations = context.delegations
    names = {" ".join(k.split()).casefold(): _delegation(v, delegations, f"for the author “{k}”")
             for k, v in (author_map or {}).items()}
    readings = [_read(file, context) for file in files]
    unknown: dict[str, list[str]] = {}
    for reading in readings:
        for author in [*(a for a, changes in reading.by_author.items() if changes),
                       *(c.author for c in reading.comments)]:
            if _author(author, names, delegations) is None and reading.file.name not in unknown.get(author, []):
                unknown.setdefault(author, []).append(reading.file.name)
    if unknown:
        raise UnknownAuthors(unknown)
    for reading in readings:
        if not reading.file.delegation:
            found = delegation_from_name(reading.file.name, delegations)
            reading.file.delegation = found.name if found else ""
        else:
            reading.file.delegation = _delegation(reading.file.delegation, delegations,
                                                  f"for {reading.file.name}").name
    nameless = [r.file.name for r in readings if r.typed and not r.file.delegation]
    if nameless:
        raise UserError(f"{in_words(nameless)} {'has' if len(nameless) == 1 else 'have'} changes made without "
                        "Track Changes, and no delegation can be told from the file name; say whose they are "
                        "(--as, or the file's delegation in the window), or name the file after it, e.g. Brazil.docx.")
    batch = _Batch(context)
    return [batch.add(reading, names) for reading in readings]


def _delegation(name: str, delegations: list[Delegation], named: str) -> Delegation:
    found = find_delegation(delegations, name)
    if found is None:
        raise UserError(f"“{name}”, named {named}, is not a known delegation; use a delegation's name, short "
                        "name or ISO-3 code (the built-in list, or one added to the document).")
    return found


def _author(author: str, names: dict[str, Delegation], delegations: list[Delegation]) -> str | None:
    mapped = names.get(author.casefold())
    found = mapped or find_delegation(delegations, author)
    return found.name if found else None


# -- reading one file ------------------------------------------------------------------------------------


def _read(file: WordFile, context: ProposalContext) -> _Reading:
    package = DocxPackage(file.data, file.name)
    before = read_docx(package, REJECT_ALL)
    base = _version(file.name, before.document.meta.symbol, context)
    start = match_blocks(base, before.document, before.bookmarks)
    typed = proposed_changes(base, start, "")
    reading = _Reading(file, base, typed, {})
    start_ids = {}
    for block, matched in zip(before.document.all_blocks(), start.all_blocks(), strict=True):
        start_ids[before.origins[block.id]] = matched.id
    in_base = TextIndex.of(base).blocks
    reading.start_origins = {origin: ident for origin, ident in start_ids.items() if ident in in_base}
    _note_new_blocks(typed, start, before, reading.typed_origins)
    for author in revision_authors(package):
        changes = _author_changes(package, author, start, start_ids, reading)
        reading.by_author[author] = _rebased(changes, base, start, typed, reading)
    reading.comments = comments(package)
    return reading


def _version(name: str, symbol: str, context: ProposalContext) -> Document:
    """The version a file was made from, by its masthead symbol."""
    current = context.current
    if not symbol or not current.meta.symbol or symbol == current.meta.symbol:
        return current
    found = context.version_of(symbol)
    if found is None or found.version not in context.steps:
        known = in_words([v.meta.symbol for v in context.versions if v.meta.symbol])
        raise UserError(f"{name} is a Word file of {symbol}, which is no version of this document ({known}); "
                        "its changes would be read against the wrong text.")
    return found


def _author_changes(package: DocxPackage, author: str, start: Document, start_ids: dict[int, str],
                    reading: _Reading) -> list[Amendment]:
    """One author's changes: the text with only them accepted, compared with the text before any."""
    theirs = read_docx(package, Acceptance(frozenset({author})))
    known = {block.id: start_ids[theirs.origins[block.id]] for block in theirs.document.all_blocks()
             if theirs.origins.get(block.id) in start_ids}
    after = match_blocks(start, theirs.document, known)
    changes = proposed_changes(start, after, author)
    origins: dict[int, int] = {}
    _note_new_blocks(changes, after, theirs, origins)
    reading.new_origins.update({origin: (author, index) for origin, index in origins.items()})
    return changes


def _note_new_blocks(changes: list[Amendment], matched: Document, read: WordText, into: dict[int, int]) -> None:
    """Word paragraph -> the index of the insertion among `changes` that proposes it."""
    inserted = {block.id: index for index, change in enumerate(changes) for block in change.new_blocks()}
    for block, renamed in zip(read.document.all_blocks(), matched.all_blocks(), strict=True):
        if renamed.id in inserted and block.id in read.origins:
            into[read.origins[block.id]] = inserted[renamed.id]


def _rebased(changes: list[Amendment], base: Document, start: Document, typed: list[Amendment],
             reading: _Reading) -> list[Amendment]:
    """Changes made on the text before the tracked changes, on the version instead: the same where the file's
    typed changes left the paragraph alone, moved past them elsewhere; what cannot be placed is named."""
    index, start_index = TextIndex.of(base), TextIndex.of(start)
    result = []
    for change in changes:
        where = [ident for ident in (change.target, change.after) if ident]
        if any(ident not in index.blocks for ident in where):
            words = start_index.blocks[change.target].text if change.target in start_index.blocks else ""
            reading.not_placed.append(f"{change.author}’s change in a paragraph typed in without Track Changes "
                                      f"(“{_opening(words)}”)")
            continue
        if change.kind in (REPLACE, FOOTNOTE_CHANGE) and index.blocks[change.target].text != \
                start_index.blocks[change.target].text:
            undone = _undone(change.target, typed)
            if change.kind == FOOTNOTE_CHANGE:
                change.start = change.end = mapped_offset(change.start, undone)
            elif not refind(change, index.blocks[change.target].text, undone):
                reading.not_placed.append(f"{change.author}’s change of “{change.old}” in "
                                          f"{index.labels.get(change.target)}: those words were also changed "
                                          "without Track Changes")
                continue
        if change.kind == FOOTNOTE_CHANGE and change.old and change.footnote_id not in base.footnotes:
            reading.not_placed.append(f"{change.author}’s change of a footnote typed in without Track Changes")
            continue
        result.append(change)
    return result


def _undone(target: str, typed: list[Amendment]) -> list[tuple[int, int, int]]:
    """The typed replacements of one paragraph seen from the typed text: (start, end, length of the version's
    words), to map an offset of the typed text onto the version's."""
    undone, shift = [], 0
    for change in sorted((c for c in typed if c.kind == REPLACE and c.target == target), key=lambda c: c.start):
        start = change.start + shift
        undone.append((start, start + len(change.new), len(change.old)))
        shift += len(change.new) - len(change.old)
    return undone


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


# -- the batch: authors, carrying through revisions, duplicates, comments -------------------------------


class _Batch:
    """Files turned into what they propose, in order: each file's proposals are checked against the document
    and the files before it."""

    def __init__(self, context: ProposalContext):
        self.context = context
        self.current = context.current
        self.existing = list(context.amendments)
        self.comments = list(context.comments)
        self.notes = {" ".join(note.split()) for note in our_notes(self.current, context.amendments)}
        self.proposals = 0  # proposals of the batch so far (the placeholders' numbers)
        self.written = 0    # comments of the batch so far
        self.same: dict[int, str] = {}  # a duplicate (by identity) -> the amendment (id or placeholder) it repeats

    def add(self, reading: _Reading, names: dict[str, Delegation]) -> FileProposals:
        result = FileProposals(reading.file.name, reading.file.delegation if reading.typed else "",
                               reading.base.version, not_placed=list(reading.not_placed))
        groups = [(reading.file.delegation, reading.typed, reading.typed_origins)]
        new_origins: dict[int, str] = {}  # Word paragraph -> the proposal (its placeholder) of a new paragraph
        for author, changes in reading.by_author.items():
            origins = {origin: index for origin, (who, index) in reading.new_origins.items() if who == author}
            groups.append((_author(author, names, self.context.delegations) or "", changes, origins))
        for delegation, changes, origins in groups:
            for change in changes:
                change.author = delegation
            placed = self._carried(reading, changes, result)
            kept = self._new(placed, result)
            at = {id(change): number for number, change in enumerate(kept, start=self.proposals)}
            for origin, index in origins.items():
                change = id(changes[index])
                if change in at:
                    new_origins[origin] = f"{PLACEHOLDER}{at[change]}"
                elif change in self.same:
                    new_origins[origin] = self.same[change]
            result.proposals += kept
            self.existing += kept
            self.proposals += len(kept)
        self._comments(reading, names, new_origins, result)
        return result

    def _carried(self, reading: _Reading, changes: list[Amendment], result: FileProposals) -> list[Amendment]:
        """The changes on the current version: carried through the revisions made since the file's version."""
        steps = self.context.steps.get(reading.base.version, [])
        if not steps:
            return changes
        said = {id(change): instruction(TextIndex.of(reading.base), change) for change in changes}
        for step in steps:
            carry_forward(changes, step.old, step.applied, step.new)
        for change in changes:
            if change.stale:
                result.not_placed.append(f"{change.author}: “{said[id(change)]}” no longer fits "
                                         f"{self.current.version} (its words or paragraph are gone)")
        return [change for change in changes if not change.stale]

    def _new(self, changes: list[Amendment], result: FileProposals) -> list[Amendment]:
        """The changes the document does not hold yet; `same` remembers what each duplicate repeats."""
        kept = []
        groups: dict[tuple[str, str], list[Amendment]] = {}
        for change in changes:
            if change.kind == REPLACE:
                groups.setdefault((change.author, change.target), []).append(change)
        together = {id(c) for group in groups.values() if same_words_together(self.current, self.existing, group)
                    for c in group}
        for change in changes:
            earlier = same_proposal(self.current, self.existing, change)
            if id(change) in together or earlier is not None:
                result.duplicates += 1
                if earlier is not None:
                    self.same[id(change)] = earlier.id or f"{PLACEHOLDER}{self._placeholder(earlier)}"
                continue
            kept.append(change)
        return kept

    def _placeholder(self, proposal: Amendment) -> int:
        """The batch number of a proposal of an earlier file (not stored yet)."""
        new = self.existing[len(self.context.amendments):]
        return next(i for i, p in enumerate(new) if p is proposal)

    def _comments(self, reading: _Reading, names: dict[str, Delegation], new_origins: dict[int, str],
                  result: FileProposals) -> None:
        """The file's comments: on their paragraph, or on the proposal of a new paragraph; replies as replies."""
        written: dict[str, str] = {}  # Word comment id -> the comment (id or placeholder) it is now
        targets: dict[str, tuple[str, str]] = {}  # Word comment id -> (block, proposal) it is on
        index = TextIndex.of(self.current)
        for word in reading.comments:
            author = _author(word.author, names, self.context.delegations) or ""
            if word.reply_to:
                if word.reply_to not in written:
                    result.not_placed.append(f"{author}’s reply “{_opening(word.text)}” (to a comment not placed)")
                    continue
                block, on = targets[word.reply_to]
            else:
                on = new_origins.get(word.origin, "")
                block = "" if on else reading.start_origins.get(word.origin, "")
                if block not in index.blocks and not on:
                    result.not_placed.append(f"{author}’s comment “{_opening(word.text)}” (not on a paragraph "
                                             "of the text)")
                    continue
            targets[word.id] = (block, on)
            comment = Comment("", author, word.text, block=block, amendment=on, reply_to=written.get(word.reply_to, ""))
            about = block or next((a.target for a in self.existing if a.id and a.id == on), "")
            earlier = same_comment(self.comments, self.existing, comment, about)
            if earlier is not None or " ".join(word.text.split()) in self.notes:
                result.duplicates += 1
                if earlier is not None:
                    written[word.id] = earlier.id
                continue
            written[word.id] = f"{PLACEHOLDER}{self.written}"
            self.written += 1
            result.comments.append(comment)
            self.comments.append(replace(comment, id=written[word.id]))

"""Recording what several Word files propose, in one step: their amendments and comments, and what collides.

`resdesk.formats.docx_proposals` reads each file into a `FileProposals` (nothing stored yet); `record_files`
stores them all in one transaction (the window's one undo step), in order, turning the placeholders that
tie a comment to a new proposal or a reply to a new comment into the ids the store gives, and says which
new amendments collide with others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.amend.collisions import find_collisions
from resdesk.model.amendment import Amendment
from resdesk.model.comment import Comment
from resdesk.store.amendments import add_amendment, amendments
from resdesk.store.comments import add_comment
from resdesk.store.docfile import DocumentFile
from resdesk.store.documents import load

# A comment's `amendment` (or a reply's `reply_to`) naming something new of the same batch: "#n" is the n-th
# proposal (or comment) of the whole batch, counted from 0 over the files in order.
PLACEHOLDER = "#"


@dataclass
class FileProposals:
    """What one Word file proposes that the document does not hold yet.

    `delegation` made its typed (untracked) changes ("" when it has none); `version` is the version the
    file was made from; `proposals` are on the current version, not stored; `comments` may name a proposal
    or a comment of the batch by placeholder (see `PLACEHOLDER`); `duplicates` counts the changes and
    comments already in the document; `not_placed` says, one sentence each, what could not be proposed."""

    file: str
    delegation: str
    version: str
    proposals: list[Amendment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    duplicates: int = 0
    not_placed: list[str] = field(default_factory=list)


@dataclass
class Recorded:
    """What `record_files` stored for one file: the ids of its new amendments and comments, and the new
    amendments' collisions (pairs of ids, the new one first)."""

    file: FileProposals
    amendments: list[Amendment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    collisions: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict:
        source = self.file
        return {"file": source.file, "delegation": source.delegation, "version": source.version,
                "proposals": [a.id for a in self.amendments], "comments": [c.id for c in self.comments],
                "duplicates": source.duplicates, "not_placed": source.not_placed,
                "collisions": [list(pair) for pair in self.collisions]}


def record_files(doc: DocumentFile, files: list[FileProposals], *, actor: str = "") -> list[Recorded]:
    """Store every file's proposals and comments in one transaction, and find the collisions they create."""
    recorded = [Recorded(source) for source in files]
    proposals: list[str] = []
    notes: list[str] = []
    with doc.transaction("propose-from-word", actor=actor, detail={"files": [f.file for f in files]}):
        for entry in recorded:
            for proposal in entry.file.proposals:
                entry.amendments.append(add_amendment(doc, proposal, actor=proposal.author))
                proposals.append(proposal.id)
        for entry in recorded:
            for comment in entry.file.comments:
                comment.amendment = _resolved(comment.amendment, proposals)
                comment.reply_to = _resolved(comment.reply_to, notes)
                entry.comments.append(add_comment(doc, comment, actor=comment.author))
                notes.append(comment.id)
    everything = amendments(doc)
    collisions = find_collisions(load(doc), everything)
    for entry in recorded:
        for amendment in entry.amendments:
            entry.collisions += [(amendment.id, other) for other in collisions.get(amendment.id, [])]
    return recorded


def _resolved(reference: str, ids: list[str]) -> str:
    return ids[int(reference[len(PLACEHOLDER):])] if reference.startswith(PLACEHOLDER) else reference


def report_text(recorded: list[Recorded]) -> str:
    """The report for a person: per file, what was recorded, skipped, not placed and what collides; then the
    totals."""
    lines = []
    for entry in recorded:
        source = entry.file
        said = [_counted(len(entry.amendments), "proposal", [a.id for a in entry.amendments]),
                _counted(len(entry.comments), "comment", [c.id for c in entry.comments])]
        said = [part for part in said if part] or ["nothing new"]
        if source.duplicates:
            said.append(f"{source.duplicates} already in the document, skipped")
        who = f" ({source.delegation})" if source.delegation else ""
        lines.append(f"{source.file}{who}, {source.version}: {'; '.join(said)}.")
        lines += [f"  not placed: {what}." for what in source.not_placed]
        lines += [f"  {new} collides with {other}." for new, other in entry.collisions]
    totals = [_counted(sum(len(e.amendments) for e in recorded), "proposal"),
              _counted(sum(len(e.comments) for e in recorded), "comment")]
    skipped = sum(e.file.duplicates for e in recorded)
    lines.append(f"{_counted(len(recorded), 'file')}: {' and '.join(t for t in totals if t) or 'nothing'} "
                 f"recorded, {skipped} skipped as already in the document, "
                 f"{_counted(sum(len(e.file.not_placed) for e in recorded), 'change') or '0 changes'} not placed, "
                 f"{_counted(sum(len(e.collisions) for e in recorded), 'collision') or '0 collisions'}.")
    return "\n".join(lines) + "\n"


def _counted(number: int, noun: str, ids: list[str] = ()) -> str:
    if not number:
        return ""
    listed = f" ({', '.join(ids)})" if ids else ""
    return f"{number} {noun}{'' if number == 1 else 's'}{listed}"

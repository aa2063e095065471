"""The editorial checks and the asks, kept up to date while the user types, without slowing typing.

A keystroke only marks its paragraph as changed and restarts a short timer (`PAUSE_MS`); when the
user pauses, the marked paragraphs alone are checked again, with the structure computed at the last
change of structure (`resdesk.check.checker.Checker`). A change of structure (a paragraph added,
moved, deleted, a revision, an undo of one) or of the metadata checks the whole text, after the same
pause, in slices of `SLICE_SECONDS` between which the window handles its events: a keystroke typed
meanwhile waits for one slice at most. In propose mode the text checked is what the acting delegation
proposes (its own word changes applied), so that a fix proposed from the Check panel clears its finding.

Cross-references remember the paragraph they meant: at first the one they named in the version this
one was revised from, then as the text stands when they are checked (`references.remember`), so that
a paragraph inserted before them in the window is found too.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from resdesk.amend.labels import document_labels
from resdesk.check.asks import Ask, paragraph_asks
from resdesk.check.checker import Checker, sort_findings
from resdesk.check.findings import Finding
from resdesk.check.references import reference_targets, remember
from resdesk.model.amendment import PROPOSED, REPLACE
from resdesk.model.document import Annex, Document
from resdesk.store.documents import load, previous_version

PAUSE_MS = 400
SLICE_SECONDS = 0.015


class CheckRunner(QObject):
    updated = Signal()
    failed = Signal(str)  # a check that could not run (a damaged file, a bug): one sentence for the window

    def __init__(self, session):
        super().__init__(session)
        self.session = session
        self.negotiation = session.negotiation
        self.checker: Checker | None = None
        self.block_findings: dict[str, list[Finding]] = {}
        self.document_findings: list[Finding] = []
        self.asks_by_block: dict[str, list[Ask]] = {}
        self._labels: dict[str, str] = {}
        self._dirty: set[str] | None = None  # None: the whole text
        self._proposing_in: set[str] = set()
        self._version = ""
        self._earlier_name = ""
        self.memory: dict[tuple, str] = {}
        self._queue: deque[str] = deque()
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.setObjectName("checkTimer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self._after_pause)
        session.structure_changed.connect(self.recheck_all)
        session.meta_changed.connect(self.recheck_all)
        session.block_changed.connect(self._block_changed)
        self.negotiation.changed.connect(self._proposals_changed)
        self.negotiation.mode_changed.connect(self.recheck_all)
        self.timer.start()

    # -- what the panels read ----------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        if self.checker is None:
            return []
        found = [f for block in self.checker.document.all_blocks() for f in self.block_findings.get(block.id, [])]
        return sort_findings(found + self.document_findings, self.checker.context.position)

    def asks(self) -> list[Ask]:
        if self.checker is None:
            return []
        return [ask for block in self.checker.document.blocks for ask in self.asks_by_block.get(block.id, [])]

    def idle(self) -> bool:
        """Whether every change has been checked (nothing waits for the pause, nothing is half checked)."""
        return not self.timer.isActive() and not self._queue and self._dirty == set()

    def checked_text(self, finding: Finding) -> str:
        """The text a finding's offsets refer to (the paragraph as checked, or its footnote)."""
        document = self.checker.document
        if finding.footnote:
            return document.footnotes[finding.footnote].text
        return self.checker.context.index.blocks[finding.block].text

    # -- when to check -----------------------------------------------------------------------------

    def recheck_all(self, *_args) -> None:
        self._dirty = None
        self.timer.start()

    def _block_changed(self, block_id: str, _from_editor: bool = False) -> None:
        if self._dirty is not None:
            self._dirty.add(block_id)
        self.timer.start()

    def _proposals_changed(self) -> None:
        changed = self._own_proposals() | self._proposing_in  # their proposed text may have changed
        if changed and self._dirty is not None:
            self._dirty |= changed
        if changed:
            self.timer.start()

    def _own_proposals(self) -> set[str]:
        """The paragraphs where the acting delegation proposes word changes (checked as it proposes them)."""
        negotiation = self.negotiation
        if not negotiation.proposing:
            return set()
        return {a.target for a in negotiation.amendments if a.kind == REPLACE and a.author == negotiation.acting
                and a.status == PROPOSED and not a.stale}

    # -- checking ----------------------------------------------------------------------------------

    def run_now(self) -> None:
        """Check what changed since the last run, at once (after a fix is applied, so that it goes away)."""
        self._begin()
        self._work(deadline=None)

    def stop(self) -> None:
        """No more checks (the window closes its document)."""
        self.timer.stop()
        self._stopped = True

    def _after_pause(self) -> None:
        if not self._stopped:
            self._guarded(self._begin)
            self._continue()

    def _continue(self) -> None:
        if self._dirty is None or self._stopped:
            return  # the structure changed meanwhile (the timer starts again from the whole text), or closed
        if self._guarded(self._work, time.monotonic() + SLICE_SECONDS) is False:
            QTimer.singleShot(0, self, self._continue)  # the rest once the events waiting are handled

    def _guarded(self, step, *args):
        """Run a step of the check from the event loop: an error is reported, never raised into Qt."""
        try:
            return step(*args)
        except Exception as error:  # noqa: BLE001 - invariant 9: nothing escapes a Qt callback
            self._queue.clear()
            self.failed.emit(f"The editorial check could not run: {error}")
            return None

    def _begin(self) -> None:
        self.timer.stop()
        self._proposing_in = self._own_proposals()
        if self._dirty is None or self.checker is None:
            self._prepare_everything()
        else:
            self._queue.extend(block_id for block_id in self._dirty if block_id not in self._queue)
        self._dirty = set()

    def _work(self, deadline: float | None) -> bool:
        """Check the queued paragraphs until `deadline`; True (and the panels told) when none is left."""
        while self._queue:
            if deadline is not None and time.monotonic() > deadline:
                return False
            self._check_block(self._queue.popleft())
        self.document_findings = self.checker.document_findings()
        self.updated.emit()
        return True

    def _prepare_everything(self) -> None:
        """A new checker for the text as it stands (the structure changed), every paragraph queued."""
        document = self.session.document
        if document.version != self._version:  # opened, or a revision made or undone
            self._version = document.version
            self.memory = self._earlier_references()
        copy = Document(meta=document.meta, blocks=[self._as_checked(b) for b in document.blocks],
                        footnotes=document.footnotes, version=document.version,
                        annexes=[Annex(a.title, [self._as_checked(b) for b in a.blocks]) for a in document.annexes])
        self.checker = Checker(copy, remembered=self.memory, earlier=self._earlier_name)
        self.memory = self.checker.context.remembered
        self._labels = document_labels(copy)
        self.block_findings, self.asks_by_block = {}, {}
        self._queue = deque(block.id for block in copy.all_blocks())

    def _check_block(self, block_id: str) -> None:
        try:
            block = self._as_checked(self.session.row(block_id).block)
        except KeyError:
            return  # gone with a change of structure, checked again with it
        self.checker.replace_block(block)
        self._findings_of(block)

    def _findings_of(self, block) -> None:
        checker = self.checker
        self.block_findings[block.id] = checker.block_findings(block.id)
        remember(self.memory, block, checker.context)
        if checker.context.index.part.get(block.id) == 0:  # the resolution's own paragraphs, not its annexes'
            self.asks_by_block[block.id] = paragraph_asks(checker.document, block, self._labels,
                                                          checker.context.index.blocks)

    def _as_checked(self, block):
        """The block as the checks read it: in propose mode, with the acting delegation's word changes."""
        if block.id in self._proposing_in:
            return replace(block, text=self.negotiation.proposed_text(block.id))
        return block

    def _earlier_references(self) -> dict:
        """What the references of the version this one was revised from meant (empty for an original)."""
        self._earlier_name = previous_version(self.session.file, self._version) or ""
        if not self._earlier_name:
            return {}
        return reference_targets(load(self.session.file, self._earlier_name))

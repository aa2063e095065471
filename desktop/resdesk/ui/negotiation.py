"""The negotiation state of an open document: who is acting, which mode, which view, which version.

`Negotiation` keeps the amendments and comments read from the file, the
markup of the version shown (`resdesk.views.markup.markup`, the one function
every consumer uses) and the rows the text view shows for the chosen view:

- *base*: the version's text (the editor's own rows);
- *markup*: one row per markup record (inserted paragraphs, moves at both
  places, alternatives), each carrying its record;
- *consolidated*: the text with the chosen statuses applied (read-only).

When only the content of rows changed (typing a proposal), `rows_updated`
names them so that the open editor stays open; when rows appeared or went,
`rows_reset` asks the view to rebuild. Nothing here writes to the file: the
undo commands in `negotiation_commands.py` do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from resdesk.amend.anchors import TextIndex
from resdesk.amend.collisions import find_collisions
from resdesk.amend.filters import AmendmentFilter
from resdesk.model.amendment import (
    ACCEPTED_BY_DEFAULT,
    BRACKETED,
    LIVE_STATUSES,
    PROPOSED,
    REPLACE,
    Amendment,
    status_words,
)
from resdesk.model.delegation import Delegation
from resdesk.model.document import Block, Document
from resdesk.store.amendments import amendments as stored_amendments
from resdesk.store.comments import comments as stored_comments
from resdesk.store.delegations import acting_as, delegation_colours, document_delegations, set_acting_as
from resdesk.store.documents import load, version_names
from resdesk.text.inline import FOOTNOTE
from resdesk.ui.facts import ANNEX, BLOCK, Row, document_rows
from resdesk.views.consolidated import consolidated
from resdesk.views.markup import ALTERNATIVE_TEXT, INSERTED, MOVED_FROM, NORMAL, markup
from resdesk.views.outline import amendments_json

BASE = "base"
MARKUP = "markup"
CONSOLIDATED = "consolidated"
VIEWS = (BASE, MARKUP, CONSOLIDATED)
PROPOSE = "propose"
EDIT = "edit"
MODE_SETTING = "gui_mode"  # per document: once a delegation proposes here, the text is being negotiated


class Negotiation(QObject):
    changed = Signal()            # amendments, comments, filters or acting delegation changed (panels refresh)
    rows_reset = Signal()         # the rows of the text view changed in number or order
    rows_updated = Signal(list)   # indices of rows whose content changed
    mode_changed = Signal(str)
    view_changed = Signal(str)
    version_changed = Signal(str)

    def __init__(self, session):
        super().__init__(session)
        self.file = session.file
        self.version: str | None = None      # None: the current version (editable); else an earlier one
        self.document: Document = session.document
        self.view = BASE
        self.statuses: tuple[str, ...] = LIVE_STATUSES
        self.delegations: tuple[str, ...] | None = None
        self.accepted: tuple[str, ...] = ACCEPTED_BY_DEFAULT
        self.amendments: list[Amendment] = []
        self.comments = []
        self.records = None
        self.details: list[dict] = []
        self.collisions: dict[str, list[str]] = {}
        self.colours: dict[str, str] = {}
        self.colours_key: tuple = ()
        self.rows: list[Row] = []
        self.block_labels: dict[str, str] = {}
        self._index: dict[str, int] = {}
        self.acting = acting_as(self.file)
        self._load_file_state()
        stored_mode = self.file.setting(MODE_SETTING)
        self.mode = stored_mode or (PROPOSE if self.amendments else EDIT)
        if self.amendments:
            self.view = str(QSettings().value("negotiation/view", MARKUP))
            if self.view not in VIEWS:
                self.view = MARKUP
        self._build_rows()
        session.structure_changed.connect(lambda: self.refresh(reset=True))
        session.block_changed.connect(self._block_changed)
        session.meta_changed.connect(self._meta_changed)

    # -- state -----------------------------------------------------------------------------------

    @property
    def session(self):
        """The session owning this state (its Qt parent; no Python reference cycle keeps it alive)."""
        return self.parent()

    @property
    def current(self) -> bool:
        """True when the current version is shown (earlier versions are read-only)."""
        return self.version is None

    @property
    def proposing(self) -> bool:
        return self.mode == PROPOSE

    @property
    def editable(self) -> bool:
        return self.current and not self.session.readonly and self.view != CONSOLIDATED

    def versions(self) -> list[str]:
        return version_names(self.file)

    def known_delegations(self) -> list[Delegation]:
        """Every delegation of the document (the bundled ones and its own), with short names and kinds."""
        return document_delegations(self.file)

    def set_acting(self, name: str) -> str:
        """Act as `name` (remembered in the document); returns the delegation's full name."""
        delegation = set_acting_as(self.file, name)
        self.acting = delegation.name
        self.changed.emit()
        return self.acting

    def set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        if not self.session.readonly:
            with self.file.transaction("set-mode", actor=self.acting, detail={"mode": mode}):
                self.file.set_setting(MODE_SETTING, mode)
        self.mode_changed.emit(mode)
        self._build_rows(reset=True)

    def set_view(self, view: str) -> None:
        if view == self.view:
            return
        self.view = view
        QSettings().setValue("negotiation/view", view)
        self.view_changed.emit(view)
        self._build_rows(reset=True)

    def set_filter(self, statuses: tuple[str, ...] | None = None, delegations: tuple[str, ...] | None = None,
                   accepted: tuple[str, ...] | None = None) -> None:
        """Statuses shown in the markup, delegations shown (None: all), statuses applied in consolidated."""
        if statuses is not None:
            self.statuses = tuple(statuses)
        self.delegations = tuple(delegations) if delegations is not None else None
        if accepted is not None:
            self.accepted = tuple(accepted)
        self._build_rows(reset=True)
        self.changed.emit()

    def show_version(self, name: str | None) -> None:
        """Show an earlier version read-only (None or the current version's name: back to the current one)."""
        current = self.session.document.version
        self.version = None if name in (None, current) else name
        self.document = self.session.document if self.version is None else load(self.file, self.version)
        self._load_file_state()
        self._build_rows(reset=True)
        self.version_changed.emit(self.document.version)
        self.changed.emit()

    # -- reading -----------------------------------------------------------------------------------

    def _load_file_state(self) -> None:
        self.amendments = stored_amendments(self.file, self.document.version)
        self.comments = stored_comments(self.file)
        colours = delegation_colours(self.file)
        if colours != self.colours:
            self.colours = colours
            # Part of each rendered row's cache key; the same object while the colours stay the same.
            self.colours_key = tuple(sorted(colours.items()))
        live = AmendmentFilter(statuses=LIVE_STATUSES).select(self.amendments)
        self.collisions = find_collisions(self.document, live, TextIndex.of(self.document))
        self.details = amendments_json(self.document, self.amendments, self.collisions)

    def refresh(self, reset: bool = False) -> None:
        """Read the text, amendments and comments again (after a command, or with `reset` after a change
        of structure: the text view then rebuilds its rows as it always did)."""
        if self.version is None:
            self.document = self.session.document
        self._load_file_state()
        self._build_rows(reset)
        self.changed.emit()

    def amendment(self, ident: str) -> Amendment | None:
        return next((a for a in self.amendments if a.id == ident), None)

    def detail(self, ident: str) -> dict | None:
        return next((d for d in self.details if d["id"] == ident), None)

    def amendment_words(self, ident: str) -> str:
        """"a1 (European Union, OP2, agreed)": an amendment as the window names it in a sentence."""
        amendment, detail = self.amendment(ident), self.detail(ident)
        if amendment is None or detail is None:
            return ident
        return f"{ident} ({amendment.author}, {detail['label'] or detail['target']}, {status_words(amendment.status)})"

    def comment_counts(self) -> dict[str, int]:
        """Comments by block id and by amendment id."""
        counts: dict[str, int] = {}
        for comment in self.comments:
            key = comment.block or comment.amendment
            counts[key] = counts.get(key, 0) + 1
        return counts

    # -- rows --------------------------------------------------------------------------------------

    def _build_rows(self, reset: bool = False) -> None:
        old_keys = [row.key for row in self.rows]
        base_rows = self.session.rows if self.version is None else document_rows(self.document)
        self.block_labels = {row.block.id: row.label for row in base_rows if row.kind == BLOCK}
        if self.view == MARKUP:
            self.records = markup(self.document, self.amendments,
                                  AmendmentFilter(statuses=self.statuses, delegations=self.delegations))
            rows = self._markup_rows()
        elif self.view == CONSOLIDATED:
            self.records = None
            rows = document_rows(consolidated(self.document, self.amendments, self.accepted, self.delegations))
        else:
            self.records = None
            rows = self.session.rows if self.version is None else document_rows(self.document)
        changed = [index for index, row in enumerate(rows)
                   if index >= len(self.rows) or row is not self.rows[index]]
        self.rows = list(rows)
        self._index = {}
        for index, row in enumerate(self.rows):
            if row.kind != BLOCK:
                continue
            state = row.record.state if row.record is not None else NORMAL
            if state not in (MOVED_FROM, ALTERNATIVE_TEXT):
                self._index.setdefault(row.block.id, index)
        for index, row in enumerate(self.rows):
            if row.kind == BLOCK:
                self._index.setdefault(row.block.id, index)
        if reset or old_keys != [row.key for row in self.rows]:
            self.rows_reset.emit()
        elif changed:
            self.rows_updated.emit(changed)

    def _markup_rows(self) -> list[Row]:
        base_rows = self.session.rows if self.version is None else document_rows(self.document)
        by_id = {row.block.id: row for row in base_rows if row.kind == BLOCK}
        annex_rows = {row.annex: row for row in base_rows if row.kind == ANNEX}
        # A row that shows the same as before stays the same object: the view then neither renders nor
        # measures it again, and only the rows that changed are repainted (a keystroke of a proposal).
        previous = {row.key: row for row in self.rows if row.record is not None}
        rows = [base_rows[0]]
        annex = 0
        markers = self.records.footnote_markers()  # proposed footnotes count too
        texts = self.records.shown_footnotes(self.document)
        for record in self.records.blocks:
            while record.annex > annex:
                annex += 1
                if annex in annex_rows:
                    rows.append(annex_rows[annex])
            base = by_id.get(record.id)
            bracketed = tuple(ident for ident in record.amendments()
                              if self.records.amendments[ident].status == BRACKETED)
            anchors = list(dict.fromkeys(m.target for segment in record.segments for m in segment.marks
                                         if m.kind == FOOTNOTE and m.target in texts))
            changed = self.records.footnotes  # a footnote's proposed text; one taken out keeps its own
            notes = tuple((markers.get(ident, "?"), ident in changed and changed[ident].new_text() or texts[ident].text)
                          for ident in anchors)
            shown = {ident: markers.get(ident, "?") for ident in anchors}
            if base is None or record.state == INSERTED:
                row = Row(BLOCK, block=record.block, label=record.label, depth=record.depth,
                          annex=record.annex, notes=notes, markers=shown, record=record, bracketed=bracketed)
            else:
                row = Row(BLOCK, block=record.block, label=record.label, marker=base.marker, depth=base.depth,
                          annex=base.annex, notes=notes, markers=shown, record=record, bracketed=bracketed)
            old = previous.get(record.key)
            rows.append(old if old is not None and old == row else row)
        return rows

    def row_of(self, block_id: str) -> int:
        return self._index[block_id]

    def has_block(self, block_id: str) -> bool:
        return block_id in self._index

    def row_of_amendment(self, ident: str) -> int | None:
        """The row that shows amendment `ident` best (its own record, else the record it is inline in)."""
        fallback = None
        for index, row in enumerate(self.rows):
            record = row.record
            if record is None:
                continue
            if record.amendment == ident:
                return index
            if fallback is None and ident in record.amendments():
                fallback = index
        return fallback

    def _block_changed(self, block_id: str, from_editor: bool) -> None:
        if any(a.target == block_id for a in self.amendments):
            self._load_file_state()  # edit-text mode re-anchored (or staled) the proposals on this paragraph
            self.changed.emit()
        if self.view == BASE and self.version is None:
            self.rows = list(self.session.rows)
            # A keystroke's paragraph is already shown by its editor; an update would relayout every row.
            if block_id in self._index and not from_editor:
                self.rows_updated.emit([self._index[block_id]])
            return
        self.refresh()

    def _meta_changed(self) -> None:
        if self.rows and self.version is None:
            self.rows[0] = self.session.rows[0]
            self.rows_updated.emit([0])

    # -- propose mode ------------------------------------------------------------------------------

    def own_replacements(self, block_id: str) -> list[Amendment]:
        """The acting delegation's proposed word changes in a block (what typing in propose mode updates)."""
        return sorted((a for a in self.amendments if a.kind == REPLACE and a.target == block_id
                       and a.author == self.acting and a.status == PROPOSED and not a.stale),
                      key=lambda a: (a.start, a.number))

    def proposed_text(self, block_id: str) -> str:
        """The block's text with the acting delegation's own word changes applied (the propose-mode editor)."""
        block = self.session.row(block_id).block
        text, shift, reached = block.text, 0, 0
        for amendment in self.own_replacements(block_id):
            if amendment.start < reached or text[amendment.start + shift:amendment.end + shift] != amendment.old:
                continue
            text = text[:amendment.start + shift] + amendment.new + text[amendment.end + shift:]
            shift += len(amendment.new) - (amendment.end - amendment.start)
            reached = amendment.end
        return text

    def editor_row(self, row: Row) -> Row:
        """The row the in-place editor loads: the base block, or in propose mode its proposed text."""
        if row.block is None or not self.session_has(row.block.id):
            return row
        base = self.session.row(row.block.id)
        if not self.proposing:
            return base
        text = self.proposed_text(row.block.id)
        if text == base.block.text:
            return base
        block = Block(base.block.id, base.block.kind, text, parent=base.block.parent, number=base.block.number,
                      level=base.block.level)
        return Row(BLOCK, block=block, label=base.label, marker=base.marker, depth=base.depth, annex=base.annex)

    def session_has(self, block_id: str) -> bool:
        try:
            self.session.row_of(block_id)
        except KeyError:
            return False
        return True

    def row_editable(self, row: Row) -> bool:
        """Whether the editor may change this row: the current version, base or markup view, a real block."""
        if not self.editable or row.block is None or not self.session_has(row.block.id):
            return False
        return row.record is None or row.record.state not in (MOVED_FROM, ALTERNATIVE_TEXT, INSERTED)

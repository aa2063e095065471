"""The outline: labels and first words of every block, grouped into preamble and operative part.

Paragraphs are reordered by drag and drop: a drop becomes a `MoveBlockCommand`
(and, when a paragraph crosses from the preamble to the operative part or back,
a change of kind in the same undo step). Sub-paragraphs move among their
siblings only.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from resdesk.model import tree
from resdesk.model.document import FORMULA, OPERATIVE, PREAMBULAR, SUBPARAGRAPH, Block
from resdesk.ui.commands import MoveBlockCommand, SetKindCommand
from resdesk.ui.guard import guard_overrides
from resdesk.ui.session import DocumentSession

MIME_TYPE = "application/x-resdesk-block"
BLOCK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
PREAMBLE = "preamble"
OPERATIVE_PART = "operative"
FIRST_WORDS = 8


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def item_text(label: str, block: Block, comments: int = 0) -> str:
    words = first_words(block.text)
    if comments:  # right after the label, so that a narrow outline does not elide it
        label = f"{label} ✉ {comments}".strip()
    return f"{label}  {words}" if label else words


def move_position(blocks: list[Block], moving_id: str, before_id: str | None) -> int:
    """The `move_block` position that puts `moving_id`'s group just before `before_id` (None: at the end)."""
    rest = _without_group(blocks, moving_id)
    if before_id is None:
        return len(rest)
    for position, block in enumerate(rest):
        if block.id == before_id:
            return position
    return len(rest)


def _without_group(blocks: list[Block], block_id: str) -> list[Block]:
    """The blocks without a paragraph and its sub-paragraphs (at any depth)."""
    members = set(tree.subtree(tree.child_ids(blocks), block_id))
    return [block for block in blocks if block.id not in members]


@guard_overrides
class OutlineModel(QStandardItemModel):
    """Groups, paragraphs and sub-paragraphs; rebuilt when the structure changes."""

    rebuilt = Signal()
    move_proposed = Signal(str, str)   # propose mode: block id, id of the block it should follow

    def __init__(self, session: DocumentSession):
        super().__init__()
        self.session = session
        self.items: dict[str, QStandardItem] = {}
        self._counts: dict[str, int] = {}  # the comment counts the items show
        self._rebuild_pending = False
        # Items are made once and used again: PySide never frees a QStandardItem made in Python once it was
        # in a model, so building new ones at every change of structure grew the window all day long.
        self._groups: dict[str, QStandardItem] = {}
        self._spare: list[QStandardItem] = []
        self.rebuild()
        session.structure_changed.connect(self._schedule_rebuild)
        session.block_changed.connect(self._block_changed)
        session.negotiation.changed.connect(self._update_counts)

    # -- building ----------------------------------------------------------------------------

    def _schedule_rebuild(self) -> None:
        # Deferred: a drop is still being handled by the view when the move is committed.
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self.rebuild)

    def rebuild(self) -> None:
        self._rebuild_pending = False
        blocked = self.blockSignals(True)  # the views see one reset at the end, not a signal per row
        try:
            self._take_all()
            old, self.items = self.items, {}
            self._counts = self.session.negotiation.comment_counts()
            root = self.invisibleRootItem()
            document = self.session.document
            labels = self.session.labels()
            preamble = self._group("Preamble", PREAMBLE)
            operative = self._group("Operative part", OPERATIVE_PART)
            root.appendRow(preamble)
            root.appendRow(operative)
            target = preamble
            for block in document.blocks:
                if block.kind == OPERATIVE:
                    target = operative
                self._add(block, labels, target, old)
            for number, annex in enumerate(document.annexes, start=1):
                group = self._group(annex.title or "Annex", f"annex-{number}")
                root.appendRow(group)
                for block in annex.blocks:
                    self._add(block, labels, group, old)
            self._spare.extend(old.values())  # the items of deleted paragraphs, for the next new ones
        finally:
            self.blockSignals(blocked)
        self.beginResetModel()
        self.endResetModel()
        self.rebuilt.emit()

    def _take_all(self) -> None:
        """Every item out of the tree (deepest first), to be placed again."""
        def take_children(item: QStandardItem) -> None:
            for row in range(item.rowCount()):
                take_children(item.child(row))
            while item.rowCount():
                item.takeRow(item.rowCount() - 1)

        take_children(self.invisibleRootItem())

    def _group(self, title: str, key: str) -> QStandardItem:
        item = self._groups.get(key)
        if item is None:
            item = self._groups[key] = QStandardItem()
            item.setData(key, GROUP_ROLE)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        item.setText(title)
        return item

    def _add(self, block: Block, labels: dict[str, str], group: QStandardItem,
             old: dict[str, QStandardItem]) -> None:
        item = old.pop(block.id, None) or (self._spare.pop() if self._spare else QStandardItem())
        item.setText(item_text(labels.get(block.id, ""), block, self._counts.get(block.id, 0)))
        item.setData(block.id, BLOCK_ID_ROLE)
        item.setToolTip(block.text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if block.kind != FORMULA and not self.session.readonly:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        item.setFlags(flags)
        parent = self.items.get(block.parent) if block.kind == SUBPARAGRAPH else None
        (parent or group).appendRow(item)
        self.items[block.id] = item

    def _block_changed(self, block_id: str, _from_editor: bool) -> None:
        item = self.items.get(block_id)
        if item is None:
            return
        row = self.session.row(block_id)
        text = item_text(row.label, row.block, self._counts.get(block_id, 0))
        if item.text() != text:
            item.setText(text)
            item.setToolTip(row.block.text)

    def _update_counts(self) -> None:
        """Comment counts after a comment was added or taken back ("OP3  Calls upon …  💬 2")."""
        counts = self.session.negotiation.comment_counts()
        if counts == self._counts:
            return  # most changes of the negotiation are amendments, not comments
        changed = {key for key in counts.keys() | self._counts.keys() if counts.get(key) != self._counts.get(key)}
        self._counts = counts
        for block_id in changed & self.items.keys():
            if self.session.negotiation.session_has(block_id):  # a rebuild after a change of structure is pending
                self._block_changed(block_id, False)

    # -- drag and drop -------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        ids = [index.data(BLOCK_ID_ROLE) for index in indexes if index.data(BLOCK_ID_ROLE)]
        if ids:
            data.setData(MIME_TYPE, ids[0].encode())
        return data

    def supportedDropActions(self):  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def _drop_target(self, data: QMimeData, row: int, parent: QModelIndex):
        """(moving id, id of the block it goes before or None for the end, the group key) or None if refused."""
        if not data.hasFormat(MIME_TYPE) or self.session.readonly:
            return None
        moving_id = bytes(data.data(MIME_TYPE)).decode()
        if moving_id not in self.items:
            return None
        moving = self.session.row(moving_id).block
        container = self.itemFromIndex(parent) if parent.isValid() else None
        if container is None:
            return None
        if row < 0:
            # Dropped onto an item: after it, among its siblings.
            if container.data(GROUP_ROLE):
                row = container.rowCount()
            else:
                row = container.row() + 1
                container = container.parent() or self.invisibleRootItem()
        container_block = container.data(BLOCK_ID_ROLE) if not container.data(GROUP_ROLE) else None
        if moving.kind == SUBPARAGRAPH:
            if container_block != moving.parent:
                return None
        elif container_block is not None:
            return None
        before = None
        # The block that follows in reading order: the next sibling, or the first block of a later group.
        for candidate in range(row, container.rowCount()):
            block_id = container.child(candidate).data(BLOCK_ID_ROLE)
            if block_id != moving_id:
                before = block_id
                break
        if before is None and container.data(GROUP_ROLE) == PREAMBLE:
            operative = self.invisibleRootItem().child(1)
            if operative.rowCount():
                before = operative.child(0).data(BLOCK_ID_ROLE)
        group = container.data(GROUP_ROLE) if container.data(GROUP_ROLE) else ""
        return moving_id, before, group

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt's name
        return self._drop_target(data, row, parent) is not None

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt's name
        target = self._drop_target(data, row, parent)
        if target is None:
            return False
        moving_id, before, group = target
        session = self.session
        row_data = session.row(moving_id)
        annex = row_data.annex
        blocks = session.document.blocks if annex == 0 else session.document.annexes[annex - 1].blocks
        position = move_position(blocks, moving_id, before)
        if session.negotiation.proposing:
            # Propose mode: the drop proposes a move (after the paragraph now before the drop place).
            rest = _without_group(blocks, moving_id)
            if position > 0:
                self.move_proposed.emit(moving_id, rest[position - 1].id)
            return False
        kind = row_data.block.kind
        new_kind = {PREAMBLE: PREAMBULAR, OPERATIVE_PART: OPERATIVE}.get(group) if annex == 0 else None
        label = row_data.label
        if new_kind and kind in (PREAMBULAR, OPERATIVE) and new_kind != kind:
            session.undo_stack.beginMacro(f"Move {label}")
            session.undo_stack.push(MoveBlockCommand(session, moving_id, position, f"Move {label}"))
            session.undo_stack.push(SetKindCommand(session, moving_id, new_kind))
            session.undo_stack.endMacro()
        else:
            session.undo_stack.push(MoveBlockCommand(session, moving_id, position, f"Move {label}"))
        return True


class OutlineView(QTreeView):
    """The outline tree; selecting an item shows that block in the text."""

    block_activated = Signal(str)

    def __init__(self, session: DocumentSession, parent=None):
        super().__init__(parent)
        self.setObjectName("outlineView")
        self.setAccessibleName("Outline")
        self.session = session
        self.model_ = OutlineModel(session)
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragEnabled(not session.readonly)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.model_.rebuilt.connect(self.expandAll)
        self.expandAll()
        self.clicked.connect(self._activated)
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        block_id = index.data(BLOCK_ID_ROLE)
        if block_id:
            self.block_activated.emit(block_id)

    def select_block(self, block_id: str) -> None:
        """Follow the text view's current block (without sending it back)."""
        item = self.model_.items.get(block_id)
        if item is None:
            return
        index = item.index()
        blocker = self.selectionModel().blockSignals(True)
        self.selectionModel().setCurrentIndex(index, self.selectionModel().SelectionFlag.ClearAndSelect)
        self.selectionModel().blockSignals(blocker)
        self.viewport().update()
        self.scrollTo(index)

"""Walking the paragraph tree of one text (the resolution or an annex), whose blocks are in reading order.

A sub-paragraph belongs to the block its `parent` names when that block is in the same text; every
other block is at the top level. A block's sub-paragraphs (and theirs) follow it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from resdesk.model.document import SUBPARAGRAPH, Block


def _nested(block: Block, ids: set[str]) -> bool:
    return block.kind == SUBPARAGRAPH and block.parent in ids


def children(blocks: Sequence[Block]) -> dict[str, list[Block]]:
    """The sub-paragraphs of each block, by the block's id, in order."""
    ids = {block.id for block in blocks}
    result: dict[str, list[Block]] = {}
    for block in blocks:
        if _nested(block, ids):
            result.setdefault(block.parent, []).append(block)
    return result


def child_ids(blocks: Sequence[Block]) -> dict[str, list[str]]:
    """The ids of each block's sub-paragraphs, by the block's id (for `subtree`)."""
    return {parent: [kid.id for kid in kids] for parent, kids in children(blocks).items()}


def top_level(blocks: Sequence[Block]) -> list[Block]:
    """The blocks that are no sub-paragraph of another block of the text."""
    ids = {block.id for block in blocks}
    return [block for block in blocks if not _nested(block, ids)]


def siblings(blocks: Sequence[Block], block: Block) -> list[Block]:
    """The blocks at `block`'s level: the sub-paragraphs of its parent, or the top-level blocks."""
    ids = {b.id for b in blocks}
    if _nested(block, ids):
        return [b for b in blocks if _nested(b, ids) and b.parent == block.parent]
    return [b for b in blocks if not _nested(b, ids)]


def depths(blocks: Iterable[Block]) -> dict[str, int]:
    """The depth of every sub-paragraph (1 for (a), 2 for (i), …), by id."""
    depth: dict[str, int] = {}
    for block in blocks:
        if block.kind == SUBPARAGRAPH and block.parent is not None:
            depth[block.id] = depth.get(block.parent, 0) + 1
    return depth


def sibling_numbers(blocks: Iterable[Block]) -> dict[str, int]:
    """The place (1-based) of every sub-paragraph among its parent's sub-paragraphs, by id."""
    counts: dict[str, int] = {}
    numbers: dict[str, int] = {}
    for block in blocks:
        if block.kind == SUBPARAGRAPH and block.parent is not None:
            counts[block.parent] = counts.get(block.parent, 0) + 1
            numbers[block.id] = counts[block.parent]
    return numbers


def subtree(kids: Mapping[str, Sequence[str]], block_id: str) -> list[str]:
    """The block and all its sub-paragraphs (ids, in reading order); `kids` is `child_ids` of the text."""
    result = [block_id]
    for child in kids.get(block_id, ()):
        result.extend(subtree(kids, child))
    return result


def group_end(blocks: Sequence[Block], index: int) -> int:
    """The index after the last sub-paragraph (at any depth) of `blocks[index]`."""
    members = {blocks[index].id}
    end = index + 1
    while end < len(blocks) and blocks[end].parent in members:
        members.add(blocks[end].id)
        end += 1
    return end

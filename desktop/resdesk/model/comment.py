"""Comments: threads on a block or on an amendment, shared or private."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Comment:
    """One comment.

    Exactly one of `block` (a block id) and `amendment` (an amendment id) is set.
    `private` comments never leave the file they were written in: exporters take
    comments only through `resdesk.model.comment.shared_comments`. `reply_to`
    is the id of the comment this one answers ("" for the start of a thread).
    """

    id: str
    author: str
    text: str
    block: str = ""
    amendment: str = ""
    private: bool = False
    reply_to: str = ""
    created: str = ""


def shared_comments(items: list[Comment]) -> list[Comment]:
    """The comments that may leave this file: never the private ones (design invariant 6).

    Exporters, packages and clipboard copies take comments only through this function.
    """
    return [comment for comment in items if not comment.private]

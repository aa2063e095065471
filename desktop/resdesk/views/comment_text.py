"""Comments for a person (`resdesk outline DOC --comments`): each thread under the paragraph it is about.

A comment on an amendment stands under the paragraph the amendment targets
(for a new paragraph, the one it follows). Replies are indented under the
comment they answer. This is the file's own view, like `outline --json`:
private notes are shown, marked "(private)"; no export uses this function
(exports take comments only through `resdesk.model.comment.shared_comments`).
"""

from __future__ import annotations

from resdesk.model.amendment import Amendment
from resdesk.model.comment import Comment
from resdesk.model.document import Document

Note = tuple[int, str]  # depth of the reply (0: the start of a thread), the line


def _line(comment: Comment, short: dict[str, str]) -> str:
    about = f" on {comment.amendment}" if comment.amendment and not comment.reply_to else ""
    private = " (private)" if comment.private else ""
    mark = "↳" if comment.reply_to else "✉"
    return f"{mark} {comment.id} {short.get(comment.author, comment.author)}{about}{private}: {comment.text}"


def comment_notes(document: Document, comments: list[Comment], amendments: list[Amendment],
                  short: dict[str, str]) -> tuple[dict[str, list[Note]], list[Note]]:
    """The comment lines by block id, each thread in order of entry with its replies under it; and the
    lines of the threads whose paragraph is not in `document` (a paragraph a revision removed)."""
    blocks = {block.id for block in document.all_blocks()}
    targets = {amendment.id: amendment.target for amendment in amendments}
    replies: dict[str, list[Comment]] = {}
    for comment in comments:
        if comment.reply_to:
            replies.setdefault(comment.reply_to, []).append(comment)

    def thread(comment: Comment, depth: int) -> list[Note]:
        lines = [(depth, _line(comment, short))]
        for reply in replies.get(comment.id, ()):
            lines.extend(thread(reply, depth + 1))
        return lines

    by_block: dict[str, list[Note]] = {}
    elsewhere: list[Note] = []
    for comment in comments:
        if comment.reply_to:
            continue
        block = comment.block or targets.get(comment.amendment, "")
        (by_block.setdefault(block, []) if block in blocks else elsewhere).extend(thread(comment, 0))
    return by_block, elsewhere

"""Comments in the document file (exporters read them only through `resdesk.model.comment.shared_comments`)."""

from __future__ import annotations

from resdesk.errors import UserError
from resdesk.model.comment import Comment
from resdesk.store.delegations import ensure_colour
from resdesk.store.docfile import DocumentFile, now

_COLUMNS = "id, author, block, amendment, text, private, reply_to, created"


def _from_row(row: tuple) -> Comment:
    ident, author, block, amendment, text, private, reply_to, created = row
    return Comment(id=ident, author=author, text=text, block=block, amendment=amendment, private=bool(private),
                   reply_to=reply_to, created=created)


def comments(doc: DocumentFile) -> list[Comment]:
    """Every comment of the file, private ones included, in order of entry (the file's own view)."""
    return [_from_row(row) for row in doc.conn.execute(f"SELECT {_COLUMNS} FROM comment ORDER BY seq")]


def add_comment(doc: DocumentFile, comment: Comment, *, actor: str = "") -> Comment:
    """Store a new comment (its id and time are given here) and return it.

    A reply inherits what its thread is about and must not be shared when the
    comment it answers is private.
    """
    if not comment.text.strip():
        raise UserError("A comment needs some text.")
    if comment.reply_to:
        row = doc.conn.execute("SELECT block, amendment, private FROM comment WHERE id = ?",
                               (comment.reply_to,)).fetchone()
        if row is None:
            raise UserError(f"There is no comment {comment.reply_to} to reply to.")
        comment.block, comment.amendment = row[0], row[1]
        comment.private = comment.private or bool(row[2])
    if bool(comment.block) == bool(comment.amendment):
        raise UserError("A comment is on one paragraph or on one amendment.")
    detail = {"on": comment.block or comment.amendment, "private": comment.private}
    with doc.transaction("comment", actor=actor or comment.author, detail=detail) as conn:
        seq = int(doc.setting("next_comment", "1"))
        doc.set_setting("next_comment", str(seq + 1))
        comment.id = detail["comment"] = f"c{seq}"
        comment.created = now()
        _insert(conn, seq, comment)
        ensure_colour(doc, comment.author)
    return comment


def _insert(conn, seq: int, comment: Comment) -> None:
    conn.execute(
        f"INSERT INTO comment (seq, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, comment.id, comment.author, comment.block, comment.amendment, comment.text,
         int(comment.private), comment.reply_to, comment.created),
    )


def remove_comment(doc: DocumentFile, ident: str, *, actor: str = "") -> Comment:
    """Take a comment out (the undo of writing it); returns it for `restore_comment`."""
    row = doc.conn.execute(f"SELECT {_COLUMNS} FROM comment WHERE id = ?", (ident,)).fetchone()
    if row is None:
        raise UserError(f"There is no comment {ident} in {doc.path.name}.")
    comment = _from_row(row)
    with doc.transaction("uncomment", actor=actor or comment.author, detail={"comment": ident}) as conn:
        conn.execute("DELETE FROM comment WHERE id = ?", (ident,))
    return comment


def restore_comment(doc: DocumentFile, comment: Comment, *, actor: str = "") -> Comment:
    """Put a removed comment back with its id and time (the redo of writing it)."""
    with doc.transaction("comment", actor=actor or comment.author,
                         detail={"comment": comment.id, "restored": True}) as conn:
        _insert(conn, int(comment.id.lstrip("c")), comment)
    return comment

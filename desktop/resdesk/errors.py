"""Errors that reach the user as one clear sentence.

Code that detects bad input raises `UserError` with a sentence that says what is
wrong and, where it helps, what to do. The CLI prints it as `resdesk: error: …`
with exit status 2; the GUI shows it in a dialog. Nothing else is shown.
"""


class UserError(Exception):
    """A problem the user can understand and act on; the message is the sentence."""


class BadInputError(UserError):
    """An input file is not something we can read (broken, hostile, wrong format)."""


class DocumentFileError(UserError):
    """A document file cannot be opened: not a document, too new, or damaged."""


class DocumentLockedError(UserError):
    """The document is open in another window or process."""


class DocumentReadOnlyError(UserError):
    """The document cannot be written where it is (a read-only folder, file or disk); it may be read."""


class DocumentWriteError(UserError):
    """A change could not be written to the document file (full disk, I/O error): it is not saved.

    Nothing of it reached the file; the window keeps the edit on screen, marked unsaved, for a retry.
    """


def in_words(items: list[str]) -> str:
    """["a1"] -> "a1"; ["a1", "a2", "a5"] -> "a1, a2 and a5": a list as a sentence names it."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"

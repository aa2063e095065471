"""What an export asks for: the options of `resdesk export` and of File ▸ Export…, in one value."""

from __future__ import annotations

from dataclasses import dataclass, field

from resdesk.errors import UserError

MODES = ("clean", "tracked", "compilation")
PAGES = ("letter", "a4")
SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".xml": "akn"}
DEFAULT_WATERMARK = "DRAFT \u2014 not for circulation"


@dataclass
class ExportOptions:
    """Options shared by every exporter.

    `rev` names the version to export (None: the current one); `from_rev` and
    `to_rev` ask for the tracked comparison of two versions; `statuses` and
    `delegations` narrow the amendments included (None: every amendment that is
    not withdrawn, rejected or superseded); `moves_as_delete_insert` writes moves
    as a deletion plus an insertion instead of Word move revisions.
    `line_numbers` (margin line numbers restarting on each page) and `watermark`
    (a diagonal text such as "DRAFT — not for circulation"; "" for none) are for
    PDF and printing; the Word and AKN exporters ignore them.
    """

    mode: str = "clean"
    page: str = "letter"
    rev: str | None = None
    from_rev: str | None = None
    to_rev: str | None = None
    statuses: list[str] | None = None
    delegations: list[str] | None = None
    moves_as_delete_insert: bool = False
    line_numbers: bool = False
    watermark: str = ""
    extra: dict = field(default_factory=dict)

    def check(self) -> None:
        if self.mode not in MODES:
            raise UserError(f"{self.mode!r} is not an export mode (clean, tracked or compilation).")
        if self.page not in PAGES:
            raise UserError(f"{self.page!r} is not a paper size (letter or a4).")
        if (self.from_rev is None) != (self.to_rev is None):
            raise UserError("--from and --to go together: name both versions to compare.")


def output_format(path_name: str) -> str:
    """"docx", "pdf" or "akn" from the output file's suffix."""
    lower = path_name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    raise UserError(f"{path_name} has no known suffix; export to .docx, .pdf or .xml (Akoma Ntoso).")

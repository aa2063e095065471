"""What every exporter is handed: the export options and the prepared input (pure: no store, no SQL).

`ExportOptions` are the options of `resdesk export` and File ▸ Export… (a version or two versions to compare,
the mode, the statuses and delegations to include, the paper). `ExportInput` is everything an exporter needs:
the version, the text with the chosen amendments accepted, THE markup view (`resdesk.views.markup.markup`),
the amendments chosen and which of them that text applies or has to leave out (they collide with an applied
one), the delegations' short names and colours, the shared comments (never a private one) and the proposal
labels. The Word, PDF and Akoma Ntoso exporters (`resdesk.formats`, `resdesk.ui.printing`) are pure functions
of it and import only this module of the pipeline; `resdesk.views.export.prepare_export` fills it from a
document file, `export_input` and `comparison_input` here from values in memory.

A comparison (`--from A --to B`) is prepared like a tracked export: the differences from A to B
(`resdesk.views.compare.attributed_changes`, each by the delegation whose applied amendment made
it) are the changes, shown on A, which carries B's masthead.

The amendment document (`--mode amendments`) lists the amendments of the delegations named (who table
it); by default every one they tabled that is not withdrawn or superseded
(`resdesk.views.amendment_document`).

Filters that match no amendment are refused in one sentence: the file would show nothing asked for.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property

from resdesk.amend.anchors import TextIndex, proposal_labels
from resdesk.amend.apply import apply_amendments
from resdesk.amend.filters import AmendmentFilter
from resdesk.errors import UserError
from resdesk.model.amendment import LIVE_STATUSES, STATUSES, TABLED_STATUSES, Amendment, parse_status
from resdesk.model.comment import Comment, shared_comments
from resdesk.model.delegation import Delegation, derived_short_name
from resdesk.model.document import Document
from resdesk.views.amendment_document import AmendmentDocument, amendment_document, check_draft
from resdesk.views.compare import attributed_changes, relabelled, version_changes
from resdesk.views.compilation import Compilation, compilation
from resdesk.views.markup import Markup, markup

MODES = ("clean", "tracked", "compilation", "amendments")
AMENDMENTS = "amendments"
PAGES = ("letter", "a4")
SUFFIXES = {".docx": "docx", ".pdf": "pdf", ".xml": "akn"}
DEFAULT_WATERMARK = "DRAFT \u2014 not for circulation"
FALLBACK_COLOUR = "#555555"


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
    PDF and printing; the Word and AKN exporters ignore them. `symbol` is an amendment
    document's own symbol ("" until the Secretariat gives one). `emblem` is the user's image of the UN
    emblem for page 1 (PNG or JPEG bytes, checked by `formats.emblem.read_emblem`; b"": the place stays empty).
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
    symbol: str = ""
    emblem: bytes = b""

    @property
    def comparing(self) -> bool:
        return self.from_rev is not None

    @property
    def default_statuses(self) -> tuple[str, ...]:
        """The statuses included when none are named: the live ones; an amendment document's tabled ones."""
        return TABLED_STATUSES if self.mode == AMENDMENTS else LIVE_STATUSES

    def check(self) -> None:
        if self.mode not in MODES:
            raise UserError(f"{self.mode!r} is not an export mode (clean, tracked, compilation or amendments).")
        if self.page not in PAGES:
            raise UserError(f"{self.page!r} is not a paper size (letter or a4).")
        if (self.from_rev is None) != (self.to_rev is None):
            raise UserError("--from and --to go together: name both versions to compare.")
        if self.comparing and self.mode in ("compilation", AMENDMENTS):
            raise UserError("A comparison of two versions is written as tracked changes, not as a compilation "
                            "or an amendment document.")
        if self.mode == AMENDMENTS and not self.delegations:
            raise UserError("An amendment document is tabled by delegations: name them with --delegations "
                            "(e.g. --delegations \"Brazil, Chile\").")
        if self.comparing and (self.statuses or self.delegations):
            raise UserError("A comparison shows every change between two versions; --status and --delegations "
                            "choose the amendments of one version.")

    def filtered(self) -> bool:
        """Whether the user narrowed the amendments (the live statuses, all of them, are no filter)."""
        statuses = {parse_status(s) for s in self.statuses or ()}
        return bool(self.delegations) or bool(statuses and statuses != set(self.default_statuses))


def output_format(path_name: str) -> str:
    """"docx", "pdf" or "akn" from the output file's suffix."""
    lower = path_name.lower()
    for suffix, fmt in SUFFIXES.items():
        if lower.endswith(suffix):
            return fmt
    raise UserError(f"{path_name} has no known suffix; export to .docx, .pdf or .xml (Akoma Ntoso).")


@dataclass(frozen=True)
class Palette:
    """Colour ("#rrggbb") and short name of each delegation, by name."""

    colours: dict[str, str] = field(default_factory=dict)
    short_names: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def of(delegations: list[Delegation]) -> Palette:
        return Palette({d.name: d.colour for d in delegations}, {d.name: d.short_name for d in delegations})

    def colour(self, name: str | None) -> str:
        return self.colours.get(name or "", "") or FALLBACK_COLOUR

    def short(self, name: str | None) -> str:
        """The name for the margin: never a long name (a delegation the document does not know is shortened)."""
        return self.short_names.get(name or "", "") or derived_short_name(name or "")


@dataclass
class ExportInput:
    """Everything an exporter needs (see the module docstring).

    `base` is the version the changes are shown on; `text` is it with the applied amendments accepted
    (what a clean export writes and a tracked Word file gives on "Accept all"); `amendments` are all of
    the version's (labels count over them), `chosen` the ones the filters include (none for a clean
    export without filters), `applied` the ids of those `text` applies and `skipped` the ones it leaves
    out. A comparison's `target` is the newer version.
    """

    options: ExportOptions
    base: Document
    text: Document
    amendments: list[Amendment]
    chosen: list[Amendment]
    applied: list[str]
    skipped: list[Amendment]
    selection: AmendmentFilter
    labels: dict[str, str]
    palette: Palette = field(default_factory=Palette)
    comments: list[Comment] = field(default_factory=list)
    author: str = ""
    target: Document | None = None

    @cached_property
    def markup(self) -> Markup:
        """THE markup view of the export: every chosen amendment on the base, collisions marked."""
        view = markup(self.base, self.amendments, self.selection)
        return relabelled(view, self.target) if self.target is not None else view

    @cached_property
    def revisions(self) -> Markup:
        """The markup of the applied amendments only: what a tracked Word file writes as revisions (so that
        accepting them all gives `text`), labelled among all the version's amendments."""
        shown = dataclasses.replace(self.selection, statuses=STATUSES, ids=frozenset(self.applied))
        view = markup(self.base, self.amendments, shown)
        return relabelled(view, self.target) if self.target is not None else view

    @cached_property
    def compilation(self) -> Compilation:
        """The compilation text of the chosen amendments (the Word and the PDF compilation)."""
        return compilation(self.base, self.markup)

    @cached_property
    def amendment_document(self) -> AmendmentDocument:
        """The amendment document of the delegations chosen, listing the chosen amendments (Word and PDF)."""
        return amendment_document(self.base, self.chosen, self.amendments, list(self.selection.delegations or ()),
                                  self.options.symbol)


def refuse_nothing_chosen(options: ExportOptions, version: str, chosen: list[Amendment]) -> None:
    """Filters that match no amendment are a UserError: the file would show nothing that was asked for."""
    if not chosen and options.filtered():
        raise UserError(f"No amendment of {version} matches {_described(options)}; the export would show none.")


def plain_export(options: ExportOptions) -> bool:
    """A clean export of the version as it stands (with `--status`/`--delegations`, a clean export is the
    version with those amendments accepted)."""
    return options.mode == "clean" and not options.statuses and not options.delegations


def export_input(document: Document, items: list[Amendment], selection: AmendmentFilter, options: ExportOptions,
                 *, comments: list[Comment] = (), palette: Palette | None = None, author: str = "") -> ExportInput:
    """The export of `document` with its amendments `items` narrowed by `selection`; of `comments`, only the
    shared ones on what the export shows are kept."""
    if options.mode == AMENDMENTS:
        check_draft(document)
    chosen = [] if plain_export(options) else selection.select(items)
    refuse_nothing_chosen(options, document.version, chosen)
    result = apply_amendments(document, chosen)
    applied = set(result.applied)
    included = {a.id for a in chosen}
    shared = [c for c in shared_comments(list(comments)) if not c.amendment or c.amendment in included]
    return ExportInput(options=options, base=document, text=result.document, amendments=items, chosen=chosen,
                       applied=[a.id for a in chosen if a.id in applied],
                       skipped=[a for a in chosen if a.id not in applied], selection=selection,
                       labels=proposal_labels(TextIndex.of(document), items), palette=palette or Palette(),
                       comments=shared, author=author)


def comparison_input(old: Document, new: Document, sources: list[Amendment], options: ExportOptions, *,
                     palette: Palette | None = None, author: str = "", by: str = "") -> ExportInput:
    """The comparison of version `new` with version `old` as a tracked export; `sources` are the amendments
    the revisions between them applied (who made each change), or `by` makes every change (two texts
    that are no versions of one document, matched with `resdesk.views.matching.match_blocks`)."""
    changes = version_changes(old, new, by) if by else attributed_changes(old, new, sources)
    base = dataclasses.replace(old, meta=new.meta)
    result = apply_amendments(base, changes)
    applied = set(result.applied)
    return ExportInput(options=options, base=base, text=result.document, amendments=changes, chosen=changes,
                       applied=[c.id for c in changes if c.id in applied],
                       skipped=[c for c in changes if c.id not in applied],
                       selection=AmendmentFilter(statuses=STATUSES),
                       labels=proposal_labels(TextIndex.of(base), changes), palette=palette or Palette(), author=author,
                       target=new)


def _described(options: ExportOptions) -> str:
    """"the delegations France and Chile with the statuses agreed", as the filters were given."""
    parts = []
    if options.delegations:
        parts.append(f"the delegation{'s' if len(options.delegations) > 1 else ''} {_listed(options.delegations)}")
    if options.statuses:
        statuses = [parse_status(s).replace("-", " ") for s in options.statuses]
        parts.append(f"the status{'es' if len(statuses) > 1 else ''} {_listed(statuses, 'or')}")
    return " with ".join(parts)


def _listed(names: list[str], conjunction: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conjunction} " + names[-1]

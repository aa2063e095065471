"""The `resdesk` command line.

Every subcommand imports what it needs inside its own function, so that
`resdesk outline` never loads Qt or python-docx. Bad input of any kind ends with
one line `resdesk: error: …` on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path

from resdesk import __version__
from resdesk.errors import UserError
from resdesk.text.chars import first_unwritable, unwritable_sentence

EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a command ended by SIGPIPE


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line like every other error, and no option brings in a character
    that a Word or XML file cannot hold (the one place the command line refuses them, naming the option)."""

    def error(self, message: str):
        raise UserError(message[0].upper() + message[1:] + f" (see `{self.prog} --help`).")

    def parse_known_args(self, args=None, namespace=None):
        namespace, extras = super().parse_known_args(args, namespace)
        for action in self._actions:
            if action.dest in _FILE_ARGUMENTS:
                continue
            value = getattr(namespace, action.dest, None)
            for item in value if isinstance(value, list) else [value]:
                char = first_unwritable(item) if isinstance(item, str) else None
                if char is not None:
                    option = action.option_strings[-1] if action.option_strings else action.metavar
                    raise UserError(unwritable_sentence(char, f"The text of {option}"))
        return namespace, extras


_FILE_ARGUMENTS = {"document", "source", "output", "from_docx", "screenshot"}  # names, not text of the document


# -- commands -----------------------------------------------------------------------------------


def cmd_import(args) -> int:
    from resdesk.files import file_digest
    from resdesk.formats.sources import read_source
    from resdesk.store.documents import create_document

    output = Path(args.output)
    if output.exists() and not args.force:
        raise UserError(f"{output.name} already exists; choose another name or use --force to replace it.")
    if args.based_on is not None:
        return _import_based_on(args, output)
    if args.source is None:
        raise UserError("Name the file to import (or --based-on OLD for a draft based on an earlier text).")
    if args.as_:
        raise UserError("--as names who proposes the changes of a draft --based-on an earlier text.")
    notes: list[str] = []
    document = read_source(args.source, args.format, notes)
    create_document(output, document, force=args.force, source=Path(args.source).name,
                    source_digest=file_digest(Path(args.source)), keep_open=False)
    for note in notes:  # what could not be placed: kept as free text, said once per kind of element
        print(f"resdesk: note: {Path(args.source).name}: {note}", file=sys.stderr)
    return 0


def _import_based_on(args, output: Path) -> int:
    """The official text OLD as the first version with NEW's metadata, and NEW's differences as its sponsors'
    proposals (prints their ids); without NEW, a copy of OLD to edit."""
    from resdesk.files import file_digest
    from resdesk.model.delegation import bundled_delegations, find_delegation
    from resdesk.store.amendments import add_amendment
    from resdesk.store.delegations import add_delegation
    from resdesk.store.documents import create_document
    from resdesk.views.compare import proposed_changes
    from resdesk.views.matching import match_blocks

    base = read_text(args.based_on)
    named = Path(args.source or args.based_on)
    if args.source is None:
        if args.as_:
            raise UserError("--as names who proposes NEW's changes; without NEW there are none.")
        create_document(output, base, force=args.force, source=named.name, source_digest=file_digest(named),
                        keep_open=False)
        return 0
    new = read_text(args.source)
    base.meta, base.version = new.meta, "original"
    sponsors = [" ".join(args.as_.split())] if args.as_ else list(new.meta.sponsors)
    known = {name: find_delegation(bundled_delegations(), name) or find_delegation(
        bundled_delegations(), name.split(" (")[0]) for name in sponsors}
    names = [known[name].name if known[name] else name for name in sponsors]
    changes = proposed_changes(base, match_blocks(base, new), names[0] if names else "", names[1:])
    if changes and not names:
        raise UserError(f"{named.name} names no sponsors; say in whose name its changes are proposed: "
                        "--as DELEGATION.")

    def propose(doc) -> None:
        for name in names:
            if known.get(name) is None:
                add_delegation(doc, name)
        for change in changes:
            add_amendment(doc, change, actor=change.author)

    create_document(output, base, force=args.force, source=named.name, source_digest=file_digest(named),
                    keep_open=False, then=propose)
    for change in changes:
        print(change.id)
    return 0


def read_text(path: str):
    """The text in a text, AKN or Word file, or the current version of a document file."""
    from resdesk.store.docfile import SQLITE_HEADER, DocumentFile

    source = Path(path)
    if source.is_file():
        with open(source, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        if head == SQLITE_HEADER:
            from resdesk.store.documents import load

            with DocumentFile.open(source, readonly=True) as doc:
                return load(doc)
    from resdesk.formats.sources import read_source

    return read_source(source)


def cmd_compare(args) -> int:
    """Two texts (no versions of one document) compared: tracked Word or PDF in UN layout, with NEW's masthead."""
    from resdesk.model.delegation import derived_short_name
    from resdesk.model.palette import colour
    from resdesk.ui.exporters import exporter  # loads neither Qt nor python-docx until a format needs it
    from resdesk.un.sponsors import join_sponsors
    from resdesk.views.compare import UNKNOWN_AUTHOR
    from resdesk.views.export_input import ExportOptions, Palette, comparison_input, output_format
    from resdesk.views.matching import match_blocks

    fmt = output_format(args.output)
    if fmt == "akn":
        raise UserError("A comparison is written as tracked changes, to .docx or .pdf; Akoma Ntoso holds a clean text.")
    old, new = read_text(args.old), read_text(args.new)
    old.version = old.meta.symbol or Path(args.old).name  # "Changes since A/RES/78/226" in the print's legend
    by = " ".join(args.author.split()) if args.author else \
        join_sponsors(new.meta.sponsors, new.meta.language) or UNKNOWN_AUTHOR
    options = ExportOptions(mode="tracked", page=args.page, from_rev=old.version, to_rev=new.version)
    palette = Palette({by: colour(0)}, {by: derived_short_name(by)})
    prepared = comparison_input(old, match_blocks(old, new), [], options, palette=palette, by=by)
    exporter(fmt)(prepared, Path(args.output))
    return 0


def _open_for_reading(path: str):
    from resdesk.store.docfile import DocumentFile

    return DocumentFile.open(path, readonly=True)


def cmd_outline(args) -> int:
    from resdesk.store.documents import load

    notes, elsewhere = {}, []
    with _open_for_reading(args.document) as doc:
        document = load(doc, args.rev)
        if args.comments and not args.json:  # the JSON outline always has its "comments"
            notes, elsewhere = comment_notes(doc, document)
        if args.json:
            outline = negotiation_json(doc, document, args)
        elif args.view != "base":
            text = negotiation_text(doc, document, args, notes)
    if args.json:
        json.dump(outline, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from resdesk.views.reading import elsewhere_text

    if args.view == "base":
        import shutil

        from resdesk.views.reading import Style, outline_text

        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        text = outline_text(document, style=Style.for_terminal(sys.stdout.isatty()), width=width, notes=notes)
    sys.stdout.write(text + elsewhere_text(elsewhere))
    return 0


def cmd_meta(args) -> int:
    from resdesk.store.delegations import document_delegations
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load, set_meta
    from resdesk.views.metadata import format_meta, parse_assignments

    if not args.set:
        with _open_for_reading(args.document) as doc:
            document = load(doc)
        sys.stdout.write(format_meta(document))
        return 0
    with _open_for_reading(args.document) as doc:
        language = load(doc).meta.language  # sponsors are listed as the document's language lists them
        known = tuple(d.name for d in document_delegations(doc))
    changes = parse_assignments(args.set, language, known)
    with DocumentFile.open(args.document) as doc:
        set_meta(doc, changes)
    return 0


def _split_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def cmd_export(args) -> int:
    from resdesk.store.docfile import DocumentFile
    from resdesk.ui.exporters import exporter  # loads neither Qt nor python-docx until a format needs it
    from resdesk.views.export import prepare_export
    from resdesk.views.export_input import ExportOptions, output_format

    options = ExportOptions(
        mode=args.mode, page=args.page, rev=args.rev, from_rev=args.from_rev, to_rev=args.to_rev,
        statuses=_split_list(args.status), delegations=_split_list(args.delegations),
        moves_as_delete_insert=args.moves_as_delete_insert,
        line_numbers=args.line_numbers, watermark=args.watermark, symbol=args.symbol,
    )
    if args.emblem:
        from resdesk.formats.emblem import read_emblem

        options.emblem = read_emblem(args.emblem)
    options.check()
    export = exporter(output_format(args.output), options)
    with DocumentFile.open(args.document, readonly=True) as doc:
        prepared = prepare_export(doc, options)
    export(prepared, Path(args.output))
    return 0


def cmd_check_file(args) -> int:
    """SQLite's integrity check and ours; each problem on a line; exit status 1 when there is one."""
    from resdesk.store.check import check_file

    path = Path(args.document)
    problems = check_file(path)
    for problem in problems:
        print(f"{path.name}: {problem}")
    if not problems:
        print(f"{path.name}: sound (SQLite's integrity check, the schema and every value as Resolution Desk "
              "writes them).")
    return EXIT_FINDINGS if problems else 0


def cmd_gui(args) -> int:
    """Open the editor window (Qt is imported only here)."""
    screenshot = getattr(args, "screenshot", None)
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        if not screenshot:
            raise UserError("No display to open the window on (DISPLAY is not set): run it in a desktop session, "
                            "or use --screenshot OUT.png to picture the window offscreen.")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_HASH_SEED", "0")  # the same PDF bytes from File > Export PDF as from the CLI
    from resdesk.ui.app import run

    return run(getattr(args, "document", None), screenshot, getattr(args, "size", None))


# -- negotiation: amend, status, comment, delegation, revise, and the outline's views ------------------


def _filter(doc, args):
    from resdesk.views.selection import amendment_filter

    return amendment_filter(doc, _split_list(args.status), _split_list(args.delegations))


def negotiation_json(doc, document, args) -> dict:
    """The JSON outline of `document` with its amendments and comments, in the view asked for."""
    from resdesk.store.amendments import amendments
    from resdesk.store.comments import comments
    from resdesk.views.outline import negotiation_outline

    selection = _filter(doc, args)
    accepted = selection.statuses if args.status else None
    return negotiation_outline(document, amendments(doc, document.version), comments(doc), view=args.view,
                               selection=selection, accepted=accepted)


def comment_notes(doc, document):
    """The comments of the file (private ones marked) under the paragraphs of `document`, for a person."""
    from resdesk.store.amendments import amendments
    from resdesk.store.comments import comments
    from resdesk.store.delegations import document_delegations
    from resdesk.store.documents import version_names
    from resdesk.views.comment_text import comment_notes as notes_by_block

    every = [amendment for name in version_names(doc) for amendment in amendments(doc, name)]
    short = {d.name: d.short_name for d in document_delegations(doc)}
    return notes_by_block(document, comments(doc), every, short)


def negotiation_text(doc, document, args, notes=None) -> str:
    """The markup or consolidated view for a person (the terminal), with `notes` (comments) by block id."""
    from resdesk.store.amendments import amendments
    from resdesk.store.delegations import document_delegations

    selection = _filter(doc, args)
    items = amendments(doc, document.version)
    if args.view == "consolidated":
        import shutil

        from resdesk.views.consolidated import consolidated
        from resdesk.views.reading import Style, outline_text

        kwargs = {"statuses": selection.statuses} if args.status else {}
        shown = consolidated(document, items, delegations=selection.delegations, **kwargs)
        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        return outline_text(shown, style=Style.for_terminal(sys.stdout.isatty()), width=width, notes=notes)
    from resdesk.views.markup import markup
    from resdesk.views.markup_text import markup_text

    short = {d.name: d.short_name for d in document_delegations(doc)}
    return markup_text(markup(document, items, selection), short, notes=notes)


def cmd_amend(args) -> int:
    import re

    from resdesk.amend import propose
    from resdesk.store.amendments import add_amendment
    from resdesk.store.delegations import acting_as, resolve_delegation
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load

    forms = {"--replace": args.replace, "--delete-words": args.delete_words, "--insert": args.insert,
             "--new-paragraph": args.new_paragraph, "--delete-paragraph": args.delete_paragraph,
             "--move": args.move, "--alternative": args.alternative, "--from-docx": args.from_docx}
    given = [option for option, value in forms.items() if value is not None]
    if len(given) != 1:
        raise UserError("Give exactly one amendment: --replace, --delete-words, --insert, --new-paragraph, "
                        "--delete-paragraph, --move or --alternative (or --from-docx FILE for all of a Word "
                        "file's changes).")
    form = given[0]
    needs = {"--replace": ("--in", "--with"), "--delete-words": ("--in",), "--insert": ("--in",),
             "--new-paragraph": ("--after",), "--move": ("--after",), "--alternative": ("--for",)}
    values = {"--in": args.within, "--with": args.with_, "--after": args.after, "--for": args.for_}
    for option in needs.get(form, ()):
        if values[option] is None:
            raise UserError(f"{form} needs {option}.")
    if args.occurrence is not None and form not in ("--replace", "--delete-words", "--insert"):
        raise UserError("--occurrence only goes with --replace, --delete-words or --insert --after-words.")
    if form == "--from-docx":
        return _amend_from_docx(args)
    if args.author_map or args.json:
        raise UserError("--author-map and --json go with --from-docx.")
    with DocumentFile.open(args.document) as doc:
        author = args.as_ or acting_as(doc)
        if not author:
            raise UserError("Say in whose name the amendment is proposed: --as DELEGATION.")
        author = resolve_delegation(doc, author).name
        co_sponsors = [resolve_delegation(doc, name).name for name in _split_list(args.co_sponsors) or []]
        document = load(doc)
        if args.within is not None and re.fullmatch(r"\s*a\d+\s*", args.within):  # --in a5: a sub-amendment
            amendment = _sub_amendment(doc, document, author, form, args)
        elif form == "--replace":
            amendment = propose.propose_replace(document, author, args.within, args.replace, args.with_,
                                                args.occurrence)
        elif form == "--delete-words":
            amendment = propose.propose_replace(document, author, args.within, args.delete_words, "",
                                                args.occurrence)
        elif form == "--insert":
            amendment = propose.propose_insert_words(document, author, args.within, args.insert,
                                                     after_words=args.after_words, at_end=args.at_end,
                                                     occurrence=args.occurrence)
        elif form == "--new-paragraph":
            amendment = propose.propose_new_paragraph(document, author, args.new_paragraph, args.after, args.kind)
        elif form == "--delete-paragraph":
            amendment = propose.propose_delete_paragraph(document, author, args.delete_paragraph)
        elif form == "--move":
            amendment = propose.propose_move(document, author, args.move, args.after)
        else:
            amendment = propose.propose_alternative(document, author, args.alternative, args.for_)
        amendment.co_sponsors = [name for name in co_sponsors if name != author]
        amendment.justification = args.justification or ""
        add_amendment(doc, amendment, actor=author)
    print(amendment.id)
    return 0


def _sub_amendment(doc, document, author: str, form: str, args):
    """`amend DOC --in a5 --replace … --with …` (or --delete-words, --insert): an amendment to amendment a5."""
    from resdesk.amend import propose
    from resdesk.amend.sub_amendments import amendable, in_amendment
    from resdesk.store.amendments import amendments

    if form not in ("--replace", "--delete-words", "--insert"):
        raise UserError("An amendment to an amendment changes its words: --in ID with --replace, --delete-words "
                        "or --insert.")
    parent = amendable(amendments(doc, document.version), args.within.strip(), document.version)
    if form == "--insert":
        return in_amendment(document, parent, lambda text, label: propose.propose_insert_words(
            text, author, label, args.insert, after_words=args.after_words, at_end=args.at_end,
            occurrence=args.occurrence))
    new = args.with_ if form == "--replace" else ""
    old = args.replace if form == "--replace" else args.delete_words
    return in_amendment(document, parent,
                        lambda text, label: propose.propose_replace(text, author, label, old, new, args.occurrence))


def _amend_from_docx(args) -> int:
    """Every Word file's changes as proposals of their authors (typed ones of --as or the delegation the file is
    named after), their comments too, in one step; the report on stdout (or its JSON)."""
    from resdesk.amend.batches import record_files, report_text
    from resdesk.formats.docx_proposals import WordFile, word_file_proposals
    from resdesk.store.delegations import acting_as, resolve_delegation
    from resdesk.store.docfile import DocumentFile
    from resdesk.views.proposal_context import proposal_context

    files = [WordFile.at(Path(path), args.as_ or "") for path in args.from_docx]
    author_map = _author_map(args.author_map or [])
    with DocumentFile.open(args.document) as doc:
        co_sponsors = [resolve_delegation(doc, name).name for name in _split_list(args.co_sponsors) or []]
        batch = word_file_proposals(files, proposal_context(doc), author_map)
        for source in batch:
            for proposal in source.proposals:
                proposal.co_sponsors = [name for name in co_sponsors if name != proposal.author]
                proposal.justification = args.justification or ""
        recorded = record_files(doc, batch, actor=acting_as(doc))
    if args.json:
        json.dump({"files": [entry.to_json() for entry in recorded]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report_text(recorded))
    return 0


def _author_map(pairs: list[str]) -> dict[str, str]:
    """--author-map "J. Smith=Brazil" (repeatable, or several separated by ";")."""
    result = {}
    for pair in (item for value in pairs for item in value.split(";") if item.strip()):
        name, sign, delegation = pair.partition("=")
        if not sign or not name.strip() or not delegation.strip():
            raise UserError(f"--author-map takes NAME=DELEGATION (as in \"J. Smith=Brazil\"), not “{pair.strip()}”.")
        result[name.strip()] = delegation.strip()
    return result


def cmd_status(args) -> int:
    from resdesk.amend.decisions import set_statuses
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile

    with DocumentFile.open(args.document) as doc:
        set_statuses(doc, args.ids, args.status, supersede=_split_list(args.supersede) or (), actor=acting_as(doc))
    return 0


def cmd_amendments(args) -> int:
    """The facilitator's list of amendments of the current version: a table, or the outline's JSON objects."""
    from resdesk.amend.anchors import TextIndex
    from resdesk.amend.propose import find_block
    from resdesk.model.amendment import parse_status
    from resdesk.store.amendments import amendments
    from resdesk.store.comments import comments
    from resdesk.store.delegations import document_delegations, resolve_delegation
    from resdesk.store.documents import load
    from resdesk.views.amendment_table import amendment_table
    from resdesk.views.outline import amendment_list

    with _open_for_reading(args.document) as doc:
        document = load(doc)
        items = amendments(doc, document.version)
        listed = amendment_list(document, items, comments(doc))
        names = {resolve_delegation(doc, name).name for name in _split_list(args.delegations) or []}
        short = {d.name: d.short_name for d in document_delegations(doc)}
    statuses = {parse_status(status) for status in _split_list(args.status) or []}
    paragraph = find_block(TextIndex.of(document), args.paragraph).id if args.paragraph else None
    chosen = {a.id for a in items if (not names or names & set(a.sponsors()))
              and (not statuses or a.status in statuses) and (paragraph is None or a.target == paragraph)}
    shown = [item for item in listed if item["id"] in chosen]
    if args.json:
        json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif shown:
        sys.stdout.write(amendment_table(shown, short))
    else:
        why = "matches these filters" if items else "has been proposed yet"
        print(f"resdesk: no amendment of {document.version} {why}.", file=sys.stderr)
    return 0


def cmd_withdraw(args) -> int:
    from resdesk.amend.decisions import set_statuses
    from resdesk.model.amendment import WITHDRAWN
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile

    with DocumentFile.open(args.document) as doc:
        actor = _delegation_name(doc, args.as_) if args.as_ else acting_as(doc)
        set_statuses(doc, args.ids, WITHDRAWN, actor=actor)
    return 0


def _delegation_name(doc, name: str) -> str:
    from resdesk.store.delegations import resolve_delegation

    return resolve_delegation(doc, name).name


def cmd_delete(args) -> int:
    from resdesk.amend.decisions import delete_proposals
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile

    with DocumentFile.open(args.document) as doc:
        author = args.as_ or acting_as(doc)
        if not author:
            raise UserError("Say whose proposals these are: --as DELEGATION (a delegation deletes only its own).")
        delete_proposals(doc, args.ids, actor=_delegation_name(doc, author))
    return 0


def cmd_comment(args) -> int:
    import re

    from resdesk.amend.anchors import TextIndex
    from resdesk.amend.propose import find_block
    from resdesk.model.comment import Comment
    from resdesk.store.amendments import get_amendment
    from resdesk.store.comments import add_comment
    from resdesk.store.delegations import acting_as, resolve_delegation
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load

    if args.on is None and args.reply_to is None:
        raise UserError("Say what the comment is on: --on LABEL or --on AMENDMENT-ID (or --reply-to ID).")
    with DocumentFile.open(args.document) as doc:
        author = args.as_ or acting_as(doc)
        if not author:
            raise UserError("Say who comments: --as DELEGATION.")
        author = resolve_delegation(doc, author).name
        block = amendment = ""
        if args.on is not None:
            if re.fullmatch(r"a\d+", args.on.strip()):
                amendment = get_amendment(doc, args.on.strip()).id
            else:
                block = find_block(TextIndex.of(load(doc)), args.on).id
        comment = add_comment(doc, Comment("", author, args.text, block=block, amendment=amendment,
                                           private=args.private, reply_to=args.reply_to or ""), actor=author)
    print(comment.id)
    return 0


def _delegation_row(delegation) -> str:
    return "\t".join((delegation.name, delegation.short_name, delegation.kind, delegation.colour,
                      ", ".join(delegation.groups)))


def cmd_delegation(args) -> int:
    from resdesk.store.delegations import acting_as, add_delegation, document_delegations, used_delegations
    from resdesk.store.docfile import DocumentFile

    if args.add is None:
        for option, value in (("--group", args.group), ("--short", args.short), ("--kind", args.kind)):
            if value:
                raise UserError(f"{option} goes with --add NAME.")
        with _open_for_reading(args.document) as doc:
            shown = document_delegations(doc) if args.all else used_delegations(doc)
        for delegation in shown:
            print(_delegation_row(delegation))
        return 0
    if args.all:
        raise UserError("--all lists the delegations; it does not go with --add.")
    with DocumentFile.open(args.document) as doc:
        added = add_delegation(doc, args.add, short_name=args.short or "", groups=args.group or [],
                               kind=args.kind or "", actor=acting_as(doc))
    print(_delegation_row(added))
    if not args.short:
        print(f"resdesk: {added.name} has the short name “{added.short_name}”; --short SHORT chooses another.",
              file=sys.stderr)
    return 0


def cmd_revise(args) -> int:
    import datetime

    from resdesk.amend.revise import create_revision
    from resdesk.model.amendment import ACCEPTED_BY_DEFAULT, parse_status
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile
    from resdesk.un.dates import parse_date

    accept = tuple(parse_status(s) for s in _split_list(args.accept) or []) if args.accept is not None \
        else ACCEPTED_BY_DEFAULT
    if not accept:
        raise UserError("--accept needs at least one status, e.g. agreed,agreed-ad-ref,adopted.")
    date = parse_date(args.date) if args.date else datetime.date.today().isoformat()
    with DocumentFile.open(args.document) as doc:
        revision = create_revision(doc, accept, args.name, date=date, actor=acting_as(doc))
        carried = [amendment.id for amendment in revision.carried]
    print(revision.name)
    print("applied:", ", ".join(revision.applied) or "none")
    print("carried:", ", ".join(carried) or "none")
    return 0


def add_negotiation_commands(commands, outline) -> None:
    """The parsers of the negotiation commands, and the outline's view and filter options."""
    outline.add_argument("--view", choices=("base", "markup", "consolidated"), default="base",
                         help="base text, every proposal inline, or the text with the agreed ones applied")
    outline.add_argument("--status", metavar="LIST",
                         help="statuses shown (markup) or applied (consolidated), e.g. agreed,agreed-ad-ref")
    outline.add_argument("--delegations", metavar="LIST", help="only these delegations' amendments")

    p = commands.add_parser("amend", help="propose an amendment in the name of a delegation")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--as", dest="as_", metavar="DELEGATION", help="the proposing delegation (name or short name)")
    p.add_argument("--in", dest="within", metavar="LABEL|ID",
                   help="the paragraph whose words change (OP2, PP3), or the amendment (a5) whose new words change")
    p.add_argument("--replace", metavar="OLD")
    p.add_argument("--with", dest="with_", metavar="NEW")
    p.add_argument("--delete-words", metavar="OLD")
    p.add_argument("--insert", metavar="NEW")
    p.add_argument("--after-words", metavar="ANCHOR")
    p.add_argument("--at-end", action="store_true")
    p.add_argument("--occurrence", type=int, metavar="N", help="which occurrence of the words (1, 2, …)")
    p.add_argument("--new-paragraph", metavar="TEXT")
    p.add_argument("--after", metavar="LABEL", help="the paragraph a new or moved paragraph follows")
    p.add_argument("--kind", choices=("preambular", "operative", "subparagraph"))
    p.add_argument("--delete-paragraph", metavar="LABEL")
    p.add_argument("--move", metavar="LABEL")
    p.add_argument("--alternative", metavar="TEXT")
    p.add_argument("--for", dest="for_", metavar="LABEL")
    p.add_argument("--from-docx", nargs="+", metavar="FILE.docx",
                   help="every change in these Word files (tracked ones by their authors, typed ones by --as or the "
                        "delegation each file is named after) and their comments, as proposals, in one step")
    p.add_argument("--author-map", action="append", metavar='"NAME=DELEGATION"',
                   help="with --from-docx: whose the tracked changes and comments of an author are (repeatable)")
    p.add_argument("--json", action="store_true", help="with --from-docx: the report as JSON")
    p.add_argument("--co-sponsors", metavar='"A, B"')
    p.add_argument("--justification", metavar="TEXT")
    p.set_defaults(run=cmd_amend)

    p = commands.add_parser("status", help="record an amendment's status (agreed, agreed-ad-ref, withdrawn, …)")
    p.add_argument("document", metavar="DOC")
    p.add_argument("ids", nargs="+", metavar="ID", help="one or more amendments (a1 a2 …), set together")
    p.add_argument("status", metavar="STATUS")
    p.add_argument("--supersede", metavar="ID[,ID]",
                   help="accepted amendments this one replaces: they become superseded in the same step")
    p.set_defaults(run=cmd_status)

    p = commands.add_parser("amendments", help="list the amendments (id, label, delegation, status, instruction, "
                                               "collisions), or their JSON")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--delegation", "--delegations", dest="delegations", metavar="LIST",
                   help="only these delegations' amendments (as author or co-sponsor)")
    p.add_argument("--status", metavar="LIST", help="only these statuses, e.g. proposed,bracketed")
    p.add_argument("--paragraph", metavar="LABEL", help="only the amendments of this paragraph (OP2, PP3)")
    p.add_argument("--json", action="store_true", help="the objects of `outline --json`'s \"amendments\"")
    p.set_defaults(run=cmd_amendments)

    p = commands.add_parser("withdraw", help="withdraw amendments (status withdrawn), in one step")
    p.add_argument("document", metavar="DOC")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--as", dest="as_", metavar="DELEGATION", help="who withdraws (recorded in the event log)")
    p.set_defaults(run=cmd_withdraw)

    p = commands.add_parser("delete", help="take a delegation's own undecided proposals out of the file")
    p.add_argument("document", metavar="DOC")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--as", dest="as_", metavar="DELEGATION", help="the delegation whose proposals they are")
    p.set_defaults(run=cmd_delete)

    p = commands.add_parser("comment", help="comment on a paragraph or an amendment")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--as", dest="as_", metavar="DELEGATION")
    p.add_argument("--on", metavar="LABEL|ID")
    p.add_argument("--text", required=True, metavar="TEXT")
    p.add_argument("--private", action="store_true", help="a note that never leaves this file")
    p.add_argument("--reply-to", metavar="ID")
    p.set_defaults(run=cmd_comment)

    p = commands.add_parser("delegation", help="list the document's delegations (--all: every one), or add one")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--all", action="store_true", help="every delegation known: the built-in ones and the document's")
    p.add_argument("--add", metavar="NAME")
    p.add_argument("--short", metavar="SHORT", help="its short name (default: derived from the name)")
    p.add_argument("--kind", choices=("member", "observer", "group", "other"), help="default: member")
    p.add_argument("--group", action="append", metavar="G", help="a group it belongs to (repeatable)")
    p.set_defaults(run=cmd_delegation)

    p = commands.add_parser("revise", help="create the next revision from the accepted amendments")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--accept", metavar="LIST",
                   help="the statuses to apply (default: the accepted ones, agreed,agreed-ad-ref,adopted)")
    p.add_argument("--name", metavar="NAME", help="the new version's name (default: the next Rev.N)")
    p.add_argument("--date", metavar="DATE", help="the new version's date, 1 October 2013 or ISO (default: today)")
    p.set_defaults(run=cmd_revise)


# -- the vote: voting-order, vote, divide --------------------------------------------------------------


def _vote_of(args, *, division: bool = False):
    """The Vote the options give: --yes/--no/--abstain [--recorded], or --without-vote."""
    from resdesk.model.vote import Vote

    figures = (args.yes, args.no, args.abstain)
    if getattr(args, "without_vote", False):
        if any(value is not None for value in figures) or args.recorded:
            raise UserError("--without-vote goes alone: an amendment adopted without a vote has no figures.")
        return Vote(without_vote=True)
    if any(value is None for value in figures):
        what = "retain the words" if division else "adopt"
        raise UserError(f"Give the votes: --yes N (to {what}) --no N --abstain N"
                        + (", or --without-vote." if not division else "."))
    return Vote(args.yes, args.no, args.abstain, recorded=args.recorded, division=division)


def cmd_voting_order(args) -> int:
    """The undecided amendments in the order they are voted on (rule 90), or as the chair set it."""
    from resdesk.amend.voting import current_order, reorder, set_order
    from resdesk.store.amendments import amendments
    from resdesk.store.delegations import acting_as, document_delegations
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load
    from resdesk.views.voting_order import voting_order_json, voting_order_text

    if args.reset and args.move:
        raise UserError("--reset goes alone: it puts back the order of rule 90.")
    if (args.before or args.after) and not args.move:
        raise UserError("--before and --after go with --move ID.")
    if args.move or args.reset:
        with DocumentFile.open(args.document) as doc:
            if args.reset:
                set_order(doc, [], actor=acting_as(doc))
            else:
                reorder(doc, args.move.strip(), before=args.before, after=args.after, actor=acting_as(doc))
    with _open_for_reading(args.document) as doc:
        document = load(doc)
        data = voting_order_json(document, amendments(doc, document.version), current_order(doc))
        short = {d.name: d.short_name for d in document_delegations(doc)}
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(voting_order_text(data, short))
    return 0


def cmd_vote(args) -> int:
    """Record the vote on an amendment: adopted or rejected, with its figures; prints the outcome."""
    from resdesk.amend.voting import record_vote
    from resdesk.store.amendments import get_amendment
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile

    vote = _vote_of(args)
    with DocumentFile.open(args.document) as doc:
        record_vote(doc, args.id.strip(), vote, actor=acting_as(doc))
        amendment = get_amendment(doc, args.id.strip())
    print(f"{amendment.id} {amendment.vote.words()}")
    return 0


def cmd_divide(args) -> int:
    """Record a separate vote on some words of a paragraph: retained, or deleted (an adopted amendment)."""
    from resdesk.amend.voting import divide
    from resdesk.store.delegations import acting_as
    from resdesk.store.docfile import DocumentFile

    vote = _vote_of(args, division=True)
    with DocumentFile.open(args.document) as doc:
        mover = args.as_ or acting_as(doc)
        if not mover:
            raise UserError("Say which delegation moved the division: --as DELEGATION.")
        amendment = divide(doc, args.label, args.words, vote, author=_delegation_name(doc, mover),
                           occurrence=args.occurrence, actor=acting_as(doc))
    print(f"{amendment.id} {amendment.vote.words()}")
    return 0


def _add_figures(p, *, division: bool = False) -> None:
    p.add_argument("--yes", type=int, metavar="N", help="votes to retain the words" if division else "votes in favour")
    p.add_argument("--no", type=int, metavar="N", help="votes against")
    p.add_argument("--abstain", type=int, metavar="N", help="abstentions")
    p.add_argument("--recorded", action="store_true", help="a recorded vote")


def add_voting_commands(commands) -> None:
    """The parsers of `voting-order`, `vote` and `divide`."""
    p = commands.add_parser("voting-order", help="the undecided amendments in the order they are voted on (rule 90)")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--json", action="store_true", help="the order as JSON")
    p.add_argument("--move", metavar="ID", help="rearrange the order by hand: move this amendment …")
    p.add_argument("--before", metavar="ID", help="… just before this one")
    p.add_argument("--after", metavar="ID", help="… just after this one")
    p.add_argument("--reset", action="store_true", help="forget the order set by hand: back to rule 90's")
    p.set_defaults(run=cmd_voting_order)

    p = commands.add_parser("vote", help="record the vote on an amendment: adopted or rejected, with the figures")
    p.add_argument("document", metavar="DOC")
    p.add_argument("id", metavar="ID")
    _add_figures(p)
    p.add_argument("--without-vote", action="store_true", help="adopted without a vote")
    p.set_defaults(run=cmd_vote)

    p = commands.add_parser("divide", help="record a separate vote on some words of a paragraph (retained or "
                                           "deleted)")
    p.add_argument("document", metavar="DOC")
    p.add_argument("label", metavar="LABEL", help="the paragraph (OP5, PP3)")
    p.add_argument("--words", required=True, metavar="WORDS", help="the words voted on separately, as they stand")
    p.add_argument("--occurrence", type=int, metavar="N", help="which occurrence of the words (1, 2, …)")
    p.add_argument("--as", dest="as_", metavar="DELEGATION", help="the delegation that moved the division")
    _add_figures(p, division=True)
    p.set_defaults(run=cmd_divide)


# -- editorial checks: check, asks --------------------------------------------------------------------


EXIT_FINDINGS = 1


def _checked_text(args):
    """The version asked for, and the version it was revised from (its cross-references' earlier targets)."""
    from resdesk.store.documents import load, previous_version

    with _open_for_reading(args.document) as doc:
        document = load(doc, args.rev)
        earlier = previous_version(doc, document.version)
        previous = load(doc, earlier) if earlier else None
    return document, previous


def cmd_check(args) -> int:
    """The editorial checks: exit status 0 when the text is clean, 1 with findings."""
    from resdesk.check.checker import check

    document, previous = _checked_text(args)
    findings = check(document, previous)
    if args.json:
        json.dump({"version": document.version, "findings": [f.to_json() for f in findings]}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        markers = document.footnote_markers()
        for finding in findings:
            where = finding.label or finding.block
            if finding.footnote:
                where += f" (footnote {markers.get(finding.footnote, '?')})"
            text = document.footnotes[finding.footnote].text if finding.footnote else \
                document.block(finding.block).text
            fix = f" [fix: {finding.fix.describe(text)}]" if finding.fix else ""
            print(f"{where:<12} {finding.rule:<22} {finding.message}{fix}")
        noun = "finding" if len(findings) == 1 else "findings"
        print(f"{len(findings)} {noun} in {document.version}." if findings else f"No findings in {document.version}.")
    return EXIT_FINDINGS if findings else 0


def cmd_asks(args) -> int:
    """What the draft asks of the Secretariat: reports, events, bodies, posts, agenda items, resources."""
    from resdesk.check.asks import asks

    document, _previous = _checked_text(args)
    found = asks(document)
    if args.json:
        json.dump({"version": document.version, "asks": [ask.to_json() for ask in found]}, sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for ask in found:
        print(f"{ask.label:<10} {ask.kind:<10} {ask.brief()}")
    print(f"{len(found)} {'ask' if len(found) == 1 else 'asks'} in {document.version}.")
    return 0


def add_check_commands(commands) -> None:
    """The parsers of `check` and `asks`."""
    p = commands.add_parser("check", help="check the text by the UN's editorial rules (exit 1 with findings)")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--rev", metavar="NAME", help="the version to check (default: the current one)")
    p.add_argument("--json", action="store_true", help="the findings as JSON")
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("asks", help="list what the draft asks for: reports, events, bodies, posts, agenda items")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--rev", metavar="NAME", help="the version to read (default: the current one)")
    p.add_argument("--json", action="store_true", help="the asks as JSON")
    p.set_defaults(run=cmd_asks)


# -- parser -------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="resdesk", description="Draft and negotiate United Nations resolutions.")
    parser.add_argument("--version", action="version", version=f"resdesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = commands.add_parser("import", help="read a text, AKN or Word file into a new document file")
    p.add_argument("source", metavar="SOURCE", nargs="?",
                   help="the file to read (with --based-on: the new draft, whose changes become proposals)")
    p.add_argument("-o", "--output", required=True, metavar="DOC.resdesk")
    p.add_argument("--format", choices=("auto", "text", "akn", "docx"), default="auto")
    p.add_argument("--based-on", metavar="OLD",
                   help="the official text the draft is based on (last year's resolution, the issued L. document): "
                        "the first version, the draft's differences recorded as its sponsors' proposals")
    p.add_argument("--as", dest="as_", metavar="DELEGATION",
                   help="with --based-on: who proposes the draft's changes (default: its sponsors, the first one as "
                        "the author)")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=cmd_import)

    p = commands.add_parser("compare", help="compare two texts (text, AKN, Word or document files): tracked Word or "
                                            "PDF in UN layout")
    p.add_argument("old", metavar="OLD", help="the earlier text (last year's resolution, the issued L. document)")
    p.add_argument("new", metavar="NEW", help="the later text; its masthead heads the comparison")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf")
    p.add_argument("--author", metavar="NAME", help="who made the changes (default: NEW's sponsors)")
    p.add_argument("--page", choices=("letter", "a4"), default="letter")
    p.set_defaults(run=cmd_compare)

    p = commands.add_parser("outline", help="print the text (or its JSON outline)")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--json", action="store_true", help="machine-readable outline")
    p.add_argument("--rev", metavar="NAME", help="an earlier version (original, Rev.1, …)")
    p.add_argument("--comments", action="store_true",
                   help="each comment thread under its paragraph (private notes marked; this file's own view)")
    p.set_defaults(run=cmd_outline)
    outline = p

    p = commands.add_parser("meta", help="print or change the metadata")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--set", nargs="+", metavar="KEY=VALUE", help="e.g. symbol=A/C.3/68/L.5")
    p.set_defaults(run=cmd_meta)

    p = commands.add_parser("export", help="write a Word, PDF or Akoma Ntoso file")
    p.add_argument("document", metavar="DOC")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf|OUT.xml")
    p.add_argument("--mode", choices=("clean", "tracked", "compilation", "amendments"), default="clean",
                   help="amendments: the amendment document of the delegations named with --delegations")
    p.add_argument("--rev", metavar="NAME", help="the version to export (default: the current one)")
    p.add_argument("--from", dest="from_rev", metavar="NAME", help="compare from this version (with --to)")
    p.add_argument("--to", dest="to_rev", metavar="NAME", help="compare to this version (with --from)")
    p.add_argument("--status", metavar="LIST", help="amendment statuses to include, e.g. proposed,agreed")
    p.add_argument("--delegations", metavar="LIST", help="delegations whose amendments to include")
    p.add_argument("--page", choices=("letter", "a4"), default="letter")
    p.add_argument("--symbol", default="", metavar="SYMBOL",
                   help="--mode amendments: the amendment document's own symbol, e.g. A/C.3/68/L.61")
    p.add_argument("--moves-as-delete-insert", action="store_true",
                   help="write moved paragraphs as a deletion and an insertion")
    p.add_argument("--line-numbers", action="store_true",
                   help="PDF only: number the lines in the margin, from 1 on each page (Word ignores it)")
    # The text is views.export.DEFAULT_WATERMARK, written out so that start-up imports nothing more.
    p.add_argument("--watermark", nargs="?", const="DRAFT \u2014 not for circulation", default="", metavar="TEXT",
                   help="PDF only: a diagonal watermark, by default \"DRAFT \u2014 not for circulation\" "
                        "(Word ignores it)")
    p.add_argument("--emblem", metavar="FILE", default="",
                   help="a PNG or JPEG image of the UN emblem for page 1, left of the organ (none is shipped)")
    p.set_defaults(run=cmd_export)
    add_negotiation_commands(commands, outline)
    add_voting_commands(commands)
    add_check_commands(commands)

    p = commands.add_parser("check-file", help="check a document file for damage (SQLite and our own checks)")
    p.add_argument("document", metavar="DOC")
    p.set_defaults(run=cmd_check_file)

    p = commands.add_parser("gui", help="open the editor window (the default when no command is given)")
    p.add_argument("document", nargs="?", metavar="FILE",
                   help="a document, or a text/AKN/Word file to import beside it (default: the bundled example)")
    p.add_argument("--screenshot", metavar="OUT.png", help="write a picture of the window and exit")
    p.add_argument("--size", metavar="WxH", help="window size, e.g. 1400x900 (with --screenshot: default 1400x900)")
    p.set_defaults(run=cmd_gui)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return cmd_gui(args)
        status = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not when Python exits
        return status
    except BrokenPipeError:
        # The reader went away (`resdesk outline DOC | head`): stop quietly, as Unix tools do. Whatever is
        # still buffered goes nowhere, so that Python's own flush at exit has no pipe to complain about.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except UserError as error:
        print(f"resdesk: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as error:
        from resdesk.store.docfile import database_problem

        name = Path(getattr(args, "document", "") or "the document file").name
        print(f"resdesk: error: {database_problem(error, name, 'nothing was changed')}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"resdesk: error: {error.strerror or error}{where}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130

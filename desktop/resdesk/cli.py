"""The `resdesk` command line.

Every subcommand imports what it needs inside its own function, so that
`resdesk outline` never loads Qt or python-docx. Bad input of any kind ends with
one line `resdesk: error: …` on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from resdesk import __version__
from resdesk.errors import UserError

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line like every other error."""

    def error(self, message: str):
        raise UserError(message[0].upper() + message[1:] + f" (see `{self.prog} --help`).")


# -- commands -----------------------------------------------------------------------------------


def cmd_import(args) -> int:
    from resdesk.formats.sources import read_source
    from resdesk.store.documents import create_document

    output = Path(args.output)
    if output.exists() and not args.force:
        raise UserError(f"{output.name} already exists; choose another name or use --force to replace it.")
    document = read_source(args.source, args.format)
    create_document(output, document, force=args.force, source=Path(args.source).name).close()
    return 0


def _open_for_reading(path: str):
    from resdesk.store.docfile import DocumentFile

    return DocumentFile.open(path, readonly=True)


def cmd_outline(args) -> int:
    from resdesk.store.documents import load

    with _open_for_reading(args.document) as doc:
        document = load(doc, args.rev)
    if args.json:
        from resdesk.views.outline import outline_json

        json.dump(outline_json(document), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        import shutil

        from resdesk.views.reading import Style, outline_text

        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        sys.stdout.write(outline_text(document, style=Style.for_terminal(sys.stdout.isatty()), width=width))
    return 0


def cmd_meta(args) -> int:
    from resdesk.store.docfile import DocumentFile
    from resdesk.store.documents import load, set_meta
    from resdesk.views.metadata import format_meta, parse_assignments

    if not args.set:
        with _open_for_reading(args.document) as doc:
            document = load(doc)
        sys.stdout.write(format_meta(document))
        return 0
    changes = parse_assignments(args.set)
    with DocumentFile.open(args.document) as doc:
        set_meta(doc, changes)
    return 0


def _split_list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def cmd_export(args) -> int:
    from resdesk.formats.export_options import ExportOptions, output_format
    from resdesk.store.docfile import DocumentFile

    options = ExportOptions(
        mode=args.mode, page=args.page, rev=args.rev, from_rev=args.from_rev, to_rev=args.to_rev,
        statuses=_split_list(args.status), delegations=_split_list(args.delegations),
        moves_as_delete_insert=args.moves_as_delete_insert,
        line_numbers=args.line_numbers, watermark=args.watermark,
    )
    options.check()
    fmt = output_format(args.output)
    with DocumentFile.open(args.document, readonly=True) as doc:
        if fmt == "docx":
            from resdesk.formats.docx_export import export_docx as export
        elif fmt == "akn":
            from resdesk.formats.akn_export import export_akn as export
        else:
            from resdesk.ui.printing.pdf_export import export_pdf as export
        export(doc, options, Path(args.output))
    return 0


# -- parser -------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="resdesk", description="Draft and negotiate United Nations resolutions.")
    parser.add_argument("--version", action="version", version=f"resdesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = commands.add_parser("import", help="read a text, AKN or Word file into a new document file")
    p.add_argument("source", metavar="SOURCE")
    p.add_argument("-o", "--output", required=True, metavar="DOC.resdesk")
    p.add_argument("--format", choices=("auto", "text", "akn", "docx"), default="auto")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=cmd_import)

    p = commands.add_parser("outline", help="print the text (or its JSON outline)")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--json", action="store_true", help="machine-readable outline")
    p.add_argument("--rev", metavar="NAME", help="an earlier version (original, Rev.1, …)")
    p.set_defaults(run=cmd_outline)

    p = commands.add_parser("meta", help="print or change the metadata")
    p.add_argument("document", metavar="DOC")
    p.add_argument("--set", nargs="+", metavar="KEY=VALUE", help="e.g. symbol=A/C.3/68/L.5")
    p.set_defaults(run=cmd_meta)

    p = commands.add_parser("export", help="write a Word, PDF or Akoma Ntoso file")
    p.add_argument("document", metavar="DOC")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.pdf|OUT.xml")
    p.add_argument("--mode", choices=("clean", "tracked", "compilation"), default="clean")
    p.add_argument("--rev", metavar="NAME", help="the version to export (default: the current one)")
    p.add_argument("--from", dest="from_rev", metavar="NAME", help="compare from this version (with --to)")
    p.add_argument("--to", dest="to_rev", metavar="NAME", help="compare to this version (with --from)")
    p.add_argument("--status", metavar="LIST", help="amendment statuses to include, e.g. proposed,agreed")
    p.add_argument("--delegations", metavar="LIST", help="delegations whose amendments to include")
    p.add_argument("--page", choices=("letter", "a4"), default="letter")
    p.add_argument("--moves-as-delete-insert", action="store_true",
                   help="write moved paragraphs as a deletion and an insertion")
    p.add_argument("--line-numbers", action="store_true",
                   help="PDF only: number the lines in the margin, from 1 on each page (Word ignores it)")
    p.add_argument("--watermark", nargs="?", const="DRAFT \u2014 not for circulation", default="", metavar="TEXT",
                   help="PDF only: a diagonal watermark, by default \"DRAFT \u2014 not for circulation\" "
                        "(Word ignores it)")
    p.set_defaults(run=cmd_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 0
        return args.run(args)
    except UserError as error:
        print(f"resdesk: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.DatabaseError as error:
        print(f"resdesk: error: the document file cannot be read or written ({error}).", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        print(f"resdesk: error: {error.strerror or error}{where}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130

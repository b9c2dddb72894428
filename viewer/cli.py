"""The command line: `python -m viewer compare A B [options]`, the same analysis headless.

Exit status 0 on success, 2 for a usage error or an input/output that cannot be handled, with one
plain line on standard error naming the file and the reason (never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from viewer.errors import CounterpartError
from viewer.langcode import language_code
from viewer.printable import printable

_DESCRIPTION = """\
Compare two readouts of one meeting: align their passages, diff the wording inside aligned
passages, and measure differences of emphasis (topics, order, omissions, voice, tone).
Without --json, prints a readable summary."""

_EPILOG = """\
inputs: a path (.txt .md .html .htm .docx .pdf; any common encoding), '-' for standard input
(only one side), or an http(s):// address (fetched once, read as HTML).
examples:
  python -m viewer compare us.txt cn.txt
  python -m viewer compare us.txt cn.html --json result.json --label-a "White House" --label-b MFA
  python -m viewer compare a.docx b.docx --mode versions --json -
  python -m viewer compare us.txt cn.txt --docx brief.docx --notes notes.json
  python -m viewer compare us.txt cn.txt --pdf brief.pdf --author "R. Analyst"
"""


def _language_code(value: str) -> str:
    """An ISO 639-1 code (optionally with a script or region, "zh-Hant"), refused when unknown."""
    try:
        return language_code(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m viewer", description="Counterpart: compare diplomatic readouts.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    cmp_ = sub.add_parser(
        "compare",
        help="compare two readouts",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmp_.add_argument("a", metavar="A", help="the first readout (side A)")
    cmp_.add_argument("b", metavar="B", help="the second readout (side B)")
    cmp_.add_argument("--json", metavar="PATH", help="write the comparison as JSON to PATH ('-' for standard output)")
    cmp_.add_argument("--label-a", metavar="TEXT", help="name of side A in the summary and findings (default: as a brief names it, from its publisher or text)")
    cmp_.add_argument("--label-b", metavar="TEXT", help="name of side B")
    cmp_.add_argument("--lang-a", metavar="xx", type=_language_code,
                      help="language of A as an ISO 639-1 code (default: detected)")
    cmp_.add_argument("--lang-b", metavar="xx", type=_language_code, help="language of B (default: detected)")
    cmp_.add_argument(
        "--mode",
        choices=("readouts", "versions"),
        help="readouts: two independent texts aligned by meaning; versions: two versions of one text, "
        "diffed word by word with moved sentences (default: chosen from the texts)",
    )
    cmp_.add_argument(
        "--lexicon",
        metavar="FILE",
        action="append",
        default=[],
        help="a user lexicon (TOML) adding topics or terms; may be given more than once",
    )
    cmp_.add_argument("--docx", metavar="OUT", help="export the annotated Word brief to OUT.docx")
    cmp_.add_argument("--pdf", metavar="OUT", help="export the brief as PDF to OUT.pdf (needs LibreOffice)")
    cmp_.add_argument("--author", metavar="NAME", default="",
                      help="your name, as the brief's author in its document properties")
    notes = cmp_.add_mutually_exclusive_group()
    notes.add_argument("--notes", metavar="NOTES.json", help="annotations to put in the brief as Word comments")
    notes.add_argument("--project", metavar="FILE", help="take the annotations from a saved Counterpart project")
    cmp_.add_argument("--title", metavar="TEXT", help="title of the brief (default: from the two labels)")
    cmp_.add_argument("--force", action="store_true",
                      help="overwrite an existing --docx, --pdf or --json file (never a folder or a device)")
    return parser


def _check_outputs(args: argparse.Namespace) -> None:
    """Every file to write, checked before the analysis runs and before any is written."""
    from viewer.fsutil import check_writable

    named = [(option, path) for option, path in (("--docx", args.docx), ("--pdf", args.pdf), ("--json", args.json))
             if path and path != "-"]
    for k, (option, path) in enumerate(named):
        twin = next((o for o, p in named[:k] if os.path.abspath(p) == os.path.abspath(path)), None)
        if twin:
            raise CounterpartError(f"{twin} and {option} name the same file, {path}")
    for _, path in named:
        check_writable(path, force=args.force)
    if args.pdf:
        from viewer.report.brief import pdf_unavailable

        reason = pdf_unavailable()
        if reason:
            raise CounterpartError(f"{args.pdf}: {reason}")


def _run_compare(args: argparse.Namespace) -> int:
    from viewer.analysis import compare
    from viewer.ingest import read_source

    if args.a == "-" and args.b == "-":
        raise CounterpartError("standard input can be only one of the two sides")
    _check_outputs(args)
    a = read_source(args.a, label=args.label_a)
    b = read_source(args.b, label=args.label_b)
    if args.lang_a:
        a.language = args.lang_a
    if args.lang_b:
        b.language = args.lang_b
    comparison = compare(a, b, mode=args.mode, lexicons=args.lexicon)

    notes: list = []  # the user's notes: they go with the result into the brief and the JSON
    if args.notes:
        from viewer.notes import load_notes

        notes = load_notes(args.notes, comparison)
    elif args.project:
        from viewer.project import load_project, reanchor

        # the project's notes were anchored on its own copies of the texts; these may differ
        texts = {side: comparison.doc(side).text for side in ("A", "B")}
        notes = reanchor(load_project(args.project).annotations, texts)

    files: list[tuple[str, bytes]] = []
    if args.docx or args.pdf:
        from viewer.report.brief import brief_bytes, brief_pdf_bytes

        brief = brief_bytes(comparison, notes=notes, title=args.title, author=args.author)
        if args.docx:
            files.append((args.docx, brief))
        if args.pdf:
            files.append((args.pdf, brief_pdf_bytes(brief, args.pdf)))
    data = None
    if args.json:
        from viewer.report.json_out import to_dict

        data = json.dumps(to_dict(comparison, notes), ensure_ascii=False, indent=1) + "\n"
        if args.json != "-":
            files.append((args.json, data.encode("utf-8")))
    if files:
        from viewer.fsutil import atomic_write_all

        atomic_write_all(files, force=args.force)  # all or none
    if args.json == "-":
        sys.stdout.write(data)
    else:
        from viewer.report.terminal import summary

        print(summary(comparison))
        for path in (args.docx, args.pdf):
            if path:
                print(f"\nBrief written to {printable(path)}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run_compare(args)
    except CounterpartError as err:
        print(f"counterpart: {printable(str(err))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("counterpart: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of standard output went away (| head): not an error of ours
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - so that the interpreter's final flush stays quiet
        return 0

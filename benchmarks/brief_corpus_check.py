"""Every corpus pair must give a brief that LibreOffice opens: export each, convert it to PDF,
report its pages (and, with --keep DIR, leave the briefs and PDFs there to look at).

Without soffice on the PATH the briefs are still written and read back with python-docx.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def pdf_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def check(name: str, a, b, out: Path, soffice: str | None) -> str:
    """One line for the report; raises nothing, so one broken pair does not hide the others."""
    import docx

    from viewer.analysis import compare
    from viewer.report.brief import write_brief

    brief = out / f"{name}.docx"
    try:
        c = compare(a, b)
        start = time.perf_counter()
        write_brief(c, brief, force=True)
        seconds = time.perf_counter() - start
        comments = len(docx.Document(str(brief)).comments)
    except Exception as exc:  # the check reports every failure instead of stopping at the first
        return f"FAIL  {name}: {type(exc).__name__}: {exc}"
    line = f"{c.mode:<8} {c.a.language}/{c.b.language}  {seconds:5.2f} s  {brief.stat().st_size // 1024:>4} KB"
    if soffice is None:
        return f"ok    {name}: {line}, comments {comments}"
    from viewer.errors import OutputError
    from viewer.report.brief.office import run_soffice

    pdf = brief.with_suffix(".pdf")
    try:  # a profile of its own: another LibreOffice running does not matter
        with tempfile.TemporaryDirectory(prefix="counterpart-lo-") as profile:
            run_soffice(["--convert-to", "pdf", "--outdir", str(out), str(brief)], profile)
    except OutputError as exc:
        return f"FAIL  {name}: LibreOffice could not convert it ({exc})"
    if not pdf.exists():
        return f"FAIL  {name}: LibreOffice wrote no PDF"
    return f"ok    {name}: {line}, {pdf_pages(pdf)} pages"


def main() -> int:
    import corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", metavar="DIR", help="write the briefs and PDFs to DIR instead of a temporary folder")
    args = parser.parse_args()
    if not corpus.available():
        print(f"no corpus at {corpus.CORPUS}")
        return 0
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: briefs are only read back with python-docx")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        lines = [check(name, a, b, out, soffice) for name, a, b in corpus.pairs()]
    for line in lines:
        print(line)
    failures = sum(line.startswith("FAIL") for line in lines)
    print(f"{len(lines)} pairs, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

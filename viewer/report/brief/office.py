"""LibreOffice headless, for the PDF of the brief: each run gets a profile folder of its own.

soffice refuses to start a second instance on a profile another one holds (the user's own
LibreOffice, a second export, a test running beside it) and exits 1 without a word, so every
call passes `-env:UserInstallation` pointing at a fresh temporary folder.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from viewer.errors import OutputError

CONVERT_TIMEOUT = 180  # seconds: a first start builds the profile (a few seconds), a brief converts in about one
INSTALL_HINT = "install LibreOffice (Debian: apt-get install libreoffice-writer-nogui)"


def soffice() -> str | None:
    """The LibreOffice program on the PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_unavailable() -> str | None:
    """Why a PDF cannot be made here (one plain line), or None when it can."""
    if soffice() is None:
        return f"a PDF needs LibreOffice, which is not installed: {INSTALL_HINT}"
    return None


def profile_argument(folder: str | Path) -> str:
    """The option that gives soffice its own profile in `folder`."""
    return f"-env:UserInstallation={Path(folder).resolve().as_uri()}"


def run_soffice(args: list[str], profile: str | Path, *, timeout: float = CONVERT_TIMEOUT) -> subprocess.CompletedProcess:
    """soffice --headless with its own profile in `profile`; raises OutputError when it is missing,
    hangs or fails."""
    program = soffice()
    if program is None:
        raise OutputError(pdf_unavailable())
    try:
        done = subprocess.run([program, "--headless", "--norestore", profile_argument(profile), *args],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise OutputError(f"LibreOffice did not finish within {timeout:.0f} s") from None
    except OSError as exc:
        raise OutputError(f"LibreOffice could not be started ({exc.strerror or exc})") from None
    if done.returncode:
        raise OutputError(f"LibreOffice failed (exit status {done.returncode}): "
                          f"{(done.stderr or done.stdout).strip()[:200] or 'no message'}")
    return done


def docx_to_pdf(docx_bytes: bytes) -> bytes:
    """The PDF LibreOffice makes of a .docx, with the Word comments kept as PDF notes."""
    with tempfile.TemporaryDirectory(prefix="counterpart-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "brief.docx"
        source.write_bytes(docx_bytes)
        export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
        run_soffice(["--convert-to", export, "--outdir", str(folder), str(source)], folder / "profile")
        pdf = folder / "brief.pdf"
        if not pdf.exists():
            raise OutputError("LibreOffice wrote no PDF")
        return pdf.read_bytes()

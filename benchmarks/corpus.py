"""The real readout pairs of ../shared/corpus/ (when present; $COUNTERPART_CORPUS names another
folder, as a git worktree under /work/wt/ needs).

Each corpus file starts with `source:`, `date:` and `publisher:` lines and a blank line; ingest
reads such a header as metadata, so the text starts after it. Folders with one file are
unpaired and skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from viewer.ingest import read_source
from viewer.model import Readout

# $COUNTERPART_CORPUS names it; else ../shared/corpus beside the repository, or from a git
# worktree (../wt/<branch>) one folder further up
CORPUS = Path(os.environ["COUNTERPART_CORPUS"]) if os.environ.get("COUNTERPART_CORPUS") else next(
    (p / "shared" / "corpus" for p in Path(__file__).resolve().parents[2:] if (p / "shared" / "corpus").is_dir()),
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")

# Readable labels from the file names' publisher prefixes, for findings like "Only the White House ...".
_PUBLISHERS = {
    "us-wh": "White House",
    "us-state": "State Department",
    "cn-cctv": "CCTV",
    "cn-mfa": "Chinese MFA",
    "cn-hkcd": "HKCD",
    "cn-xinhua": "Xinhua",
    "cn-cgtn": "CGTN",
    "ru-mfa": "Russian MFA",
    "xinhua": "Xinhua",
}


def label(path: Path) -> str:
    """'White House' for us-wh-en.txt; the language is added by pairs() when both sides share a name."""
    stem = path.name.removesuffix(".txt").removesuffix(".partial")
    prefix = re.sub(r"-[a-z]{2}(?:-hant)?$", "", stem)
    return _PUBLISHERS.get(prefix, stem)


def available() -> bool:
    return CORPUS.is_dir()


def read(path: Path, name: str | None = None) -> Readout:
    """A corpus file as the application reads it (ingest takes the header lines as metadata)."""
    return read_source(str(path), label=name or label(path))


def pairs() -> Iterator[tuple[str, Readout, Readout]]:
    """(pair id, readout A, readout B) for every folder holding two readouts, in name order."""
    if not available():
        return
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.txt"))
        if len(files) != 2:
            continue
        names = [label(f) for f in files]
        if names[0] == names[1]:
            names = [f"{n} ({f.name.removesuffix('.txt').removesuffix('.partial').rsplit('-', 1)[-1]})"
                     for n, f in zip(names, files, strict=True)]
        yield folder.name, read(files[0], names[0]), read(files[1], names[1])

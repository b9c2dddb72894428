"""The real readout pairs of ../shared/corpus/ (when present; $COUNTERPART_CORPUS names another
folder, as a git worktree under /work/wt/ needs).

Each corpus file starts with `source:`, `date:` and `publisher:` lines and a blank line; ingest
reads such a header as metadata, so the text starts after it. Folders with one file are
unpaired and skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from viewer.ingest import read_source
from viewer.model import Readout

# $COUNTERPART_CORPUS names it; else ../shared/corpus beside the repository, or from a git
# worktree (../wt/<branch>) one folder further up
CORPUS = Path(os.environ["COUNTERPART_CORPUS"]) if os.environ.get("COUNTERPART_CORPUS") else next(
    (p / "shared" / "corpus" for p in Path(__file__).resolve().parents[2:] if (p / "shared" / "corpus").is_dir()),
    Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")

def available() -> bool:
    return CORPUS.is_dir()


def read(path: Path, name: str | None = None) -> Readout:
    """A corpus file as a user opens it: no label unless `name` is given, so each side is named
    as the analysis names it (from its publisher or its text), never after the file."""
    return read_source(str(path), label=name)


def pairs() -> Iterator[tuple[str, Readout, Readout]]:
    """(pair id, readout A, readout B) for every folder holding two readouts, in name order."""
    if not available():
        return
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.txt"))
        if len(files) != 2:
            continue
        yield folder.name, read(files[0]), read(files[1])

"""Numbered sentences of a corpus pair, for a blind reader: segmentation only, no analysis.

A reader who writes the key differences of a pair cites sentences as "A12" together with the
character offset where the sentence starts ("at"), so a reading stays valid when the splitter
changes: the scorer maps the offset to whatever sentence holds it now.

    .venv/bin/python benchmarks/blind/listing.py 2022-11-14-biden-xi-bali
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

from viewer.text import segment  # noqa: E402


def main(pair: str) -> int:
    if not corpus.available():
        print(f"no corpus at {corpus.CORPUS}", file=sys.stderr)
        return 2
    folder = corpus.CORPUS / pair
    files = sorted(folder.glob("*.txt"))
    if len(files) != 2:
        print(f"{pair}: not a pair ({len(files)} files)", file=sys.stderr)
        return 2
    for side, path in zip("AB", files, strict=True):
        readout = corpus.read(path)
        doc = segment(readout)
        print(f"== side {side}: {path.name} (language {doc.language}, {len(doc.sentences)} sentences)")
        for key in ("publisher", "date", "source"):
            value = getattr(readout, key, None)
            if value:
                print(f"   {key}: {value}")
        for s in doc.sentences:
            text = " ".join(s.text.split())
            print(f"{side}{s.i} [p{s.paragraph} at={s.start}] {text}")
        print()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))

"""The size limit on one input, shared by files, standard input and URLs, and the time limit on a URL.

MAX_BYTES is 20 MB: far above any readout (a long one is 50 KB of text, its PDF under 1 MB), low
enough that a wrong file (a video, a disk image) is refused at once instead of read into memory.
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
FETCH_TIMEOUT = 15.0  # seconds, for connecting and for each read


def too_large(max_bytes: int, size: int | None = None) -> str:
    """The reason for refusing an input over `max_bytes`; `size` when it is known."""
    limit = _human(max_bytes)
    return (
        f"is too large ({_human(size)}, limit {limit})"
        if size is not None
        else f"is too large (over {limit})"
    )


def _human(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"

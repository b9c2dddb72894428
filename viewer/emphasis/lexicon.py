"""The multilingual lexicon of topics, tone markers and entities (stub until written)."""

from __future__ import annotations


def load_lexicon(paths=()):
    raise NotImplementedError("lexicon is being written")

"""Emphasis: topics, prominence, omissions, voice, tone, distinctive vocabulary and findings."""

from __future__ import annotations

from viewer.model import Comparison


def measure(comparison: Comparison, lexicon) -> None:
    """Fill the emphasis fields of `comparison` (and each sentence's speaker and topics) in place."""
    raise NotImplementedError("emphasis is being written")

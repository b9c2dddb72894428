"""Segmentation: language, paragraphs, sentences and tokens of a readout."""

from __future__ import annotations

from viewer.model import Document, Readout


def segment(readout: Readout) -> Document:
    """Split a readout into paragraphs and sentences with tokens (language detected unless forced)."""
    raise NotImplementedError("segmentation is being written")

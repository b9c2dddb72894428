"""How a finding names a side and starts its sentence: "the White House readout", "the Chinese readout".

The labels stage of the pipeline settles each side's name (Comparison.labels: "White House",
"Chinese"); here it becomes a noun phrase inside an English sentence, never a file name or a headline.
"""

from __future__ import annotations

import re

from viewer.model import Comparison, Side

NAMED_KIND = re.compile(r"\b(readout|statement|release|transcript|report|communiqu[eé])$", re.IGNORECASE)


def label(comparison: Comparison, side: Side) -> str:
    """How a finding names a side inside a sentence: "the White House readout" for the label
    "White House", "the MFA statement" for "MFA statement" (the label already says what it is),
    "readout A" when there is no label."""
    name = comparison.name(side)
    if name[:4].lower() == "the ":
        name = name[4:].strip()  # "The White House" -> "the White House readout"
    if not name:
        return f"readout {side}"
    return f"the {name}" if NAMED_KIND.search(name) else f"the {name} readout"


def possessive(comparison: Comparison, side: Side) -> str:
    """"the White House readout's", "readout A's"."""
    return label(comparison, side) + "'s"


def cap(text: str) -> str:
    """A finding's sentence starts with a capital even when it starts with a side or a topic."""
    return text[:1].upper() + text[1:]

"""The built-in demo pair: two readouts of an invented meeting, written for Counterpart.

The officials are fictional; the differences are the kind readers look for: each side leads
with its own agenda, only one side raises detained citizens, fentanyl and the Korean Peninsula,
only the other raises sanctions and Ukraine, and one side puts assurances in the other's mouth.
"""

from __future__ import annotations

from viewer.model import Readout
from viewer.paths import RESOURCES

_DEMO = RESOURCES / "demo"


def _read(name: str, label: str, publisher: str) -> Readout:
    path = _DEMO / name
    text = path.read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].strip()
    return Readout(
        text=text,
        label=label,
        title=title,
        publisher=publisher,
        date="2026-03-12",
        source=str(path),
    )


def demo_readouts() -> tuple[Readout, Readout]:
    """(A, B): the U.S. readout and the Chinese readout of the invented Geneva meeting."""
    return (
        _read("state-department.txt", "U.S. State Department", "U.S. Department of State (invented)"),
        _read("foreign-ministry.txt", "Chinese Foreign Ministry", "Ministry of Foreign Affairs of the PRC (invented)"),
    )

"""The built-in demo pair: two readouts of an invented meeting, written for Counterpart.

The officials are fictional; the differences are the kind readers look for: each side leads
with its own agenda, only one side raises detained citizens, fentanyl and the Korean Peninsula,
only the other raises sanctions and Ukraine, and one side puts assurances in the other's mouth.
The files carry a metadata header (publisher, date, label) that ingest reads like any other.
"""

from __future__ import annotations

from viewer.ingest import read_source
from viewer.model import Readout
from viewer.paths import RESOURCES

DEMO_FILES = (RESOURCES / "demo" / "state-department.txt", RESOURCES / "demo" / "foreign-ministry.txt")


def demo_readouts() -> tuple[Readout, Readout]:
    """(A, B): the U.S. readout and the Chinese readout of the invented Geneva meeting."""
    a, b = (read_source(str(path)) for path in DEMO_FILES)
    return a, b

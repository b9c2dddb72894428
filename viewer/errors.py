"""Errors a user can cause: each carries the source it concerns and a plain reason for one line of output."""

from __future__ import annotations


class CounterpartError(Exception):
    """Base of every error shown to the user as one plain line."""


class InputError(CounterpartError):
    """An input that cannot be read: missing, empty, binary, too big, corrupt, undecodable."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LexiconError(CounterpartError):
    """A lexicon file with an error, located by file and line."""

    def __init__(self, path: str, line: int | None, problem: str):
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class OutputError(CounterpartError):
    """An output that cannot be written (exists without --force, folder missing, disk full)."""


class Cancelled(Exception):
    """Raised inside the analysis when the caller asked to stop."""

"""The interface every stage after annotation reads the lexicon through (the real Lexicon and the
tests' fakes alike: tests/test_lexicon.py holds them to it)."""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from viewer.model import Sentence

Salience = Literal["high", "normal", "low"]


class Person(Protocol):
    label: str
    country: str
    role: str


@runtime_checkable
class Vocabulary(Protocol):
    """What every stage after annotation asks of the lexicon: ids, labels, readings, people."""

    @property
    def topic_ids(self) -> list[str]: ...

    @property
    def tone_ids(self) -> list[str]: ...

    def topic_label(self, topic_id: str) -> str: ...

    def topic_phrase(self, topic_id: str) -> str: ...

    def topic_salience(self, topic_id: str) -> Salience: ...

    def tone_label(self, tone_id: str) -> str: ...

    def tone_reading(self, tone_id: str) -> str: ...

    def person(self, person_id: str) -> Person: ...

    def entity_label(self, entity_id: str, lang: str = "en") -> str: ...

    def concepts(self, sentence: Sentence) -> set[str]: ...


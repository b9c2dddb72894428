"""Whose account each readout is, its principal, and what a brief calls it.

- **Side**: the government whose account a readout is, from the first of: a label the user gave
  ("White House", "Chinese MFA"), the publisher line or source address (resources/sides.toml: a
  mirror site's publisher, "Consulate General of the PRC in Laoag", is the ministry it mirrors),
  and the text itself: the readout names its own officials first (the country of the first
  person named in the opening line weighs 3), quotes them most (2 times the share of sentences
  they speak), and Chinese or Russian text leans to China or Russia (1.5). When both readouts
  come out for one government and one of them rests on the text alone, that one goes to the
  next government its text points to.
- **Principal**: the side's most-quoted person of its own government (ties: the first quoted),
  else the first of its people named, else its most-quoted person.
- **Speakers of sides**: "the Chinese side said", 中方表示, «российская сторона» and a Russian
  impersonal passive (the readout's own side) are spoken by that side's principal in this
  readout: its most-quoted person of that government, else the other readout's principal when
  it is that government's, else the first of its people named, else the government itself
  ("China"). No "China side" pseudo-speaker is left.
- **Name** (Comparison.labels): as a brief names the readout: a label the user gave as it is;
  else an office that names its own readouts (the White House, the State Department, by
  publisher or, from the text, by the principal's office); else the government's adjective
  ("Chinese", "Russian"). Two readouts of one government are told apart by publisher ("Chinese
  MFA", "Xinhua"); one label given to both by the governments ("Ministry (China)"), else by
  language ("Chinese (Spanish)"; "the French-language readout" when nothing says whose it is),
  else by letter. A file name, a headline or a cut title is
  never a name: a label equal to one of them was not given by the user.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from viewer.lexicon import Vocabulary
from viewer.model import BOTH, SIDES, Document, Readout, Side, SpeakerRole
from viewer.paths import RESOURCES
from viewer.statements.voice import SELF, side_code

DATA = RESOURCES / "sides.toml"
OPENING_WEIGHT = 3.0
QUOTED_WEIGHT = 2.0
LANGUAGE_WEIGHT = 1.5
_LANGUAGE_SIDE = {"zh": "CN", "ru": "RU"}


@dataclass(frozen=True)
class Publisher:
    id: str
    country: str
    name: str
    own_name: bool
    match: tuple[str, ...]


@cache
def _data() -> dict:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


@cache
def publishers() -> tuple[Publisher, ...]:
    return tuple(
        Publisher(pid, p["country"], p["name"], bool(p.get("own_name", False)), tuple(m.casefold() for m in p["match"]))
        for pid, p in _data().get("publisher", {}).items()
    )


def publisher_of(*texts: str | None) -> Publisher | None:
    """The first publisher of resources/sides.toml that one of `texts` names."""
    folded = [t.casefold() for t in texts if t]
    for pub in publishers():
        if any(m in t for t in folded for m in pub.match):
            return pub
    return None


def given_label(readout: Readout) -> str | None:
    """The label the user gave, or None when the label is only a fallback ingest chose: the file
    name, the headline (whole, or cut and ended with "…"), or the head of the publisher line."""
    label = " ".join(readout.label.split())
    if not label:
        return None
    title = " ".join((readout.title or "").split())
    publisher = " ".join((readout.publisher or "").split())
    head = re.split(r"\s*(?:[,(/|;]|\s[-–—]\s)", publisher, maxsplit=1)[0].strip()
    stem = Path(readout.source).stem if readout.source else ""
    cut = label.endswith("…") and title.startswith(label.rstrip("…").strip())
    if label in (title, publisher, head, stem) or cut:
        return None
    return label


def _publisher(readout: Readout) -> Publisher | None:
    label = given_label(readout)
    return publisher_of(label) or publisher_of(readout.publisher, readout.metadata.get("header_source"), readout.source)


def side_of_label(readout: Readout) -> str | None:
    """The government a label or publisher names (ISO code), or None."""
    pub = _publisher(readout)
    return pub.country if pub else None


def _quoted(doc: Document, countries: dict[str, str | None]) -> Counter[str]:
    """Sentences each person speaks (not both, not a side)."""
    return Counter(s.speaker for s in doc.sentences if s.speaker and s.speaker != BOTH and side_code(s.speaker) is None)


def _named(doc: Document, lexicon: Vocabulary) -> list[tuple[str, str]]:
    """(person, country) of every person hit, in text order."""
    out = []
    for s in doc.sentences:
        if s.furniture:
            continue
        for h in s.hits:
            if h.entity and h.entity.startswith("person:"):
                info = lexicon.person(h.entity.partition(":")[2])
                out.append((info.label, info.country))
    return out


def _scores(doc: Document, lexicon: Vocabulary, countries: dict[str, str | None]) -> Counter[str]:
    """How much the text points to each government as its author."""
    scores: Counter[str] = Counter()
    body = [s for s in doc.sentences if not s.furniture]
    opening = next((s for s in body if s.opening), body[0] if body else None)
    if opening is not None:
        people = [h for h in opening.hits if h.entity and h.entity.startswith("person:")]
        if people:
            scores[lexicon.person(people[0].entity.partition(":")[2]).country] += OPENING_WEIGHT
    quoted = _quoted(doc, countries)
    for person, n in quoted.items():
        if countries.get(person):
            scores[countries[person]] += QUOTED_WEIGHT * n / max(1, len(body))
    if doc.language in _LANGUAGE_SIDE:
        scores[_LANGUAGE_SIDE[doc.language]] += LANGUAGE_WEIGHT
    return scores


def infer_sides(docs: dict[Side, Document], lexicon: Vocabulary, countries: dict[str, str | None]) -> dict[Side, str | None]:
    """The government (ISO code) whose account each readout is."""
    given = {side: side_of_label(docs[side].readout) for side in SIDES}
    scores = {side: _scores(docs[side], lexicon, countries) for side in SIDES}
    sides: dict[Side, str | None] = {}
    for side in SIDES:
        ranked = scores[side].most_common()
        sides[side] = given[side] or (ranked[0][0] if ranked and ranked[0][1] > 0 else None)
    a, b = sides["A"], sides["B"]
    if a is not None and a == b and not (given["A"] and given["B"]):
        weaker = min((side for side in SIDES if not given[side]),
                     key=lambda side: scores[side].get(sides[side], 0.0))
        others = [code for code, n in scores[weaker].most_common() if code != sides[weaker] and n > 0]
        if others:
            sides[weaker] = others[0]
    return sides


def principal(doc: Document, country: str | None, countries: dict[str, str | None], lexicon: Vocabulary) -> str | None:
    quoted = _quoted(doc, countries)
    order = [s.speaker for s in doc.sentences if s.speaker in quoted]
    own = [p for p in order if country is not None and countries.get(p) == country]
    if own:
        best = max(Counter(own).values())
        return next(p for p in own if quoted[p] == best)
    named = [p for p, c in _named(doc, lexicon) if c == country]
    if named:
        return named[0]
    if order:
        best = max(quoted.values())
        return next(p for p in order if quoted[p] == best)
    return None


class Resolver:
    """Interim speakers ("side:CN", SELF) to the person who speaks for that side in one readout."""

    def __init__(self, doc: Document, side: str | None, principals: dict[str | None, str | None],
                 countries: dict[str, str | None], lexicon: Vocabulary):
        self.side = side
        self.principals = principals  # government -> the principal of the readout that is its account
        self.countries = countries
        self.lexicon = lexicon
        quoted = _quoted(doc, countries)
        self.quoted: dict[str, str] = {}
        for person, _ in quoted.most_common():
            code = countries.get(person)
            if code:
                self.quoted.setdefault(code, person)
        self.named: dict[str, str] = {}
        for person, code in _named(doc, lexicon):
            self.named.setdefault(code, person)

    def __call__(self, speaker: str | None) -> tuple[str | None, SpeakerRole]:
        if speaker is None:
            return None, "narrator"
        if speaker == BOTH:
            return BOTH, "both"
        code = side_code(speaker)
        if code is None:
            return speaker, "person"
        if code == SELF.removeprefix("side:"):
            code = self.side
        if code is None:
            return None, "narrator"
        person = (self.principals.get(code) if code == self.side else None) or self.quoted.get(code) \
            or self.principals.get(code) or self.named.get(code)
        if person is not None:
            self.countries.setdefault(person, code)
            return person, "side"
        name = self.lexicon.entity_label(f"country:{code}")
        self.countries.setdefault(name, code)
        return name, "side"


def _office(country: str, role: str) -> str | None:
    """The office a principal's role points to, for governments whose offices name their readouts."""
    for key, office in _data().get("country", {}).get(country, {}).get("roles", []):
        if key.casefold() in role.casefold():
            return office
    return None


@cache
def _codes() -> dict[str, str]:
    from babel import Locale  # CLDR's data loads only when a side's name must become its code

    return {name: code for code, name in Locale("en").territories.items() if len(code) == 2}


def country_code(name: str | None) -> str | None:
    """"CN" for "China" (Comparison.sides holds the English CLDR name)."""
    return _codes().get(name) if name else None


def adjective(country: str | None, lexicon: Vocabulary) -> str:
    if country is None:
        return ""
    return _data().get("country", {}).get(country, {}).get("name") or lexicon.entity_label(f"country:{country}")


def names(readouts: dict[Side, Readout], docs: dict[Side, Document], sides: dict[Side, str | None],
          principals: dict[Side, str | None], lexicon: Vocabulary) -> dict[Side, str]:
    """What a brief calls each readout (see the module's docstring)."""
    out: dict[Side, str] = {}
    pubs = {side: _publisher(readouts[side]) for side in SIDES}
    for side in SIDES:
        given = given_label(readouts[side])
        pub, country = pubs[side], sides[side]
        if given:
            out[side] = given
        elif pub is not None and pub.own_name:
            out[side] = pub.name
        elif country is not None and pub is None and _data().get("country", {}).get(country, {}).get("roles"):
            role = _roles(docs[side], lexicon).get(principals[side] or "", "")
            out[side] = _office(country, role) or adjective(country, lexicon)
        else:
            out[side] = adjective(country, lexicon)
    if out["A"].casefold() == out["B"].casefold():
        if all(pubs[s] for s in SIDES) and pubs["A"] != pubs["B"] and not any(given_label(readouts[s]) for s in SIDES):
            return {side: pubs[side].name for side in SIDES}
        if sides["A"] != sides["B"] and all(sides[s] for s in SIDES):
            return {side: f"{out[side]} ({lexicon.entity_label('country:' + sides[side])})" for side in SIDES}
        if docs["A"].language != docs["B"].language:
            from babel import Locale  # CLDR's data loads only for this case

            langs = {side: Locale("en").languages.get(docs[side].language, docs[side].language) for side in SIDES}
            return {side: f"{out[side]} ({langs[side]})" if out[side] else f"{langs[side]}-language" for side in SIDES}
        return {side: f"{out[side]} {side}".strip() for side in SIDES}
    return out


def _roles(doc: Document, lexicon: Vocabulary) -> dict[str, str]:
    """The office of each lexicon person the readout names ("Secretary of State")."""
    out: dict[str, str] = {}
    for s in doc.sentences:
        for h in s.hits:
            if h.entity and h.entity.startswith("person:"):
                info = lexicon.person(h.entity.partition(":")[2])
                out.setdefault(info.label, info.role or "")
    return out

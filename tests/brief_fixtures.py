"""Hand-built comparisons for the brief and notes tests: invented texts, every field filled.

They stand in for the pipeline's output, so the brief is tested on exactly the links,
topics and findings written here.
"""

from __future__ import annotations

import copy
import re

from viewer.lexicon import load_lexicon
from viewer.model import (
    Annotation,
    Comparison,
    Document,
    Evidence,
    Finding,
    Link,
    Readout,
    Sentence,
    Term,
    ToneMark,
    TopicStat,
)
from viewer.text.tokens import tokenize
from viewer.wording import link_diff

EN_A = (
    "Foreign Minister Rivera held talks with Secretary Okafor in Vienna.\n\n"
    "The two sides had a candid and constructive exchange of views on relations. "
    "Rivera said that the northern islands are a red line that must not be crossed.\n\n"
    "Both sides agreed to keep channels of communication open. The talks lasted three hours."
)
EN_B = (
    "Secretary Okafor met Foreign Minister Rivera in Vienna today.\n\n"
    "The two held candid discussions on relations. "
    "The Secretary raised serious concerns about citizens detained in Freedonia.\n\n"
    "Both sides agreed to keep open channels of communication. The talks lasted three hours."
)
ZH_A = (
    "外交部长李明同奥卡福国务卿在维也纳举行会谈。\n\n"
    "双方就两国关系进行了坦诚、建设性的交流。李明强调，北方岛屿问题是不可逾越的红线。"
)
EN_C = (
    "Secretary Okafor met Foreign Minister Li Ming in Vienna.\n\n"
    "The two held candid talks on relations. The Secretary raised climate cooperation."
)

# What the built-in lexicon calls its topics and tones, and the entities the pairs' links name,
# as the annotate stage would record them.
NAMES = load_lexicon().names([])
NAMES.entities.update({e: load_lexicon().entity_label(e) for e in ("person:biden", "country:TW")})

_SENTENCE = re.compile(r"[^\s].*?(?:[.!?。！？]|$)", re.S)


def document(text: str, label: str, language: str, **meta) -> Document:
    """Sentences split at end punctuation within blank-line paragraphs, with real offsets."""
    readout = Readout(text=text, label=label, language=language, **meta)
    sentences: list[Sentence] = []
    paragraphs: list[tuple[int, int]] = []
    for p, para in enumerate(re.finditer(r"[^\n]+", text)):
        paragraphs.append(para.span())
        for m in _SENTENCE.finditer(para.group()):
            start, end = para.start() + m.start(), para.start() + m.end()
            sentences.append(Sentence(i=len(sentences), paragraph=p, start=start, end=end,
                                      text=text[start:end], tokens=tokenize(text[start:end], language, start),
                                      language=language))
    return Document(readout=readout, language=language, sentences=sentences, paragraphs=paragraphs)


def _link(a: Document, b: Document, ia: list[int], ib: list[int], kind: str, score: float) -> Link:
    link = Link(a=ia, b=ib, score=score, kind=kind)
    if a.language == b.language:
        link.diff = link_diff(link, a, b)
    return link


def _topic(tid: str, label: str, a: list[int], b: list[int], share_a: float, share_b: float,
           passing_b: list[int] = ()) -> TopicStat:
    return TopicStat(
        id=tid, label=label, sentences={"A": a, "B": b}, passing={"A": [], "B": list(passing_b)},
        share={"A": share_a, "B": share_b},
        first={"A": 0.2 if a else None, "B": 0.3 if b else None},
        rank={"A": 1 if a else None, "B": 2 if b else None},
    )


def english_pair() -> Comparison:
    a = document(EN_A, "Freedonia MFA", "en", title="Rivera meets Okafor", publisher="Ministry of Foreign Affairs",
                 date="2024-03-12", source="https://mfa.example/rivera-okafor")
    b = document(EN_B, "Sylvania State Dept.", "en", title="Secretary Okafor's Meeting with Rivera",
                 publisher="Department of State", date="2024-03-12", source="state.txt")
    links = [
        _link(a, b, [0], [0], "reworded", 0.71),
        _link(a, b, [1], [1], "reworded", 0.62),
        _link(a, b, [3], [3], "reworded", 0.88),
        _link(a, b, [4], [4], "identical", 1.0),
    ]
    c = Comparison(mode="readouts", a=a, b=b, links=links, unmatched={"A": [2], "B": [2]}, names=NAMES)
    c.topics = [
        _topic("bilateral-relations", "Bilateral relations", [1], [1], 0.25, 0.15),
        _topic("maritime", "Maritime disputes", [2], [], 0.28, 0.0),
        _topic("detained-citizens", "Detained citizens", [], [2], 0.0, 0.22, passing_b=[]),
        _topic("leader-diplomacy", "Leader diplomacy and follow-up", [3], [3, 0], 0.2, 0.3),
    ]
    c.speakers = {"A": {"Rivera": 0.4, "narrator": 0.6}, "B": {"Okafor": 0.2, "narrator": 0.8}}
    c.tone = {
        "A": [ToneMark("candid", "candid", 1, *_span(a, "candid")),
              ToneMark("core-interests", "red line", 2, *_span(a, "red line"))],
        "B": [ToneMark("concern", "serious concerns", 2, *_span(b, "serious concerns"))],
    }
    c.distinctive = {"A": [Term("islands", 2.4, 1, [2])], "B": [Term("detained", 2.1, 1, [2])]}
    c.findings = [
        Finding("omission", 0.6, "Only B mentions detained citizens (1 sentence, 22% of its text).",
                [Evidence("B", 2)], topic="detained-citizens", side="B"),
        Finding("omission", 0.9, "Only A mentions the northern islands (1 sentence, 28% of its text).",
                [Evidence("A", 2)], topic="maritime", side="A"),
    ]
    return c


def chinese_pair() -> Comparison:
    a = document(ZH_A, "外交部", "zh", title="李明同奥卡福会谈", publisher="中华人民共和国外交部", date="2024-03-12")
    b = document(EN_C, "State Dept.", "en", publisher="Department of State", date="2024-03-12")
    links = [_link(a, b, [0], [0], "related", 0.6), _link(a, b, [1], [1], "related", 0.5)]
    c = Comparison(mode="readouts", a=a, b=b, links=links, unmatched={"A": [2], "B": [2]}, names=NAMES)
    c.topics = [_topic("bilateral-relations", "Bilateral relations", [1], [1], 0.3, 0.3),
                _topic("climate-energy", "Climate and energy", [], [2], 0.0, 0.3)]
    c.findings = [Finding("omission", 0.8, "Only B mentions climate and energy.", [Evidence("B", 2)],
                          topic="climate-energy", side="B")]
    return c


def chinese_notes(c: Comparison) -> list[Annotation]:
    return [annotation(c, "A", "红线", "Same formula as in 2023.", author="Li Na")]


def versions_pair() -> Comparison:
    edited = EN_A.replace("a candid and constructive", "an in-depth and constructive").replace(
        " The talks lasted three hours.", "") + "\n\nThey will meet again in June."
    a = document(EN_A, "First version", "en", date="2024-03-12")
    b = document(edited, "Edited version", "en", date="2024-03-13")
    links = [_link(a, b, [i], [i], "identical" if a.sentences[i].text == b.sentences[i].text else "reworded", 0.9)
             for i in range(4)]
    return Comparison(mode="versions", a=a, b=b, links=links, unmatched={"A": [4], "B": [4]}, names=NAMES)


def annotation(c: Comparison, side: str, quote: str, note: str, *, author: str = "Ann Analyst",
               tag: str = "") -> Annotation:
    start, end = _span(c.doc(side), quote)
    return Annotation(side=side, start=start, end=end, quote=quote, note=note, tag=tag, author=author,
                      created="2024-03-14T09:30:00+00:00")


def _span(doc: Document, quote: str) -> tuple[int, int]:
    start = doc.text.index(quote)
    return start, start + len(quote)


def moved_pair() -> Comparison:
    """Two versions of EN_A: the last sentence moved up to the first paragraph, one word changed."""
    edited = ("Foreign Minister Rivera held talks with Secretary Okafor in Vienna. The talks lasted three hours.\n\n"
              "The two sides had an in-depth and constructive exchange of views on relations. "
              "Rivera said that the northern islands are a red line that must not be crossed.\n\n"
              "Both sides agreed to keep channels of communication open.")
    a = document(EN_A, "First version", "en", date="2024-03-12")
    b = document(edited, "Edited version", "en", date="2024-03-13")
    pairs = [(0, 0, "identical"), (1, 2, "reworded"), (2, 3, "identical"), (3, 4, "identical"), (4, 1, "moved")]
    links = [_link(a, b, [i], [j], kind, 0.9) for i, j, kind in pairs]
    return Comparison(mode="versions", a=a, b=b, links=links, unmatched={"A": [], "B": []}, names=NAMES)


EN_T = (
    "Li Ming Holds Talks with Okafor\n\n"
    "Foreign Minister Li Ming held talks with Secretary Okafor in Vienna. "
    "Li said that China will work in close coordination on Ukraine."
)
ES_T = (
    "El ministro de Relaciones Exteriores Li Ming conversó con el secretario Okafor en Viena. "
    "Li dijo que China está dispuesta a trabajar en 2024."
)


def translation_pair() -> Comparison:
    """One text in English and Spanish (the Spanish copy without its headline): the versions mode
    across languages, each sentence linked to its translation."""
    a = document(EN_T, "MFA (English)", "en", title="Li Ming Holds Talks with Okafor", date="2024-03-12")
    b = document(ES_T, "MFA (Spanish)", "es", date="2024-03-12")
    a.sentences[0].heading = True
    links = [Link([1], [0], 0.9, "translation", shared=["person:li-ming", "country:AT"]),
             Link([2], [1], 0.7, "translation", shared=["country:CN"], only_a=["country:UA"], only_b=["number:2024"],
                  dropped=["close", "coordination", "Ukraine"], added=["2024"], weaker="B")]
    c = Comparison(mode="versions", a=a, b=b, links=links, unmatched={"A": [0], "B": []}, names=copy.deepcopy(NAMES))
    c.names.entities.update({"country:UA": "Ukraine", "country:CN": "China", "country:AT": "Austria",
                             "person:li-ming": "Li Ming"})
    c.findings = [Finding("omission", 0.3, "The Spanish version drops the headline: «Li Ming Holds Talks with Okafor».",
                          [Evidence("A", 0)], side="A")]
    return c

"""Coverage (discussed vs passing, share, first, rank) and the stages after alignment end to end, on
texts written here.

The helpers build Documents by hand with the lexicon matches a test wants, so these tests do not
depend on the real lexicon's word lists; test_voice, test_findings and test_distinctive reuse them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from viewer.analysis import PIPELINE
from viewer.emphasis.coverage import coverage
from viewer.lexicon import Vocabulary
from viewer.model import Comparison, Document, Readout, Sentence, ToneMark, TopicHit
from viewer.pipeline import Work
from viewer.statements import read as read_statements
from viewer.statements.topics import classify
from viewer.text.tokens import tokenize


class Person(NamedTuple):
    label: str
    country: str
    role: str


class FakeLexicon:
    """A Vocabulary (viewer/lexicon/vocabulary.py) with a few topics, tones and people of its own;
    tests/test_layers.py holds it to the interface."""

    topic_ids = ["taiwan", "ukraine", "trade-economy", "climate-energy", "public-health", "counternarcotics"]
    tone_ids = ["candid", "friendly", "oppose", "concern", "core-interests"]
    people = {
        "biden": Person("Joe Biden", "US", "President"),
        "xi": Person("Xi Jinping", "CN", "President"),
        "wang-yi": Person("Wang Yi", "CN", "Foreign Minister"),
    }
    countries = {"US": "United States", "CN": "China", "UA": "Ukraine", "RU": "Russia"}

    def topic_label(self, topic_id: str) -> str:
        return {"trade-economy": "trade", "climate-energy": "climate", "public-health": "health"}.get(
            topic_id, topic_id.capitalize()
        )

    def topic_phrase(self, topic_id: str) -> str:
        return self.topic_label(topic_id)

    def topic_salience(self, topic_id: str) -> str:
        return {"taiwan": "high", "ukraine": "high"}.get(topic_id, "normal")

    def tone_label(self, tone_id: str) -> str:
        return tone_id

    def tone_reading(self, tone_id: str) -> str:
        return {"candid": "real disagreement", "friendly": "good atmosphere"}.get(tone_id, "usual reading")

    def person(self, person_id: str) -> Person:
        return self.people[person_id]

    def entity_label(self, entity_id: str, lang: str = "en") -> str:
        kind, _, ident = entity_id.partition(":")
        if kind == "person":
            return self.people[ident].label
        return self.countries.get(ident, ident.upper())

    def concepts(self, sentence: Sentence) -> set[str]:
        return {h.topic for h in sentence.hits if h.topic} | {h.entity for h in sentence.hits if h.entity}


# term as written -> (topic, entity); matched as whole words, case-sensitively
TERMS: dict[str, tuple[str, str | None]] = {
    "Taiwan": ("taiwan", "country:TW"),
    "Ukraine": ("ukraine", "country:UA"),
    "trade": ("trade-economy", None),
    "tariffs": ("trade-economy", None),
    "investment": ("trade-economy", None),
    "climate": ("climate-energy", None),
    "energy": ("climate-energy", None),
    "health": ("public-health", None),
    "fentanyl": ("counternarcotics", None),
    "hacking": ("cyber", None),
    "grain": ("food-security", None),
    "troops": ("military", None),
    "DPRK": ("korean-peninsula", "country:KP"),
    "Korean Peninsula": ("korean-peninsula", None),
    "denuclearization": ("nuclear-weapons", None),
    "Kyiv": ("ukraine", "city:kyiv"),
    "能源": ("climate-energy", None),
    "低碳": ("climate-energy", None),
    "军队": ("military", None),
    "经济": ("trade-economy", None),
    "President Biden": ("", "person:biden"),
    "Biden": ("", "person:biden"),
    "President Xi": ("", "person:xi"),
    "Xi": ("", "person:xi"),
    "Xi Jinping": ("", "person:xi"),
    "Wang Yi": ("", "person:wang-yi"),
    "Chinese": ("", "country:CN"),
    "China": ("", "country:CN"),
    "United States": ("", "country:US"),
    "NATO": ("", "org:nato"),
    "chinoise": ("", "country:CN"),
    "Китайская": ("", "country:CN"),
    "习近平": ("", "person:xi"),
    "拜登": ("", "person:biden"),
    "台湾": ("taiwan", "country:TW"),
    "经贸": ("trade-economy", None),
    "气候变化": ("climate-energy", None),
    "禁毒": ("counternarcotics", None),
    "粮食安全": ("food-security", None),
}
TONES = {"candid": "candid", "frank": "candid", "friendly": "friendly", "firmly": "oppose"}


def _matches(text: str, table: dict) -> list[re.Match]:
    """Longest terms first, never overlapping, whole words only for Latin/Cyrillic."""
    found: list[re.Match] = []
    for term in sorted(table, key=len, reverse=True):
        pattern = re.escape(term) if re.search(r"[\u4e00-\u9fff]", term) else rf"(?<!\w){re.escape(term)}(?!\w)"
        for m in re.finditer(pattern, text):
            if all(m.end() <= f.start() or m.start() >= f.end() for f in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


def make_doc(paragraphs: list[list[str]], lang: str = "en", label: str = "", headline: str | None = None) -> Document:
    """A Document with sentences, tokens and lexicon matches (TERMS, TONES) filled by hand."""
    blocks = ([[headline]] if headline else []) + paragraphs
    text = "\n\n".join(("" if lang == "zh" else " ").join(p) for p in blocks)
    sentences, spans, pos = [], [], 0
    for pi, para in enumerate(blocks):
        start_para = pos
        for k, sent in enumerate(para):
            start = text.index(sent, pos)
            s = Sentence(len(sentences), pi, start, start + len(sent), sent, tokenize(sent, lang, start), lang)
            s.heading = headline is not None and pi == 0
            for m in _matches(sent, TERMS):
                topic, entity = TERMS[m.group()]
                s.hits.append(TopicHit(topic, m.group(), start + m.start(), start + m.end(), entity))
            for m in _matches(sent, TONES):
                s.tone_marks.append(ToneMark(TONES[m.group()], m.group(), s.i, start + m.start(), start + m.end()))
            s.tone = sorted({t.id for t in s.tone_marks})
            sentences.append(s)
            pos = start + len(sent)
            del k
        spans.append((start_para, pos))
    return Document(Readout(text, label=label), lang, sentences, spans)


def make_comparison(a: Document, b: Document, **kw) -> Comparison:
    """A comparison as the stages before alignment leave it: the tone marks of each side collected."""
    tone = {side: [m for s in doc.sentences for m in s.tone_marks] for side, doc in (("A", a), ("B", b))}
    return Comparison("readouts", a, b, tone=tone, **kw)


def measure(c: Comparison, lexicon: Vocabulary) -> Comparison:
    """The statements stage and the stages after alignment (coverage to findings) as the pipeline
    runs them, on `c` built here."""
    work = Work({"A": c.a.readout, "B": c.b.readout}, c.settings, lexicon=lexicon, comparison=c)
    next(stage for stage in PIPELINE.stages if stage.name == "statements").run(work)
    return PIPELINE.run(work, start="coverage")


def covered(a: Document, b: Document) -> list:
    """The topic statistics of two hand-made documents: the statements stage, then coverage."""
    c = make_comparison(a, b)
    reading = read_statements({"A": a, "B": b}, FakeLexicon())
    c.statements = reading.statements
    return coverage(c, FakeLexicon())


def test_share_first_and_rank_on_a_hand_checked_pair():
    a = make_doc([
        ["Taiwan came up first and took most of the hour.",  # 10 words, taiwan
         "Then trade and tariffs."],  # 4 words, trade (2 hits)
    ])
    b = make_doc([
        ["The ministers met for two hours.",  # 6 words, nothing
         "They discussed trade.",  # 3 words
         "On Taiwan the minister was brief."],  # 6 words
    ])
    assert a.words == 14 and b.words == 15
    stats = {st.id: st for st in covered(a, b)}
    taiwan, trade = stats["taiwan"], stats["trade-economy"]
    assert taiwan.sentences == {"A": [0], "B": [2]}
    assert taiwan.share == {"A": round(10 / 14, 4), "B": round(6 / 15, 4)}
    assert trade.share == {"A": round(4 / 14, 4), "B": round(3 / 15, 4)}
    # first mention: offset of the sentence over the text's length
    assert taiwan.first["A"] == 0.0
    assert taiwan.first["B"] == round(b.text.index("On Taiwan") / len(b.text), 4)
    assert trade.first["A"] == round(a.text.index("Then") / len(a.text), 4)
    assert taiwan.rank == {"A": 1, "B": 2} and trade.rank == {"A": 2, "B": 1}
    # ordered by the larger share: Taiwan (71% in A) before trade
    assert list(stats) == ["taiwan", "trade-economy"]


def test_a_topic_absent_from_one_side_has_no_first_or_rank():
    a = make_doc([["Ukraine was discussed at length."]])
    b = make_doc([["Trade was discussed at length."]])
    stats = {st.id: st for st in covered(a, b)}
    assert stats["ukraine"].first["B"] is None and stats["ukraine"].rank["B"] is None
    assert stats["ukraine"].share["B"] == 0.0 and stats["ukraine"].sentences["B"] == []


CATALOGUE = ["climate-energy", "public-health", "counternarcotics", "cyber", "food-security"]


def test_a_catalogue_of_five_topics_is_passing_but_a_repeated_one_is_discussed():
    doc = make_doc([
        ["They agreed to cooperate on climate, health, fentanyl, hacking and grain.",
         "Trade and investment came first, then cooperation on climate, health, fentanyl, hacking and grain.",
         "Taiwan was raised with trade."]
    ])
    s0, s1, s2 = doc.sentences
    assert classify(s0, "en") == ([], CATALOGUE)
    assert classify(s1, "en") == (["trade-economy"], CATALOGUE)
    # two topics in one sentence: both discussed
    assert classify(s2, "en") == (["taiwan", "trade-economy"], [])


def test_a_short_list_is_the_agenda_and_each_item_is_discussed():
    doc = make_doc([["They agreed to cooperate on climate, health and fentanyl."]])
    assert classify(doc.sentences[0], "en") == (["climate-energy", "public-health", "counternarcotics"], [])


def test_three_single_topics_outside_a_list_are_discussed():
    doc = make_doc([["Taiwan remains the key question, the minister said, while energy prices and the war in Ukraine weigh on the year ahead."]])
    discussed, passing = classify(doc.sentences[0], "en")
    assert discussed == ["taiwan", "climate-energy", "ukraine"] and passing == []


def test_a_lexicon_passing_term_makes_the_topic_passing():
    doc = make_doc([["Growth and health were mentioned."]])
    s = doc.sentences[0]
    s.hits.append(TopicHit("trade-economy", "Growth", s.start, s.start + 6, passing=True))
    assert classify(s, "en") == (["public-health"], ["trade-economy"])


def test_chinese_catalogue_with_enumeration_comma_is_passing():
    doc = make_doc([["双方同意在经贸、气候变化、台湾、禁毒、粮食安全等领域保持沟通。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (
        [], ["trade-economy", "climate-energy", "taiwan", "counternarcotics", "food-security"]
    )


def test_a_chinese_clause_comma_does_not_join_a_list():
    # three items joined by 、, then two clauses after ，: no run of five, all five discussed
    doc = make_doc([["双方在经贸、气候变化、禁毒领域对话，也谈到台湾，并讨论粮食安全。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (
        ["trade-economy", "climate-energy", "counternarcotics", "taiwan", "food-security"], []
    )


def test_measure_fills_every_field_and_findings_have_evidence():
    a = make_doc(
        [["President Biden held a candid call with President Xi.",
          "Biden raised Ukraine and stressed that Ukraine must be defended.",
          "He added that trade should be fair."],
         ["The two leaders agreed to stay in touch."]],
        label="White House",
    )
    b = make_doc(
        [["Xi Jinping held a friendly call with Biden.",
          "Xi said that trade and investment are the ballast of the relationship.",
          "He stressed that Taiwan is a red line and that China firmly opposes interference."]],
        label="Xinhua",
    )
    c = measure(make_comparison(a, b), FakeLexicon())
    assert [s.speaker for s in c.a.sentences] == [None, "Joe Biden", "Joe Biden", "both"]
    assert [s.speaker for s in c.b.sentences] == [None, "Xi Jinping", "Xi Jinping"]
    assert c.speakers["A"] == {"Joe Biden": 0.5, "narrator": 0.25, "both": 0.25}
    assert [m.id for m in c.tone["A"]] == ["candid"] and {m.id for m in c.tone["B"]} == {"friendly", "oppose"}
    assert c.a.sentences[1].topics == ["ukraine"]
    texts = [f.text for f in c.findings]
    # A: 9 + 10 + 7 + 8 = 34 words; the Ukraine sentence has 10: 29%
    assert "Only the White House readout mentions Ukraine: 1 sentence, 29% of its text." in texts
    assert any(t.startswith("Only the Xinhua readout mentions Taiwan") for t in texts)
    assert all(f.evidence for f in c.findings)
    weights = [f.weight for f in c.findings]
    assert weights == sorted(weights, reverse=True) and all(0 <= w <= 1 for w in weights)


def test_end_to_end_through_the_real_lexicon_and_pipeline():
    from viewer.analysis import compare

    a = Readout(
        "President Biden spoke with President Xi Jinping today.\n\n"
        "President Biden raised concerns about fentanyl and stressed that fentanyl trafficking must stop. "
        "He added that the United States will keep working with allies.\n\n"
        "The two leaders agreed to maintain open lines of communication.",
        label="White House",
    )
    b = Readout(
        "President Xi Jinping spoke with President Biden on the phone.\n\n"
        "Xi Jinping stressed that the Taiwan question is the most important issue in China-U.S. relations. "
        "He said that China firmly opposes Taiwan independence.\n\n"
        "The two leaders agreed to maintain open lines of communication.",
        label="Xinhua",
    )
    c = compare(a, b)
    speakers_a = [s.speaker for s in c.a.sentences]
    assert speakers_a[1:3] == ["Joe Biden", "Joe Biden"] and speakers_a[-1] == "both"
    texts = [f.text for f in c.findings]
    assert any(t.startswith("Only the Xinhua readout mentions Taiwan") for t in texts)
    assert c.findings[0].kind == "omission"
    assert all(f.evidence for f in c.findings)


@pytest.mark.parametrize("opener", ["such as", "including"])
def test_a_list_of_examples_after_such_as_is_the_agenda_however_long(opener):
    doc = make_doc([[f"They must address shared challenges, {opener} climate, health, fentanyl, hacking and grain."]])
    assert classify(doc.sentences[0], "en") == (CATALOGUE, [])


def test_chinese_deng_closes_a_list_so_the_next_list_is_separate():
    # 经贸、气候变化、禁毒等 ends at 等: three items, then two more after 以及; no list of five
    doc = make_doc([["双方在经贸、气候变化、禁毒等领域合作，以及台湾、粮食安全。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (
        ["trade-economy", "climate-energy", "counternarcotics", "taiwan", "food-security"], []
    )


def test_an_item_that_names_no_topic_still_counts_towards_a_catalogue():
    # 执法 is not a topic term here, but it is the fifth field listed
    doc = make_doc([["双方在经贸、执法、气候变化、禁毒、粮食安全等领域保持沟通。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (
        [], ["trade-economy", "climate-energy", "counternarcotics", "food-security"]
    )


def test_one_weak_word_in_a_sentence_about_another_topic_is_passing():
    # Ukraine named twice first; "troops" only qualifies it
    doc = make_doc([["Ukraine asked that foreign troops leave the soil of Ukraine."]])
    assert classify(doc.sentences[0], "en") == (["ukraine"], ["military"])


def test_the_nuclear_aspect_of_the_korean_question_is_not_incidental():
    # TOPICS.md: the DPRK's programme counts as nuclear weapons when the nuclear aspect is named
    doc = make_doc([["They pressed the DPRK to return to talks on the denuclearization of the Korean Peninsula."]])
    assert classify(doc.sentences[0], "en") == (["korean-peninsula", "nuclear-weapons"], [])


def test_a_weak_word_named_before_the_main_topic_or_as_a_list_item_or_a_name_stays_discussed():
    doc = make_doc([
        ["The troops came first in the talks, then Ukraine and its future in Ukraine.",
         "Ukraine came up, in Ukraine and in talks on trade and climate.",
         "NATO has a role for Ukraine and in Ukraine."]
    ])
    s0, s1, s2 = doc.sentences
    assert classify(s0, "en") == (["military", "ukraine"], [])
    # trade and climate are list items: the agenda, not a qualifier
    assert classify(s1, "en") == (["ukraine", "trade-economy", "climate-energy"], [])
    s2.hits.append(TopicHit("european-security", "NATO", s2.start, s2.start + 4, "org:nato"))
    assert classify(s2, "en")[0] == ["european-security", "ukraine"]


def test_a_catalogue_does_not_make_a_main_topic():
    # energy twice, but only as items of a catalogue: the single "troops" stays discussed
    doc = make_doc([["Cooperation on energy, trade, health, grain and energy went on; later the minister spoke at length about troops."]])
    discussed, _ = classify(doc.sentences[0], "en")
    assert "military" in discussed


def test_chinese_weighs_the_weak_word_in_its_clause_only():
    # 能源 twice in the first clause; 军队 in a clause of its own is discussed
    doc = make_doc([["中方坚持能源安全和低碳发展，双方也谈到军队交往。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (["climate-energy", "military"], [])
    doc = make_doc([["中方坚持能源转型、走低碳的军队建设道路。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (["climate-energy"], ["military"])


def test_a_list_of_departments_names_institutions_not_matters():
    doc = make_doc([["The trade and energy ministries will meet on Taiwan."]])
    assert classify(doc.sentences[0], "en") == (["taiwan"], ["trade-economy", "climate-energy"])
    doc = make_doc([["两国经济、执法、军队等部门可以多开展接触，并谈到台湾。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (["taiwan"], ["trade-economy", "military"])
    # the same words as matters stay discussed
    doc = make_doc([["两国在经济、执法、军队等领域合作，并谈到台湾。"]], lang="zh")
    assert classify(doc.sentences[0], "zh") == (["trade-economy", "military", "taiwan"], [])

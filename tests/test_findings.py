"""Findings: their plain text, their weights and their order."""

from __future__ import annotations

from test_emphasis import FakeLexicon, make_comparison, make_doc, measure

from viewer.emphasis import findings as fnd
from viewer.model import Link, TopicStat

LEX = FakeLexicon()


class SalientLexicon(FakeLexicon):
    def topic_salience(self, topic_id: str) -> str:
        return {"taiwan": "high", "people-to-people": "low"}.get(topic_id, "normal")


def _labelled():
    a = make_doc([["One."]], label="A-side")
    b = make_doc([["Two."]], label="B-side")
    return make_comparison(a, b)


def stat(topic, sents_a, sents_b, share_a, share_b, rank_a=None, rank_b=None, passing_a=(), passing_b=()):
    return TopicStat(
        topic, topic.capitalize(),
        {"A": list(sents_a), "B": list(sents_b)},
        {"A": list(passing_a), "B": list(passing_b)},
        {"A": share_a, "B": share_b},
        {"A": 0.1 if sents_a else None, "B": 0.1 if sents_b else None},
        {"A": rank_a, "B": rank_b},
        topic.capitalize() if topic in ("taiwan", "ukraine") else topic,
    )


def test_an_omission_outranks_a_three_point_share_difference():
    c = _labelled()
    found = fnd.topic_findings(c, [
        stat("trade", [1], [2], 0.06, 0.03, 2, 2),  # 3 points apart
        stat("sanctions", [], [3], 0.0, 0.05, None, 3),  # only B, 5% of its text
    ], LEX)
    found.sort(key=lambda f: -f.weight)
    assert [f.kind for f in found] == ["omission", "share"]
    assert found[0].text == "Only the B-side readout mentions sanctions: 1 sentence, 5% of its text."
    assert found[0].weight >= 0.7 and found[1].weight < 0.1


def test_share_weight_grows_with_the_difference():
    c = _labelled()
    small, big = (
        fnd.topic_findings(c, [stat("taiwan", [1], [2], a, b, 1, 1)], LEX)[0] for a, b in ((0.06, 0.12), (0.06, 0.31))
    )
    assert small.weight < big.weight
    assert big.text == "The B-side readout devotes 31% of its text to Taiwan against 6% in the A-side readout."
    assert {(e.side, e.sentence) for e in big.evidence} == {("A", 1), ("B", 2)}


def test_small_or_proportionally_small_share_differences_are_not_findings():
    c = _labelled()
    assert fnd.topic_findings(c, [stat("taiwan", [1], [2], 0.10, 0.12, 1, 1)], LEX) == []
    assert fnd.topic_findings(c, [stat("taiwan", [1], [2], 0.40, 0.44, 1, 1)], LEX) == []


def test_lede_against_a_late_topic():
    c = _labelled()
    [f] = fnd.topic_findings(c, [stat("ukraine", [0], [7], 0.1, 0.1, 1, 4)], LEX)
    assert f.kind == "prominence" and f.text == "Ukraine is the lede of the A-side readout and the 4th topic of the B-side readout."
    assert f.side == "A" and [(e.side, e.sentence) for e in f.evidence] == [("A", 0), ("B", 7)]


def test_passing_on_one_side_is_a_weaker_omission():
    c = _labelled()
    found = fnd.topic_findings(c, [
        stat("climate", [], [2, 3], 0.0, 0.12, None, 1, passing_a=[4]),
        stat("health", [], [5, 6], 0.0, 0.12, None, 2),
    ], LEX)
    passing, absent = sorted(found, key=lambda f: f.topic)
    assert passing.text == "The A-side readout touches climate only in passing while the B-side readout gives it 2 sentences, 12% of its text."
    assert ("A", 4) in {(e.side, e.sentence) for e in passing.evidence}
    assert passing.weight < absent.weight


def test_a_country_named_by_one_side_only_outside_its_opening():
    a = make_doc([["China came up.", "Trade came up.", "China again.", "NATO and NATO."]], label="A-side")
    b = make_doc([["Trade came up.", "Nothing else."]], label="B-side")
    found = fnd.entity_findings(make_comparison(a, b), FakeLexicon(), {"A": set(), "B": set()})
    assert [f.text for f in found] == ["Only the A-side readout names China (2 times)."]  # a country, not NATO
    # named once more in the opening (where they met): the body names it once, no finding
    a.sentences[0].opening = True
    assert fnd.entity_findings(make_comparison(a, b), FakeLexicon(), {"A": set(), "B": set()}) == []


def test_tone_difference_with_its_reading():
    a = make_doc([["The talks were candid."]], label="A-side")
    b = make_doc([["The talks were friendly."]], label="B-side")
    c = make_comparison(a, b)
    c.tone = {"A": a.sentences[0].tone_marks, "B": b.sentences[0].tone_marks}
    found = {f.side: f for f in fnd.tone_findings(c, FakeLexicon())}
    assert found["A"].text == "Only the A-side readout uses candid language (“candid”): real disagreement."
    assert found["A"].weight > found["B"].weight  # disagreement markers weigh more


def test_a_tone_word_added_in_a_linked_passage_is_a_wording_finding():
    a = make_doc([["China opposes interference."]], label="A-side")
    b = make_doc([["China firmly opposes interference."]], label="B-side")
    diff = [(0, "China "), (1, "firmly "), (0, "opposes interference.")]
    c = make_comparison(a, b, links=[Link([0], [0], 0.9, "reworded", diff)])
    [f] = fnd.wording_findings(c, frozenset())
    assert f.text == "In a passage both readouts carry, only the B-side readout has “firmly” (tone marker: oppose)."
    assert f.weight == 0.45 and {(e.side, e.sentence) for e in f.evidence} == {("A", 0), ("B", 0)}


def test_measure_sorts_findings_and_keeps_omissions_first():
    a = make_doc([["Ukraine was discussed at length and Ukraine again.", "Then trade took a little time."]], label="A-side")
    b = make_doc([["Trade and tariffs and investment took the whole meeting."]], label="B-side")
    c = measure(make_comparison(a, b), FakeLexicon())
    assert c.findings[0].kind == "omission" and c.findings[0].topic == "ukraine"
    assert all(f.evidence for f in c.findings)
    assert [f.weight for f in c.findings] == sorted((f.weight for f in c.findings), reverse=True)


def test_sides_are_named_as_readouts_in_a_sentence():
    def named(label):
        return fnd.label(make_comparison(make_doc([["One."]], label=label), make_doc([["Two."]])), "A")

    assert named("White House") == "the White House readout"
    assert named("Chinese MFA statement") == "the Chinese MFA statement"
    assert named("Kremlin readout") == "the Kremlin readout"
    assert named("The White House") == "the White House readout"
    assert named("") == "readout A"


def test_topic_phrases_come_from_the_lexicon():
    from viewer.lexicon import load_lexicon

    lex = load_lexicon()
    assert lex.topic_phrase("nuclear-weapons") == "nuclear weapons and arms control"
    assert lex.topic_phrase("korean-peninsula") == "the Korean Peninsula"
    assert lex.topic_phrase("taiwan") == "Taiwan"


def test_omission_sentence_reads_as_english():
    c = make_comparison(make_doc([["One."]], label="White House"), make_doc([["Two."]], label="CCTV"))
    st = stat("nuclear-weapons", [1, 2], [], 0.09, 0.0, 3, None)
    st.phrase = "nuclear weapons and arms control"
    [f] = fnd.topic_findings(c, [st], LEX)
    assert f.text == "Only the White House readout mentions nuclear weapons and arms control: 2 sentences, 9% of its text."


def test_no_entity_omission_when_the_other_side_speaks_of_its_topic_in_other_words():
    from viewer.analysis import compare
    from viewer.model import Readout

    a = Readout("The two ministers met in Geneva. They discussed peace and stability across the Taiwan Strait.", label="A")
    b = Readout("The two ministers met in Geneva. Taiwan is part of China, and Taiwan must be reunified.", label="B")
    texts = [f.text for f in compare(a, b).findings]
    assert not any("names Taiwan" in t for t in texts), texts


def test_a_high_salience_omission_outranks_a_bigger_low_salience_one():
    c = _labelled()
    found = fnd.topic_findings(c, [
        stat("people-to-people", [1, 2, 3], [], 0.45, 0.0, 1, None),  # low salience, 45% of A
        stat("taiwan", [], [4], 0.0, 0.04, None, 2),  # high salience, 4% of B
        stat("trade-economy", [5, 6], [], 0.30, 0.0, 2, None),  # normal salience
    ], SalientLexicon())
    assert [f.topic for f in sorted(found, key=lambda f: -f.weight)] == ["taiwan", "trade-economy", "people-to-people"]
    # every omission stays above any share difference and any voice finding
    assert min(f.weight for f in found) > max(fnd.SHARE_CAP, 0.5)


def test_salience_weighs_ledes_and_share_gaps_too():
    c = _labelled()
    lede = {t: fnd.topic_findings(c, [stat(t, [0], [7], 0.1, 0.1, 1, 3)], SalientLexicon())[0]
            for t in ("taiwan", "people-to-people")}
    assert lede["taiwan"].weight > lede["people-to-people"].weight > fnd.SHARE_CAP
    gap = {t: fnd.topic_findings(c, [stat(t, [1], [2], 0.05, 0.20, 1, 1)], SalientLexicon())[0]
           for t in ("taiwan", "people-to-people")}
    assert gap["taiwan"].weight > gap["people-to-people"].weight


def test_a_share_finding_gives_the_side_that_devotes_more_first():
    c = _labelled()
    [f] = fnd.topic_findings(c, [stat("taiwan", [1], [2, 3], 0.06, 0.31, 1, 1)], LEX)
    assert f.side == "B" and [(e.side, e.sentence) for e in f.evidence] == [("B", 2), ("B", 3), ("A", 1)]


def test_built_in_topics_carry_a_salience_and_a_wrong_one_is_a_lexicon_error(tmp_path):
    import pytest

    from viewer.errors import LexiconError
    from viewer.lexicon import load_lexicon

    lex = load_lexicon()
    assert lex.topic_salience("human-rights") == "high" and lex.topic_salience("taiwan") == "high"
    assert lex.topic_salience("leader-diplomacy") == "low" and lex.topic_salience("trade-economy") == "normal"
    assert lex.topic_salience("a-user-topic") == "normal"
    mine = tmp_path / "mine.toml"
    mine.write_text('[topic.trade-economy]\nsalience = "high"\n', encoding="utf-8")
    assert load_lexicon([mine]).topic_salience("trade-economy") == "high"
    mine.write_text('[topic.trade-economy]\nsalience = "urgent"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="must be one of: high, normal, low"):
        load_lexicon([mine])

"""Who says what: names with titles, pronoun continuation, "both", country sides, Chinese paragraphs."""

from __future__ import annotations

from test_emphasis import FakeLexicon, make_comparison, make_doc

from viewer.emphasis import measure
from viewer.emphasis.voice import attribute, principal, shares


def speakers(doc):
    attribute(doc, FakeLexicon())
    return [s.speaker for s in doc.sentences]


def test_titles_and_short_forms_are_one_speaker_and_he_added_continues():
    doc = make_doc([
        ["President Biden said the talks were useful.",
         "He added that the line must stay open.",
         "Biden also stressed the need for guardrails."],
    ])
    assert speakers(doc) == ["Joe Biden", "Joe Biden", "Joe Biden"]
    assert shares(doc) == {"Joe Biden": 1.0}


def test_continuation_without_a_verb_and_narrator_otherwise():
    doc = make_doc([
        ["Xi Jinping said cooperation is the only choice.",
         "He also expects more exchanges of students.",
         "The meeting lasted two hours."],
    ])
    assert speakers(doc) == ["Xi Jinping", "Xi Jinping", None]


def test_continuation_does_not_reach_past_two_sentences():
    doc = make_doc([
        ["Wang Yi said the visit was timely.",
         "The meeting lasted two hours.",
         "Lunch was served.",
         "He noted the weather."],
    ])
    assert speakers(doc) == ["Wang Yi", None, None, None]


def test_both_phrases_and_two_joined_names_are_both():
    doc = make_doc([
        ["The two leaders agreed to keep talking.",
         "Both sides discussed trade.",
         "President Biden and President Xi discussed climate.",
         "They exchanged views on health."],
    ])
    assert speakers(doc) == ["both", "both", "both", "both"]


def test_country_side_is_a_speaker_and_the_nearest_subject_wins():
    doc = make_doc([
        ["The Chinese side stated its position on Taiwan.",
         "On Taiwan, President Biden underscored that the United States has not changed its policy.",
         "China reaffirmed its view."],
    ])
    assert speakers(doc) == ["China side", "Joe Biden", "China side"]


def test_french_side_and_continuation():
    doc = make_doc([["La partie chinoise a souligné son attachement au dialogue.", "Il a également rappelé les principes."]], lang="fr")
    assert speakers(doc) == ["China side", "China side"]


def test_russian_side_and_pronoun():
    doc = make_doc([["Китайская сторона подчеркнула важность диалога.", "Он также отметил прогресс.", "Стороны обсудили вопросы."]], lang="ru")
    assert speakers(doc) == ["China side", "China side", "both"]


def test_chinese_paragraph_keeps_its_speaker_until_a_new_one():
    doc = make_doc(
        [
            ["习近平指出，中美关系正处在关键时刻。", "两国应该相互尊重，和平共处。", "拜登表示，美方愿意保持沟通。"],
            ["双方同意保持沟通。", "会谈持续了两个小时。"],
            ["中方坚决反对外部干涉。"],
        ],
        lang="zh",
    )
    assert speakers(doc) == ["Xi Jinping", "Xi Jinping", "Joe Biden", "both", "both", "China side"]


def test_headline_is_narrator_and_not_counted_in_shares():
    doc = make_doc([["Biden said hello.", "The weather was fine."]], headline="Biden meets Xi")
    assert speakers(doc) == [None, "Joe Biden", None]
    assert shares(doc) == {"Joe Biden": 0.5, "narrator": 0.5}


def test_principal_is_the_most_quoted_single_speaker():
    doc = make_doc([["The two leaders met.", "Xi said one thing.", "Biden said another.", "Biden added a third."]])
    attribute(doc, FakeLexicon())
    assert principal(doc) == "Joe Biden"


def test_positions_put_in_the_other_principals_mouth_are_a_voice_finding():
    a = make_doc(
        [["Biden said the call was useful.", "Biden stressed fairness.", "Xi said China wants stability."]],
        label="White House",
    )
    b = make_doc([["Xi said cooperation matters.", "Xi stressed respect.", "Biden said he agreed."]], label="Xinhua")
    c = make_comparison(a, b)
    measure(c, FakeLexicon())
    voice = [f for f in c.findings if f.kind == "voice"]
    assert {f.side for f in voice} == {"A", "B"}
    fa = next(f for f in voice if f.side == "A")
    assert fa.speaker == "Xi Jinping" and [(e.side, e.sentence) for e in fa.evidence] == [("A", 2)]
    assert fa.text == (
        "The White House readout puts 1 sentence (33%) in the mouth of Xi Jinping; "
        "Xi Jinping is the speaker the Xinhua readout quotes most."
    )

"""Tone markers read in their diplomatic sense (viewer/lexicon/senses.py), in every analysed
language, on sentences written here: each pair holds a marker that counts and the same word used
for something else."""

from __future__ import annotations

import pytest

from viewer.lexicon import load_lexicon
from viewer.model import Readout
from viewer.text import segment


def tones(text: str, lang: str) -> list[set[str]]:
    doc = segment(Readout(text=text, language=lang))
    load_lexicon().annotate(doc)
    return [set(s.tone) for s in doc.sentences]


@pytest.mark.parametrize("lang, text, expected", [
    # atmosphere markers describe the talks, not a role, a relationship, a people or an event
    ("en", "The two leaders had a candid, substantive and constructive discussion. China will play a constructive "
           "role. COP28 was a successful conference. The talks were productive.",
     [{"candid", "substantive", "constructive"}, set(), set(), {"productive"}]),
    ("zh", "两国元首坦诚深入交换了意见。一切打压只会激发中国人民的意志和热情。中国将发挥建设性作用。"
           "两国元首都认为，这次会晤是坦诚的、建设性的。美方愿同中方坦诚对话。",
     [{"candid", "in-depth", "exchange-of-views"}, set(), set(), {"candid", "constructive"}, set()]),
    ("ru", "Разговор прошел в дружественной и конструктивной атмосфере. Россия играет конструктивную роль.",
     [{"friendly", "constructive"}, set()]),
    ("fr", "L'entretien s'est déroulé dans une atmosphère amicale et constructive. La Chine joue un rôle constructif.",
     [{"friendly", "constructive"}, set()]),
    ("es", "La conversación fue franca y constructiva. China desempeña un papel constructivo.",
     [{"candid", "constructive"}, set()]),
])
def test_atmosphere_markers_count_only_when_they_describe_the_talks(lang, text, expected):
    assert tones(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # an agreement needs the sides agreeing, not a document's name or an exhortation
    ("en", "The two sides agreed to resume talks. The Paris Agreement matters. The Military Maritime Consultative "
           "Agreement talks resumed. Flights resumed under an air transportation agreement. The two sides should seek consensus "
           "in the international community. Both sides should build common ground. President Biden and President Xi "
           "agreed to stay in touch.",
     [{"consensus"}, set(), set(), set(), set(), set(), {"consensus"}]),
    ("zh", "双方同意加强合作。两国元首一致认为，应当维护和平。我愿同总统先生一道，形成共识。中方已同意实施新措施。",
     [{"consensus"}, {"consensus"}, set(), set()]),
    ("ru", "Стороны договорились продолжить контакты. Стороны должны искать консенсус. Отмечено совпадение позиций.",
     [{"consensus"}, set(), {"consensus"}]),
    ("fr", "Les deux parties sont convenues de renforcer la coopération. L'Accord de Paris est important.",
     [{"consensus"}, set()]),
    ("es", "Las dos partes acordaron reforzar la cooperación. El Acuerdo de París es importante.",
     [{"consensus"}, set()]),
])
def test_agreement_markers_need_an_agreeing_subject_and_verb(lang, text, expected):
    assert tones(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # core concerns are core-interests language; someone's concerns named as an object are no
    # concern of the speaker's ("every country has its national security concerns, but ...": a rebuke)
    ("en", "Every country has its national security concerns, but these must be legitimate. President Biden raised "
           "serious concerns about the detentions. Both sides should respect each other's core concerns.",
     [set(), {"concern"}, {"core-interests"}]),
    ("zh", "中方高度关切当前局势。双方应尊重彼此的核心关切。应当化解双方的安全忧虑。",
     [{"concern"}, {"core-interests"}, set()]),
    ("fr", "La Chine exprime sa vive préoccupation. Il faut tenir compte des préoccupations légitimes de sécurité.",
     [{"concern"}, set()]),
    ("es", "China expresó su profunda preocupación. Hay que atender las preocupaciones legítimas de seguridad.",
     [{"concern"}, set()]),
    ("ru", "Россия выразила серьезную озабоченность. Необходимо учитывать законные озабоченности всех сторон.",
     [{"concern"}, set()]),
])
def test_concern_is_the_speaker_s_own_and_core_concerns_are_core_interests(lang, text, expected):
    assert tones(text, lang) == expected


def test_a_policy_that_has_not_changed_is_no_reaffirmation_and_bare_consequences_no_warning():
    assert tones("Our one China policy has not changed. The war has serious consequences for Europe. "
                 "Those who play with fire will get burned.", "en") == [set(), set(), {"warning"}]

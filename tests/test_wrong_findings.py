"""The kinds of wrong or empty finding the blind round after-1 found on the tuning pairs, each on
texts written here, in every analysed language: a rule per language and construction, never one
sentence. A wrong finding costs more trust than a missed one, so most of these check that
Counterpart says less (or says it right), not that it says more."""

from __future__ import annotations

import pytest

from viewer.analysis import compare
from viewer.model import Readout


def findings(a: str, b: str, lang_a: str, lang_b: str, *, labels: tuple[str, str] = ("", ""), kind: str | None = None):
    c = compare(Readout(text=a, language=lang_a, label=labels[0]), Readout(text=b, language=lang_b, label=labels[1]),
                mode="readouts")  # short texts in two languages may otherwise read as one text translated
    return c, [f for f in c.findings if kind is None or f.kind == kind]


def acts(text: str, lang: str) -> list[str]:
    """The act of every statement of `text` (after its opening line)."""
    c = compare(Readout(text=text, language=lang), Readout(text="Nothing was said."))
    return [st.act for st in c.statements["A"] if st.act != "opening"]


# --- a tone word the other side uses, in another sense or another language ---------------------

@pytest.mark.parametrize("a, lang_a, b, lang_b, word", [
    ("习近平同拜登举行会晤。两国元首都认为，这次会晤是建设性的。", "zh",
     "President Biden met President Xi. The two leaders agreed to deepen constructive efforts on climate change.",
     "en", "constructive"),
    ("President Biden met President Xi. The talks were candid and constructive.", "en",
     "Wang Yi a rencontré Antony Blinken. La Chine joue un rôle constructif en Asie.", "fr", "constructif"),
    ("Лавров провел переговоры с Ван И в Москве. Переговоры прошли в конструктивной атмосфере.", "ru",
     "Wang Yi habló con Antony Blinken. China desempeña un papel constructivo en la región.", "es", "constructivo"),
    ("Wang Yi habló con Antony Blinken. La conversación fue franca y constructiva.", "es",
     "王毅同布林肯通电话。中国将继续发挥建设性作用。", "zh", "建设性"),
    ("L'entretien s'est déroulé dans une atmosphère constructive.", "fr",
     "Лавров провел переговоры с Ван И в Москве. Россия играет конструктивную роль в регионе.", "ru", "конструктивную"),
])
def test_a_tone_word_the_other_side_uses_in_another_sense_is_said_so(a, lang_a, b, lang_b, word):
    _, found = findings(a, b, lang_a, lang_b, kind="tone")
    [f] = [f for f in found if f.marker == "constructive"]
    assert f.side == "A"
    assert f"uses “{word}” only in another sense" in f.text


def test_a_wish_far_before_a_tone_word_does_not_take_it_from_the_talks():
    """"to continue discussions ..., with Biden underscoring the importance of substantive
    conversations": the wish is not the marker's (the White House readout does call them substantive)."""
    c, found = findings("两国元首认为，此次会晤是实质性的。", "Finally, they discussed ways for the two sides to continue "
                        "discussions on a number of areas, with President Biden underscoring the importance of "
                        "substantive and concrete conversations.", "zh", "en", kind="tone")
    assert "substantive" in c.b.sentences[0].tone
    assert not [f for f in found if f.marker == "substantive"]


# --- a principle, a pledge or a description read as blame --------------------------------------

@pytest.mark.parametrize("lang, text, expected", [
    ("zh", "习近平同拜登举行会晤。习近平指出，要坚持互利互惠，不搞你输我赢。中方不干涉美国内政。"
           "美国搞的是资本主义，中国搞的是社会主义。双方应避免误判。中美之间更不能搞冲突对抗。"
           "美方一些人有意搞“以台制华”。美方应信守承诺，而不是说一套做一套。一切打压和遏制只会激发中国人民的意志。",
     ["propose", "assert", "assert", "propose", "assert", "blame", "demand", "blame", "blame"]),
    ("en", "President Biden met President Xi. President Biden said the United States does not interfere in "
           "China's internal affairs. He said the two countries must never undermine each other's interests. "
           "The U.S. side undermined peace in the Taiwan Strait.",
     ["assert", "propose", "blame"]),
    ("fr", "Wang Yi a rencontré Antony Blinken. Wang Yi a souligné que la Chine ne pratique pas l'ingérence. "
           "Les États-Unis pratiquent l'ingérence.",
     ["assert", "blame"]),
    ("es", "Wang Yi se reunió con Antony Blinken. Wang Yi dijo que China no practica la injerencia. "
           "Estados Unidos practica la injerencia en Asia.",
     ["assert", "blame"]),
    ("ru", "Лавров провел переговоры с Ван И в Москве. Лавров заявил, что Россия не одобряет давление на соседей. "
           "США оказывают давление на Китай.",
     ["assert", "blame"]),
])
def test_a_negated_charge_is_a_principle_not_blame(lang, text, expected):
    assert acts(text, lang) == expected


def test_a_charge_in_a_tail_clause_is_aimed_at_the_country_its_sentence_names_and_quoted_whole():
    _, [f] = findings("习近平同拜登举行会晤。习近平指出，美方应将有关承诺体现在具体行动上，而不是说一套做一套。",
                      "President Biden met President Xi. The two leaders discussed the relationship.", "zh", "en",
                      kind="blame")
    assert f.text.startswith("The Chinese readout has Xi Jinping blame the United States: “…")
    assert "体现在具体行动上，而不是说一套做一套" in f.quotes[0].text


# --- one person read as both sides ---------------------------------------------------------------

@pytest.mark.parametrize("lang, text, speaker, act", [
    ("en", "President Biden met President Xi. The President noted the responsibility of all nations to respect their "
           "human rights commitments.", "Joe Biden", "assert"),
    ("ru", "Путин провел разговор с Си Цзиньпином. Китайский политик договорился с коллегами о новых поставках газа.",
     "Xi Jinping", "assert"),
])
def test_a_title_in_the_singular_is_one_person_not_both_sides(lang, text, speaker, act):
    """Stems fold "the presidents" into "The President": an agreement needs two."""
    c = compare(Readout(text=text, language=lang), Readout(text="Nothing was said."))
    [st] = [st for st in c.statements["A"] if st.act != "opening"]
    assert (st.speaker, st.role, st.act) == (speaker, "person", act)
    assert "consensus" not in c.a.sentences[1].tone


# --- quotes that say nothing ---------------------------------------------------------------------

def test_one_item_of_a_list_is_quoted_with_its_sentence():
    """"民主人权、" alone is no quote of Xi's four red lines."""
    _, found = findings("习近平同拜登举行会晤。习近平指出，台湾问题、民主人权、道路制度、发展权利是中方的四条红线，不容挑战。",
                        "President Biden met President Xi. President Biden raised concerns about human rights in "
                        "Xinjiang.", "zh", "en", kind="framing")
    [f] = [f for f in found if f.topic == "human-rights"]
    [q] = [q for q in f.quotes if q.side == "A"]
    assert "民主人权、道路制度、发展权利是中方的四条红线" in q.text


def test_a_chinese_quote_skips_only_a_reporting_clause():
    """"“脱钩断链”不是解决之道，" is what is said, not a "习近平指出，" to leave out."""
    _, found = findings("习近平同拜登举行会晤。“脱钩断链”不是解决之道，互利合作才能共同发展。",
                        "President Biden met President Xi. President Biden raised concerns about unfair trade "
                        "practices.", "zh", "en", kind="framing")
    [f] = found
    assert "“脱钩断链”不是解决之道" in f.text

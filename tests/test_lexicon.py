"""The lexicon: loading, term semantics (stems, phrases, prefixes, capitals), entities, user files, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.errors import LexiconError
from viewer.lexicon import load_lexicon
from viewer.model import Document, Readout, Sentence
from viewer.text.tokens import tokenize


def make_doc(lang: str, *sentences: str) -> Document:
    """A document whose sentences are the given strings, joined by one space (offsets kept)."""
    text = " ".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(i, 0, pos, pos + len(s), s, tokenize(s, lang, pos), lang))
        pos += len(s) + 1
    return Document(Readout(text), lang, out, [(0, len(text))])


def annotated(lang: str, *sentences: str, lexicon=None) -> Document:
    doc = make_doc(lang, *sentences)
    (lexicon or load_lexicon()).annotate(doc)
    return doc


def topics(sentence: Sentence) -> set[str]:
    return {h.topic for h in sentence.hits if h.topic}


def entities(sentence: Sentence) -> set[str]:
    return {h.entity for h in sentence.hits if h.entity}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les entretiens ont été constructifs."),
        ("fr", "Des discussions constructives ont eu lieu."),
        ("es", "Mantuvieron conversaciones constructivas."),
        ("en", "Both sides described the talks as constructive."),
    ],
)
def test_tone_words_match_inflected_forms(lang, text):
    assert annotated(lang, text).sentences[0].tone == ["constructive"]


def test_plural_and_singular_meet_through_the_stemmer():
    doc = annotated("en", "He raised the new sanction.", "They discussed sanctions on banks.")
    assert all("sanctions" in topics(s) for s in doc.sentences)


def test_multiword_phrases_and_their_spans():
    doc = annotated(
        "en",
        "The President noted the long-standing one-China policy.",
        "They held an exchange of views.",
        "The minister firmly opposes the plan.",
    )
    one_china = next(h for h in doc.sentences[0].hits if h.topic == "taiwan")
    assert one_china.text == "one-China policy"
    assert doc.text[one_china.start : one_china.end] == "one-China policy"
    assert doc.sentences[1].tone == ["exchange-of-views"]
    mark = doc.sentences[2].tone_marks[0]
    assert (mark.id, mark.text, mark.sentence) == ("oppose", "firmly opposes", 2)
    assert doc.text[mark.start : mark.end] == "firmly opposes"


def test_prefix_terms_match_derivations():
    en = annotated("en", "The goal remains complete denuclearization.")
    fr = annotated("fr", "L'objectif reste la dénucléarisation complète.")
    assert "nuclear-weapons" in topics(en.sentences[0])
    assert "nuclear-weapons" in topics(fr.sentences[0])


def test_no_accidents_inside_or_across_words():
    doc = annotated(
        "en",
        "Such policies cause harms to many.",
        "He told us who would come.",
        "Issues concerning the schedule were settled.",
        "The Chinese side spoke first.",
    )
    harms, pronouns, concerning, chinese = doc.sentences
    assert "military" not in topics(harms)
    assert not entities(pronouns) and not pronouns.hits
    assert "concern" not in concerning.tone
    assert entities(chinese) == {"country:CN"}
    assert topics(chinese) == set()
    # in French, "France" is a country, never the tone word "franc"
    fr = annotated("fr", "La France a pris la parole.")
    assert fr.sentences[0].tone == []
    assert entities(fr.sentences[0]) == {"country:FR"}


def test_acronyms_with_and_without_dots():
    doc = annotated("en", "The U.S. and the US side met.")
    assert [h.entity for h in doc.sentences[0].hits if h.entity] == ["country:US", "country:US"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Biden spoke with President Putin."),
        ("fr", "Le président Biden s'est entretenu avec Vladimir Poutine."),
        ("es", "El presidente Joe Biden habló con Putin."),
    ],
)
def test_people_have_one_id_in_every_language(lang, text):
    assert {"person:biden", "person:putin"} <= entities(annotated(lang, text).sentences[0])


@pytest.mark.parametrize(
    ("lang", "text", "written"),
    [
        ("en", "They discussed Ukraine.", "Ukraine"),
        ("fr", "Ils ont évoqué l'Ukraine.", "Ukraine"),
        ("es", "Hablaron sobre Ucrania.", "Ucrania"),
        ("zh", "他们谈到乌克兰和美国。", "乌克兰"),
    ],
)
def test_country_names_from_cldr_carry_their_topic(lang, text, written):
    hits = annotated(lang, text).sentences[0].hits
    assert any(h.entity == "country:UA" and h.topic == "ukraine" and h.text == written for h in hits)


def test_a_country_without_a_topic_gives_an_empty_topic():
    hit = next(h for h in annotated("en", "Brazil sent a delegation.").sentences[0].hits)
    assert (hit.entity, hit.topic) == ("country:BR", "")


def test_longer_match_shadows_the_names_inside_it():
    sentence = annotated("en", "They discussed the South China Sea.").sentences[0]
    assert topics(sentence) == {"maritime"}
    assert "country:CN" not in entities(sentence)


def test_concepts_join_topics_tones_and_entities():
    lexicon = load_lexicon()
    sentence = annotated("en", "Biden candidly raised Taiwan.", lexicon=lexicon).sentences[0]
    assert lexicon.concepts(sentence) == {"person:biden", "country:TW", "taiwan", "tone:candid"}


def test_labels_and_ids():
    lexicon = load_lexicon()
    assert lexicon.topic_ids[:3] == ["bilateral-relations", "leader-diplomacy", "taiwan"]
    assert len(lexicon.topic_ids) >= 27
    assert "substantive" in lexicon.tone_ids
    assert lexicon.topic_label("taiwan") == "Taiwan"
    assert lexicon.tone_reading("candid")
    assert lexicon.person("person:biden").country == "US"
    assert lexicon.entity_label("country:UA") == "Ukraine"
    assert lexicon.entity_label("country:UA", "es") == "Ucrania"
    assert lexicon.entity_label("org:un") == "United Nations"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_a_topic_and_a_term(tmp_path):
    user = write(
        tmp_path,
        "mine.toml",
        'language = "en"\n'
        "[topic.arctic-shipping]\n"
        'label = "Arctic shipping"\n'
        'terms = ["icebreaker", "polar route"]\n'
        'passing = ["tundra"]\n'
        "[tone.candid]\n"
        'terms = ["plain-spoken"]\n',
    )
    lexicon = load_lexicon([user])
    assert lexicon.topic_ids[-1] == "arctic-shipping"
    assert lexicon.topic_label("arctic-shipping") == "Arctic shipping"
    doc = annotated(
        "en",
        "New icebreakers will use the polar route.",
        "It was a plain-spoken talk about tundra.",
        lexicon=lexicon,
    )
    assert "arctic-shipping" in topics(doc.sentences[0])
    assert doc.sentences[1].tone == ["candid"]
    assert [h.passing for h in doc.sentences[1].hits if h.topic == "arctic-shipping"] == [True]
    # the built-in lexicon is unchanged
    assert "arctic-shipping" not in load_lexicon().topic_ids


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('language = "en"\n[topic.taiwan]\nterms = ["a",\n', 3, "TOML"),
        ('language = "en"\n\n[topic.taiwan]\nterms = ["strait", 42]\n', 4, "not a string"),
        ('language = "en"\n[topic.taiwan]\nterms = ["  "]\n', 3, "empty"),
        ('language = "en"\n[tone.cheerful]\nterms = ["upbeat"]\n', 2, "unknown tone"),
        ('language = "en"\n[topic.new-thing]\nterms = ["x"]\n', 2, "label"),
        ('language = "en"\n\n[weather.rain]\nterms = ["x"]\n', 3, "unknown section"),
        ('language = "en"\n[topic.taiwan]\nwords = ["x"]\n', 3, "unknown key"),
        ('[topic.taiwan]\nterms = ["x"]\n', 2, "language"),
    ],
)
def test_errors_name_the_file_and_the_line(tmp_path, text, line, words):
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(LexiconError) as err:
        load_lexicon([path])
    assert err.value.path == str(path)
    assert err.value.line == line
    assert words in str(err.value)
    assert str(path) in str(err.value) and f"line {line}" in str(err.value)


def test_missing_user_file_is_a_lexicon_error(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        load_lexicon([tmp_path / "absent.toml"])


def _passing_only(sentence: Sentence, topic: str) -> bool:
    """The topic is matched in the sentence, and only by passing terms."""
    hits = [h for h in sentence.hits if h.topic == topic]
    return bool(hits) and all(h.passing for h in hits)


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("en", "The minister called the border question an internal affair of his country.", "human-rights"),
        (
            "fr",
            "Le ministre a dit que la question relève des affaires intérieures de la Chine.",
            "human-rights",
        ),
        ("es", "El ministro habló de los asuntos internos del país vecino.", "human-rights"),
        ("en", "Hackers went after civilian ports and power grids.", "humanitarian"),
        ("en", "They also talked about regional and global challenges.", "global-challenges"),
        ("en", "Both are large developing countries with growing cities.", "global-challenges"),
        ("zh", "两国都是发展中国家。", "global-challenges"),
        ("en", "He warned against military adventurism in the region.", "military"),
        ("zh", "双方反对任何军事冒险。", "military"),
    ],
)
def test_formulas_about_something_else_are_passing(lang, text, topic):
    assert _passing_only(annotated(lang, text).sentences[0], topic)


def test_civilians_the_people_are_still_discussed_where_the_adjective_is_passing():
    doc = annotated("en", "Aid must reach the civilians trapped in the city.", "Hackers hit civilian grids.")
    assert [_passing_only(s, "humanitarian") for s in doc.sentences] == [False, True]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He stressed the rule of law and freedom of navigation in the disputed waters."),
        ("fr", "Il a insisté sur l'état de droit et la liberté de navigation dans ces eaux."),
        ("es", "Subrayó el Estado de derecho y la libertad de navegación en esas aguas."),
    ],
)
def test_rule_of_law_alone_touches_human_rights_only_in_passing(lang, text):
    sentence = annotated(lang, text).sentences[0]
    assert _passing_only(sentence, "human-rights")
    assert "maritime" in topics(sentence)


def test_the_international_rule_of_law_is_the_international_order():
    sentence = annotated("en", "Both sides support the international rule of law.").sentences[0]
    assert topics(sentence) == {"international-order"}


def tone_ids(lang: str, text: str) -> list[str]:
    return annotated(lang, text).sentences[0].tone


@pytest.mark.parametrize(
    ("lang", "negated", "plain", "tone"),
    [
        (
            "en",
            "Our side does not seek to oppose its neighbour.",
            "Our side firmly opposes the plan.",
            "oppose",
        ),
        (
            "en",
            "The ministry did not voice concern over the drill.",
            "The ministry voiced concern over the drill.",
            "concern",
        ),
        ("en", "The envoy never warned the other side.", "The envoy warned the other side.", "warning"),
        ("en", "The delegations did not reach agreement.", "The delegations reached agreement.", "consensus"),
        ("fr", "Le pays ne s'oppose pas au projet.", "Le pays s'oppose au projet.", "oppose"),
        ("fr", "Les parties n'étaient pas d'accord.", "Les parties étaient d'accord.", "consensus"),
        ("es", "El gobierno no se opone al proyecto.", "El gobierno se opone al proyecto.", "oppose"),
        (
            "es",
            "La cancillería nunca expresó preocupación.",
            "La cancillería expresó preocupación.",
            "concern",
        ),
    ],
)
def test_a_negation_earlier_in_the_clause_cancels_a_tone_marker(lang, negated, plain, tone):
    assert tone not in tone_ids(lang, negated)
    assert tone in tone_ids(lang, plain)


@pytest.mark.parametrize(
    ("lang", "text", "tone"),
    [
        # the clause ends before the marker: a comma, or a word that opens another clause
        ("en", "The sides did not meet last year, and the ministry voiced concern.", "concern"),
        ("en", "The sides did not meet last year but firmly oppose the plan.", "oppose"),
        ("es", "No hubo reunión, pero el gobierno se opone al proyecto.", "oppose"),
        # the negation word belongs to the marker itself or to a phrase that negates nothing
        ("en", "The minister does not accept the claim.", "oppose"),
        ("en", "The talks were not only frank but constructive.", "candid"),
        ("fr", "Le ministre n'acceptera jamais ce plan.", "oppose"),
        ("fr", "Le pays ne cesse de s'opposer au projet.", "oppose"),
        ("es", "No solo expresó preocupación sino rechazo.", "concern"),
        # a prohibition is a demand, not a denial: it still warns
        ("en", "The other side must not play with fire.", "warning"),
        ("fr", "Les autres ne doivent pas jouer avec le feu.", "warning"),
        ("es", "Los demás no deben jugar con fuego.", "warning"),
    ],
)
def test_a_tone_marker_outside_the_negation_still_counts(lang, text, tone):
    assert tone in tone_ids(lang, text)


def test_a_user_file_adds_negation_words(tmp_path):
    user = write(
        tmp_path, "mine.toml", 'language = "en"\n[negation]\ncues = ["hardly"]\nbreaks = ["whilst"]\n'
    )
    lexicon = load_lexicon([user])
    doc = annotated(
        "en",
        "The ministry hardly voiced concern.",
        "The ministry hardly met them whilst voicing concern.",
        lexicon=lexicon,
    )
    assert [s.tone for s in doc.sentences] == [[], ["concern"]]
    assert annotated("en", "The ministry hardly voiced concern.").sentences[0].tone == ["concern"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('language = "en"\n\n[negation]\ncues = ["hardly"]\nmaybe = ["x"]\n', 5, "unknown key 'maybe'"),
        ('language = "en"\n[negation]\nbreaks = "but"\n', 3, "list of strings"),
        ('language = "en"\n[negation]\ncues = [""]\n', 3, "empty"),
        ('[negation]\ncues = ["hardly"]\n', 2, "language"),
    ],
)
def test_negation_table_errors_name_the_line(tmp_path, text, line, words):
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(LexiconError) as err:
        load_lexicon([path])
    assert err.value.line == line
    assert words in str(err.value)


@pytest.mark.parametrize(
    ("lang", "text", "topic"),
    [
        ("es", "Los dos jefes de estado volvieron a hablar por teléfono.", "leader-diplomacy"),
        ("es", "El canciller se entrevistó con su colega en la capital.", "leader-diplomacy"),
        ("es", "Ambos apoyan los intercambios a todos los niveles.", "leader-diplomacy"),
        ("es", "Coordinarán sus agendas bilateral e internacional.", "bilateral-relations"),
        ("es", "Se comprometieron a ampliar la cooperación bilateral.", "bilateral-relations"),
        ("fr", "Les deux chefs d'État se sont entretenus par téléphone.", "leader-diplomacy"),
        ("fr", "Ils veulent des échanges à tous les niveaux.", "leader-diplomacy"),
        ("fr", "Les ministres ont passé en revue les questions bilatérales.", "bilateral-relations"),
        ("fr", "Ils veulent renforcer la coopération bilatérale.", "bilateral-relations"),
        ("en", "The two heads of state spoke by phone.", "leader-diplomacy"),
    ],
)
def test_how_readouts_phrase_calls_and_bilateral_ties(lang, text, topic):
    assert topic in topics(annotated(lang, text).sentences[0])


def test_maintained_ties_in_french_are_not_talks():
    assert "leader-diplomacy" not in topics(
        annotated("fr", "Les liens entretenus depuis longtemps.").sentences[0]
    )


@pytest.mark.parametrize(
    ("lang", "text", "tone"),
    [
        ("es", "Los cancilleres intercambiaron criterios sobre la región.", "exchange-of-views"),
        ("es", "Fue una reunión muy provechosa.", "productive"),
        ("es", "El ministro advirtió de las consecuencias.", "warning"),
        ("es", "Los ministros convinieron en reunirse de nuevo.", "consensus"),
        ("fr", "Les deux parties ont échangé sur la situation régionale.", "exchange-of-views"),
        ("fr", "Le ministre a dénoncé ces sanctions.", "oppose"),
        ("fr", "Les ministres se sont accordés sur un calendrier.", "consensus"),
    ],
)
def test_spanish_and_french_tone_vocabulary(lang, text, tone):
    assert tone in tone_ids(lang, text)

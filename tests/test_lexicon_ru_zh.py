"""The Russian and Chinese lexicon data, read through the real loader and matcher.

The sentences are written for these tests in the register of the two foreign ministries; they
check what the data authors rely on: Snowball joins Russian case forms, Chinese terms match only
whole jieba words, traditional script folds to simplified, and one person has one id in every
language.
"""

from __future__ import annotations

import tomllib

import pytest

from viewer.lang import language
from viewer.lexicon.lexicon import CONCEPTS, load_lexicon
from viewer.model import Readout
from viewer.text import segment


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def annotate(lex, text: str, lang: str):
    doc = segment(Readout(text=text, language=lang))
    lex.annotate(doc)
    return doc


def topics(lex, text: str, lang: str) -> set[str]:
    return {h.topic for s in annotate(lex, text, lang).sentences for h in s.hits if h.topic}


def entities(lex, text: str, lang: str) -> set[str]:
    return {h.entity for s in annotate(lex, text, lang).sentences for h in s.hits if h.entity}


def tones(lex, text: str, lang: str) -> set[str]:
    return {t for s in annotate(lex, text, lang).sentences for t in s.tone}


def _data(path) -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_every_builtin_topic_and_tone_has_words(lang):
    concepts = _data(CONCEPTS)
    words = _data(language(lang).path("lexicon.toml"))
    for kind in ("topic", "tone"):
        missing = [i for i in concepts[kind] if not words.get(kind, {}).get(i, {}).get("terms")]
        assert not missing, f"{lang}.toml lacks {kind} terms for {missing}"


def test_both_languages_load(lex):
    assert {"ru", "zh"} <= lex.languages


# ---------------------------------------------------------------- Russian


@pytest.mark.parametrize(
    "sentence",
    [
        "Министры обсудили санкции.",
        "Стороны высказались за отмену односторонних санкций.",
        "Россия и Китай не согласны с санкциями.",
        "Было отмечено вредное воздействие нелегитимных ограничительных мер.",
    ],
)
def test_russian_case_forms_of_sanctions(lex, sentence):
    assert "sanctions" in topics(lex, sentence, "ru")


def test_russian_european_security_formulas(lex):
    found = topics(lex, "Речь шла о расширении НАТО и о принципе неделимости безопасности.", "ru")
    assert "european-security" in found
    assert "org:nato" in entities(lex, "Альянс НАТО продвигается на восток.", "ru")


def test_russian_gas_is_energy_and_gaza_is_middle_east(lex):
    gas = topics(lex, "Обсуждены поставки газа по новому маршруту.", "ru")
    gaza = topics(lex, "Министры обсудили положение в секторе Газа.", "ru")
    assert "climate-energy" in gas and "middle-east" not in gas
    assert "middle-east" in gaza and "climate-energy" not in gaza


def test_russian_visit_is_not_visas(lex):
    found = topics(lex, "Глава МИД России находится в Пекине с официальным визитом.", "ru")
    assert "leader-diplomacy" in found
    assert "people-to-people" not in found


def test_russian_humanitarian_cooperation_means_exchanges(lex):
    exchanges = topics(lex, "Отмечено расширение гуманитарного сотрудничества и молодёжных обменов.", "ru")
    aid = topics(lex, "Стороны призвали обеспечить доставку гуманитарной помощи мирному населению.", "ru")
    assert "people-to-people" in exchanges and "humanitarian" not in exchanges
    assert "humanitarian" in aid


@pytest.mark.parametrize(
    "sentence, person",
    [
        ("Джо Байден позвонил в Пекин.", "person:biden"),
        ("Беседа с Байденом длилась два часа.", "person:biden"),
        ("Это заявил Дж. Байден.", "person:biden"),
        ("С.В. Лавров провёл переговоры.", "person:lavrov"),
        ("Министр встретился с Лавровым.", "person:lavrov"),
        ("По приглашению Лаврова министр прибыл в Москву.", "person:lavrov"),
        ("Ван И приветствовал гостя.", "person:wang-yi"),
        ("Си Цзиньпин выступил с речью.", "person:xi"),
    ],
)
def test_russian_person_forms(lex, sentence, person):
    assert person in entities(lex, sentence, "ru")


def test_russian_sides_are_countries(lex):
    found = entities(lex, "Американская сторона выслушала, а китайская сторона изложила позицию.", "ru")
    assert {"country:US", "country:CN"} <= found


@pytest.mark.parametrize(
    "sentence, tone",
    [
        ("Министры обменялись мнениями по вопросам повестки.", "exchange-of-views"),
        ("Разговор прошёл в конструктивном ключе.", "constructive"),
        ("Состоялся откровенный разговор.", "candid"),
        ("Стороны выразили обеспокоенность ростом напряжённости.", "concern"),
        ("Беседа прошла в доверительной атмосфере.", "friendly"),
        ("Отмечено совпадение или близость позиций.", "consensus"),
    ],
)
def test_russian_tone_markers(lex, sentence, tone):
    assert tone in tones(lex, sentence, "ru")


def test_russian_treaty_is_not_agreement(lex):
    sentence = "Министры отметили годовщину подписания Договора о добрососедстве."
    assert "consensus" not in tones(lex, sentence, "ru")
    assert "bilateral-relations" in topics(lex, sentence, "ru")


# ---------------------------------------------------------------- Chinese


def test_chinese_word_boundary_central_america(lex):
    assert "bilateral-relations" not in topics(lex, "双方谈到中美洲国家的局势。", "zh")
    assert "bilateral-relations" in topics(lex, "双方谈到中美关系的现状。", "zh")


@pytest.mark.parametrize("sentence", ["中方在臺灣問題上的立場一貫。", "美方表示不支持台灣獨立。"])
def test_traditional_script_taiwan(lex, sentence):
    assert "taiwan" in topics(lex, sentence, "zh")


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("中方坚决反对台独势力的挑衅。", "taiwan"),
        ("美方不应对台军售。", "military"),
        ("双方讨论了伊朗核问题。", "nuclear-weapons"),
        ("双方讨论了伊朗核问题。", "middle-east"),
        ("双方同意恢复禁毒合作。", "counternarcotics"),
        ("会晤期间双方谈到乌克兰危机。", "ukraine"),
        ("中方反对单边制裁和长臂管辖。", "sanctions"),
        ("双方就朝鲜半岛局势交换了意见。", "korean-peninsula"),
    ],
)
def test_chinese_topics(lex, sentence, topic):
    assert topic in topics(lex, sentence, "zh")


@pytest.mark.parametrize(
    "sentence, absent",
    [
        ("中方希望看到一个健康稳定的中美关系。", "public-health"),
        ("双方应共同维护和平稳定的国际环境。", "climate-energy"),
        ("台湾是中国领土不可分割的一部分。", "european-security"),
    ],
)
def test_chinese_everyday_words_do_not_trigger_topics(lex, sentence, absent):
    assert absent not in topics(lex, sentence, "zh")


@pytest.mark.parametrize(
    "sentence, tone",
    [
        ("双方进行了坦诚、深入的沟通。", "candid"),
        ("双方进行了坦诚、深入的沟通。", "in-depth"),
        ("这次会谈是建设性的。", "constructive"),
        ("在台湾问题上玩火者必自焚。", "warning"),
        ("台湾问题是中国核心利益中的核心。", "core-interests"),
        ("双方重申了各自立场。", "reaffirm"),
        ("双方达成重要共识。", "consensus"),
    ],
)
def test_chinese_tone_markers(lex, sentence, tone):
    assert tone in tones(lex, sentence, "zh")


def test_playing_with_fire_when_jieba_glues_it(lex):
    assert "warning" in tones(lex, "美方不要玩火自焚。", "zh")


@pytest.mark.parametrize(
    "sentence, country",
    [
        ("美方表示理解。", "country:US"),
        ("中方表示欢迎。", "country:CN"),
        ("俄方愿意参加。", "country:RU"),
        ("乌方提出了建议。", "country:UA"),
    ],
)
def test_chinese_sides_are_countries(lex, sentence, country):
    assert country in entities(lex, sentence, "zh")


# ---------------------------------------------------------------- one person, every language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("拜登表示，美方不寻求新冷战。", "zh"),
        ("美国总统拜登同习近平通电话。", "zh"),
        ("Президент США Байден позвонил Председателю КНР.", "ru"),
    ],
)
def test_biden_across_scripts(lex, text, lang):
    assert "person:biden" in entities(lex, text, lang)


def test_full_title_is_one_mention(lex):
    doc = annotate(lex, "美国总统拜登同中方通电话。", "zh")
    people = [h for s in doc.sentences for h in s.hits if h.entity == "person:biden"]
    assert [h.text for h in people] == ["美国总统拜登"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("中共中央政治局委员、中央外办主任王毅同沙利文会谈。", "zh"),
        ("Министр провёл разговор с членом Политбюро ЦК КПК Ван И.", "ru"),
    ],
)
def test_party_title_is_a_passing_mention(lex, text, lang):
    hits = [h for s in annotate(lex, text, lang).sentences for h in s.hits if h.topic == "domestic-politics"]
    assert hits and all(h.passing for h in hits)


# ---------------------------------------------------------------- titles, brackets, jieba words


@pytest.mark.parametrize(
    "text, lang",
    [
        ("美国总统同中方领导人通电话。", "zh"),
        ("Президент США направил послание.", "ru"),
        ("俄罗斯总统发表讲话。", "zh"),
    ],
)
def test_a_bare_title_is_no_person(lex, text, lang):
    assert not {e for e in entities(lex, text, lang) if e.startswith("person:")}


def test_a_title_is_still_its_country(lex):
    assert "country:US" in entities(lex, "美国总统同中方领导人通电话。", "zh")


@pytest.mark.parametrize(
    "text, lang, country, parent",
    [
        ("Китай и США обсудили торговлю.", "ru", "country:US", {"country:UM", "country:VI"}),
        ("China y Rusia hablaron por teléfono.", "es", "country:CN", {"country:HK", "country:MO"}),
    ],
)
def test_a_parent_country_in_brackets_names_only_itself(lex, text, lang, country, parent):
    found = entities(lex, text, lang)
    assert country in found and not found & parent


def test_a_bracketed_alias_still_names_its_country(lex):
    assert "country:MM" in entities(lex, "Las partes hablaron de Birmania.", "es")


@pytest.mark.parametrize(
    "text, person",
    [
        ("王毅同布林肯通电话。", "person:blinken"),
        ("习近平同王毅交谈。", "person:wang-yi"),
        ("耶伦财长、布林肯国务卿近期访华。", "person:blinken"),
    ],
)
def test_jieba_keeps_lexicon_names_whole(lex, text, person):
    doc = annotate(lex, text, "zh")
    assert person in {h.entity for s in doc.sentences for h in s.hits}
    words = {t.text for s in doc.sentences for t in s.tokens}
    assert {"布林肯", "王毅"} & words and not {"同王毅", "同布林肯", "林肯"} & words


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Стороны говорили о верховенстве права на море."),
        ("zh", "双方谈到海上法治。"),
    ],
)
def test_rule_of_law_alone_is_human_rights_only_in_passing(lex, lang, text):
    sentence = annotate(lex, text, lang).sentences[0]
    hits = [h for h in sentence.hits if h.topic == "human-rights"]
    assert hits and all(h.passing for h in hits)


def test_the_international_rule_of_law_in_chinese_is_the_international_order(lex):
    assert topics(lex, "双方维护国际法治。", "zh") == {"international-order"}


@pytest.mark.parametrize(
    ("lang", "negated", "plain", "tone"),
    [
        ("ru", "Москва не выступает против этого плана.", "Москва выступает против этого плана.", "oppose"),
        ("ru", "Министр никогда не выражал озабоченность.", "Министр выразил озабоченность.", "concern"),
        ("zh", "甲方不寻求通过结盟反对乙方。", "甲方坚决反对乙方的做法。", "oppose"),
        ("zh", "双方没有达成共识。", "双方达成共识。", "consensus"),
        ("zh", "甲方从未表示关切。", "甲方表示关切。", "concern"),
    ],
)
def test_a_negation_earlier_in_the_clause_cancels_a_tone_marker(lex, lang, negated, plain, tone):
    assert tone not in tones(lex, negated, lang)
    assert tone in tones(lex, plain, lang)


@pytest.mark.parametrize(
    ("lang", "text", "tone"),
    [
        ("ru", "Это не может не вызывать озабоченность.", "concern"),
        ("ru", "Встреча не состоялась, но Москва выступает против плана.", "oppose"),
        ("ru", "Стороны не должны играть с огнём.", "warning"),
        ("zh", "甲方不寻求冲突，坚决反对乙方的做法。", "oppose"),
        ("zh", "甲方不接受并坚决反对这种做法。", "oppose"),
        ("zh", "甲方不断表示反对。", "oppose"),
        ("zh", "甲方不能不表示关切。", "concern"),
        ("zh", "乙方没有落实双方达成的重要共识。", "consensus"),
        ("zh", "甲方不会坐视核心利益受损。", "core-interests"),
    ],
)
def test_a_tone_marker_outside_the_negation_still_counts(lex, lang, text, tone):
    assert tone in tones(lex, text, lang)

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


# --- "only one side reports that agreement" when the other reports it in other words -------------

def _commitments(a: str, lang_a: str, b: str, lang_b: str):
    return findings(a, b, lang_a, lang_b, kind="commitment")[1]


@pytest.mark.parametrize("a, lang_a, b, lang_b", [
    # the same follow-up in a joint line that is not itself read as an agreement
    ("President Biden met President Xi. The two leaders agreed to use the joint working group to resolve "
     "specific issues.", "en",
     "习近平同拜登举行会晤。双方欢迎在现有机制下取得进展，包括联合工作组。", "zh"),
    ("Лавров провел переговоры с Ван И в Москве. Министры договорились поддерживать регулярные контакты.", "ru",
     "Wang Yi a rencontré Antony Blinken. Les deux parties souhaitent maintenir le contact à tous les niveaux.", "fr"),
    ("Wang Yi se reunió con Antony Blinken. Las dos partes acordaron mantener el contacto.", "es",
     "President Biden met President Xi. The two leaders stressed the importance of maintaining open lines of "
     "communication.", "en"),
    # an agreement one leader reports for both ("我和总统先生都同意……", "the President and I agreed")
    ("President Biden met President Xi. The two leaders agreed on the importance of maintaining open lines of "
     "communication.", "en",
     "习近平同拜登举行会晤。习近平强调，我和总统先生都同意双方在各层级要加强沟通对话。", "zh"),
    ("习近平同拜登举行会晤。两国元首同意保持密切沟通。", "zh",
     "President Biden met President Xi. President Biden said that the President and I agreed to keep the lines "
     "of communication open.", "en"),
])
def test_an_agreement_the_other_readout_reports_in_other_words_is_no_finding(a, lang_a, b, lang_b):
    assert [f for f in _commitments(a, lang_a, b, lang_b) if f.side == "A"] == []


def test_a_joint_line_linked_to_an_agreement_carries_it_but_a_list_item_does_not():
    """Human control over nuclear-use decisions said jointly by both (in a long Chinese sentence) is
    one agreement; counternarcotics named among five matters of progress reviewed is not one."""
    b = ("President Biden met President Xi. The two leaders affirmed the need to maintain human control over the "
         "decision to use nuclear weapons. On counternarcotics, both sides affirmed the importance of continued "
         "coordinated law enforcement actions.")
    a = ("习近平同拜登举行会晤。两国元首认为，双方就人工智能进行了对话，应维持由人类控制核武器使用的决定。"
         "两国元首回顾了禁毒、气候变化、人工智能、人文交流等领域对话合作取得的积极进展。")
    found = [f for f in _commitments(a, "zh", b, "en") if f.side == "B"]
    assert [f.topic for f in found] == ["counternarcotics"]


def test_a_shared_view_the_other_readout_gives_each_leader_is_no_finding():
    a = ("习近平同普京通电话。习近平强调，中俄在新冠肺炎疫情最艰难的时刻相互支持、相互帮助。"
         "普京表示，双方在疫情艰难时刻相互伸出援助之手。")
    b = ("Путин провел телефонный разговор с Си Цзиньпином. По обоюдному мнению, ярким проявлением сотрудничества "
         "стала помощь друг другу в период борьбы с пандемией коронавируса. Также политики договорились в "
         "дальнейшем наращивать взаимодействие в различных сферах.")
    found = [f for f in _commitments(a, "zh", b, "ru") if f.side == "B"]
    assert [f.topic for f in found] == ["bilateral-relations"]  # the agreement to build up cooperation alone
    assert "pandem" not in found[0].text and "пандем" not in found[0].text


def test_matters_the_other_readout_agrees_on_only_as_these_issues_are_said_so():
    a = ("习近平同拜登举行会晤。两国元首同意，双方外交团队保持战略沟通。同意两国财金团队就宏观经济政策、经贸等问题开展对话协调。"
         "同意共同努力推动气候变化大会取得成功。")
    b = ("President Biden met President Xi. President Biden underscored that the two countries must work together "
         "on climate change and global macroeconomic stability. The two leaders agreed to empower key senior "
         "officials to maintain communication and deepen constructive efforts on these and other issues.")
    [f] = [f for f in _commitments(a, "zh", b, "en") if f.side == "A"]
    assert f.text.startswith("Only the Chinese readout names the agreements: on a dialogue on trade and the economy")
    assert "the White House readout reports only a general agreement on these matters (“" in f.text
    assert ("B", 2) in {(e.side, e.sentence) for e in f.evidence}
    assert not [f for f in _commitments(a, "zh", b, "en") if f.side == "B"]  # keeping in contact: both have it


@pytest.mark.parametrize("lang, text", [
    ("en", "Foreign Minister Lavrov had a telephone conversation with Wang Yi at the request of the Chinese side. The ministers agreed on holding joint "
           "events devoted to the anniversary of the end of the war. They discussed the schedule of future contacts, "
           "including within the SCO and other multilateral structures."),
    ("ru", "Лавров провел телефонный разговор с Ван И по просьбе китайской стороны. Министры договорились о проведении совместных мероприятий к "
           "годовщине окончания войны. Они обсудили график будущих контактов, в том числе в рамках ШОС."),
])
def test_an_agreement_on_no_topic_is_named_by_its_own_words_not_another_sentences_topics(lang, text):
    a = "王毅同拉夫罗夫通电话。王毅表示，双方应继续加强高层交往。"
    [f] = [f for f in _commitments(a, "zh", text, lang) if f.side == "B"]
    assert "a schedule of further contacts on regional security" in f.text
    assert "agreed “" in f.text  # the joint events, in the readout's own words


# --- "has neither" when the other readout carries one of the two -------------------------------

@pytest.mark.parametrize("b, lang_b", [
    ("President Biden met President Xi. On Taiwan, President Biden underscored that the United States policy "
     "has not changed and that the United States opposes unilateral efforts to change the status quo.", "en"),
    ("Le président Biden a rencontré le président Xi. Sur Taïwan, le président Biden a souligné que la politique "
     "américaine n'a pas changé.", "fr"),
    ("El presidente Biden se reunió con el presidente Xi. Sobre Taiwán, el presidente Biden subrayó que la "
     "política de Estados Unidos no ha cambiado.", "es"),
    ("Президент Байден встретился с председателем Си. По Тайваню президент Байден подчеркнул, что политика США "
     "не изменилась.", "ru"),
])
def test_a_pledge_the_other_readout_words_its_own_way_is_carried(b, lang_b):
    a = "习近平同拜登举行会晤。拜登表示，美方的一个中国政策没有改变，不支持“台独”。"
    _, found = findings(a, b, "zh", lang_b, kind="attributed")
    [f] = [f for f in found if f.topic == "taiwan"]
    assert "Taiwan independence" in f.text and "one-China policy" not in f.text
    assert "has no such line" in f.text


def test_a_pledge_restated_before_a_charge_does_not_unmake_the_charge():
    """"our one China policy has not changed, the United States opposes any unilateral changes":
    an opposition, not an assurance, set against the other side's red line."""
    _, found = findings("习近平同拜登举行会晤。习近平强调，台湾问题是中美关系第一条不可逾越的红线。",
                        "President Biden met President Xi. On Taiwan, he laid out in detail that our one China policy "
                        "has not changed, the United States opposes any unilateral changes to the status quo.",
                        "zh", "en", kind="framing")
    [f] = found
    assert f.text.startswith("Both readouts take up Taiwan in opposite terms")


# --- "only one side mentions" when the other mentions it briefly ---------------------------------

@pytest.mark.parametrize("a, lang_a", [
    ("Wang Yi habló por teléfono con Sergey Lavrov. Wang Yi dijo que las dos partes deben fortalecer la "
     "coordinación estratégica en los principales asuntos internacionales y regionales.", "es"),
    ("王毅同拉夫罗夫通电话。王毅表示，双方应加强在国际和地区事务中的战略协作。", "zh"),
    ("Wang Yi s'est entretenu au téléphone avec Sergueï Lavrov. Wang Yi a dit que les deux parties doivent "
     "renforcer leur coordination sur les affaires régionales.", "fr"),
    ("Wang Yi spoke by phone with Sergey Lavrov. Wang Yi said the two sides should strengthen strategic "
     "coordination on major international and regional affairs.", "en"),
])
def test_regional_affairs_named_in_general_words_is_a_mention_not_an_omission(a, lang_a):
    b = ("Лавров провел телефонный разговор с Ван И по просьбе китайской стороны. Министры обсудили деятельность "
         "ШОС и БРИКС в год председательства России.")
    _, found = findings(a, b, lang_a, "ru", kind="omission")
    assert not [f for f in found if f.topic == "regional-security"]


@pytest.mark.parametrize("a, lang_a", [
    ("Wang Yi said the two countries have upheld international fairness and justice.", "en"),
    ("王毅表示，两国共同维护国际公平正义。", "zh"),
    ("Ван И заявил, что две страны отстаивают международную справедливость.", "ru"),
])
def test_international_fairness_and_justice_touches_the_international_order(a, lang_a):
    b = ("Foreign Minister Lavrov had a telephone conversation with Wang Yi at the request of the Chinese side. "
         "They exchanged views on coordination within the UN.")
    _, found = findings(a, b, lang_a, "en", kind="omission")
    assert not [f for f in found if f.topic == "international-order"]


def test_no_omission_of_challenges_named_as_a_group_nor_of_a_passing_line():
    taiwan = ("Wang Yi said the Taiwan question is at the very core of China's core interests and the first red "
              "line that must not be crossed in China-U.S. relations, and that the United States should honour its "
              "commitments on Taiwan in concrete action instead of sending wrong signals to separatist forces. ")
    a = ("Wang Yi met Jake Sullivan in Vienna. Wang Yi said the two sides should jointly address global challenges "
         "such as terrorism and the global economy, which affect the whole world today. " + taiwan * 4 +
         "Wang Yi said China firmly opposes the U.S. export controls on chips. The two sides also discussed trade, "
         "the pandemic, climate change, food security and people-to-people exchanges.")
    b = ("Jake Sullivan met Wang Yi in Vienna. Sullivan raised Taiwan and the importance of peace across the "
         "Strait. The two sides discussed the relationship.")
    _, found = findings(a, b, "en", "en", kind="omission")
    topics = {f.topic for f in found}
    assert "global-challenges" not in topics and "public-health" not in topics
    assert "technology" in topics  # short, but a charge


def test_what_a_cut_off_readout_does_not_report_is_caveated_in_a_voice_finding():
    a = ("Wang Yi spoke by phone with Sergey Lavrov. Wang Yi said the United States is practising unilateralism. "
         "Wang Yi said China opposes hegemony. Wang Yi said the two sides should strengthen coordination. Wang Yi "
         "indicated that, as major countries")
    b = ("Foreign Minister Lavrov had a telephone conversation with Wang Yi at the request of the Chinese side. "
         "Wang Yi spoke about the results of a videoconference with Central Asian ministers. Wang Yi informed his "
         "colleague about the situation in the region. Sergey Lavrov informed his colleague about arms control.")
    c, found = findings(a, b, "en", "en", kind="voice")
    assert c.truncated["A"]
    assert all("text is cut off" in f.text for f in found if f.side == "B")


def test_a_position_on_the_relationship_the_other_readout_states_in_its_own_voice_is_carried():
    """Lavrov on the partnership in the Chinese readout; the Russian readout has the ministers say it."""
    a = ("Wang Yi had a phone conversation with Sergey Lavrov. Lavrov said that the comprehensive strategic "
         "partnership between Russia and China has developed vigorously and achieved fruitful results.")
    b = ("Лавров провел телефонный разговор с Ван И по просьбе китайской стороны. Министры подчеркнули, что "
         "отношения всеобъемлющего партнерства и стратегического взаимодействия вышли на беспрецедентно высокий "
         "уровень.")
    _, found = findings(a, b, "en", "ru", labels=("Chinese", "Russian"), kind="attributed")
    assert found == []


def test_views_exchanged_on_a_second_topic_carry_no_agreement_on_the_first():
    """"a nuclear war should never be fought ... in Ukraine" against 就乌克兰危机交换了意见."""
    a = "习近平同拜登举行会晤。两国元首还就乌克兰危机等问题交换了意见。"
    b = ("President Biden met President Xi. President Biden and President Xi reiterated their agreement that a "
         "nuclear war should never be fought and can never be won and underscored their opposition to the use "
         "of nuclear weapons in Ukraine.")
    assert [f.topic for f in _commitments(a, "zh", b, "en") if f.side == "B"] == ["nuclear-weapons"]

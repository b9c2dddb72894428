"""Findings over statements (attributed, framing, commitment, blame) and the statement-based
omission, share, lede, voice, tone and distinctive findings, on texts written for these tests in
English, Chinese and Russian. Statements are made by hand here, as the statements stage gives
them (the reading is tested with that stage): these tests check what the findings make of them."""

from __future__ import annotations

from test_emphasis import FakeLexicon, make_comparison, make_doc

from viewer.emphasis import findings as fnd
from viewer.emphasis.attributed import attributed_findings
from viewer.emphasis.blame import blame_findings
from viewer.emphasis.commitments import commitment_findings
from viewer.emphasis.formulas import find
from viewer.emphasis.framing import framing_findings
from viewer.emphasis.ranking import all_findings
from viewer.model import (
    BOTH,
    Comparison,
    Evidence,
    Finding,
    Link,
    Names,
    Quote,
    Statement,
    ToneMark,
    TopicHit,
    TopicStat,
)

LEX = FakeLexicon()
COUNTRIES = {"country:US": "United States", "country:CN": "China", "country:RU": "Russia", "country:UA": "Ukraine"}
PEOPLE = {"Joe Biden": "US", "Xi Jinping": "CN", "Vladimir Putin": "RU", "Wang Yi": "CN"}


def pair(a_sents: list[str], b_sents: list[str], *, lang_a: str = "zh", lang_b: str = "en",
         sides: tuple[str, str] = ("China", "United States"), labels: tuple[str, str] = ("Chinese", "White House"),
         links: list[Link] | None = None) -> Comparison:
    """Two readouts as the statements stage leaves them, before any statement is added."""
    a = make_doc([a_sents], lang=lang_a, label="cn-cctv-zh")  # a file name: never what a finding says
    b = make_doc([b_sents], lang=lang_b, label="us-wh-en")
    c = make_comparison(a, b, links=links or [])
    c.names = Names(entities=dict(COUNTRIES))
    c.labels = {"A": labels[0], "B": labels[1]}
    c.sides = {"A": sides[0], "B": sides[1]}
    c.statements = {"A": [], "B": []}
    c.truncated = {"A": False, "B": False}
    c.countries = dict(PEOPLE)
    principal = {"China": "Xi Jinping", "United States": "Joe Biden", "Russia": "Vladimir Putin"}
    c.principals = {"A": principal[sides[0]], "B": principal[sides[1]]}
    return c


def say(c: Comparison, side: str, i: int, speaker: str | None, act: str, topics: list[str], weight: float = 1.0,
        part: str | None = None) -> Statement:
    """A statement of sentence i (or of the part of it given), as the statements stage makes it."""
    s = c.doc(side).sentences[i]
    start = s.start + (s.text.index(part) if part else 0)
    end = start + len(part) if part else s.end
    role = "both" if speaker == BOTH else ("narrator" if speaker is None else "person")
    st = Statement(i, start, end, speaker, topics, act, [], weight, role)  # type: ignore[arg-type]
    c.statements[side].append(st)
    return st


def name(c: Comparison, side: str, i: int, words: str, entity: str) -> None:
    """A lexicon match of a name in sentence i (as the annotate stage gives it)."""
    s = c.doc(side).sentences[i]
    at = s.start + s.text.index(words)
    s.hits.append(TopicHit("", words, at, at + len(words), entity))


def mark(c: Comparison, side: str, i: int, words: str, tone: str) -> None:
    """A tone marker in sentence i, as the annotate stage reads it (in its diplomatic sense)."""
    s = c.doc(side).sentences[i]
    at = s.start + s.text.index(words)
    s.tone_marks.append(ToneMark(tone, words, i, at, at + len(words)))
    s.tone = sorted({m.id for m in s.tone_marks})


# --- attributed -------------------------------------------------------------------------------

def _pledges() -> Comparison:
    c = pair(["拜登表示，美国不寻求“新冷战”，不寻求改变中国体制，不支持“台独”。", "习近平强调，台湾问题是第一条红线。"],
             ["President Biden raised concerns about the PRC's coercive actions toward Taiwan.",
              "He said our one China policy has not changed."])
    say(c, "A", 0, "Joe Biden", "pledge", ["bilateral-relations", "taiwan"])
    say(c, "A", 1, "Xi Jinping", "warn", ["taiwan"])
    say(c, "B", 0, "Joe Biden", "concern", ["taiwan"])
    say(c, "B", 1, "Joe Biden", "assert", ["taiwan"])
    return c


def test_the_pledges_one_readout_puts_in_the_other_leaders_mouth_are_named_in_english():
    found = {f.topic: f for f in attributed_findings(_pledges(), LEX)}
    both = found["bilateral-relations"]
    assert both.kind == "attributed" and both.side == "A" and both.speaker == "Joe Biden"
    assert both.text == ("The Chinese readout has Joe Biden say the United States does not seek a 'new Cold War' "
                         "and does not seek to change China's system; the White House readout has neither.")
    assert [(q.side, q.sentence) for q in both.quotes] == [("A", 0), ("A", 0)]
    assert both.quotes[0].text.startswith("…不寻求“新冷战”")
    # a flashpoint stands alone, with the other readout's own line on it
    taiwan = found["taiwan"]
    assert taiwan.text.startswith("On Taiwan, the Chinese readout has Joe Biden say the United States does not "
                                  "support 'Taiwan independence'; the White House readout has no such line (its own line:")
    assert ("B", 0) in {(e.side, e.sentence) for e in taiwan.evidence}
    assert taiwan.weight > both.weight > 0.9


def test_a_pledge_the_other_readout_carries_is_no_finding():
    c = pair(["拜登表示，美国不寻求“新冷战”，一个中国政策没有改变。"],
             ["President Biden said the United States does not seek a new Cold War.",
              "He said our one China policy has not changed."])
    say(c, "A", 0, "Joe Biden", "pledge", ["bilateral-relations"])
    say(c, "B", 0, "Joe Biden", "pledge", ["bilateral-relations"])
    say(c, "B", 1, "Joe Biden", "assert", ["taiwan"])
    assert attributed_findings(c, LEX) == []


def test_the_other_sides_own_words_in_a_russian_readout_are_attributed_too():
    c = pair(["Си Цзиньпин подтвердил поддержку усилий России по защите суверенитета и безопасности."],
             ["习近平指出，双方要加强合作。"], lang_a="ru", lang_b="zh", sides=("Russia", "China"),
             labels=("Russian", "Chinese"))
    say(c, "A", 0, "Xi Jinping", "pledge", ["bilateral-relations"])
    say(c, "B", 0, "Xi Jinping", "propose", ["bilateral-relations"])
    [f] = attributed_findings(c, LEX)
    assert f.text == ("The Russian readout has Xi Jinping say China supports Russia in defending its sovereignty "
                      "and security; the Chinese readout has no such line.")


def test_positions_in_the_other_sides_mouth_without_a_formula_are_named_by_topic_and_quoted():
    c = pair(["沙利文表示，美方愿同中方加强经贸沟通。"], ["Mr. Sullivan discussed the economy."])
    c.countries["沙利文"] = "US"
    say(c, "A", 0, "沙利文", "propose", ["trade-economy"])
    say(c, "B", 0, "Joe Biden", "assert", ["trade-economy"])
    [f] = attributed_findings(c, LEX)
    assert f.text == ("The Chinese readout has 沙利文 state positions on trade (“美方愿同中方加强经贸沟通”); "
                      "the White House readout has no such line.")
    assert f.weight < 0.9  # a named pledge weighs more


def test_congratulations_the_speakers_own_readout_words_otherwise_are_carried():
    c = pair(["Си Цзиньпин поздравил Путина с успешным голосованием по поправкам в Конституцию."],
             ["习近平指出，俄方顺利举行全民投票，高票通过宪法修正案。"], lang_a="ru", lang_b="zh",
             sides=("Russia", "China"), labels=("Russian", "Chinese"))
    say(c, "A", 0, "Xi Jinping", "thank", ["domestic-politics"])
    say(c, "B", 0, "Xi Jinping", "assert", ["domestic-politics"])
    assert attributed_findings(c, LEX) == []
    c.statements["B"][0].topics = ["bilateral-relations"]  # Xi speaks of something else: not carried
    [f] = attributed_findings(c, LEX)
    assert f.text == "The Russian readout has Xi Jinping congratulate Vladimir Putin; the Chinese readout has no such line."


def test_stock_formulas_are_found_in_english_chinese_and_russian():
    assert [m.formula.id for m in find("美方无意寻求同中国“脱钩”，无意围堵中国。", "zh")] == ["no-decoupling", "no-containment"]
    assert [m.formula.id for m in find("The United States does not support Taiwan independence.", "en")] == [
        "no-taiwan-independence"]
    assert [m.formula.id for m in find("Стороны договорились о визите министра.", "ru")] == ["visit"]
    # the words of the formula, as written, with the quotation marks where they stand
    text = "不寻求“新冷战”"
    [m] = find(text, "zh")
    assert text[m.start:m.end] == "不寻求“新冷战"


# --- framing -----------------------------------------------------------------------------------

def test_a_flashpoint_framed_in_opposite_terms_quotes_both_sides():
    c = _pledges()
    [f] = framing_findings(c, LEX)
    assert f.kind == "framing" and f.topic == "taiwan" and f.side is None
    assert f.text == ("Both readouts take up Taiwan in opposite terms: the Chinese readout has Xi Jinping issue "
                      "a warning: “台湾问题是第一条红线”; the White House readout has Joe Biden voice concern: "
                      "“President Biden raised concerns about the PRC's coercive actions toward Taiwan”.")
    assert [(q.side, q.sentence) for q in f.quotes] == [("A", 1), ("B", 0)]
    assert {(e.side, e.sentence) for e in f.evidence} == {("A", 1), ("B", 0)}


def test_allies_taking_the_same_line_frame_nothing():
    c = pair(["Россия выступает против гегемонизма."], ["中方反对霸权主义。"], lang_a="ru", lang_b="zh",
             sides=("Russia", "China"), labels=("Russian", "Chinese"), links=[Link([0], [0], 0.7, "related")])
    say(c, "A", 0, "Vladimir Putin", "oppose", ["international-order"])
    say(c, "B", 0, "Xi Jinping", "oppose", ["international-order"])
    assert framing_findings(c, LEX) == []
    c.links = []  # not the same passage: each opposes something else
    assert len(framing_findings(c, LEX)) == 1


def test_a_charge_against_a_position_is_framed_differently():
    c = pair(["习近平指出，人权问题是中国内政。"], ["President Biden raised concerns about human rights in China."])
    say(c, "A", 0, "Xi Jinping", "assert", ["human-rights"])
    say(c, "B", 0, "Joe Biden", "concern", ["human-rights"])
    [f] = framing_findings(c, LEX)
    assert f.side == "B" and f.text.startswith("The readouts frame Human-rights differently: the White House "
                                               "readout has Joe Biden voice concern:")


def test_a_red_line_makes_a_statement_a_warning_whatever_its_act():
    c = pair(["习近平表示，台湾问题是中美关系第一条不可逾越的红线。"], ["President Biden raised concerns about Taiwan."])
    mark(c, "A", 0, "红线", "core-interests")
    say(c, "A", 0, "Xi Jinping", "assert", ["taiwan"])
    say(c, "B", 0, "Joe Biden", "concern", ["taiwan"])
    [f] = framing_findings(c, LEX)
    assert f.side is None and "the Chinese readout has Xi Jinping issue a warning: “台湾问题是中美关系第一条不可逾越的红线”" in f.text


# --- commitments -------------------------------------------------------------------------------

def test_agreement_is_an_act_not_a_word():
    c = pair(["双方同意开展气候变化对话。"], ["The leaders welcomed the Paris Agreement on climate."])
    say(c, "A", 0, BOTH, "agree", ["climate-energy"])
    say(c, "B", 0, BOTH, "assert", ["climate-energy"])  # a document's name, not an agreement
    [f] = commitment_findings(c, LEX)
    assert f.kind == "commitment" and f.side == "A" and f.topic == "climate-energy"
    assert f.text.startswith("Only the Chinese readout reports that the two sides agreed on a dialogue on climate ")
    assert f.text.endswith("the White House readout has no such agreement.")


def test_a_joint_statement_with_the_consensus_marker_is_an_agreement():
    c = pair(["两国元首一致认为，应加强气候合作。"], ["They talked about climate."])
    mark(c, "A", 0, "一致认为", "consensus")
    say(c, "A", 0, BOTH, "assert", ["climate-energy"])
    say(c, "B", 0, BOTH, "assert", ["climate-energy"])
    [f] = commitment_findings(c, LEX)
    assert f.side == "A" and f.topic == "climate-energy"


def test_an_agreement_both_readouts_report_is_no_finding():
    c = pair(["双方同意开展气候变化对话。"], ["The two sides committed to cooperate on climate."])
    say(c, "A", 0, BOTH, "agree", ["climate-energy"])
    say(c, "B", 0, BOTH, "agree", ["climate-energy"])
    assert commitment_findings(c, LEX) == []


def test_a_follow_up_only_one_side_announces_is_named():
    c = pair(["两国元首同意保持经常性联系。"],
             ["The leaders agreed to stay in regular contact.", "Secretary Blinken will visit China to follow up."])
    say(c, "A", 0, BOTH, "agree", ["leader-diplomacy"])
    say(c, "B", 0, BOTH, "agree", ["leader-diplomacy"])
    say(c, "B", 1, None, "follow-up", ["leader-diplomacy"])
    [f] = commitment_findings(c, LEX)
    assert f.side == "B" and "agreed on a visit" in f.text and f.weight > 0.8


def test_one_leaders_proposal_of_what_both_should_do_is_no_agreement():
    c = pair(["习近平指出，中美应该就宏观经济政策保持沟通。"], ["The leaders discussed the economy."])
    say(c, "A", 0, "Xi Jinping", "follow-up", ["trade-economy"])
    assert commitment_findings(c, LEX) == []


def test_the_items_of_one_list_sentence_are_one_agreement():
    c = pair(["两国元首通了电话。"], ["The leaders tasked their teams to follow up on climate change and health security."])
    for part, topic in (("The leaders tasked their teams to follow up on ", "leader-diplomacy"),
                        ("climate change and ", "climate-energy"), ("health security.", "public-health")):
        say(c, "B", 0, BOTH, "follow-up", [topic], weight=1 / 3, part=part)
    [f] = commitment_findings(c, LEX)
    assert f.text.startswith("Only the White House readout reports that the two sides agreed on climate and health")
    assert [q.text for q in f.quotes] == ["The leaders tasked their teams to follow up on climate change and…"]


def test_an_agreement_on_a_flashpoint_stands_alone():
    c = pair(["双方同意加强经贸合作。"], ["The two presidents agreed that a nuclear war must never be fought.",
                                 "They agreed on working groups on Ukraine."])
    say(c, "A", 0, BOTH, "agree", ["trade-economy"])
    say(c, "B", 0, BOTH, "agree", ["nuclear-weapons"])
    say(c, "B", 1, BOTH, "agree", ["ukraine"])
    found = {(f.side, f.topic) for f in commitment_findings(c, LEX)}
    assert found == {("A", "trade-economy"), ("B", "nuclear-weapons"), ("B", "ukraine")}


# --- blame -------------------------------------------------------------------------------------

def test_one_side_blaming_the_other_for_the_state_of_affairs():
    c = pair(["习近平指出，美方的政策给中美关系造成了严重困难。"], ["The leaders discussed the relationship."])
    name(c, "A", 0, "美方", "country:US")
    say(c, "A", 0, "Xi Jinping", "blame", ["bilateral-relations"])
    say(c, "B", 0, BOTH, "assert", ["bilateral-relations"])
    [f] = blame_findings(c, set())
    assert f.kind == "blame" and f.side == "A" and f.speaker == "Xi Jinping"
    assert f.text == ("The Chinese readout has Xi Jinping blame the United States: “美方的政策给中美关系造成了严重困难”; "
                      "the White House readout voices no such charge.")


def test_unnamed_charges_beside_charges_at_the_other_side_are_one_finding():
    c = pair(["习近平指出，两国关系的困境是一些人造成的。", "美方误判了中方的战略意图。"], ["The leaders met."])
    name(c, "A", 1, "美方", "country:US")
    say(c, "A", 0, "Xi Jinping", "blame", ["bilateral-relations"])
    say(c, "A", 1, "Xi Jinping", "blame", [])
    [f] = blame_findings(c, set())
    # the charge quoted is the one that names whom it blames
    assert f.text.startswith("The Chinese readout has Xi Jinping blame the United States: “美方误判了中方的战略意图” "
                             "and 1 more such charge")
    assert f.topic == "bilateral-relations" and [e.sentence for e in f.evidence] == [0, 1]


def test_an_assurance_naming_the_other_country_is_no_blame():
    c = pair(["习近平指出，中国不干涉美国内政。"], ["The leaders discussed the relationship."])
    name(c, "A", 0, "美国", "country:US")
    say(c, "A", 0, "Xi Jinping", "blame", ["bilateral-relations"])  # a misread act
    assert blame_findings(c, set()) == []


def test_a_charge_on_a_framed_topic_is_said_by_the_framing():
    c = pair(["习近平指出，美方在台湾问题上的做法造成了紧张。"], ["Biden raised concerns about Taiwan."])
    name(c, "A", 0, "美方", "country:US")
    say(c, "A", 0, "Xi Jinping", "blame", ["taiwan"])
    assert blame_findings(c, {"taiwan"}) == []


# --- omission, share, lede, voice over statements ------------------------------------------------

def stat(topic: str, a: list[int], b: list[int], share_a: float, share_b: float,
         rank_a: int | None = None, rank_b: int | None = None) -> TopicStat:
    return TopicStat(topic, topic, {"A": a, "B": b}, {"A": [], "B": []}, {"A": share_a, "B": share_b},
                     {"A": 0.1 if a else None, "B": 0.1 if b else None}, {"A": rank_a, "B": rank_b}, topic)


def test_omissions_from_one_list_sentence_are_one_finding():
    c = pair(["两国元首就经贸问题交换了意见。"],
             ["They discussed Ukraine, the DPRK and the Middle East.", "They discussed trade."])
    c.topics = [stat("ukraine", [], [0], 0, 0.1), stat("korean-peninsula", [], [0], 0, 0.1),
                stat("middle-east", [], [0], 0, 0.1), stat("trade-economy", [0], [1], 0.5, 0.5, 1, 2)]
    found = [f for f in fnd.readout_topic_findings(c, LEX) if f.kind == "omission"]
    assert len(found) == 1
    assert found[0].text.startswith("Only the White House readout mentions Ukraine, Korean-peninsula and Middle-east, "
                                    "all in one sentence")


def test_the_relationship_and_the_meeting_are_never_only_one_sides():
    c = pair(["双方讨论了两国关系。"], ["They met."])
    c.topics = [stat("bilateral-relations", [0], [], 0.9, 0), stat("leader-diplomacy", [0], [], 0.9, 0)]
    assert fnd.readout_topic_findings(c, LEX) == []


def test_a_topic_the_other_side_names_as_one_item_of_a_list_is_no_omission():
    c = pair(["双方同意在气候、卫生、禁毒等领域开展合作。"], ["The two sides discussed health at length."])
    c.topics = [stat("public-health", [], [0], 0, 0.6)]
    say(c, "A", 0, BOTH, "agree", ["climate-energy", "public-health", "counternarcotics"], weight=1 / 3)
    assert [f for f in fnd.readout_topic_findings(c, LEX) if f.kind == "omission"] == []


def test_what_a_cut_off_text_lacks_says_so_or_is_dropped_when_its_missing_tail_explains_it():
    c = pair(["两国外长通了电话。", "双方讨论了经贸问题，王毅表示"],
             ["The ministers spoke.", "They discussed trade.", "They discussed Ukraine."],
             links=[Link([0], [0], 0.9, "related"), Link([1], [1], 0.8, "related")])
    c.truncated = {"A": True, "B": False}
    c.topics = [stat("ukraine", [], [2], 0, 0.2), stat("climate-energy", [], [0], 0, 0.3)]
    texts = [f.text for f in fnd.readout_topic_findings(c, LEX) if f.kind == "omission"]
    # Ukraine comes after everything the stored Chinese text reached: its missing tail explains it
    assert texts == ["Only the White House readout mentions climate-energy: 1 sentence, 30% of its text "
                     "(the Chinese readout's text is cut off: this may be in its missing part)."]


def test_a_share_gap_of_one_list_item_or_of_a_frame_topic_is_no_finding():
    lexicon = type("L", (FakeLexicon,), {"topic_salience": lambda self, t: "low" if t == "bilateral-relations"
                                         else "normal"})()
    c = pair(["两国元首讨论了卫生问题。", "双方讨论了两国关系。"], ["They discussed health, climate and trade.", "Ties."])
    c.topics = [stat("public-health", [0], [0], 0.05, 0.3, 1, 1), stat("bilateral-relations", [1], [1], 0.5, 0.1, 2, 2)]
    say(c, "B", 0, BOTH, "assert", ["public-health", "climate-energy", "trade-economy"], weight=1 / 3)
    assert [f for f in fnd.readout_topic_findings(c, lexicon) if f.kind == "share"] == []
    say(c, "B", 0, BOTH, "assert", ["public-health"])  # a statement of its own: a real gap
    assert [f.topic for f in fnd.readout_topic_findings(c, lexicon) if f.kind == "share"] == ["public-health"]


def test_the_lede_is_the_first_substantive_statement_not_the_headline():
    c = pair(["习近平同拜登通电话。", "习近平指出，台湾问题是核心。", "双方讨论了经贸。"],
             ["Readout of the call.", "The leaders discussed trade.", "They discussed climate.", "And Taiwan."])
    c.ledes = {"A": "taiwan", "B": "trade-economy"}
    c.topics = [stat("taiwan", [1], [3], 0.4, 0.1, 1, 3), stat("trade-economy", [2], [1], 0.2, 0.4, 2, 1)]
    say(c, "A", 0, None, "opening", ["leader-diplomacy"])
    say(c, "A", 1, "Xi Jinping", "assert", ["taiwan"])
    [f] = [f for f in fnd.readout_topic_findings(c, LEX) if f.kind == "prominence"]
    assert f.text == "The Chinese readout leads with taiwan, only the 3rd topic of the White House readout."
    assert [(e.side, e.sentence) for e in f.evidence] == [("A", 1), ("B", 3)]


def test_voice_says_what_each_side_reports_of_whom():
    c = pair(["习近平指出，一。", "习近平强调，二。", "拜登表示，三。"], ["President Biden said four.", "He said five."])
    say(c, "A", 0, "Xi Jinping", "assert", ["bilateral-relations"])
    say(c, "A", 1, "Xi Jinping", "assert", ["bilateral-relations"])
    say(c, "A", 2, "Joe Biden", "assert", ["bilateral-relations"])
    say(c, "B", 0, "Joe Biden", "assert", ["bilateral-relations"])
    say(c, "B", 1, "Joe Biden", "assert", ["bilateral-relations"])
    [f] = fnd.voice_findings(c)
    assert f.text == ("The Chinese readout gives Joe Biden 1 of its 3 statements (Xi Jinping 2); "
                      "the White House readout reports no statement by Xi Jinping alone.")
    assert f.side == "A" and f.speaker == "Joe Biden"


# --- tone, distinctive, names --------------------------------------------------------------------

def test_a_tone_finding_carries_its_marker_and_quotes_the_words():
    c = pair(["The talks were candid."], ["The talks were friendly."], lang_a="en")
    c.tone = {"A": c.a.sentences[0].tone_marks, "B": c.b.sentences[0].tone_marks}
    found = {f.side: f for f in fnd.tone_findings(c, LEX)}
    assert found["A"].marker == "candid" and [(q.side, q.sentence, q.text) for q in found["A"].quotes] == [
        ("A", 0, "candid")]


def test_distinctive_words_read_as_english_and_none_across_languages():
    from viewer.model import Term

    c = pair(["Sovereignty first."], ["Allies matter."], lang_a="en")
    c.distinctive = {"A": [Term("sovereignty", 2.5, 5, [0]), Term("hegemony", 2.1, 3, [0])],
                     "B": [Term("allies", 2.2, 4, [0])]}
    [f] = fnd.distinctive_findings(c)
    assert f.text == ("The Chinese readout's most distinctive terms: sovereignty, hegemony; "
                      "the White House readout's: allies.")
    c.b.language = "zh"
    assert fnd.distinctive_findings(c) == []


def test_findings_name_the_sides_as_an_analyst_does_never_by_file_name():
    c = _pledges()
    c.topics = []
    texts = " ".join(f.text for f in all_findings(c, LEX))
    assert "the Chinese readout" in texts and "the White House readout" in texts
    assert "cn-cctv" not in texts and "us-wh" not in texts


# --- the JSON and the terminal summary -------------------------------------------------------------

def test_json_findings_carry_kind_speaker_evidence_quotes_and_the_tone_marker():
    from viewer.report.json_out import to_dict

    c = _pledges()
    c.topics = []
    c.tone = {"A": [], "B": c.b.sentences[0].tone_marks}
    c.findings = all_findings(c, LEX) + [
        Finding("tone", 0.5, "Only …", [Evidence("B", 0)], side="B", marker="concern", quotes=[Quote("B", 0, "concerns")])]
    data = to_dict(c)["findings"]
    attributed = next(f for f in data if f["kind"] == "attributed" and f["topic"] == "taiwan")
    assert attributed["side"] == "A" and attributed["speaker"] == "Joe Biden"
    assert {"side": "A", "sentence": 0} in attributed["evidence"]
    assert attributed["quotes"][0] == {"side": "A", "sentence": 0, "text": attributed["quotes"][0]["text"]}
    assert "台独" in attributed["quotes"][0]["text"]
    framing = next(f for f in data if f["kind"] == "framing")
    assert {q["side"] for q in framing["quotes"]} == {"A", "B"} and framing["topic"] == "taiwan"
    assert all("marker" not in f for f in data if f["kind"] != "tone")
    tone = next(f for f in data if f["kind"] == "tone")
    assert tone["marker"] == "concern" and tone["quotes"] == [{"side": "B", "sentence": 0, "text": "concerns"}]


def test_the_terminal_summary_shows_the_kind_and_the_quotes_its_text_does_not_hold():
    from viewer.report.terminal import summary

    c = _pledges()
    c.topics = []
    c.findings = all_findings(c, LEX)
    out = summary(c)
    assert "[attributed] On Taiwan, the Chinese readout has Joe Biden say" in " ".join(out.split())
    assert "A0: “…不寻求“新冷战”" in out  # a quote the attributed finding keeps beside its English text

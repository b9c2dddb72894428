"""The domain glossary: concepts keyed by an English pivot, matched on lemmas and stems."""

import pytest

from viewer.align import glossary as g
from viewer.model import Readout
from viewer.text import segment


def sentence(text, lang):
    return segment(Readout(text, language=lang)).sentences[0]


def pivots_of(gl, text, lang):
    s = sentence(text, lang)
    return {t.text: found for t, found in zip(s.tokens, gl.match(s), strict=True) if found}


def test_parse_reads_pivots_and_terms_and_skips_comments():
    text = "# speech: verbs of saying; licence CC0-1.0\n\nstress\tstress | underline  # a note\nagree\tagree\n"
    assert g.parse(text, "x.tsv") == [("stress", "stress"), ("stress", "underline"), ("agree", "agree")]


@pytest.mark.parametrize("line", ["stress stress", "\tstress", "stress\t  |  "])
def test_a_malformed_line_names_its_file_and_line(line):
    with pytest.raises(g.GlossaryError, match=r"x\.tsv, line 2"):
        g.parse(f"# header\n{line}\n", "x.tsv")


def test_terms_match_in_sequence_over_function_words_and_inflections():
    gl = g.Glossary("en", [("exchange of views", "exchange of views"), ("climate change", "climate change")])
    found = pivots_of(gl, "The two leaders exchanged views on climate change and change.", "en")
    assert found == {"exchanged": {"exchange of views"}, "views": {"exchange of views"},
                     "climate": {"climate change"}, "change": {"climate change"}}


def test_russian_terms_match_by_lemma():
    gl = g.Glossary("ru", [("exchange of views", "обменяться мнениями"), ("stress", "подчеркнуть")])
    found = pivots_of(gl, "Стороны обменялись мнениями, было подчёркнуто значение встречи.", "ru")
    assert found == {"обменялись": {"exchange of views"}, "мнениями": {"exchange of views"},
                     "подчёркнуто": {"stress"}}


def test_chinese_terms_match_whole_words_only():
    gl = g.Glossary("zh", [("china-us", "中美"), ("exchange of views", "交换看法")])
    assert pivots_of(gl, "两国元首坦诚交换了看法。", "zh") == {"交换": {"exchange of views"}, "看法": {"exchange of views"}}
    assert pivots_of(gl, "他访问了中美洲。", "zh") == {}


def test_a_negation_is_never_stepped_over():
    gl = g.Glossary("en", [("share the view", "share the view"), ("disagree", "not share")])
    assert pivots_of(gl, "They did not share it.", "en") == {"not": {"disagree"}, "share": {"disagree"}}
    assert pivots_of(gl, "They share the view.", "en") == {"share": {"share the view"}, "view": {"share the view"}}


def test_a_term_of_function_words_only_matches_them_as_written():
    gl = g.Glossary("en", [("must", "must"), ("must", "have to")])
    assert pivots_of(gl, "Both sides must act.", "en") == {"must": {"must"}}


def test_cedict_glosses_reach_the_pivots_of_the_english_glossary():
    assert "closely" in g.cedict_pivots("密切")  # glossed "close", a term of strength.tsv's "closely"
    assert g.cedict_pivots("会") == frozenset()  # one character: too ambiguous


def test_the_shipped_strength_glossary_has_one_set_of_pivots_in_every_language():
    pivots = {}
    for lang in ("en", "fr", "es", "ru", "zh"):
        [path] = [p for p in g.files(lang) if p.name == "strength.tsv"]
        pivots[lang] = {pivot for pivot, _ in g.parse(path.read_text(encoding="utf-8"), str(path))}
    assert all(p == pivots["en"] for p in pivots.values())
    assert "licence CC0-1.0" in path.read_text(encoding="utf-8").splitlines()[0]


def test_a_glossary_read_back_from_the_cache_folder_matches_as_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTERPART_CACHE", str(tmp_path))
    built = g.glossary.__wrapped__("ru")  # past the per-process cache: built and stored
    assert (tmp_path / "glossary-ru.pickle").is_file()
    monkeypatch.setattr(g, "_build", lambda *args: pytest.fail("rebuilt although the cached one is fresh"))
    read = g.glossary.__wrapped__("ru")
    s = sentence("Стороны обменялись мнениями о поправках к Конституции.", "ru")
    assert read.match(s) == built.match(s) and {"exchange of views", "constitutional amendment"} <= set().union(*read.match(s))


def test_a_term_of_one_content_word_among_function_words_matches_them_as_written():
    gl = g.Glossary("en", [("in line with", "in line with"), ("both countries", "both countries"),
                           ("exchange of views", "exchange of views")])
    assert pivots_of(gl, "They kept open lines of communication between the countries.", "en") == {}
    assert pivots_of(gl, "It is in line with the interests of both countries.", "en") == {
        "in": {"in line with"}, "line": {"in line with"}, "with": {"in line with"},
        "both": {"both countries"}, "countries": {"both countries"}}
    assert pivots_of(gl, "They exchanged their views.", "en") == {"exchanged": {"exchange of views"},
                                                                   "views": {"exchange of views"}}


def test_a_gloss_does_not_reach_a_term_whose_function_words_carry_its_sense():
    # 利益 "interest" is no rendering of "in the interests of", 秩序 "state" none of "as stated by"
    assert "interests" in g.cedict_pivots("利益") and "in line with" not in g.cedict_pivots("利益")
    assert "order" in g.cedict_pivots("秩序") and "according to" not in g.cedict_pivots("秩序")


def test_a_chinese_compound_term_is_reached_by_its_head():
    gl = g.Glossary("zh", [("all-russian vote", "修宪全民投票"), ("constitutional amendment", "修宪"),
                           ("welcome ceremony", "欢迎仪式"), ("welcome", "欢迎")])
    # 修宪 opens the term and is a concept of its own: 全民投票 alone is the vote
    assert pivots_of(gl, "俄罗斯举行了全民投票。", "zh") == {"全民投票": {"all-russian vote"}}
    assert pivots_of(gl, "仪式在北京举行。", "zh") == {}  # a head of two characters is too general


def test_a_sides_views_are_its_position_in_the_shipped_glossary():
    # "outlined the views of the United States" is what 介绍了美方的立场 reports
    en = pivots_of(g.glossary("en"), "President Biden outlined the views of the United States.", "en")
    zh = pivots_of(g.glossary("zh"), "拜登介绍了美方的立场。", "zh")
    assert "position" in en["views"] and "position" in zh["立场"]

"""Property tests: any text, however odd (random Unicode, right-to-left scripts, emoji,
combining marks, punctuation alone, one word), goes through the analysis, the JSON writer and
the brief without an exception. Few examples in the suite; `make fuzz` runs many more
(FUZZ_EXAMPLES)."""

from __future__ import annotations

import io
import json
import os

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.analysis import compare
from viewer.model import Annotation, Readout
from viewer.report.brief import brief_bytes
from viewer.report.json_out import to_dict

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from([
    "the", "talks", "frank", "U.S.", "2024", "переговоры", "Лавров", "élargi", "双方", "同意", "中美关系",
    "السلام", "המשא", "ומתן", "👍", "🇺🇦", "👨‍👩‍👧", "é", "e\u0301", "a\u0308\u0323", "\u200f", "\u202e",
    "ﷺ", "Ⅻ", "𝔗𝔥𝔢", "\ufeff", "\u00ad", "Mr.", "etc.", "т.д.", "—", "...", "!!!", "?", "。", "，", "«»",
])
GAPS = st.sampled_from([" ", ", ", ". ", "  ", "\n", "\n\n", "; ", "", "\t", "\u3000", "\u2029", "\r\n"])
BUILT = st.lists(st.tuples(WORDS, GAPS), min_size=1, max_size=40).map(lambda ps: "".join(w + g for w, g in ps))
PUNCTUATION = st.text(alphabet=".,;:!?…—–-()[]«»“”\"'。，、！？ ", min_size=1, max_size=60)
ONE_WORD = WORDS
ANY = st.text(min_size=1, max_size=200)
TEXTS = st.one_of(BUILT, PUNCTUATION, ONE_WORD, ANY).filter(lambda t: t.strip())


def _compare(a: str, b: str, mode):
    return compare(Readout(a, label="A"), Readout(b, label="B"), mode=mode)


@FUZZ
@given(TEXTS, TEXTS, st.sampled_from([None, "readouts", "versions"]))
def test_any_pair_of_texts_is_analysed_and_written_as_json(a, b, mode):
    c = _compare(a, b, mode)
    data = json.dumps(to_dict(c), ensure_ascii=False).encode("utf-8")
    back = json.loads(data)
    for side, text in (("A", a), ("B", b)):
        for s in back["readouts"][side]["sentences"]:
            assert text[s["start"]:s["end"]] == s["text"]


@FUZZ
@given(TEXTS, TEXTS, st.data())
def test_any_pair_of_texts_makes_a_brief_with_notes(a, b, data):
    c = _compare(a, b, None)
    side = data.draw(st.sampled_from(["A", "B"]))
    text = c.doc(side).text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    notes = [Annotation(side, start, end, text[start:end], data.draw(st.text(max_size=30)), id="n1")]
    document = docx.Document(io.BytesIO(brief_bytes(c, notes=notes, title=data.draw(st.text(max_size=30)))))
    assert document.paragraphs

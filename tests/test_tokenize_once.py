"""Each sentence is tokenized once, by segmentation; later stages (lexicon, alignment, word
diffs, coverage, voice, findings) read its tokens instead of tokenizing it again."""

from __future__ import annotations

import sys
from collections import Counter

from viewer.analysis import compare
from viewer.model import Readout
from viewer.text import tokens

A = ("Secretary Rivera met Foreign Minister Chen in Geneva on Monday. The two sides discussed trade, "
     "climate change and the situation in the Taiwan Strait. Rivera raised concerns about human rights. "
     "They agreed to keep open channels of communication.")
B = ("Foreign Minister Chen met Secretary Rivera in Geneva. The two sides discussed trade and climate change "
     "in depth. Chen said China firmly opposes interference in its internal affairs. They agreed to keep "
     "channels of communication open.")


def test_every_sentence_is_tokenized_once(monkeypatch):
    calls: Counter[str] = Counter()
    real = tokens.tokenize

    def counted(text, lang, offset=0):
        calls[text] += 1
        return real(text, lang, offset)

    for module in [m for name, m in sys.modules.items() if name.startswith("viewer")]:
        if getattr(module, "tokenize", None) is real:
            monkeypatch.setattr(module, "tokenize", counted)
    c = compare(Readout(A, label="A"), Readout(B, label="B"))
    sentences = [s.text for doc in (c.a, c.b) for s in doc.sentences]
    assert any(link.diff and link.kind == "reworded" for link in c.links)  # the word diffs ran
    assert all(calls[text] == 1 for text in sentences), {t: calls[t] for t in sentences if calls[t] != 1}
    # nor are sentences tokenized again inside longer texts (a link's joined sentences)
    assert not [t for t in calls if t not in sentences and any(s in t for s in sentences)]

"""A small Comparison built by hand, so the window can be tested without the analysis."""

from __future__ import annotations

from viewer.model import Comparison, Document, Evidence, Finding, Link, Readout, Sentence
from viewer.wording import word_diff

A_SENTENCES = [
    "The foreign ministers of Ruritania and Freedonia met in Lisbon on Tuesday.",
    "They held a candid exchange of views on trade and on fishing rights in the northern sea.",
    "The two sides agreed to restore direct flights before the summer season.",
    "Minister Vale raised the case of three detained Ruritanian journalists.",
    "Both ministers welcomed the new grain corridor.",
]
B_SENTENCES = [
    "The foreign ministers of Ruritania and Freedonia met in Lisbon on Tuesday.",
    "The two sides agreed to resume direct flights before the summer season.",
    "They held an in-depth and frank exchange of views on trade and on fishing rights.",
    "Minister Osk stressed that sanctions harm ordinary people on both sides.",
    "Both ministers welcomed the new grain corridor.",
]


def make_document(label: str, sentences: list[str], language: str = "en") -> Document:
    """One paragraph per two sentences, offsets exact: text[start:end] == sentence text."""
    text, spans, paragraphs = "", [], []
    for k, s in enumerate(sentences):
        if k:
            text += "\n\n" if k % 2 == 0 else " "
        spans.append((len(text), len(text) + len(s)))
        text += s
    sents = []
    para_start = 0
    for k, (start, end) in enumerate(spans):
        sents.append(Sentence(i=k, paragraph=k // 2, start=start, end=end, text=text[start:end], language=language))
        if k % 2 == 1 or k == len(spans) - 1:
            paragraphs.append((para_start, end))
            para_start = end + 2
    # a source (a file that need not exist) makes the texts opened, not pasted: no unsaved work
    readout = Readout(text=text, label=label, source=f"{label.lower()}.txt")
    return Document(readout=readout, language=language, sentences=sents, paragraphs=paragraphs)


def make_comparison() -> Comparison:
    a = make_document("Ruritania", A_SENTENCES)
    b = make_document("Freedonia", B_SENTENCES)
    a.sentences[1].topics = ["trade-economy"]
    a.sentences[1].tone = ["candid"]
    links = [
        Link(a=[0], b=[0], score=1.0, kind="identical", diff=[(0, A_SENTENCES[0])]),
        # crossing pair: A1 <-> B2 and A2 <-> B1
        Link(a=[1], b=[2], score=0.71, kind="moved", diff=word_diff(A_SENTENCES[1], B_SENTENCES[2], "en")),
        Link(a=[2], b=[1], score=0.9, kind="reworded", diff=word_diff(A_SENTENCES[2], B_SENTENCES[1], "en")),
        Link(a=[4], b=[4], score=1.0, kind="identical", diff=[(0, A_SENTENCES[4])]),
    ]
    findings = [
        Finding(kind="omission", weight=0.9, text="Only A mentions the detained journalists.",
                evidence=[Evidence("A", 3)], side="A"),
        Finding(kind="tone", weight=0.5, text="A calls the exchange candid; B calls it frank.",
                evidence=[Evidence("A", 1), Evidence("B", 2)]),
        Finding(kind="omission", weight=0.4, text="Only B mentions sanctions.",
                evidence=[Evidence("B", 3)], side="B"),
    ]
    return Comparison(mode="readouts", a=a, b=b, links=links, unmatched={"A": [3], "B": [3]}, findings=findings)


def long_comparison(repeat: int = 12) -> Comparison:
    """The small pair repeated, so the panes must scroll."""
    base = make_comparison()
    a = make_document("Ruritania", A_SENTENCES * repeat)
    b = make_document("Freedonia", B_SENTENCES * repeat)
    n = len(A_SENTENCES)
    links = [Link(a=[i + k * n for i in link.a], b=[j + k * n for j in link.b], score=link.score,
                  kind=link.kind, diff=link.diff) for k in range(repeat) for link in base.links]
    unmatched = {side: [i + k * n for k in range(repeat) for i in base.unmatched[side]] for side in ("A", "B")}
    last = (repeat - 1) * n
    findings = [Finding(kind="omission", weight=0.9, text="Only A mentions the journalists, late.",
                        evidence=[Evidence("A", last + 3)], side="A"),
                Finding(kind="tone", weight=0.5, text="Candid against frank, late in both.",
                        evidence=[Evidence("A", last + 1), Evidence("B", last + 2)])]
    return Comparison(mode="readouts", a=a, b=b, links=links, unmatched=unmatched, findings=findings)


def shown_window(qtbot, width: int = 1200, height: int = 600):
    """A main window on screen (offscreen), closed with the test."""
    from viewer.app.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    return w

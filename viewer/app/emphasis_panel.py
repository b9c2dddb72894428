"""The Emphasis tab: topic shares, order of topics, voice, tone markers and distinctive words,
side A against side B. Clicking a topic asks the window to show its sentences; clicking a tone
chip or a distinctive word asks it to show the sentences it comes from."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.app import palette
from viewer.app.charts import SIDE_COLOUR, BarRow, DivergingBars, SlopeChart, SlopeRow
from viewer.model import NARRATOR, SIDES, Comparison, Evidence, Side, TopicStat


class EmphasisPanel(QScrollArea):
    topicClicked = Signal(str)  # topic id
    evidenceRequested = Signal(list)  # list[Evidence]: sentences behind a tone chip or a word

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.comparison: Comparison | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.placeholder = QLabel(self.tr("Open two texts to see how each side weighs the topics."), body)
        self.placeholder.setWordWrap(True)
        layout.addWidget(self.placeholder)

        self.shares = DivergingBars(body)
        self.order = SlopeChart(body)
        self.voice = DivergingBars(body)
        self.tone = {side: self._chip_list(body) for side in SIDES}
        self.words = {side: self._word_list(body) for side in SIDES}
        self.sections: list[QWidget] = []
        self._section(layout, self.tr("Share of text per topic"), self.shares, self.tr(
            "Share of each side's words in sentences on a topic. Hatched: only touched in passing."))
        self._section(layout, self.tr("Order of topics"), self.order, self.tr(
            "Rank of first mention in A (left) and B (right); a steep line is a topic one side leads "
            "with and the other buries."))
        self._section(layout, self.tr("Voice"), self.voice, self.tr(
            "Share of sentences attributed to each speaker."))
        self._section(layout, self.tr("Tone markers"), self._pair(self.tone), self.tr(
            "Conventional diplomatic words; hover for their usual reading, click to show them."))
        self._section(layout, self.tr("Distinctive words"), self._pair(self.words), self.tr(
            "Words one text uses far more often than the other; hover a word for the statistic. "
            "Across two languages, the topics, names and tone markers instead."))
        layout.addStretch(1)
        self.setWidget(body)

        self.shares.clicked.connect(self._topic)
        self.order.clicked.connect(self._topic)
        for side in SIDES:
            self.tone[side].itemClicked.connect(lambda item, s=side: self._tone_clicked(s, item))
            self.words[side].itemClicked.connect(self._word_clicked)
        self.set_comparison(None)

    # --- construction ---------------------------------------------------------------------
    def _section(self, layout: QVBoxLayout, title: str, widget: QWidget, tip: str) -> None:
        head = QLabel(f"<b>{title}</b>", self)
        head.setToolTip(tip)
        layout.addWidget(head)
        layout.addWidget(widget)
        self.sections += [head, widget]

    def _pair(self, widgets: dict[Side, QWidget]) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for col, side in enumerate(SIDES):
            head = QLabel(side, box)
            head.setStyleSheet(f"color: {SIDE_COLOUR[side].name()}; font-weight: bold")
            grid.addWidget(head, 0, col)
            grid.addWidget(widgets[side], 1, col, Qt.AlignmentFlag.AlignTop)
        return box

    def _chip_list(self, parent: QWidget) -> QListWidget:
        chips = QListWidget(parent)
        chips.setSpacing(2)
        chips.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return chips

    def _word_list(self, parent: QWidget) -> QTreeWidget:
        words = QTreeWidget(parent)
        words.setHeaderLabels([self.tr("Word"), self.tr("How distinctive"), self.tr("Uses")])
        words.setRootIsDecorated(False)
        words.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        words.setWordWrap(True)
        header = words.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        words.setFont(palette.text_font(self.font().pointSize()))
        return words

    # --- content ----------------------------------------------------------------------------
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.placeholder.setVisible(comparison is None)
        for w in self.sections:
            w.setVisible(comparison is not None)
        if comparison is None:
            return
        self.shares.set_rows([self._bar_row(t) for t in comparison.topics])
        self.order.set_rows([self._slope_row(t) for t in comparison.topics
                             if t.rank["A"] is not None or t.rank["B"] is not None])
        self.voice.set_rows(self._voice_rows(comparison))
        for side in SIDES:
            self._fill_tone(side, comparison)
            self._fill_words(side, comparison)

    def select_topic(self, topic: str | None) -> None:
        self.shares.select(topic)
        self.order.select(topic)

    def _topic(self, topic: str) -> None:
        self.select_topic(topic)
        self.topicClicked.emit(topic)

    def _counts(self, t: TopicStat, side: Side) -> str:
        n, passing = len(t.sentences.get(side, [])), len(t.passing.get(side, []))
        if n:
            return self.tr("{side}: {share:.0%} of the text, {n} sentence(s), rank {rank}").format(
                side=side, share=t.share[side], n=n, rank=t.rank[side])
        if passing:
            return self.tr("{side}: only in passing ({n} sentence(s))").format(side=side, n=passing)
        return self.tr("{side}: absent").format(side=side)

    def _topic_tip(self, t: TopicStat) -> str:
        return "\n".join([t.label, self._counts(t, "A"), self._counts(t, "B"), self.tr("Click to show the sentences")])

    def _bar_row(self, t: TopicStat) -> BarRow:
        return BarRow(t.id, t.label, t.share.get("A", 0.0), t.share.get("B", 0.0),
                      light_a=bool(t.passing.get("A")) and not t.sentences.get("A"),
                      light_b=bool(t.passing.get("B")) and not t.sentences.get("B"), tip=self._topic_tip(t))

    def _slope_row(self, t: TopicStat) -> SlopeRow:
        return SlopeRow(t.id, t.label, t.rank["A"], t.rank["B"], passing_a=bool(t.passing.get("A")),
                        passing_b=bool(t.passing.get("B")), tip=self._topic_tip(t))

    def _voice_rows(self, c: Comparison) -> list[BarRow]:
        names = list(dict.fromkeys(n for side in SIDES for n in c.speakers.get(side, {})))
        names.sort(key=lambda n: (n == NARRATOR, -max(c.speakers.get(s, {}).get(n, 0.0) for s in SIDES)))
        rows = []
        for name in names:
            a, b = (c.speakers.get(s, {}).get(name, 0.0) for s in SIDES)
            label = self.tr("narrator (no speaker)") if name == NARRATOR else (
                self.tr("both sides") if name == "both" else name)
            rows.append(BarRow(name, label, a, b, tip=self.tr("{name}\nA: {a:.0%} of sentences\nB: {b:.0%}").format(
                name=label, a=a, b=b)))
        return rows

    def _fill_tone(self, side: Side, c: Comparison) -> None:
        chips = self.tone[side]
        chips.clear()
        marks: dict[str, list] = {}
        for m in c.tone.get(side, []):
            marks.setdefault(m.id, []).append(m)
        if not marks:
            item = QListWidgetItem(self.tr("none"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            chips.addItem(item)
        for tone_id, found in marks.items():
            label, reading = c.names.tone_label(tone_id), c.names.tone_reading(tone_id)
            item = QListWidgetItem(f"{label} ×{len(found)}" if len(found) > 1 else label)
            written = ", ".join(f"“{t}”" for t in list(dict.fromkeys(m.text for m in found))[:12])
            item.setToolTip("\n".join(x for x in (reading, self.tr("As written: {w}").format(w=written)) if x))
            item.setBackground(QBrush(palette.with_alpha(palette.side(side), 60)))
            item.setData(Qt.ItemDataRole.UserRole, tone_id)  # its sentences are looked up on a click
            chips.addItem(item)
        _fit_rows(chips, chips.count())

    def _fill_words(self, side: Side, c: Comparison) -> None:
        words = self.words[side]
        words.clear()
        terms = c.distinctive.get(side, [])
        if not terms:
            item = QTreeWidgetItem([self.tr("none found")])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            words.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
        for term in terms:
            item = QTreeWidgetItem([term.term, strength(term.score), str(term.count)])
            item.setToolTip(0, self.tr("{word}: used {n} times; how far above the other text's rate: "
                                       "{z:.1f} standard deviations (log-odds ratio)").format(
                word=term.term, n=term.count, z=term.score))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            item.setData(0, Qt.ItemDataRole.UserRole, [Evidence(side, i) for i in term.sentences])
            words.addTopLevelItem(item)
        _fit_rows(words, max(1, len(terms)), words.header().sizeHint().height(), most=12)

    def _tone_clicked(self, side: Side, item: QListWidgetItem) -> None:
        tone_id = item.data(Qt.ItemDataRole.UserRole)
        if tone_id and self.comparison is not None:
            self.evidenceRequested.emit([Evidence(side, m.sentence) for m in self.comparison.tone.get(side, [])
                                         if m.id == tone_id])

    def _word_clicked(self, item: QTreeWidgetItem) -> None:
        evidence = item.data(0, Qt.ItemDataRole.UserRole)
        if evidence:
            self.evidenceRequested.emit(evidence)


def strength(z: float) -> str:
    """A distinctiveness score in words a reader needs no statistics for."""
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    return tr("Emphasis", "very strong") if z >= 4 else tr("Emphasis", "strong") if z >= 3 else \
        tr("Emphasis", "clear") if z >= 2 else tr("Emphasis", "slight")


def _fit_rows(view, rows: int, extra: int = 0, most: int = 40) -> None:
    """As tall as its rows (up to `most`), so the panel scrolls as one page, not box by box."""
    row = max(view.sizeHintForRow(0), view.fontMetrics().height() + 4)
    spacing = view.spacing() if isinstance(view, QListView) else 0
    view.setFixedHeight(extra + min(rows, most) * (row + 2 * spacing) + 2 * view.frameWidth() + 2)


def topic_evidence(comparison: Comparison, topic: str) -> list[Evidence]:
    """The sentences of both sides that discuss or touch a topic."""
    stat = next((t for t in comparison.topics if t.id == topic), None)
    if stat is None:
        return []
    return [Evidence(side, i) for side in SIDES
            for i in sorted(set(stat.sentences.get(side, [])) | set(stat.passing.get(side, [])))]


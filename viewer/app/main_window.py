"""The main window: two panes with the link band between them, the findings beside, menus,
and the analysis worker. It presents a Comparison and forwards actions; it never analyses."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.app import palette
from viewer.app.display import Display, prepare
from viewer.app.find_bar import FindBar
from viewer.app.findings_panel import FindingsPanel
from viewer.app.legend import Legend
from viewer.app.link_band import LinkBand
from viewer.app.navigation import Difference, sentence_at
from viewer.app.pane import TEXT_CHUNK, TextPane
from viewer.app.scroll_sync import follower_value, interpolate
from viewer.app.sentence_info import describe_sentence
from viewer.app.worker import AnalysisRun, AnalysisWorker
from viewer.errors import CounterpartError
from viewer.model import SIDES, Annotation, Comparison, Evidence, Readout, Side, other
from viewer.printable import printable
from viewer.project import Project, reanchor

ORGANISATION = "Counterpart"
APPLICATION = "Counterpart"
MAX_RECENT = 8
FILE_FILTER = "Readouts (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"


class MainWindow(QMainWindow):
    comparisonChanged = Signal(object)  # Comparison: the emphasis and notes panels listen to this
    analysisFinished = Signal()  # a run ended (done, failed or cancelled)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Counterpart"))
        self.comparison: Comparison | None = None
        self.readouts: dict[Side, Readout | None] = {"A": None, "B": None}
        self.options: dict = {}  # keyword arguments for compare() (mode, lexicons)
        self.defaults: dict = {}  # compare() options from the preferences (user lexicon); options win
        self._project_notes: list[Annotation] | None = None  # see take_project_notes
        self.text_family = ""  # pane font family from the preferences; "" = the built-in list
        self.languages: dict[Side, str | None] = {"A": None, "B": None}  # forced by the preferences; None = detect
        self._run: AnalysisRun | None = None
        self._retired: list[AnalysisRun] = []
        self._syncing = False
        self._diffs: list[Difference] = []
        self._current_diff = -1
        self._links_by_sentence: dict[tuple[Side, int], int] = {}
        self._sync_links: list[int] = []
        self._last_pane: TextPane | None = None
        self._point_size = palette.DEFAULT_POINT_SIZE
        self.persist_settings = True  # False for throw-away windows (screenshots)
        # False for windows nobody looks at (--screenshot): an error is kept in `errors` instead
        # of shown in a modal dialog, which nobody would answer
        self.dialogs = True
        self.errors: list[str] = []

        self.panes: dict[Side, TextPane] = {side: TextPane(side, self) for side in SIDES}
        self.headers: dict[Side, QLabel] = {side: QLabel(self) for side in SIDES}
        self.band = LinkBand(self.panes["A"], self.panes["B"], self)
        self.findings = FindingsPanel(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self._build_layout()
        self._build_status()
        self._build_menus()
        self._connect()
        self._restore_settings()
        from viewer.app.session import ProjectSession  # emphasis, notes, project files, autosave, settings

        self.session = ProjectSession(self)

    # --- construction ---------------------------------------------------------------
    def _build_layout(self) -> None:
        compare = QWidget(self)
        vbox = QVBoxLayout(compare)
        vbox.setContentsMargins(0, 0, 0, 0)
        vbox.setSpacing(2)
        vbox.addWidget(Legend(compare))
        heads = QHBoxLayout()
        for side in SIDES:
            self.headers[side].setTextFormat(Qt.TextFormat.PlainText)
            self.headers[side].setWordWrap(True)
            heads.addWidget(self.headers[side], 1)
            if side == "A":
                heads.addSpacing(self.band.sizeHint().width())
        vbox.addLayout(heads)
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.panes["A"], 1)
        row.addWidget(self.band)
        row.addWidget(self.panes["B"], 1)
        self.band.setFixedWidth(self.band.sizeHint().width())
        vbox.addLayout(row, 1)
        vbox.addWidget(self.find_bar)

        # Right-hand tabs: Findings now; the Emphasis and Notes panels (emphasis_panel.py,
        # annotations_panel.py) are added with add_side_tab() and listen to comparisonChanged.
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.findings, self.tr("Findings"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(compare)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.resize(1400, 860)
        self.splitter.setSizes([1040, 360])

    def add_side_tab(self, widget: QWidget, title: str) -> int:
        """Embed a panel (Emphasis, Notes) in the right-hand tabs."""
        return self.side_tabs.addTab(widget, title)

    def _build_status(self) -> None:
        self.summary = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop the analysis and keep the comparison shown"))
        self.note = QLabel(self)  # short-lived notes; statusBar().showMessage would hide the summary
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self.note.clear)
        self.statusBar().addWidget(self.summary, 1)
        self.statusBar().addPermanentWidget(self.note)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._show_busy(False)

    def set_note(self, text: str, ms: int = 4000) -> None:
        self.note.setText(text)
        if ms:
            self._note_timer.start(ms)
        else:
            self._note_timer.stop()

    def _action(self, menu, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
        action = QAction(text, self)
        keys = []
        for s in shortcuts:
            keys.extend(QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else [QKeySequence(s)])
        action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(m, self.tr("Open &A…"), lambda: self.choose_file("A"), [QKeySequence.StandardKey.Open],
                     self.tr("Open the left text"))
        self._action(m, self.tr("Open &B…"), lambda: self.choose_file("B"), ["Ctrl+Shift+O"],
                     self.tr("Open the right text"))
        self._action(m, self.tr("Open &Project…"), self.choose_project, ["Ctrl+Alt+O"],
                     self.tr("Open a saved Counterpart project: both texts, settings and notes"))
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        m.addSeparator()
        self._action(m, self.tr("&Reload"), self.reload, [QKeySequence.StandardKey.Refresh, "Ctrl+R"],
                     self.tr("Read both sources again and re-run the analysis"))
        self._action(m, self.tr("S&wap Sides"), self.swap_sides, ["Ctrl+Shift+W"])
        m.addSeparator()
        self._action(m, self.tr("&Quit"), self.close, [QKeySequence.StandardKey.Quit])

        m = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self._action(m, self.tr("&Copy"), lambda: self._focused_pane().copy(), [QKeySequence.StandardKey.Copy])
        self._action(m, self.tr("Paste as A"), lambda: self.paste_side("A"), ["Ctrl+Alt+1"],
                     self.tr("Use the clipboard's text as the left text"))
        self._action(m, self.tr("Paste as B"), lambda: self.paste_side("B"), ["Ctrl+Alt+2"],
                     self.tr("Use the clipboard's text as the right text"))
        m.addSeparator()
        self._action(m, self.tr("&Find…"), self.open_find, [QKeySequence.StandardKey.Find])
        self._action(m, self.tr("Find &Next"), self.find_bar.find_next, [QKeySequence.StandardKey.FindNext])
        self._action(m, self.tr("Find &Previous"), self.find_bar.find_previous,
                     [QKeySequence.StandardKey.FindPrevious])

        m = bar.addMenu(self.tr("&View"))
        self._action(m, self.tr("Zoom &In"), lambda: self.zoom(+1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        self._action(m, self.tr("Zoom &Out"), lambda: self.zoom(-1), [QKeySequence.StandardKey.ZoomOut])
        self._action(m, self.tr("&Reset Zoom"), lambda: self.zoom(0), ["Ctrl+0"])
        self.wrap_action = self._action(m, self.tr("&Word Wrap"), self.set_wrap)
        self.wrap_action.setCheckable(True)
        self.wrap_action.setChecked(True)

        m = bar.addMenu(self.tr("&Navigate"))
        self._action(m, self.tr("&Next Difference"), self.next_difference, ["F7", "Alt+Down"])
        self._action(m, self.tr("&Previous Difference"), self.previous_difference, ["Shift+F7", "Alt+Up"])

        m = bar.addMenu(self.tr("&Help"))
        self._action(m, self.tr("&About Counterpart"), self.about)

    def _connect(self) -> None:
        for side, pane in self.panes.items():
            pane.verticalScrollBar().valueChanged.connect(lambda v, s=side: self._scrolled(s, v))
            pane.fileDropped.connect(self.open_file)
            pane.offsetClicked.connect(self._clicked)
            pane.tooltip_for = lambda offset, s=side: self._tooltip(s, offset)
            pane.installEventFilter(self)
        self.band.linkClicked.connect(self.select_link)
        self.findings.findingActivated.connect(self.show_finding)
        self.cancel_button.clicked.connect(self.cancel_analysis)

    def eventFilter(self, obj, event) -> bool:
        if isinstance(obj, TextPane) and event.type() == event.Type.FocusIn:
            self._last_pane = obj
        return super().eventFilter(obj, event)

    # --- settings -------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings(ORGANISATION, APPLICATION)

    def _restore_settings(self) -> None:
        s = self._settings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._point_size = int(s.value("view/pointSize", palette.DEFAULT_POINT_SIZE))
        self.zoom(None)
        wrap = s.value("view/wrap", True)
        self.wrap_action.setChecked(wrap not in (False, "false"))
        self.set_wrap(self.wrap_action.isChecked())
        self._rebuild_recent_menu()

    def closeEvent(self, event) -> None:
        for run in [self._run, *self._retired]:
            if run is not None:
                run.stop()
        if self.persist_settings:
            self._save_settings()
        super().closeEvent(event)

    def _save_settings(self) -> None:
        s = self._settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("view/pointSize", self._point_size)
        s.setValue("view/wrap", self.wrap_action.isChecked())

    def recent_pairs(self) -> list[tuple[str, str]]:
        s = self._settings()
        n = s.beginReadArray("recent")
        pairs = []
        for k in range(n):
            s.setArrayIndex(k)
            pairs.append((str(s.value("a", "")), str(s.value("b", ""))))
        s.endArray()
        return pairs

    def _remember_pair(self) -> None:
        sources = [r.source if r else None for r in (self.readouts["A"], self.readouts["B"])]
        if not all(sources) or not all(Path(p).is_file() for p in sources):
            return
        pair = (str(sources[0]), str(sources[1]))
        pairs = [pair] + [p for p in self.recent_pairs() if p != pair]
        s = self._settings()
        s.beginWriteArray("recent")
        for k, (a, b) in enumerate(pairs[:MAX_RECENT]):
            s.setArrayIndex(k)
            s.setValue("a", a)
            s.setValue("b", b)
        s.endArray()
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        pairs = self.recent_pairs()
        for a, b in pairs:
            action = self.recent_menu.addAction(f"{Path(a).name}  ↔  {Path(b).name}")
            action.setToolTip(f"{a}\n{b}")
            action.triggered.connect(lambda _c=False, a=a, b=b: self.open_pair(a, b))
        self.recent_menu.setEnabled(bool(pairs))

    # --- opening --------------------------------------------------------------------
    def choose_file(self, side: Side) -> None:
        current = self.readouts[side]
        start = str(Path(current.source).parent) if current and current.source else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open text {side}").format(side=side), start,
                                              self.tr(FILE_FILTER))
        if path:
            self.open_file(side, path)

    def _read(self, path: str) -> Readout | None:
        from viewer import ingest  # imported on first use: its readers (pdf, html, docx) cost ~0.5 s at start

        try:
            return ingest.read_source(path)
        except CounterpartError as exc:
            self.error(self.tr("Cannot open the file"), str(exc))
            return None

    def open_file(self, side: Side, path: str) -> None:
        readout = self._read(path)
        if readout is not None:
            self.set_readout(side, readout)

    def open_pair(self, path_a: str, path_b: str) -> None:
        a = self._read(path_a)
        b = self._read(path_b) if a is not None else None
        if a is not None and b is not None:
            self.set_readouts(a, b)

    def paste_side(self, side: Side) -> None:
        from viewer import ingest

        text = QApplication.clipboard().text()
        try:
            readout = ingest.readout_from_text(text, label=self.tr("Pasted {side}").format(side=side))
        except CounterpartError as exc:
            self.error(self.tr("Cannot use the clipboard"), str(exc))
            return
        self.set_readout(side, readout)

    def _with_language(self, side: Side, readout: Readout) -> Readout:
        """A newly opened text takes the preferences' language for its side, unless it names its own."""
        forced = self.languages.get(side)
        return replace(readout, language=forced) if forced and readout.language is None else readout

    def set_readout(self, side: Side, readout: Readout) -> None:
        self.readouts[side] = self._with_language(side, readout)
        self._readouts_changed()

    def set_readouts(self, a: Readout, b: Readout, **options) -> None:
        self.readouts = {"A": self._with_language("A", a), "B": self._with_language("B", b)}
        self.options = options
        self._readouts_changed()

    def swap_sides(self) -> None:
        self.readouts = {"A": self.readouts["B"], "B": self.readouts["A"]}
        self._readouts_changed()

    def reload(self) -> None:
        fresh: dict[Side, Readout | None] = {}
        for side, r in self.readouts.items():
            if r is not None and r.source and Path(r.source).is_file():
                new = self._read(r.source)
                if new is None:
                    return
                new.label = r.label or new.label
                fresh[side] = new
            else:
                fresh[side] = r  # pasted text has nothing to re-read
        self.readouts = fresh
        self._readouts_changed()

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              self.tr("Counterpart projects (*.json *.counterpart);;All files (*)"))
        if path:
            self.session.open_project(path)  # asks about unsaved work, remembers the file for Save

    def start_project(self, project: Project) -> None:
        """Analyse a project's texts with its settings; its notes are placed once the analysis is done."""
        self.readouts = {"A": project.a, "B": project.b}
        self.options = project.options()
        self.start_analysis(notes=list(project.annotations))

    def _readouts_changed(self) -> None:
        a, b = self.readouts["A"], self.readouts["B"]
        if a is None or b is None:
            for side in SIDES:  # show what is there until the other side arrives
                r = self.readouts[side]
                self.panes[side].set_text(r.text if r else "")
                self._set_header(side, r, None)
            return
        self.start_analysis()

    # --- analysis -------------------------------------------------------------------
    def start_analysis(self, notes: list[Annotation] | None = None) -> None:
        """Analyse the current readouts; `notes` (a project's) are placed on the result."""
        if self._run is not None:
            self._retire(self._run)
        worker = AnalysisWorker(self.readouts["A"], self.readouts["B"], {**self.defaults, **self.options},
                                notes or [])
        worker.progress.connect(self._progress)
        worker.finished.connect(self._analysis_done)
        worker.failed.connect(self._analysis_failed)
        worker.cancelled.connect(self._analysis_cancelled)
        self._run = AnalysisRun(worker, self)
        self._show_busy(True)
        self.set_note(self.tr("Analysing…"), 0)
        self._run.start()

    def take_project_notes(self) -> list[Annotation] | None:
        """The notes of the project whose analysis just finished, once (None when it had none)."""
        notes, self._project_notes = self._project_notes, None
        return notes

    def _retire(self, run: AnalysisRun) -> None:
        """A superseded run is told to stop and left to end on its own: the UI never waits for it."""
        run.worker.cancel()
        self._retired.append(run)

        def gone() -> None:
            self._retired.remove(run)
            run.deleteLater()

        run.thread.finished.connect(gone)

    def cancel_analysis(self) -> None:
        if self._run is not None:
            self._run.worker.cancel()
            self.cancel_button.setEnabled(False)

    def is_busy(self) -> bool:
        return self._run is not None

    def _finish_run(self, worker) -> bool:
        """True if the report comes from the current run (a superseded one is ignored)."""
        if self._run is None or self._run.worker is not worker:
            return False
        run, self._run = self._run, None
        run.thread.quit()  # the worker has returned: its thread has nothing left to do
        run.thread.wait()
        run.deleteLater()
        self._show_busy(False)
        self.set_note("")
        return True

    def _progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))
        self.progress.setFormat(f"{stage} %p%")

    def _analysis_done(self, comparison: Comparison) -> None:
        if self._finish_run(self.sender()):
            notes = self.sender().notes
            # a project's notes, placed on the texts as analysed, for the session to take
            self._project_notes = reanchor(notes, {"A": comparison.a.text, "B": comparison.b.text}) \
                if notes else None
            self.set_comparison(comparison, self.sender().display)
            self._remember_pair()
            self.analysisFinished.emit()

    def _analysis_failed(self, message: str) -> None:
        if self._finish_run(self.sender()):
            self._restore_shown_readouts()
            self.error(self.tr("Analysis failed"), message)
            self.analysisFinished.emit()

    def _analysis_cancelled(self) -> None:
        if self._finish_run(self.sender()):
            self._restore_shown_readouts()
            self.set_note(self.tr("Analysis cancelled; the previous comparison is still shown."), 5000)
            self.analysisFinished.emit()

    def _restore_shown_readouts(self) -> None:
        if self.comparison is not None:
            self.readouts = {"A": self.comparison.a.readout, "B": self.comparison.b.readout}

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setValue(0)

    # --- presenting -----------------------------------------------------------------
    def set_comparison(self, comparison: Comparison, display: Display | None = None) -> None:
        """Show a comparison; `display` is its colouring worked out beforehand (by the worker)."""
        self.comparison = comparison
        c = comparison
        display = display or prepare(c)
        self.readouts = {"A": c.a.readout, "B": c.b.readout}
        self._links_by_sentence = display.links_by_sentence
        self._diffs = display.differences
        self._current_diff = -1
        for side in SIDES:
            doc = c.doc(side)
            self.panes[side].set_text(doc.text)
            self.panes[side].paint_spans_gradually(display.spans[side])
            self._set_header(side, doc.readout, doc.language)
        self._sync_links = display.sync_links
        self.band.set_comparison(c, display.links_by_sentence)
        self.summary.setText(self._summary_text(c, display.words))
        self.setWindowTitle(self.tr("{a} ↔ {b} — Counterpart").format(
            a=self._short_name(c.a.readout, "A"), b=self._short_name(c.b.readout, "B")))
        if len(c.a.text) + len(c.b.text) <= 2 * TEXT_CHUNK:
            self.findings.set_findings(c.findings)
            self.comparisonChanged.emit(c)
            return
        # A long comparison: the findings list, then the panels listening for the comparison, fill
        # on later turns of the event loop, so that no turn blocks the window for long (each takes
        # some 40 ms on 100,000 words a side).
        def panels() -> None:
            if self.comparison is c:
                self.comparisonChanged.emit(c)

        def findings() -> None:
            if self.comparison is c:
                self.findings.set_findings(c.findings)
                QTimer.singleShot(0, panels)

        QTimer.singleShot(0, findings)

    def _short_name(self, r: Readout, side: Side) -> str:
        return r.label or (Path(r.source).name if r.source else side)

    def _set_header(self, side: Side, r: Readout | None, language: str | None) -> None:
        if r is None:
            self.headers[side].setText(self.tr("{side}: open a file, paste or drop one here").format(side=side))
            return
        parts = [f"{side}: {self._short_name(r, side)}"]
        if r.title and r.title != r.label:
            parts.append(r.title)
        if r.date:
            parts.append(r.date)
        if language:
            parts.append(language)
        self.headers[side].setText(" — ".join(parts))
        self.headers[side].setToolTip(r.source or self.tr("pasted text"))

    def _summary_text(self, c: Comparison, words: dict[str, int]) -> str:
        sides = []
        for side in SIDES:
            doc = c.doc(side)
            unit = self.tr("characters") if doc.language == "zh" else self.tr("words")
            sides.append(self.tr("{side}: {lang}, {n} {unit}, {s} sentences").format(
                side=side, lang=doc.language, n=words[side], unit=unit, s=len(doc.sentences)))
        names = {"identical": self.tr("identical"), "reworded": self.tr("reworded"),
                 "related": self.tr("related"), "moved": self.tr("moved"), "translation": self.tr("translation")}
        kinds = Counter(link.kind for link in c.links)
        by_kind = ", ".join(f"{n} {names[k]}" for k, n in kinds.most_common()) or self.tr("none")
        return "   |   ".join(sides + [self.tr(
            "{links} links ({kinds}), only A: {ua}, only B: {ub}, mode: {mode}").format(
            links=len(c.links), kinds=by_kind, ua=len(c.unmatched.get("A", [])),
            ub=len(c.unmatched.get("B", [])), mode=c.mode)])

    def _tooltip(self, side: Side, offset: int) -> str | None:
        if self.comparison is None:
            return None
        i = sentence_at(self.comparison.doc(side), offset)
        if i is None:
            return None
        n = self._links_by_sentence.get((side, i))
        return describe_sentence(self.comparison, side, i, self.comparison.links[n] if n is not None else None)

    # --- scrolling in step ------------------------------------------------------------
    def _anchors(self, leader: Side) -> list[tuple[float, float]]:
        c = self.comparison
        pts: list[tuple[float, float]] = []
        for n in self._sync_links:
            link = c.links[n]
            ys = {}
            for side, idx in (("A", link.a), ("B", link.b)):
                doc = c.doc(side)
                ys[side] = self.panes[side].doc_y_range(doc.sentences[min(idx)].start, doc.sentences[max(idx)].end)
            f = other(leader)
            pts.append((ys[leader][0], ys[f][0]))
            pts.append((ys[leader][1], ys[f][1]))
        pts.sort()
        return pts

    def _scrolled(self, side: Side, value: int) -> None:
        if self._syncing or self.comparison is None:
            return
        lead, follow = self.panes[side], self.panes[other(side)]
        anchors = self._anchors(side)
        bar, fbar = lead.verticalScrollBar(), follow.verticalScrollBar()
        target = follower_value(value, bar.maximum(), lead.viewport().height(), fbar.maximum(),
                                follow.viewport().height(), lambda y: interpolate(anchors, y))
        self._syncing = True
        try:
            fbar.setValue(target)
        finally:
            self._syncing = False

    def reveal(self, evidence: list[Evidence]) -> None:
        """Scroll both panes to these sentences and highlight them (used by every panel)."""
        if self.comparison is None:
            return
        by_side: dict[Side, list[int]] = {"A": [], "B": []}
        for e in evidence:
            by_side[e.side].append(e.sentence)
        self._syncing = True
        try:
            for side in SIDES:
                doc, pane = self.comparison.doc(side), self.panes[side]
                spans = [(doc.sentences[i].start, doc.sentences[i].end) for i in sorted(set(by_side[side]))
                         if 0 <= i < len(doc.sentences)]
                pane.select_spans(spans)
                if spans:
                    pane.centre_on(spans[0][0], spans[0][1])
        finally:
            self._syncing = False
        # a side without evidence follows the other by the alignment
        for side in SIDES:
            if by_side[side] and not by_side[other(side)]:
                self._scrolled(side, self.panes[side].verticalScrollBar().value())
        self.band.update()

    def select_link(self, n: int) -> None:
        link = self.comparison.links[n]
        self.band.selected = n
        self.reveal([Evidence("A", i) for i in link.a] + [Evidence("B", j) for j in link.b])

    def _clicked(self, side: Side, offset: int) -> None:
        if self.comparison is None:
            return
        i = sentence_at(self.comparison.doc(side), offset)
        if i is None:
            return
        n = self._links_by_sentence.get((side, i))
        if n is not None:
            self.select_link(n)
        else:
            self.band.selected = None
            self.reveal([Evidence(side, i)])

    def show_finding(self, n: int) -> None:
        self.band.selected = None
        self.reveal(self.comparison.findings[n].evidence)

    # --- differences ----------------------------------------------------------------
    def next_difference(self) -> None:
        self._go_difference(+1)

    def previous_difference(self) -> None:
        self._go_difference(-1)

    def current_difference(self) -> Difference | None:
        return self._diffs[self._current_diff] if 0 <= self._current_diff < len(self._diffs) else None

    def _go_difference(self, step: int) -> None:
        if not self._diffs:
            self.set_note(self.tr("No differences"), 3000)
            return
        k = self._current_diff + step
        if step < 0 and self._current_diff < 0:
            k = len(self._diffs) - 1
        if not 0 <= k < len(self._diffs):
            self.set_note(self.tr("No more differences in this direction"), 3000)
            QApplication.beep()
            return
        self._current_diff = k
        d = self._diffs[k]
        self.band.selected = d.link
        self.reveal([Evidence("A", i) for i in d.a] + [Evidence("B", j) for j in d.b])
        self.set_note(self.tr("Difference {k} of {n}").format(k=k + 1, n=len(self._diffs)), 3000)

    # --- view -----------------------------------------------------------------------
    def _focused_pane(self) -> TextPane:
        return self._last_pane or self.panes["A"]

    def open_find(self) -> None:
        self.find_bar.open_on(self._focused_pane())

    def zoom(self, step: int | None) -> None:
        """+1/-1 a point, 0 back to the default, None re-apply the current size."""
        if step == 0:
            self._point_size = palette.DEFAULT_POINT_SIZE
        elif step:
            self._point_size = max(6, min(48, self._point_size + step))
        font = palette.text_font(self._point_size)
        if self.text_family:
            font.setFamilies([self.text_family, *palette.TEXT_FAMILIES])
        for pane in self.panes.values():
            pane.setFont(font)
        QTimer.singleShot(0, self.band.update)

    @property
    def point_size(self) -> int:
        """The panes' current size, zoom included."""
        return self._point_size

    def set_text_font(self, family: str, point_size: int) -> None:
        """The preferences' pane font ("" family: the built-in list)."""
        self.text_family = family
        self._point_size = point_size
        self.zoom(None)

    def set_wrap(self, on: bool) -> None:
        mode = self.panes["A"].LineWrapMode.WidgetWidth if on else self.panes["A"].LineWrapMode.NoWrap
        for pane in self.panes.values():
            pane.setLineWrapMode(mode)
        self.band.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.band.update()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Counterpart"), self.tr(
            "<b>Counterpart</b><p>Two readouts of one meeting side by side: aligned passages, "
            "what only one side says, changed wording, and differences in emphasis.</p>"))

    def error(self, title: str, message: str) -> None:
        message = printable(message)  # a file name may not be text
        self.errors.append(message)
        if self.dialogs:
            QMessageBox.warning(self, title, message)

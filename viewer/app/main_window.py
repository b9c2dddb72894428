"""The main window: the two texts side by side (pair_view.py), the findings beside them, menus,
and the analysis worker. It presents a Comparison and forwards actions; it never analyses, and it
holds none of the user's work: the notes, the project file and the preferences belong to the
session (session.py), which the window asks before it closes.

What the session may use of the window is declared here, in one place (SessionHost in session.py
lists it): the comparison and readouts shown, the analysis settings, the named menu sections the
session adds its actions to, the pane marks of notes, and the signals comparisonChanged and
analysisFinished.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QWidget,
)

from viewer.app import identity, palette
from viewer.app.display import Display, prepare
from viewer.app.findings_panel import FindingsPanel
from viewer.app.naming import readout_name
from viewer.app.pair_view import PairView
from viewer.app.pane import TEXT_CHUNK, TextPane
from viewer.app.sentence_info import kind_name
from viewer.app.session import ProjectSession
from viewer.app.word_marks import Ignore
from viewer.app.worker import AnalysisRun, AnalysisWorker
from viewer.errors import CounterpartError
from viewer.model import SIDES, Annotation, Comparison, Evidence, Readout, Settings, Side
from viewer.printable import printable
from viewer.project import Project, reanchor

MAX_RECENT = 8
FILE_FILTER = "Readouts (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"
SECTIONS = ("file-project", "edit-history", "edit-notes", "view", "help")  # where the session adds its actions


class MainWindow(QMainWindow):
    comparisonChanged = Signal(object)  # Comparison: the emphasis and notes panels listen to this
    analysisFinished = Signal()  # a run ended (done, failed or cancelled)
    readoutsChanged = Signal()  # the texts or their names changed (the session retitles the window)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Counterpart"))
        self.comparison: Comparison | None = None
        self.readouts: dict[Side, Readout | None] = {"A": None, "B": None}
        self.settings = Settings()  # the analysis settings in force: mode, user lexicons
        self.ignore = Ignore()  # changes the wording marks leave out (View > Ignore)
        self._project_notes: list[Annotation] | None = None  # see take_project_notes
        self.text_family = ""  # pane font family from the preferences; "" = the built-in list
        self.languages: dict[Side, str | None] = {"A": None, "B": None}  # for texts opened from now on
        self._run: AnalysisRun | None = None
        self._retired: list[AnalysisRun] = []
        self._point_size = palette.DEFAULT_POINT_SIZE
        self._sections: dict[str, tuple[QMenu, QAction]] = {}
        self._pane_actions: list[QAction] = []
        self.persist_settings = True  # False for throw-away windows (screenshots)
        # False for windows nobody looks at (--screenshot): an error is kept in `errors` instead
        # of shown in a modal dialog, which nobody would answer
        self.dialogs = True
        self.errors: list[str] = []

        self.view = PairView(self)
        self.panes: dict[Side, TextPane] = self.view.panes
        self.band = self.view.band
        self.find_bar = self.view.find_bar
        self.findings = FindingsPanel(self)
        self._build_layout()
        self._build_status()
        self._build_menus()
        self._connect()
        self._restore_settings()
        self.session = ProjectSession(self)  # the session knows the window; the window only creates it

    # --- construction ---------------------------------------------------------------
    def _build_layout(self) -> None:
        # Right-hand tabs: Findings here; the session adds Emphasis and Notes with add_side_tab().
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.findings, self.tr("Findings"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.resize(1400, 860)
        self._splitter_restored = False

    def showEvent(self, e) -> None:
        super().showEvent(e)
        if not self._splitter_restored:  # first start: the texts take about 70% of any width
            w = self.splitter.width()
            self.splitter.setSizes([int(w * 0.7), w - int(w * 0.7)])
            self._splitter_restored = True

    def add_side_tab(self, widget: QWidget, title: str) -> int:
        """Embed a panel (Emphasis, Notes) in the right-hand tabs."""
        return self.side_tabs.addTab(widget, title)

    def _build_status(self) -> None:
        self.summary = QLabel(self)
        self.summary.setMinimumWidth(40)
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

    def action(self, menu: QMenu | None, text: str, slot, shortcuts=(), tip: str = "", *,
               checkable: bool = False) -> QAction:
        """A window action with its shortcuts (standard keys as the platform binds them)."""
        action = QAction(text, self)
        keys = []
        for s in shortcuts:
            keys.extend(QKeySequence.keyBindings(s) if isinstance(s, QKeySequence.StandardKey) else [QKeySequence(s)])
        action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        if menu is not None:
            menu.addAction(action)
        return action

    def _section(self, name: str, menu: QMenu) -> None:
        self._sections[name] = (menu, menu.addSeparator())

    def add_actions(self, section: str, actions: list[QAction]) -> None:
        """Put the session's actions in one of the window's menu SECTIONS."""
        menu, marker = self._sections[section]
        for action in actions:
            if action.parent() is None:
                action.setParent(self)
            menu.insertAction(marker, action)

    def add_status_widget(self, widget: QWidget) -> None:
        """A lasting message of the session's (a failed autosave) at the right of the status line."""
        self.statusBar().addPermanentWidget(widget)

    def add_pane_action(self, action: QAction) -> None:
        """An action of the panes' right-click menu (after Qt's own: copy, select all)."""
        self._pane_actions.append(action)

    def _pane_menu(self, pane: TextPane, pos) -> None:
        self.view.focused_side = pane.side  # a right-click puts the reader in that pane
        menu = pane.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(self.tr("Copy Linked Pair"), self.copy_pair).setEnabled(self.band.selected is not None)
        for action in self._pane_actions:
            menu.addAction(action)
        menu.exec(pane.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        self.action(m, self.tr("&New Comparison…"), self.new_comparison,
                                       [QKeySequence.StandardKey.New], self.tr("Pick the two texts to compare"))
        self.action(m, self.tr("Open &A…"), lambda: self.choose_file("A"), [QKeySequence.StandardKey.Open],
                    self.tr("Open the left text"))
        self.action(m, self.tr("Open &B…"), lambda: self.choose_file("B"), ["Ctrl+Shift+O"],
                    self.tr("Open the right text"))
        self.action(m, self.tr("Open &Project…"), self.choose_project, ["Ctrl+Alt+O"],
                    self.tr("Open a saved Counterpart project: both texts, settings and notes"))
        self.recent_menu = m.addMenu(self.tr("Open &Recent"))
        m.addSeparator()
        self.action(m, self.tr("&Reload"), self.reload, [QKeySequence.StandardKey.Refresh, "Ctrl+R"],
                    self.tr("Read both sources again and re-run the analysis"))
        self.action(m, self.tr("S&wap Sides"), self.swap_sides, ["Ctrl+Shift+W"])
        m.addSeparator()
        self._section("file-project", m)
        self.action(m, self.tr("Print Pre&view…"), self.print_preview, [],
                    self.tr("The two texts side by side as they will print"))
        self.action(m, self.tr("&Print…"), self.print_, [QKeySequence.StandardKey.Print])
        self.action(m, self.tr("Export P&DF…"), self.export_pdf, ["Ctrl+Shift+E"],
                    self.tr("The two texts side by side, aligned and coloured, as a PDF"))
        m.addSeparator()
        self.action(m, self.tr("&Quit"), self.close, [QKeySequence.StandardKey.Quit])

        m = self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self._section("edit-history", m)
        self.action(m, self.tr("&Copy"), self.copy, [QKeySequence.StandardKey.Copy])
        self.action(m, self.tr("Copy &Linked Pair"), self.copy_pair, ["Ctrl+Shift+C"],
                    self.tr("Copy the selected passage and its counterpart, each under its side's name"))
        self.action(m, self.tr("Paste as A"), lambda: self.paste_side("A"), ["Ctrl+Alt+1"],
                    self.tr("Use the clipboard's text as the left text"))
        self.action(m, self.tr("Paste as B"), lambda: self.paste_side("B"), ["Ctrl+Alt+2"],
                    self.tr("Use the clipboard's text as the right text"))
        m.addSeparator()
        self.action(m, self.tr("&Find…"), self.open_find, [QKeySequence.StandardKey.Find],
                    self.tr("Find in both texts"))
        self.action(m, self.tr("Find &Next"), self.find_bar.find_next, [QKeySequence.StandardKey.FindNext])
        self.action(m, self.tr("Find &Previous"), self.find_bar.find_previous, [QKeySequence.StandardKey.FindPrevious])
        m.addSeparator()
        self._section("edit-notes", m)

        m = bar.addMenu(self.tr("&View"))
        self.action(m, self.tr("Zoom &In"), lambda: self.zoom(+1), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="])
        self.action(m, self.tr("Zoom &Out"), lambda: self.zoom(-1), [QKeySequence.StandardKey.ZoomOut])
        self.action(m, self.tr("&Reset Zoom"), lambda: self.zoom(0), ["Ctrl+0"])
        m.addSeparator()
        self.wrap_action = self.action(m, self.tr("&Word Wrap"), self.set_wrap, checkable=True)
        self.wrap_action.setChecked(True)
        self.sync_action = self.action(m, self.tr("&Scroll Together"), self.view.set_sync, ["Ctrl+Shift+L"],
                                       self.tr("Keep the linked passages level while scrolling"), checkable=True)
        self.sync_action.setChecked(True)
        self.only_action = self.action(m, self.tr("&Differences Only"), self.view.set_differences_only,
                                       ["Ctrl+Shift+H"], self.tr("Hide the paragraphs without a difference"),
                                       checkable=True)
        ignore = m.addMenu(self.tr("&Ignore in Wording"))
        ignore.setToolTipsVisible(True)
        self.ignore_actions: dict[str, QAction] = {}
        for key, text in (("case", self.tr("&Case")), ("punctuation", self.tr("&Punctuation")),
                          ("quotes", self.tr("&Quote Styles (“ ” against \")")),
                          ("whitespace", self.tr("&White Space"))):
            self.ignore_actions[key] = self.action(ignore, text, lambda _on=False: self._ignore_changed(),
                                                   checkable=True)
        m.addSeparator()
        self._section("view", m)

        m = bar.addMenu(self.tr("&Navigate"))
        self.action(m, self.tr("&Next Difference"), lambda: self.view.go_difference(+1), ["F7", "Alt+Down"],
                    self.tr("From where you are reading; wraps at the end"))
        self.action(m, self.tr("&Previous Difference"), lambda: self.view.go_difference(-1), ["Shift+F7", "Alt+Up"])
        self.review_action = self.action(m, self.tr("&Mark Difference Reviewed"), self.toggle_reviewed,
                                         ["Ctrl+Shift+D"], self.tr("Tick or untick the difference shown"))

        m = self.help_menu = bar.addMenu(self.tr("&Help"))
        self.action(m, self.tr("&Keyboard Shortcuts"), self.show_shortcuts, ["F1", "Ctrl+/"])
        self.action(m, self.tr("&Legend"), self.view.legend.show_all)
        self._section("help", m)
        self.action(m, self.tr("&About Counterpart"), self.about)

    def _connect(self) -> None:
        for pane in self.panes.values():
            pane.fileDropped.connect(self.open_file)
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(lambda pos, p=pane: self._pane_menu(p, pos))
        self.findings.findingActivated.connect(self.show_finding)
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.view.noteRequested.connect(lambda text, _kind, ms: self.set_note(text, ms))

    # --- settings -------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = identity.settings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        splitter = s.value("window/splitter")
        self._splitter_restored = splitter is not None and self.splitter.restoreState(splitter)
        self._point_size = int(s.value("view/pointSize", palette.DEFAULT_POINT_SIZE))
        self.zoom(None)
        for action, key in ((self.wrap_action, "view/wrap"), (self.sync_action, "view/sync")):
            action.setChecked(s.value(key, True) not in (False, "false"))
        self.set_wrap(self.wrap_action.isChecked())
        self.view.set_sync(self.sync_action.isChecked())
        self._rebuild_recent_menu()

    def closeEvent(self, event) -> None:
        """Unsaved work: the session asks (Save / Discard / Cancel) before anything stops."""
        if not self.session.may_close():
            event.ignore()
            return
        for run in [self._run, *self._retired]:
            if run is not None:
                run.stop()
        if self.persist_settings:
            self._save_settings()
        super().closeEvent(event)

    def _save_settings(self) -> None:
        s = identity.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("view/pointSize", self._point_size)
        s.setValue("view/wrap", self.wrap_action.isChecked())
        s.setValue("view/sync", self.sync_action.isChecked())

    def recent_pairs(self) -> list[tuple[str, str]]:
        s = identity.settings()
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
        # a swapped pair is the same pair: one entry, in the order last shown
        pairs = [pair] + [p for p in self.recent_pairs() if p not in (pair, pair[::-1])]
        s = identity.settings()
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
    def new_comparison(self) -> None:
        from viewer.app.new_comparison import NewComparisonDialog

        current = [r.source if r is not None and r.source else "" for r in self.readouts.values()]
        dialog = NewComparisonDialog(self.recent_pairs(), current, self)
        if dialog.exec():
            a, b = dialog.paths()
            self.open_pair(a, b, mode=dialog.mode())

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

    def open_pair(self, path_a: str, path_b: str, mode: str | None = None) -> None:
        a = self._read(path_a)
        b = self._read(path_b) if a is not None else None
        if a is not None and b is not None:
            self.set_readouts(a, b, mode=mode)

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

    def set_readouts(self, a: Readout, b: Readout, mode: str | None = None) -> None:
        self.readouts = {"A": self._with_language("A", a), "B": self._with_language("B", b)}
        self.settings = replace(self.settings, mode=mode)
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
                new.language = r.language
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
        self.settings = Settings(mode=project.mode, lexicons=tuple(project.lexicons))
        self._readouts_changed(notes=list(project.annotations))

    def set_sides(self, sides: dict[Side, tuple[str, str | None]]) -> None:
        """New names and forced languages of the two texts; the analysis re-runs only what they touch."""
        for side, (label, language) in sides.items():
            r = self.readouts[side]
            if r is not None:
                self.readouts[side] = replace(r, label=label, language=language)
        self._readouts_changed()

    def set_lexicons(self, lexicons: list[str]) -> None:
        """The user lexicon files of the preferences; a change re-runs the analysis."""
        if tuple(lexicons) != self.settings.lexicons:
            self.settings = replace(self.settings, lexicons=tuple(lexicons))
            if self.readouts["A"] is not None and self.readouts["B"] is not None:
                self.start_analysis()

    def _readouts_changed(self, notes: list[Annotation] | None = None) -> None:
        """Show the texts at once (a long pair is readable while it is analysed), then analyse."""
        shown = self.comparison
        if shown is None or any(self.readouts[s] is None or self.readouts[s].text != shown.doc(s).text
                                for s in SIDES):
            self.view.show_readouts(self.readouts, self.names())
        self.readoutsChanged.emit()
        if self.readouts["A"] is not None and self.readouts["B"] is not None:
            self.start_analysis(notes)

    def names(self) -> dict[Side, str]:
        """What the window calls each text: its label, else its file name, else its letter."""
        return {side: readout_name(self.readouts[side], side) for side in SIDES}

    # --- analysis -------------------------------------------------------------------
    def start_analysis(self, notes: list[Annotation] | None = None) -> None:
        """Analyse the current readouts; `notes` (a project's) are placed on the result."""
        if self._run is not None:
            self._retire(self._run)
        worker = AnalysisWorker(self.readouts["A"], self.readouts["B"], self.settings, notes or [],
                                previous=self.comparison, ignore=self.ignore)
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
            self._restore_shown()
            self.error(self.tr("Analysis failed"), message)
            self.analysisFinished.emit()

    def _analysis_cancelled(self) -> None:
        if self._finish_run(self.sender()):
            self._restore_shown()
            self.set_note(self.tr("Analysis cancelled; the previous comparison is still shown."), 5000)
            self.analysisFinished.emit()

    def _restore_shown(self) -> None:
        """Back to the comparison on screen before the run (its texts, if new ones were shown)."""
        c = self.comparison
        if c is None:
            return
        self.readouts = {"A": c.a.readout, "B": c.b.readout}
        self.view.show_comparison(c, self.view.display, self.names())
        self.readoutsChanged.emit()

    def _show_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setValue(0)

    # --- presenting -----------------------------------------------------------------
    def set_comparison(self, comparison: Comparison, display: Display | None = None) -> None:
        """Show a comparison; `display` is its colouring worked out beforehand (by the worker)."""
        self.comparison = c = comparison
        display = display or prepare(c, self.ignore)
        self.readouts = {"A": c.a.readout, "B": c.b.readout}
        self.view.show_comparison(c, display, self.names())
        self.summary.setText(self._summary_text(c, display))
        self.summary.setToolTip(self.summary.text().replace("   |   ", "\n"))
        if len(c.a.text) + len(c.b.text) <= 2 * TEXT_CHUNK:
            self.findings.set_findings(c.findings, c)
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
                self.findings.set_findings(c.findings, c)
                QTimer.singleShot(0, panels)

        QTimer.singleShot(0, findings)

    def _summary_text(self, c: Comparison, display: Display) -> str:
        sides = []
        for side in SIDES:
            doc = c.doc(side)
            unit = self.tr("characters") if doc.language == "zh" else self.tr("words")
            sides.append(self.tr("{side}: {lang}, {n} {unit}, {s} sentences").format(
                side=side, lang=doc.language, n=display.words[side], unit=unit, s=len(doc.sentences)))
        kinds = Counter(display.kinds)
        by_kind = ", ".join(f"{n} {kind_name(k)}" for k, n in kinds.most_common()) or self.tr("none")
        return "   |   ".join(sides + [self.tr(
            "{links} links ({kinds}), only A: {ua}, only B: {ub}, mode: {mode}").format(
            links=len(c.links), kinds=by_kind, ua=len(c.unmatched.get("A", [])),
            ub=len(c.unmatched.get("B", [])), mode=c.mode)])

    def _ignore_changed(self) -> None:
        """View > Ignore: the same comparison's wording marks again, without the ignored changes."""
        self.ignore = Ignore(**{key: a.isChecked() for key, a in self.ignore_actions.items()})
        if self.comparison is not None:
            display = prepare(self.comparison, self.ignore)
            self.view.set_display(display)
            self.summary.setText(self._summary_text(self.comparison, display))

    def reveal(self, evidence: list[Evidence]) -> None:
        """Scroll both panes to these sentences and frame them (used by every panel)."""
        self.view.reveal(evidence)

    def show_finding(self, n: int) -> None:
        self.band.select(None)
        self.reveal(self.comparison.findings[n].evidence)

    def toggle_reviewed(self) -> None:
        d = self.view.current_difference()
        if d is None:
            self.set_note(self.tr("Go to a difference first (F7)"), 3000)
            return
        keys = set(self.view.reviewed) ^ {d.key}
        self.view.set_reviewed(keys)
        self.session.set_reviewed_differences(keys)
        self.set_note(self.tr("Difference marked reviewed") if d.key in keys
                      else self.tr("Difference no longer marked reviewed"), 3000)

    # --- for the session ------------------------------------------------------------
    def focused_pane(self) -> TextPane:
        return self.view.focused_pane()

    def selection(self, side: Side | None = None) -> tuple[Side, int, int] | None:
        """The passage the reader selected in a pane (the focused one), in model offsets, or None."""
        pane = self.panes[side] if side else self.focused_pane()
        cursor = pane.textCursor()
        if self.view.comparison is None or not cursor.hasSelection():
            return None
        return pane.side, pane.model_offset(cursor.selectionStart()), pane.model_offset(cursor.selectionEnd())

    def set_note_marks(self, side: Side, notes: list[tuple[int, int, str]]) -> None:
        self.panes[side].set_note_spans(notes)

    def show_span(self, side: Side, start: int, end: int) -> None:
        pane = self.panes[side]
        pane.centre_on(start, end)
        pane.setTextCursor(pane.cursor_for(start, end))
        pane.setFocus()
        self.view.follow(side)

    def set_reviewed(self, findings: set[str], differences: set[str]) -> None:
        self.findings.set_reviewed(findings)
        self.view.set_reviewed(differences)

    # --- view -----------------------------------------------------------------------
    def copy(self) -> None:
        """Edit > Copy: the findings selected in their tab (with quotes), else the words selected."""
        focus = QApplication.focusWidget()
        if focus is not None and self.findings.isAncestorOf(focus):
            self.findings.copy()
        elif isinstance(focus, TextPane) or focus is None:
            self.focused_pane().copy()
        elif hasattr(focus, "copy"):
            focus.copy()

    def copy_pair(self) -> None:
        text = self.view.selected_pair_text()
        if text is None:
            self.set_note(self.tr("Click a passage first: its link is what is copied"), 3000)
            return
        QApplication.clipboard().setText(text)
        self.set_note(self.tr("Linked pair copied"), 3000)

    def open_find(self) -> None:
        self.find_bar.open_on(self.view.focused_side)

    def zoom(self, step: int | None) -> None:
        """+1/-1 a point, 0 back to the default, None re-apply the current size."""
        if step == 0:
            self._point_size = palette.DEFAULT_POINT_SIZE
        elif step:
            self._point_size = max(6, min(48, self._point_size + step))
        font = palette.text_font(self._point_size)
        if self.text_family:
            font.setFamilies([self.text_family, *palette.TEXT_FAMILIES])
        self.view.set_text_font(font)

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
        self.view.set_wrap(on)

    def _printable(self):
        from viewer.app import printing

        if self.comparison is None:
            self.error(self.tr("Nothing to print"), self.tr("Open two texts first."))
            return None
        return printing.SideBySide(self.comparison, self.view.display, self)

    def print_preview(self) -> None:
        job = self._printable()
        if job is not None:
            job.preview()

    def print_(self) -> None:
        job = self._printable()
        if job is not None:
            job.print_dialog()

    def export_pdf(self) -> None:
        job = self._printable()
        if job is not None:
            job.choose_and_export_pdf()

    def show_shortcuts(self) -> None:
        from viewer.app.help import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Counterpart"), self.tr(
            "<b>Counterpart</b><p>Two readouts of one meeting side by side: aligned passages, "
            "what only one side says, changed wording, and differences in emphasis.</p>"))

    def error(self, title: str, message: str) -> None:
        message = printable(message)  # a file name may not be text
        self.errors.append(message)
        if self.dialogs:
            QMessageBox.warning(self, title, message)


"""Counterpart's desktop window: `python main.py [A B]`, `--project FILE`, `--screenshot OUT.png`."""

from __future__ import annotations

import argparse
import os
import sys
import time

STARTED = time.perf_counter()  # for --exit-when-shown: the interpreter's own start-up comes before this


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Compare two readouts of one meeting side by side. With no files, opens the built-in demo pair.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="the two texts to compare, A then B (.txt, .md, .html, .docx, .pdf)")
    parser.add_argument("--project", metavar="FILE", help="open a saved Counterpart project instead of two files")
    parser.add_argument("--theme", choices=("light", "dark", "system"),
                        help="the window's colours for this run (default: as in Settings)")
    parser.add_argument("--size", metavar="WxH", help=argparse.SUPPRESS)  # window size for --screenshot
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the window offscreen once the analysis is done, save it as a PNG, and exit")
    # for benchmarks/bench_window.py: print the seconds since start once the comparison is on screen, then exit
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if len(args.files) not in (0, 2):
        parser.error("give two files (A and B), or none for the demo pair")
    if args.project and args.files:
        parser.error("give either --project or two files, not both")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the QApplication exists

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from viewer.app import identity, palette
    from viewer.app.identity import APPLICATION, ORGANISATION
    from viewer.app.main_window import MainWindow
    from viewer.app.settings_dialog import Preferences
    from viewer.errors import CounterpartError

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    palette.apply_theme(Preferences.load(identity.settings()).theme)  # before any widget: none repolished
    window = MainWindow()
    if args.theme:
        palette.apply_theme(args.theme)  # this run only: the preference stays as it is
    if args.exit_when_shown:
        window.persist_settings = False

        def shown() -> None:
            window.repaint()  # the comparison painted, not only set
            print(f"shown {time.perf_counter() - STARTED:.3f}", flush=True)
            app.quit()

        window.analysisFinished.connect(shown)
    if args.screenshot:
        window.persist_settings = False
        window.dialogs = False
        width, _x, height = (args.size or "1400x860").partition("x")
        window.resize(int(width), int(height))
    window.show()
    try:
        if args.project:
            from viewer.project import load_project

            window.session.show_project(load_project(args.project), args.project, saved=True)
        elif not (args.screenshot or args.exit_when_shown) and window.session.offer_recovery(
                tuple(args.files) if args.files else None):
            pass  # the unsaved work of the last session is back (for the files asked for, if any)
        elif args.files:
            from viewer.ingest import read_source

            window.set_readouts(read_source(args.files[0]), read_source(args.files[1]))
        else:
            from viewer.demo import demo_readouts

            window.set_readouts(*demo_readouts())
    except CounterpartError as exc:
        if args.screenshot:
            print(f"main.py: {exc}", file=sys.stderr)
            return 2
        window.error(window.tr("Cannot open"), str(exc))

    if not args.screenshot:
        return app.exec()
    if window.is_busy():
        loop = QEventLoop()
        window.analysisFinished.connect(loop.quit)
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
    app.processEvents()
    if window.errors:  # a failed analysis, a lexicon that cannot be read: no picture of it
        print(f"main.py: {window.errors[0]}", file=sys.stderr)
        return 2
    if not window.grab().save(args.screenshot):
        print(f"main.py: {args.screenshot}: cannot write the screenshot", file=sys.stderr)
        return 2
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

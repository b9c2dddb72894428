"""main.py: its arguments, and a screenshot rendered offscreen from the demo pair."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from main import parse_args  # noqa: E402


def test_arguments():
    assert parse_args([]).files == []
    assert parse_args(["a.txt", "b.txt"]).files == ["a.txt", "b.txt"]
    assert parse_args(["--project", "p.json"]).project == "p.json"
    for bad in (["only-one.txt"], ["a", "b", "c"], ["--project", "p.json", "a", "b"]):
        with pytest.raises(SystemExit) as exc:
            parse_args(bad)
        assert exc.value.code == 2


def test_screenshot_of_the_demo_pair_in_the_dark_theme(tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--theme", "dark", "--screenshot", str(out)],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.stat().st_size > 10_000 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    grey = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 23) for y in range(0, image.height(), 19)]
    assert sum(grey) / len(grey) < 90  # a dark window, with no desktop colour scheme to ask


def test_an_unreadable_file_is_one_line_on_stderr(tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(tmp_path / "x.png"),
                          str(tmp_path / "missing-a.txt"), str(tmp_path / "missing-b.txt")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "missing-a.txt" in run.stderr and "Traceback" not in run.stderr

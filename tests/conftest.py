import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Prebuilt data (viewer.cache) of the tests, their subprocesses included, out of the user's cache.
os.environ.setdefault("COUNTERPART_CACHE", os.path.join(tempfile.gettempdir(), "counterpart-tests-cache"))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _qt_settings_in_tmp(tmp_path, monkeypatch):
    """Keep QSettings (preferences, geometry, recent files) and the recovery file out of the
    user's real configuration, and out of the next test's way: QSettings(org, app) uses the
    native format, which is an INI file under XDG_CONFIG_HOME on Linux."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        yield
        return
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers blocks a test for ever: fail at once instead. Tests that
    expect a dialog monkeypatch it with their scripted answer (their patch wins over this one)."""
    try:
        from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
    except ImportError:
        return

    def refuse(*args, **kwargs):
        raise AssertionError("a modal dialog opened in a test without a scripted answer")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileNames"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)

"""Atomic writes: refuse to overwrite without force, never leave a half file, never damage the old one."""

from __future__ import annotations

import os

import pytest

from viewer import fsutil
from viewer.errors import OutputError


def test_writes_new_file_with_ordinary_permissions(tmp_path):
    out = tmp_path / "brief.docx"
    fsutil.atomic_write_bytes(out, b"hello", force=False)
    assert out.read_bytes() == b"hello"
    assert out.stat().st_mode & 0o777 == 0o666 & ~fsutil._UMASK
    assert os.listdir(tmp_path) == ["brief.docx"]


def test_existing_file_is_not_overwritten_without_force(tmp_path):
    out = tmp_path / "notes.json"
    out.write_text("old")
    with pytest.raises(OutputError, match=r"notes\.json exists; use --force to overwrite"):
        fsutil.atomic_write_text(out, "new", force=False)
    assert out.read_text() == "old"


def test_force_replaces_and_keeps_the_old_permissions(tmp_path):
    out = tmp_path / "project.json"
    out.write_text("old")
    out.chmod(0o640)
    fsutil.atomic_write_text(out, "новый 新", force=True)
    assert out.read_text(encoding="utf-8") == "новый 新"
    assert out.stat().st_mode & 0o777 == 0o640


def test_failure_mid_write_leaves_old_file_and_no_leftovers(tmp_path, monkeypatch):
    out = tmp_path / "project.json"
    out.write_text("precious")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    with pytest.raises(OutputError, match="No space left on device"):
        fsutil.atomic_write_text(out, "x" * 100_000, force=True)
    assert out.read_text() == "precious"
    assert os.listdir(tmp_path) == ["project.json"]


def test_failure_on_a_new_file_leaves_nothing(tmp_path, monkeypatch):
    out = tmp_path / "new.docx"

    def rename_fails(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fsutil.os, "replace", rename_fails)
    with pytest.raises(OutputError, match="Input/output error"):
        fsutil.atomic_write_bytes(out, b"data", force=False)
    assert os.listdir(tmp_path) == []


def test_missing_folder_and_folder_target_are_plain_errors(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        fsutil.atomic_write_bytes(tmp_path / "nope" / "x.docx", b"", force=True)
    with pytest.raises(OutputError, match="is a folder"):
        fsutil.atomic_write_bytes(tmp_path, b"", force=True)

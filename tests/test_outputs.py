"""Outputs of the command line: no file, link or device replaced without --force (a device
never), every output checked and staged before any is written, a full disk leaving what was
there byte for byte, stale temporary files of killed writes cleaned, file names that are not text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time

import pytest

from viewer import fsutil
from viewer.cli import main
from viewer.errors import OutputError
from viewer.paths import RESOURCES

DEMO_A = str(RESOURCES / "demo" / "state-department.txt")
DEMO_B = str(RESOURCES / "demo" / "foreign-ministry.txt")


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["compare", DEMO_A, DEMO_B, *args])
    err = capsys.readouterr().err
    assert err.count("\n") <= 1, err
    return code, err


def test_json_keeps_an_existing_file_without_force(tmp_path, capsys):
    out = tmp_path / "brief.docx"
    out.write_bytes(b"an earlier brief")
    code, err = run(capsys, "--json", str(out))
    assert code == 2 and "exists; use --force" in err
    assert out.read_bytes() == b"an earlier brief"
    assert run(capsys, "--json", str(out), "--force")[0] == 0
    assert json.loads(out.read_text())["format"] == "counterpart.comparison"


def test_a_symbolic_link_is_replaced_only_with_force_and_its_target_never(tmp_path, capsys):
    target = tmp_path / "target.json"
    target.write_text("kept")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere")
    for path in (link, dangling):
        code, err = run(capsys, "--json", str(path))
        assert code == 2 and "symbolic link" in err
    assert run(capsys, "--json", str(link), "--force")[0] == 0
    assert not link.is_symlink() and target.read_text() == "kept"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_device_or_a_pipe_is_never_replaced(tmp_path, capsys, force):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    to_device = tmp_path / "full.json"
    to_device.symlink_to("/dev/full")
    for path, what in (("/dev/full", "a device"), (str(to_device), "a device"), (str(fifo), "a named pipe")):
        code, err = run(capsys, "--json", path, *force)
        assert code == 2 and f"is {what}, not a file" in err
    assert os.path.exists("/dev/full") and not os.path.isfile("/dev/full")


def test_every_output_is_checked_before_any_is_written(tmp_path, capsys):
    brief = tmp_path / "brief.docx"
    code, err = run(capsys, "--docx", str(brief), "--json", str(tmp_path / "missing" / "out.json"))
    assert code == 2 and "does not exist" in err
    assert not brief.exists()
    code, err = run(capsys, "--docx", str(tmp_path / "same"), "--json", str(tmp_path / "same"))
    assert code == 2 and "the same file" in err


def test_a_failed_write_leaves_every_output_as_it_was(tmp_path, monkeypatch):
    first, second = tmp_path / "a.docx", tmp_path / "b.json"
    first.write_bytes(b"old brief")
    calls = []
    real_fsync = os.fsync

    def full_on_the_second(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(fsutil.os, "fsync", full_on_the_second)
    with pytest.raises(OutputError, match=r"b\.json: cannot write \(No space left on device\)"):
        fsutil.atomic_write_all([(first, b"new brief"), (second, b"{}")], force=True)
    assert first.read_bytes() == b"old brief" and not second.exists()
    assert sorted(os.listdir(tmp_path)) == ["a.docx"]


@pytest.fixture
def full_disk(tmp_path):
    """A 256 KB file system, filled but for a few bytes; skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a small file system here")
    try:
        (mount / "brief.docx").write_bytes(b"the brief of last week")
        with open(mount / "filler", "wb", buffering=0) as filler, pytest.raises(OSError):
            while True:
                filler.write(b"\0" * 4096)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_leaves_the_old_brief_byte_for_byte(full_disk, capsys):
    code, err = run(capsys, "--docx", str(full_disk / "brief.docx"), "--json", str(full_disk / "out.json"), "--force")
    assert code == 2 and "cannot write" in err
    assert (full_disk / "brief.docx").read_bytes() == b"the brief of last week"
    assert sorted(os.listdir(full_disk)) == ["brief.docx", "filler"]


def test_stale_temporary_files_of_our_writes_are_removed_and_nothing_else(tmp_path):
    old = time.time() - fsutil.STALE_AFTER - 60
    ours_old = tmp_path / ".brief.docx.counterpart-k2j4h5g6.part"
    ours_unmarked = tmp_path / ".brief.docx.a1b2c3d4.part"  # the naming of earlier versions
    ours_fresh = tmp_path / ".brief.docx.counterpart-zzzzzzzz.part"  # a write in progress
    other_part = tmp_path / ".download.iso.k2j4h5g6.part"
    other = tmp_path / "notes.part"
    for path in (ours_old, ours_unmarked, ours_fresh, other_part, other):
        path.write_bytes(b"x" * 100)
        if path is not ours_fresh:
            os.utime(path, (old, old))
    fsutil.atomic_write_bytes(tmp_path / "brief.docx", b"new", force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["brief.docx", ours_fresh.name, other_part.name, other.name])
    os.utime(ours_fresh, (old, old))
    assert fsutil.clean_stale_parts(tmp_path) == 1  # any destination, marked names only
    assert other_part.exists() and other.exists()


def test_file_names_that_are_not_text(tmp_path, capsys):
    name = os.fsdecode(b"caf\xe9 readout.txt")
    shutil.copy(DEMO_A, tmp_path / name)
    out_json, out_docx = tmp_path / "out.json", tmp_path / "out.docx"
    assert main(["compare", str(tmp_path / name), DEMO_B, "--json", str(out_json), "--docx", str(out_docx)]) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["readouts"]["A"]["source"].endswith("caf\\xe9 readout.txt")
    capsys.readouterr()
    assert main(["compare", str(tmp_path / "no\nsuch.txt"), DEMO_B]) == 2
    assert capsys.readouterr().err == f"counterpart: {tmp_path}/no\\nsuch.txt: no such file\n"

"""The brief's files as one unit (briefer/files.py): --out checked before any work, a full disk named with its path,
a run killed while writing never leaves a mixed set once the next run starts, runs into one folder take turns."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from in_process import briefer as run

import briefer.files
import briefer.pipeline
from briefer.errors import RenderError
from briefer.files import COMPLETE, STAGING_PREFIX, OutputFolder, write_atomic

SEED = Path(__file__).resolve().parent.parent / "seeds" / "001_0a9e6b4c76570040.txt"
NAMES = ("brief.md", "brief.html", "brief.pdf", "briefing.json")


def a_set(tag: str, size: int = 1000) -> dict[str, bytes]:
    return {name: f"{tag} {name}\n".encode() * size for name in NAMES}


def put(out: Path, documents: dict[str, bytes]) -> None:
    """What a run does: take the folder's lock and replace its set."""
    folder = OutputFolder(out)
    with folder.locked():
        folder.replace(documents)


def contents(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def staging_folders(folder: Path) -> list[Path]:
    return sorted(folder.glob(STAGING_PREFIX + "*"))


@pytest.fixture
def no_extraction(monkeypatch):
    """Fail the test if the run gets as far as reading articles."""
    def extract(*args, **kwargs):
        raise AssertionError("--out should have been refused before any work")

    monkeypatch.setattr(briefer.pipeline, "extract", extract)


def test_out_naming_a_file_exits_5_before_any_work(tmp_path, no_extraction):
    out = tmp_path / "brief.txt"
    out.write_text("keep me")
    result = run("brief", str(SEED), "--out", str(out), "--no-history")
    assert result.returncode == 5
    assert result.stderr.splitlines() == [f"briefer: error: --out {out}: a file, not a folder"]
    assert out.read_text() == "keep me"


def test_out_inside_a_file_exits_5_before_any_work(tmp_path, no_extraction):
    (tmp_path / "brief.txt").write_text("keep me")
    out = tmp_path / "brief.txt" / "out"
    result = run("brief", str(SEED), "--out", str(out), "--no-history")
    assert result.returncode == 5
    assert result.stderr.splitlines() == [f"briefer: error: --out {out}: cannot create the folder (Not a directory)"]


def test_a_full_disk_exits_5_naming_the_file_and_keeps_the_previous_brief(tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = run("brief", str(SEED), "--out", str(out), "--format", "md,json", "--no-history")
    assert first.returncode == 0, first.stderr
    before = contents(out)
    real_fsync, calls = os.fsync, []

    def fsync_on_a_full_disk(descriptor):
        calls.append(descriptor)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(briefer.files.os, "fsync", fsync_on_a_full_disk)
    full = run("brief", str(SEED), "--out", str(out), "--format", "md,json", "--no-history", "--title", "Second")
    assert full.returncode == 5
    assert full.stderr.splitlines()[-1] == (
        f"briefer: error: cannot write {out / 'briefing.json'}: No space left on device; the previous files are "
        "untouched")
    assert contents(out) == before and staging_folders(out) == []


def _killed_while(out: Path, documents: dict[str, bytes], slow: str, ready) -> None:
    """Fork a process that writes `documents` into `out` with `slow` (os.fsync or os.replace) slowed down, and
    SIGKILL it once `ready()` holds."""
    pid = os.fork()
    if pid == 0:  # the child: write, slowly
        real = getattr(os, slow)

        def slowly(*args):
            real(*args)
            time.sleep(0.5)

        setattr(os, slow, slowly)
        try:
            put(out, documents)
        finally:
            os._exit(0)
    deadline = time.monotonic() + 30
    while not ready() and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), "the writer finished before it could be killed"


def test_a_run_killed_while_writing_leaves_the_previous_set_whole(tmp_path):
    out = tmp_path / "out"
    old, new = a_set("old"), a_set("new")
    put(out, old)

    def staged_two_files():
        return any(len(list(folder.iterdir())) >= 2 for folder in staging_folders(out))

    _killed_while(out, new, "fsync", staged_two_files)
    assert contents(out) == old  # a reader sees the previous brief, whole
    assert len(staging_folders(out)) == 1
    OutputFolder(out).recover()  # the next run removes what was left half-written
    assert contents(out) == old and staging_folders(out) == []


def test_a_run_killed_while_moving_the_set_into_place_is_finished_by_the_next(tmp_path):
    out = tmp_path / "out"
    old, new = a_set("old"), a_set("new")
    put(out, old)

    def moved_one_file():
        return any(data.startswith(b"new") for data in contents(out).values())

    _killed_while(out, new, "replace", moved_one_file)
    assert contents(out) != new and contents(out) != old  # mixed, until the next run
    assert [folder for folder in staging_folders(out) if (folder / COMPLETE).is_file()]
    OutputFolder(out).recover()  # what the next run does first
    assert contents(out) == new and staging_folders(out) == []


def test_the_next_run_finishes_a_complete_set_left_behind(tmp_path):
    out = tmp_path / "out"
    put(out, a_set("old"))
    staging = out / (STAGING_PREFIX + "left")
    staging.mkdir()
    for name, data in a_set("new").items():
        (staging / name).write_bytes(data)
    (staging / COMPLETE).write_bytes(b"")
    (out / (STAGING_PREFIX + "half")).mkdir()
    OutputFolder(out).recover()
    assert contents(out) == a_set("new") and staging_folders(out) == []


def test_a_second_run_into_the_same_folder_waits_and_says_so(tmp_path, caplog):
    out = tmp_path / "out"
    first, second = OutputFolder(out), OutputFolder(out)
    finished = threading.Event()

    def write_second():
        with second.locked():
            second.replace(a_set("second"))
        finished.set()

    with caplog.at_level(logging.WARNING), first.locked():
        waiting = threading.Thread(target=write_second)
        waiting.start()
        time.sleep(0.3)
        assert not finished.is_set()
        first.replace(a_set("first"))
        assert contents(out) == a_set("first")
    waiting.join(10)
    assert finished.is_set() and contents(out) == a_set("second")
    assert f"{out}: another briefer run is writing there; waiting for it to finish" in caplog.messages


def test_write_atomic_replaces_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "sub" / "file.json"
    write_atomic(path, b"one")
    monkeypatch.setattr(briefer.files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError):
        write_atomic(path, b"two")
    assert path.read_bytes() == b"one" and [p.name for p in path.parent.iterdir()] == ["file.json"]


def test_an_unwritable_out_is_refused_before_any_work(tmp_path):
    import tempfile

    from test_ingest_bad_input import run_without_root

    base = Path(tempfile.mkdtemp(prefix="briefer-out-"))  # under /tmp, reachable by another user
    base.chmod(0o755)
    locked = base / "locked"
    locked.mkdir(mode=0o555)

    def check(out: Path) -> str:
        try:
            OutputFolder(out).check()
        except RenderError as exc:
            return f"{exc.exit_code} {exc}"
        return "accepted"

    try:
        outcome = run_without_root(lambda: [check(locked), check(locked / "new")])
    finally:
        shutil.rmtree(base)
    assert outcome == [f"5 --out {locked}: not writable (permission denied)",
                       f"5 --out {locked / 'new'}: cannot create the folder (Permission denied)"]

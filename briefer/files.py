"""Writing files so that nothing is lost or half-written: one file atomically, or a brief's set of files as a unit.

A set goes to a staging folder inside the output folder, each file flushed to disk; a marker then says the set is
complete, and the files are renamed into place. A run killed before the marker leaves the previous set untouched;
one killed during the renames leaves a complete staging folder, which the next run into that folder moves into
place before anything else (and a staging folder without the marker it removes). Runs into one folder take turns:
each holds a lock on the folder while it writes.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from briefer.errors import RenderError

log = logging.getLogger(__name__)

STAGING_PREFIX = ".briefer-staging-"
COMPLETE = ".complete"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, flushed to disk, then rename it: `path` holds the old bytes
    or the new, never part of them. OSError when it cannot be written (the temporary file is removed)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


class OutputFolder:
    """The folder a brief's files are written to (`--out`)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def check(self) -> None:
        """Create the folder if need be and make sure files can be written in it, before any work is done;
        RenderError (exit 5) saying why not."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise RenderError(f"--out {self.path}: a file, not a folder") from None
        except OSError as exc:
            raise RenderError(f"--out {self.path}: cannot create the folder ({_reason(exc)})") from None
        if not self.path.is_dir():
            raise RenderError(f"--out {self.path}: not a folder")
        if not os.access(self.path, os.W_OK | os.X_OK):
            raise RenderError(f"--out {self.path}: not writable (permission denied)")

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the folder's lock: a second run into the same folder waits (and says so) until this one is done."""
        self.check()
        descriptor = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log.warning("%s: another briefer run is writing there; waiting for it to finish", self.path)
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # closing releases the lock

    def replace(self, documents: Mapping[str, bytes]) -> dict[str, Path]:
        """Put `documents` (file name -> bytes) in the folder as one unit; the caller holds the lock. RenderError
        (exit 5) naming the file when the disk is full or the folder cannot be written."""
        self.recover()
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.path))
        name = ""
        try:
            for name, data in documents.items():
                _write_synced(staging / name, data)
            _write_synced(staging / COMPLETE, b"")
            _sync_folder(staging)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            target = self.path / name if name else self.path
            raise RenderError(f"cannot write {target}: {_reason(exc)}; the previous files are untouched") from None
        try:
            self._move_into_place(staging)
        except OSError as exc:
            raise RenderError(f"cannot move the brief into {self.path}: {_reason(exc)}") from None
        return {name: self.path / name for name in documents}

    def recover(self) -> None:
        """Finish what a run killed while writing left: a complete staging folder is moved into place, an
        incomplete one removed."""
        for staging in sorted(self.path.glob(STAGING_PREFIX + "*")):
            if (staging / COMPLETE).is_file():
                log.warning("%s: finishing the brief an interrupted run had written", self.path)
                self._move_into_place(staging)
            else:
                log.info("%s: removing the files of an interrupted run", staging)
                shutil.rmtree(staging, ignore_errors=True)

    def _move_into_place(self, staging: Path) -> None:
        for file in sorted(staging.iterdir()):
            if file.name != COMPLETE:
                os.replace(file, self.path / file.name)
        _sync_folder(self.path)
        shutil.rmtree(staging)


def _write_synced(path: Path, data: bytes) -> None:
    """A new file holding `data`, flushed to disk, readable as the umask allows."""
    with path.open("xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o666 & ~_umask())


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (renames, new files) to disk; a file system that cannot is no error."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(descriptor)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _reason(error: OSError) -> str:
    """The system's words for an OSError ("No space left on device"), without the Errno number."""
    return error.strerror or str(error)

"""Crash-safe file writes.

:func:`atomic_write` never leaves a half-written file at ``path``: the bytes go to
a temporary file in the same directory, which is flushed and fsynced and then
renamed over ``path`` with :func:`os.replace` (atomic on POSIX and Windows), and
the directory is fsynced so that the rename itself survives a power cut. Before
the rename the previous file, if it is a valid save, becomes ``path.bak``
(through a hard link or a copy, itself renamed into place atomically), so at
every instant ``path`` is the old or the new complete file and ``path.bak`` the
one before.

A process killed mid-write leaves at most a hidden ``.NAME.PID.*.tmp`` file;
the next write to the same path removes those of processes no longer running.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

#: Temporary files of dead writers older than this are removed even where we
#: cannot tell whether their process is alive (Windows).
STALE_TEMP_SECONDS = 3600.0


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of ``path`` is kept: ``path`` + ``.bak``."""
    p = Path(path)
    return p.with_name(p.name + ".bak")


def pid_alive(pid: int) -> bool:
    """True if a process ``pid`` is running (POSIX); on Windows always True (unknown)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill would terminate the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (no-op where directories cannot be opened)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_prefix(name: str) -> str:
    return f".{name}."


def remove_stale_temps(directory: Path, name: str) -> int:
    """Remove leftover temporary files for ``name`` whose writer is gone; return how many."""
    removed = 0
    prefix = _temp_prefix(name)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    now = time.time()
    for e in entries:
        if not (e.name.startswith(prefix) and e.name.endswith(".tmp")):
            continue
        pid_part = e.name[len(prefix) :].split(".", 1)[0]
        try:
            pid = int(pid_part)
        except ValueError:
            continue
        if pid == os.getpid():
            continue  # maybe another thread of ours, writing right now
        try:
            old = now - e.stat().st_mtime > STALE_TEMP_SECONDS
        except OSError:
            continue
        if not pid_alive(pid) or old:
            with contextlib.suppress(OSError):
                os.unlink(e.path)
                removed += 1
    return removed


def _write_temp(directory: Path, name: str, data: bytes, mode: int | None) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(name)}{os.getpid()}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            if mode is not None and hasattr(os, "fchmod"):
                with contextlib.suppress(OSError):
                    os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _rotate_backup(path: Path, keep: Callable[[Path], bool] | None) -> None:
    """Make the current ``path`` the backup, atomically, if ``keep(path)`` says it is worth keeping."""
    if keep is not None and not keep(path):
        return  # never replace a good backup with a damaged file
    bak = backup_path(path)
    tmp = path.with_name(f"{_temp_prefix(bak.name)}{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        try:
            os.link(path, tmp)  # the file is never modified in place, so sharing its inode is safe
        except OSError:
            shutil.copyfile(path, tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
        os.replace(tmp, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    keep_backup: bool = True,
    backup_if: Callable[[Path], bool] | None = None,
) -> None:
    """Write ``data`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    ``backup_if(path)`` decides whether the file being replaced deserves to become
    the backup (default: always). Raises OSError (and leaves ``path`` and its
    backup as they were) if anything fails before the final rename.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(directory, path.name)
    remove_stale_temps(directory, backup_path(path).name)
    try:
        mode: int | None = os.stat(path).st_mode & 0o777
        exists = True
    except FileNotFoundError:
        mode, exists = 0o644, False
    tmp = _write_temp(directory, path.name, data, mode)
    try:
        if keep_backup and exists:
            _rotate_backup(path, backup_if)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(directory)

"""One run at a time writes a folder of outputs: a lock file beside it names the run that does.

Two runs swapping the same folder at once would each take the other's half-swapped folder for
one a killed run left (:func:`opmap.pack.folder.recover_folder`), and put it back over the
other's work. So a run first creates ``.NAME.opmap-lock`` beside the folder, a file that no
other run can create while it exists (``O_CREAT | O_EXCL``, on every system, as git's
``index.lock``), holding its process id and its machine's name; it removes the file when it is
done, whether it succeeded or failed. A second run stops at once and names the process that
holds the folder. A lock whose process has ended (a killed run) is removed and the run goes on;
one taken on another machine (a shared folder) cannot be checked from here, so it holds until
that run removes it, or the user does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from opmap.errors import OutputError
from opmap.output import cannot_write
from opmap.ownership import process_alive
from opmap.words import text


@contextlib.contextmanager
def lock_folder(target: Path, given: Path | str) -> Iterator[Path]:
    """Hold the lock of the output folder ``target`` while the block runs; yield the lock's path.

    Parameters
    ----------
    target : Path
        The folder, resolved (its parent is created if missing, to hold the lock).
    given : path-like
        The folder as the user named it, for the message.

    Raises
    ------
    OutputError
        If another run holds the lock, or the lock cannot be created.
    """
    lock = lock_path(target)
    _take(lock, given)
    try:
        yield lock
    finally:
        # Only this run's: a forked step of the build has another id, and a lock the user
        # removed may have been taken by a later run since.
        with contextlib.suppress(OutputError, OSError):  # left behind, it is a dead run's
            seen = _look(lock)
            if seen is not None and seen.holder() == _Holder.this_run():
                lock.unlink()


def lock_path(target: Path) -> Path:
    """Return the lock file of the output folder ``target``: ``.NAME.opmap-lock`` beside it."""
    return target.with_name(f".{target.name}.opmap-lock")


@dataclass(frozen=True)
class _Holder:
    """The run a lock names: its process id, and the machine it runs on."""

    pid: int
    host: str

    @classmethod
    def this_run(cls) -> _Holder:
        return cls(os.getpid(), socket.gethostname())

    def alive(self) -> bool:
        """Whether it may still be writing: it runs here, or it ran on another machine."""
        return self.host != socket.gethostname() or process_alive(self.pid)


@dataclass(frozen=True)
class _Look:
    """What a lock file held when read, and which file it was (its inode and time)."""

    content: bytes
    identity: tuple[int, int]

    def holder(self) -> _Holder | None:
        lines = self.content.decode("utf-8", "replace").splitlines()
        if not lines or not lines[0].strip().isdigit():
            return None
        host = lines[1].strip() if len(lines) > 1 and lines[1].strip() else socket.gethostname()
        return _Holder(int(lines[0]), host)


def _take(lock: Path, given: Path | str) -> None:
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise cannot_write(given, err) from err
    for _ in range(_ATTEMPTS):
        try:
            descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            seen = _settled_look(lock)
            holder = seen.holder() if seen is not None else None
            if holder is not None and holder.alive():
                raise OutputError(_refusal(given, lock, holder)) from None
            _clear_stale(lock, seen)
            continue
        except OSError as err:
            raise cannot_write(lock, err) from err
        me = _Holder.this_run()
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(f"{me.pid}\n{me.host}\n")
        except OSError as err:
            lock.unlink(missing_ok=True)
            raise cannot_write(lock, err) from err
        return
    # Each try found a lock of a run that had ended: runs killed one after the other.
    raise cannot_write(lock, FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)))


def _refusal(given: Path | str, lock: Path, holder: _Holder) -> str:
    shown = {"path": str(given), "pid": holder.pid, "lock": str(lock)}
    if holder.host != socket.gethostname():
        return text("out_locked_elsewhere", host=holder.host, **shown)
    return text("out_locked", **shown)


def _look(lock: Path) -> _Look | None:
    """Return what ``lock`` holds and which file it is; None if there is none."""
    try:
        with open(lock, "rb") as handle:
            info = os.fstat(handle.fileno())
            return _Look(handle.read(_MOST), (info.st_ino, info.st_mtime_ns))
    except FileNotFoundError:
        return None
    except OSError as err:
        raise cannot_write(lock, err) from err


def _settled_look(lock: Path) -> _Look | None:
    """Look at ``lock``; one with no process id yet is read again for a moment.

    A run writes its id just after creating the file: one that holds none a second later was
    left by a run killed in between (or made by hand).
    """
    deadline = time.monotonic() + _SETTLE_SECONDS
    seen = _look(lock)
    while seen is not None and seen.holder() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        seen = _look(lock)
    return seen


def _clear_stale(lock: Path, seen: _Look | None) -> None:
    """Remove the lock of an ended run, and no lock another run took since it was read.

    The lock is first moved aside, in one step, and removed only if it is still the file that
    was read: two runs that both found the same stale lock must not remove each other's new one.
    """
    aside = lock.with_name(f"{lock.name}-stale-{os.getpid()}-{secrets.token_hex(4)}")
    try:
        os.replace(lock, aside)
    except FileNotFoundError:
        return  # another run removed it first
    except OSError as err:
        raise cannot_write(lock, err) from err
    if _look(aside) == seen:
        aside.unlink(missing_ok=True)
    else:  # a run took the lock after it was read: give it back
        os.replace(aside, lock)


_ATTEMPTS = 3
_SETTLE_SECONDS = 1.0
_MOST = 1000  # bytes read from a lock: an id and a machine's name

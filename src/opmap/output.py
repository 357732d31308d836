"""Writing outputs so that nothing is ever half-written.

Each file is written to a temporary file in the same folder and renamed over the target, so a
reader sees the old file or the new one, never a part of it; a whole folder is built beside the
old one and swapped in (:func:`opmap.pack.folder.replace_folder`). Every CSV is written through
:func:`write_csv`, which neutralises cells a spreadsheet would run as formulas.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from opmap.errors import OutputError


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` if the block succeeds.

    The new file gets the permissions a new file gets from the user's umask (``0o666 & ~umask``),
    so a user who keeps a private umask gets private outputs; a file it replaces keeps its own
    permissions, so a ``chmod 600`` on an earlier map survives ``--force``.

    Parameters
    ----------
    path : path-like
        The file to write. Its folder is created if needed.

    Raises
    ------
    OutputError
        If the folder cannot be created or the file cannot be written.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Named so that a later run recognises it as left by a killed run (opmap.ownership).
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.opmap-part-{os.getpid()}-", dir=target.parent
        )
        os.close(handle)
    except OSError as err:
        raise cannot_write(target, err) from err
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, file_mode(target))
        os.replace(temp, target)
    except OutputError:
        raise  # worded already (a file written beside this one in the same block)
    except OSError as err:
        raise cannot_write(target, err) from err
    finally:
        temp.unlink(missing_ok=True)


def file_mode(target: Path) -> int:
    """Return the permissions for a file written at ``target``: the old file's, or the umask's."""
    try:
        info = os.lstat(target)
    except OSError:
        info = None
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode) & 0o777
    return 0o666 & ~current_umask()


def folder_mode() -> int:
    """Return the permissions of a new folder under the user's umask (``0o777 & ~umask``)."""
    return 0o777 & ~current_umask()


def current_umask() -> int:
    """Return the process's umask without changing it (Linux shows it in /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere os.umask is the only way to read it: set and put back at once.
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def cannot_write(path: Path | str, err: OSError) -> OutputError:
    """Return the error that says ``path`` cannot be written, and the system's reason."""
    from opmap.words import os_reason, text

    return OutputError(text("out_cannot_write", path=str(path), reason=os_reason(err)))


def write_text(path: Path | str, content: str | Iterable[str]) -> Path:
    """Write text as UTF-8, atomically; return the path.

    ``content`` may be parts written one after the other (a large page is then never one
    string).
    """
    with atomic_path(path) as temp:
        if isinstance(content, str):
            temp.write_text(content, encoding="utf-8", newline="\n")
        else:
            with temp.open("w", encoding="utf-8", newline="\n") as file:
                for part in content:
                    file.write(part)
    return Path(path)


def write_bytes(path: Path | str, content: bytes) -> Path:
    """Write bytes atomically; return the path."""
    with atomic_path(path) as temp:
        temp.write_bytes(content)
    return Path(path)


def write_csv(path: Path | str, frame) -> Path:
    """Write a table as UTF-8 CSV, atomically, every cell safe to open in a spreadsheet.

    Parameters
    ----------
    path : path-like
    frame : pandas.DataFrame
        Written without its index; text cells pass through :func:`neutralise_cell`.
    """
    safe = frame.copy()
    for column in safe.columns:
        safe[column] = safe[column].map(
            lambda value: neutralise_cell(value) if isinstance(value, str) else value
        )
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    return write_text(path, safe.to_csv(index=False, lineterminator="\n"))


def neutralise_cell(value: str) -> str:
    """Return ``value`` so that no spreadsheet runs it as a formula (OWASP's CSV injection rule).

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, and is not a
    number, gets a leading single quote, which spreadsheets show as text and do not display.
    Cells that already start with quotes before such a character get one more, so that
    :func:`restore_cell` gives back exactly what was written.
    """
    if value.lstrip("'").startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """Undo :func:`neutralise_cell`: drop the single quote it put before a formula character."""
    if value.startswith("'") and value.lstrip("'").startswith(_FORMULA_STARTS):
        if not _NUMBER.fullmatch(value.lstrip("'")) or value.count("'") > 1:
            return value[1:]
    return value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9][0-9,]*(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def generation_date() -> date:
    """Return the date outputs say they were made: today, or ``SOURCE_DATE_EPOCH``'s date.

    With ``SOURCE_DATE_EPOCH`` set (seconds since 1970, as reproducible-build tools set it), two
    runs on the same inputs write the same bytes whatever the day.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def human_size(size: int) -> str:
    """Return a byte count as the current language writes it: "312 KB", "1.4 MB", "1,4 Mo"."""
    from opmap.i18n import format_number, format_tenths
    from opmap.words import text

    if size < 1000:
        return text("size_bytes", n=format_number(size))
    if size < 1_000_000:
        return text("size_kilobytes", n=format_number(round(size / 1000)))
    return text("size_megabytes", n=format_tenths(size / 1_000_000))

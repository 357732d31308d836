"""Writing outputs so that nothing is ever half-written.

Each file is written to a temporary file in the same folder and renamed over the target, so a
reader sees the old file or the new one, never a part of it; a whole folder is built beside the
old one and swapped in (:func:`atomic_folder`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from opmap.errors import OutputError


@contextlib.contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` if the block succeeds.

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
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=target.parent
        )
        os.close(handle)
    except OSError as err:
        raise OutputError(f"cannot write {str(target)!r}: {err.strerror or err}") from err
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except OSError as err:
        raise OutputError(f"cannot write {str(target)!r}: {err.strerror or err}") from err
    finally:
        temp.unlink(missing_ok=True)


def write_text(path: Path | str, content: str) -> Path:
    """Write text as UTF-8, atomically; return the path."""
    with atomic_path(path) as temp:
        temp.write_text(content, encoding="utf-8", newline="\n")
    return Path(path)


def write_bytes(path: Path | str, content: bytes) -> Path:
    """Write bytes atomically; return the path."""
    with atomic_path(path) as temp:
        temp.write_bytes(content)
    return Path(path)


@contextlib.contextmanager
def atomic_folder(path: Path | str) -> Iterator[Path]:
    """Yield a fresh temporary folder beside ``path``; swap it in for ``path`` on success.

    An interrupted or failed build leaves the previous folder as it was. Files in the old folder
    that the new one does not have are kept only if the block copies them.
    """
    target = Path(path).resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as err:
        raise OutputError(f"cannot write {str(path)!r}: {err.strerror or err}") from err
    try:
        yield staging
        staging.chmod(0o755)
        _swap(staging, target)
    except OSError as err:
        raise OutputError(f"cannot write {str(path)!r}: {err.strerror or err}") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.replace(staging, target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


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
    """Return a byte count as "312 KB" / "1.4 MB"."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.0f} KB"
    return f"{size / 1_000_000:.1f} MB"

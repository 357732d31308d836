"""How far a long run got, told to the person waiting for it.

Reading and drawing a large input takes minutes; the person running opmap should see that it
works and how far it got. The library tells its progress at the points worth telling (rows read
and checked, boundaries read, each step of a pack or of the coverage maps, as it starts and
ends); nothing is shown unless a caller opened :func:`progress_to`, and then only if the run is
worth it: an input of :data:`LARGE_ROWS` rows or :data:`LARGE_BYTES` bytes or more, or messages
going to a terminal, where someone is watching. Size decides, not time, so that the same input
gives the same messages on a fast machine and a slow one.

The command line opens it on stderr (never stdout, which may be data), in the language of the
run, and not at all with ``--quiet``. Every message is in :mod:`opmap.words`, translated.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "LARGE_BYTES",
    "LARGE_ROWS",
    "ROWS_BETWEEN",
    "Words",
    "in_language",
    "note_file",
    "note_rows",
    "progress_to",
    "tell",
    "timed",
    "warn",
]

#: From this many rows on, an operations CSV is large and its run tells its progress.
LARGE_ROWS = 5_000
#: From this size on, an input file is large (a boundaries file of detailed shapes).
LARGE_BYTES = 20_000_000
#: How many rows are read and checked between two messages.
ROWS_BETWEEN = 5_000


@dataclass(frozen=True)
class Words:
    """A message of :mod:`opmap.words` inside another, worded in the language of the progress."""

    key: str


@dataclass
class _Listener:
    write: Callable[[str], None]
    shown: bool
    language: str | None


_LISTENER: ContextVar[_Listener | None] = ContextVar("opmap_progress", default=None)


@contextlib.contextmanager
def progress_to(
    write: Callable[[str], None], *, terminal: bool = False, language: str | None = None
) -> Iterator[None]:
    """Tell the progress of the runs inside the block to ``write``, one line per call.

    Parameters
    ----------
    write : callable
        Takes one line of text (the command line writes it to stderr).
    terminal : bool, default False
        Whether a person watches the lines as they come: then every run tells its progress,
        not only the large ones.
    language : str, optional
        The language of the messages (default: the current one at each message).
    """
    token = _LISTENER.set(_Listener(write, terminal, language))
    try:
        yield
    finally:
        _LISTENER.reset(token)


@contextlib.contextmanager
def in_language(language: str) -> Iterator[None]:
    """Word the progress told inside the block in ``language``, whatever the pages are in."""
    listener = _LISTENER.get()
    before = listener.language if listener else None
    if listener:
        listener.language = language
    try:
        yield
    finally:
        if listener:
            listener.language = before


def note_rows(rows: int) -> None:
    """Say how many rows the run reads: from :data:`LARGE_ROWS` on, its progress is shown."""
    listener = _LISTENER.get()
    if listener is not None and rows >= LARGE_ROWS:
        listener.shown = True


def note_file(path: Path | str) -> float:
    """Say the run reads the file ``path``: from :data:`LARGE_BYTES` on, its progress is shown.

    Returns
    -------
    float
        The time it starts reading, for :func:`since`.
    """
    listener = _LISTENER.get()
    with contextlib.suppress(OSError):
        if listener is not None and os.path.getsize(path) >= LARGE_BYTES:
            listener.shown = True
    return time.perf_counter()


def tell(key: str, count: int | None = None, **values: object) -> None:
    """Show the message ``key`` of :mod:`opmap.words` if this run's progress is shown.

    Parameters
    ----------
    key : str
        A key of :data:`opmap.words.STRINGS`, or of :data:`opmap.words.PLURALS` if ``count`` is
        given.
    count : int, optional
        The number the words are about (their plural form).
    **values
        The other placeholders; a float ``seconds`` is written as the language writes it, and
        :class:`Words` in the language of the message.
    """
    listener = _LISTENER.get()
    if listener is not None and listener.shown:
        _write(listener, key, count, values)


def warn(key: str, count: int | None = None, **values: object) -> None:
    """Show the message ``key`` whenever a caller listens, however small the run.

    For what the person must hear even on a small input in a script: problems that did not
    stop the run. ``--quiet`` (no listener) still silences it. Parameters as :func:`tell`'s.
    """
    listener = _LISTENER.get()
    if listener is not None:
        _write(listener, key, count, values)


def _write(listener: _Listener, key: str, count: int | None, values: dict) -> None:
    """Word ``key`` in the listener's language and hand it the line."""
    from opmap.i18n import current_language, use_language
    from opmap.words import plural, text

    with use_language(listener.language or current_language()):
        values = {
            name: text(value.key) if isinstance(value, Words) else value
            for name, value in values.items()
        }
        if isinstance(values.get("seconds"), float):
            values["seconds"] = _seconds(values["seconds"])
        listener.write(text(key, **values) if count is None else plural(key, count, **values))


@contextlib.contextmanager
def timed(key: str, count: int | None = None, **values: object) -> Iterator[None]:
    """Tell ``key`` before the block and ``progress_done`` with its time after it."""
    tell(key, count, **values)
    started = time.perf_counter()
    yield
    tell("progress_done", seconds=time.perf_counter() - started)


def since(started: float) -> float:
    """Return the seconds since ``started`` (a :func:`time.perf_counter` value)."""
    return time.perf_counter() - started


def _seconds(seconds: float) -> str:
    """Write seconds with one decimal as the language does: 2.5 / 2,5."""
    from babel.numbers import format_decimal

    from opmap.i18n import current_language

    return format_decimal(
        round(seconds, 1), format="#,##0.0", locale=current_language(), numbering_system="latn"
    )

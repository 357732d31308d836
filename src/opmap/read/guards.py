"""Guards on what an input may be: how large, and which characters its text may hold.

- :class:`Limits`: the largest CSV opmap reads (size and rows) before it refuses, so a huge or
  junk file gets a clear message at once instead of minutes of work (``--max-size``,
  ``--max-rows`` raise them).
- Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F) can make a name display
  reversed or hide part of it; :func:`strip_bidi_controls` removes them from a cell, and the
  reader warns where it did.
- Control characters (C0 but tab and line ends, DEL, C1) can recolour or retitle a terminal,
  or hide a link in it, when a command prints a name; :func:`strip_controls` removes them and
  the reader warns where it did.
- Bytes that are not UTF-8 in a file that is UTF-8 elsewhere are kept, escaped, by the decoder
  (:data:`NOT_UTF8`), so the reader can name the cell that holds them instead of reading the
  whole file as Windows-1252 and garbling every accent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BIDI_CONTROLS",
    "CONTROLS",
    "NOT_UTF8",
    "Limits",
    "TooLarge",
    "describe_bidi",
    "describe_bytes",
    "describe_controls",
    "of_any_input",
    "read_limited",
    "strip_bidi_controls",
    "strip_controls",
]


@dataclass(frozen=True)
class Limits:
    """The largest input opmap reads.

    Parameters
    ----------
    max_bytes : int, default 50,000,000
        Largest operations CSV, in bytes (``--max-size``, in MB).
    max_rows : int, default 200,000
        Most lines of an operations CSV (``--max-rows``).
    """

    max_bytes: int = 50_000_000
    max_rows: int = 200_000

    def size_problem(self, size: int) -> str | None:
        """Return why a file of ``size`` bytes is refused, or None."""
        if size <= self.max_bytes:
            return None
        from opmap.words import text

        size_mb, limit_mb = _megabytes(size, self.max_bytes)
        return text("file_too_large", size=size_mb, limit=limit_mb, option=_max_size())

    def rows_problem(self, lines: int) -> str | None:
        """Return why a file of ``lines`` lines (its header's too) is refused, or None."""
        if lines <= self.max_rows + 1:  # the header is not a row
            return None
        from opmap.words import plural

        return plural("file_too_long", lines - 1, limit=self.max_rows)


def of_any_input(message: str) -> str:
    """Say of a size refused that ``--max-size`` applies to every input, not the operations only.

    For the files read beside the operations (boundaries, region files, lists of states).
    """
    from opmap.words import text

    option = _max_size()
    return message.replace(option, text("file_too_large_any_input", option=option))


def _max_size() -> str:
    """Return "--max-size MB" as ``--help`` words it in the language ("--max-size Mo")."""
    from opmap.words import text

    return f"--max-size {text('metavar_mb')}"


class TooLarge(ValueError):
    """A file larger than the limit; its message says so in the language of the run."""


def read_limited(path: Path, limits: Limits) -> bytes:
    """Read a file whole unless it is larger than ``limits.max_bytes``.

    A file's size is known before it is read; a pipe's or a device's (``/dev/zero``) is not,
    so no more than the limit and one byte is ever read: such an input grew without bound.

    Raises
    ------
    TooLarge
        With the words that say how large it is, or that it is larger than the limit.
    OSError
        If it cannot be read.
    """
    too_large = limits.size_problem(path.stat().st_size)
    if too_large:
        raise TooLarge(too_large)
    with path.open("rb") as handle:
        raw = handle.read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        from opmap.words import text

        _size, limit = _megabytes(len(raw), limits.max_bytes)
        raise TooLarge(text("file_too_large_stream", limit=limit, option=_max_size()))
    return raw


def _megabytes(size: int, limit: int) -> tuple[str, str]:
    """Write a size above a limit, both in bytes, in MB precisely enough that they differ.

    The limit is written as given (50, 0.5, 0.001); the size with one decimal, or as many as
    the limit has or it takes to differ from it, cut rather than rounded up so that it never
    shows more than it is ("is 0.004 MB, more than the limit of 0.001 MB").
    """
    limit_places = next(p for p in range(7) if limit % 10 ** (6 - p) == 0)
    places = max(1, limit_places)
    while places < 6 and size // 10 ** (6 - places) <= limit // 10 ** (6 - places):
        places += 1
    return (
        _decimal(size // 10 ** (6 - places), places),
        _decimal(limit // 10 ** (6 - limit_places), limit_places),
    )


def _decimal(units: int, places: int) -> str:
    """Write ``units`` / 10**``places`` with that many decimals, as the language writes them."""
    from babel.numbers import format_decimal

    from opmap.i18n import DEFAULT_LANGUAGE, current_language

    value = units / 10**places
    language = current_language()
    if language == DEFAULT_LANGUAGE:
        return f"{value:,.{places}f}"
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, pattern, locale=language, numbering_system="latn")


#: The characters that reorder text as it is displayed.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def strip_bidi_controls(text: str) -> str:
    """Return ``text`` without bidirectional control characters."""
    return BIDI_CONTROLS.sub("", text)


def describe_bidi(text: str) -> str:
    """Name the bidirectional controls in ``text``: "U+202E, U+2066"."""
    return _named(BIDI_CONTROLS, text, lambda char: f"U+{ord(char):04X}")


def _named(pattern: re.Pattern, text: str, name) -> str:
    """Name each different character of ``text`` that ``pattern`` finds, in order, as a list."""
    from opmap.words import join_names

    return join_names(sorted({name(char) for char in pattern.findall(text)}))


#: Bytes that were not UTF-8, as Python's "surrogateescape" decoder keeps them (0xE9 -> U+DCE9).
NOT_UTF8 = re.compile("[\udc80-\udcff]")


def describe_bytes(text: str) -> str:
    """Name the bytes that were not UTF-8 in ``text``: "0xE9, 0xFF"."""
    return _named(NOT_UTF8, text, lambda char: f"0x{ord(char) - 0xDC00:02X}")


#: Control characters but tab, line feed and carriage return (which a cell may hold).
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Return ``text`` without control characters (tab and line ends kept)."""
    return CONTROLS.sub("", text)


def describe_controls(text: str) -> str:
    """Name the control characters in ``text``: "U+0007, U+001B"."""
    return _named(CONTROLS, text, lambda char: f"U+{ord(char):04X}")

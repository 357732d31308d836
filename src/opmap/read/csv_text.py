"""The operations CSV as text: decoded, checked for binary content, split into rows.

Bytes are decoded as UTF-8 (with or without BOM) or Windows-1252 (a UTF-8 file with a few bad
bytes stays UTF-8, its bad bytes reported cell by cell), binary files are refused, the
delimiter is read from Excel's ``sep=`` line or sniffed and the rows split, every problem
reported with its line.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from opmap import words
from opmap.read.guards import Limits, TooLarge, read_limited

if TYPE_CHECKING:
    from opmap.read.operations import _Report

_BINARY_SHARE = 0.1  # more non-printable characters than this and it is not a text file
_STRAY_ZEROS = 0.1  # share of zero bytes allowed where UTF-16 or UTF-32 puts a letter's low byte
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")
# One well-formed UTF-8 character beyond ASCII (2, 3 or 4 bytes; no overlong forms, surrogates
# or code points past U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _read_text(path: Path, report: _Report, limits: Limits) -> str | None:
    """Return the text of the file, or None after reporting why it cannot be read."""
    try:
        if path.is_dir():
            report.error(None, words.text("file_folder"))
            return None
        raw = read_limited(path, limits)
    except TooLarge as err:
        report.error(None, str(err))
        return None
    except FileNotFoundError:
        report.error(None, words.text("file_missing"))
        return None
    except (OSError, ValueError) as err:
        report.error(None, words.text("file_unreadable", reason=words.os_reason(err)))
        return None
    too_long = limits.rows_problem(raw.count(b"\n") + (not raw.endswith(b"\n")))
    if too_long:
        report.error(None, too_long)
        return None
    return _decode(raw, report)


def _decode(raw: bytes, report: _Report) -> str | None:
    """Decode UTF-8 (BOM or not), else Windows-1252 as Excel writes it; reject binary files."""
    if not raw.removeprefix(codecs.BOM_UTF8).strip():
        report.error(None, words.text("file_empty"))
        return None
    reason = not_text(raw)
    if reason is None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_not_utf8(raw, report)
            if text is None:
                return None
        reason = not_text(raw, text)
    if reason is not None:
        report.error(None, reason)
        return None
    return text


def not_text(raw: bytes, text: str | None = None) -> str | None:
    """Say why a file is no CSV text, or return None: UTF-16, or (decoded) mostly not printable.

    A list saved from Excel as "Unicode Text" is UTF-16; a workbook given for a CSV decodes to
    control characters. The readers of the operations and of the small files beside them
    (:mod:`opmap.read.table`) refuse both in the same words.
    """
    encoding = wide_unicode(raw)
    if encoding:
        return words.text("file_wide_unicode", encoding=encoding)
    if text and _non_printable_share(text) > _BINARY_SHARE:
        return words.text("file_not_csv")
    return None


def wide_unicode(raw: bytes) -> str | None:
    """Name the encoding of UTF-32 or UTF-16 text ("UTF-16"), by its BOM or its zero bytes.

    Excel's "Unicode Text" is UTF-16 with a BOM; other tools write it, or UTF-32, without one.
    Without a BOM, a file is taken for one when the zero bytes of its text fall where that
    encoding puts the high bytes of Latin letters and digits (a CSV's header is such text), and
    almost nowhere else. UTF-32's BOM starts with UTF-16's, so it is looked for first.
    """
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    sample = raw[:4096]
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = len(sample) // width
        if units < 2:
            continue
        zero = [sample[place::width][:units].count(0) / units for place in range(width)]
        high = zero[1:] if zero[0] < _STRAY_ZEROS else zero[:-1]  # little- or big-endian
        low = zero[0] if zero[0] < _STRAY_ZEROS else zero[-1]
        if low < _STRAY_ZEROS and min(high) > 1 - _STRAY_ZEROS:
            return name
    return None


def _decode_not_utf8(raw: bytes, report: _Report) -> str | None:
    """Decode a file that is not all UTF-8: Windows-1252, or UTF-8 with a few bad bytes kept.

    A file that :func:`utf8_with_stray_bytes` finds UTF-8 has a few bad bytes (a cell pasted
    from elsewhere): reading it all as Windows-1252 would garble every other accent ("é" ->
    "Ã©") without a word. Its bad bytes are kept as escapes, and each cell that holds one is
    reported (:func:`opmap.read.operation_cells._check_characters`). Excel's Windows-1252 files
    are still read as such.
    """
    body = raw.removeprefix(codecs.BOM_UTF8)
    if utf8_with_stray_bytes(body):
        return body.decode("utf-8", errors="surrogateescape")
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
        report.error(None, words.text("file_not_csv" if b"\0" in raw else "file_not_text"))
        return None


def utf8_with_stray_bytes(body: bytes) -> bool:
    """Whether bytes that are not all UTF-8 are UTF-8 text with a few stray bytes pasted in.

    One UTF-8 letter of a Latin alphabet (lead byte C2-C5: "é" is C3 A9) or one 3- or 4-byte
    UTF-8 character ("’" is E2 80 99) settles it, however many stray bytes there are: read as
    Windows-1252 it would be "Ã©" or "â€™", a capital Â, Ã, Ä or Å or a small accented letter
    right before one or two symbols, which no text writes. The other 2-byte characters (Greek,
    Cyrillic, Arabic...) read as an accented capital before a symbol or a no-break space
    ("NDJAMÉ\u00a0:", "ÉTÉ»"), which a Windows-1252 file may hold by chance: they settle it only
    when they outnumber the stray bytes.
    """
    sequences = _UTF8_SEQUENCE.findall(body)
    if any(len(s) > 2 or s[0] <= 0xC5 for s in sequences):
        return True
    stray = len(_HIGH_BYTES.findall(body)) - 2 * len(sequences)
    return len(sequences) > stray


def _non_printable_share(text: str) -> float:
    """Return the share of characters that no text file would hold (controls, unassigned)."""
    # Only ASCII controls can be odd among ASCII characters: count those with a regex and ask
    # unicodedata about the (few) others, instead of about every character of a large file.
    odd = len(_ASCII_CONTROLS.findall(text)) + sum(
        1
        for char in _NON_ASCII.findall(text)
        if unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs")
    )
    return odd / len(text)


def excel_separator(text: str) -> tuple[str | None, str]:
    """Read Excel's optional first line ``sep=;``: return (its delimiter, the text without it).

    The line is blanked, not removed, so every later line keeps its number in messages; an
    empty row is skipped by the readers. Returns (None, text) when the file has no such line.
    """
    first, newline, rest = text.partition("\n")
    match = _SEP_LINE.fullmatch(first.rstrip("\r"))
    if not match:
        return None, text
    return match["delimiter"], newline + rest


_SEP_LINE = re.compile(r'"?sep=(?P<delimiter>[,;\t|])"?[ \t]*', re.IGNORECASE)


def sniff_delimiter(text: str) -> str:
    """Return ``;`` if the header line has more semicolons than commas outside quotes."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {",": 0, ";": 0}
    quoted = False
    for char in header:
        if char == '"':
            quoted = not quoted
        elif char in counts and not quoted:
            counts[char] += 1
    return ";" if counts[";"] > counts[","] else ","


def read_rows(
    text: str, delimiter: str, problem: Callable[[int, str | None, str], None]
) -> list[tuple[int, list[str]]]:
    """Split the text into (line the record starts on, fields), skipping empty rows.

    A record the csv module cannot read (a quote left open, text after a closing quote, a cell
    past its limit) is left out and told to ``problem(line, column or None, message)``; the
    reading goes on after it. Both readers, of the operations and of the small files beside
    them (:mod:`opmap.read.table`), split their rows here, so they word these alike.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    end = 0  # csv gives the line a record ENDS on; it starts on the line after the last one
    while True:
        start = end + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            column, message = None, _csv_message(str(err), delimiter)
            if "field limit" in str(err):
                column, message = _long_cell(text, start, delimiter, rows)
            problem(start, column, message)
            if reader.line_num <= end:
                break
            end = reader.line_num
            continue
        end = reader.line_num
        if any(cell.strip() for cell in fields):
            rows.append((start, fields))
    return rows


def _long_cell(
    text: str, line: int, delimiter: str, rows: list[tuple[int, list[str]]]
) -> tuple[str | None, str]:
    """Say why a cell passed the csv module's limit: a quote left open, or a very long cell.

    Returns the column (when the line has no quote, the longest cell's) and the message.
    """
    found = next(itertools.islice(io.StringIO(text, newline=""), line - 1, None), "")
    if found.count('"') % 2:  # a quote left open runs on: the line cannot tell the cell
        return None, words.text("csv_cell_too_long")
    limit = csv.field_size_limit(len(found) + 1)  # the line alone, to find its long cell
    try:
        cells = next(csv.reader([found], delimiter=delimiter), [])
    finally:
        csv.field_size_limit(limit)
    longest = max(range(len(cells)), key=lambda i: len(cells[i])) if cells else 0
    header = rows[0][1] if rows else []
    column = header[longest].strip() if longest < len(header) else None
    from opmap.i18n import format_number

    return column, words.text("csv_cell_over_limit", limit=format_number(csv.field_size_limit()))


def _csv_message(reason: str, delimiter: str) -> str:
    if "end of data" in reason:
        return words.text("csv_quote_open")
    if "expected after" in reason:
        return words.text("csv_after_quote", delimiter=delimiter)
    if "field limit" in reason:
        return words.text("csv_cell_too_long")
    return words.text("csv_unreadable", reason=reason)

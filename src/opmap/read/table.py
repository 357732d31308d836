"""Small CSV files a user gives beside the operations: region files and lists of states.

:func:`read_table` reads one (UTF-8 or Windows-1252, ``,`` or ``;``; UTF-16 and binary files
refused as the operations file's reader refuses them), checks its header and its cells (a
required column named twice, bytes that are not text, control characters) and returns its rows
with the line each is on, or raises with every problem.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from opmap.errors import InvalidInput, Problem, in_file_order
from opmap.read.csv_text import (
    excel_separator,
    not_text,
    read_rows,
    sniff_delimiter,
    utf8_with_stray_bytes,
)
from opmap.read.guards import (
    CONTROLS,
    NOT_UTF8,
    Limits,
    TooLarge,
    describe_bytes,
    describe_controls,
    of_any_input,
    read_limited,
)
from opmap.words import os_reason, plural, quoted_names, text


def read_table(
    path: Path | str,
    required: tuple[str, ...],
    error: type[InvalidInput],
    what: str,
    usage: str,
    limits: Limits | None = None,
    problems: list[Problem] | None = None,
) -> list[tuple[int, dict[str, str]]]:
    """Read a small CSV into (line it starts on, row) pairs, cells stripped, empty rows skipped.

    Parameters
    ----------
    path : path-like
        The CSV.
    required : tuple of str
        Columns the header must have (others are ignored).
    error : type of InvalidInput
        What to raise.
    what : str
        What the file is ("region file"), for the message when it cannot be read.
    usage : str
        How the file should look, for the message ("a region file has the header 'iso3,region'").
    limits : Limits, optional
        The largest file read (``--max-size``; default :class:`opmap.read.guards.Limits`).
    problems : list of Problem, optional
        Where to add the problems of the rows (a row with too many cells, a cell of control
        characters) and of a column named twice, so that the caller tells them with those it
        finds in the rows, all at once; without it, they are raised. A row with a bad cell is
        left out of the rows returned.

    Returns
    -------
    list of (int, dict)

    Raises
    ------
    InvalidInput
        Of type ``error``, if the file cannot be read or lacks a required column, or (without
        ``problems``) has any other problem.
    """
    name = str(path)
    try:
        raw = read_limited(Path(path), limits or Limits())
    except TooLarge as err:
        raise error([Problem(name, None, None, of_any_input(str(err)))]) from err
    except OSError as err:
        # Worded as the operations file's: "no such file; check the path and the spelling".
        if isinstance(err, FileNotFoundError):
            message = text("file_missing")
        elif isinstance(err, IsADirectoryError):  # as the operations file's: no OS words
            message = text("table_folder", what=what)
        else:
            message = text("table_unreadable", what=what, reason=os_reason(err))
        raise error([Problem(name, None, None, message)]) from err
    decoded = _decode(raw)
    refused = not_text(raw, decoded)  # UTF-16, a workbook: as the operations file's reader says
    if refused:
        raise error([Problem(name, None, None, refused)])
    declared, content = excel_separator(decoded)
    delimiter = declared or sniff_delimiter(content)  # as the operations file's
    found: list[Problem] = []  # a quote left open: told as the operations file's reader tells it
    records = read_rows(
        content, delimiter, lambda line, column, why: found.append(Problem(name, line, column, why))
    )
    header_line, fields = records[0] if records else (1, [])
    header = [h.strip() for h in fields]
    missing = [c for c in required if c not in header]
    if missing:
        columns = quoted_names(missing)
        message = plural("table_missing", len(missing), columns=columns, usage=usage)
        raise error([*found, Problem(name, header_line, None, message, ",".join(header))])
    found += _header_problems(name, header_line, header, required)
    rows = []
    for start, fields in records[1:]:
        cells = {
            key: (fields[i].strip() if i < len(fields) else "")
            for i, key in reversed(list(enumerate(header)))  # a repeated name: its first cell
            if key
        }
        if any(field.strip() for field in fields[len(header) :]):  # "FRA,F,extra": where from?
            message = plural(
                "row_too_many_cells", len(header), cells=len(fields), delimiter=delimiter
            )
            found.append(Problem(name, start, None, message, delimiter.join(fields)))
        if any(cells.get(column) for column in required):
            bad_cells = _cell_problems(name, start, cells, required)
            found += bad_cells
            if not bad_cells:
                rows.append((start, cells))
    found = in_file_order(found)
    if problems is not None:
        problems += found
    elif found:
        raise error(found)
    return rows


def _decode(raw: bytes) -> str:
    """Decode as :mod:`opmap.read.csv_text` does; bytes neither UTF-8 nor cp1252 kept escaped."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        body = raw.removeprefix(codecs.BOM_UTF8)
        encoding = "utf-8" if utf8_with_stray_bytes(body) else "cp1252"
        return body.decode(encoding, errors="surrogateescape")


def _header_problems(
    name: str, line: int, header: list[str], required: tuple[str, ...]
) -> list[Problem]:
    """Refuse a required column named twice: which one holds the region is anyone's guess."""
    return [
        Problem(name, line, key, text("header_repeated", first=header.index(key) + 1, second=i + 1))
        for i, key in enumerate(header)
        if key in required and header.index(key) != i
    ]


def _cell_problems(
    name: str, line: int, cells: dict[str, str], required: tuple[str, ...]
) -> list[Problem]:
    """Bytes that are not text, and control characters (NUL, ESC), in the cells opmap uses."""
    problems = []
    for column in required:
        value = cells[column]
        if NOT_UTF8.search(value):
            shown = NOT_UTF8.sub("\ufffd", value)
            message = text("cell_bad_bytes", bytes=describe_bytes(value))
            problems.append(Problem(name, line, column, message, shown))
        elif CONTROLS.search(value):
            message = text("cell_controls_refused", controls=describe_controls(value))
            problems.append(Problem(name, line, column, message, value))
    return problems

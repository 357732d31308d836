"""Small CSV files a user gives beside the operations: region files and lists of states.

:func:`read_table` reads one (UTF-8 or Windows-1252, ``,`` or ``;``), checks its header and
returns its rows with the line each is on, or raises with the problem.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from opmap.errors import InvalidInput, Problem
from opmap.words import plural, quoted_names, text


def read_table(
    path: Path | str, required: tuple[str, ...], error: type[InvalidInput], what: str, usage: str
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

    Returns
    -------
    list of (int, dict)

    Raises
    ------
    InvalidInput
        Of type ``error``, if the file cannot be read or lacks a required column.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise error(
            [
                Problem(
                    name,
                    None,
                    None,
                    text("table_unreadable", what=what, reason=err.strerror or err),
                )
            ]
        ) from err
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    first = content.splitlines()[0] if content.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in required if c not in header]
    if missing:
        columns = quoted_names(missing)
        message = plural("table_missing", len(missing), columns=columns, usage=usage)
        raise error([Problem(name, 1, None, message, ",".join(header))])
    rows = []
    end = reader.line_num  # csv gives the line a row ENDS on; it starts on the line after
    for fields in reader:
        start, end = end + 1, reader.line_num
        cells = {
            key: (fields[i].strip() if i < len(fields) else "")
            for i, key in enumerate(header)
            if key
        }
        if any(cells.get(column) for column in required):
            rows.append((start, cells))
    return rows

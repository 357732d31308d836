"""The header of the operations CSV: the columns opmap reads, and the checks of a file's header.

:func:`_check_header` tidies each header cell into a column name and reports, all at once, a
column named twice, the required columns the header lacks (with the spelling the user probably
meant) and the columns opmap does not know but that look like one of its own. A column it does
not know is kept as an extra column. :mod:`opmap.read.operations` checks the header once per file,
then each row's cells with :mod:`opmap.read.operation_cells`.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from opmap import words
from opmap.output import restore_cell
from opmap.read.operation_cells import FIGURE_COLUMNS, _check_characters

if TYPE_CHECKING:
    from opmap.read.operations import _Report

#: Every column opmap reads, in the order it writes them; other columns are kept as extras.
COLUMNS = (
    "operation",
    "year",
    "start_date",
    "end_date",
    "countries",
    "countries_total",
    "area",
    *FIGURE_COLUMNS,
    "lat",
    "lon",
    "summary",
    "source",
    "language",
)
REQUIRED_COLUMNS = ("operation", "year")
#: Written by opmap from ``countries`` in the cleaned operations.csv; read back, it is
#: recomputed, not kept as an extra column.
DERIVED_COLUMNS = ("country_names",)
#: Names of fields opmap writes beside the record's own in the GIS layers (``key`` is the join
#: to the participation layer), and those a GeoPackage keeps for itself (``fid``, and ``geom``,
#: its geometry column, which GDAL refused to add again: "Error adding field 'geom'"): an extra
#: column so named would replace them or break the file, so it is refused.
GENERATED_COLUMNS = (
    "key",
    "countries_named",
    "placed",
    *(f"{figure}_{part}" for figure in FIGURE_COLUMNS for part in ("value", "kind")),
    "geometry",
    "geom",
    "fid",
)

#: Most extra columns the GIS layers take: a GeoPackage table holds 2,000 columns (SQLite's
#: limit), and 30 of the operations layer's are opmap's own, the columns named above (its
#: geometry column is both ``geometry`` and ``geom`` there). Past it, GDAL refused the 1,971st
#: ("Error adding field") at the end of a build that validate had passed.
EXTRA_COLUMNS_LIMIT = 2000 - (len(COLUMNS) + len(DERIVED_COLUMNS) + len(GENERATED_COLUMNS) - 1)

# Header spellings people use for opmap's columns, after casefolding and tidying.
_COLUMN_ALIASES = {
    "yr": "year",
    "name": "operation",
    "operation_name": "operation",
    "op": "operation",
    "country": "countries",
    "start": "start_date",
    "end": "end_date",
    "date": "start_date",
    "latitude": "lat",
    "longitude": "lon",
    "lng": "lon",
    "long": "lon",
    "url": "source",
    "link": "source",
    "children": "minors",
    "arrested": "arrests",
    "police": "officers",
}


def _check_header(header: list[str], delimiter: str, report: _Report) -> list[str | None]:
    """Return the tidied column names ("" if unnamed, None if repeated) and report problems."""
    names: list[str | None] = []
    for raw in header:
        # A BOM can survive as "\ufeff", or as "ï»¿" when the rest of the file is Windows-1252.
        name = raw.replace("\ufeff", "").removeprefix("\u00ef\u00bb\u00bf").strip()
        name = _check_characters(restore_cell(name), None, report)
        if name and name in names:
            first, second = names.index(name) + 1, len(names) + 1
            report.error(name, words.text("header_repeated", first=first, second=second))
            name = None  # its cells are ignored: the problem is the header's
        names.append(name)
    unknown = [
        (raw, name) for raw, name in zip(header, names, strict=True) if name and name not in COLUMNS
    ]
    _check_required(names, unknown, delimiter, report)
    _check_clashes(names, report)
    _check_count([name for _raw, name in unknown if name not in DERIVED_COLUMNS], report)
    for _raw, name in unknown:
        guess = _guess_column(name, [c for c in COLUMNS if c not in names])
        if guess is not None and guess not in REQUIRED_COLUMNS:
            report.warning(name, words.text("header_extra_column", guess=guess))
    return names


def _check_clashes(names: list[str | None], report: _Report) -> None:
    """Refuse a column named as a field opmap writes, or as another column but for its case.

    A GeoPackage (SQLite) and most GIS formats do not tell ``Year`` from ``year``: two such
    columns cannot both be written, and an extra ``key`` would break the layers' join.
    """
    seen: dict[str, str] = {}
    for name in names:
        if not name:
            continue
        folded = name.casefold()
        if folded in GENERATED_COLUMNS:
            report.error(name, words.text("header_generated", example=f"csv_{name}"))
        elif folded in seen:
            report.error(name, words.text("header_case", other=seen[folded]))
        else:
            seen[folded] = name
    for name in names:
        folded = (name or "").casefold()
        if name and name not in (*COLUMNS, *DERIVED_COLUMNS) and folded in DERIVED_COLUMNS:
            report.error(name, words.text("header_case", other=folded))


def _check_count(extra: list[str], report: _Report) -> None:
    """Refuse more extra columns than the GeoPackage's operations layer can hold, once."""
    if len(extra) <= EXTRA_COLUMNS_LIMIT:
        return
    from opmap.i18n import format_number

    message = words.text(
        "header_too_many",
        limit=format_number(EXTRA_COLUMNS_LIMIT),
        count=format_number(len(extra)),
    )
    report.error(extra[EXTRA_COLUMNS_LIMIT], message)


def _check_required(
    names: list[str | None], unknown: list[tuple[str, str]], delimiter: str, report: _Report
) -> None:
    """Report, in one problem, every required column the header lacks."""
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if not missing:
        return
    quoted = [repr(c) for c in missing]
    if len(quoted) > 1:
        quoted = [words.text("problem_and", first=words.join_names(quoted[:-1]), second=quoted[-1])]
    message = words.plural("header_missing", len(missing), columns=quoted[0])
    hints = []
    for column in missing:
        for raw, name in unknown:
            if _guess_column(name, [column]) == column:
                hints.append(words.text("header_hint", raw=raw, column=column))
                break
    # A tab- or bar-separated header is one long name that looks like 'operation': say so first.
    if len(names) == 1 and names[0] and ("\t" in names[0] or "|" in names[0]):
        message += words.text("header_separate_columns")
    elif hints:
        message += words.text("header_hints", hints=words.join_names(hints))
    else:
        message += words.text("header_example", delimiter=delimiter)
    report.error(None, message)


def _guess_column(name: str, candidates: list[str]) -> str | None:
    """Return the column a header most likely means ("Operation " -> "operation"), or None."""
    key = re.sub(r"[\s_-]+", "_", name.strip().casefold())
    key = _COLUMN_ALIASES.get(key, key)
    if key in candidates:
        return key
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.75)
    return close[0] if close else None

"""Read and validate the operations CSV into :class:`Operation` records.

This module never imports folium or matplotlib: it turns a file into records or into a list of
problems, every one of them at once. It holds the record and the reading, row by row; the text
and its rows come from :mod:`opmap.read.csv_text`, the checks of the header from
:mod:`opmap.read.operation_header` and those of each cell from :mod:`opmap.read.operation_cells`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from opmap import progress, words
from opmap.errors import InvalidOperations, Problem
from opmap.figures import Figure
from opmap.i18n import sort_key
from opmap.output import restore_cell
from opmap.read.csv_text import (
    _read_text,
    excel_separator,
    read_rows,
    sniff_delimiter,
)
from opmap.read.guards import Limits
from opmap.read.operation_cells import (
    _check_area,
    _check_characters,
    _check_countries,
    _check_countries_total,
    _check_dates,
    _check_duplicate,
    _check_figures,
    _check_language,
    _check_name,
    _check_position,
    _check_source,
    _check_year,
)
from opmap.read.operation_header import COLUMNS, DERIVED_COLUMNS, _check_header


@dataclass(frozen=True)
class Operation:
    """One operation, as validated from one CSV row.

    Parameters
    ----------
    name : str
        "Libertad".
    year : int
    start_date, end_date : datetime.date or None
    countries : tuple of str
        ISO 3166 alpha-3 codes of the named countries, in the order written, no duplicates.
    country_names : tuple of str
        Canonical names of those countries, same order.
    countries_total : int or None
        Declared number of participating countries (at least ``len(countries)``); None if the
        source gives none, in which case the named countries are all that is known.
    area : str or None
        The UN M49 region or subregion the operation ran in ("Western Africa"), when the source
        says where but not (or not only) which countries.
    victims, minors, arrests, officers : Figure or None
    lat, lon : float or None
        Marker position given in the file.
    summary : str
    source : str
        An http(s) URL, or "".
    language : str or None
        The language the record's own text (name, summary, extra columns) is written in, as a
        BCP 47 tag ("en", "fr", "pt-BR"); None if the file does not say. Pages in another
        language mark that text with it, so it is read aloud and hyphenated as what it is.
    extra : dict
        Extra columns of the file, kept as written (column -> value).
    line : int
        Line of the file the record starts on.
    """

    name: str
    year: int
    start_date: date | None = None
    end_date: date | None = None
    countries: tuple[str, ...] = ()
    country_names: tuple[str, ...] = ()
    countries_total: int | None = None
    area: str | None = None
    victims: Figure | None = None
    minors: Figure | None = None
    arrests: Figure | None = None
    officers: Figure | None = None
    lat: float | None = None
    lon: float | None = None
    summary: str = ""
    source: str = ""
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    line: int = 0
    #: The operation's label and identity: ``"Libertad 2018"``.
    key: str = field(init=False, repr=False, compare=False)
    #: How many countries took part: the declared total, else the named ones.
    total_countries: int = field(init=False, repr=False, compare=False)
    #: How many of the participants the source counts but does not name.
    unnamed: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Worked out once: coverage and summaries ask for them millions of times at 100,000
        # operations (as properties, 3.6 s of opmap summary under the profiler).
        total = self.countries_total if self.countries_total is not None else len(self.countries)
        object.__setattr__(self, "key", f"{self.name} {self.year}")
        object.__setattr__(self, "total_countries", total)
        object.__setattr__(self, "unnamed", max(total - len(self.countries), 0))

    @property
    def has_position(self) -> bool:
        """Whether the file gives the operation's own position: the maps draw it there."""
        return self.lat is not None and self.lon is not None

    @property
    def is_placed(self) -> bool:
        """Whether the operation names a country or an area, so that it is in a region."""
        return bool(self.countries) or self.area is not None

    @property
    def is_mapped(self) -> bool:
        """Whether at least one participating country is named (so it can be drawn)."""
        return bool(self.countries)

    @property
    def area_uncounted(self) -> bool:
        """Whether it named an area and no count of its countries ("in the Caribbean").

        Then how many of the area's countries took part is not known: not 0, and any of the
        area's gaps may be among them.
        """
        return self.area is not None and self.countries_total is None

    @property
    def is_single_country(self) -> bool:
        """Whether the operation ran in exactly one country, so its figures belong to it.

        One named with an area and no count (Ghana, in "West Africa") may have had others.
        """
        return len(self.countries) == 1 and self.total_countries == 1 and not self.area_uncounted

    def figure(self, column: str) -> Figure | None:
        """Return the figure of a column of :data:`~opmap.read.operation_cells.FIGURE_COLUMNS`."""
        return getattr(self, column)


def chronological(operation: Operation) -> tuple[int, str]:
    """Sort key of the order opmap lists operations in: by year, then by name as readers sort.

    The map, its list of those not on it, the briefing page that names them, the tables and the
    per-year rows all list so, so that where one names "the first ten" the others name the same.
    """
    return (operation.year, sort_key(operation.name))


@dataclass
class _Report:
    """Collects the problems of one file; ``at(line)`` gives a view that fills in the line."""

    file: str
    line: int | None = None
    problems: list[Problem] = field(default_factory=list)

    def at(self, line: int | None) -> _Report:
        return _Report(self.file, line, self.problems)

    def error(self, column: str | None, message: str, value: str | None = None) -> None:
        self.problems.append(Problem(self.file, self.line, column, message, value))

    def warning(self, column: str | None, message: str, value: str | None = None) -> None:
        self.problems.append(Problem(self.file, self.line, column, message, value, "warning"))

    def has_errors_since(self, start: int) -> bool:
        """Whether any problem from index ``start`` on is an error (not the whole list: O(row))."""
        return any(p.severity == "error" for p in self.problems[start:])


def read_operations(
    path: Path | str | None = None,
    *,
    limits: Limits | None = None,
    warnings: list[Problem] | None = None,
) -> list[Operation]:
    """Read and validate an operations CSV.

    Parameters
    ----------
    path : path-like, optional
        The CSV to read; default the operations that ship with opmap.
    limits : Limits, optional
        The largest file read (default: :class:`opmap.read.guards.Limits`).
    warnings : list of Problem, optional
        Where to add the warnings found, which do not stop the run.

    Returns
    -------
    list of Operation
        One record per row, in file order.

    Raises
    ------
    InvalidOperations
        If the file has any error; ``problems`` lists every problem found, warnings included.
        Warnings alone do not raise.
    """
    if path is None:
        from opmap.bundled import operations_path

        path = operations_path()
    operations, problems = check_operations(path, limits=limits)
    if any(p.severity == "error" for p in problems):
        raise InvalidOperations(problems)
    if warnings is not None:
        warnings.extend(problems)
    return operations


def check_operations(
    path: Path | str, *, limits: Limits | None = None
) -> tuple[list[Operation], list[Problem]]:
    """Read and validate an operations CSV and report every problem at once.

    UTF-8 (with or without BOM) and Windows-1252 files are read; cells may be separated by ``,``
    or ``;``. Columns are found by their header names in any order; columns opmap does not know
    are kept in :attr:`Operation.extra`.

    Parameters
    ----------
    path : path-like
        The CSV to read.
    limits : Limits, optional
        The largest file read (default: :class:`opmap.read.guards.Limits`).

    Returns
    -------
    operations : list of Operation
        The rows without errors, in file order.
    problems : list of Problem
        Every error and warning, in file order. Bad content never raises.
    """
    report = _Report(str(path))
    text = _read_text(Path(path), report, limits or Limits())
    if text is None:
        return [], report.problems
    return _read_records(text, report), report.problems


def _read_records(text: str, report: _Report) -> list[Operation]:
    """Check the header, then turn each row into an Operation or report its problems."""
    declared, text = excel_separator(text)
    delimiter = declared or sniff_delimiter(text)
    rows = read_rows(text, delimiter, lambda line, column, why: report.at(line).error(column, why))
    if not rows:
        if not report.problems:  # every row blank, not a quote that swallowed the file
            report.error(None, words.text("file_blank_rows"))
        return []
    header_line, header = rows[0]
    names = _check_header(header, delimiter, report.at(header_line))
    # A row the csv module could not split was reported on its line: no need to say "no rows".
    if len(rows) == 1 and not any((p.line or 0) > header_line for p in report.problems):
        report.error(None, words.text("file_no_operations"))
    operations = []
    seen: dict[tuple[str, int], int] = {}
    started = time.perf_counter()
    progress.note_rows(len(rows) - 1)
    progress.tell("progress_reading", len(rows) - 1, file=Path(report.file).name)
    for number, (line, fields) in enumerate(rows[1:], start=1):
        if number % progress.ROWS_BETWEEN == 0 and number < len(rows) - 1:
            progress.tell("progress_checked", len(rows) - 1, done=number)
        problems_before = len(report.problems)
        cells = _check_cells(fields, names, delimiter, report.at(line))
        if cells is None:
            continue
        operation = _build_operation(cells, names, seen, report.at(line))
        # A value under an unnamed column is an error of the row too, found before its cells.
        if operation is not None and not report.has_errors_since(problems_before):
            operations.append(operation)
    progress.tell("progress_read", len(rows) - 1, seconds=progress.since(started))
    return operations


def _check_cells(
    fields: list[str], names: list[str | None], delimiter: str, report: _Report
) -> dict[str, str] | None:
    """Return column -> trimmed cell for one row, or None if it has cells beyond the header."""
    overflow = [cell for cell in fields[len(names) :] if cell.strip()]
    if overflow:
        message = words.plural(
            "row_too_many_cells", len(names), cells=len(fields), delimiter=delimiter
        )
        report.error(None, message, delimiter.join(overflow))
        return None
    cells: dict[str, str] = {}
    for index, name in enumerate(names):
        cell = restore_cell(fields[index].strip()) if index < len(fields) else ""
        cell = _check_characters(cell, name, report)
        if name:
            cells[name] = cell
        elif name == "" and cell:
            report.error(None, words.text("row_unnamed_cell", number=index + 1), cell)
    return cells


def _build_operation(
    cells: dict[str, str],
    names: list[str | None],
    seen: dict[tuple[str, int], int],
    report: _Report,
) -> Operation | None:
    """Check every cell of a row and return its Operation, or None if any cell has an error."""
    problems_before = len(report.problems)
    name = _check_name(cells, report)
    year = _check_year(cells, report)
    _check_duplicate(name, year, seen, report)
    start_date, end_date = _check_dates(cells, year, report)
    countries, named = _check_countries(cells.get("countries", ""), bool(cells.get("area")), report)
    countries_total = _check_countries_total(cells.get("countries_total", ""), named, report)
    area = _check_area(cells.get("area", ""), report)
    figures = _check_figures(cells, report)
    lat, lon = _check_position(cells, report)
    source = _check_source(cells.get("source", ""), report)
    language = _check_language(cells.get("language", ""), report)
    if report.has_errors_since(problems_before) or name is None or year is None:
        return None
    if not named and not area:  # kept, in no country's count; said of the column if there is one
        # With its own position it has a marker there; else it is listed as not on the map.
        key = "cell_no_country" if lat is None else "cell_no_country_placed"
        report.warning("countries" if "countries" in cells else None, words.text(key))
    _check_country_names(cells.get("country_names", ""), countries, report)
    return Operation(
        name=name,
        year=year,
        start_date=start_date,
        end_date=end_date,
        countries=tuple(c.iso3 for c in countries),
        country_names=tuple(c.name for c in countries),
        countries_total=countries_total,
        area=area,
        **figures,
        lat=lat,
        lon=lon,
        summary=cells.get("summary", ""),
        source=source,
        language=language,
        extra={n: cells[n] for n in names if n and n not in (*COLUMNS, *DERIVED_COLUMNS)},
        line=report.line or 0,
    )


def _check_country_names(given: str, countries: list, report: _Report) -> None:
    """Warn when a ``country_names`` cell (opmap's own, read back) differs from ``countries``."""
    names = "; ".join(c.name for c in countries)
    if given and given != names:
        report.warning("country_names", words.text("cell_country_names", names=names), given)

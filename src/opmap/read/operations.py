"""Read and validate the operations CSV into :class:`Operation` records.

This module never imports folium or matplotlib: it turns a file into records or into a list of
problems, every one of them at once.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from opmap.errors import InvalidFigure, InvalidOperations, Problem, UnknownArea, UnknownCountry
from opmap.figures import AT_LEAST, EXACT, MORE_THAN, NEARLY, UP_TO, Figure, parse_figure
from opmap.output import restore_cell
from opmap.read.guards import Limits, describe_bidi, strip_bidi_controls

FIGURE_COLUMNS = ("victims", "minors", "arrests", "officers")
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
)
REQUIRED_COLUMNS = ("operation", "year")


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
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    line: int = 0

    @property
    def key(self) -> str:
        """The operation's label and identity: ``"Libertad 2018"``."""
        return f"{self.name} {self.year}"

    @property
    def total_countries(self) -> int:
        """How many countries took part: the declared total, else the named ones."""
        return self.countries_total if self.countries_total is not None else len(self.countries)

    @property
    def unnamed(self) -> int:
        """How many of the participants the source counts but does not name."""
        return max(self.total_countries - len(self.countries), 0)

    @property
    def is_placed(self) -> bool:
        """Whether the operation names a country or an area, so that it is in a region."""
        return bool(self.countries) or self.area is not None

    @property
    def is_mapped(self) -> bool:
        """Whether at least one participating country is named (so it can be drawn)."""
        return bool(self.countries)

    @property
    def is_single_country(self) -> bool:
        """Whether the operation ran in exactly one country, so its figures belong to it."""
        return len(self.countries) == 1 and self.total_countries == 1

    def figure(self, column: str) -> Figure | None:
        """Return the figure of a column of :data:`FIGURE_COLUMNS`."""
        return getattr(self, column)


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
_BINARY_SHARE = 0.1  # more non-printable characters than this and it is not a text file
_YEAR = re.compile(r"[0-9]{4}")
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_FIRST = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_YEAR_LAST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_WORDED_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BARE_HOST = re.compile(r"(?:www\.|[a-z0-9-]+\.[a-z]{2,}(?:[/:?#]|$))", re.IGNORECASE)


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
    path: Path | str | None = None, *, limits: Limits | None = None
) -> list[Operation]:
    """Read and validate an operations CSV.

    Parameters
    ----------
    path : path-like, optional
        The CSV to read; default the operations that ship with opmap.
    limits : Limits, optional
        The largest file read (default: :class:`opmap.read.guards.Limits`).

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


def _read_text(path: Path, report: _Report, limits: Limits) -> str | None:
    """Return the text of the file, or None after reporting why it cannot be read."""
    try:
        if path.is_dir():
            report.error(None, "is a folder, not a file; name the operations CSV inside it")
            return None
        too_large = limits.size_problem(path.stat().st_size)
        if too_large:
            report.error(None, too_large)
            return None
        raw = path.read_bytes()
    except FileNotFoundError:
        report.error(None, "no such file; check the path and the spelling")
        return None
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        report.error(None, f"cannot be read ({reason}); check the path and its permissions")
        return None
    too_long = limits.rows_problem(raw.count(b"\n") + (not raw.endswith(b"\n")))
    if too_long:
        report.error(None, too_long)
        return None
    return _decode(raw, report)


def _decode(raw: bytes, report: _Report) -> str | None:
    """Decode UTF-8 (BOM or not), else Windows-1252 as Excel writes it; reject binary files."""
    if not raw.removeprefix(codecs.BOM_UTF8).strip():
        report.error(
            None,
            "the file is empty; it needs a header line (operation,year,...) "
            "and one row per operation",
        )
        return None
    not_csv = (
        "is not a CSV file; save it from your spreadsheet as 'CSV UTF-8' "
        "(comma- or semicolon-separated)"
    )
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        report.error(None, "is UTF-16 text, " + not_csv.removeprefix("is "))
        return None
    if b"\0" in raw:
        report.error(None, not_csv)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            report.error(None, "is neither UTF-8 nor Windows-1252 text; " + not_csv)
            return None
    if _non_printable_share(text) > _BINARY_SHARE:
        report.error(None, not_csv)
        return None
    return text


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


def _sniff_delimiter(text: str) -> str:
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


def _read_rows(text: str, delimiter: str, report: _Report) -> list[tuple[int, list[str]]]:
    """Split the text into (line the record starts on, fields), skipping empty rows."""
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
            report.at(start).error(None, _csv_message(str(err), delimiter))
            if reader.line_num <= end:
                break
            end = reader.line_num
            continue
        end = reader.line_num
        if any(cell.strip() for cell in fields):
            rows.append((start, fields))
    return rows


def _csv_message(reason: str, delimiter: str) -> str:
    if "end of data" in reason:
        return "a quote opened on this line is never closed; close it or remove it"
    if "expected after" in reason:
        return (
            f"text after a closing quote; quote the whole cell and double any quote inside "
            f'it (""), or separate cells with {delimiter!r}'
        )
    if "field limit" in reason:
        return "a cell is too long (is a quote left open?); close the quote"
    return f"cannot be read as CSV ({reason}); check the quotes on this line"


def _read_records(text: str, report: _Report) -> list[Operation]:
    """Check the header, then turn each row into an Operation or report its problems."""
    delimiter = _sniff_delimiter(text)
    rows = _read_rows(text, delimiter, report)
    if not rows:
        if not report.problems:  # every row blank, not a quote that swallowed the file
            report.error(
                None,
                "has only blank rows; it needs a header line (operation,year,...) "
                "and one row per operation",
            )
        return []
    header_line, header = rows[0]
    names = _check_header(header, delimiter, report.at(header_line))
    if len(rows) == 1:
        report.error(None, "has a header but no operations; add one row per operation below it")
    operations = []
    seen: dict[tuple[str, int], int] = {}
    for line, fields in rows[1:]:
        problems_before = len(report.problems)
        cells = _check_cells(fields, names, delimiter, report.at(line))
        if cells is None:
            continue
        operation = _build_operation(cells, names, seen, report.at(line))
        # A value under an unnamed column is an error of the row too, found before its cells.
        if operation is not None and not report.has_errors_since(problems_before):
            operations.append(operation)
    return operations


def _count(count: int, word: str, plural: str | None = None) -> str:
    """Return "1 column", "2 columns", "1 country", "2 countries"."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _check_header(header: list[str], delimiter: str, report: _Report) -> list[str | None]:
    """Return the tidied column names ("" if unnamed, None if repeated) and report problems."""
    names: list[str | None] = []
    for raw in header:
        # A BOM can survive as "\ufeff", or as "ï»¿" when the rest of the file is Windows-1252.
        name = raw.replace("\ufeff", "").removeprefix("\u00ef\u00bb\u00bf").strip()
        name = _check_bidi(restore_cell(name), None, report)
        if name and name in names:
            report.error(
                name,
                f"is in the header more than once (columns "
                f"{names.index(name) + 1} and {len(names) + 1}); keep one",
            )
            name = None  # its cells are ignored: the problem is the header's
        names.append(name)
    unknown = [
        (raw, name) for raw, name in zip(header, names, strict=True) if name and name not in COLUMNS
    ]
    _check_required(names, unknown, delimiter, report)
    for _raw, name in unknown:
        guess = _guess_column(name, [c for c in COLUMNS if c not in names])
        if guess is not None and guess not in REQUIRED_COLUMNS:
            report.warning(
                name,
                f"is not an opmap column and is kept as an extra column; did you mean {guess!r}?",
            )
    return names


def _check_required(
    names: list[str | None], unknown: list[tuple[str, str]], delimiter: str, report: _Report
) -> None:
    """Report, in one problem, every required column the header lacks."""
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if not missing:
        return
    message = "missing required column" + ("s " if len(missing) > 1 else " ")
    message += " and ".join(repr(c) for c in missing)
    hints = []
    for column in missing:
        for raw, name in unknown:
            if _guess_column(name, [column]) == column:
                hints.append(f"{raw!r} for {column!r}")
                break
    # A tab- or bar-separated header is one long name that looks like 'operation': say so first.
    if len(names) == 1 and names[0] and ("\t" in names[0] or "|" in names[0]):
        message += "; separate the columns with ',' or ';'"
    elif hints:
        message += f"; did you mean {', '.join(hints)}? Header names must be written exactly"
    else:
        message += f"; the header line must name them, e.g. operation{delimiter}year"
    report.error(None, message)


def _guess_column(name: str, candidates: list[str]) -> str | None:
    """Return the column a header most likely means ("Operation " -> "operation"), or None."""
    key = re.sub(r"[\s_-]+", "_", name.strip().casefold())
    key = _COLUMN_ALIASES.get(key, key)
    if key in candidates:
        return key
    close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.75)
    return close[0] if close else None


def _check_cells(
    fields: list[str], names: list[str | None], delimiter: str, report: _Report
) -> dict[str, str] | None:
    """Return column -> trimmed cell for one row, or None if it has cells beyond the header."""
    overflow = [cell for cell in fields[len(names) :] if cell.strip()]
    if overflow:
        report.error(
            None,
            f"has {len(fields)} cells but the header has {_count(len(names), 'column')}; "
            f"quote any cell that contains {delimiter!r}",
            delimiter.join(overflow),
        )
        return None
    cells: dict[str, str] = {}
    for index, name in enumerate(names):
        cell = restore_cell(fields[index].strip()) if index < len(fields) else ""
        cell = _check_bidi(cell, name, report)
        if name:
            cells[name] = cell
        elif name == "" and cell:
            report.error(
                None,
                f"cell {index + 1} has a value but its column has no name in "
                "the header; name the column or remove the value",
                cell,
            )
    return cells


def _check_bidi(cell: str, column: str | None, report: _Report) -> str:
    """Return the cell without bidirectional controls, warning where there were some."""
    cleaned = strip_bidi_controls(cell)
    if cleaned != cell:
        report.warning(
            column,
            f"holds bidirectional control characters ({describe_bidi(cell)}), which can show "
            "text reversed or hidden; they were removed",
            cell,
        )
    return cleaned


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
    if report.has_errors_since(problems_before) or name is None or year is None:
        return None
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
        extra={n: cells[n] for n in names if n and n not in COLUMNS},
        line=report.line or 0,
    )


def _check_name(cells: dict[str, str], report: _Report) -> str | None:
    name = cells.get("operation")
    if name == "":
        report.error("operation", "is empty; give the operation's name, e.g. 'Libertad'", name)
    return name or None


def _check_year(cells: dict[str, str], report: _Report) -> int | None:
    raw = cells.get("year")
    if raw is None:
        return None  # the missing column is reported once, with the header
    if _YEAR.fullmatch(raw) and 1900 <= int(raw) <= 2100:
        return int(raw)
    report.error(
        "year",
        "must be a 4-digit year from 1900 to 2100: the year the operation started, e.g. 2018",
        raw,
    )
    return None


def _check_duplicate(
    name: str | None, year: int | None, seen: dict[tuple[str, int], int], report: _Report
) -> None:
    if name is None or year is None:
        return
    key = (" ".join(name.split()).casefold(), year)
    if key in seen:
        report.error(
            "operation",
            f"{name} {year} is also on line {seen[key]}; merge the two "
            "rows or correct the name or year",
            name,
        )
    else:
        seen[key] = report.line or 0


def _check_dates(
    cells: dict[str, str], year: int | None, report: _Report
) -> tuple[date | None, date | None]:
    """Return the start and end dates; the year must be the start date's year."""
    start = _check_date(cells.get("start_date", ""), "start_date", report)
    end = _check_date(cells.get("end_date", ""), "end_date", report)
    if start and end and end < start:
        report.error(
            "end_date",
            f"is before start_date {start.isoformat()}; correct or swap the dates",
            cells["end_date"],
        )
    if start and year is not None and start.year != year:
        report.error(
            "year",
            f"does not match start_date {start.isoformat()}; the year is the "
            f"year the operation started, {start.year}",
            cells["year"],
        )
    elif end and not start and year is not None and end.year < year:
        report.error(
            "end_date",
            f"is before the operation's year {year}; correct the date or the year",
            cells["end_date"],
        )
    return start, end


def _check_date(raw: str, column: str, report: _Report) -> date | None:
    if not raw:
        return None
    if _ISO_DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            report.error(
                column, "is not a real date; check the day and the month (YYYY-MM-DD)", raw
            )
            return None
    report.error(column, _date_hint(raw), raw)
    return None


def _date_hint(raw: str) -> str:
    """Say how to write a date that is not YYYY-MM-DD, suggesting the ISO form if it is clear."""
    readings = _read_loose_date(raw)
    if len(readings) == 1:
        return f"write the date as YYYY-MM-DD: {readings[0].isoformat()!r}"
    if len(readings) > 1:
        options = " or ".join(repr(d.isoformat()) for d in readings)
        return f"is ambiguous: it could be {options}; write the date as YYYY-MM-DD"
    return "is not a date; write it as YYYY-MM-DD, e.g. '2018-04-03'"


def _read_loose_date(raw: str) -> list[date]:
    """Return every date a non-ISO spelling could mean (two for "03/04/2018")."""
    # "2018-04-03T00:00" and "2018-04-03 00:00:00" are how spreadsheets export dates.
    text = re.split(r"[T ]", raw)[0] if re.match(r"[0-9]{4}-", raw) else raw
    if match := _YEAR_FIRST.fullmatch(text):
        orders = [(match[1], match[2], match[3])]
    elif match := _YEAR_LAST.fullmatch(text):
        orders = [(match[3], match[2], match[1]), (match[3], match[1], match[2])]
    else:
        return _read_worded_date(raw)
    readings: list[date] = []
    for year, month, day in orders:
        try:
            reading = date(int(year), int(month), int(day))
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    return readings


def _read_worded_date(raw: str) -> list[date]:
    """Read "3 April 2018" or "April 3, 2018"; return [] if it is neither."""
    for pattern in _WORDED_DATES:
        try:
            return [datetime.strptime(" ".join(raw.split()), pattern).date()]
        except ValueError:
            continue
    return []


def _check_countries(raw: str, has_area: bool, report: _Report) -> tuple[list, int]:
    """Resolve ``;``-separated names or codes; return the countries and how many were named."""
    from opmap.read.countries import resolve_country  # resolving loads the country tables

    names = [name.strip() for name in raw.split(";") if name.strip()]
    if not names and not has_area:
        report.warning(
            "countries",
            "no country named, so the operation cannot be mapped; it "
            "is kept and listed as not on the map",
        )
        return [], 0
    countries, spelled, unresolved = [], {}, 0
    for name in names:
        try:
            country = resolve_country(name)
        except UnknownCountry as err:
            report.error("countries", _country_message(err, name), name)
            unresolved += 1
            continue
        if country.iso3 in spelled:
            report.error(
                "countries",
                f"{spelled[country.iso3]!r} and {name!r} are the same "
                f"country ({country.iso3}); list it once",
                name,
            )
            continue
        spelled[country.iso3] = name
        countries.append(country)
    return countries, len(countries) + unresolved


def _country_message(err: UnknownCountry, name: str) -> str:
    message = str(err)  # quotes the name as written and says why it is refused
    if "," in name:
        message += " (separate countries with ';')"
    return message


def _check_area(raw: str, report: _Report) -> str | None:
    if not raw:
        return None
    from opmap.read.areas import resolve_area

    try:
        return resolve_area(raw)
    except UnknownArea as err:
        report.error("area", str(err), raw)
        return None


def _check_countries_total(raw: str, named: int, report: _Report) -> int | None:
    if not raw:
        return None
    if not _WHOLE_NUMBER.fullmatch(raw):
        report.error("countries_total", "must be a whole number of countries, e.g. 13", raw)
        return None
    total = int(raw)
    if total < max(named, 1):
        least = max(named, 1)
        report.error(
            "countries_total",
            f"is below the {_count(named, 'country', 'countries')} named; make it at least "
            f"{least} or leave it empty",
            raw,
        )
        return None
    return total


def _check_figures(cells: dict[str, str], report: _Report) -> dict[str, Figure | None]:
    """Return column -> Figure for the figure columns; minors cannot outnumber victims."""
    figures = {
        column: _check_figure(cells.get(column, ""), column, report) for column in FIGURE_COLUMNS
    }
    victims, minors = figures["victims"], figures["minors"]
    # Flag only what is certain: the least the minors can be above the most the victims can be.
    # "More than 10" minors are at least 11; "nearly 10" victims are not taken to be at most 9.
    if (
        victims
        and minors
        and victims.kind in (EXACT, NEARLY, UP_TO)
        and minors.kind in (EXACT, MORE_THAN, AT_LEAST)
        and minors.value + (minors.kind == MORE_THAN) > victims.value
    ):
        report.error(
            "minors",
            f"is more than the victims ({victims.text}); minors are counted among the victims",
            cells["minors"],
        )
    return figures


def _check_figure(raw: str, column: str, report: _Report) -> Figure | None:
    if not raw:
        return None
    try:
        return parse_figure(raw)
    except InvalidFigure:
        if re.match(r"[^0-9]*[-\u2212]\s*[0-9]", raw):
            report.error(column, "cannot be negative; give the number of people", raw)
        else:
            report.error(
                column,
                "is not a count; write a whole number with an optional "
                "qualifier, e.g. '94', '1,426', 'nearly 350', 'more than 500'",
                raw,
            )
        return None


def _check_position(cells: dict[str, str], report: _Report) -> tuple[float | None, float | None]:
    """Return the marker position; lat and lon come together or not at all."""
    raw_lat, raw_lon = cells.get("lat", ""), cells.get("lon", "")
    lat = _check_coordinate(raw_lat, "lat", 90, report)
    lon = _check_coordinate(raw_lon, "lon", 180, report)
    if bool(raw_lat) != bool(raw_lon):
        given, missing = ("lat", "lon") if raw_lat else ("lon", "lat")
        report.error(missing, f"is empty but {given} is given; give both lat and lon, or neither")
        return None, None
    return lat, lon


def _check_coordinate(raw: str, column: str, limit: int, report: _Report) -> float | None:
    if not raw:
        return None
    if not _DECIMAL.fullmatch(raw):
        hint = raw.replace(",", ".", 1) if re.fullmatch(r"[+-]?[0-9]+,[0-9]+", raw) else None
        fix = f"write decimals with a point: {hint!r}" if hint else "write a decimal number"
        report.error(column, f"is not a number of degrees; {fix}", raw)
        return None
    value = float(raw)
    if not (math.isfinite(value) and -limit <= value <= limit):
        report.error(column, f"must be between -{limit} and {limit} degrees", raw)
        return None
    return value


def _check_source(raw: str, report: _Report) -> str:
    """Return the source link if it is an http(s) URL with a host, else report it."""
    if not raw:
        return ""
    try:
        parts = urlsplit(raw)
    except ValueError:
        parts = None
    # Every whitespace character but " " is also unprintable, so this is one C-level scan.
    has_space = " " in raw or not raw.isprintable()
    if parts and parts.scheme.lower() in ("http", "https") and parts.hostname and not has_space:
        return raw
    if has_space:
        message = "contains spaces or control characters; write the link as one URL"
    elif "://" not in raw and _BARE_HOST.match(raw):
        message = f"has no scheme; write it in full: {'https://' + raw!r}"
    elif parts and parts.scheme.lower() in ("http", "https"):
        message = "has no host; write the full link, e.g. 'https://www.interpol.int/...'"
    else:
        message = (
            "must be an http or https link (other schemes such as javascript: or ftp: "
            "are not allowed)"
        )
    report.error("source", message, raw)
    return ""

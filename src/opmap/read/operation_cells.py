"""The checks of one cell of the operations CSV: names, years, dates, countries, figures, positions.

Each ``_check_*`` reads a raw cell, reports every problem it finds to the file's report (with
the line, the column, the value and how to fix it) and returns the cleaned value, or None.
:mod:`opmap.read.operations` reads the file and calls them row by row.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from opmap.errors import InvalidFigure, UnknownArea, UnknownCountry
from opmap.figures import AT_LEAST, EXACT, MORE_THAN, NEARLY, UP_TO, Figure, parse_figure

if TYPE_CHECKING:
    from opmap.read.operations import _Report

#: The columns of figures, in the order they are shown.
FIGURE_COLUMNS = ("victims", "minors", "arrests", "officers")


def _count(count: int, word: str, plural: str | None = None) -> str:
    """Return "1 column", "2 columns", "1 country", "2 countries"."""
    return f"{count} {word if count == 1 else plural or word + 's'}"


_YEAR = re.compile(r"[0-9]{4}")
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_FIRST = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_YEAR_LAST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_WORDED_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})((?:-[A-Za-z0-9]{1,8})*)")
_BARE_HOST = re.compile(r"(?:www\.|[a-z0-9-]+\.[a-z]{2,}(?:[/:?#]|$))", re.IGNORECASE)


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


def _check_language(raw: str, report: _Report) -> str | None:
    """Return the record's language as a BCP 47 tag ("en", "pt-BR"), or report it."""
    if not raw:
        return None
    import pycountry

    match = _LANGUAGE_TAG.fullmatch(raw.strip())
    if match:
        primary = match.group(1).lower()
        code = "alpha_2" if len(primary) == 2 else "alpha_3"
        if pycountry.languages.get(**{code: primary}) is not None:
            return primary + match.group(2)
    report.error(
        "language",
        "must be the code of the language the text is written in, e.g. en, fr, es or ar",
        raw,
    )
    return None

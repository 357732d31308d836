"""The checks of one cell of the operations CSV: names, years, dates, countries, figures, positions.

Each ``_check_*`` reads a raw cell, reports every problem it finds to the file's report (with
the line, the column, the value and how to fix it) and returns the cleaned value, or None.
:mod:`opmap.read.operations` reads the file and calls them row by row. :func:`_check_characters`
(control characters, bytes that are not UTF-8) also checks each cell of the header
(:mod:`opmap.read.operation_header`).
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from opmap import words
from opmap.errors import InvalidFigure, UnknownArea, UnknownCountry
from opmap.figures import (
    AT_LEAST,
    EXACT,
    LARGEST_FIGURE,
    MORE_THAN,
    NEARLY,
    UP_TO,
    Figure,
    parse_figure,
)
from opmap.read.guards import (
    NOT_UTF8,
    describe_bidi,
    describe_bytes,
    describe_controls,
    strip_bidi_controls,
    strip_controls,
)

if TYPE_CHECKING:
    from opmap.read.operations import _Report

#: The columns of figures, in the order they are shown.
FIGURE_COLUMNS = ("victims", "minors", "arrests", "officers")


_YEAR = re.compile(r"[0-9]{4}")
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_FIRST = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_YEAR_LAST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_WORDED_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2,3})((?:-[A-Za-z0-9]{1,8})*)")
_BARE_HOST = re.compile(r"(?:www\.|[a-z0-9-]+\.[a-z]{2,}(?:[/:?#]|$))", re.IGNORECASE)
#: Where a link's query or fragment starts: a "://" after it is a link inside the link.
_QUERY = re.compile(r"[?#]")
#: An http(s) URL with a plain host, a port perhaps and no space: nearly every source. Such a
#: link is what urlsplit accepts, without splitting it (urlsplit was 2 s of 100,000 records).
_PLAIN_URL = re.compile(
    r"https?://[a-z0-9.-]*[a-z0-9][a-z0-9.-]*(?::[0-9]*)?(?:[/?#][!-~]*)?", re.ASCII | re.IGNORECASE
)


#: The longest name an operation may have, in characters. The maps, images and tables show a
#: name whole: one of 3,000 characters left a print map no room ("choose a larger --size").
NAME_MAX = 200
#: How much of a name too long the message quotes.
_NAME_QUOTED = 60


def _check_name(cells: dict[str, str], report: _Report) -> str | None:
    name = cells.get("operation")
    if name == "":
        report.error("operation", words.text("cell_name_empty"), name)
    elif name is not None and len(name) > NAME_MAX:
        said = words.text("cell_name_long", length=len(name), most=NAME_MAX)
        report.error("operation", said, name[:_NAME_QUOTED] + "\u2026")
    return name or None


def _check_year(cells: dict[str, str], report: _Report) -> int | None:
    raw = cells.get("year")
    if raw is None:
        return None  # the missing column is reported once, with the header
    if _YEAR.fullmatch(raw) and 1900 <= int(raw) <= 2100:
        return int(raw)
    report.error("year", words.text("cell_year"), raw)
    return None


def _check_duplicate(
    name: str | None, year: int | None, seen: dict[tuple[str, int], int], report: _Report
) -> None:
    if name is None or year is None:
        return
    key = (" ".join(name.split()).casefold(), year)
    if key in seen:
        message = words.text("cell_duplicate", name=name, year=year, line=seen[key])
        report.error("operation", message, name)
    else:
        seen[key] = report.line or 0


def _check_dates(
    cells: dict[str, str], year: int | None, report: _Report
) -> tuple[date | None, date | None]:
    """Return the start and end dates; the year must be the start date's year."""
    start = _check_date(cells.get("start_date", ""), "start_date", report)
    end = _check_date(cells.get("end_date", ""), "end_date", report)
    if start and end and end < start:
        message = words.text("cell_end_before_start", start=start.isoformat())
        report.error("end_date", message, cells["end_date"])
    if start and year is not None and start.year != year:
        message = words.text("cell_year_not_start", start=start.isoformat(), year=start.year)
        report.error("year", message, cells["year"])
    elif end and not start and year is not None and end.year < year:
        report.error("end_date", words.text("cell_end_before_year", year=year), cells["end_date"])
    return start, end


def _check_date(raw: str, column: str, report: _Report) -> date | None:
    if not raw:
        return None
    if _ISO_DATE.fullmatch(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            report.error(column, words.text("cell_not_real_date"), raw)
            return None
    report.error(column, _date_hint(raw), raw)
    return None


def _date_hint(raw: str) -> str:
    """Say how to write a date that is not YYYY-MM-DD, suggesting the ISO form if it is clear."""
    readings = _read_loose_date(raw)
    if len(readings) == 1:
        return words.text("cell_date_write_as", date=readings[0].isoformat())
    if len(readings) > 1:  # a day and a month that can be read either way: two readings
        first, second = (repr(d.isoformat()) for d in readings)
        options = words.text("problem_or", first=first, second=second)
        return words.text("cell_date_ambiguous", dates=options)
    return words.text("cell_not_date")


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
        return [], 0  # warned of once the row is known to be kept (operations._build_operation)
    countries, spelled, unresolved = [], {}, 0
    for name in names:
        try:
            country = resolve_country(name)
        except UnknownCountry as err:
            report.error("countries", _country_message(err, name), name)
            unresolved += 1
            continue
        if country.iso3 in spelled:
            message = words.text(
                "cell_same_country", first=spelled[country.iso3], second=name, iso3=country.iso3
            )
            report.error("countries", message, name)
            continue
        spelled[country.iso3] = name
        countries.append(country)
    return countries, len(countries) + unresolved


def _country_message(err: UnknownCountry, name: str) -> str:
    message = str(err)  # quotes the name as written and says why it is refused
    if "," in name:
        message += words.text("cell_separate_countries")
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
        report.error("countries_total", words.text("cell_countries_total"), raw)
        return None
    total = int(raw)
    if total < max(named, 1):
        least = max(named, 1)
        message = words.plural("cell_countries_total_low", named, least=least)
        report.error("countries_total", message, raw)
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
        message = words.text("cell_minors_over_victims", victims=victims.text)
        report.error("minors", message, cells["minors"])
    return figures


def _check_figure(raw: str, column: str, report: _Report) -> Figure | None:
    if not raw:
        return None
    try:
        figure = parse_figure(raw)
    except InvalidFigure:
        if re.match(r"[^0-9]*[-\u2212]\s*[0-9]", raw):
            report.error(column, words.text("cell_negative"), raw)
        else:
            report.error(column, words.text("cell_not_count"), raw)
        return None
    if figure.value > LARGEST_FIGURE:
        message = words.text("cell_figure_too_large", largest=LARGEST_FIGURE)
        report.error(column, message, raw)
        return None
    return figure


def _check_position(cells: dict[str, str], report: _Report) -> tuple[float | None, float | None]:
    """Return the marker position; lat and lon come together or not at all."""
    raw_lat, raw_lon = cells.get("lat", ""), cells.get("lon", "")
    lat = _check_coordinate(raw_lat, "lat", 90, report)
    lon = _check_coordinate(raw_lon, "lon", 180, report)
    if bool(raw_lat) != bool(raw_lon):
        given, missing = ("lat", "lon") if raw_lat else ("lon", "lat")
        report.error(missing, words.text("cell_lat_lon_pair", given=given))
        return None, None
    return lat, lon


def _check_coordinate(raw: str, column: str, limit: int, report: _Report) -> float | None:
    if not raw:
        return None
    if not _DECIMAL.fullmatch(raw):
        hint = raw.replace(",", ".", 1) if re.fullmatch(r"[+-]?[0-9]+,[0-9]+", raw) else None
        fix = words.text("cell_decimal_point", hint=hint) if hint else words.text("cell_decimal")
        report.error(column, words.text("cell_not_degrees", fix=fix), raw)
        return None
    value = float(raw)
    if not (math.isfinite(value) and -limit <= value <= limit):
        report.error(column, words.text("cell_degree_range", limit=limit), raw)
        return None
    return value


def _check_source(raw: str, report: _Report) -> str:
    """Return the source link if it is an http(s) URL with a host, else report it."""
    if not raw:
        return ""
    if _PLAIN_URL.fullmatch(raw):
        return raw
    try:
        parts = urlsplit(raw)
    except ValueError:
        parts = None
    # Every whitespace character but " " is also unprintable, so this is one C-level scan.
    has_space = " " in raw or not raw.isprintable()
    if parts and parts.scheme.lower() in ("http", "https") and parts.hostname and not has_space:
        return raw
    if has_space:
        message = words.text("cell_source_spaces")
    elif "://" not in _QUERY.split(raw, maxsplit=1)[0] and _BARE_HOST.match(raw):
        message = words.text("cell_source_scheme", url="https://" + raw)
    elif parts and parts.scheme.lower() in ("http", "https"):
        message = words.text("cell_source_host")
    else:
        message = words.text("cell_source_http")
    report.error("source", message, raw)
    return ""


def _check_language(raw: str, report: _Report) -> str | None:
    """Return the record's language as a BCP 47 tag ("en", "pt-BR"), or report it."""
    if not raw:
        return None
    match = _LANGUAGE_TAG.fullmatch(raw.strip())
    if match:
        primary = match.group(1).lower()
        if primary in _language_codes():
            return primary + match.group(2)
    report.error("language", words.text("cell_language"), raw)
    return None


@functools.cache
def _language_codes() -> frozenset[str]:
    """Every ISO 639-1 and 639-3 code, from ``data/language_codes.txt`` (pycountry's, baked)."""
    from importlib import resources

    table = resources.files("opmap").joinpath("data", "language_codes.txt")
    return frozenset(table.read_text(encoding="ascii").split())


def _check_characters(cell: str, column: str | None, report: _Report) -> str:
    """Return the cell without bidirectional or other controls, warning where there were some.

    Bytes that were not UTF-8 (kept by :func:`opmap.read.csv_text._decode`) are an error of
    the cell, shown as U+FFFD in the value.
    """
    if cell.isascii() and cell.isprintable():  # most cells need no search (1.6M at 100,000)
        return cell
    if NOT_UTF8.search(cell):
        shown = NOT_UTF8.sub("\ufffd", cell)
        report.error(column, words.text("cell_not_utf8", bytes=describe_bytes(cell)), shown)
        cell = shown
    cleaned = strip_bidi_controls(cell)
    if cleaned != cell:
        report.warning(column, words.text("cell_bidi", controls=describe_bidi(cell)), cell)
    safe = strip_controls(cleaned)
    if safe != cleaned:
        controls = describe_controls(cleaned)
        report.warning(column, words.text("cell_controls", controls=controls), cleaned)
    return safe

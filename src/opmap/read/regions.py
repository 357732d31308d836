"""A user's own regions (their desks): a CSV of ``iso3,region`` rows.

Each row puts one country in one region; codes may be ISO alpha-3, alpha-2 or a name that
:func:`opmap.read.countries.resolve_country` reads. Every problem is reported at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from opmap.errors import InvalidRegions, Problem, UnknownCountry, in_file_order
from opmap.read.guards import Limits

REQUIRED = ("iso3", "region")


def read_regions(
    path: Path | str, known_codes: Iterable[str] | None = None, limits: Limits | None = None
) -> dict[str, str]:
    """Read a region file into ISO3 -> region.

    Parameters
    ----------
    path : path-like
        CSV with the columns ``iso3`` and ``region`` (others are ignored).
    known_codes : iterable of str, optional
        Codes of the boundaries (to accept their own codes for non-ISO units, e.g. Somaliland).
    limits : Limits, optional
        The largest file read (``--max-size``).

    Returns
    -------
    dict of str to str

    Raises
    ------
    InvalidRegions
        Listing every problem: a missing file or column, an unknown code, an empty region, a
        country put in two regions.
    """
    from opmap.read.countries import resolve_country
    from opmap.read.table import read_table
    from opmap.words import text

    name = str(path)
    known = set(known_codes) if known_codes is not None else set()
    usage = text("table_region_usage")
    problems: list[Problem] = []  # the file's and its rows', told at once
    rows = read_table(
        path, REQUIRED, InvalidRegions, text("table_region_file"), usage, limits, problems
    )
    regions: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for line, row in rows:
        code, region = row["iso3"], row["region"]
        iso3 = _check_code(code, known, resolve_country, name, line, problems)
        if not region:
            problems.append(Problem(name, line, "region", text("region_empty"), region))
        if iso3 is None or not region:
            continue
        if iso3 in regions and regions[iso3] != region:
            problems.append(
                Problem(
                    name,
                    line,
                    "iso3",
                    text("region_twice", iso3=iso3, region=regions[iso3], line=first_line[iso3]),
                    code,
                )
            )
            continue
        regions[iso3] = region
        first_line.setdefault(iso3, line)
    if not regions and not problems:
        problems.append(Problem(name, None, None, text("region_none")))
    if problems:
        raise InvalidRegions(in_file_order(problems))
    return regions


def _check_code(code, known, resolve_country, name, line, problems) -> str | None:
    if code.upper() in known:
        return code.upper()
    try:
        return resolve_country(code).iso3
    except UnknownCountry as err:
        problems.append(Problem(name, line, "iso3", str(err), code))
        return None

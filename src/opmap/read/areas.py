"""Areas: an operation published only as "14 countries in West Africa" still ran somewhere.

An operation may name an area (column ``area``) instead of, or besides, its countries: a region or
subregion of the UN M49 standard, the grouping opmap's regions come from (``region_un`` and
``subregion`` of the bundled boundaries). :func:`resolve_area` reads the usual spellings ("West
Africa", "Southeast Asia") through one normalisation step and one table.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from opmap import words
from opmap.errors import Problem, UnknownArea

if TYPE_CHECKING:
    from opmap.read.operations import Operation

__all__ = [
    "AREAS",
    "declared_beyond_area",
    "declares_area_total",
    "resolve_area",
    "units_by_area",
]

#: M49 regions and subregions, as the bundled boundaries spell them: area -> its region.
AREAS = {
    "Africa": "Africa",
    "Northern Africa": "Africa",
    "Eastern Africa": "Africa",
    "Middle Africa": "Africa",
    "Southern Africa": "Africa",
    "Western Africa": "Africa",
    "Americas": "Americas",
    "Caribbean": "Americas",
    "Central America": "Americas",
    "South America": "Americas",
    "Northern America": "Americas",
    "Asia": "Asia",
    "Central Asia": "Asia",
    "Eastern Asia": "Asia",
    "South-Eastern Asia": "Asia",
    "Southern Asia": "Asia",
    "Western Asia": "Asia",
    "Europe": "Europe",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Oceania": "Oceania",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
}

# How sources write them. "North America" and "Middle East" are not here on purpose: each means
# different sets of countries to different sources, so they are refused with a suggestion.
_SPELLINGS = {
    "West Africa": "Western Africa",
    "East Africa": "Eastern Africa",
    "North Africa": "Northern Africa",
    "Central Africa": "Middle Africa",
    "The Caribbean": "Caribbean",
    "Caribbean region": "Caribbean",
    "America": "Americas",
    "The Americas": "Americas",
    "Southeast Asia": "South-Eastern Asia",
    "South East Asia": "South-Eastern Asia",
    "South Asia": "Southern Asia",
    "East Asia": "Eastern Asia",
    "West Asia": "Western Asia",
    "East Europe": "Eastern Europe",
    "West Europe": "Western Europe",
    "North Europe": "Northern Europe",
    "South Europe": "Southern Europe",
    "Pacific": "Oceania",
    "Pacific Islands": "Oceania",
}

# Names each source draws differently: refused, with the M49 areas they may mean.
_NOT_AREAS = {
    "North America": ("Northern America", "Central America", "Caribbean"),
    "Latin America": ("Caribbean", "Central America", "South America"),
    "Middle East": ("Western Asia", "Northern Africa"),
    "Sahel": ("Western Africa", "Northern Africa", "Middle Africa"),
}


def _key(text: str) -> str:
    from opmap.read.countries import normalise_name

    return normalise_name(text.replace("-", " "))


@functools.cache
def _table() -> dict[str, str]:
    table = {_key(area): area for area in AREAS}
    table.update({_key(spelling): area for spelling, area in _SPELLINGS.items()})
    return table


def resolve_area(text: str) -> str:
    """Return the M49 region or subregion an area name stands for.

    Parameters
    ----------
    text : str
        "West Africa", "Western Africa", "Southeast Asia", "Caribbean", "Africa"...

    Returns
    -------
    str
        The area as the boundaries spell it ("Western Africa").

    Raises
    ------
    UnknownArea
        With up to 3 close names, if the name is no region or subregion.
    """
    table = _table()
    key = _key(text)
    if key in table:
        return table[key]
    vague = {_key(name): found for name, found in _NOT_AREAS.items()}
    if key in vague:
        raise UnknownArea(text, vague[key], reason="not one M49 area (sources draw it differently)")
    close = difflib.get_close_matches(key, list(table), n=6, cutoff=0.6)
    suggestions = list(dict.fromkeys(table[match] for match in close))[:3]
    raise UnknownArea(text, suggestions)


def units_by_area(units: Iterable[Mapping[str, str]]) -> dict[str, frozenset[str]]:
    """Return each area -> the codes of the units in it, from the boundaries' units.

    Parameters
    ----------
    units : iterable of mapping
        One mapping per unit with ``iso_a3``, ``region_un`` and ``subregion``: rows of
        ``country_attributes.csv``, or records of :func:`opmap.read.boundaries.load_attributes`,
        and the units with a point only (:func:`opmap.read.boundaries.point_unit_rows`), as
        :func:`opmap.decide.regions.area_members` counts them.
    """
    members: dict[str, set[str]] = {}
    for unit in units:
        for column in ("region_un", "subregion"):
            members.setdefault(str(unit[column]), set()).add(str(unit["iso_a3"]))
    return {area: frozenset(codes) for area, codes in members.items()}


def declares_area_total(operation: Operation) -> bool:
    """Whether an operation gives a total of countries beside an area: one to check against it."""
    return bool(operation.area) and operation.countries_total is not None


def declared_beyond_area(
    operations: Iterable[Operation], members: Mapping[str, frozenset[str]], file: str
) -> list[Problem]:
    """Warn of each operation that declares more countries than its area could hold.

    "25 countries in West Africa" cannot be true of Western Africa's 17 countries and
    territories: the total or the area is wrong, and the coverage would say that up to 23 of a
    region's gaps may have taken part. The countries named outside the area count too.

    Parameters
    ----------
    operations : iterable of Operation
    members : mapping of str to frozenset of str
        Area -> the codes of its units (:func:`units_by_area`).
    file : str
        The operations file as the user named it.

    Returns
    -------
    list of Problem
        One warning per such operation, on its line and its ``countries_total`` column.
    """
    problems = []
    for operation in operations:
        if not declares_area_total(operation):
            continue
        most = len(members.get(operation.area, frozenset()) | set(operation.countries))
        if operation.countries_total > most:
            message = words.plural("cell_countries_total_area", most, area=operation.area)
            problems.append(
                Problem(
                    file,
                    operation.line,
                    "countries_total",
                    message,
                    str(operation.countries_total),
                    severity="warning",
                )
            )
    return problems

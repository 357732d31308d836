"""Regions year by year: which states each region's operations named, and how many operations.

A region's row for a year counts every operation of that year that named one of its countries or
an area in it, once, so an operation spanning two regions is in both rows. The "All regions" row
of a year counts each operation of the year once, those that name no country and no area
included: the regions' rows may add up to more (spanning operations) or fewer (operations placed
nowhere) than it. Every year of the period has its rows, a quiet year with zeros.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import pandas as pd

from opmap.decide.regions import ALL_REGIONS, Placement
from opmap.read.operations import Operation, chronological
from opmap.read.universe import Universe, load_universe

if TYPE_CHECKING:
    import geopandas as gpd

#: The columns of a per-year row.
PER_YEAR_ROW = [
    "region",
    "year",
    "states",
    "named_states",
    "states_pct",
    "named_territories",
    "unnamed",
    "operations",
    "operation_keys",
]


def aggregate_by_region_year(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    by: str | Mapping[str, str] = "region_un",
    universe: Universe | None = None,
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """Follow regions year by year: states named and operations per region and year.

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
    by : str or mapping, default "region_un"
        See :func:`opmap.decide.regions.regions_of`.
    universe : Universe, optional
        The states percentages are over (default: UN member and observer states).
    years : iterable of int, optional
        The years to give rows to (a report's period); by default every year from the first
        operation's to the last's.

    Returns
    -------
    pandas.DataFrame
        Rows of every region with at least one operation, then "All regions", each for every
        year, sorted by year within the region: ``region``, ``year``, ``states`` (in the
        region), ``named_states`` (of them, named by an operation of that year),
        ``states_pct``, ``named_territories``, ``unnamed`` (of the operations wholly inside the
        region, as :func:`~opmap.decide.regions.aggregate_by_region` counts them),
        ``operations`` and ``operation_keys``.
    """
    universe = universe or load_universe()
    placement = Placement(boundaries, by)
    if years is None:
        found = [op.year for op in operations]
        years = range(min(found), max(found) + 1) if found else ()
    years = sorted(set(years))
    ordered = sorted(operations, key=chronological)
    cells: dict[tuple[str, int], list[Operation]] = {}
    by_year: dict[int, list[Operation]] = {}
    for op in ordered:
        by_year.setdefault(op.year, []).append(op)
        for region in placement.regions(op):
            cells.setdefault((region, op.year), []).append(op)
    rows = []
    for region in sorted({region for region, _ in cells}):
        units = placement.members[region]
        for year in years:
            found = cells.get((region, year), [])
            inside = [op for op in found if placement.is_inside(op, region)]
            rows.append(_row(region, year, found, inside, units, universe))
    if ordered:
        # Every state of a region; a unit in no region is named all the same, as a territory
        # when it is not a state (a state no region lists is in no count, as in the total).
        units = set(placement.region_of)
        for year in years:
            year_ops = by_year.get(year, [])
            named = {c for op in year_ops for c in op.countries}
            outside = {c for c in named if c not in universe and c not in units}
            rows.append(_row(ALL_REGIONS, year, year_ops, year_ops, units | outside, universe))
    return pd.DataFrame(rows, columns=PER_YEAR_ROW)


def _row(
    region: str,
    year: int,
    operations: Sequence[Operation],
    inside: Sequence[Operation],
    units: set[str],
    universe: Universe,
) -> dict:
    named = {c for op in operations for c in op.countries if c in units}
    states = sum(1 for c in units if c in universe)
    named_states = sum(1 for c in named if c in universe)
    return {
        "region": region,
        "year": year,
        "states": states,
        "named_states": named_states,
        "states_pct": round(100 * named_states / states, 1) if states else None,
        "named_territories": len(named) - named_states,
        "unnamed": sum(op.unnamed for op in inside),  # as in the comparison: inside it only
        "operations": len(operations),
        "operation_keys": [op.key for op in operations],
    }

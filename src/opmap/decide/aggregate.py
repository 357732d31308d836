"""Join operations to countries and compute per-country and per-region figures.

The rule that keeps every figure honest: an operation's figures belong to the operation. A country
shows figures only from operations it ran alone; a region sums its distinct operations once each;
nothing is ever split between countries or copied to each of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from opmap.figures import sum_figures
from opmap.read.boundaries import REGION_COLUMNS
from opmap.read.operations import Operation

#: Figures that are summed per country and per region (officers are shown per operation only).
SUMMED_FIGURES = ("victims", "minors", "arrests")


def select_operations(
    operations: Iterable[Operation],
    *,
    years: Sequence[int] | None = None,
    since: int | None = None,
    until: int | None = None,
    names: Sequence[str] | None = None,
    countries: Iterable[str] | None = None,
) -> list[Operation]:
    """Keep the operations that match every filter given.

    Parameters
    ----------
    operations : iterable of Operation
    years : sequence of int, optional
        Keep operations of these years.
    since, until : int, optional
        Keep operations from ``since`` to ``until``, both included.
    names : sequence of str, optional
        Keep operations with these names (``"Libertad"``) or keys (``"Libertad 2018"``),
        compared without regard to case.
    countries : iterable of str, optional
        Keep operations that named at least one of these ISO3 codes (a region's countries).

    Returns
    -------
    list of Operation
    """
    wanted_names = {n.casefold().strip() for n in names} if names else None
    wanted_countries = set(countries) if countries is not None else None
    selected = []
    for operation in operations:
        if years and operation.year not in years:
            continue
        if since is not None and operation.year < since:
            continue
        if until is not None and operation.year > until:
            continue
        if wanted_names is not None and not (
            {operation.name.casefold(), operation.key.casefold()} & wanted_names
        ):
            continue
        if wanted_countries is not None and not wanted_countries & set(operation.countries):
            continue
        selected.append(operation)
    return selected


def participation_table(operations: Iterable[Operation]) -> pd.DataFrame:
    """List who took part in what: one row per operation and named country.

    Parameters
    ----------
    operations : iterable of Operation

    Returns
    -------
    pandas.DataFrame
        Columns ``operation`` (key), ``name``, ``year``, ``iso3``, ``country`` and
        ``countries_total`` (how many countries the operation had in all). Operations with no
        named country have no row.
    """
    rows = [
        {
            "operation": op.key,
            "name": op.name,
            "year": op.year,
            "iso3": iso3,
            "country": country,
            "countries_total": op.total_countries,
        }
        for op in operations
        for iso3, country in zip(op.countries, op.country_names, strict=True)
    ]
    columns = ["operation", "name", "year", "iso3", "country", "countries_total"]
    return pd.DataFrame(rows, columns=columns)


def unmapped_operations(operations: Iterable[Operation]) -> list[Operation]:
    """Return the operations that name no country and so cannot be drawn."""
    return [op for op in operations if not op.is_mapped]


def aggregate_by_country(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    points: Mapping[str, tuple[float, float]] | None = None,
) -> gpd.GeoDataFrame:
    """Compute each country's coverage: which operations it took part in, and when.

    Every unit of ``boundaries`` gets a row, whether it took part or not. A named country with no
    polygon at this scale (Tuvalu, Gibraltar) gets a row too, placed by its point from
    ``points`` (or with an empty geometry if no point is known) and ``has_polygon`` False.

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
        From :func:`opmap.read.boundaries.load_boundaries`.
    points : mapping of str to (lat, lon), optional
        Points for countries with no polygon (:func:`opmap.read.boundaries.load_country_points`).

    Returns
    -------
    geopandas.GeoDataFrame
        The boundary columns plus ``operations`` (count), ``operation_keys`` (list of str, by
        year then name), ``years`` (sorted list of int), ``single_country_operations`` (count),
        ``victims``, ``minors``, ``arrests`` (:class:`Figure` or None, summed over the operations
        the country ran alone only) and ``has_polygon``.
    """
    by_country: dict[str, list[Operation]] = {}
    names: dict[str, str] = {}
    for op in sorted(operations, key=lambda o: (o.year, o.name.casefold())):
        for iso3, country in zip(op.countries, op.country_names, strict=True):
            by_country.setdefault(iso3, []).append(op)
            names[iso3] = country

    coverage = boundaries.copy()
    coverage["has_polygon"] = True
    missing = sorted(set(by_country) - set(coverage["iso_a3"]))
    if missing:
        coverage = pd.concat([coverage, _point_rows(missing, names, points or {}, coverage)])
        coverage = gpd.GeoDataFrame(coverage, geometry="geometry", crs=boundaries.crs)
    coverage = coverage.reset_index(drop=True)

    country_ops = [by_country.get(iso3, []) for iso3 in coverage["iso_a3"]]
    coverage["operations"] = [len(ops) for ops in country_ops]
    coverage["operation_keys"] = [[op.key for op in ops] for ops in country_ops]
    coverage["years"] = [sorted({op.year for op in ops}) for ops in country_ops]
    alone = [[op for op in ops if op.is_single_country] for ops in country_ops]
    coverage["single_country_operations"] = [len(ops) for ops in alone]
    for column in SUMMED_FIGURES:
        coverage[column] = pd.Series(
            [sum_figures(op.figure(column) for op in ops) for ops in alone],
            index=coverage.index,
            dtype=object,
        )
    return coverage


def _point_rows(
    missing: Sequence[str],
    names: Mapping[str, str],
    points: Mapping[str, tuple[float, float]],
    boundaries: gpd.GeoDataFrame,
) -> gpd.GeoDataFrame:
    rows = []
    for iso3 in missing:
        row = dict.fromkeys(boundaries.columns, "")
        lat_lon = points.get(iso3)
        row.update(
            iso_a3=iso3,
            name=names[iso3],
            geometry=Point(lat_lon[1], lat_lon[0]) if lat_lon else Point(),
            has_polygon=False,
        )
        rows.append(row)
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=boundaries.crs)


def regions_of(boundaries: gpd.GeoDataFrame, by: str | Mapping[str, str]) -> dict[str, str]:
    """Map each country (ISO3) to its region.

    Parameters
    ----------
    boundaries : geopandas.GeoDataFrame
    by : str or mapping
        A column of the boundaries (``region_un``, ``subregion``, ``region_wb``, ``continent``),
        or a mapping ISO3 -> region name (a user's own desks,
        :func:`~opmap.read.regions.read_regions`).

    Returns
    -------
    dict of str to str
        Countries with no region (not in a user's mapping) are left out.
    """
    if isinstance(by, str):
        if by not in boundaries.columns:
            raise KeyError(f"no region column {by!r}; choose one of {', '.join(REGION_COLUMNS)}")
        return dict(zip(boundaries["iso_a3"], boundaries[by], strict=True))
    return dict(by)


def aggregate_by_region(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    by: str | Mapping[str, str] = "region_un",
) -> pd.DataFrame:
    """Compare regions: countries covered, gaps, and figures over distinct operations.

    An operation counts once in each region where it named a country, and its figures are added
    once per region, never per country.

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
    by : str or mapping, default "region_un"
        See :func:`regions_of`.

    Returns
    -------
    pandas.DataFrame
        One row per region, sorted by region name: ``region``, ``countries``, ``covered``,
        ``coverage_pct``, ``gaps`` (count), ``operations`` (count), ``gap_countries`` and
        ``covered_countries`` (lists of names), ``gap_codes``, ``covered_codes``,
        ``operation_keys``, ``years`` and the summed figures (:class:`Figure` or None).
    """
    region_by_country = regions_of(boundaries, by)
    display = dict(zip(boundaries["iso_a3"], boundaries["name"], strict=True))
    members: dict[str, list[str]] = {}
    for iso3, region in region_by_country.items():
        members.setdefault(region, []).append(iso3)
    # One pass over the operations (not one per region): each lands once in each of its regions.
    ops_by_region: dict[str, list[Operation]] = {region: [] for region in members}
    for op in operations:
        for region in dict.fromkeys(
            region_by_country[c] for c in op.countries if c in region_by_country
        ):
            ops_by_region[region].append(op)
    rows = []
    for region in sorted(members):
        codes = set(members[region])
        region_ops = ops_by_region[region]
        covered = sorted(codes & {c for op in region_ops for c in op.countries})
        gaps = sorted(codes - set(covered))
        rows.append(_region_row(region, sorted(codes), covered, gaps, region_ops, display))
    return pd.DataFrame(rows, columns=_REGION_COLUMNS)


_REGION_COLUMNS = [
    "region",
    "countries",
    "covered",
    "coverage_pct",
    "gaps",
    "operations",
    "years",
    *SUMMED_FIGURES,
    "covered_countries",
    "gap_countries",
    "covered_codes",
    "gap_codes",
    "operation_keys",
]


def _region_row(
    region: str,
    codes: Sequence[str],
    covered: Sequence[str],
    gaps: Sequence[str],
    region_ops: Sequence[Operation],
    display: Mapping[str, str],
) -> dict:
    def name(iso3: str) -> str:
        return display.get(iso3, iso3)

    row = {
        "region": region,
        "countries": len(codes),
        "covered": len(covered),
        "coverage_pct": round(100 * len(covered) / len(codes), 1) if codes else 0.0,
        "gaps": len(gaps),
        "operations": len(region_ops),
        "years": sorted({op.year for op in region_ops}),
        "covered_countries": sorted(name(c) for c in covered),
        "gap_countries": sorted(name(c) for c in gaps),
        "covered_codes": list(covered),
        "gap_codes": list(gaps),
        "operation_keys": [op.key for op in sorted(region_ops, key=lambda o: (o.year, o.name))],
    }
    for column in SUMMED_FIGURES:
        row[column] = sum_figures(op.figure(column) for op in region_ops)
    return row


def total_over_regions(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    by: str | Mapping[str, str] = "region_un",
) -> dict:
    """Sum the whole selection once: every distinct operation counts a single time.

    Operations that name no country are part of the total (their figures are real), and
    ``unplaced`` says how many there are.

    Returns
    -------
    dict
        The same keys as a row of :func:`aggregate_by_region`, ``region`` = "All regions", plus
        ``unplaced``.
    """
    region_by_country = regions_of(boundaries, by)
    codes = sorted(region_by_country)
    display = dict(zip(boundaries["iso_a3"], boundaries["name"], strict=True))
    named = {c for op in operations for c in op.countries}
    covered = sorted(set(codes) & named)
    gaps = sorted(set(codes) - named)
    row = _region_row("All regions", codes, covered, gaps, operations, display)
    row["unplaced"] = len(unmapped_operations(operations))
    return row


def aggregate_by_region_year(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    by: str | Mapping[str, str] = "region_un",
) -> pd.DataFrame:
    """Follow regions year by year: countries covered and operations per region and year.

    An operation counts once in each region where it named a country, in its own year; an
    operation that names no country is in no region. Rows cover every region with at least one
    operation in the selection, for every year of the selection (zeros included, so that a
    quiet year shows).

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
    by : str or mapping, default "region_un"
        See :func:`regions_of`.

    Returns
    -------
    pandas.DataFrame
        Sorted by region then year: ``region``, ``year``, ``countries`` (in the region),
        ``covered`` (of them, named by an operation of that year), ``coverage_pct``,
        ``operations`` (count) and ``operation_keys`` (list of str).
    """
    region_by_country = regions_of(boundaries, by)
    sizes: dict[str, int] = {}
    for region in region_by_country.values():
        sizes[region] = sizes.get(region, 0) + 1
    years = sorted({op.year for op in operations})
    cells: dict[tuple[str, int], tuple[set[str], list[Operation]]] = {}
    for op in sorted(operations, key=lambda o: (o.year, o.name.casefold())):
        named = [c for c in op.countries if c in region_by_country]
        for region in dict.fromkeys(region_by_country[c] for c in named):
            covered, region_ops = cells.setdefault((region, op.year), (set(), []))
            covered.update(c for c in named if region_by_country[c] == region)
            region_ops.append(op)
    rows = []
    for region in sorted({region for region, _ in cells}):
        for year in years:
            covered, region_ops = cells.get((region, year), (set(), []))
            rows.append(
                {
                    "region": region,
                    "year": year,
                    "countries": sizes[region],
                    "covered": len(covered),
                    "coverage_pct": round(100 * len(covered) / sizes[region], 1),
                    "operations": len(region_ops),
                    "operation_keys": [op.key for op in region_ops],
                }
            )
    columns = [
        "region",
        "year",
        "countries",
        "covered",
        "coverage_pct",
        "operations",
        "operation_keys",
    ]
    return pd.DataFrame(rows, columns=columns)

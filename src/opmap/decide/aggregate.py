"""Join operations to countries and compute per-country figures.

The rule that keeps every figure honest: an operation's figures belong to the operation. A country
shows figures only from operations it ran alone; nothing is ever split between countries or copied
to each of them. Regions are in :mod:`opmap.decide.regions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import pandas as pd

from opmap.figures import Total, add_figures
from opmap.i18n import DEFAULT_LANGUAGE, current_language
from opmap.place_names import country_name
from opmap.read.operations import Operation, chronological

if TYPE_CHECKING:
    import geopandas as gpd

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


def in_language(
    operations: Sequence[Operation], boundaries: pd.DataFrame
) -> tuple[list[Operation], pd.DataFrame]:
    """Return the operations and boundaries with country names in the current language.

    Names come from CLDR (:func:`opmap.place_names.country_name`): "Pays-Bas" on a French map.
    Only the names change; codes, figures and the operations' own words stay as the source wrote
    them. ``boundaries`` may be a GeoDataFrame or the units' attributes alone
    (:func:`opmap.read.boundaries.load_attributes`).
    """
    if current_language() == DEFAULT_LANGUAGE:
        return list(operations), boundaries
    localized = [
        replace(
            op,
            country_names=tuple(
                country_name(iso3, name)
                for iso3, name in zip(op.countries, op.country_names, strict=True)
            ),
        )
        for op in operations
    ]
    names = [
        country_name(iso3, name)
        for iso3, name in zip(boundaries["iso_a3"], boundaries["name"], strict=True)
    ]
    return localized, boundaries.assign(name=names)


def aggregate_by_country(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame | pd.DataFrame,
    points: Mapping[str, tuple[float, float]] | None = None,
    *,
    every_unit: bool = False,
) -> gpd.GeoDataFrame | pd.DataFrame:
    """Compute each country's coverage: which operations it took part in, and when.

    Every unit of ``boundaries`` gets a row, whether it took part or not. A named country with no
    polygon at this scale (Tuvalu, Gibraltar) gets a row too, placed by its point from
    ``points`` (or with an empty geometry if no point is known), with the regions where it lies
    and ``has_polygon`` False; with ``every_unit``, so does every such unit, named or not (a GIS
    layer that counts states needs Tuvalu when no operation named it).

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame or pandas.DataFrame
        From :func:`opmap.read.boundaries.load_boundaries`; or the units without their shapes
        (:func:`opmap.read.boundaries.load_attributes`), for tables: then the result has no
        geometry either, and no geometry library is loaded.
    points : mapping of str to (lat, lon), optional
        Points for countries with no polygon (:func:`opmap.read.boundaries.load_country_points`).
    every_unit : bool, default False
        Add a row for every unit known only by a point, not only for those named.

    Returns
    -------
    geopandas.GeoDataFrame or pandas.DataFrame
        As ``boundaries``: the boundary columns plus ``operations`` (count), ``operation_keys``
        (list of str, by year then name), ``years`` (sorted list of int),
        ``single_country_operations`` (count), ``victims``, ``minors``, ``arrests``
        (:class:`Figure` or None, added up over the operations the country ran alone only, as
        :func:`opmap.figures.add_figures` does for regions: "at least 17" when one of them gave
        no figure), ``victims_reported`` etc. (how many of those operations gave the figure)
        and ``has_polygon``.
    """
    by_country: dict[str, list[Operation]] = {}
    names: dict[str, str] = {}
    for op in sorted(operations, key=chronological):
        for iso3, country in zip(op.countries, op.country_names, strict=True):
            by_country.setdefault(iso3, []).append(op)
            names[iso3] = country

    coverage = boundaries.copy()
    coverage["has_polygon"] = True
    wanted = set(by_country)
    if every_unit:
        from opmap.read.boundaries import load_point_regions

        wanted |= set(load_point_regions())
    missing = sorted(wanted - set(coverage["iso_a3"]))
    if missing:
        coverage = _with_point_rows(coverage, missing, names, points or {})
    coverage = coverage.reset_index(drop=True)

    country_ops = [by_country.get(iso3, []) for iso3 in coverage["iso_a3"]]
    coverage["operations"] = [len(ops) for ops in country_ops]
    coverage["operation_keys"] = [[op.key for op in ops] for ops in country_ops]
    coverage["years"] = [sorted({op.year for op in ops}) for ops in country_ops]
    alone = [[op for op in ops if op.is_single_country] for ops in country_ops]
    coverage["single_country_operations"] = [len(ops) for ops in alone]
    for column in SUMMED_FIGURES:
        totals = [add_figures(op.figure(column) for op in ops) for ops in alone]
        coverage[column] = pd.Series([t.figure for t in totals], index=coverage.index, dtype=object)
        coverage[f"{column}_reported"] = [t.reported for t in totals]
    return coverage


def alone_total(row: Mapping, column: str) -> Total:
    """Return a country's figure with how many of the operations it ran alone gave it.

    The figure :func:`aggregate_by_country` added up ("more than 124"), the count of those
    that reported it and of the operations the country ran alone, for a reader's "(2 of 3)"
    (:func:`opmap.decide.cells.total_cell`). Nothing counted when it ran none alone.

    Parameters
    ----------
    row : mapping
        A row of :func:`aggregate_by_country`'s table.
    column : {"victims", "minors", "arrests"}

    Returns
    -------
    Total
    """
    return Total(row[column], int(row[f"{column}_reported"]), int(row["single_country_operations"]))


def _with_point_rows(
    coverage: gpd.GeoDataFrame | pd.DataFrame,
    missing: Sequence[str],
    names: Mapping[str, str],
    points: Mapping[str, tuple[float, float]],
) -> gpd.GeoDataFrame | pd.DataFrame:
    """Add a row for each unit the boundaries lack, in its regions, at its point if any."""
    from opmap.read.boundaries import load_point_regions

    known = load_point_regions()
    rows = []
    for iso3 in missing:
        row = dict.fromkeys(coverage.columns, "")
        row.update({k: v for k, v in known.get(iso3, {}).items() if k in coverage.columns})
        row.update(iso_a3=iso3, has_polygon=False)
        row["name"] = names.get(iso3) or country_name(iso3, row["name"] or iso3)
        rows.append(row)
    if "geometry" not in coverage.columns:  # the units' attributes alone: nothing to place
        return pd.concat([coverage, pd.DataFrame(rows, columns=coverage.columns)])
    import geopandas as gpd
    from shapely.geometry import Point

    for row in rows:
        lat_lon = points.get(row["iso_a3"])
        row["geometry"] = Point(lat_lon[1], lat_lon[0]) if lat_lon else Point()
    added = gpd.GeoDataFrame(rows, geometry="geometry", crs=coverage.crs)
    return gpd.GeoDataFrame(pd.concat([coverage, added]), geometry="geometry", crs=coverage.crs)

"""Coverage through time: what a map shows in one year, or up to it, on one colour scale.

The HTML map's year control (:mod:`opmap.draw.interactive.timeline`) and the static small multiples
(:mod:`opmap.draw.static.small_multiples`) both cut a :class:`~opmap.decide.mapdata.MapData` into
periods here, so they agree. Every period keeps the classes of the whole map, only stretched
down to the smallest value any period shows: the same value has the same colour in every
period, and no label claims a range a value falls outside.

No folium or matplotlib here.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Iterator, Sequence

import geopandas as gpd
import pandas as pd

from opmap.decide.aggregate import aggregate_by_country
from opmap.decide.classes import Classes, metric_values
from opmap.decide.mapdata import MapData
from opmap.figures import Figure, Total, add_figures
from opmap.read.operations import Operation

#: "in": the operations of the period only; "upto": everything from the first year to its end.
MODES = ("in", "upto")

#: Columns :func:`opmap.decide.aggregate.aggregate_by_country` adds to the boundaries.
_AGGREGATE_COLUMNS = (
    "role",
    "has_polygon",
    "operations",
    "operation_keys",
    "years",
    "single_country_operations",
    "victims",
    "minors",
    "arrests",
)


def year_span(map_data: MapData) -> list[int]:
    """Return every year from the first operation's to the last's (gaps included), or []."""
    years = [op.year for op in map_data.operations]
    return list(range(min(years), max(years) + 1)) if years else []


def spans_years(map_data: MapData) -> bool:
    """Whether the operations of a map ran in more than one year."""
    return len({op.year for op in map_data.operations}) > 1


def periods(years: Sequence[int], step: int = 1, mode: str = "in") -> list[tuple[int, int]]:
    """Cut a run of years into periods of ``step`` years: (first, last) of each, both included.

    Parameters
    ----------
    years : sequence of int
        The years to cover (only the first and last count).
    step : int, default 1
        Years per period; the last period ends with the last year, so it may be shorter.
    mode : {"in", "upto"}, default "in"
        ``"upto"`` starts every period at the first year.

    Returns
    -------
    list of (int, int)
    """
    _check_mode(mode)
    if step < 1:
        raise ValueError(f"step must be at least 1 year (got {step})")
    if not years:
        return []
    first, last = min(years), max(years)
    spans = []
    for start in range(first, last + 1, step):
        end = min(start + step - 1, last)
        spans.append((first if mode == "upto" else start, end))
    return spans


def period_data(
    map_data: MapData, first: int, last: int, classes: Classes | None = None
) -> MapData:
    """Return what ``map_data`` shows for the operations from ``first`` to ``last`` only.

    Countries are counted again over those operations (with the rules of
    :func:`opmap.decide.aggregate.aggregate_by_country`); every unit of the map keeps its row.

    Parameters
    ----------
    map_data : MapData
    first, last : int
        The period, both years included.
    classes : Classes, optional
        The classes to colour with (default: those of ``map_data``).

    Returns
    -------
    MapData
    """
    operations = [op for op in map_data.operations if first <= op.year <= last]
    coverage = _recount(map_data.coverage, operations)
    keys = {op.key for op in operations}
    label = str(first) if first == last else f"{first}\u2013{last}"
    return dataclasses.replace(
        map_data,
        operations=operations,
        coverage=coverage,
        values=metric_values(coverage, map_data.metric),
        classes=classes if classes is not None else map_data.classes,
        markers={key: point for key, point in map_data.markers.items() if key in keys},
        areas={key: outline for key, outline in map_data.areas.items() if key in keys},
        unmapped=[op for op in map_data.unmapped if op.key in keys],
        filters=[*map_data.filters, label],
        period=label,
    )


def shared_classes(classes: Classes, values: Iterable[float | None]) -> Classes:
    """Stretch the lowest class down to the smallest of ``values``; colours and tops stay.

    A country with 48 victims in 2015 must not take the colour of a class labelled "94–124"
    without the label saying so: it reads "48–124" instead.
    """
    present = [v for v in values if v is not None and not math.isnan(v)]
    if not classes.bins or not present or min(present) >= classes.lows[0]:
        return classes
    lows = (int(math.floor(min(present))), *classes.lows[1:])
    return dataclasses.replace(classes, lows=lows)


def timeline_classes(map_data: MapData, mode: str | None = None) -> Classes:
    """Return the map's classes, stretched to cover every year's values (in one or both modes).

    Parameters
    ----------
    map_data : MapData
    mode : {"in", "upto"}, optional
        The mode the years are shown in; default both.

    Returns
    -------
    Classes
    """
    modes = MODES if mode is None else (_check_mode(mode),)
    values: list[float] = []
    for _, view in _views(map_data, modes):
        values += view.values()
    return shared_classes(map_data.classes, values)


def lowest_labels(map_data: MapData, classes: Classes, shown: Iterable[str]) -> dict[str, str]:
    """Label the lowest class in each view of the year control, from the smallest value in it.

    The year control's classes reach down to the smallest value of any year
    (:func:`timeline_classes`), but each view's legend says what its own lightest colour holds:
    all years read "36–63", as the print map and the coverage table do, where 2015 alone reads
    "1–63". A view whose lowest class is empty keeps the classes' label (it is dimmed).

    Parameters
    ----------
    map_data : MapData
    classes : Classes
        The year control's classes.
    shown : iterable of str
        The ISO3 codes of the countries the views colour (a regional map's own).

    Returns
    -------
    dict
        ``"all"``, ``"in:2017"``, ``"upto:2017"``: the label, for the views that have one.
    """
    shown = set(shown)
    everything = dict(zip(map_data.coverage["iso_a3"], map_data.values, strict=True))
    labels = {}
    for key, values in [("all", everything), *_views(map_data, MODES)]:
        label = classes.lowest_label(v for iso3, v in values.items() if iso3 in shown)
        if label is not None:
            labels[key] = label
    return labels


def _views(map_data: MapData, modes: Iterable[str]) -> Iterator[tuple[str, dict[str, float]]]:
    """Each view of the year control ("in:2017", "upto:2017") with its value per country."""
    for key, terms in _view_terms(map_data, modes):
        yield key, _values(map_data.metric, terms)


def view_figures(map_data: MapData) -> dict[str, dict[str, Total]]:
    """Return each country's figure in each view of the year control, and who gave it.

    Added up as the whole map adds them (:func:`opmap.figures.add_figures`, the operations the
    country ran alone): rounded like the roughest term, a lower bound where one gave none, so
    that "up to" the last year says what all years say. A country that ran operations alone
    in a view has a total there even if none of them gave the figure ("0 of 1").

    Returns
    -------
    dict
        ``"in:2017"``, ``"upto:2017"`` -> ISO3 -> :class:`~opmap.figures.Total`.
    """
    return {
        key: {iso3: add_figures(figures) for iso3, figures in terms.items()}
        for key, terms in _view_terms(map_data, MODES)
    }


def year_values(map_data: MapData, first: int, last: int) -> dict[str, float]:
    """Return the metric per country (ISO3) for the operations of a period, where it has one.

    Light: no geometry is copied. The same values :func:`period_data` colours with.
    """
    yearly = _yearly_terms(map_data, first, last)
    return _values(map_data.metric, _add_years(yearly, first, last))


def _view_terms(
    map_data: MapData, modes: Iterable[str]
) -> Iterator[tuple[str, dict[str, list[Figure | None]]]]:
    yearly = _yearly_terms(map_data)  # one pass over the operations for every view
    for mode in modes:
        for first, last in periods(year_span(map_data), 1, mode):
            yield f"{mode}:{last}", _add_years(yearly, first, last)


def _yearly_terms(
    map_data: MapData, first: int | None = None, last: int | None = None
) -> dict[int, dict[str, list[Figure | None]]]:
    """Return what each country's value is made of, per year, in one pass over the operations.

    An operation it took part in (counted by the ``operations`` metric), or the figure of one
    it ran alone (None where it gave none). The year control and the small multiples need a
    value per country for each of up to 84 periods: adding up years is cheap, and scanning
    10,000 operations for each period was not.
    """
    yearly: dict[int, dict[str, list[Figure | None]]] = {}
    metric = map_data.metric
    for op in map_data.operations:
        if (first is not None and op.year < first) or (last is not None and op.year > last):
            continue
        year = yearly.setdefault(op.year, {})
        if metric == "operations":
            for iso3 in op.countries:
                year.setdefault(iso3, []).append(None)
        elif op.is_single_country:  # a figure belongs to a country that ran the operation alone
            year.setdefault(op.countries[0], []).append(op.figure(metric))
    return yearly


def _add_years(
    yearly: dict[int, dict[str, list[Figure | None]]], first: int, last: int
) -> dict[str, list[Figure | None]]:
    """Gather the terms of the years ``first`` to ``last`` per country."""
    total: dict[str, list[Figure | None]] = {}
    for year in sorted(y for y in yearly if first <= y <= last):
        for iso3, terms in yearly[year].items():
            total.setdefault(iso3, []).extend(terms)
    return total


def _values(metric: str, terms: dict[str, list[Figure | None]]) -> dict[str, float]:
    """Count each country's operations, or add up its figures as the whole map does."""
    if metric == "operations":
        return {iso3: float(len(found)) for iso3, found in terms.items()}
    totals = {iso3: add_figures(figures).figure for iso3, figures in terms.items()}
    return {iso3: float(figure.value) for iso3, figure in totals.items() if figure is not None}


def _recount(coverage: gpd.GeoDataFrame, operations: Sequence[Operation]) -> gpd.GeoDataFrame:
    """Aggregate ``operations`` over the units of ``coverage``, keeping its rows in order."""
    boundaries = coverage.drop(columns=[c for c in _AGGREGATE_COLUMNS if c in coverage])
    has_polygon = coverage["has_polygon"].to_numpy(dtype=bool)
    # Units with no polygon are points the whole map placed: hand them back as points.
    points = {
        iso3: (geometry.y, geometry.x)
        for iso3, geometry in zip(
            coverage["iso_a3"][~has_polygon], coverage.geometry[~has_polygon], strict=True
        )
        if geometry is not None and not geometry.is_empty
    }
    named = {iso3 for op in operations for iso3 in op.countries}
    # A point unit no operation of the period names keeps its row, with nothing counted.
    idle_points = coverage[~has_polygon & ~coverage["iso_a3"].isin(named).to_numpy()]
    recounted = aggregate_by_country(operations, boundaries[has_polygon], points)
    recounted = recounted.set_index("iso_a3", drop=False)
    idle = aggregate_by_country(
        [], idle_points.drop(columns=[c for c in _AGGREGATE_COLUMNS if c in idle_points])
    )
    idle["has_polygon"] = False
    merged = pd.concat([recounted, idle.set_index("iso_a3", drop=False)])
    merged = merged.loc[coverage["iso_a3"]].reset_index(drop=True)
    if "role" in coverage:  # a regional map: a unit of the region is covered or a gap anew
        merged["role"] = [
            role if role in (None, "outside") or pd.isna(role) else "covered" if count else "gap"
            for role, count in zip(coverage["role"], merged["operations"], strict=True)
        ]
    return gpd.GeoDataFrame(merged, geometry="geometry", crs=coverage.crs)


def _check_mode(mode: str) -> str:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose 'in' (that year) or 'upto' (up to it)")
    return mode

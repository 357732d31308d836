"""What a map shows, decided once for the HTML map and the static images alike.

:func:`prepare_map_data` filters the operations, aggregates them by country, picks the metric and
its classes, and places one marker per operation on land (:mod:`opmap.decide.markers`). Renderers
only draw the result.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from opmap.decide.aggregate import aggregate_by_country, in_language, select_operations
from opmap.decide.antimeridian import seam, shifted_bounds
from opmap.decide.classes import (
    DEFAULT_PALETTE,
    Classes,
    classify_values,
    metric_values,
)
from opmap.decide.markers import area_outlines, place_markers
from opmap.decide.regions import REGION_COLUMNS, area_members, regions_of, runs_inside
from opmap.errors import InvalidOption
from opmap.place_names import region_name as region_in_language
from opmap.read.operations import Operation, chronological
from opmap.read.universe import Universe, load_universe
from opmap.words import count_operations, join_names, plural, quoted_names, text


@dataclass
class MapData:
    """Everything a renderer needs to draw one map.

    Attributes
    ----------
    operations : list of Operation
        The operations selected by the filters, by year then name.
    coverage : geopandas.GeoDataFrame
        :func:`~.aggregate.aggregate_by_country` of those operations, one row per unit, and
        ``role``: None on a world map; on a regional map "covered" (named in an operation),
        "gap" (a state of the region named in none), "territory" (a unit of the region that is
        not a state, named in none: coverage counts states) or "outside" (not in the region).
    values : pandas.Series
        The metric per row of ``coverage`` (NaN for none).
    classes : Classes
    metric : str
    markers : dict of str to shapely Point
        Operation key -> marker position (lon/lat), for the operations that name a country or area.
    unmapped : list of Operation
        Selected operations that cannot be drawn: they name no country and no area.
    focus : geopandas.GeoDataFrame or None
        The units of the region the map is zoomed to, or None for the world.
    region : str or None
        The region filter, as the boundaries spell it, or the label of a user's region.
    filters : list of str
        Readable description of the filters in force ("2018", "Americas").
    period : str or None
        The period a gap is a gap in ("2014–2018").
    universe : Universe or None
        The states a regional map's gaps and counts are over (None on a world map).
    members : frozenset of str or None
        The ISO3 codes of a regional map's region, as the coverage report counts them: with
        the units that have no shape at this scale (Tuvalu, Bouvet Island). None on a world map.
    areas : dict of str to shapely geometry
        Operation key -> its area's outline, for the operations known (here) only by their area.
    inside : frozenset of str or None
        On a regional map, the keys of the operations whose figures are the region's, as in the
        coverage table (:func:`opmap.decide.regions.runs_inside`). None on a world map.
    anywhere : list of Operation
        Regional map: the operations not shown whose unnamed may be anywhere, so in its gaps.
    """

    operations: list[Operation]
    coverage: gpd.GeoDataFrame
    values: pd.Series
    classes: Classes
    metric: str
    markers: dict[str, Point]
    unmapped: list[Operation]
    focus: gpd.GeoDataFrame | None = None
    region: str | None = None
    filters: list[str] = field(default_factory=list)
    period: str | None = None
    universe: Universe | None = None
    members: frozenset[str] | None = None
    areas: dict[str, BaseGeometry] = field(default_factory=dict)
    inside: frozenset[str] | None = None
    anywhere: list[Operation] = field(default_factory=list)

    def is_state(self, iso3: str) -> bool:
        """Whether a unit counts among the states of a regional map (its gaps are states)."""
        return self.universe is None or iso3 in self.universe

    @property
    def title(self) -> str:
        """The map's title."""
        return text("title")

    @property
    def finding(self) -> str:
        """A title that says what the map found, for print.

        "20 countries and territories named in 6 operations, 2014–2018": the count is of named
        participants only (an operation that declared 14 countries and named none adds none),
        so the words say "named". :attr:`topic` says what the operations were.
        """
        places = len(self.coverage[self.coverage["operations"] > 0])
        years = sorted({op.year for op in self.operations})
        if not years:
            return self.title
        period = str(years[0]) if len(years) == 1 else f"{years[0]}\u2013{years[-1]}"
        operations = count_operations(len(self.operations))
        if not places:
            return text("finding_title_none", operations=operations, period=period)
        named = plural("places_named", places)
        return text("finding_title", places=named, operations=operations, period=period)

    @property
    def topic(self) -> str:
        """What the operations were, and the filters: the line under :attr:`finding`."""
        return self.with_filters(text("title"))

    @property
    def subtitle(self) -> str:
        """Period and filters: "6 operations, 2014–2018"."""
        years = sorted({op.year for op in self.operations})
        operations = count_operations(len(self.operations))
        if not years:
            line = text("subtitle_none")
        elif len(years) == 1:
            line = text("subtitle_one_year", operations=operations, year=years[0])
        else:
            line = text("subtitle_all", operations=operations, first=years[0], last=years[-1])
        return self.with_filters(line)

    def with_filters(self, line: str) -> str:
        """Follow ``line`` with the filters in force, if any: "… · Filters: 2017, Africa"."""
        if not self.filters:
            return line
        return line + " \u00b7 " + text("subtitle_filters", filters=join_names(self.filters))

    @functools.cached_property
    def seam(self) -> float | None:
        """The longitude a regional map is cut at (:func:`~.antimeridian.seam`; None: 180°).

        Worked out once: the bounds, the countries, the markers' page data, the names and the
        keyboard all ask for it.
        """
        if self.focus is None or not len(self.focus):
            return None
        return seam(self.focus.geometry.to_numpy())

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(minx, miny, maxx, maxy) to fit: the region, else the covered countries, else all.

        A region's longitudes are those of its map, cut at :attr:`seam`: Oceania's run from
        73 to 232 (Heard Island to Pitcairn, drawn at 128° W + 360).
        """
        if self.focus is not None and len(self.focus):
            return shifted_bounds(self.focus.geometry.to_numpy(), self.seam)
        covered = self.coverage[self.coverage["operations"] > 0]
        if len(covered):
            return tuple(covered.total_bounds)
        return (-180.0, -60.0, 180.0, 85.0)


def find_region(boundaries: gpd.GeoDataFrame, name: str) -> tuple[str, str]:
    """Find which region column holds ``name`` (any case); return (column, region as spelt).

    Raises
    ------
    InvalidOption
        If no region of any column has that name; the message lists close names.
    """
    wanted = name.casefold().strip()
    for column in REGION_COLUMNS:
        for region in boundaries[column].dropna().unique():
            if str(region).casefold() == wanted:
                return column, str(region)
    import difflib

    known = sorted({str(r) for c in REGION_COLUMNS for r in boundaries[c].dropna().unique()})
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = text("did_you_mean_after", names=quoted_names(close)) if close else ""
    raise InvalidOption(text("region_unknown", name=name, hint=hint, regions=join_names(known)))


def prepare_map_data(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    *,
    points: Mapping[str, tuple[float, float]] | None = None,
    years: Sequence[int] | None = None,
    since: int | None = None,
    until: int | None = None,
    names: Sequence[str] | None = None,
    region: str | None = None,
    region_codes: Collection[str] | None = None,
    region_label: str | None = None,
    grouped: Collection[str] | None = None,
    period: str | None = None,
    metric: str = "operations",
    scheme: str = "quantiles",
    k: int = 5,
    bins: Sequence[float] | None = None,
    palette: str = DEFAULT_PALETTE,
    universe: Universe | None = None,
) -> MapData:
    """Filter, aggregate and classify: decide what one map shows.

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
        From :func:`opmap.read.boundaries.load_boundaries`.
    points : mapping, optional
        ISO3 -> (lat, lon) for countries with no polygon.
    years, since, until, names
        Filters, as in :func:`opmap.decide.aggregate.select_operations`.
    region : str, optional
        A region of any region column (``"Americas"``, ``"Western Africa"``): keep operations
        that named a country there and zoom to it.
    region_codes : collection of str, optional
        The ISO3 codes of a region given by its members instead (a user's desk); used with
        ``region_label``, its name. Like ``region``, it keeps the region's operations and zooms.
    region_label : str, optional
        The name of the region of ``region_codes``, for the legend and the filters.
    grouped : collection of str, optional
        With ``region_codes``: the units of every region of its grouping (all the desks'). An
        operation whose area is in the region apart from units in no region is the region's, as
        in the coverage table. By default every unit is in a region.
    period : str, optional
        The period of the figures ("2014–2018"), said in the tooltip of a gap country; by
        default the years of the operations given.
    metric, scheme, k, bins, palette
        What to colour and how (:mod:`opmap.decide.classes`).
    universe : Universe, optional
        The states of a regional map: only they can be gaps, as in the coverage report
        (default: the UN member and observer states). Unused on a world map.

    Returns
    -------
    MapData
    """
    operations, boundaries = in_language(operations, boundaries)
    focus = None
    region_name = None
    region_countries = None
    if region_codes is not None:
        region_countries = set(region_codes)
        region_name = region_label or region
        focus = boundaries[boundaries["iso_a3"].isin(region_countries)]
    elif region is not None:  # "" is a name too, and no region has it
        column, region_name = find_region(boundaries, region)
        focus = boundaries[boundaries[column] == region_name]
        region_countries = set(focus["iso_a3"]) | _point_members(column, region_name)
        grouped = set(regions_of(boundaries, column))
    selected = select_operations(
        operations,
        years=years,
        since=since,
        until=until,
        names=names,
        countries=region_countries,
    )
    # An area's units, found once per area: each search walks every unit (half a millisecond).
    units_of_area = functools.cache(lambda area: frozenset(area_members(boundaries, area)))
    anywhere = []
    if region_countries is not None:
        # An operation whose area is in the region counts in it, as in the coverage table, even
        # when the countries it names are elsewhere (France, and "in the Caribbean").
        chosen = {op.key for op in selected}
        for op in select_operations(operations, years=years, since=since, until=until, names=names):
            if op.key in chosen:
                continue
            if op.area and units_of_area(op.area) & region_countries:
                selected.append(op)
            elif op.area is None and op.unnamed:
                anywhere.append(op)
    selected.sort(key=chronological)
    shown_region = region_name and region_in_language(region_name)
    areas = area_outlines(selected, boundaries, within=region_countries)
    coverage = aggregate_by_country(selected, boundaries, points)
    if region_countries is not None:
        universe = universe or load_universe()
    else:
        universe = None
    coverage["role"] = _roles(coverage, region_countries, universe)
    values = metric_values(coverage, metric)
    classes = classify_values(values, scheme=scheme, k=k, bins=bins, palette=palette)
    markers = place_markers(selected, coverage, areas, within=region_countries)
    return MapData(
        operations=selected,
        coverage=coverage,
        values=values,
        classes=classes,
        metric=metric,
        markers=markers,
        # not on the map: no country, no area and no position of its own (one the file gives
        # is drawn, though it counts in no country)
        unmapped=[op for op in selected if not op.is_mapped and op.key not in markers],
        focus=focus,
        region=shown_region,
        filters=_describe_filters(years, since, until, names, shown_region),
        period=period
        or _years_of(select_operations(operations, years=years, since=since, until=until)),
        universe=universe,
        members=frozenset(region_countries) if region_countries is not None else None,
        areas=areas,
        inside=_inside(selected, region_countries, grouped, units_of_area),
        anywhere=anywhere,
    )


def _inside(operations, region_countries, grouped, units_of_area) -> frozenset[str] | None:
    """Return the keys of the operations that ran in the region alone; None on a world map.

    As the coverage table decides (:func:`opmap.decide.regions.runs_inside`, the same test):
    every unit an operation names is the region's, its area's units too apart from the units
    in no region of the grouping (``grouped``; by default every unit is in one), and it has no
    unnamed participants that could be anywhere.
    """
    if region_countries is None:
        return None
    members = frozenset(region_countries)
    grouped = None if grouped is None else frozenset(grouped)
    inside = []
    for op in operations:
        area = units_of_area(op.area) if op.area else frozenset()
        if runs_inside(op, members, area, area if grouped is None else grouped):
            inside.append(op.key)
    return frozenset(inside)


def _point_members(column: str, region: str) -> set[str]:
    """Return the units of a region with no shape at this scale, as coverage counts them."""
    from opmap.read.boundaries import load_point_regions

    return {iso3 for iso3, units in load_point_regions().items() if units.get(column) == region}


def _roles(
    coverage: gpd.GeoDataFrame, region_countries: set[str] | None, universe: Universe | None
) -> list[str | None]:
    """Say what each unit is on a regional map (see :class:`MapData`; None on a world map)."""
    if region_countries is None or universe is None:
        return [None] * len(coverage)
    return [
        "outside"
        if iso3 not in region_countries
        else "covered"
        if count
        else "gap"
        if iso3 in universe
        else "territory"
        for iso3, count in zip(coverage["iso_a3"], coverage["operations"], strict=True)
    ]


def _years_of(operations: Sequence[Operation]) -> str | None:
    years = sorted({op.year for op in operations})
    if not years:
        return None
    return str(years[0]) if years[0] == years[-1] else f"{years[0]}\u2013{years[-1]}"


def _describe_filters(years, since, until, names, region) -> list[str]:
    filters = []
    if years:
        filters.append(join_names([str(y) for y in sorted(years)]))
    if since is not None and until is not None:
        filters.append(f"{since}\u2013{until}")
    elif since is not None:
        filters.append(text("filter_since", year=since))
    elif until is not None:
        filters.append(text("filter_until", year=until))
    if region:
        filters.append(region)
    if names:
        filters.append(join_names(names))
    return filters

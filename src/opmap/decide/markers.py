"""Where each operation is drawn: one marker on land, or the outline of its area.

:func:`place_markers` puts one marker per operation in a country that took part (or inside its
area), :func:`area_outlines` outlines the area of an operation known only by its area, and
:func:`country_points` gives the point of a country alone. The maps get them through
:func:`opmap.decide.mapdata.prepare_map_data`; the GIS layers (:mod:`opmap.pack.gis`) call them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

import geopandas as gpd
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from opmap.decide.regions import area_members
from opmap.read.operations import Operation


def area_outlines(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    within: Set[str] | None = None,
) -> dict[str, BaseGeometry]:
    """Outline the area of each operation known only by its area: the union of its units.

    Simplified to about 5 km, the scale of an outline on a world or regional map. An area
    with no unit in the boundaries (a user's file without that region) has no outline.

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
        From :func:`opmap.read.boundaries.load_boundaries`.
    within : set of str, optional
        The ISO codes of the region a map shows. There an operation is known by its area too
        when it names no country of the region (France, and "in the Caribbean", on the
        Americas' map).

    Returns
    -------
    dict of str to shapely geometry
        Operation key -> outline, for the operations that name no country (of the region) but
        an area.
    """
    outlines: dict[str, BaseGeometry] = {}
    shapes: dict[str, BaseGeometry] = {}
    for op in operations:
        if not op.area or (
            op.countries and (within is None or not within.isdisjoint(op.countries))
        ):
            continue
        if op.area not in shapes:
            units = boundaries[boundaries["iso_a3"].isin(area_members(boundaries, op.area))]
            shape = units.geometry.union_all() if len(units) else None
            shapes[op.area] = shape.simplify(0.05) if shape is not None else None
        if shapes[op.area] is not None and not shapes[op.area].is_empty:
            outlines[op.key] = shapes[op.area]
    return outlines


def country_points(coverage: gpd.GeoDataFrame) -> dict[str, Point]:
    """Each unit's point: where the maps put a marker for that country alone.

    The representative point of its polygon, which is always inside it (a centroid can fall in
    the sea: France's does); for a unit known only by a point (Tuvalu, Gibraltar), that point.
    A unit with neither has none.

    Parameters
    ----------
    coverage : geopandas.GeoDataFrame
        From :func:`~.aggregate.aggregate_by_country`.

    Returns
    -------
    dict of str to shapely Point
        ISO3 code -> point (lon/lat).
    """
    return {
        iso3: shape.representative_point()
        for iso3, shape in zip(coverage["iso_a3"], coverage.geometry, strict=True)
        if shape is not None and not shape.is_empty
    }


def place_markers(
    operations: Sequence[Operation],
    coverage: gpd.GeoDataFrame,
    areas: Mapping[str, BaseGeometry] | None = None,
    within: Set[str] | None = None,
) -> dict[str, Point]:
    """Place one marker per mapped operation, on land, in a country that took part.

    The operation's own lat/lon if the file gives it; else the representative point of its
    country (a centroid can fall in the sea: France's does). For several countries, the point of
    the country nearest the middle of all their points: Libertad's 13 mostly Caribbean countries
    put it in the Caribbean, not in Brazil, the largest of them. An operation known only by
    its area (``areas``) is placed inside the area, as clear of the other markers as it can.
    On a region's map (``within``), the countries of the region that took part are the ones
    considered: an operation of Africa and Europe is drawn in Africa on Africa's map. There, the
    file's position counts only if it is in the region or in the sea off it
    (:data:`REGION_WATERS_DEG`): Europe's map does not draw an operation of France and Brazil
    in Brazil because the file put its marker there.

    Parameters
    ----------
    operations : sequence of Operation
    coverage : geopandas.GeoDataFrame
        From :func:`~.aggregate.aggregate_by_country`.
    areas : mapping of str to shapely geometry, optional
        From :func:`area_outlines`.
    within : set of str, optional
        The ISO codes of the region a map shows; its countries come first.

    Returns
    -------
    dict of str to shapely Point
        Operation key -> marker position (lon/lat); an operation with no point has none.
    """
    anchors = country_points(coverage)
    given = {
        op.key: Point(op.lon, op.lat)
        for op in operations
        if op.lat is not None and op.lon is not None
    }
    if within is not None:
        given = _off_region_dropped(given, coverage, within)
    markers = {}
    for op in operations:
        if op.key in given:
            markers[op.key] = given[op.key]
            continue
        if areas and op.key in areas:
            markers[op.key] = areas[op.key].representative_point()
            continue
        points = [anchors[c] for c in op.countries if c in anchors]
        inside = [anchors[c] for c in op.countries if c in anchors and c in (within or ())]
        points = inside or points
        if points:
            middle = Point(
                sum(p.x for p in points) / len(points), sum(p.y for p in points) / len(points)
            )
            markers[op.key] = min(points, key=middle.distance)
    for key in areas or {}:
        if key in markers:
            markers[key] = _clear_of_others(areas[key], key, markers)
    return markers


#: How far (degrees) from a region's coast a position in the sea still counts as the region's:
#: about 300 km, so the whole Mediterranean counts as Europe's and as Africa's.
REGION_WATERS_DEG = 3.0


def _off_region_dropped(
    given: Mapping[str, Point], coverage: gpd.GeoDataFrame, within: Set[str]
) -> dict[str, Point]:
    """Keep the positions that lie in the region, or in the sea within reach of its coast."""
    if not given:
        return {}
    keys, points = list(given), list(given.values())
    in_region = coverage["iso_a3"].isin(within).to_numpy()
    shapes = coverage.geometry.to_numpy()
    tree = shapely.STRtree(shapes)
    on_land = tree.query(points, predicate="intersects")
    land: dict[int, bool] = {}
    for i, j in zip(*on_land, strict=True):  # in two shapes (a disputed area): either counts
        land[int(i)] = land.get(int(i), False) or bool(in_region[j])
    near = tree.query(points, predicate="dwithin", distance=REGION_WATERS_DEG)
    coast = {int(i) for i, j in zip(*near, strict=True) if in_region[j]}
    return {
        key: point
        for index, (key, point) in enumerate(zip(keys, points, strict=True))
        if land.get(index, index in coast)
    }


#: How far (degrees) an area's marker keeps from the other markers when its area has room:
#: about two marker widths at the zoom a world or regional map opens at.
AREA_MARKER_CLEARANCE_DEG = (6.0, 4.0, 2.0)


def _clear_of_others(area: BaseGeometry, key: str, markers: Mapping[str, Point]) -> Point:
    """Place an area's marker inside it, as far from the other operations' markers as it can."""
    others = [point for other, point in markers.items() if other != key]
    for clearance in AREA_MARKER_CLEARANCE_DEG if others else ():
        free = area.difference(shapely.union_all([p.buffer(clearance) for p in others]))
        if not free.is_empty:
            return max(shapely.get_parts(free), key=lambda part: part.area).representative_point()
    return area.representative_point()

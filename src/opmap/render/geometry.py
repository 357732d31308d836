"""Country shapes for display: simplified together so neighbours still meet, and small.

Natural Earth 1:50m weighs about 2 MB as GeoJSON; a world map needs a tenth of that. The shapes
are simplified as one coverage (``shapely.coverage_simplify``), so a border shared by two countries
is simplified once and both keep it: no gaps, no overlaps. No unit is ever lost: one that the
simplification empties or shrinks away keeps a finer version of itself, and units too small to
point at on a world map are flagged so a renderer can add a dot on top of them.

No folium or matplotlib here: the HTML map and the static images both use this module.
"""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.errors import GEOSException

#: Default simplification tolerance in degrees (about 15 km): fine for a world or continent map.
DEFAULT_TOLERANCE = 0.15
#: Decimals kept in coordinates (2 decimals: about 1 km).
DEFAULT_DECIMALS = 2
#: A unit whose simplified area falls below this share of its real area keeps a finer shape.
MIN_AREA_SHARE = 0.25
#: A unit whose bounding box is smaller than this (degrees, both ways) is "small": give it a dot.
SMALL_EXTENT = 1.0


def display_geometry(
    coverage: gpd.GeoDataFrame,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    decimals: int = DEFAULT_DECIMALS,
) -> gpd.GeoDataFrame:
    """Simplify the units of a map for display, keeping shared borders shared and every unit.

    Parameters
    ----------
    coverage : geopandas.GeoDataFrame
        One row per unit (polygons, multipolygons; points or empty geometries are kept as they
        are, coordinates rounded), in degrees (EPSG:4326).
    tolerance : float, default 0.15
        Simplification tolerance in degrees.
    decimals : int, default 2
        Decimals kept in coordinates.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy with simplified geometries and a boolean column ``refined``: True where the unit
        kept a finer shape because simplifying would have lost it.
    """
    display = coverage.copy()
    original = np.asarray(coverage.geometry.values, dtype=object)
    areal = shapely.get_type_id(original) >= 3  # Polygon, MultiPolygon
    areal &= ~shapely.is_empty(original)
    simplified = original.copy()
    simplified[areal] = _simplify_coverage(original[areal], tolerance)
    simplified = _round(simplified, decimals)
    refined = np.zeros(len(original), dtype=bool)
    for index in np.flatnonzero(areal):
        if _is_lost(simplified[index], original[index]):
            simplified[index] = _refine(original[index], decimals)
            refined[index] = True
    display = display.set_geometry(gpd.GeoSeries(simplified, index=display.index, crs=coverage.crs))
    display["refined"] = refined
    return display


def _simplify_coverage(shapes: np.ndarray, tolerance: float) -> np.ndarray:
    try:
        return shapely.coverage_simplify(shapes, tolerance)
    except GEOSException:
        # Not a clean coverage (user boundaries can overlap): simplify one by one instead.
        return shapely.simplify(shapes, tolerance, preserve_topology=True)


def _round(shapes: np.ndarray, decimals: int) -> np.ndarray:
    # Shared vertices round to the same grid point, so shared borders stay shared.
    return shapely.set_precision(shapes, 10.0**-decimals)


def _is_lost(shape, original) -> bool:
    if shape is None or shape.is_empty or not shape.is_valid:
        return True
    return shape.area < MIN_AREA_SHARE * original.area


def _refine(original, decimals: int):
    """Return the finest cheap version of a unit: one more decimal, else the shape as given."""
    finer = shapely.set_precision(original, 10.0 ** -(decimals + 1))
    if finer.is_empty or finer.area < MIN_AREA_SHARE * original.area:
        return original
    return finer


def small_units(display: gpd.GeoDataFrame, extent: float = SMALL_EXTENT) -> pd.Series:
    """Flag the units too small to point at on a world map (and units drawn as points).

    Parameters
    ----------
    display : geopandas.GeoDataFrame
    extent : float, default 1.0
        Largest bounding-box side, in degrees, of a small unit.

    Returns
    -------
    pandas.Series of bool
        False for units with an empty geometry (there is nothing to point at).
    """
    geometry = display.geometry
    bounds = geometry.bounds
    side = np.maximum(bounds["maxx"] - bounds["minx"], bounds["maxy"] - bounds["miny"])
    return (side < extent) & ~geometry.is_empty & geometry.notna()


def dot_positions(display: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """Return a point inside each unit (on land, unlike a centroid) for its dot."""
    return display.geometry.representative_point()


def feature_collection(
    display: gpd.GeoDataFrame,
    ids: pd.Series,
    properties: list[dict] | None = None,
) -> str:
    """Write units as compact GeoJSON text (no spaces, coordinates as rounded).

    Parameters
    ----------
    display : geopandas.GeoDataFrame
    ids : pandas.Series of str
        Feature ids (ISO3 codes), aligned with ``display``.
    properties : list of dict, optional
        Properties of each feature, in order; JSON-serialisable.

    Returns
    -------
    str
        A GeoJSON FeatureCollection. Embedding it in a ``<script>`` still needs ``<``, ``>`` and
        ``&`` escaped.
    """
    properties = properties or [{} for _ in range(len(display))]
    features = []
    for feature_id, shape, props in zip(ids, display.geometry, properties, strict=True):
        if shape is None or shape.is_empty:
            continue
        features.append(
            '{"type":"Feature","id":' + json.dumps(feature_id)
            + ',"properties":' + json.dumps(props, separators=(",", ":"))
            + ',"geometry":' + shapely.to_geojson(shape) + "}"
        )
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"

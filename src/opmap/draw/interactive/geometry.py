"""Country shapes for display: simplified together so neighbours still meet, and small.

Natural Earth 1:50m weighs about 2 MB as GeoJSON; a world map needs a tenth of that. The shapes
are simplified as one coverage (``shapely.coverage_simplify``), so a border shared by two countries
is simplified once and both keep it: no gaps, no overlaps. No unit is ever lost: one that the
simplification empties or shrinks away keeps a finer version of itself, and units too small to
point at on a world map are flagged so a renderer can add a dot on top of them.

No folium or matplotlib here: the HTML map and the static images both use this module. The HTML
map sends the shapes compactly encoded (:mod:`opmap.draw.interactive.encoding`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.errors import GEOSException

from opmap import bundled

#: Default simplification tolerance in degrees (about 15 km): fine for a world or continent map.
DEFAULT_TOLERANCE = 0.15
#: Decimals kept in coordinates (2 decimals: about 1 km).
DEFAULT_DECIMALS = 2
#: A unit whose simplified area falls below this share of its real area keeps a finer shape.
MIN_AREA_SHARE = 0.25
#: A unit whose bounding box is smaller than this (degrees, both ways) is "small": give it a dot.
SMALL_EXTENT = 1.0
#: The bundled boundaries simplified with the defaults above, next to ``countries.geojson``.
DISPLAY_FILE = "countries-display.geojson"


def display_geometry(
    coverage: gpd.GeoDataFrame,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    decimals: int = DEFAULT_DECIMALS,
) -> gpd.GeoDataFrame:
    """Simplify the units of a map for display, keeping shared borders shared and every unit.

    The bundled boundaries come simplified already (``countries-display.geojson``, written by
    ``scripts/build_countries.py``): when the polygons given are exactly those and the tolerance
    and decimals are the defaults, that file is read instead of simplifying again.

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
    simplified[~areal] = _round(original[~areal], decimals)
    refined = np.zeros(len(original), dtype=bool)
    precomputed = _bundled_display(original[areal], tolerance, decimals)
    simplified[areal], refined[areal] = precomputed or simplify_units(
        original[areal], tolerance=tolerance, decimals=decimals
    )
    display = display.set_geometry(gpd.GeoSeries(simplified, index=display.index, crs=coverage.crs))
    display["refined"] = refined
    return display


def simplify_units(
    shapes: np.ndarray,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    decimals: int = DEFAULT_DECIMALS,
) -> tuple[np.ndarray, np.ndarray]:
    """Simplify polygons as one coverage and round them, refining any unit that would be lost.

    Parameters
    ----------
    shapes : numpy.ndarray of shapely geometries
        Polygons and multipolygons, none empty.
    tolerance : float, default 0.15
    decimals : int, default 2

    Returns
    -------
    (numpy.ndarray, numpy.ndarray of bool)
        The simplified shapes, and True where a unit kept a finer shape.
    """
    simplified = _round(_simplify_coverage(shapes, tolerance), decimals)
    refined = np.zeros(len(shapes), dtype=bool)
    for index, (shape, original) in enumerate(zip(simplified, shapes, strict=True)):
        if _is_lost(shape, original):
            simplified[index] = _refine(original, decimals)
            refined[index] = True
    return simplified, refined


# --- the bundled boundaries, simplified at build time ----------------------------------------


def source_fingerprint(shapes: np.ndarray) -> str:
    """Return a digest of polygons (their WKB, in order): it tells the bundled ones apart."""
    return hashlib.sha256(b"".join(shapely.to_wkb(shapes))).hexdigest()


def display_collection(shapes: np.ndarray, ids: Sequence[str]) -> str:
    """Write the display version of polygons as the GeoJSON of ``countries-display.geojson``.

    Parameters
    ----------
    shapes : numpy.ndarray of shapely geometries
        The polygons of the bundled boundaries, in the order :func:`load_boundaries` reads them.
    ids : sequence of str
        Their ISO3 codes.

    Returns
    -------
    str
        A FeatureCollection, one feature a line. Its first line holds its member ``opmap``: the
        digest of the source polygons (:func:`source_fingerprint`), the tolerance and decimals
        used, and which units are refined, so that reading that line is enough to check the
        file (parsing every coordinate with :mod:`json` would cost more than GEOS reading them).
    """
    simplified, refined = simplify_units(shapes)
    header = {
        "source_sha256": source_fingerprint(shapes),
        "tolerance": DEFAULT_TOLERANCE,
        "decimals": DEFAULT_DECIMALS,
        "refined": refined.tolist(),
    }
    lines = [
        '{"type":"Feature","id":'
        + json.dumps(iso3)
        + ',"properties":{},"geometry":'
        + shapely.to_geojson(shape)
        + "}"
        for iso3, shape in zip(ids, simplified, strict=True)
    ]
    header_text = json.dumps(header, separators=(",", ":"))
    return (
        '{"type":"FeatureCollection","opmap":'
        + header_text
        + ',"features":[\n'
        + ",\n".join(lines)
        + "\n]}\n"
    )


def _bundled_display(
    shapes: np.ndarray, tolerance: float, decimals: int
) -> tuple[np.ndarray, np.ndarray] | None:
    if (tolerance, decimals) != (DEFAULT_TOLERANCE, DEFAULT_DECIMALS):
        return None
    bundled_display = _read_bundled_display()
    if bundled_display is None:
        return None
    header, simplified, refined = bundled_display
    if len(shapes) != len(simplified) or source_fingerprint(shapes) != header["source_sha256"]:
        return None
    return simplified.copy(), refined.copy()


@functools.cache
def _read_bundled_display() -> tuple[dict, np.ndarray, np.ndarray] | None:
    path = bundled.countries_path().with_name(DISPLAY_FILE)
    if not path.is_file():  # not built: simplify on the fly
        return None
    text = path.read_text(encoding="utf-8")
    header = json.loads(text[: text.index("\n")] + "]}")["opmap"]  # the first line, closed
    # GEOS reads the whole collection at once, far faster than feature by feature.
    shapes = shapely.get_parts(shapely.from_geojson(text))
    return header, shapes, np.array(header["refined"], dtype=bool)


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

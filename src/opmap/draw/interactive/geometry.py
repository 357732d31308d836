"""Country shapes for display: simplified together so neighbours still meet, and small.

Natural Earth 1:50m weighs about 2 MB as GeoJSON; a world map needs a tenth of that. The shapes
are simplified as one coverage (``shapely.coverage_simplify``), so a border shared by two countries
is simplified once and both keep it: no gaps, no overlaps. No unit is ever lost: one that the
simplification empties or shrinks away keeps a finer version of itself, and units too small to
point at on a world map are flagged so a renderer can add a dot on top of them.

No folium or matplotlib here: the HTML map and the static images both use this module.
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


# --- compact encoding for the HTML map --------------------------------------------------------
#
# A unit is ``[id, properties, decimals, shape]``. Coordinates become integers (degrees times
# 10**decimals, the fewest decimals that keep them exact, at most MAX_DECIMALS), each the
# difference from the previous one in the unit, written with Google's encoded-polyline
# algorithm (https://developers.google.com/maps/documentation/utilities/polylinealgorithm):
# 1 to 3 characters per number instead of about 7. The characters are those of base64url, not
# Google's (63 to 126): those include "\\", which JSON doubles, and "{", and branca compiles
# every rendered script as a jinja2 template, so "{{" in the data would break the page.
# ``shape`` is a string holding one point, or a list of polygons, each a list of rings (exterior
# first) without their closing point. ``opmap/draw/assets/decode.js`` turns the list back into a
# GeoJSON FeatureCollection in the browser; :func:`decode_units` is the same in Python.

#: Most decimals an encoded coordinate keeps (about 0.1 m); coarser grids are kept exactly.
MAX_DECIMALS = 6
#: The 64 characters of the encoding, for the values 0 to 63 (32 and up: "more follows").
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def encode_units(
    display: gpd.GeoDataFrame,
    ids: Sequence[str],
    properties: Sequence[dict] | None = None,
) -> list[list]:
    """Encode units compactly for the HTML map (decoded there by ``decode.js``).

    Parameters
    ----------
    display : geopandas.GeoDataFrame
        Points, polygons and multipolygons, in degrees; rows with no or an empty geometry are
        left out.
    ids : sequence of str
        Feature ids (ISO3 codes), aligned with ``display``.
    properties : sequence of dict, optional
        Properties of each feature, in order; JSON-serialisable.

    Returns
    -------
    list
        ``[id, properties, decimals, shape]`` per unit, ready for
        :func:`opmap.draw.interactive.offline.script_json`.
    """
    shapes = np.asarray(display.geometry.values, dtype=object)
    if len(ids) != len(shapes) or (properties is not None and len(properties) != len(shapes)):
        raise ValueError("ids and properties must have one entry per row of display")
    ids = list(ids)
    kept = np.flatnonzero(~shapely.is_missing(shapes) & ~shapely.is_empty(shapes))
    if kept.size == 0:
        return []
    lines = _Lines(shapes[kept])
    units = []
    for unit, row in enumerate(kept):
        texts = lines.texts_of(unit)
        if lines.is_point[unit]:
            shape = texts[0][0]
        else:
            shape = texts
        props = properties[row] if properties is not None else {}
        units.append([ids[row], props, int(lines.decimals[unit]), shape])
    return units


class _Lines:
    """The coordinates of units, encoded in one go: polylines per ring (or point), per unit.

    Every step is one numpy operation over all the units' points: a Python loop over them was
    a tenth of ``opmap map``'s run time.
    """

    def __init__(self, shapes: np.ndarray):
        parts, part_unit = shapely.get_parts(shapes, return_index=True)
        # A line is a polygon's ring (exterior first, then its holes) or a point.
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        single = np.flatnonzero(shapely.get_type_id(parts) == 0)
        line_part = np.concatenate([ring_part, single])
        order = np.argsort(line_part, kind="stable")
        lines = np.concatenate([rings, parts[single]])[order]
        self.line_part = line_part[order]
        self.part_unit = part_unit
        self.is_point = shapely.get_type_id(shapes) == 0
        coordinates, point_line = shapely.get_coordinates(lines, return_index=True)
        last = np.append(point_line[1:] != point_line[:-1], True)
        closing = last & (shapely.get_type_id(lines) == 2)[point_line]  # a ring's closing point
        coordinates, point_line = coordinates[~closing], point_line[~closing]
        point_unit = part_unit[self.line_part[point_line]]
        self.decimals = _unit_decimals(coordinates, point_unit, len(shapes))
        scaled = coordinates * (10.0 ** self.decimals[point_unit])[:, None]
        integers = np.round(scaled).astype(np.int64)
        deltas = np.diff(integers, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
        first = np.insert(point_unit[1:] != point_unit[:-1], 0, True)
        deltas[first] = integers[first]  # each unit starts from (0, 0)
        self.text, point_end = _polyline(deltas)
        line_end = point_end[
            np.append(np.flatnonzero(point_line[1:] != point_line[:-1]), len(point_line) - 1)
        ]
        self.line_start = np.insert(line_end[:-1], 0, 0)
        self.line_end = line_end

    def texts_of(self, unit: int) -> list[list[str]]:
        """Return the unit's polygons, each a list of its rings' texts (a point: one text)."""
        polygons: dict[int, list[str]] = {}
        parts = np.flatnonzero(self.part_unit == unit)
        lines = np.flatnonzero(np.isin(self.line_part, parts))
        for line in lines:
            text = self.text[self.line_start[line] : self.line_end[line]]
            polygons.setdefault(int(self.line_part[line]), []).append(text)
        return list(polygons.values())


def decode_units(units: Sequence[Sequence]) -> dict:
    """Turn encoded units back into a GeoJSON FeatureCollection, as ``decode.js`` does.

    Parameters
    ----------
    units : sequence
        As returned by :func:`encode_units` (or read back from a map's JSON).

    Returns
    -------
    dict
        A FeatureCollection: a ``Point`` or a ``MultiPolygon`` per unit.
    """
    features = []
    for unit_id, props, decimals, shape in units:
        scale = 10**decimals
        position = [0, 0]
        if isinstance(shape, str):
            geometry = {"type": "Point", "coordinates": _points(shape, scale, position)[0]}
        else:
            polygons = [
                [_points(text, scale, position, close=True) for text in polygon]
                for polygon in shape
            ]
            geometry = {"type": "MultiPolygon", "coordinates": polygons}
        features.append(
            {"type": "Feature", "id": unit_id, "properties": props, "geometry": geometry}
        )
    return {"type": "FeatureCollection", "features": features}


def _unit_decimals(coordinates: np.ndarray, point_unit: np.ndarray, units: int) -> np.ndarray:
    """Return per unit the fewest decimals that write its coordinates exactly (at most 6)."""
    needed = np.full(len(coordinates), MAX_DECIMALS)
    for decimals in range(MAX_DECIMALS - 1, -1, -1):
        on_grid = np.round(coordinates * 10.0**decimals) / 10.0**decimals
        exact = np.all(np.abs(on_grid - coordinates) < 1e-9, axis=1)  # float noise only
        needed[exact] = decimals
    per_unit = np.zeros(units, dtype=np.int64)
    np.maximum.at(per_unit, point_unit, needed)
    return per_unit


_ALPHABET_BYTES = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)


def _polyline(deltas: np.ndarray) -> tuple[str, np.ndarray]:
    """Write (x, y) differences with the polyline algorithm; return the text and each point's end.

    Each number is split into 5-bit chunks, lowest first, every chunk but the last flagged with
    0x20, and each chunk written as that character of :data:`ALPHABET`.
    """
    numbers = deltas.ravel()
    zigzag = (numbers << 1) ^ (numbers >> 63)  # what polyline writes as ~(v << 1) for v < 0
    lengths = np.ones(len(zigzag), dtype=np.int64)
    for bits in range(5, 64, 5):
        lengths += zigzag >= (1 << bits)
    widest = int(lengths.max(initial=1))
    chunks = (zigzag[:, None] >> (5 * np.arange(widest))) & 31
    more = np.arange(widest) < (lengths[:, None] - 1)
    codes = chunks | (more * 0x20)
    used = np.arange(widest) < lengths[:, None]
    text = _ALPHABET_BYTES[codes[used]].tobytes().decode("ascii")
    return text, np.cumsum(lengths.reshape(-1, 2).sum(axis=1))


def _points(text: str, scale: int, position: list[int], *, close: bool = False) -> list:
    """Decode one polyline, the differences running on from ``position`` (updated in place)."""
    numbers, value, shift = [], 0, 0
    for char in text:
        chunk = ALPHABET.index(char)
        value |= (chunk & 31) << shift
        shift += 5
        if chunk < 32:
            numbers.append(~(value >> 1) if value & 1 else value >> 1)
            value, shift = 0, 0
    found = []
    for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
        position[0] += dx
        position[1] += dy
        found.append([position[0] / scale, position[1] / scale])
    if close:
        found.append(list(found[0]))
    return found

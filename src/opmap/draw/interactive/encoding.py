"""Country shapes written compactly for the HTML map: 1 to 3 characters a number, not about 7.

A unit is ``[id, properties, decimals, shape]``. Coordinates become integers (degrees times
10**decimals, the fewest decimals that keep them exact, at most :data:`MAX_DECIMALS`), each the
difference from the previous one in the unit, written with Google's encoded-polyline algorithm
(https://developers.google.com/maps/documentation/utilities/polylinealgorithm). The characters
are those of base64url (:data:`ALPHABET`), not Google's (63 to 126): those include the
backslash, which JSON doubles, and "{", and branca compiles every rendered script as a jinja2
template, so "{{" in the data would break the page.

``shape`` is a string holding one point, or a list of polygons, each a list of rings (exterior
first) without their closing point. ``opmap/draw/assets/decode.js`` turns the list back into a
GeoJSON FeatureCollection in the browser; :func:`decode_units` is the same in Python. The shapes
encoded are those :mod:`opmap.draw.interactive.geometry` simplified for display.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely

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

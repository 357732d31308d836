"""Positions: a marker placed by its record's lat and lon should stand where the operation ran.

An operation's ``lat`` and ``lon`` put its marker on every map, wherever they point. Written
wrong (swapped, a sign lost, the capital of a neighbour), they put Ghana's operation in Nigeria
and no check of the cells alone can tell: :func:`positions_off_their_places` measures each
position against the shapes of the countries and the area the operation names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from opmap import words
from opmap.errors import Problem
from opmap.place_names import country_name

if TYPE_CHECKING:
    import geopandas

    from opmap.read.operations import Operation

__all__ = [
    "NEAR_DEGREES",
    "NEAR_POINT_DEGREES",
    "count_off_their_places",
    "is_measured",
    "positions_off_their_places",
]

#: How far outside a named unit's outline a position may be, in degrees (about 55 km at the
#: equator): a port on the coast, a shape drawn at 1:50m, an island's lagoon.
NEAR_DEGREES = 0.5
#: The same for a unit known by one point (Tuvalu, Nauru), whose islands spread around it.
NEAR_POINT_DEGREES = 3.0
#: How many of the places an operation names a warning lists before "and N more".
NAMES_SHOWN = 5


def positions_off_their_places(
    operations: Iterable[Operation],
    boundaries: geopandas.GeoDataFrame,
    points: Mapping[str, tuple[float, float]],
    members: Mapping[str, frozenset[str]],
    file: str,
) -> list[Problem]:
    """Warn of each operation whose position is not in or near any place it names.

    Parameters
    ----------
    operations : iterable of Operation
        Only those with a position and a country or an area named are measured.
    boundaries : geopandas.GeoDataFrame
        The units' shapes, with ``iso_a3`` and ``name``.
    points : mapping of str to (float, float)
        The units known by a point only: code -> (lat, lon).
    members : mapping of str to frozenset of str
        Area -> the codes of its units (:func:`opmap.read.areas.units_by_area`).
    file : str
        The operations file as the user named it.

    Returns
    -------
    list of Problem
        One warning per such operation, on its line and its ``lat`` column, that says where the
        position is instead, and whether lat and lon read the other way round would fit.
    """
    shapes, near = _unit_shapes(boundaries, points)
    members = {**members, **_territories(boundaries)}
    off = _off_their_places(operations, shapes, near, members)
    if not off:
        return []
    names, found = _unit_names(boundaries), _Finder(shapes)
    return [_warning(op, found, names, shapes, near, members, file) for op in off]


def count_off_their_places(
    operations: Iterable[Operation],
    boundaries: geopandas.GeoDataFrame,
    points: Mapping[str, tuple[float, float]],
    members: Mapping[str, frozenset[str]],
) -> int:
    """Count the warnings of :func:`positions_off_their_places` without wording them.

    Wording one looks for the unit the position is in and tries lat and lon swapped: 0.6 ms an
    operation, 6.7 s at 10,000 positions off, for a run that says only how many there are.
    """
    shapes, near = _unit_shapes(boundaries, points)
    members = {**members, **_territories(boundaries)}
    return len(_off_their_places(operations, shapes, near, members))


def _off_their_places(operations, shapes, near, members) -> list[Operation]:
    """Return the operations whose position is not in or near any place they name."""
    import numpy as np
    import shapely

    placed = [op for op in operations if is_measured(op)]
    pairs = [
        (index, code)
        for index, op in enumerate(placed)
        for code in sorted(_places(op, members) & shapes.keys())
    ]
    if not pairs:
        return []
    which = np.array([index for index, _ in pairs])
    positions = shapely.points([op.lon for op in placed], [op.lat for op in placed])
    units = np.array([shapes[code] for _, code in pairs], dtype=object)
    reach = np.array([near[code] for _, code in pairs])
    fits = shapely.dwithin(units, positions[which], reach)
    measured = np.zeros(len(placed), dtype=bool)
    measured[which] = True  # an operation none of whose places has a shape is not measured
    fitting = np.zeros(len(placed), dtype=bool)
    np.logical_or.at(fitting, which, fits)
    return [op for op, seen, fit in zip(placed, measured, fitting, strict=True) if seen and not fit]


def is_measured(operation: Operation) -> bool:
    """Whether an operation's position is measured: it gives one, and names a place."""
    return operation.has_position and bool(operation.countries or operation.area)


def _places(operation: Operation, members: Mapping[str, frozenset[str]]) -> set[str]:
    """Return the codes of the units an operation names: its countries and its area's units.

    A state named is its territories too (``members`` keyed by its code): France's operation
    may be placed in Cayenne, French Guiana.
    """
    places = set(operation.countries) | members.get(operation.area or "", frozenset())
    for code in operation.countries:
        places |= members.get(code, frozenset())
    return places


def _territories(boundaries) -> dict[str, frozenset[str]]:
    """Return each sovereign state's code -> the codes of its units, where the boundaries say.

    Natural Earth's ``sovereignt`` names the state a unit belongs to. The state itself is the
    unit of that name, else the largest (the United States' ``sovereignt`` is "United States of
    America"). Boundaries without the column give none.
    """
    import numpy as np
    import shapely

    if "sovereignt" not in boundaries.columns:
        return {}
    states = {}
    for sovereign, group in boundaries.groupby("sovereignt", sort=False):
        if len(group) < 2:
            continue
        codes = [str(code) for code in group["iso_a3"]]
        named = [code for code, name in zip(codes, group["name"], strict=True) if name == sovereign]
        # in square degrees, which is enough to tell the largest (no geopandas CRS warning)
        largest = codes[int(np.argmax(shapely.area(np.asarray(group.geometry.array))))]
        states[named[0] if named else largest] = frozenset(codes)
    return states


def _unit_shapes(boundaries, points) -> tuple[dict, dict[str, float]]:
    """Each unit's shape (or point) by code, and how near to it a position still fits."""
    import shapely

    shapes = {
        str(code): shape
        for code, shape in zip(boundaries["iso_a3"], boundaries.geometry, strict=True)
        if shape is not None and not shape.is_empty
    }
    near = dict.fromkeys(shapes, NEAR_DEGREES)
    for code, (lat, lon) in points.items():
        if code not in shapes:
            shapes[code] = shapely.Point(lon, lat)
            near[code] = NEAR_POINT_DEGREES
    return shapes, near


def _unit_names(boundaries) -> dict[str, str]:
    """Each unit's English name by code, those known by a point too."""
    from opmap.read.boundaries import load_point_regions

    names = {code: regions["name"] for code, regions in load_point_regions().items()}
    names.update(zip(map(str, boundaries["iso_a3"]), map(str, boundaries["name"]), strict=True))
    return names


class _Finder:
    """Which unit a position is in, from a tree of the units' shapes made on first use."""

    def __init__(self, shapes: Mapping[str, object]):
        self._codes = list(shapes)
        self._shapes = list(shapes.values())
        self._tree = None

    def unit_at(self, lat: float, lon: float) -> str | None:
        import shapely

        if self._tree is None:
            self._tree = shapely.STRtree(self._shapes)
        hits = self._tree.query(shapely.Point(lon, lat), predicate="intersects")
        return self._codes[min(hits)] if len(hits) else None


def _warning(op, found: _Finder, names, shapes, near, members, file: str) -> Problem:
    """Word the warning for one operation whose position is off every place it names."""
    import shapely

    places = _places(op, members) & shapes.keys()
    named = _named(op, names)
    swapped = abs(op.lon) <= 90 and any(
        shapely.dwithin(shapes[code], shapely.Point(op.lat, op.lon), near[code]) for code in places
    )
    at = found.unit_at(op.lat, op.lon)
    values = {"lat": _degrees(op.lat), "lon": _degrees(op.lon), "names": named}
    if swapped:
        message = words.text("cell_position_swapped", **values)
    elif at is None:
        message = words.text("cell_position_nowhere", **values)
    else:
        message = words.text("cell_position_elsewhere", found=_name(at, names), **values)
    return Problem(file, op.line, "lat", message, _degrees(op.lat), severity="warning")


def _named(op, names: Mapping[str, str]) -> str:
    """Name the places an operation names, in the language of the run: countries, area."""
    places: list[str] = [_name(code, names) for code in op.countries]
    if op.area:
        places.append(words.text("position_area", area=op.area))
    return words.join_names(_first(places))


def _first(places: Sequence[str]) -> list[str]:
    """Keep the first few places, and say how many more there are."""
    if len(places) <= NAMES_SHOWN:
        return list(places)
    more = words.plural("position_names_more", len(places) - NAMES_SHOWN)
    return [*places[:NAMES_SHOWN], more]


def _name(code: str, names: Mapping[str, str]) -> str:
    return country_name(code, names.get(code, code))


def _degrees(value: float) -> str:
    """Write a coordinate as the file could have: 9.08, -1.5, 7."""
    return f"{value:.6f}".rstrip("0").rstrip(".")

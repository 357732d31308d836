"""What the operations say that only the boundaries can contradict.

A row can be right cell by cell and still wrong about the world: "25 countries in West Africa",
where Western Africa has 17 countries and territories, or a position in Nigeria for an operation
that names Ghana. :func:`against_boundaries` finds those, for ``opmap validate`` and for every
command that reads the operations (which says how many warnings it found, and goes on).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from opmap.errors import Problem

if TYPE_CHECKING:
    import geopandas

    from opmap.read.operations import Operation

__all__ = [
    "against_boundaries",
    "count_against_boundaries",
    "needs_boundaries",
    "needs_shapes",
    "unit_rows",
]


def needs_boundaries(operations: Iterable[Operation]) -> bool:
    """Whether any operation says something the boundaries could contradict."""
    return any(_declares_area_total(op) or _placed_by_name(op) for op in operations)


def needs_shapes(operations: Iterable[Operation]) -> bool:
    """Whether any position is to be measured: the shapes are needed, not the attributes alone."""
    return any(_placed_by_name(op) for op in operations)


def against_boundaries(
    operations: Sequence[Operation],
    units: Iterable[Mapping[str, object]],
    file: str,
    shapes: geopandas.GeoDataFrame | None = None,
) -> list[Problem]:
    """Check declared totals against their areas and, given the shapes, positions too.

    Parameters
    ----------
    operations : sequence of Operation
    units : iterable of mapping
        The boundaries' units, one mapping each with ``iso_a3``, ``region_un`` and
        ``subregion`` (records of the attributes, or the bundled baked rows).
    file : str
        The operations file as the user named it.
    shapes : geopandas.GeoDataFrame, optional
        The boundaries' shapes: without them positions are not measured.

    Returns
    -------
    list of Problem
        Warnings, in file order.
    """
    from opmap.read.areas import declared_beyond_area, units_by_area
    from opmap.read.boundaries import load_country_points, point_unit_rows

    members = units_by_area([*units, *point_unit_rows()])
    problems = declared_beyond_area(operations, members, file)
    if shapes is not None and needs_shapes(operations):
        from opmap.read.positions import positions_off_their_places

        points = load_country_points()
        problems += positions_off_their_places(operations, shapes, points, members, file)
    return sorted(problems, key=lambda problem: problem.line or 0)


def count_against_boundaries(
    operations: Sequence[Operation],
    units: Iterable[Mapping[str, object]],
    shapes: geopandas.GeoDataFrame | None = None,
) -> int:
    """Count the warnings of :func:`against_boundaries` without wording them (see there)."""
    from opmap.read.areas import declared_beyond_area, units_by_area
    from opmap.read.boundaries import load_country_points, point_unit_rows

    members = units_by_area([*units, *point_unit_rows()])
    count = len(declared_beyond_area(operations, members, ""))
    if shapes is not None and needs_shapes(operations):
        from opmap.read.positions import count_off_their_places

        count += count_off_their_places(operations, shapes, load_country_points(), members)
    return count


def unit_rows(boundaries) -> list[dict]:
    """Return the boundaries' units as mappings, without their shapes, for the checks above."""
    geometry = getattr(boundaries, "_geometry_column_name", None)
    attributes = boundaries.drop(columns=geometry) if geometry in boundaries.columns else boundaries
    return attributes.to_dict("records")


def _declares_area_total(op: Operation) -> bool:
    return bool(op.area) and op.countries_total is not None


def _placed_by_name(op: Operation) -> bool:
    return op.has_position and bool(op.countries or op.area)

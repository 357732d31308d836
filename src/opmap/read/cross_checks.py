"""What the operations say that only the boundaries can contradict.

A row can be right cell by cell and still wrong about the world: "25 countries in West Africa",
where Western Africa has 17 countries and territories, or a position in Nigeria for an operation
that names Ghana. :func:`against_boundaries` finds those, for ``opmap validate`` and for every
command that reads the operations (which says how many warnings it found, and goes on).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from opmap.errors import Problem, in_file_order
from opmap.read.areas import declares_area_total
from opmap.read.positions import is_measured

if TYPE_CHECKING:
    import geopandas

    from opmap.read.operations import Operation

__all__ = [
    "against_boundaries",
    "count_against_boundaries",
    "needs_boundaries",
    "needs_shapes",
    "units_and_shapes",
]


def needs_boundaries(operations: Iterable[Operation]) -> bool:
    """Whether any operation says something the boundaries could contradict."""
    return any(declares_area_total(op) or is_measured(op) for op in operations)


def needs_shapes(operations: Iterable[Operation]) -> bool:
    """Whether any position is to be measured: the shapes are needed, not the attributes alone."""
    return any(is_measured(op) for op in operations)


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
    return in_file_order(problems)


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


def units_and_shapes(boundaries) -> tuple[list[dict], geopandas.GeoDataFrame | None]:
    """Return the boundaries' units as mappings for the checks above, and their shapes if any.

    ``boundaries`` is a GeoDataFrame, or the attributes alone (a table's run, which loads no
    geometry library): then there are no shapes.
    """
    geometry = getattr(boundaries, "geometry", None)
    if geometry is None:
        return boundaries.to_dict("records"), None
    return boundaries.drop(columns=geometry.name).to_dict("records"), boundaries

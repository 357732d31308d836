"""The inputs every map, table and pack starts from, read and validated in one call."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opmap.errors import InvalidInput
from opmap.read.guards import Limits
from opmap.read.operations import Operation

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


@dataclass
class Inputs:
    """The validated operations, the boundaries and the points of units with no polygon.

    ``boundaries`` is a GeoDataFrame, or a DataFrame of the units' attributes alone when they
    were read with ``shapes=False`` and no operation gives a position.
    """

    operations: list[Operation]
    boundaries: gpd.GeoDataFrame | pd.DataFrame
    points: dict[str, tuple[float, float]]
    also: tuple[Any, ...] = ()


def load_inputs(
    operations_path: Path | str | None = None,
    countries_path: Path | str | None = None,
    *,
    limits: Limits | None = None,
    shapes: bool = True,
    also: Sequence[Callable[[pd.DataFrame], Any]] = (),
) -> Inputs:
    """Read and validate the operations, the boundaries and the files read beside them.

    Every file is read even when one before it has errors, so that one run tells every problem
    of every file (the operations', the boundaries', a region file's, a list of states'). The
    warnings, which do not stop the run, are counted to a listener
    (:func:`opmap.progress.progress_to`) one line per file, with the ``opmap validate`` that
    lists them.

    Parameters
    ----------
    operations_path : path-like, optional
        Operations CSV (default: the bundled data).
    countries_path : path-like, optional
        Boundaries GeoJSON (default: the bundled data).
    limits : Limits, optional
        The largest files read (default: :class:`opmap.read.guards.Limits`).
    shapes : bool, default True
        False for a run that draws nothing (tables): the boundaries' attributes alone
        (:func:`opmap.read.boundaries.load_attributes`), which for the bundled boundaries loads
        no geometry library; but the shapes all the same when an operation gives a position
        (:func:`opmap.read.cross_checks.needs_shapes`, as ``opmap validate`` decides), so that
        the warnings counted are the ones validate lists.
    also : sequence of callable, optional
        Readers of further files (``--by``, ``--universe``), each given the boundaries' units
        (the bundled ones when the boundaries have errors) to check codes against; what they
        return is :attr:`Inputs.also`, in order.

    Returns
    -------
    Inputs

    Raises
    ------
    InvalidOperations, InvalidInput
        With every problem of the files, at once.
    """
    from opmap.read.boundaries import load_attributes, load_boundaries, load_country_points
    from opmap.read.cross_checks import needs_shapes
    from opmap.read.operations import read_operations

    failed: list[InvalidInput] = []

    def attempt(read: Callable[[], Any]) -> Any:
        try:
            return read()
        except InvalidInput as err:
            failed.append(err)
            return None

    warnings: list = []
    operations = attempt(lambda: read_operations(operations_path, limits=limits, warnings=warnings))
    # A position is measured against the shapes, as validate does: without them it went uncounted.
    measured = operations is not None and needs_shapes(operations)
    load = load_boundaries if shapes or measured else load_attributes
    shape_warnings: list = []  # the boundaries file's own: shapes repaired
    boundaries = attempt(
        lambda: load(
            Path(countries_path) if countries_path else None,
            limits=limits,
            warnings=shape_warnings,
        )
    )
    units = boundaries if boundaries is not None else load_attributes()
    extra = tuple(attempt(lambda read=read: read(units)) for read in also)
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise InvalidInput([problem for err in failed for problem in err.problems])
    paths = (operations_path, countries_path)
    _tell_warnings(operations, warnings, boundaries, shape_warnings, paths, limits)
    return Inputs(operations, boundaries, load_country_points(), extra)


def _tell_warnings(operations, warnings, boundaries, shape_warnings, paths, limits) -> None:
    """Say how many warnings each file has, and the command that tells them.

    The run goes on; a person who runs ``opmap build`` alone hears of them too. One line per
    file with warnings: the operations (their cells, and what the boundaries contradict), then
    the boundaries file (its shapes repaired). The command reads the same files within the same
    limits, so that it finds them. Positions are measured whenever an operation gives one, a
    table's run too (:func:`load_inputs`), so each count is validate's. The files read beside
    them (``--by``, ``--universe``) have errors only, never warnings.
    """
    from opmap import progress
    from opmap.bundled import operations_path as bundled_operations
    from opmap.read.cross_checks import count_against_boundaries, needs_boundaries, units_and_shapes

    operations_path, countries_path = paths
    found = len(warnings)
    if needs_boundaries(operations):
        found += count_against_boundaries(operations, *units_and_shapes(boundaries))
    operations_file = str(operations_path or bundled_operations())
    counts = [(operations_file, found)]
    if countries_path:  # the bundled boundaries have no warnings
        counts.append((str(countries_path), len(shape_warnings)))
    for file, count in counts:
        if count:
            command = _validate_command(operations_file, countries_path, limits)
            progress.warn("read_warnings", count, file=file, command=command)


def _validate_command(operations_file: str, countries_path, limits) -> str:
    """Return the arguments of the ``opmap validate`` that lists the warnings, quoted."""
    import shlex

    command = [operations_file]
    if countries_path:  # the same boundaries, so that validate finds the same warnings
        command += ["--countries", str(countries_path)]
    given, default = limits or Limits(), Limits()
    if given.max_bytes != default.max_bytes:
        command += ["--max-size", f"{given.max_bytes / 1_000_000:g}"]
    if given.max_rows != default.max_rows:
        command += ["--max-rows", str(given.max_rows)]
    return " ".join(shlex.quote(part) for part in command)

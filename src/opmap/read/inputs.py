"""The inputs every map, table and pack starts from, read and validated in one call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from opmap.read.guards import Limits
from opmap.read.operations import Operation

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


@dataclass
class Inputs:
    """The validated operations, the boundaries and the points of units with no polygon.

    ``boundaries`` is a GeoDataFrame, or a DataFrame of the units' attributes alone when they
    were read with ``shapes=False``.
    """

    operations: list[Operation]
    boundaries: gpd.GeoDataFrame | pd.DataFrame
    points: dict[str, tuple[float, float]]


def load_inputs(
    operations_path: Path | str | None = None,
    countries_path: Path | str | None = None,
    *,
    limits: Limits | None = None,
    shapes: bool = True,
) -> Inputs:
    """Read and validate the operations and the boundaries.

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
        no geometry library.

    Returns
    -------
    Inputs

    Raises
    ------
    InvalidOperations, InvalidInput
        With every problem of the files, at once.
    """
    from opmap.read.boundaries import load_attributes, load_boundaries, load_country_points
    from opmap.read.operations import read_operations

    load = load_boundaries if shapes else load_attributes
    return Inputs(
        operations=read_operations(operations_path, limits=limits),
        boundaries=load(Path(countries_path) if countries_path else None, limits=limits),
        points=load_country_points(),
    )

"""What several commands do with their inputs, kept free of click."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from opmap.aggregate import REGION_COLUMNS
from opmap.errors import InvalidOption
from opmap.records import Operation


@dataclass
class Inputs:
    """The validated operations, the boundaries and the points of units with no polygon."""

    operations: list[Operation]
    boundaries: gpd.GeoDataFrame
    points: dict[str, tuple[float, float]]


def load_inputs(operations_path: Path | None = None, countries_path: Path | None = None) -> Inputs:
    """Read and validate the operations and the boundaries (default: the bundled data)."""
    from opmap.countries import load_boundaries, load_country_points
    from opmap.records import read_operations

    return Inputs(
        operations=read_operations(operations_path),
        boundaries=load_boundaries(countries_path),
        points=load_country_points(),
    )


def region_grouping(by: str, boundaries: gpd.GeoDataFrame) -> str | Mapping[str, str]:
    """Turn ``--by`` into a region column name or a user's mapping ISO3 -> region.

    Parameters
    ----------
    by : str
        ``region_un``, ``subregion``, ``region_wb``, ``continent``, or a path to an
        ``iso3,region`` CSV.
    boundaries : GeoDataFrame
        Its codes are accepted in the user's file.
    """
    if by in REGION_COLUMNS:
        return by
    if not by.lower().endswith(".csv") and not Path(by).exists():
        raise InvalidOption(
            f"--by {by!r} is neither a region column ({', '.join(REGION_COLUMNS)}) nor a CSV "
            "file of 'iso3,region' rows"
        )
    from opmap.regions import read_regions

    return read_regions(by, known_codes=boundaries["iso_a3"])

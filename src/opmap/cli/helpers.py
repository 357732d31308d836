"""What several commands do with their inputs, kept free of click."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd

from opmap.decide.aggregate import REGION_COLUMNS
from opmap.errors import InvalidOption
from opmap.read.inputs import Inputs, load_inputs

__all__ = ["Inputs", "load_inputs", "region_grouping"]


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
    from opmap.read.regions import read_regions

    return read_regions(by, known_codes=boundaries["iso_a3"])

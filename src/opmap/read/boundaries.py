"""Country boundaries and points: the shapes and positions countries are drawn with.

:func:`load_boundaries` reads a GeoJSON of admin-0 units (the bundled Natural Earth file by
default) and checks it; :func:`load_country_points` gives a land point to units with no polygon.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import TYPE_CHECKING

from opmap import bundled
from opmap.errors import InvalidInput, Problem

if TYPE_CHECKING:
    import geopandas

__all__ = ["REGION_COLUMNS", "REQUIRED_COLUMNS", "load_boundaries", "load_country_points"]

#: The built-in groupings of countries into regions (``--by``, ``--region``): boundary columns.
REGION_COLUMNS = ("region_un", "subregion", "region_wb", "continent")

#: Columns every boundaries file must have: the code, the name and every grouping, so that a
#: file accepted here works with every ``--by`` and ``--region``.
REQUIRED_COLUMNS = ("iso_a3", "name", *REGION_COLUMNS)


def load_boundaries(path: Path | None = None) -> geopandas.GeoDataFrame:
    """Read country boundaries (the bundled ``countries.geojson`` by default).

    Parameters
    ----------
    path : pathlib.Path or None, default None
        A GeoJSON file with the columns ``iso_a3``, ``name``, ``region_un``, ``subregion``,
        ``region_wb`` and ``continent``; None for the bundled boundaries (read once, then copied).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit, in EPSG:4326.

    Raises
    ------
    InvalidInput
        If the file is missing, cannot be read, or lacks a geometry or a required column.
    """
    if path is None:
        return _read_bundled_boundaries().copy()
    return _read_boundaries(Path(path))


@functools.lru_cache(maxsize=1)
def _read_bundled_boundaries() -> geopandas.GeoDataFrame:
    return _read_boundaries(bundled.countries_path())


def _read_boundaries(path: Path) -> geopandas.GeoDataFrame:
    import pyogrio

    if not path.is_file():
        raise InvalidInput([Problem(str(path), None, None, "no such file")])
    try:
        boundaries = pyogrio.read_dataframe(path)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as err:
        problem = Problem(str(path), None, None, f"cannot be read as GeoJSON: {err}")
        raise InvalidInput([problem]) from err
    _check_boundaries(boundaries, str(path))
    if boundaries.crs is None:
        return boundaries.set_crs(4326)
    return boundaries.to_crs(4326)


def _check_boundaries(boundaries, file: str) -> None:
    import geopandas

    problems = []
    if not isinstance(boundaries, geopandas.GeoDataFrame):
        problems.append(Problem(file, None, None, "has no geometry; is it a GeoJSON file?"))
    missing = [column for column in REQUIRED_COLUMNS if column not in boundaries.columns]
    if missing:
        noun = "column" if len(missing) == 1 else "columns"
        message = (
            f"lacks the {noun} {', '.join(repr(c) for c in missing)}; a boundaries file needs "
            f"{', '.join(REQUIRED_COLUMNS)} (the regions are grouped by the last four): add "
            f"the {noun}, or start from the bundled data/countries.geojson"
        )
        problems.append(Problem(file, None, None, message))
    if not problems and len(boundaries) == 0:
        problems.append(Problem(file, None, None, "has no features"))
    if problems:
        raise InvalidInput(problems)


def load_country_points() -> dict[str, tuple[float, float]]:
    """Return a land point for the countries with no polygon of their own.

    Returns
    -------
    dict of str to (float, float)
        ISO alpha-3 code -> (latitude, longitude), from the bundled ``country_points.csv``.
    """
    path = bundled.countries_path().with_name("country_points.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["iso3"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(handle)
        }

"""Country boundaries and points: the shapes and positions countries are drawn with.

:func:`load_boundaries` reads a GeoJSON of admin-0 units (the bundled Natural Earth file by
default) and checks it; :func:`load_country_points` gives a land point to units with no polygon.
:func:`load_attributes` gives the units' codes, names and regions without their shapes: for the
bundled boundaries it reads a table baked beside them, so a command that draws nothing
(``opmap summary``) loads no geometry library while no operation gives a position to measure.
"""

from __future__ import annotations

import csv
import functools
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from opmap import bundled
from opmap.errors import InvalidInput, Problem
from opmap.read.guards import Limits
from opmap.words import join_names, plural, quoted_names, text

if TYPE_CHECKING:
    import geopandas
    import pandas

__all__ = [
    "REGION_COLUMNS",
    "REQUIRED_COLUMNS",
    "ATTRIBUTES_FILE",
    "boundary_problems",
    "check_boundaries",
    "load_attributes",
    "load_boundaries",
    "load_country_points",
    "load_point_regions",
]

#: The built-in groupings of countries into regions (``--by``, ``--region``): boundary columns.
REGION_COLUMNS = ("region_un", "subregion", "region_wb", "continent")

#: The bundled boundaries' properties without their shapes, written with them by
#: ``scripts/build_countries.py``.
ATTRIBUTES_FILE = "country_attributes.csv"

#: Columns every boundaries file must have: the code, the name and every grouping, so that a
#: file accepted here works with every ``--by`` and ``--region``.
REQUIRED_COLUMNS = ("iso_a3", "name", *REGION_COLUMNS)


def load_boundaries(
    path: Path | None = None,
    *,
    limits: Limits | None = None,
    warnings: list[Problem] | None = None,
) -> geopandas.GeoDataFrame:
    """Read country boundaries (the bundled ``countries.geojson`` by default) and check them.

    Parameters
    ----------
    path : pathlib.Path or None, default None
        A GeoJSON file with the columns ``iso_a3``, ``name``, ``region_un``, ``subregion``,
        ``region_wb`` and ``continent``; None for the bundled boundaries (read once, then
        copied).
    limits : Limits, optional
        The largest file read (default: :class:`opmap.read.guards.Limits`).
    warnings : list of Problem, optional
        Where to add the warnings found, which do not stop the run: each shape repaired, as
        ``opmap validate --countries`` lists them (the bundled boundaries have none).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit, in EPSG:4326; invalid shapes repaired with ``make_valid``.

    Raises
    ------
    InvalidInput
        With every problem of the file: missing, empty, binary or cut short, a missing column,
        a feature with no shape, a shape that is not a polygon, a coordinate that is not finite
        or not on the globe.
    """
    if path is None:
        return _read_bundled_boundaries().copy()
    from opmap import progress

    started = progress.note_file(path)
    boundaries, problems = check_boundaries(Path(path), limits=limits)
    if boundaries is None or any(p.severity == "error" for p in problems):
        raise InvalidInput(problems)
    if warnings is not None:
        warnings.extend(problems)  # no errors among them: warnings alone
    seconds = progress.since(started)
    progress.tell("progress_boundaries", len(boundaries), file=Path(path).name, seconds=seconds)
    return boundaries


def load_attributes(
    path: Path | None = None,
    *,
    limits: Limits | None = None,
    warnings: list[Problem] | None = None,
) -> pandas.DataFrame:
    """Read the units of the boundaries without their shapes: codes, names, regions, kinds.

    Parameters
    ----------
    path : pathlib.Path or None, default None
        A boundaries GeoJSON, read and checked by :func:`load_boundaries` (which needs
        geopandas); None for the bundled boundaries, whose properties are baked in
        ``country_attributes.csv`` (read once, then copied; no geometry library loaded).
    limits : Limits, optional
        The largest file read (default: :class:`opmap.read.guards.Limits`).
    warnings : list of Problem, optional
        As :func:`load_boundaries`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`load_boundaries` but ``geometry``, in the same order, same rows.

    Raises
    ------
    InvalidInput
        As :func:`load_boundaries`.
    """
    if path is None:
        return _read_bundled_attributes().copy()
    import pandas as pd

    boundaries = load_boundaries(path, limits=limits, warnings=warnings)
    return pd.DataFrame(boundaries.drop(columns=boundaries.geometry.name))


def bundled_attribute_rows() -> list[dict[str, str]]:
    """Return the rows of the bundled boundaries' baked attributes, read without pandas.

    For a check that needs only a few columns (``opmap validate``), where pandas would be most
    of its start-up.
    """
    import csv

    path = bundled.countries_path().with_name(ATTRIBUTES_FILE)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.lru_cache(maxsize=1)
def _read_bundled_attributes() -> pandas.DataFrame:
    import pandas as pd

    path = bundled.countries_path().with_name(ATTRIBUTES_FILE)
    # Every cell is text: "NA" is Namibia's iso_a2, an empty cell an empty code (Somaliland).
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def check_boundaries(
    path: Path | str, *, limits: Limits | None = None
) -> tuple[geopandas.GeoDataFrame | None, list[Problem]]:
    """Read a boundaries file and report every problem at once.

    The attributes and the shapes are checked alike, so one run tells every problem: a feature
    with no name and no shape is told both.

    Returns
    -------
    boundaries : geopandas.GeoDataFrame or None
        The checked boundaries in EPSG:4326 (None if the file has an error).
    problems : list of Problem
        Every error and warning; warnings say what was repaired.
    """
    _read, checked, problems = _check_file(path, limits)
    return (None if any(p.severity == "error" for p in problems) else checked), problems


def boundary_problems(path: Path | str, *, limits: Limits | None = None) -> tuple[int, list]:
    """Return how many features a boundaries file holds and its problems (``opmap validate``).

    The features are counted as read, good or bad (0 if the file cannot be read at all).
    """
    read, _checked, problems = _check_file(path, limits)
    return (0 if read is None else len(read)), problems


def _check_file(path: Path | str, limits: Limits | None):
    """Return the features as read (None if unreadable), as checked (None if not), problems."""
    import geopandas

    from opmap.read.shapes import check_shapes, read_geojson

    file = str(path)
    with warnings.catch_warnings():
        # geopandas, pyogrio and GDAL warn in their own words; every problem they could point
        # at is checked below and reported in ours.
        warnings.simplefilter("ignore")
        boundaries, problems = read_geojson(Path(path), limits or Limits())
        if boundaries is None:
            return None, None, problems
        _unwrap_lists(boundaries)
        problems += _check_columns(boundaries, file)
        checked = None
        if isinstance(boundaries, geopandas.GeoDataFrame) and len(boundaries):
            checked, shape_problems = check_shapes(boundaries, file)
            problems += shape_problems
        return boundaries, checked, problems


@functools.lru_cache(maxsize=1)
def _read_bundled_boundaries() -> geopandas.GeoDataFrame:
    return load_boundaries(bundled.countries_path(), limits=Limits(max_bytes=10**10))


def _check_columns(boundaries, file: str) -> list[Problem]:
    import geopandas

    problems = []
    if not isinstance(boundaries, geopandas.GeoDataFrame):
        problems.append(Problem(file, None, None, text("shape_no_geometry")))
    missing = [column for column in REQUIRED_COLUMNS if column not in boundaries.columns]
    if missing:
        message = plural(
            "shape_missing_columns",
            len(missing),
            columns=quoted_names(missing),
            required=join_names(REQUIRED_COLUMNS),
        )
        problems.append(Problem(file, None, None, message))
    if not problems and len(boundaries) == 0:
        problems.append(Problem(file, None, None, text("shape_no_features")))
    if not problems:
        problems += _check_values(boundaries, file) + _check_codes(boundaries, file)
    return problems


def _check_values(boundaries, file: str) -> list[Problem]:
    """Report each feature that leaves a required column empty (a property missing or null).

    A column present in some features only is read as empty in the others: a unit with no
    code, no name or no region cannot be counted, named or grouped.
    """
    empty = {column: _blank(boundaries[column]) for column in REQUIRED_COLUMNS}
    from opmap.read.shapes import feature_label

    problems = []
    for index, name in enumerate(_names(boundaries, empty["name"])):
        for column in REQUIRED_COLUMNS:
            value = boundaries[column].iloc[index]
            if _is_list(value):  # a JSON list: no one code, name or region
                message = text(
                    "shape_several_values", feature=feature_label(index, name), column=column
                )
                problems.append(Problem(file, None, None, message))
            elif empty[column].iloc[index]:
                message = text("shape_no_value", feature=feature_label(index, name), column=column)
                problems.append(Problem(file, None, None, message))
    return problems


def _unwrap_lists(boundaries) -> None:
    """Read a list of one value as that value, and an empty list as no value, in place.

    One feature's property written as a JSON list makes GDAL read the whole column as lists:
    ``"TCD"`` as ``["TCD"]``. A longer list is an error of its feature in a column opmap needs
    (:func:`_check_values`); in another (``iso_a2``) it is kept as its values' text, "A; B",
    which every output can write. (GDAL reads a JSON object as its text already.)
    """
    for column in boundaries.columns:
        values = boundaries[column]
        if values.dtype == object and values.map(_is_list).any():
            one = functools.partial(_one_value, needed=column in REQUIRED_COLUMNS)
            boundaries[column] = values.map(lambda v, one=one: one(v) if _is_list(v) else v)


def _one_value(values, needed: bool):
    """Return a list's one value, None for none, and several as a list (``needed``) or text."""
    if len(values) <= 1:
        return values[0] if len(values) else None
    return values if needed else "; ".join(map(str, values))


def _is_list(value) -> bool:
    """Whether a property holds a list: once :func:`_unwrap_lists` ran, of several values."""
    return not isinstance(value, str) and hasattr(value, "__len__")


def _blank(column):
    """Which cells of ``column`` are empty: missing, null or blank."""
    return column.map(_is_list) | column.isna() | column.astype(str).str.strip().eq("")


def _names(boundaries, empty) -> list[str | None]:
    """Each feature's name for a problem, None where ``empty`` says it has none."""
    return [
        None if blank else str(name) for blank, name in zip(empty, boundaries["name"], strict=True)
    ]


def _check_codes(boundaries, file: str) -> list[Problem]:
    """Report each code that more than one feature has: one problem per code, naming them all.

    Every count joins operations to units by code: a second feature with a code would be
    counted as that country, with its operations and figures, and its own unit lost.
    """
    from opmap.read.shapes import feature_label

    features: dict[str, list[str]] = {}  # code -> "feature 3 ('France')", ...
    names = _names(boundaries, _blank(boundaries["name"]))
    for position, (code, name) in enumerate(zip(boundaries["iso_a3"], names, strict=True)):
        if isinstance(code, str) and code.strip():  # an empty code is reported on its own
            features.setdefault(code.strip().upper(), []).append(feature_label(position, name))
    problems = []
    for code, labels in features.items():
        if len(labels) > 1:
            named = join_names(labels)
            message = text("shape_duplicate_code", features=named, code=code)
            problems.append(Problem(file, None, None, message))
    return problems


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


def point_unit_rows() -> list[dict[str, str]]:
    """Return the units with a point but no polygon as rows with ``iso_a3`` and their regions."""
    return [{"iso_a3": iso3, **regions} for iso3, regions in load_point_regions().items()]


@functools.lru_cache(maxsize=1)
def load_point_regions() -> dict[str, dict[str, str]]:
    """Return the name and regions of each unit that has a point but no polygon.

    Returns
    -------
    dict of str to dict
        ISO alpha-3 code -> ``name``, ``continent``, ``region_un``, ``subregion``, ``region_wb``
        (the UN M49 region where the unit lies), from the bundled ``country_points.csv``.
    """
    path = bundled.countries_path().with_name("country_points.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["iso3"]: {k: v for k, v in row.items() if k not in ("iso3", "lat", "lon")}
            for row in csv.DictReader(handle)
        }

"""The pack's data for a GIS desk: a GeoPackage and GeoJSON files, in EPSG:4326.

Three layers, assembled from decided data (nothing is drawn here), each fact written once and
the rest one join away:

- ``operations``: one point per operation, at its own lat/lon or at the marker the maps show;
  an operation that names no country has no geometry. Every field of the record is kept, and
  ``key`` ("Libertad 2018") is the operation's identity.
- ``participation``: one row per operation and named country, so a GIS can count or filter by
  operation without parsing a list: ``operation`` (the operations layer's ``key``), ``year``
  and ``iso_a3``. Its geometry is the country's point (where the maps put that country's
  marker: inside its polygon, or the bundled point of a unit with no polygon), not its shape,
  so each polygon is written once, not once per operation. The operation's name, figures and
  country total are in the operations layer (join ``operation`` to ``key``); the country's
  name and shape are in the coverage layer (join ``iso_a3`` to ``iso_a3``).
- ``coverage``: one row per country or territory, every one, with its shape, whether it is one
  of the states of the coverage table (``state``), how many operations it took part in, and the
  figures of the operations it ran alone (as in every other output of opmap).
  A unit known only by a point has no geometry here (a layer has one geometry type). Which
  operations a country took part in are its rows in the participation layer.

Each layer has one geometry type (points, points, polygons) and the CRS EPSG:4326, as QGIS wants.
The GeoPackage is written by :mod:`opmap.pack.geopackage`. An operation's ``start_date`` and
``end_date`` are DATE fields there, and "YYYY-MM-DD" in GeoJSON, as GDAL writes a date.

A figure is written twice: as the source words it (``victims``: "nearly 350") and as numbers
(``victims_value``: 350, ``victims_kind``: "nearly"), so a GIS can both quote and style it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry.base import BaseGeometry

from opmap.decide.aggregate import aggregate_by_country, participation_table
from opmap.decide.markers import area_outlines, country_points, place_markers
from opmap.figures import Figure
from opmap.i18n import DEFAULT_LANGUAGE, use_language
from opmap.read.operations import Operation
from opmap.read.universe import Universe, load_universe

CRS = "EPSG:4326"
LAYERS = ("operations", "participation", "coverage")
#: The figures of an operation; those summed per country are in ``aggregate.SUMMED_FIGURES``.
OPERATION_FIGURES = ("victims", "minors", "arrests", "officers")
COVERAGE_FIGURES = ("victims", "minors", "arrests")
#: What a participation row holds: who (``iso_a3``) took part in what (``operation``, the key
#: of the operations layer) and when. The rest is one join away (see the module docstring).
PARTICIPATION_COLUMNS = ("operation", "year", "iso_a3")
#: The fields that hold a day: datetime64 in a layer, DATE in the GeoPackage (see ``_typed``).
DATE_COLUMNS = ("start_date", "end_date")
#: Decimals of a GeoJSON coordinate: 1e-6 degree is about 0.1 m.
GEOJSON_DECIMALS = 6
#: The boundary columns a coverage row keeps, those the boundaries have (the rest are Natural
#: Earth's bookkeeping).
_UNIT_COLUMNS = ["iso_a3", "iso_a2", "name", "type", "sovereignt", "region_un", "subregion"]


def gis_layers(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    points: Mapping[str, tuple[float, float]] | None = None,
    universe: Universe | None = None,
) -> dict[str, gpd.GeoDataFrame]:
    """Assemble the three layers of the GIS export.

    Operations are written in the order given: the file's, as in the pack's operations.csv
    (``opmap build`` and ``opmap export --format gpkg`` both pass them so).

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
        From :func:`opmap.read.boundaries.load_boundaries`.
    points : mapping, optional
        ISO3 -> (lat, lon) for countries with no polygon.
    universe : Universe, optional
        The states percentages are over (default: UN member and observer states): the coverage
        layer's ``state``.

    Returns
    -------
    dict of str to GeoDataFrame
        ``operations``, ``participation`` and ``coverage``, each with its CRS set to EPSG:4326.
    """
    # Every unit, Tuvalu too when no operation named it: the layer holds the coverage base.
    # The layers are data, in English whatever the pack's language, as operations.csv is: the
    # units known by a point were named in the pack's ("Île Bouvet" beside "Brazil").
    with use_language(DEFAULT_LANGUAGE):
        coverage = aggregate_by_country(operations, boundaries, points, every_unit=True)
    return {
        "operations": operations_layer(operations, coverage, area_outlines(operations, boundaries)),
        "participation": participation_layer(operations, coverage),
        "coverage": coverage_layer(coverage, universe),
    }


def operations_layer(
    operations: Sequence[Operation],
    coverage: gpd.GeoDataFrame,
    areas: Mapping[str, BaseGeometry] | None = None,
) -> gpd.GeoDataFrame:
    """One point per operation with every field of its record, where the maps put its marker.

    ``placed`` says where: ``given`` (its own lat/lon), ``country`` (among the countries it
    named), ``area`` (inside the area it is known by, :func:`area_outlines`); an operation that
    names none of them has no point, as it has no marker.
    """
    markers = place_markers(operations, coverage, areas)
    extras = list(dict.fromkeys(column for op in operations for column in op.extra))
    rows = []
    for op in operations:
        row = {
            "operation": op.name,
            "key": op.key,
            "year": op.year,
            "start_date": op.start_date,
            "end_date": op.end_date,
            "countries": ";".join(op.countries),
            "country_names": "; ".join(op.country_names),
            "countries_named": len(op.countries),
            "countries_total": op.countries_total,
            "area": op.area,
        }
        for column in OPERATION_FIGURES:
            row.update(_figure_columns(column, op.figure(column)))
        given = op.lat is not None and op.lon is not None
        row.update(
            {
                "lat": op.lat,
                "lon": op.lon,
                "placed": _placed(op, given, markers, areas or {}),
                "summary": op.summary,
                "source": op.source,
                "language": op.language,
            }
        )
        row.update({column: op.extra.get(column) for column in extras})
        rows.append(row)
    geometry = [markers.get(op.key) for op in operations]
    frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["operation", "key", "year"])
    return _typed(gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS))


def _placed(op: Operation, given: bool, markers: Mapping, areas: Mapping) -> str | None:
    if given:
        return "given"
    if op.key not in markers:
        return None
    return "area" if op.key in areas else "country"


def participation_layer(
    operations: Sequence[Operation], coverage: gpd.GeoDataFrame
) -> gpd.GeoDataFrame:
    """One row per operation and named country, at the country's point (its shape is in coverage).

    A row holds ``PARTICIPATION_COLUMNS``. The point is the one the maps use for the country's
    marker; ``operation`` joins a row to the operations layer's ``key``, ``iso_a3`` to its
    country's name and polygon in the coverage layer.
    """
    table = participation_table(operations).rename(columns={"iso3": "iso_a3"})
    table = table[list(PARTICIPATION_COLUMNS)]
    points = country_points(coverage)
    geometry = [points.get(iso3) for iso3 in table["iso_a3"]]
    return _typed(gpd.GeoDataFrame(table, geometry=geometry, crs=CRS))


def coverage_layer(
    coverage: gpd.GeoDataFrame, universe: Universe | None = None
) -> gpd.GeoDataFrame:
    """One row per country or territory with its counts and single-country figures.

    ``state`` says whether the unit counts among the states of the coverage table's
    percentages (``universe``), so a GIS desk rebuilds its counts with one filter. A figure is
    added up as the coverage table adds it ("at least 17" when an operation gave none) and
    ``victims_reported`` etc. say how many of the ``single_country_operations`` gave it.
    The keys of its operations are left to the participation layer, which holds them one per
    row: as a list here they were a quarter of the layer (157 keys a country at 10,000
    generated operations).
    """
    universe = universe or load_universe()
    frame = coverage[[column for column in _UNIT_COLUMNS if column in coverage]].copy()
    frame["state"] = [iso3 in universe for iso3 in coverage["iso_a3"]]
    frame["operations"] = coverage["operations"].astype("int64")
    frame["years"] = [";".join(str(y) for y in years) for years in coverage["years"]]
    frame["single_country_operations"] = coverage["single_country_operations"].astype("int64")
    for column in COVERAGE_FIGURES:
        figures = pd.DataFrame([_figure_columns(column, f) for f in coverage[column]])
        for name in figures.columns:
            frame[name] = figures[name].to_numpy()
        frame[f"{column}_reported"] = pd.array(coverage[f"{column}_reported"], dtype="Int64")
    frame["has_polygon"] = coverage["has_polygon"].astype(bool)
    return _typed(gpd.GeoDataFrame(frame, geometry=_polygons(coverage), crs=CRS))


def write_geojson(
    layers: Mapping[str, gpd.GeoDataFrame], folder: Path | str, stem: str = "opmap"
) -> list[Path]:
    """Write each layer as ``<stem>-<layer>.geojson`` (RFC 7946: lon/lat, WGS 84).

    Coordinates keep six decimals (about 0.1 m, finer than the 1:50m boundaries) and the JSON
    has no spaces (the GeoPackage keeps full doubles). The first feature lists every property,
    null where it has none, so that the file's fields are the layer's even when a column is
    empty throughout; the others leave out the properties they have no value for (GDAL and QGIS
    read them as empty): a fifth of the operations file at 10,000 generated operations was
    ``null``. There the three files are 14.1 MB.

    The files are written beside their places and renamed only once all of them are: a run
    stopped or refused on the way (a full disk, Ctrl-C) leaves the earlier three together, not
    one layer of this run beside two of the last.

    Raises
    ------
    OutputError
        If a file cannot be written.
    """
    import contextlib

    from opmap.output import atomic_path

    paths = [geojson_path(folder, stem, name) for name in layers]
    with contextlib.ExitStack() as renames:  # each renames its file as the block ends well
        for path, layer in zip(paths, layers.values(), strict=True):
            temporary = renames.enter_context(atomic_path(path))
            with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(_compact_json(layer))
    return paths


def _compact_json(layer: gpd.GeoDataFrame) -> str:
    import numpy as np
    import shapely

    rounded = layer.set_geometry(
        shapely.transform(layer.geometry.to_numpy(), lambda xy: np.round(xy, GEOJSON_DECIMALS))
    )
    # GeoJSON has no date type: a day is written as GDAL writes a DATE field, "2018-04-03"
    days = layer.select_dtypes("datetime").columns
    rounded = rounded.assign(**{column: rounded[column].dt.strftime("%Y-%m-%d") for column in days})
    features = [
        *rounded.iloc[:1].iterfeatures(na="null", drop_id=True),
        *rounded.iloc[1:].iterfeatures(na="drop", drop_id=True),
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def write_gis(
    layers: Mapping[str, gpd.GeoDataFrame], path: Path | str, fmt: str | None = None
) -> list[Path]:
    """Write the layers as one GeoPackage (``path``) or as GeoJSON files beside ``path``.

    Parameters
    ----------
    layers : mapping of str to GeoDataFrame
    path : path-like
        ``opmap.gpkg``; for GeoJSON, ``opmap.geojson`` names the files ``opmap-<layer>.geojson``
        in its folder.
    fmt : {"gpkg", "geojson"}, optional
        By default the extension of ``path`` decides.

    Returns
    -------
    list of Path

    Raises
    ------
    InvalidOption
        For another format.
    """
    from opmap.errors import InvalidOption
    from opmap.pack.geopackage import write_geopackage

    path = Path(path)
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen == "gpkg":
        return [write_geopackage(layers, path)]
    if chosen == "geojson":
        return write_geojson(layers, path.parent, path.stem)
    from opmap.words import text

    raise InvalidOption(text("gis_format", chosen=chosen))


def gis_paths(path: Path | str, fmt: str | None = None) -> list[Path]:
    """Return the files :func:`write_gis` writes for ``path``, to check before writing them."""
    path = Path(path)
    if (fmt or path.suffix.lstrip(".")).lower() == "geojson":
        return [geojson_path(path.parent, path.stem, name) for name in LAYERS]
    return [path]


def geojson_path(folder: Path | str, stem: str, layer: str) -> Path:
    """Return where :func:`write_geojson` writes ``layer``: ``<stem>-<layer>.geojson``."""
    return Path(folder) / f"{stem}-{layer}.geojson"


def _figure_columns(column: str, figure: Figure | None) -> dict:
    """``victims`` as worded, ``victims_value`` and ``victims_kind`` as numbers and a word."""
    if figure is None:
        return {column: None, f"{column}_value": None, f"{column}_kind": None}
    return {column: figure.text, f"{column}_value": figure.value, f"{column}_kind": figure.kind}


def _polygons(coverage: gpd.GeoDataFrame) -> list:
    """Each unit's polygon; none for a unit known only by a point (a layer has one type)."""
    return [
        shape if has_polygon and shape is not None and not shape.is_empty else None
        for shape, has_polygon in zip(coverage.geometry, coverage["has_polygon"], strict=True)
    ]


def _typed(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Give each field one type whatever the data, so that no pack changes a layer's schema.

    Counts are nullable integers (an empty cell stays empty instead of becoming 0.0),
    coordinates nullable reals (they were text when no row gave one) and dates datetime64, a
    day at midnight: the GeoPackage's DATE (they were text, which a GIS cannot filter by date).
    """
    for column in frame.columns:
        if column.endswith("_value") or column in ("countries_total", "year"):
            frame[column] = pd.array(frame[column], dtype="Int64")
        elif column in ("lat", "lon"):  # REAL in every pack, even when no row gives one
            frame[column] = pd.array(frame[column], dtype="Float64")
        elif column in DATE_COLUMNS:  # DATE in every pack, even when no row gives one
            frame[column] = pd.array(frame[column], dtype="datetime64[s]")
    return frame

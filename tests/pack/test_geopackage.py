"""The GeoPackage of the GIS export: its layers' types, indexes and dates, the same bytes again.

What the layers hold (every field, figure and point) is tested in test_gis.py.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pyogrio

from opmap.pack.geopackage import write_geopackage
from opmap.pack.gis import LAYERS, gis_layers, write_geojson


def test_three_layers_with_crs_and_geometry_types(gpkg):
    listed = {name: kind for name, kind in pyogrio.list_layers(gpkg)}
    assert listed == {
        "operations": "Point",
        "participation": "Point",
        "coverage": "MultiPolygon",
    }
    for layer in LAYERS:
        info = pyogrio.read_info(gpkg, layer=layer)
        assert info["crs"] == "EPSG:4326", layer


def test_a_layer_with_no_rows_keeps_its_geometry_type(inputs, tmp_path):
    # GDAL was left to guess from the rows: no operation (export --year 1990) gave GEOMETRY
    layers = gis_layers([], inputs.boundaries, inputs.points)
    path = write_geopackage(layers, tmp_path / "none.gpkg", generated=date(2024, 1, 1))
    assert [kind for _, kind in pyogrio.list_layers(path)] == ["Point", "Point", "MultiPolygon"]


def test_only_the_polygons_have_a_spatial_index(gpkg):
    indexed = {
        layer: pyogrio.read_info(gpkg, layer=layer)["capabilities"]["fast_spatial_filter"]
        for layer in LAYERS
    }
    assert indexed == {"operations": False, "participation": False, "coverage": True}


def test_same_data_same_geopackage(inputs, gpkg, tmp_path):
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    again = write_geopackage(layers, tmp_path / "again.gpkg", generated=date(2024, 1, 1))
    assert again.read_bytes() == gpkg.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.gpkg"]  # no temporary left


def _field_types(path, layer):
    import sqlite3

    with sqlite3.connect(path) as con:
        return {name: kind for _, name, kind, *_ in con.execute(f'PRAGMA table_info("{layer}")')}


def test_a_field_has_the_same_type_in_every_pack(inputs, tmp_path):
    # lat/lon were TEXT when no row gave coordinates and REAL when one did.
    import dataclasses

    plain = tmp_path / "plain.gpkg"
    write_geopackage(gis_layers(inputs.operations, inputs.boundaries), plain)
    placed = [dataclasses.replace(inputs.operations[0], lat=5.6, lon=-0.2), *inputs.operations[1:]]
    given = tmp_path / "given.gpkg"
    write_geopackage(gis_layers(placed, inputs.boundaries), given)
    assert _field_types(plain, "operations") == _field_types(given, "operations")
    assert _field_types(plain, "operations")["lat"] == "REAL"


def test_dates_are_date_fields_in_the_geopackage_and_days_in_geojson(inputs, tmp_path):
    # start_date and end_date were TEXT: QGIS could not filter or sort by them, nor play them
    # in its temporal controller. GeoJSON has no date type: there they stay "YYYY-MM-DD".
    import dataclasses
    import sqlite3

    # Libertad with no end, and not first: the first feature lists every property
    undated = dataclasses.replace(inputs.operations[1], end_date=None)
    assert undated.key == "Libertad 2018"
    ops = [inputs.operations[0], undated, *inputs.operations[2:]]
    layers = gis_layers(ops, inputs.boundaries, inputs.points)
    gpkg = write_geopackage(layers, tmp_path / "opmap.gpkg", generated=date(2024, 1, 1))

    fields = ("start_date", "end_date", "year")
    info = pyogrio.read_info(gpkg, layer="operations")
    types = zip(info["fields"], info["ogr_types"], info["dtypes"], strict=True)
    kinds = {name: (ogr, dtype) for name, ogr, dtype in types}
    assert [kinds[c] for c in fields] == [
        ("OFTDate", "datetime64[D]"),
        ("OFTDate", "datetime64[D]"),
        ("OFTInteger64", "int64"),
    ]
    declared = _field_types(gpkg, "operations")
    assert [declared[c] for c in fields] == ["DATE", "DATE", "INTEGER"]
    assert _field_types(gpkg, "participation")["year"] == "INTEGER"
    with sqlite3.connect(gpkg) as con:
        stored = con.execute(
            "SELECT start_date, end_date FROM operations WHERE key = ?", (undated.key,)
        ).fetchone()
    assert stored == ("2018-04-03", None)  # a GeoPackage DATE holds its ISO day; none: NULL
    back = pyogrio.read_dataframe(gpkg, layer="operations").set_index("key")
    for op in ops:
        for column in ("start_date", "end_date"):
            day, read = getattr(op, column), back.loc[op.key, column]
            assert pd.isna(read) if day is None else read == pd.Timestamp(day), (op.key, column)

    text = write_geojson(layers, tmp_path)[0].read_text(encoding="utf-8")
    assert "T00:00" not in text
    properties = {f["properties"]["key"]: f["properties"] for f in json.loads(text)["features"]}
    assert properties[undated.key]["start_date"] == "2018-04-03"
    assert "end_date" not in properties[undated.key]  # left out, as any empty property
    for op in ops:
        for column in ("start_date", "end_date"):
            if getattr(op, column) is not None:
                assert properties[op.key][column] == getattr(op, column).isoformat()

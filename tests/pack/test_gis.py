"""The GIS export: read back with pyogrio as QGIS would, figures checked against the CSV."""

from __future__ import annotations

import json
import re
from datetime import date

import geopandas as gpd
import operations_csv
import pandas as pd
import pyogrio
import pytest
import shapely
from click.testing import CliRunner

from opmap.cli import cli
from opmap.decide.aggregate import aggregate_by_country, participation_table
from opmap.decide.mapdata import prepare_map_data
from opmap.decide.tables import operations_frame
from opmap.figures import parse_figure
from opmap.pack.geopackage import write_geopackage
from opmap.pack.gis import LAYERS, gis_layers, write_geojson, write_gis
from opmap.read.boundaries import load_country_points
from opmap.read.inputs import load_inputs

FIGURES = ("victims", "minors", "arrests", "officers")
PARTICIPATION = ["operation", "year", "iso_a3"]


def _csv(inputs) -> pd.DataFrame:
    """operations.csv as the pack writes it, read back as text."""
    text = operations_frame(inputs.operations).to_csv(index=False, lineterminator="\n")
    from io import StringIO

    return pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)


def test_row_counts(inputs, gpkg):
    named = sum(len(op.countries) for op in inputs.operations)
    coverage = aggregate_by_country(
        inputs.operations, inputs.boundaries, inputs.points, every_unit=True
    )
    counts = {layer: pyogrio.read_info(gpkg, layer=layer)["features"] for layer in LAYERS}
    assert counts == {
        "operations": len(inputs.operations),
        "participation": named,
        "coverage": len(coverage),
    }
    assert (counts["operations"], counts["participation"]) == (6, 21)


def test_every_figure_equals_the_csv(inputs, gpkg):
    csv = _csv(inputs).set_index("operation")
    operations = pyogrio.read_dataframe(gpkg, layer="operations").set_index("operation")
    assert sorted(operations.index) == sorted(csv.index)
    for name, row in operations.iterrows():
        for column in FIGURES:
            cell = csv.loc[name, column]
            worded = row[column] if isinstance(row[column], str) else ""
            assert worded == cell, (name, column)
            if cell:
                figure = parse_figure(cell)
                assert row[f"{column}_value"] == figure.value, (name, column)
                assert row[f"{column}_kind"] == figure.kind, (name, column)
            else:
                assert pd.isna(row[f"{column}_value"]), (name, column)
    assert operations.loc["Libertad", "victims"] == "nearly 350"
    assert operations.loc["Libertad", "officers_value"] == 500


def test_operations_keep_every_field_and_stand_where_the_maps_put_them(inputs, gpkg):
    operations = pyogrio.read_dataframe(gpkg, layer="operations").set_index("operation")
    for column in _csv(inputs).columns.drop("operation"):
        assert column in operations.columns, column
    # Known by its area alone: a point inside it, where the maps put its marker.
    adwenpa = operations.loc["Adwenpa II"]
    assert (adwenpa["placed"], adwenpa["countries_total"]) == ("area", 14)
    marker = prepare_map_data(inputs.operations, inputs.boundaries).markers["Adwenpa II 2016"]
    assert adwenpa.geometry.distance(marker) < 1e-6
    assert operations.loc["Sawiyan", "placed"] == "country"
    assert operations.loc["Sawiyan"].geometry.within(
        inputs.boundaries.set_index("iso_a3").loc["SDN"].geometry
    )


def test_an_operation_is_on_the_map_in_every_output_or_in_none(inputs):
    # Echo gives its own position and names no country: the maps drew its marker and listed
    # it as not on the map; Ghost gives nothing to place it by: no point, listed.
    from opmap.read.operations import Operation

    echo = Operation("Echo", 2020, countries_total=3, lat=10.5, lon=-5.5)
    ghost = Operation("Ghost", 2020, countries_total=3)
    ops = [echo, ghost]
    layer = gis_layers(ops, inputs.boundaries, inputs.points)["operations"].set_index("key")
    assert layer.loc["Echo 2020", "placed"] == "given"
    assert (layer.loc["Echo 2020"].geometry.x, layer.loc["Echo 2020"].geometry.y) == (-5.5, 10.5)
    assert pd.isna(layer.loc["Ghost 2020", "placed"]) and layer.loc["Ghost 2020"].geometry is None
    map_data = prepare_map_data(ops, inputs.boundaries)
    assert set(map_data.markers) == {"Echo 2020"}
    assert [op.key for op in map_data.unmapped] == ["Ghost 2020"]


def test_participation_has_a_point_per_row(gpkg):
    participation = pyogrio.read_dataframe(gpkg, layer="participation")
    assert list(participation.columns) == [*PARTICIPATION, "geometry"]
    libertad = participation[participation["operation"] == "Libertad 2018"]
    assert len(libertad) == 13
    assert set(libertad["year"]) == {2018}
    assert set(participation.geom_type) == {"Point"}
    _assert_each_point_in_its_country(participation, gpkg)


def test_what_participation_and_coverage_leave_out_is_one_documented_join_away(inputs, gpkg):
    """The operation's name and total, the country's name, a country's operations: by join."""
    read = {layer: pyogrio.read_dataframe(gpkg, layer=layer) for layer in LAYERS}
    operations = read["operations"].set_index("key")
    names = read["coverage"].set_index("iso_a3")["name"]
    joined = [
        (
            key,
            operations.loc[key, "operation"],
            year,
            iso3,
            names[iso3],
            # The operations layer leaves countries_total empty when the source gives none.
            int(operations.loc[key, "countries_total"])
            if pd.notna(operations.loc[key, "countries_total"])
            else operations.loc[key, "countries_named"],
        )
        for key, year, iso3 in zip(*(read["participation"][c] for c in PARTICIPATION), strict=True)
    ]
    # the rows the layer held in full, by year then name as the layers are written
    before = participation_table(inputs.operations)  # in the file's order
    assert joined == list(before.itertuples(index=False, name=None))
    assert ("Libertad 2018", "Libertad", 2018, "BRA", "Brazil", 13) in joined
    assert ("Nawa 2014", "Nawa", 2014, "CIV", "Côte d'Ivoire", 1) in joined

    # A country's operations, once a list in the coverage layer: its participation rows.
    assert "operation_keys" not in read["coverage"].columns
    by_country = read["participation"].groupby("iso_a3")["operation"].agg(sorted)
    coverage = aggregate_by_country(inputs.operations, inputs.boundaries, inputs.points)
    for iso3, keys in zip(coverage["iso_a3"], coverage["operation_keys"], strict=True):
        assert by_country.get(iso3, []) == sorted(keys), iso3
    assert by_country["CIV"] == ["Akoma 2015", "Nawa 2014"]


def _assert_each_point_in_its_country(participation, gpkg):
    """Every row's point lies inside its country's coverage polygon, or is its bundled point."""
    coverage = pyogrio.read_dataframe(gpkg, layer="coverage").set_index("iso_a3")
    points = load_country_points()
    assert set(participation["iso_a3"]) <= set(coverage.index)
    for iso3, point in zip(participation["iso_a3"], participation.geometry, strict=True):
        if coverage.loc[iso3, "has_polygon"]:
            assert point.within(coverage.loc[iso3].geometry), iso3
        else:
            assert coverage.loc[iso3].geometry is None, iso3
            assert (point.x, point.y) == (points[iso3][1], points[iso3][0]), iso3


def test_participation_is_one_point_per_named_country_polygon_or_not(tmp_path):
    rows = [
        operations_csv.row(operation="Strait", countries="Gibraltar;Spain;Morocco"),
        operations_csv.row(operation="Atoll", countries="Tuvalu;Fiji", countries_total="3"),
        operations_csv.row(operation="Quiet", countries="", countries_total="14"),
    ]
    csv = operations_csv.write(tmp_path, "\n".join([operations_csv.HEADER, *rows]) + "\n")
    inputs = load_inputs(csv)
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    gpkg = write_geopackage(layers, tmp_path / "opmap.gpkg", generated=date(2024, 1, 1))
    participation = pyogrio.read_dataframe(gpkg, layer="participation")
    assert list(zip(participation["operation"], participation["iso_a3"], strict=True)) == [
        ("Strait 2018", "GIB"),
        ("Strait 2018", "ESP"),
        ("Strait 2018", "MAR"),
        ("Atoll 2018", "TUV"),
        ("Atoll 2018", "FJI"),
    ]
    assert set(participation.geom_type) == {"Point"}
    _assert_each_point_in_its_country(participation, gpkg)
    assert pyogrio.read_info(gpkg, layer="participation")["crs"] == "EPSG:4326"


def test_coverage_counts_and_figures_per_country(gpkg):
    coverage = pyogrio.read_dataframe(gpkg, layer="coverage").set_index("iso_a3")
    assert coverage.loc["CIV", "operations"] == 2
    assert coverage.loc["CIV", "victims"] == "more than 124"  # 76 + more than 48
    assert coverage.loc["CIV", "victims_value"] == 124
    assert coverage.loc["BRA", "operations"] == 1
    assert pd.isna(coverage.loc["BRA", "victims"])  # Libertad's total is not Brazil's
    assert coverage.loc["FRA", "operations"] == 0


def test_geojson_files_match_the_layers(inputs, tmp_path):
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    paths = write_geojson(layers, tmp_path)
    assert [p.name for p in paths] == [f"opmap-{layer}.geojson" for layer in LAYERS]
    for path, layer in zip(paths, LAYERS, strict=True):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert len(document["features"]) == len(layers[layer])
    libertad = next(
        f
        for f in json.loads(paths[0].read_text())["features"]
        if f["properties"]["operation"] == "Libertad"
    )
    assert libertad["properties"]["victims"] == "nearly 350"
    assert libertad["properties"]["victims_value"] == 350


def test_geojson_leaves_out_empty_properties_but_the_first_features(inputs, tmp_path):
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    operations = write_geojson(layers, tmp_path)[0]
    features = json.loads(operations.read_text(encoding="utf-8"))["features"]
    columns = [c for c in layers["operations"].columns if c != "geometry"]
    assert list(features[0]["properties"]) == columns  # the file's fields are the layer's
    assert features[0]["properties"]["area"] is None
    for feature, (_, row) in zip(
        features[1:], layers["operations"].iloc[1:].iterrows(), strict=True
    ):
        assert set(feature["properties"]) == {c for c in columns if pd.notna(row[c])}
    epervier = next(f for f in features if f["properties"]["operation"] == "Epervier")
    assert "countries_total" not in epervier["properties"]
    # read back as QGIS would, the left-out properties are empty cells of the same columns
    back = pyogrio.read_dataframe(operations)
    assert list(back.columns) == list(layers["operations"].columns)
    assert pd.isna(back.set_index("operation").loc["Epervier", "countries_total"])


def test_geojson_coordinates_keep_six_decimals_of_the_layers(inputs, tmp_path):
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    for path, layer in zip(write_geojson(layers, tmp_path), LAYERS, strict=True):
        text = path.read_text(encoding="utf-8")
        assert re.search(r"\d\.\d{7}", text) is None  # nothing finer than six decimals
        assert text.startswith('{"type":"FeatureCollection","features":[{"type":"Feature"')
        back = gpd.read_file(path)
        for written, read in zip(layers[layer].geometry, back.geometry, strict=True):
            if written is None:
                assert read is None
            else:  # each coordinate within half a millionth (a point's distance may be more)
                ours, theirs = shapely.get_coordinates(written), shapely.get_coordinates(read)
                assert ours.shape == theirs.shape
                assert abs(ours - theirs).max() <= 5e-7 + 1e-12


def test_write_gis_refuses_other_formats(inputs, tmp_path):
    from opmap.errors import InvalidOption

    with pytest.raises(InvalidOption, match="use gpkg or geojson"):
        write_gis({}, tmp_path / "x.shp")


def test_cli_export_gpkg_and_geojson(tmp_path):
    out = tmp_path / "gis" / "desk.gpkg"
    result = CliRunner().invoke(cli, ["export", "--year", "2018", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    assert pyogrio.read_info(out, layer="operations")["features"] == 2
    result = CliRunner().invoke(
        cli, ["export", "--format", "geojson", "--out", str(tmp_path / "web" / "opmap.geojson")]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "web").iterdir()) == [
        ".opmap-manifest.json",  # the files it wrote, which a later export may replace
        "opmap-coverage.geojson",
        "opmap-operations.geojson",
        "opmap-participation.geojson",
    ]


def test_the_most_extra_columns_validate_passes_are_written(tmp_path, small_countries):
    # one more is refused by the reader (opmap.read.operation_header.EXTRA_COLUMNS_LIMIT)
    from opmap.read.operation_header import EXTRA_COLUMNS_LIMIT

    names = ",".join(f"c{i}" for i in range(EXTRA_COLUMNS_LIMIT))
    path = tmp_path / "ops.csv"
    path.write_text(
        f"operation,year,countries,{names}\nA,2018,Chad{',x' * EXTRA_COLUMNS_LIMIT}\n",
        encoding="utf-8",
    )
    out = tmp_path / "wide.gpkg"
    args = ["-q", "export", "--format", "gpkg", "--operations", str(path), "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--countries", str(small_countries)])
    assert result.exit_code == 0, result.output
    fields = pyogrio.read_info(out, layer="operations")["fields"]
    assert len(fields) == 2000 - 2  # and fid and geom: a GeoPackage table's 2,000 columns


def test_cli_gis_does_not_go_with_by_year(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--by-year", "--format", "gpkg"])
    assert result.exit_code == 2
    assert "--by-year draws images" in result.output


def test_the_coverage_layer_holds_every_state_of_the_table_and_says_which_are(inputs, gpkg):
    # Tuvalu (no polygon at 1:50m) was missing unless named, and nothing said which units count
    # among the states: a GIS desk could not rebuild the table's 195, or Oceania's 14.
    from opmap.decide.coverage import build_coverage

    coverage = pyogrio.read_dataframe(gpkg, layer="coverage")
    report = build_coverage(inputs)
    states = coverage[coverage["state"]]
    assert len(states) == report.total["states"] == 195
    for row in report.regions.itertuples():
        in_region = states[states["region_un"] == row.region]
        assert len(in_region) == row.states, row.region
        assert (in_region["operations"] > 0).sum() == row.named_states, row.region
    tuvalu = coverage.set_index("iso_a3").loc["TUV"]
    assert (tuvalu["state"], tuvalu["region_un"], tuvalu["has_polygon"]) == (True, "Oceania", False)
    assert not coverage.set_index("iso_a3").loc["PRI", "state"]  # Puerto Rico: a territory


def test_coverage_figures_say_how_many_operations_reported_them(inputs, tmp_path):
    # Ghana ran three operations alone, one without arrests: "17" read as complete.
    from opmap.read.operations import Operation

    def ghana(name, year, arrests):
        return Operation(name, year, countries=("GHA",), country_names=("Ghana",), arrests=arrests)

    ops = [
        ghana("F1", 2020, parse_figure("5")),
        ghana("F2", 2021, parse_figure("12")),
        ghana("F3", 2021, None),
    ]
    layers = gis_layers(ops, inputs.boundaries, inputs.points)
    path = write_geopackage(layers, tmp_path / "g.gpkg", generated=date(2024, 1, 1))
    row = pyogrio.read_dataframe(path, layer="coverage").set_index("iso_a3").loc["GHA"]
    assert (row["arrests"], row["arrests_kind"], row["arrests_value"]) == (
        "at least 17",
        "at_least",
        17,
    )
    assert (row["arrests_reported"], row["single_country_operations"]) == (2, 3)


def test_export_and_build_write_the_operations_in_the_same_order(inputs, tmp_path):
    # build passed the file's order (newest first), export the map's (oldest first); both now
    # write the file's, as the pack's operations.csv has it.
    from click.testing import CliRunner

    from opmap.cli import cli

    out = tmp_path / "x.gpkg"
    result = CliRunner().invoke(cli, ["export", "--format", "gpkg", "--out", str(out)])
    assert result.exit_code == 0, result.output
    exported = pyogrio.read_dataframe(out, layer="operations")
    assert list(exported["key"]) == [op.key for op in inputs.operations]
    layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    assert list(layers["operations"]["key"]) == list(exported["key"])


def test_the_layers_name_every_unit_in_english_whatever_the_language(inputs):
    # A French pack's coverage layer named units with a polygon in English ("Brazil") and
    # those known by a point in French ("Île Bouvet"): the layers are data, as operations.csv.
    from opmap.i18n import use_language

    with use_language("fr"):
        layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
    names = layers["coverage"].set_index("iso_a3")["name"]
    assert (names["BRA"], names["BVT"], names["TUV"]) == ("Brazil", "Bouvet Island", "Tuvalu")

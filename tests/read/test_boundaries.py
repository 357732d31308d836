"""Tests for opmap.read.boundaries: loading and checking boundary files, and country points."""

from __future__ import annotations

import pandas as pd
import pytest
from paths import TEST_DATA

from opmap.errors import InvalidInput
from opmap.read.boundaries import (
    REQUIRED_COLUMNS,
    load_attributes,
    load_boundaries,
    load_country_points,
)
from opmap.read.countries import resolve_country


def test_load_boundaries_bundled_is_a_fresh_copy():
    first = load_boundaries()
    first.loc[:, "name"] = "changed"
    second = load_boundaries()
    assert second.crs.to_epsg() == 4326
    assert (second["name"] != "changed").all()
    assert set(REQUIRED_COLUMNS) <= set(second.columns)


def test_load_boundaries_missing_file(tmp_path):
    path = tmp_path / "nowhere.geojson"
    with pytest.raises(InvalidInput, match=r"nowhere\.geojson: no such file"):
        load_boundaries(path)


def test_load_boundaries_not_geojson(tmp_path):
    path = tmp_path / "garbage.geojson"
    path.write_text("this is { not json", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"garbage\.geojson: cannot be read"):
        load_boundaries(path)


def test_load_boundaries_csv_without_geometry(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("iso_a3,name\nFRA,France\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"table\.csv: has no geometry") as info:
        load_boundaries(path)
    assert "'region_un'" in str(info.value)


def test_load_boundaries_missing_columns(tmp_path):
    path = tmp_path / "few.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
        '{"iso_a3":"FRA"},"geometry":{"type":"Point","coordinates":[2.35,48.86]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match=r"few\.geojson: lacks the column") as info:
        load_boundaries(path)
    message = str(info.value)
    assert "'name'" in message and "'region_wb'" in message and "'iso_a3'" not in message


def test_load_country_points():
    points = load_country_points()
    # Territories Natural Earth folds into a parent are polygons of their own now.
    assert not {"REU", "MTQ", "GLP", "GUF", "MYT", "BES", "SJM", "TKL"} & set(points)
    for iso3 in ("TUV", "GIB"):
        lat, lon = points[iso3]
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert points["GIB"] == pytest.approx((36.14, -5.35))
    assert all(resolve_country(iso3).iso3 == iso3 for iso3 in points)


def one_unit(crs=4326):
    """France as a 1-degree box, with every required column, in ``crs``."""
    import geopandas
    from shapely.geometry import box

    france = geopandas.GeoDataFrame(
        {
            "iso_a3": ["FRA"],
            "name": ["France"],
            "region_un": ["Europe"],
            "subregion": ["Western Europe"],
            "region_wb": ["Europe & Central Asia"],
            "continent": ["Europe"],
        },
        geometry=[box(2, 48, 3, 49)],
        crs=4326,
    )
    return france.to_crs(crs) if crs else france.set_crs(None, allow_override=True)


def test_load_boundaries_reprojects_to_wgs84(tmp_path):
    path = tmp_path / "mercator.gpkg"
    one_unit(3857).to_file(path)
    boundaries = load_boundaries(path)
    assert boundaries.crs.to_epsg() == 4326
    assert boundaries.total_bounds == pytest.approx([2, 48, 3, 49])
    assert boundaries["name"].tolist() == ["France"]


def test_degrees_labelled_with_a_projection_are_an_error_not_a_speck(tmp_path):
    # Labelled EPSG:3857 but written in degrees: projected "back" to degrees, every country
    # shrank to a speck off Africa, with no word from validate, map or export.
    path = tmp_path / "mislabelled.gpkg"
    one_unit(4326).set_crs(3857, allow_override=True).to_file(path)
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    assert [p.message for p in raised.value.problems] == [
        "says its coordinates are in EPSG:3857, a projection, but they read as degrees (every "
        "one within 180 and 90 of 0, 0); declare EPSG:4326, or remove the file's 'crs'"
    ]


def test_load_boundaries_takes_a_file_with_no_crs_as_wgs84(tmp_path):
    path = tmp_path / "plain.shp"
    with pytest.warns(UserWarning, match="crs"):  # pyogrio warns when writing it, not opmap
        one_unit(None).to_file(path)
    boundaries = load_boundaries(path)
    assert boundaries.crs.to_epsg() == 4326
    assert boundaries.total_bounds == pytest.approx([2, 48, 3, 49])


def test_load_boundaries_with_no_features(tmp_path):
    path = tmp_path / "empty.gpkg"
    one_unit().iloc[:0].to_file(path)
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    assert [p.message for p in raised.value.problems] == [
        "has no features; add the countries' shapes"
    ]


def test_load_boundaries_messages_are_exact(tmp_path):
    table = tmp_path / "table.csv"
    table.write_text("iso_a3,name\nFRA,France\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(table)
    assert [(p.file, p.message) for p in raised.value.problems] == [
        (str(table), "has no geometry; is it a GeoJSON file?"),
        (
            str(table),
            "lacks the columns 'region_un', 'subregion', 'region_wb', 'continent'; a boundaries "
            "file needs iso_a3, name, region_un, subregion, region_wb, continent (the regions "
            "are grouped by the last four): add the columns, or start from the bundled "
            "data/countries.geojson",
        ),
    ]
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(tmp_path / "nowhere.geojson")
    assert [p.message for p in raised.value.problems] == [
        "no such file; check the path and the spelling"
    ]


def test_load_country_points_are_exact():
    points = load_country_points()
    assert points["TUV"] == (-8.52, 179.2)
    assert points["GIB"] == (36.14, -5.35)


def test_load_boundaries_names_one_missing_column_in_the_singular(tmp_path):
    path = tmp_path / "no-continent.gpkg"
    one_unit().drop(columns="continent").to_file(path)
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    [problem] = raised.value.problems
    assert problem.message == (
        "lacks the column 'continent'; a boundaries file needs iso_a3, name, region_un, "
        "subregion, region_wb, continent (the regions are grouped by the last four): add the "
        "column, or start from the bundled data/countries.geojson"
    )


def test_bundled_attributes_are_the_boundaries_without_their_shapes():
    # country_attributes.csv is written with countries.geojson; summary reads it instead.
    boundaries = load_boundaries()
    expected = pd.DataFrame(boundaries.drop(columns="geometry"))
    attributes = load_attributes()
    pd.testing.assert_frame_equal(attributes, expected)
    assert len(attributes) == 249
    namibia = attributes[attributes["iso_a3"] == "NAM"].iloc[0]
    assert namibia["iso_a2"] == "NA"  # a code, not a missing value
    assert attributes[attributes["iso_a3"] == "SOL"].iloc[0]["iso_a2"] == ""


def test_bundled_attributes_are_a_fresh_copy():
    first = load_attributes()
    first.loc[:, "name"] = "changed"
    assert (load_attributes()["name"] != "changed").all()


def test_attributes_of_a_users_file_are_read_and_checked(small_countries, tmp_path):
    attributes = load_attributes(small_countries)
    boundaries = load_boundaries(small_countries)
    assert "geometry" not in attributes.columns
    assert attributes["iso_a3"].tolist() == boundaries["iso_a3"].tolist()
    bad = tmp_path / "bad.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(InvalidInput):
        load_attributes(bad)


def test_a_feature_without_a_code_a_name_or_a_region_is_named_with_what_it_lacks(tmp_path):
    """A property missing from some features only: each such feature is an error, none a crash.

    (Found by the fuzz test: coverage sorted a null code with the others and failed.)
    """
    import json

    features = [
        {
            "type": "Feature",
            "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        }
        for properties in (
            {"iso_a3": "TCD", "name": "Chad"},
            {"name": "Mali"},  # no code
            {"iso_a3": "NER", "name": " "},  # a blank name
            {"iso_a3": "SEN", "name": "Senegal", "region_un": None},
            {"iso_a3": ["GHA", "TGO"], "name": "Ghana"},  # a list: map and build crashed on it
        )
    ]
    for item in features:
        item["properties"] = {
            "region_un": "Africa",
            "subregion": "Western Africa",
            "region_wb": "Sub-Saharan Africa",
            "continent": "Africa",
            **item["properties"],
        }
    path = tmp_path / "gaps.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    needs = "give it one, as every feature needs its code, its name and its regions"
    assert [(p.file, p.message) for p in raised.value.problems] == [
        (str(path), f"feature 2 ('Mali') has no 'iso_a3'; {needs}"),
        (str(path), f"feature 3 has no 'name'; {needs}"),
        (str(path), f"feature 4 ('Senegal') has no 'region_un'; {needs}"),
        (
            str(path),
            "feature 5 ('Ghana') has a list of values in 'iso_a3'; give it one value, as every "
            "feature has one code, one name and one region",
        ),
    ]


def test_a_code_given_to_two_features_is_an_error_naming_both(tmp_path):
    # France's shape with Sudan's code would be counted as Sudan, with Sudan's operations
    import json

    source = json.loads((TEST_DATA / "boundaries" / "small.geojson").read_text(encoding="utf-8"))
    names = [feature["properties"]["name"] for feature in source["features"]]
    source["features"][names.index("France")]["properties"]["iso_a3"] = "sdn "
    source["features"][names.index("Mali")]["properties"]["iso_a3"] = "NER"
    path = tmp_path / "shared-codes.geojson"
    path.write_text(json.dumps(source), encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    fix = (
        "a country or territory is one feature: give each its own code, or join a country's "
        "parts into one MultiPolygon"
    )
    france, sudan = names.index("France") + 1, names.index("Sudan") + 1
    mali, niger = names.index("Mali") + 1, names.index("Niger") + 1
    assert sorted(p.message for p in raised.value.problems) == sorted(
        [
            f"feature {france} ('France'), feature {sudan} ('Sudan') have the same iso_a3 'SDN'; "
            f"{fix}",
            f"feature {mali} ('Mali'), feature {niger} ('Niger') have the same iso_a3 'NER'; {fix}",
        ]
    )


def test_a_shape_repaired_is_a_warning_the_file_is_read_and_its_reading_told(tmp_path):
    import json

    from opmap import progress

    bowtie = [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]  # crosses itself: repaired, with a warning
    feature = {
        "type": "Feature",
        "properties": {
            "iso_a3": "NER",
            "name": "Niger",
            "region_un": "Africa",
            "subregion": "Western Africa",
            "region_wb": "Sub-Saharan Africa",
            "continent": "Africa",
        },
        "geometry": {"type": "Polygon", "coordinates": bowtie},
    }
    path = tmp_path / "bowtie.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    lines: list[str] = []
    found: list = []
    with progress.progress_to(lines.append):
        progress.note_rows(progress.LARGE_ROWS)  # a large run: its progress is told
        boundaries = load_boundaries(path, warnings=found)
    assert list(boundaries["iso_a3"]) == ["NER"] and boundaries.geometry.iloc[0].is_valid
    assert len(lines) == 1 and lines[0].startswith("Read 1 boundary from bowtie.geojson in ")
    # the warning is handed to the caller, who tells it (opmap.read.inputs), and so are those
    # of the attributes read alone (a table's run)
    assert [(p.file, p.severity) for p in found] == [(str(path), "warning")]
    alone: list = []
    load_attributes(path, warnings=alone)
    assert alone == found


def test_units_with_a_point_and_no_polygon_have_their_name_and_regions():
    from opmap.read.boundaries import load_point_regions

    regions = load_point_regions()
    assert regions["BVT"] == {
        "name": "Bouvet Island",
        "continent": "South America",
        "region_un": "Americas",
        "subregion": "South America",
        "region_wb": "Latin America & Caribbean",
    }
    assert set(regions) == set(load_country_points())


def test_a_list_in_a_column_opmap_does_not_need_is_kept_as_its_values_text(tmp_path):
    # A list in iso_a2 passed the checks and crashed the GeoJSON export with a traceback
    # ("Object of type ndarray is not JSON serializable").
    import json

    unit = json.loads(one_unit(4326).to_json())
    unit["features"][0]["properties"]["iso_a2"] = ["FR", "FX"]
    path = tmp_path / "lists.geojson"
    path.write_text(json.dumps(unit), encoding="utf-8")
    assert load_boundaries(path)["iso_a2"].tolist() == ["FR; FX"]

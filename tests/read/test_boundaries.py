"""Tests for opmap.read.boundaries: loading and checking boundary files, and country points."""

from __future__ import annotations

import pytest

from opmap.errors import InvalidInput
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.countries import resolve_country


def test_load_boundaries_bundled_is_a_fresh_copy():
    first = load_boundaries()
    first.loc[:, "name"] = "changed"
    second = load_boundaries()
    assert second.crs.to_epsg() == 4326
    assert (second["name"] != "changed").all()
    assert {"iso_a3", "name", "region_un", "subregion", "region_wb"} <= set(second.columns)


def test_load_boundaries_missing_file(tmp_path):
    path = tmp_path / "nowhere.geojson"
    with pytest.raises(InvalidInput, match="nowhere.geojson: no such file"):
        load_boundaries(path)


def test_load_boundaries_not_geojson(tmp_path):
    path = tmp_path / "garbage.geojson"
    path.write_text("this is { not json", encoding="utf-8")
    with pytest.raises(InvalidInput, match="garbage.geojson: cannot be read"):
        load_boundaries(path)


def test_load_boundaries_csv_without_geometry(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("iso_a3,name\nFRA,France\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="table.csv: has no geometry") as info:
        load_boundaries(path)
    assert "'region_un'" in str(info.value)


def test_load_boundaries_missing_columns(tmp_path):
    path = tmp_path / "few.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":'
        '{"iso_a3":"FRA"},"geometry":{"type":"Point","coordinates":[2.35,48.86]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput, match="few.geojson: lacks the column") as info:
        load_boundaries(path)
    message = str(info.value)
    assert "'name'" in message and "'region_wb'" in message and "'iso_a3'" not in message


def test_load_country_points():
    points = load_country_points()
    for iso3 in ("TUV", "GIB", "REU", "MTQ", "GLP", "GUF", "MYT"):
        lat, lon = points[iso3]
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert points["GIB"] == pytest.approx((36.14, -5.35))
    assert all(resolve_country(iso3).iso3 == iso3 for iso3 in points)

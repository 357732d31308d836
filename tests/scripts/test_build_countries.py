"""Tests for the bundled country boundaries and the script that builds them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pycountry
import pyogrio
import pytest
import shapely
from paths import REPO
from shapely.geometry import Point

from opmap.errors import UnknownCountry
from opmap.read.countries import resolve_country

SCRIPT = REPO / "scripts" / "build_countries.py"
SOURCE_NAME = "ne_50m_admin_0_countries.geojson"
SOURCES = [Path("/work/shared/data") / SOURCE_NAME, REPO.parent / "shared" / "data" / SOURCE_NAME]
PROPERTIES = [
    "iso_a3",
    "iso_a2",
    "name",
    "name_ne",
    "name_long",
    "continent",
    "region_un",
    "subregion",
    "region_wb",
    "sovereignt",
    "type",
    "iso_status",
]


@pytest.fixture(scope="module")
def countries():
    return pyogrio.read_dataframe(REPO / "src" / "opmap" / "data" / "countries.geojson")


def row(countries, iso3):
    found = countries[countries["iso_a3"] == iso3]
    assert len(found) == 1, iso3
    return found.iloc[0]


def test_every_unit_kept_with_unique_codes(countries):
    assert len(countries) == 241
    assert countries["iso_a3"].is_unique
    assert "-99" not in set(countries["iso_a3"]) | set(countries["iso_a2"])
    assert list(countries.columns) == [*PROPERTIES, "geometry"]
    assert list(countries["iso_a3"]) == sorted(countries["iso_a3"])
    assert countries.crs.to_epsg() == 4326


@pytest.mark.parametrize(
    ("iso3", "iso2", "city"),
    [
        ("FRA", "FR", (2.35, 48.86)),
        ("NOR", "NO", (10.75, 59.91)),
        ("XKX", "XK", (21.17, 42.67)),
        ("PSE", "PS", (35.20, 31.90)),
        ("ESH", "EH", (-10.58, 26.16)),
        ("SSD", "SS", (31.58, 4.85)),
        ("ALA", "AX", (19.94, 60.10)),
    ],
)
def test_fixed_codes_cover_a_known_place(countries, iso3, iso2, city):
    unit = row(countries, iso3)
    assert unit["iso_a2"] == iso2
    assert unit["geometry"].contains(Point(city))


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("SOL", "Somaliland"),
        ("CYN", "N. Cyprus"),
        ("ATC", "Ashmore and Cartier Is."),
        ("IOA", "Indian Ocean Ter."),
        ("KAS", "Siachen Glacier"),
        ("XKX", "Kosovo"),
    ],
)
def test_non_iso_units_are_user_assigned(countries, iso3, name):
    unit = row(countries, iso3)
    assert unit["name_ne"] == name
    assert unit["iso_status"] == "user-assigned"
    assert pycountry.countries.get(alpha_3=iso3) is None


def test_iso_codes_are_real(countries):
    iso = countries[countries["iso_status"] == "iso"]
    assert set(countries["iso_status"]) == {"iso", "user-assigned"}
    for iso3, iso2 in zip(iso["iso_a3"], iso["iso_a2"], strict=True):
        country = pycountry.countries.get(alpha_3=iso3)
        assert country is not None and country.alpha_2 == iso2, iso3
    user = countries[countries["iso_status"] == "user-assigned"]
    assert set(user["iso_a2"]) <= {"", "XK"}


def test_every_code_resolves_to_itself(countries):
    for iso3 in countries["iso_a3"]:
        assert resolve_country(iso3).iso3 == iso3


def test_every_name_on_the_map_resolves_to_its_unit(countries):
    for iso3, name, name_long in zip(
        countries["iso_a3"], countries["name_ne"], countries["name_long"], strict=True
    ):
        if name_long in ("Saint-Martin",):
            continue
        assert resolve_country(name_long).iso3 == iso3, name_long
        assert resolve_country(name).iso3 == iso3, name


def test_ambiguous_names_on_the_map_are_refused(countries):
    # NE calls the French half of Saint Martin "St-Martin", which could be Sint Maarten too. Its
    # "Congo" is the Republic of the Congo, as in ISO 3166-1, and resolves so.
    assert row(countries, "MAF")["name_ne"] == "St-Martin"
    with pytest.raises(UnknownCountry, match="ambiguous country"):
        resolve_country("St-Martin")
    assert row(countries, "COG")["name_ne"] == "Congo"
    assert resolve_country("Congo").iso3 == "COG"


def test_geometries_are_valid_and_not_empty(countries):
    geometries = countries.geometry.values
    assert shapely.is_valid(geometries).all()
    assert not shapely.is_empty(geometries).any()
    assert set(countries.geom_type) <= {"Polygon", "MultiPolygon"}


def test_regions_are_filled(countries):
    for column in ("continent", "region_un", "subregion", "region_wb"):
        assert not countries[column].isin(["", "-99"]).any(), column
        assert countries[column].notna().all(), column


def test_points_only_for_units_without_polygon(countries):
    points = (REPO / "src" / "opmap" / "data" / "country_points.csv").read_text().splitlines()
    codes = {line.split(",")[0] for line in points[1:]}
    assert points[0] == "iso3,lat,lon,name"
    assert {"TUV", "GIB", "REU", "MTQ", "GLP", "GUF", "MYT"} <= codes
    assert not codes & set(countries["iso_a3"])
    missing = {c.alpha_3 for c in pycountry.countries} - set(countries["iso_a3"])
    assert codes == missing


def test_build_is_reproducible(tmp_path):
    source = next((path for path in SOURCES if path.exists()), None)
    if source is None:
        pytest.skip(f"Natural Earth source not found at {' or '.join(map(str, SOURCES))}")
    subprocess.run(
        [sys.executable, str(SCRIPT), str(source), "--out-dir", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    data = REPO / "src" / "opmap" / "data"
    for name in ("countries.geojson", "country_points.csv"):
        assert (tmp_path / name).read_bytes() == (data / name).read_bytes(), name


def test_display_names_are_the_canonical_names(countries):
    # Maps and tables show opmap's own names, not Natural Earth's abbreviated labels.
    names = dict(zip(countries["iso_a3"], countries["name"], strict=True))
    assert names["COD"] == "Democratic Republic of the Congo"
    assert names["GNQ"] == "Equatorial Guinea"
    assert names["VCT"] == "Saint Vincent and the Grenadines"
    assert names["CIV"] == "Côte d'Ivoire"
    for iso3, name in names.items():
        assert resolve_country(name).iso3 == iso3

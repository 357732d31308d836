"""Tests for the bundled country boundaries and the script that builds them.

The script is scripts/build_countries.py, with what it changes in Natural Earth in
scripts/natural_earth_fixes.py.
"""

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
    assert len(countries) == 241 + len(SPLIT_CAPITALS)  # Natural Earth's units, territories split
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
    assert points[0] == "iso3,lat,lon,name,continent,region_un,subregion,region_wb"
    assert {"TUV", "GIB"} <= codes
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
    for name in ("countries.geojson", "country_points.csv", "country_attributes.csv"):
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


# A place inland on each territory Natural Earth folds into its parent (lon, lat): the capital or
# the main island's centre, from each territory's published geography.
SPLIT_CAPITALS = {
    "GUF": ("FRA", (-53.0, 4.0), "Americas", "South America"),  # interior of French Guiana
    "GLP": ("FRA", (-61.55, 16.25), "Americas", "Caribbean"),  # Grande-Terre
    "MTQ": ("FRA", (-61.02, 14.65), "Americas", "Caribbean"),  # centre of Martinique
    "REU": ("FRA", (55.53, -21.13), "Africa", "Eastern Africa"),  # Piton des Neiges
    "MYT": ("FRA", (45.14, -12.82), "Africa", "Eastern Africa"),  # Grande-Terre, Mayotte
    "BES": ("NLD", (-68.27, 12.18), "Americas", "Caribbean"),  # Bonaire
    "SJM": ("NOR", (15.65, 78.22), "Europe", "Northern Europe"),  # Longyearbyen, Svalbard
    "TKL": ("NZL", (-171.195, -9.345), "Oceania", "Polynesia"),  # Fakaofo atoll
}


@pytest.mark.parametrize(
    ("iso3", "parent", "place", "region", "subregion"),
    [(iso3, *values) for iso3, values in SPLIT_CAPITALS.items()],
)
def test_territories_are_split_from_their_parent(countries, iso3, parent, place, region, subregion):
    unit = row(countries, iso3)
    near = Point(place).buffer(0.05)
    assert unit["geometry"].intersects(near)
    assert not row(countries, parent)["geometry"].intersects(near)
    assert (unit["region_un"], unit["subregion"]) == (region, subregion)
    assert unit["iso_status"] == "iso"
    assert resolve_country(unit["name"]).iso3 == iso3


def test_parents_keep_their_home_part(countries):
    assert row(countries, "FRA")["geometry"].contains(Point(2.35, 48.86))  # Paris
    assert row(countries, "FRA")["geometry"].contains(Point(9.15, 42.15))  # Corsica
    assert row(countries, "NOR")["geometry"].contains(Point(10.75, 59.91))  # Oslo
    assert row(countries, "NLD")["geometry"].contains(Point(4.9, 52.37))  # Amsterdam
    assert row(countries, "FRA")["region_un"] == "Europe"


def test_no_unit_is_in_the_open_ocean(countries):
    # Natural Earth's "Seven seas (open ocean)" is not a region: each unit gets where it lies.
    for column in ("continent", "region_un", "subregion"):
        assert not countries[column].str.contains("Seven seas").any(), column
    assert row(countries, "IOT")["subregion"] == "Eastern Africa"
    assert row(countries, "SGS")["region_un"] == "Americas"


def test_points_have_the_region_where_they_lie():
    import csv

    path = REPO / "src" / "opmap" / "data" / "country_points.csv"
    with path.open(encoding="utf-8") as handle:
        points = {r["iso3"]: r for r in csv.DictReader(handle)}
    assert (points["GIB"]["region_un"], points["GIB"]["subregion"]) == ("Europe", "Southern Europe")
    assert (points["TUV"]["region_un"], points["TUV"]["subregion"]) == ("Oceania", "Polynesia")
    assert all(r["region_un"] and r["subregion"] for r in points.values())


def test_split_rule_stops_on_a_box_that_catches_nothing(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO / "scripts"))  # where build_countries.py finds it
    import natural_earth_fixes as fixes

    source = next((path for path in SOURCES if path.exists()), None)
    if source is None:
        pytest.skip("Natural Earth source not found")
    wrong = fixes.Split("FRA", "Nowhere", "Dependency", fixes.CARIBBEAN, ((0, 0, 1, 1),))
    monkeypatch.setattr(fixes, "SPLITS", {"GUF": wrong})
    with pytest.raises(SystemExit, match="no part of FRA"):
        fixes.split_territories(pyogrio.read_dataframe(source))


def test_the_data_readme_names_each_property_and_the_files_it_points_to():
    import json
    import re

    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    data = json.loads((REPO / "data" / "countries.geojson").read_text(encoding="utf-8"))
    properties = {p["properties"]["iso_a3"]: p["properties"] for p in data["features"]}
    for key in properties["COD"]:
        assert f"`{key}`" in readme
    # The examples it gives of each name column are that column's values.
    cod, cog, maf = properties["COD"], properties["COG"], properties["MAF"]
    flat = " ".join(readme.split())
    names = f'"{cod["name"]}", "{cog["name"]}", "{maf["name"]}"'
    labels = f'"{cod["name_ne"]}", "{cog["name_ne"]}", "{maf["name_ne"]}"'
    assert f"`opmap.read.countries.country_name(iso3)` ({names}); `name_ne`" in flat
    assert f"(its `NAME`: {labels})" in flat
    # Every file it names beside itself is there.
    for name in re.findall(r"`([\w.-]+\.(?:md|csv|geojson|txt))`", readme):
        assert (REPO / "data" / name).exists() or name.startswith("ne_"), name

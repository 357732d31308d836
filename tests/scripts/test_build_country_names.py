"""Tests for the bundled name table and the script that builds it from pycountry and CLDR."""

from __future__ import annotations

import csv

from baked import assert_baked_now
from paths import REPO

TABLE = REPO / "src" / "opmap" / "data" / "country_names.csv"


def read_table():
    with TABLE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_bundled_table_is_what_the_script_writes_now(tmp_path):
    assert_baked_now("build_country_names.py", TABLE, tmp_path)


def test_table_has_every_language_for_every_country():
    rows = [row for row in read_table() if row["kind"] == "country"]
    sources = {row["source"] for row in rows}
    assert {"cldr:en", "cldr:fr", "cldr:es", "cldr:pt", "cldr:ar", "iso:name"} <= sources
    for language in ("en", "fr", "es", "pt", "ar"):
        codes = {row["code"] for row in rows if row["source"] == f"cldr:{language}"}
        assert len(codes) >= 249, language  # every ISO 3166-1 country and Kosovo


def test_table_names_places_that_are_not_countries_by_what_they_are():
    rows = read_table()
    areas = {row["name"]: row["code"] for row in rows if row["kind"] == "area"}
    parts = {row["name"]: row["code"] for row in rows if row["kind"] == "part"}
    assert areas["Western Africa"] == "011"
    assert areas["Afrique occidentale"] == "011"
    assert areas["European Union"] == "EU"
    assert parts["Canary Islands"] == "ESP"
    assert "World" not in areas and "Unknown Region" not in areas

"""Tests for opmap.read.countries: what it refuses, and the close names it suggests instead.

Ambiguous and unknown names, places and regions that are not countries, groups of countries.
"""

from __future__ import annotations

import re

import pytest

from opmap.errors import NotACountry, UnknownCountry
from opmap.read.countries import _build_lookup, _lookup, country_name, resolve_country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korea", ["South Korea", "North Korea"]),
        ("Corée", ["South Korea", "North Korea"]),
        ("كوريا", ["South Korea", "North Korea"]),
        ("Virgin Islands", ["British Virgin Islands", "United States Virgin Islands"]),
        ("Saint Martin", ["Saint Martin (French part)", "Sint Maarten"]),
        ("St-Martin", ["Saint Martin (French part)", "Sint Maarten"]),
    ],
)
def test_ambiguous_names_raise_with_every_candidate(text, expected):
    with pytest.raises(UnknownCountry, match=re.escape(f"ambiguous country {text!r}")) as info:
        resolve_country(text)
    assert info.value.suggestions == expected


def test_a_misspelt_shared_name_suggests_every_country_it_may_mean():
    # "Saint-Marin" is San Marino in French, one letter away; the shared name is nearer.
    with pytest.raises(UnknownCountry, match=re.escape("unknown country 'Saint Martn'")) as info:
        resolve_country("Saint Martn")
    assert info.value.suggestions == ["Saint Martin (French part)", "Sint Maarten"]


@pytest.mark.parametrize("text", ["Saint", "saint", "Sainte", "Ste"])
def test_saint_alone_is_no_country(text):
    with pytest.raises(UnknownCountry) as info:
        resolve_country(text)
    assert not isinstance(info.value, NotACountry)


def test_no_name_of_the_name_table_is_claimed_by_two_countries():
    # A new pycountry or CLDR could give one name to two countries; the build would then refuse it
    # as ambiguous. This lists what it found, so such a change is seen and decided in ALIASES.
    assert _lookup().collisions == {}


def test_a_name_two_countries_claim_is_refused_with_both():
    lookup = _build_lookup(
        [("country", "GIN", "guinea"), ("country", "GNQ", "guinea"), ("country", "FRA", "france")]
    )
    assert lookup.collisions == {"guinea": ("GIN", "GNQ")}
    assert "guinea" not in lookup.codes
    assert lookup.refusals["guinea"] == (UnknownCountry, "ambiguous country", ("GIN", "GNQ"))
    assert lookup.codes["france"] == "FRA"


def test_an_alias_gives_a_claimed_name_its_established_meaning():
    lookup = _build_lookup([("country", "COG", "congo"), ("country", "COD", "congo")])
    assert lookup.collisions == {"congo": ("COD", "COG")}
    assert lookup.codes["congo"] == "COG"  # ALIASES: "Congo" is the Republic of the Congo
    assert "congo" not in lookup.refusals


def test_a_country_name_wins_over_a_region_named_alike():
    lookup = _build_lookup([("area", "011", "guinea"), ("country", "GIN", "guinea")])
    assert lookup.codes["guinea"] == "GIN"
    assert "guinea" not in lookup.refusals


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Cote dIvorie", "Côte d'Ivoire"),
        ("Nigerria", "Nigeria"),
        ("Swizerland", "Switzerland"),
        ("Phillipines", "Philippines"),
        ("Irland", "Ireland"),
        ("Alemnia", "Germany"),
        ("Moçambiqe", "Mozambique"),
    ],
)
def test_unknown_names_suggest_close_matches(text, suggestion):
    match = re.escape(f"unknown country {text!r}; did you mean {suggestion!r}")
    with pytest.raises(UnknownCountry, match=match) as info:
        resolve_country(text)
    assert len(info.value.suggestions) <= 3


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Alemania", "Albania"),
        ("Republic of Ireland", "Iceland"),
        ("Republic of Irland", "Iceland"),
        ("West Africa", "South Africa"),
        ("Nigerria", "Niger"),
        ("New Guinea", "Guinea"),
    ],
)
def test_no_suggestion_points_to_another_country(text, wrong):
    try:
        country = resolve_country(text)
    except UnknownCountry as err:
        assert wrong not in err.suggestions
    else:
        assert country.name != wrong


@pytest.mark.parametrize("text", ["Atlantis", "", "ZZ", "XYZ", "Gondor!", "Republic of Gondor"])
def test_unknown_names_raise(text):
    match = re.escape(f"unknown country {text!r}; use an ISO 3166 name or code")
    with pytest.raises(UnknownCountry, match=match):
        resolve_country(text)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("England", "United Kingdom"),
        ("Scotland", "United Kingdom"),
        ("Wales", "United Kingdom"),
        ("America", "United States"),
        ("Gaza", "Palestine"),
        ("Canary Islands", "Spain"),
        ("Islas Canarias", "Spain"),
        ("Zanzibar", "Tanzania"),
    ],
)
def test_places_that_are_not_countries_raise_with_a_suggestion(text, country):
    match = re.escape(f"{text!r} is not a country in ISO 3166-1; did you mean {country!r}?")
    with pytest.raises(NotACountry, match=match):
        resolve_country(text)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("West Africa", "a region"),
        ("Western Africa", "a region"),
        ("Afrique de l'Ouest", "a region"),
        ("Afrique de l’Ouest", "a region"),
        ("Afrique occidentale", "a region"),
        ("África Occidental", "a region"),
        ("غرب أفريقيا", "a region"),
        ("غرب إفريقيا", "a region"),
        ("Sahel", "a region"),
        ("Middle East", "a region"),
        ("Southeast Asia", "a region"),
        ("South-East Asia", "a region"),
        ("Caribbean", "a region"),
        ("Americas", "a region"),
        ("América del Sur", "a region"),
        ("Latin America", "a region"),
        ("Europe", "a region"),
        ("European Union", "a group of countries"),
        ("ECOWAS", "a group of countries"),
    ],
)
def test_regions_are_refused_as_regions(text, what):
    match = re.escape(f"{text!r} is {what}, not a country; name the countries that took part")
    with pytest.raises(NotACountry, match=match) as info:
        resolve_country(text)
    assert info.value.suggestions == []


def test_a_region_is_still_an_unknown_country_to_callers():
    with pytest.raises(UnknownCountry):
        resolve_country("West Africa")


@pytest.mark.parametrize("value", [None, float("nan"), 250])
def test_non_text_raises_unknown_country(value):
    with pytest.raises(UnknownCountry, match="unknown country"):
        resolve_country(value)


def test_error_quotes_the_raw_input():
    with pytest.raises(UnknownCountry, match="'  Nigerria!! '"):
        resolve_country("  Nigerria!! ")


def test_country_name_unknown_code():
    with pytest.raises(UnknownCountry, match="'QQQ'"):
        country_name("QQQ")


@pytest.mark.parametrize("group", ["Eurozone", "United Nations", "European Union"])
def test_groups_of_countries_are_refused_as_groups_not_regions(group):
    with pytest.raises(NotACountry) as caught:
        resolve_country(group)
    assert str(caught.value).startswith(f"'{group}' is a group of countries, not a country; ")


def test_an_unknown_code_is_named_as_a_code():
    with pytest.raises(UnknownCountry) as caught:
        country_name("ZZZ")
    assert str(caught.value).startswith("unknown country code 'ZZZ'; ")


def test_the_name_tables_header_is_not_a_name_and_its_first_row_is():
    # The table's header reads kind,code,source,name,key: "key" is no name of anything...
    with pytest.raises(UnknownCountry) as caught:
        resolve_country("key")
    assert not isinstance(caught.value, NotACountry)
    # ...while its first row (Africa in Arabic) is a region, refused as one.
    with pytest.raises(NotACountry, match=r"^'أفريقيا' is a region, not a country; "):
        resolve_country("أفريقيا")


def test_at_most_three_close_names_are_suggested():
    from opmap.read.countries import _suggest

    rows = [
        ("country", code, f"north {end}")
        for code, end in [("FRA", "landa"), ("DEU", "lande"), ("ITA", "landi"), ("ESP", "lando")]
    ]
    lookup = _build_lookup(rows)
    suggested = _suggest("north landu", lookup)
    # four names equally close: the three first in alphabetical order of the name matched
    assert suggested == ["France", "Germany", "Italy"]

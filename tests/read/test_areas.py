"""Areas: the M49 regions and subregions an operation may name instead of its countries."""

from __future__ import annotations

import pytest

from opmap.decide.regions import regions_of
from opmap.errors import UnknownArea
from opmap.read.areas import AREAS, resolve_area
from opmap.read.boundaries import load_boundaries


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("West Africa", "Western Africa"),
        ("western africa", "Western Africa"),
        ("Central Africa", "Middle Africa"),
        ("Southeast Asia", "South-Eastern Asia"),
        ("South-East Asia", "South-Eastern Asia"),
        ("the Caribbean", "Caribbean"),
        ("Africa", "Africa"),
    ],
)
def test_common_spellings_are_read(text, area):
    assert resolve_area(text) == area


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("North America", r"not one M49 area.*'Northern America', 'Central America', 'Caribbean'"),
        ("Middle East", r"not one M49 area.*'Western Asia', 'Northern Africa'"),
        ("Westen Africa", r"unknown area.*did you mean 'Western Africa'"),
        ("Atlantis", r"unknown area: 'Atlantis'.*e\.g\. 'West Africa'"),
    ],
)
def test_other_names_are_refused_with_a_reason(text, match):
    with pytest.raises(UnknownArea, match=match):
        resolve_area(text)


def test_every_area_is_a_region_or_subregion_of_the_boundaries():
    boundaries = load_boundaries()
    known = set(regions_of(boundaries, "region_un").values())
    known |= set(regions_of(boundaries, "subregion").values())
    assert set(AREAS) == known
    subregion_regions = dict(zip(boundaries["subregion"], boundaries["region_un"], strict=False))
    for area, region in AREAS.items():
        assert subregion_regions.get(area, area) == region


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("North America", ["Northern America", "Central America", "Caribbean"]),
        ("Latin America", ["Caribbean", "Central America", "South America"]),
        ("Middle East", ["Western Asia", "Northern Africa"]),
        ("sahel", ["Western Africa", "Northern Africa", "Middle Africa"]),
    ],
)
def test_names_sources_draw_differently_are_refused_with_the_areas_they_may_mean(text, meant):
    with pytest.raises(UnknownArea) as raised:
        resolve_area(text)
    assert (raised.value.reason, raised.value.suggestions) == (
        "not one M49 area (sources draw it differently)",
        meant,
    )


@pytest.mark.parametrize(
    ("text", "suggestions"),
    [
        # "west africa" and "western africa" are both close: Western Africa is suggested once
        ("Westen Africa", ["Western Africa", "Eastern Africa", "Western Asia"]),
        ("Eastern", ["Eastern Asia", "Eastern Europe", "Eastern Africa"]),
        ("Melanesa", ["Melanesia"]),
        # three spellings of South-Eastern Asia and two of Southern Asia come before Eastern Asia
        ("South East Asai", ["South-Eastern Asia", "Southern Asia", "Eastern Asia"]),
        ("Carribean", ["Caribbean"]),
        ("Asia Minor", []),
        ("Atlantis", []),
    ],
)
def test_an_unknown_area_gets_at_most_three_close_suggestions(text, suggestions):
    with pytest.raises(UnknownArea) as raised:
        resolve_area(text)
    assert (raised.value.reason, raised.value.suggestions) == ("unknown area", suggestions)


@pytest.mark.parametrize(
    ("text", "area"),
    [("South-Eastern-Asia", "South-Eastern Asia"), ("WEST  AFRICA", "Western Africa")],
)
def test_hyphens_case_and_spaces_do_not_matter(text, area):
    assert resolve_area(text) == area

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


def _operation(line, countries, total, area):
    from opmap.read.operations import Operation

    return Operation(
        name=f"Op {line}",
        year=2019,
        countries=countries,
        countries_total=total,
        area=area,
        line=line,
    )


def test_a_total_beyond_its_areas_countries_and_the_named_ones_is_a_warning():
    # Western Africa has 17 countries and territories in the bundled boundaries.
    from opmap.read.areas import declared_beyond_area, units_by_area
    from opmap.read.boundaries import bundled_attribute_rows, point_unit_rows

    members = units_by_area([*bundled_attribute_rows(), *point_unit_rows()])
    assert len(members["Western Africa"]) == 17
    operations = [
        _operation(2, ("NGA", "GHA"), 25, "Western Africa"),  # 25 of 17: cannot be
        _operation(3, ("NGA",), 17, "Western Africa"),  # every one of them: can be
        _operation(4, ("FRA", "ESP"), 19, "Western Africa"),  # 17 and 2 named outside
        _operation(5, ("FRA",), 19, "Western Africa"),  # 17 and 1: cannot be
        _operation(6, ("NGA",), None, "Western Africa"),  # no total declared
        _operation(7, ("NGA", "GHA"), 300, None),  # no area: nothing to check it against
    ]
    problems = declared_beyond_area(operations, members, "ops.csv")
    assert [(p.line, p.column, p.value, p.severity) for p in problems] == [
        (2, "countries_total", "25", "warning"),
        (5, "countries_total", "19", "warning"),
    ]
    assert str(problems[0]) == (
        "ops.csv:2: warning: column 'countries_total': is more than the 17 countries and "
        "territories that 'Western Africa' and the countries named hold; check the total, or "
        "the area (got '25')"
    )


def test_the_baked_attribute_rows_are_the_bundled_boundaries_units():
    from opmap.read.boundaries import bundled_attribute_rows, load_attributes

    rows = bundled_attribute_rows()
    assert rows == load_attributes().to_dict("records")


def test_an_areas_units_are_those_coverage_counts_points_included():
    # Polynesia holds Tuvalu, a UN state with a point and no polygon at 1:50m: validate counted
    # 9 units where coverage counts 10, and warned of a declared 10.
    from opmap.decide.regions import area_members
    from opmap.read.areas import units_by_area
    from opmap.read.boundaries import bundled_attribute_rows, point_unit_rows

    table = units_by_area([*bundled_attribute_rows(), *point_unit_rows()])
    boundaries = load_boundaries()
    for area in AREAS:
        assert table[area] == area_members(boundaries, area), area
    assert "TUV" in table["Polynesia"]

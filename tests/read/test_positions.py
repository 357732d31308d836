"""Positions: an operation's lat and lon measured against the places it names."""

from __future__ import annotations

import pytest

from opmap.i18n import use_language
from opmap.read.areas import units_by_area
from opmap.read.boundaries import load_boundaries, load_country_points, point_unit_rows
from opmap.read.operations import Operation
from opmap.read.positions import NEAR_DEGREES, positions_off_their_places


@pytest.fixture(scope="module")
def shapes():
    return load_boundaries()


@pytest.fixture(scope="module")
def members(shapes):
    units = shapes.drop(columns=shapes.geometry.name).to_dict("records")
    return units_by_area([*units, *point_unit_rows()])


def _placed(lat, lon, countries=("GHA",), area=None, line=2):
    return Operation(
        name=f"Op {line}", year=2019, countries=countries, area=area, lat=lat, lon=lon, line=line
    )


def _off(shapes, members, *operations):
    points = load_country_points()
    return positions_off_their_places(operations, shapes, points, members, "ops.csv")


@pytest.mark.parametrize(
    ("lat", "lon", "countries", "area"),
    [
        (5.6, -0.19, ("GHA",), None),  # Accra
        (5.2, -1.0, ("GHA",), None),  # off its coast, within half a degree
        (12.6, -8.0, (), "Western Africa"),  # Bamako, inside the area named
        (48.86, 2.35, ("GHA",), "Europe"),  # Paris: in the area, though not Ghana
        (-8.5, 179.2, ("TUV",), None),  # Tuvalu has a point, no polygon: near it
        (-16.5, -179.9, ("FJI",), None),  # Fiji, across the 180th meridian
        (4.94, -52.33, ("FRA",), None),  # Cayenne, French Guiana: a territory of France
        (78.22, 15.65, ("NOR",), None),  # Longyearbyen, Svalbard: of Norway
        (18.47, -66.11, ("USA",), None),  # San Juan, Puerto Rico ("United States of America")
    ],
)
def test_a_position_in_or_near_a_place_named_is_not_a_problem(
    shapes, members, lat, lon, countries, area
):
    assert _off(shapes, members, _placed(lat, lon, countries, area)) == []


def test_a_position_in_another_country_says_where_it_is(shapes, members):
    # The audit's case: Ghana named, the position Abuja's.
    [problem] = _off(shapes, members, _placed(9.08, 7.49, line=4))
    assert (problem.line, problem.column, problem.value, problem.severity) == (
        4,
        "lat",
        "9.08",
        "warning",
    )
    assert str(problem) == (
        "ops.csv:4: warning: column 'lat': the position 9.08, 7.49 (lat, lon) is in Nigeria, "
        "not in or near a place the operation names (Ghana); check lat and lon, or leave both "
        "empty to place the marker in a place it names (got '9.08')"
    )


def test_swapped_lat_and_lon_are_told_as_such(shapes, members):
    # lat 7.9, lon -1.2 is in Ghana; written the other way round it is in the Gulf of Guinea.
    [problem] = _off(shapes, members, _placed(-1.2, 7.9))
    assert problem.message == (
        "lat and lon look swapped: -1.2, 7.9 is not in or near a place the operation names "
        "(Ghana), and 7.9, -1.2 is; swap the two values"
    )


def test_a_position_at_sea_says_it_is_in_no_country(shapes, members):
    [problem] = _off(shapes, members, _placed(0, -20, area="Western Africa"))
    assert problem.message.startswith(
        "the position 0, -20 (lat, lon) is in no country or territory, and not near a place "
        "the operation names (Ghana, the area 'Western Africa')"
    )


def test_just_beyond_the_reach_of_a_coast_is_a_problem(shapes, members):
    # Cape Three Points, Ghana's southernmost point, is at about 4.74 N, -2.09 E.
    near = _placed(4.74 - NEAR_DEGREES + 0.05, -2.09)
    far = _placed(4.74 - NEAR_DEGREES - 0.2, -2.09, line=3)
    assert [problem.line for problem in _off(shapes, members, near, far)] == [3]


def test_a_long_list_of_places_is_cut_and_counted(shapes, members):
    countries = ("FRA", "ESP", "ITA", "DEU", "PRT", "BEL", "NLD")
    [problem] = _off(shapes, members, _placed(9.08, 7.49, countries))
    assert "(France, Spain, Italy, Germany, Portugal, and 2 more)" in problem.message


def test_the_warning_is_worded_in_the_language_of_the_run(shapes, members):
    with use_language("ar"):
        [problem] = _off(
            shapes, members, _placed(9.08, 7.49, ("FRA", "ESP", "ITA", "DEU", "PRT", "BEL", "NLD"))
        )
    assert "يقع في نيجيريا" in problem.message
    assert "ومكانان آخران" in problem.message  # Arabic's dual: two more places
    with use_language("fr"):
        [problem] = _off(shapes, members, _placed(9.08, 7.49))
    assert problem.message.startswith(
        "la position 9.08, 7.49 (lat, lon) se trouve dans\u00a0: Nigeria"
    )


def test_operations_without_a_position_or_a_place_are_not_measured(shapes, members):
    unplaced = Operation(name="Op", year=2019, countries=("GHA",), line=2)
    nowhere = _placed(9.08, 7.49, countries=())  # no place named: nothing to measure against
    unknown = _placed(9.08, 7.49, countries=("XYZ",))  # no shape for it in these boundaries
    assert _off(shapes, members, unplaced, nowhere, unknown) == []


def test_a_territory_named_is_not_its_state(shapes, members):
    # The state's territories are its places; a territory's are not the state's.
    [problem] = _off(shapes, members, _placed(48.86, 2.35, ("GUF",)))  # Paris, for Guiana
    assert "is in France, not in or near a place the operation names (French Guiana)" in (
        problem.message
    )

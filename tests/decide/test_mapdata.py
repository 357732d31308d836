"""What a map shows: filters, subtitle, classes, region and language."""

from __future__ import annotations

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.errors import InvalidOption
from opmap.read.operations import read_operations


@pytest.fixture(scope="module")
def operations():
    return read_operations()


def test_a_regional_map_keeps_the_operations_known_by_an_area_of_the_region(operations, boundaries):
    africa = prepare_map_data(operations, boundaries, region="Africa")
    assert "Adwenpa II 2016" in {op.key for op in africa.operations}
    assert "Adwenpa II 2016" in africa.areas
    americas = prepare_map_data(operations, boundaries, region="Americas")
    assert "Adwenpa II 2016" not in {op.key for op in americas.operations}
    assert not americas.areas


def test_an_area_of_the_region_brings_an_operation_whose_countries_are_elsewhere(boundaries):
    # France, and "in the Caribbean": the coverage table counts it in the Americas (its area)
    # and in Europe (France); the Americas' map left it out.
    from records import operation
    from shapely.geometry import Point

    from opmap.decide.coverage import build_coverage
    from opmap.read.inputs import Inputs

    kilo = operation("Kilo", 2018, [("FRA", "France")], area="Caribbean")
    lima = operation("Lima", 2018, area="Caribbean")
    report = build_coverage(Inputs([kilo, lima], boundaries, points={}))
    counted = dict(zip(report.regions["region"], report.regions["operations"], strict=True))
    americas = prepare_map_data([kilo, lima], boundaries, region="Americas")
    europe = prepare_map_data([kilo, lima], boundaries, region="Europe")
    assert len(americas.operations) == counted["Americas"] == 2
    assert len(europe.operations) == counted["Europe"] == 1
    caribbean = americas.areas["Kilo 2018"]  # drawn in its area, not in France
    assert caribbean.distance(americas.markers["Kilo 2018"]) < 0.5
    assert "Kilo 2018" not in europe.areas
    france = boundaries.loc[boundaries["iso_a3"] == "FRA"].geometry.iloc[0]
    assert france.distance(Point(europe.markers["Kilo 2018"])) < 0.5


@pytest.mark.parametrize(
    ("filters", "subtitle", "keys"),
    [
        (
            {},
            "6 operations, 2014\u20132018",
            [  # oldest first
                "Nawa 2014",
                "Akoma 2015",
                "Adwenpa II 2016",
                "Epervier 2017",
                "Libertad 2018",
                "Sawiyan 2018",
            ],
        ),
        ({"years": [2017]}, "1 operation in 2017 \u00b7 Filters: 2017", ["Epervier 2017"]),
        (
            {"since": 2016, "until": 2017},
            "2 operations, 2016\u20132017 \u00b7 Filters: 2016\u20132017",
            ["Adwenpa II 2016", "Epervier 2017"],
        ),
        ({"region": "americas"}, "1 operation in 2018 \u00b7 Filters: Americas", ["Libertad 2018"]),
        ({"names": ["nawa"]}, "1 operation in 2014 \u00b7 Filters: nawa", ["Nawa 2014"]),
        ({"years": [1999]}, "No operations match \u00b7 Filters: 1999", []),
    ],
)
def test_filters_and_subtitle(operations, boundaries, filters, subtitle, keys):
    data = prepare_map_data(operations, boundaries, **filters)
    assert [op.key for op in data.operations] == keys
    assert data.subtitle == subtitle


@pytest.mark.parametrize(
    ("language", "filters", "subtitle"),
    [
        ("fr", {"since": 2017}, "Filtres\u00a0: depuis 2017"),
        ("es", {"until": 2015}, "Filtros: hasta 2015"),
        ("ar", {"years": [2014, 2017]}, "2014، 2017"),
    ],
)
def test_the_subtitle_names_its_filters_in_the_language(
    operations, boundaries, language, filters, subtitle
):
    from opmap.i18n import use_language

    with use_language(language):
        words = prepare_map_data(operations, boundaries, **filters).subtitle
    assert subtitle in words
    assert "since" not in words and "until" not in words


def test_unknown_region_suggests_close_names(operations, boundaries):
    with pytest.raises(InvalidOption, match="did you mean 'Western Africa'"):
        prepare_map_data(operations, boundaries, region="Westren Africa")


def test_classes_leave_countries_without_operations_out(operations, boundaries):
    data = prepare_map_data(operations, boundaries)
    covered = data.coverage["operations"] > 0
    assert data.values[~covered].isna().all()
    assert data.classes.labels == ("1", "2")  # Côte d'Ivoire had two operations, others one
    civ = data.coverage.index[data.coverage["iso_a3"] == "CIV"].item()
    assert data.classes.color_of(data.values[civ]) == data.classes.colors[-1]


def test_region_focus_and_bounds(operations, boundaries):
    data = prepare_map_data(operations, boundaries, region="Western Africa")
    assert set(data.focus["subregion"]) == {"Western Africa"}
    region = boundaries[boundaries["subregion"] == "Western Africa"]
    assert data.bounds == tuple(region.total_bounds)
    world = prepare_map_data(operations, boundaries)
    covered = world.coverage[world.coverage["operations"] > 0]
    assert world.bounds == tuple(covered.total_bounds)


def test_a_french_map_names_countries_in_french_and_keeps_codes_and_figures(operations, boundaries):
    from opmap.i18n import use_language

    english = prepare_map_data(operations, boundaries, region="Americas")
    with use_language("fr"):
        french = prepare_map_data(operations, boundaries, region="Americas")
    names = dict(zip(french.coverage["iso_a3"], french.coverage["name"], strict=True))
    assert (names["NLD"], names["DOM"], names["CIV"]) == (
        "Pays-Bas",
        "République dominicaine",
        "Côte d’Ivoire",
    )
    assert french.region == "Amériques" and english.region == "Americas"
    libertad = next(op for op in french.operations if op.key == "Libertad 2018")
    assert ("Barbade", "Belize", "Brésil") == libertad.country_names[2:5]
    assert [op.countries for op in french.operations] == [op.countries for op in english.operations]
    assert french.values.fillna(-1).tolist() == english.values.fillna(-1).tolist()

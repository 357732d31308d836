"""Coverage through time: periods, each view's values and figures, the classes they share.

The year control that shows them in the page is tested in tests/draw/interactive/test_timeline*.py.
"""

from __future__ import annotations

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.decide.periods import (
    lowest_labels,
    periods,
    shared_classes,
    timeline_classes,
    view_figures,
    year_values,
)
from opmap.figures import Total, parse_figure
from opmap.read.operations import Operation, read_operations


@pytest.fixture(scope="module")
def bundled():
    """The bundled operations (this folder's ``operations`` is the hand-checked example)."""
    return read_operations()


def test_periods():
    assert periods([2014, 2018]) == [(y, y) for y in range(2014, 2019)]
    assert periods([2014, 2018], 2) == [(2014, 2015), (2016, 2017), (2018, 2018)]
    assert periods([2014, 2018], 2, "upto") == [(2014, 2015), (2014, 2017), (2014, 2018)]
    with pytest.raises(ValueError, match="step"):
        periods([2014], 0)
    with pytest.raises(ValueError, match="mode"):
        periods([2014], 1, "during")


def test_classes_stretch_down_to_the_smallest_year(boundaries, bundled):
    victims = prepare_map_data(bundled, boundaries, metric="victims")
    stretched = timeline_classes(victims)
    assert stretched.bins == victims.classes.bins and stretched.colors == victims.classes.colors
    # Akoma 2015: more than 48 victims in Côte d'Ivoire, below the all-years classes.
    assert year_values(victims, 2015, 2015) == {"CIV": 48.0}
    assert stretched.lows[0] == 48 and stretched.labels[0].startswith("48")
    assert shared_classes(victims.classes, [200.0]) == victims.classes


def test_each_view_labels_its_lowest_class_from_its_own_smallest_value(boundaries, bundled):
    victims = prepare_map_data(bundled, boundaries, metric="victims")
    stretched = timeline_classes(victims)
    labels = lowest_labels(victims, stretched, victims.coverage["iso_a3"])
    # All years: as the print map and the coverage table label it, not from 2015's 48.
    assert labels["all"] == victims.classes.labels[0] != stretched.labels[0]
    assert labels["in:2015"] == stretched.labels[0]  # Akoma 2015: more than 48 in Côte d'Ivoire
    assert labels["in:2015"].startswith("48\u2013")
    assert "in:2016" not in labels  # Adwenpa II names no country: the class is empty
    assert lowest_labels(victims, stretched, []) == {}  # no country shown, no label


def test_a_period_adds_up_its_operations_per_country(boundaries, bundled):
    """year_values over several years: every operation of those years counted, once each."""
    counts = prepare_map_data(bundled, boundaries)
    expected: dict[str, float] = {}
    for op in bundled:
        if 2014 <= op.year <= 2017:
            for iso3 in op.countries:
                expected[iso3] = expected.get(iso3, 0.0) + 1.0
    assert year_values(counts, 2014, 2017) == expected
    assert year_values(counts, 2018, 2018)["BRA"] == 1.0  # Libertad
    assert year_values(counts, 2030, 2031) == {}
    victims = prepare_map_data(bundled, boundaries, metric="victims")
    # Only operations one country ran alone give it their figure: Nawa 2014 and Akoma 2015.
    assert year_values(victims, 2014, 2015) == {"CIV": 76.0 + 48.0}


def test_a_countrys_value_in_every_view_is_added_up_as_all_years_add_it(boundaries):
    # Nigeria: 94 in 2019, "~350" (about) in 2020, no figure in 2021. The views added the raw
    # numbers (444), where the whole map says "about 440": colours and class limits disagreed.
    nigeria, name = ("NGA",), ("Nigeria",)
    ops = [
        Operation("A", 2019, countries=nigeria, country_names=name, victims=parse_figure("94")),
        Operation("B", 2020, countries=nigeria, country_names=name, victims=parse_figure("~350")),
        Operation("C", 2021, countries=nigeria, country_names=name),
    ]
    victims = prepare_map_data(ops, boundaries, metric="victims")
    all_years = victims.coverage.set_index("iso_a3").loc["NGA", "victims"]
    figures = view_figures(victims)
    assert figures["upto:2021"]["NGA"] == Total(all_years, 2, 3)
    assert year_values(victims, 2019, 2021) == {"NGA": float(all_years.value)} == {"NGA": 440.0}
    # its one operation of 2021 gave none: no value to colour, and who did not give it
    assert figures["in:2021"]["NGA"] == Total(None, 0, 1) and year_values(victims, 2021, 2021) == {}
    assert timeline_classes(victims).lows[0] <= min(
        t.figure.value for view in figures.values() for t in view.values() if t.figure
    )

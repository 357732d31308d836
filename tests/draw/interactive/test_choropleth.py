"""The countries of the HTML map: their fills, roles and tooltips, as data for the page."""

from __future__ import annotations

import html

import pytest
from records import alone_and_shared

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.choropleth import choropleth_units, country_tooltips
from opmap.draw.interactive.encoding import decode_units
from opmap.figures import parse_figure
from opmap.i18n import use_language
from opmap.read.boundaries import load_boundaries
from opmap.read.operations import Operation

BUSY = 1_012  # more than a thousand, so the count of the rest needs a separator


@pytest.fixture(scope="module")
def boundaries():
    return load_boundaries()


@pytest.fixture(scope="module")
def busy_map(boundaries):
    """Many operations in Kenya, named with markup, and one in France with a figure."""
    operations = [
        Operation(
            name=f"Op <i>{i}</i>",
            year=2014 + i % 5,
            countries=("KEN",),
            country_names=("Kenya",),
            arrests=parse_figure(str(i)),
        )
        for i in range(BUSY)
    ]
    return prepare_map_data(operations, boundaries)


def test_country_tooltip_names_ten_operations_and_counts_the_rest(busy_map):
    tooltips = country_tooltips(busy_map)
    ran = [op.key for op in busy_map.operations if "KEN" in op.countries]
    assert len(ran) == BUSY
    words = tooltips["KEN"]
    assert words.startswith(f"Kenya \u2014 {BUSY:,} operations: ")
    assert words.endswith(f"and {len(ran) - 10:,} more")
    assert sum(html.escape(key) in words for key in ran) == 10
    assert "<i>" not in words  # names stay text
    assert tooltips["FRA"] == "France \u2014 No operations"


def test_figure_tooltips_add_the_figure_as_worded(boundaries):
    operation = Operation(
        name="Libertad",
        year=2018,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        victims=parse_figure("nearly 350"),
    )
    map_data = prepare_map_data([operation], boundaries, metric="victims")
    assert country_tooltips(map_data)["CIV"] == (
        "Côte d&#39;Ivoire \u2014 1 operation: Libertad 2018<br>"
        "Victims (single-country operations only): nearly 350"
    )


@pytest.mark.parametrize(
    ("language", "civ", "nga"),
    [
        (
            "en",
            "Victims (single-country operations only): at least 76 (1 of 2)",
            "Victims (single-country operations only): not reported (0 of 1)",
        ),
        (
            "fr",
            "Victimes (opérations dans un seul pays uniquement)\u00a0: au moins 76 (1 sur 2)",
            "Victimes (opérations dans un seul pays uniquement)\u00a0: non communiqué (0 sur 1)",
        ),
    ],
)
def test_a_countrys_figure_says_how_many_of_the_operations_it_ran_alone_gave_it(
    boundaries, language, civ, nga
):
    # "Victims: at least 76" stood under "3 operations", one of them Epervier, "nearly 500"
    # with Mali: it said neither which operations it was of nor how many gave it, where
    # opmap summary says "at least 76 (1 of 2)" of the operations the country ran alone.
    with use_language(language):
        map_data = prepare_map_data(alone_and_shared(), boundaries, metric="victims")
        tooltips = country_tooltips(map_data)
    assert tooltips["CIV"].endswith(f"<br>{civ}")
    assert tooltips["NGA"].endswith(f"<br>{nga}")
    assert "500" not in tooltips["CIV"]  # Epervier's figure stays the operation's


def test_a_country_in_multi_country_operations_only_has_no_figure_not_one_not_given(
    boundaries,
):
    # Epervier gave "nearly 500" for five countries: Chad's tooltip said "Victims: not given".
    from records import operation

    epervier = operation("Epervier", 2017, [("TCD", "Chad"), ("MLI", "Mali")], victims="nearly 500")
    sawiyan = operation("Sawiyan", 2018, [("SDN", "Sudan")])
    tooltips = country_tooltips(prepare_map_data([epervier, sawiyan], boundaries, metric="victims"))
    assert tooltips["TCD"].endswith("<br>No figure from a single-country operation")
    # Sudan ran Sawiyan alone, and it gave none: said as opmap summary says it
    assert tooltips["SDN"].endswith(
        "<br>Victims (single-country operations only): not reported (0 of 1)"
    )


def test_units_carry_the_class_colour_of_their_country(busy_map):
    features = decode_units(choropleth_units(busy_map))["features"]
    fills = {f["id"]: f["properties"]["fill"] for f in features}
    assert fills["KEN"] == busy_map.classes.color_of(BUSY)
    assert fills["FRA"] == busy_map.classes.color_of(None)

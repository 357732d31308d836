"""The countries of the HTML map: their fills, roles and tooltips, as data for the page."""

from __future__ import annotations

import html

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.choropleth import choropleth_units, country_tooltips
from opmap.draw.interactive.encoding import decode_units
from opmap.figures import parse_figure
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
        "Côte d&#39;Ivoire \u2014 1 operation: Libertad 2018<br>Victims: nearly 350"
    )


def test_a_country_in_multi_country_operations_only_has_no_figure_not_one_not_given(
    boundaries,
):
    # Epervier gave "nearly 500" for five countries: Chad's tooltip said "Victims: not given".
    from records import operation

    epervier = operation("Epervier", 2017, [("TCD", "Chad"), ("MLI", "Mali")], victims="nearly 500")
    sawiyan = operation("Sawiyan", 2018, [("SDN", "Sudan")])
    tooltips = country_tooltips(prepare_map_data([epervier, sawiyan], boundaries, metric="victims"))
    assert tooltips["TCD"].endswith("<br>No figure from a single-country operation")
    assert tooltips["SDN"].endswith("<br>No figure from a single-country operation")


def test_units_carry_the_class_colour_of_their_country(busy_map):
    features = decode_units(choropleth_units(busy_map))["features"]
    fills = {f["id"]: f["properties"]["fill"] for f in features}
    assert fills["KEN"] == busy_map.classes.color_of(BUSY)
    assert fills["FRA"] == busy_map.classes.color_of(None)

"""The HTML map's year control, without a browser: its markup, its words and the classes per year.

What the control does in the page is tested in headless Chromium in test_timeline_browser.py.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import render_map
from opmap.draw.interactive.timeline import control_html, view_line
from opmap.read.operations import Operation


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_control_is_a_native_range_with_play_and_two_modes():
    parser = _Controls()
    parser.feed(control_html([2014, 2015, 2016]))
    ranges = [a for t, a in parser.tags if t == "input" and a.get("type") == "range"]
    assert ranges == [
        {
            "type": "range",
            "class": "opmap-year",
            "min": "2014",
            "max": "2017",
            "step": "1",
            "value": "2017",
        }
    ]
    (button,) = [a for t, a in parser.tags if t == "button"]
    assert button["aria-pressed"] == "false" and button["type"] == "button"
    radios = [a for t, a in parser.tags if t == "input" and a.get("type") == "radio"]
    assert [r["value"] for r in radios] == ["in", "upto"]
    assert "checked" in radios[0] and "checked" not in radios[1]


def test_one_year_gets_no_control(world, boundaries, operations):
    one_year = prepare_map_data(operations, boundaries, years=[2018])
    # the control's box class, in its data (the page's scripts name .opmap-timeline anyway)
    assert "opmap-panel opmap-timeline" not in render_map(one_year, generated=date(2024, 5, 1))
    assert "opmap-panel opmap-timeline" in render_map(world, generated=date(2024, 5, 1))


@pytest.mark.parametrize(
    ("mode", "year", "words"),
    [
        ("in", 2017, "1 operation in 2017"),
        ("upto", 2016, "3 operations up to 2016"),
        ("in", 2019, "No operations in 2019"),
        ("upto", 2013, "No operations up to 2013"),
    ],
)
def test_view_line(world, mode, year, words):
    assert view_line(world, mode, year) == words


def test_a_country_figure_up_to_the_last_year_is_the_all_years_figure(boundaries):
    # Nigeria: 94 in 2019, "nearly 350" in 2020, no figure in 2021. Its tooltips added the
    # years' figures their own way: "nearly 444" up to 2020 and up to 2021, where all years
    # said "about 440" (rounded; 2021's missing figure makes it a lower bound, then "about").
    from opmap.draw.interactive.timeline import timeline_data
    from opmap.figures import parse_figure

    nigeria, name, nearly_350 = ("NGA",), ("Nigeria",), parse_figure("nearly 350")
    ops = [
        Operation("A", 2019, countries=nigeria, country_names=name, victims=parse_figure("94")),
        Operation("B", 2020, countries=nigeria, country_names=name, victims=nearly_350),
        Operation("C", 2021, countries=nigeria, country_names=name),
        Operation("D", 2021, countries=("GHA",), country_names=("Ghana",)),
    ]
    victims = prepare_map_data(ops, boundaries, metric="victims")
    data = timeline_data(victims)
    figures = data["figures"]
    all_years = victims.coverage.set_index("iso_a3").loc["NGA", "victims"]
    assert str(all_years) == "about 440"
    # each view's figure says how many of the operations it ran alone gave it, as all years'
    assert figures["upto:2021"]["NGA"] == [440.0, "about 440 (2 of 3)"]
    # 94 + nearly 350, rounded up to stay an upper bound, as the coverage table rounds it
    assert figures["upto:2020"]["NGA"] == [450.0, "nearly 450"]
    assert figures["in:2019"]["NGA"] == [94.0, "94"]
    # its only operation that year gave no figure: no colour, and said so
    assert figures["in:2021"]["NGA"] == [None, "not reported (0 of 1)"]
    assert data["words"]["figure"] == "Victims (single-country operations only): {value}"

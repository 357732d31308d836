"""The map's pieces of HTML, rendered from templates: data placed in them stays text."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.fragments import (
    country_tooltip_html,
    info_html,
    label_html,
    legend_html,
    source_link,
    unmapped_html,
)
from opmap.read.boundaries import load_boundaries
from opmap.read.operations import Operation

PWN = '<img src=x onerror="window.__pwned=1">'


class _Text(HTMLParser):
    """The tags of a fragment and its text, as a browser would read them."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.words.append(data)


def _read(markup: str) -> _Text:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("source", "is_link"),
    [
        ("https://www.interpol.int/x", True),
        ("http://example.org/a?b=1&c=2", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("www.example.org", False),
        ("", False),
    ],
)
def test_only_http_sources_become_links(source, is_link):
    markup = source_link(source)
    assert markup.startswith("<a ") is is_link
    if is_link:
        assert 'rel="noopener noreferrer"' in markup and 'target="_blank"' in markup
    assert "<b>" not in markup


@pytest.fixture(scope="module")
def hostile_map():
    hostile = Operation(name=PWN, year=2018, countries=("CIV",), country_names=(PWN,))
    unmapped = Operation(name=PWN, year=2017, countries_total=3)
    return prepare_map_data([hostile, unmapped], load_boundaries(), names=[PWN])


def test_info_panel_keeps_data_as_text(hostile_map):
    parsed = _read(info_html(hostile_map, date(2024, 5, 1), notes=[PWN]))
    assert "img" not in parsed.tags and parsed.tags[:2] == ["h1", "p"]
    assert PWN in "".join(parsed.words)
    assert "Generated 2024-05-01" in "".join(parsed.words)


def test_unmapped_panel_counts_and_keeps_data_as_text(hostile_map):
    parsed = _read(unmapped_html(hostile_map.unmapped))
    assert "img" not in parsed.tags and parsed.tags.count("li") == 1
    assert f"{PWN} 2017, 3 countries, none named" in parsed.words
    assert "Not on the map (1)" in parsed.words


def test_legend_lists_each_class_and_the_marker(hostile_map):
    parsed = _read(legend_html(hostile_map))
    words = [w for w in parsed.words if w.strip()]
    assert words[0] == "Operations per country"
    assert words[1:] == [*hostile_map.classes.labels, "No operations", "Operation"]
    assert "svg" not in parsed.tags  # the gap hatch only on a regional map


def test_tooltip_and_label_escape_their_words():
    assert country_tooltip_html(PWN, "a & b") == (
        "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;<br>a &amp; b"
    )
    assert country_tooltip_html("France") == "France"
    assert label_html("Operations <2018>") == "Operations &lt;2018&gt;"

"""Tests for what makes the HTML pages self-contained and safe: JSON written into scripts."""

from __future__ import annotations

import json

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import render_map
from opmap.draw.interactive.offline import script_json
from opmap.read.boundaries import load_boundaries
from opmap.read.operations import Operation, read_operations

TEMPLATE_CODE = "Op {{ 7*7 }} {% if true %}x{% endif %} {# hidden #} {{{ 1 }}}"


@pytest.mark.parametrize(
    "value",
    [
        TEMPLATE_CODE,
        {"name": "{{ cycler.__init__ }}", "list": ["{%", "{#", "{{{", "{ {", "{}"]},
        "</script><script>alert(1)</script> & \u2028",
    ],
)
def test_script_json_reads_back_and_opens_no_tag(value):
    text = script_json(value)
    assert json.loads(text) == value
    for opener in ("{{", "{%", "{#", "<", ">", "&"):
        assert opener not in text


def test_template_code_in_a_csv_field_is_not_run():
    # branca compiles rendered scripts as jinja2 templates: "{{ 7*7 }}" used to become "49".
    operation = Operation(
        name=TEMPLATE_CODE,
        year=2018,
        countries=("CIV",),
        country_names=("Côte d'Ivoire",),
        summary="{{ 6*7 }}",
    )
    map_data = prepare_map_data([operation], load_boundaries(), names=[TEMPLATE_CODE])
    page = render_map(map_data)
    assert script_json(TEMPLATE_CODE)[:-1] in page  # the key adds the year after the name
    assert "Op 49" not in page and ">42<" not in page


def test_a_deferred_text_comes_back_in_its_place_and_nowhere_else():
    import folium

    from opmap.draw.interactive.offline import defer, fill_deferred

    folium_map = folium.Map()
    data = '{"operations":[["{{ not a template }}","opmap_deferred_0"]]}'
    token = defer(folium_map, data)
    other = defer(folium_map, "[2]")
    assert token != other and data not in token
    # A CSV value written as an earlier token's text is left as it is: tokens are random.
    page = f"<p>opmap_deferred_0</p><script>f({token}, {other});</script>"
    parts = fill_deferred(folium_map, page)
    assert "".join(parts) == f"<p>opmap_deferred_0</p><script>f({data}, [2]);</script>"
    assert data in parts  # kept whole, not copied into a larger string
    with pytest.raises(RuntimeError, match="tokens left out of the page"):
        fill_deferred(folium_map, "<script>f();</script>")


def test_the_map_page_carries_its_operations_and_no_token():
    operations = read_operations()
    page = render_map(prepare_map_data(operations, load_boundaries()))
    assert "opmap_deferred_" not in page
    for operation in operations:
        if operation.is_mapped:
            assert json.dumps(operation.key, ensure_ascii=False)[1:-1] in page

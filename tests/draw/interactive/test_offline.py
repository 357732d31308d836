"""Tests for what makes the HTML pages self-contained and safe: JSON written into scripts."""

from __future__ import annotations

import json

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import render_map
from opmap.draw.interactive.offline import script_json
from opmap.read.boundaries import load_boundaries
from opmap.read.operations import Operation

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

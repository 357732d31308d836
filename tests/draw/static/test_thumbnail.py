"""A region's small map: its gaps hatched, and only states are gaps."""

from __future__ import annotations

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.thumbnail import draw_region_thumbnail, write_region_thumbnail
from opmap.read.boundaries import load_boundaries, load_country_points
from opmap.read.operations import read_operations


@pytest.fixture(scope="module")
def americas():
    return prepare_map_data(
        read_operations(), load_boundaries(), points=load_country_points(), region="Americas"
    )


def _hatches(figure) -> dict[str, str | None]:
    ax = figure.axes[0]
    return {patch.get_gid(): patch.get_hatch() for patch in ax.patches if patch.get_gid()}


def test_the_states_not_named_are_hatched_and_the_territories_are_not(americas):
    hatches = _hatches(draw_region_thumbnail(americas))
    assert hatches["ARG"] and hatches["USA"]  # states named in no operation: gaps
    # territories named in no operation are not in the denominator: not drawn as gaps
    for territory in ("GLP", "MTQ", "GUF", "GRL", "FLK"):
        assert not hatches[territory], territory
    assert not hatches["BRA"]  # named: coloured by its class, not hatched


def test_the_thumbnail_is_written_as_a_png(americas, tmp_path):
    path = write_region_thumbnail(americas, tmp_path / "americas.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

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


def test_outlines_simplified_once_draw_the_same_small_map(americas, tmp_path):
    """The pack's small maps draw outlines simplified once for all regions: same picture."""
    import numpy as np
    import shapely
    from PIL import Image

    from opmap.draw.static.thumbnail import thumbnail_outlines

    boundaries = load_boundaries()
    outlines = thumbnail_outlines(boundaries)
    assert set(outlines) == set(boundaries["iso_a3"])
    full = shapely.get_num_coordinates(boundaries.geometry.values).sum()
    assert shapely.get_num_coordinates(list(outlines.values())).sum() < full / 2
    assert not [code for code, outline in outlines.items() if outline.is_empty]  # islands kept
    pictures = [
        np.asarray(Image.open(path).convert("RGB"), dtype=int)
        for path in (
            write_region_thumbnail(americas, tmp_path / "full.png"),
            write_region_thumbnail(americas, tmp_path / "simple.png", outlines=outlines),
        )
    ]
    changed = np.abs(pictures[0] - pictures[1]).max(axis=2) > 64
    assert changed.mean() < 0.01  # a few border pixels
    hatches = _hatches(draw_region_thumbnail(americas, outlines=outlines))
    assert hatches["ARG"] and not hatches["BRA"] and not hatches["GUF"]

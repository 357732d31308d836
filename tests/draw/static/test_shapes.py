"""The map on a static image: its legend never covers what took part, checked on the artists."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from matplotlib.patches import PathPatch
from matplotlib.transforms import Bbox
from paths import TEST_DATA

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import plot_map
from opmap.read.inputs import load_inputs

GENERATED = date(2024, 1, 1)


@pytest.fixture(scope="module")
def every_corner():
    """Eight operations whose frame has a participant or a marker in each of its corners.

    Taiwan and the Golf 2021 marker sat under the legend, its words over them.
    """
    inputs = load_inputs(TEST_DATA / "print" / "every-corner.csv")
    return prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)


def _legend_box(figure) -> Bbox:
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    (legend,) = legends + figure.legends
    return legend.get_window_extent(figure.canvas.get_renderer())


def _maps(figure):
    return [ax for ax in figure.axes if (ax.get_gid() or "").startswith("map")]


def _participants(map_data) -> set[str]:
    coverage = map_data.coverage
    return set(coverage.loc[coverage["operations"] > 0, "iso_a3"])


def _dots_under(ax, gids, box: Bbox) -> list[str]:
    """The markers (and small countries' dots) of ``ax`` a display ``box`` touches."""
    under = []
    for collection in ax.collections:
        if collection.get_gid() not in gids:
            continue
        centres = collection.get_offset_transform().transform(collection.get_offsets())
        radii = np.sqrt(collection.get_sizes()) / 2 * ax.figure.dpi / 72
        for (x, y), radius in zip(centres, np.broadcast_to(radii, len(centres)), strict=True):
            dx = max(box.x0 - x, 0, x - box.x1)
            dy = max(box.y0 - y, 0, y - box.y1)
            if np.hypot(dx, dy) < radius:
                under.append(f"{collection.get_gid()} at ({x:.0f}, {y:.0f})")
    return under


# The default page has room beside the map; a low one only a row under it.
@pytest.mark.parametrize("size", [None, "17x6cm"])
def test_with_no_free_corner_the_legend_covers_no_participant_and_no_marker(every_corner, size):
    map_data = every_corner
    figure = plot_map(map_data, generated=GENERATED, size=size)
    legend = _legend_box(figure)
    assert figure.bbox.x0 <= legend.x0 and legend.x1 <= figure.bbox.x1  # on the paper
    taking_part = _participants(map_data)
    renderer = figure.canvas.get_renderer()
    hidden = []
    for ax in _maps(figure):
        # A country's shape is drawn clipped to its map: only the part inside can be hidden.
        shown = Bbox.intersection(legend, ax.get_window_extent(renderer))
        if shown is None or shown.width <= 0 or shown.height <= 0:
            continue
        for patch in ax.patches:
            if isinstance(patch, PathPatch) and patch.get_gid() in taking_part:
                drawn = patch.get_path().transformed(patch.get_transform())
                if drawn.intersects_bbox(shown, filled=True):
                    hidden.append(patch.get_gid())
        hidden += _dots_under(ax, {"markers", "small-countries"}, shown)
    assert not hidden, f"the legend {legend} covers {hidden}"


@pytest.mark.parametrize("size", ["6x12cm", "6x10cm"])
def test_on_a_page_a_column_wide_the_key_and_the_source_stay_in_their_room(every_corner, size):
    # At 6 x 10 cm the passes went 0, 1, 3 numbered labels and drew a key of 8 in the room of 3,
    # over the legend's "Operation"; the source line ran off the paper's right edge.
    from opmap.errors import InvalidOption

    try:
        figure = plot_map(every_corner, size=size, generated=GENERATED)
    except InvalidOption as refused:  # too small for the key it needs: say so, draw nothing
        assert "choose a larger --size" in str(refused)
        return
    renderer = figure.canvas.get_renderer()
    legend = figure.findobj(lambda a: (a.get_gid() or "").startswith("legend"))
    key = figure.findobj(lambda a: a.get_gid() == "key-box")
    boxes = [a.get_window_extent(renderer) for a in legend]
    assert not [k for k in key if any(k.get_window_extent(renderer).overlaps(b) for b in boxes)]
    (source,) = figure.findobj(lambda a: a.get_gid() == "source")
    assert source.get_window_extent(renderer).x1 <= figure.bbox.width

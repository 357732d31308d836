"""The free room for labels: a label's box at a spot, worked out from one measurement."""

from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from opmap.draw.static.placer import Boxes, Placer, _spots

ALIGNMENTS = [(a, u) for a in ("left", "center", "right") for u in ("bottom", "center", "top")]


@pytest.fixture
def ax():
    figure, ax = plt.subplots(figsize=(4, 3), dpi=300)
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    yield ax
    plt.close(figure)


@pytest.mark.parametrize("words", ["Haiti", "Saint Vincent and the\n   Grenadines", "مالي"])
@pytest.mark.parametrize(("across", "up"), ALIGNMENTS)
def test_a_box_worked_out_is_the_box_measured(ax, words, across, up):
    label = ax.text(0, 0, words, fontsize=6.5, bbox={"boxstyle": "square,pad=0.05"})
    boxes = Boxes(label, ax, ax.figure.canvas.get_renderer())
    point = (312.25, 401.5)
    worked_out = boxes.at(across, up, point)
    boxes.put(across, up, point)
    measured = label.get_window_extent(ax.figure.canvas.get_renderer()).extents
    np.testing.assert_allclose(worked_out, measured, atol=1e-6)


def test_a_label_takes_the_nearest_free_spot_and_keeps_clear_of_what_is_taken(ax):
    renderer = ax.figure.canvas.get_renderer()
    anchor = tuple(ax.transData.transform((5, 5)))
    first = ax.text(0, 0, "Niger", fontsize=8)
    placer = Placer(ax)
    assert placer.place(first, anchor)
    # The first spot tried: right of the anchor, 4 points away, centred on it.
    assert first.get_horizontalalignment() == "left"
    taken = first.get_window_extent(renderer)
    assert taken.x0 == pytest.approx(anchor[0] + 4 * 300 / 72, abs=0.01)
    second = ax.text(0, 0, "Niger", fontsize=8)
    assert placer.place(second, anchor)
    assert not second.get_window_extent(renderer).overlaps(taken)
    assert second.get_horizontalalignment() == "right"  # the next nearest: left of the anchor


def test_a_label_with_no_free_spot_is_refused(ax):
    anchor = tuple(ax.transData.transform((5, 5)))
    placer = Placer(ax, blocked=[ax.get_window_extent(ax.figure.canvas.get_renderer())])
    assert not placer.place(ax.text(0, 0, "Mali", fontsize=8), anchor)
    assert len(placer.taken) == 1 and not placer.leaders


def test_spots_are_tried_nearest_first():
    distances = [distance for distance, _ in _spots((4, 12))]
    assert distances == sorted(distances) and len(distances) == 32

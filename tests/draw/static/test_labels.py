"""Labels: every operation and participating country named, none overlapping another."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import plot_map
from opmap.draw.static.labels import MAX_LABELLED
from opmap.read.inputs import load_inputs

GENERATED = date(2024, 1, 1)
_LABEL_IDS = ("operation-label-", "country-label-")


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


@pytest.fixture(scope="module")
def bundled(inputs):
    return prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)


def _panels(figure):
    """The map's panels: the bundled data's two groups are drawn side by side."""
    return [ax for ax in figure.axes if ax.get_gid() not in ("locator", "legend-column")]


def _map_axes(figure):
    (ax,) = _panels(figure)
    return ax


def _labels(figure, prefix):
    return [
        t
        for ax in _panels(figure)
        for t in ax.texts
        if (t.get_gid() or "").startswith(prefix) and t.get_visible()
    ]


def _key_text(figure) -> str:
    """The key under the map, and the numbers an inset explains beside it (unwrapped)."""
    texts = [*figure.texts, *(t for ax in figure.axes for t in ax.texts)]
    return "\n".join(
        t.get_text().replace("\n   ", " ") for t in texts if (t.get_gid() or "").startswith("key-")
    )


def _assert_apart(figure, labels):
    renderer = figure.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in labels]
    for i, (name, extent) in enumerate(boxes):
        for other, other_extent in boxes[i + 1 :]:
            assert not extent.overlaps(other_extent), (name, other)


def test_every_operation_and_participant_is_named_once(bundled):
    figure = plot_map(bundled, generated=GENERATED)
    names = [t.get_text() for t in _labels(figure, "operation-label-")]
    # a long name with no room on one line is on two: "Saint Vincent and\nthe Grenadines"
    names += [t.get_text().replace("\n", " ") for t in _labels(figure, "country-label-")]
    key = _key_text(figure)
    participants = bundled.coverage.loc[bundled.coverage["operations"] > 0, "name"]
    for name in [*bundled.markers, *participants]:
        assert names.count(name) + key.count(f"  {name}") == 1, name


def test_labels_overlap_nothing_and_small_countries_get_leaders(bundled):
    figure = plot_map(bundled, generated=GENERATED)
    labels = _labels(figure, "operation-label-") + _labels(figure, "country-label-")
    _assert_apart(figure, labels)
    leaders = [a for ax in _panels(figure) for a in ax.lines if isinstance(a, Line2D)]
    assert any(line.get_gid() == "leader" for line in leaders)  # the Caribbean islands


def test_labels_stay_inside_the_map(bundled):
    """Inside their panel; an inset's names may also go in the white room beside it."""
    figure = plot_map(bundled, generated=GENERATED)
    renderer = figure.canvas.get_renderer()
    (column,) = [ax for ax in figure.axes if ax.get_gid() == "legend-column"]
    (legend,) = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    panels = [ax.get_window_extent(renderer) for ax in _panels(figure)]
    for ax in _panels(figure):
        frame = ax.get_window_extent(renderer)
        inset = ax.get_gid().startswith("map-inset")
        if inset:  # the inset over the top of the legend column
            frame = Bbox.union([frame, column.get_window_extent(renderer)])
        for label in [t for t in ax.texts if (t.get_gid() or "").startswith(_LABEL_IDS)]:
            extent = label.get_window_extent(renderer)
            assert frame.x0 <= extent.x0 and extent.x1 <= frame.x1, label.get_text()
            assert frame.y0 <= extent.y0 and extent.y1 <= frame.y1, label.get_text()
            if inset:
                assert not extent.overlaps(legend.get_window_extent(renderer)), label.get_text()
                others = [p for p in panels if p != ax.get_window_extent(renderer)]
                assert not any(extent.overlaps(p) for p in others), label.get_text()


def test_crowded_markers_get_numbers_and_a_key(inputs):
    sawiyan = next(op for op in inputs.operations if op.name == "Sawiyan")
    crowd = [replace(sawiyan, name=f"Operation number {i}") for i in range(30)]
    figure = plot_map(prepare_map_data(crowd, inputs.boundaries), generated=GENERATED)
    labels = _labels(figure, "operation-label-")
    assert len(labels) >= 25  # a few numbers may find no room; their key entries name them
    _assert_apart(figure, labels)
    numbered = [t.get_text() for t in labels if t.get_text().isdigit()]
    assert numbered, "30 labels around one point should not all fit"
    key = _key_text(figure)
    for number in numbered:
        assert f"{number}  Operation number" in key
    named = {t.get_text() for t in labels} | set(key.split("\n"))
    for i in range(30):
        name = f"Operation number {i} 2018"
        assert name in named or any(line.endswith(f"  {name}") for line in named), name


def test_many_markers_are_drawn_but_not_labelled(inputs):
    sawiyan = next(op for op in inputs.operations if op.name == "Sawiyan")
    many = [
        replace(sawiyan, name=f"Op {i}", lat=10.0 + i % 7, lon=24.0 + i // 7)  # in Sudan, apart
        for i in range(MAX_LABELLED + 1)
    ]
    figure = plot_map(prepare_map_data(many, inputs.boundaries), generated=GENERATED)
    assert not _labels(figure, "operation-label-")
    (markers,) = [c for c in _map_axes(figure).collections if c.get_gid() == "markers"]
    assert len(markers.get_offsets()) == MAX_LABELLED + 1
    # The map says why none is named (the README promises every operation named, up to 40).
    (subtitle,) = [t.get_text() for t in figure.texts if t.get_gid() == "subtitle"]
    assert subtitle.endswith(" \u00b7 41 operations on the map, too many to name there")
    fewer = plot_map(prepare_map_data(many[:-1], inputs.boundaries), generated=GENERATED)
    (subtitle,) = [t.get_text() for t in fewer.texts if t.get_gid() == "subtitle"]
    assert "too many" not in subtitle


def _luminance(rgb) -> float:
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def test_every_name_reads_on_the_darkest_class(inputs):
    # "Russia" in grey on the darkest red read at 1.2:1: a name on its own country had no box.
    from matplotlib.colors import to_rgb

    russia = [op for op in inputs.operations if "RUS" in op.countries] or [
        replace(inputs.operations[0], countries=("RUS",), country_names=("Russia",))
    ]
    data = prepare_map_data(russia[:1], inputs.boundaries, points=inputs.points)
    figure = plot_map(data, generated=GENERATED)
    labels = _labels(figure, "country-label-") + _labels(figure, "operation-label-")
    assert any(t.get_text() == "Russia" for t in labels)
    darkest = (0.0, 0.0, 0.0)  # behind the box: any class, or worse
    for label in labels:
        box = label.get_bbox_patch()
        assert box is not None, label.get_text()
        alpha = box.get_alpha()
        face = to_rgb(box.get_facecolor())
        seen = [alpha * w + (1 - alpha) * d for w, d in zip(face, darkest, strict=True)]
        darker, lighter = sorted([_luminance(seen), _luminance(to_rgb(label.get_color()))])
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5, label.get_text()

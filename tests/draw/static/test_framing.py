"""Framing: the map shows what took part, in an equal-area projection, with a world locator."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from matplotlib.colors import to_rgb
from PIL import Image

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.framing import frame_map, frame_panels
from opmap.draw.static.image import plot_map
from opmap.draw.static.writing import save_figure
from opmap.read.inputs import load_inputs

GENERATED = date(2024, 1, 1)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


@pytest.fixture(scope="module")
def bundled(inputs):
    return prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)


def _panels(figure):
    return [ax for ax in figure.axes if (ax.get_gid() or "").startswith("map")]


def _locator(figure):
    (locator,) = [c for ax in figure.axes for c in ax.child_axes if c.get_gid() == "locator"]
    return locator


def class_colour_share(figure, map_data, path) -> float:
    """Share of the map panels' pixels in the PNG that have a class colour (the participants).

    Only the panels count (on a world view the legend's swatches inside it count too); borders,
    labels and markers drawn over a participant are not its colour, so this is a little less
    than the area drawn.
    """
    save_figure(figure, path, dpi=150, fmt="png")
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("RGB")).astype(int)
    height, width, _ = pixels.shape
    coloured = np.zeros((height, width), dtype=bool)
    for colour in map_data.classes.colors:
        coloured |= np.abs(pixels - np.array(to_rgb(colour)) * 255).sum(axis=2) <= 6
    panels = np.zeros((height, width), dtype=bool)
    for ax in _panels(figure):
        x0, y0, x1, y1 = ax.get_position().extents
        panels[
            round((1 - y1) * height) : round((1 - y0) * height),
            round(x0 * width) : round(x1 * width),
        ] = True
    return (coloured & panels).sum() / panels.sum()


def test_the_participants_fill_far_more_of_the_map_than_on_the_world_view(bundled, tmp_path):
    framed_figure = plot_map(bundled, generated=GENERATED)
    framed = class_colour_share(framed_figure, bundled, tmp_path / "framed.png")
    world_figure = plot_map(bundled, generated=GENERATED, world=True)
    world = class_colour_share(world_figure, bundled, tmp_path / "world.png")
    print(f"participating countries: {framed:.1%} of the framed map, {world:.1%} of the world")
    # Each group cropped to itself at its own scale (a scale bar each), the Americas at full
    # height, the Sahel on top of the legend and locator: 28.1% of the panels' pixels (two
    # panels at one scale: 15.6%; one frame across the Atlantic: 10.6%). Not the third issue
    # 15 hoped for: the participants cover only 23% of the tightest box round the Americas
    # group (Belize, Turks and Caicos and southern Brazil set its corners), against 43% of the
    # Sahel's. Cutting the Caribbean into a third panel reached 24%: the islands' strip is sea.
    assert len(_panels(framed_figure)) == 2
    assert framed > 0.27
    assert framed > 10 * world


def test_distant_groups_get_a_panel_each_in_their_own_projection(bundled):
    americas, africa = frame_panels(bundled)
    coverage = bundled.coverage
    for frame, members, lon in (
        (americas, ("BRA", "TCA", "BLZ"), -61),
        (africa, ("SDN", "SEN", "CIV"), 10),
    ):
        assert frame.crs.to_dict()["proj"] == "laea"
        assert abs(frame.crs.to_dict()["lon_0"] - lon) < 5
        minx, miny, maxx, maxy = frame.view
        for iso3 in members:
            row = int(np.flatnonzero(coverage["iso_a3"] == iso3)[0])
            assert frame.names(row), iso3
            sx0, sy0, sx1, sy1 = frame.geometries.iloc[row].bounds
            assert minx <= sx0 and sx1 <= maxx and miny <= sy0 and sy1 <= maxy, iso3
    assert not americas.named & africa.named
    assert americas.names("Libertad 2018") and africa.names("Sawiyan 2018")


def test_a_region_is_framed_on_its_participants_in_one_panel(inputs):
    americas = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points, region="Americas"
    )
    (frame,) = frame_panels(americas)
    minx, _, maxx, _ = frame.view
    assert maxx - minx < 8e6  # the Caribbean and Brazil, not Alaska to Tierra del Fuego


def test_frame_is_lambert_azimuthal_equal_area_centred_on_the_extent(bundled):
    frame = frame_map(bundled)
    assert frame.regional
    assert frame.crs.to_dict()["proj"] == "laea"
    lon0, lat0 = frame.crs.to_dict()["lon_0"], frame.crs.to_dict()["lat_0"]
    assert -50 < lon0 < 0 and -20 < lat0 < 15  # the Atlantic between the Caribbean and Sudan
    minx, miny, maxx, maxy = frame.view
    for iso3 in ("BRA", "SDN", "TCA", "SEN", "CIV"):  # every participant inside the view
        shape = frame.geometries[bundled.coverage["iso_a3"] == iso3].iloc[0]
        sx0, sy0, sx1, sy1 = shape.bounds
        assert minx <= sx0 and sx1 <= maxx and miny <= sy0 and sy1 <= maxy, iso3


def test_world_option_keeps_equal_earth_and_no_locator(bundled):
    frame = frame_map(bundled, world=True)
    assert not frame.regional and frame.crs.to_epsg() == 8857
    figure = plot_map(bundled, generated=GENERATED, world=True)
    (panel,) = _panels(figure)
    assert not any(ax.get_gid() == "locator" for ax in panel.child_axes)


def test_the_locator_outlines_both_panels(bundled):
    figure = plot_map(bundled, generated=GENERATED)
    locator = _locator(figure)
    # Beside the panels when they leave a column free; with every operation of the bundled
    # data on the map (no "Not on the map" box under it) the panels take the full height and
    # width, and the locator goes into the emptier one.
    assert locator.axes.get_gid() in ("legend-column", "map-2")
    world_width = locator.get_xlim()[1] - locator.get_xlim()[0]
    outlines = {p.get_gid(): p for p in locator.patches if p.get_gid()}
    centres = []
    for gid in ("locator-frame", "locator-frame-2"):
        x0, _, x1, _ = outlines[gid].get_path().get_extents().extents
        assert x1 - x0 < 0.4 * world_width, gid
        centres.append((x0 + x1) / 2)
    assert centres[0] < -3e6  # the Americas first, on the Equal Earth world...
    assert -1e6 < centres[1] < 3e6  # ...then Africa


def test_one_small_country_still_shows_its_neighbours(inputs):
    sawiyan = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points, names=["Sawiyan"]
    )
    minx, _, maxx, _ = frame_map(sawiyan).view
    assert maxx - minx >= 3_000_000


def test_operations_on_opposite_sides_of_the_world_use_the_world_projection(inputs):
    from dataclasses import replace

    sawiyan = next(op for op in inputs.operations if op.name == "Sawiyan")
    far = [sawiyan, replace(sawiyan, name="Pacific", countries=("FJI",), country_names=("Fiji",))]
    far_apart = prepare_map_data(far, inputs.boundaries, points=inputs.points)
    frame = frame_map(far_apart)
    assert frame.crs.to_epsg() == 8857

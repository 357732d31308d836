"""Framing: the map shows what took part, in an equal-area projection, with a world locator."""

from __future__ import annotations

from datetime import date

import pytest
import shapely
from matplotlib.patches import PathPatch
from shapely.geometry import Polygon, box

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.framing import frame_map
from opmap.draw.static.image import plot_map
from opmap.read.inputs import load_inputs

GENERATED = date(2024, 1, 1)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


@pytest.fixture(scope="module")
def bundled(inputs):
    return prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)


def _map_axes(figure):
    (ax,) = [ax for ax in figure.axes if ax.get_gid() != "locator"]
    return ax


def participating_share(figure, map_data) -> float:
    """Share of the map's frame that participating countries' patches cover, as drawn."""
    ax = _map_axes(figure)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    view = box(x0, y0, x1, y1)
    codes = set(map_data.coverage.loc[map_data.coverage["operations"] > 0, "iso_a3"])
    covered = 0.0
    for patch in ax.patches:
        if not isinstance(patch, PathPatch) or patch.get_gid() not in codes:
            continue
        for ring in patch.get_path().to_polygons():
            area = shapely.make_valid(Polygon(ring)).intersection(view).area
            covered += area if shapely.is_ccw(shapely.LinearRing(ring)) else -area
    return covered / view.area


def test_the_frame_is_filled_far_more_than_the_world_view(bundled):
    framed = participating_share(plot_map(bundled, generated=GENERATED), bundled)
    world = participating_share(plot_map(bundled, generated=GENERATED, world=True), bundled)
    print(f"participating countries: {framed:.1%} of the framed map, {world:.1%} of the world")
    # The tight box around the participating countries is itself only 19% covered (the
    # Atlantic lies between them), so no single rectangular frame reaches a third.
    assert framed > 0.10
    assert framed > 4 * world


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
    assert not any(ax.get_gid() == "locator" for ax in _map_axes(figure).child_axes)


def test_regional_frame_has_a_locator_with_the_frame_outlined(bundled):
    figure = plot_map(bundled, generated=GENERATED)
    (locator,) = [ax for ax in _map_axes(figure).child_axes if ax.get_gid() == "locator"]
    (outline,) = [p for p in locator.patches if p.get_gid() == "locator-frame"]
    x0, y0, x1, y1 = outline.get_path().get_extents().extents
    assert -3.5e6 < (x0 + x1) / 2 < 0  # the Atlantic (about 25° W), on the Equal Earth world
    assert x1 - x0 < 0.5 * (locator.get_xlim()[1] - locator.get_xlim()[0])


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

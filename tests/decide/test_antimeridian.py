"""Where a regional map cuts the globe: Oceania, the Americas and Europe cross 180°."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from opmap.decide.antimeridian import seam, shifted_bounds, unwrap


def _region(boundaries, name):
    return boundaries.loc[boundaries["region_un"] == name, "geometry"].to_numpy()


@pytest.mark.parametrize(
    ("region", "west", "east"),
    [
        # Heard Island (73° E) to Pitcairn (128° W): Samoa and Tonga east of Fiji, not at -172.
        ("Oceania", 73, 232),
        # the Aleutians (172° E) to Greenland's east coast
        ("Americas", 172, 349),
        # the Azores to Chukotka (170° W, drawn at 190°)
        ("Europe", -31, 190),
    ],
)
def test_a_region_across_the_180th_meridian_is_framed_whole(boundaries, region, west, east):
    shapes = _region(boundaries, region)
    cut = seam(shapes)
    assert cut is not None
    minx, miny, maxx, maxy = shifted_bounds(shapes, cut)
    assert (round(minx), round(maxx)) == (west, east)
    assert maxx - minx < 230  # framed on -180..180, each showed the whole world
    uncut = shifted_bounds(shapes, None)
    assert uncut[2] - uncut[0] > 355


@pytest.mark.parametrize("region", ["Africa", "Asia"])
def test_a_region_that_does_not_cross_it_keeps_the_usual_cut(boundaries, region):
    shapes = _region(boundaries, region)
    assert seam(shapes) is None
    assert shifted_bounds(shapes, None) == tuple(
        boundaries.loc[boundaries["region_un"] == region].total_bounds
    )


def test_the_seam_is_the_middle_of_the_widest_gap():
    # land from 170 to 180 and from -180 to -150: the widest gap is -150..170, its middle 10
    shapes = [box(170, -10, 180, 0), box(-180, -10, -150, 0), box(-160, 5, -155, 6)]
    assert seam(shapes) == 10
    assert shifted_bounds(shapes, 10) == (170, -10, 210, 6)
    assert (unwrap(-172, 10), unwrap(178, 10), unwrap(10, 10)) == (188, 178, 10)
    assert unwrap(-172, None) == -172


def test_no_shape_no_seam():
    assert seam([]) is None
    assert seam([Point(0, 0).buffer(1).difference(Point(0, 0).buffer(2))]) is None

"""Tests for the compact encoding of the HTML map's shapes: encode, decode, in Python and in JS."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from browser import launch_browser
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Point, Polygon, box

from opmap.draw.assets import asset_text
from opmap.draw.interactive.encoding import ALPHABET, decode_units, encode_units
from opmap.draw.interactive.geometry import display_geometry
from opmap.read.boundaries import load_boundaries


def _frame(shapes) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(geometry=list(shapes), crs=4326)


def _decoded_shapes(units) -> list:
    return [shapely.geometry.shape(f["geometry"]) for f in decode_units(units)["features"]]


def _as_multi(shape):
    return MultiPolygon([shape]) if shape.geom_type == "Polygon" else shape


HOLED = Polygon(
    [(-10.25, -5.5), (12.75, -5.5), (12.75, 8.0), (-10.25, 8.0)],
    [[(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]],
)


@pytest.mark.parametrize(
    "shape",
    [
        box(-180, -90, 180, 90),
        HOLED,
        MultiPolygon([HOLED, box(100.01, 50.02, 100.03, 50.05)]),
        box(12.3456, 41.9001, 12.4567, 41.9102),  # Vatican-sized, four decimals
        box(0.1234567, 0.1, 0.2, 0.2),  # beyond six decimals: kept to six
    ],
)
def test_polygons_survive_the_round_trip(shape):
    units = encode_units(_frame([shape]), ["X"], [{"fill": "#fff"}])
    (decoded,) = _decoded_shapes(units)
    assert decoded.geom_type == "MultiPolygon"
    rounded = shapely.transform(_as_multi(shape), lambda xy: np.round(xy, 6))
    assert decoded.equals_exact(rounded, 1e-12)
    assert units[0][:2] == ["X", {"fill": "#fff"}]


def test_coordinates_on_a_grid_are_written_with_its_decimals():
    shapes = [
        box(1, 2, 3, 4),
        box(1.5, 2, 3, 4),
        box(1.25, 2.01, 3, 4),
        Point(0.001, -0.002),
        Point(0, -44.999999),
        Point(179.99, 12.3456789),
    ]
    units = encode_units(_frame(shapes), ["A", "B", "C", "D", "E", "F"])
    assert [unit[2] for unit in units] == [0, 1, 2, 3, 6, 6]


def test_points_rows_with_no_shape_and_the_order_of_units():
    frame = _frame([Point(-61.2, 13.9), None, Polygon(), box(0, 0, 1, 1)])
    units = encode_units(frame, ["VCT", "NONE", "EMPTY", "BOX"])
    assert [unit[0] for unit in units] == ["VCT", "BOX"]
    collection = decode_units(units)
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [-61.2, 13.9]}


def test_nothing_to_encode():
    assert encode_units(_frame([None, Polygon()]), ["A", "B"]) == []
    assert decode_units([]) == {"type": "FeatureCollection", "features": []}


def test_ids_and_properties_must_match_the_rows():
    with pytest.raises(ValueError, match="one entry per row"):
        encode_units(_frame([box(0, 0, 1, 1)]), ["A", "B"])


def test_rings_are_written_open_and_decoded_closed():
    (unit,) = encode_units(_frame([box(0, 0, 1, 1)]), ["X"])
    (ring,) = decode_units([unit])["features"][0]["geometry"]["coordinates"][0]
    assert len(ring) == 5 and ring[0] == ring[-1]


def test_encoded_text_is_safe_in_json_html_and_templates():
    shapes = [box(-179.99, -89.99, 179.99, 89.99), HOLED, Point(-0.123456, 51.5)]
    units = encode_units(_frame(shapes), ["A", "B", "C"])
    texts = [units[2][3]] + [ring for unit in units[:2] for polygon in unit[3] for ring in polygon]
    for text in texts:
        assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


grid_value = st.integers(min_value=-180_000_000, max_value=180_000_000)


@st.composite
def grid_boxes(draw):
    """Boxes with coordinates on a grid of 0 to 6 decimals, in the range of degrees."""
    step = 10 ** (6 - draw(st.integers(min_value=0, max_value=6)))  # in millionths
    low_x, high_x = sorted(
        v // step * step for v in draw(st.lists(grid_value, min_size=2, max_size=2))
    )
    low_y, high_y = sorted(
        v // 2 // step * step for v in draw(st.lists(grid_value, min_size=2, max_size=2))
    )
    high_x += step if high_x == low_x else 0
    high_y += step if high_y == low_y else 0
    return box(*(v / 1e6 for v in (low_x, low_y, high_x, high_y)))  # one division: on the grid


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            grid_boxes(),
            st.builds(
                lambda x, y: Point(x / 1e6, (y // 2) / 1e6),
                grid_value,
                grid_value,
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_round_trip_is_exact_on_grids(shapes):
    units = encode_units(_frame(shapes), [f"U{i}" for i in range(len(shapes))])
    for decoded, shape in zip(_decoded_shapes(units), shapes, strict=True):
        expected = shape if shape.geom_type == "Point" else _as_multi(shape)
        assert decoded.equals_exact(expected, 0), (decoded.wkt, expected.wkt)


@pytest.mark.browser
def test_javascript_decoder_matches_the_python_one():
    display = display_geometry(load_boundaries())
    shapes = display.geometry.to_numpy()
    dots = display.set_geometry(shapely.point_on_surface(shapes))
    frame = gpd.GeoDataFrame(
        geometry=[*shapes, *dots.geometry, HOLED, box(-180, -90, 180, 90), Point(-0.123456, 0)],
        crs=4326,
    )
    units = encode_units(
        frame, [f"U{i}" for i in range(len(frame))], [{"i": i} for i in range(len(frame))]
    )
    with launch_browser() as browser:
        page = browser.new_page()
        page.add_script_tag(content=asset_text("decode.js"))
        decoded = page.evaluate(
            "([units, alphabet]) => opmap.decodeUnits(units, alphabet)", [units, ALPHABET]
        )
    assert decoded == decode_units(units)

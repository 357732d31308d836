"""Tests for the display geometry: the bundled boundaries, simplified when built or on the fly."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point

from opmap import bundled
from opmap.draw.interactive.geometry import (
    DISPLAY_FILE,
    display_collection,
    display_geometry,
    simplify_units,
)
from opmap.read.boundaries import load_boundaries


@pytest.fixture(scope="module")
def boundaries() -> gpd.GeoDataFrame:
    return load_boundaries()


def test_precomputed_display_file_is_what_the_build_writes_now(boundaries):
    written = bundled.countries_path().with_name(DISPLAY_FILE).read_text(encoding="utf-8")
    fresh = display_collection(boundaries.geometry.to_numpy(), boundaries["iso_a3"])
    assert written == fresh, "run scripts/build_countries.py to rebuild it"


def test_bundled_display_equals_a_fresh_simplification(boundaries):
    display = display_geometry(boundaries)
    shapes, refined = simplify_units(boundaries.geometry.to_numpy())
    assert all(a.equals_exact(b, 0) for a, b in zip(display.geometry, shapes, strict=True))
    assert (display["refined"].to_numpy() == refined).all()


def test_other_boundaries_are_simplified_on_the_fly(boundaries):
    moved = boundaries.copy()
    moved.loc[moved["iso_a3"] == "FRA", "geometry"] = shapely.affinity.translate(
        moved.geometry[moved["iso_a3"] == "FRA"].iloc[0], 0.5, 0
    )
    display = display_geometry(moved)
    shapes, _ = simplify_units(moved.geometry.to_numpy())
    assert all(a.equals_exact(b, 0) for a, b in zip(display.geometry, shapes, strict=True))


def test_other_settings_are_simplified_on_the_fly(boundaries):
    coarse = display_geometry(boundaries, tolerance=0.5)
    shapes, _ = simplify_units(boundaries.geometry.to_numpy(), tolerance=0.5)
    assert all(a.equals_exact(b, 0) for a, b in zip(coarse.geometry, shapes, strict=True))
    assert shapely.get_num_coordinates(coarse.geometry.to_numpy()).sum() < (
        shapely.get_num_coordinates(display_geometry(boundaries).geometry.to_numpy()).sum()
    )


def test_points_and_empty_rows_are_kept_rounded(boundaries):
    extra = gpd.GeoDataFrame(geometry=[Point(7.123456, 43.7), None], crs=4326)
    coverage = gpd.GeoDataFrame(
        pd.concat([boundaries[["geometry"]], extra], ignore_index=True), crs=4326
    )
    display = display_geometry(coverage)
    assert display.geometry.iloc[-2].equals(Point(7.12, 43.7))
    assert display.geometry.iloc[-1] is None
    assert not display["refined"].iloc[-2:].any()
    assert np.array_equal(
        display.geometry.iloc[:-2].to_numpy(), display_geometry(boundaries).geometry.to_numpy()
    )

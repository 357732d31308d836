"""Panel groups: what took part splits into two panels only when it lies in two distant groups."""

from __future__ import annotations

import numpy as np
import pytest

from opmap.read.inputs import load_inputs


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


def test_shapes_split_into_two_groups_only_when_there_are_exactly_two():
    from shapely.geometry import Point

    from opmap.draw.static.panel_groups import two_groups

    west_africa = [Point(-5, 12), Point(2, 13), Point(-5, 12)]  # a place shared by two markers
    caribbean = [Point(-61, 13), Point(-66, 18)]
    # A chain of points 1,000 km apart links Senegal to Sudan: one group, however long.
    sahel_chain = [Point(-15 + 9 * step, 14) for step in range(5)]
    assert sorted(two_groups(west_africa + caribbean)) == [[0, 1, 2], [3, 4]]
    assert sorted(two_groups(caribbean + west_africa)) == [[0, 1], [2, 3, 4]]
    assert sorted(two_groups(sahel_chain + caribbean)) == [[0, 1, 2, 3, 4], [5, 6]]
    assert two_groups(west_africa) is None  # one group
    assert two_groups(west_africa + caribbean + [Point(105, 12)]) is None  # three


def test_groups_are_linked_through_chains_of_near_pairs():
    from opmap.draw.static.panel_groups import _linked

    pairs = np.array([[0, 1, 1, 2, 4, 5, 3, 6], [1, 0, 2, 1, 5, 4, 6, 3]])
    assert _linked(7, pairs).tolist() == [0, 0, 0, 3, 4, 4, 3]
    # A chain given from its far end joins in one group too.
    chain = np.array([[5, 4, 4, 3, 3, 2, 2, 1, 1, 0], [4, 5, 3, 4, 2, 3, 1, 2, 0, 1]])
    assert _linked(6, chain).tolist() == [0] * 6


def test_groups_found_from_few_measures_are_those_of_every_pair_measured(inputs):
    """Shapes near by their first points are linked unmeasured; the rest are measured in full."""
    import geopandas as gpd
    import shapely
    from shapely.geometry import box

    from opmap.draw.static.panel_groups import _groups_within, _linked
    from opmap.draw.static.projection import WORLD_CRS

    # Two long strips whose first points are 6,000 km apart but whose ends are 400 km apart.
    strips = np.array([box(0, 0, 5e6, 1e5), box(5.4e6, 0, 1.1e7, 1e5)])
    assert _groups_within(strips, 5e5).tolist() == [0, 0]
    assert _groups_within(strips, 3e5).tolist() == [0, 1]
    world = np.asarray(gpd.GeoSeries(inputs.boundaries.geometry).to_crs(WORLD_CRS))
    world = world[~shapely.is_empty(world)]
    for gap in (1e5, 5e5, 2e6):
        every = shapely.STRtree(world).query(world, predicate="dwithin", distance=gap)
        assert (_groups_within(world, gap) == _linked(len(world), every)).all(), gap

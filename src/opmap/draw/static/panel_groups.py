"""Panel groups: whether what a map frames lies in two distant groups, each worth a panel.

The Caribbean and West Africa in one frame leave the Atlantic between them filling most of the
map. :func:`two_groups` splits the shapes that set a frame (countries' parts, markers) into
groups, each shape chained to its group by neighbours at most :data:`_GROUP_GAP_KM` apart, and
says which are two panels' worth: exactly two groups whose own boxes together are at most
:data:`_GROUP_GAIN` of the box around both. :func:`.framing.frame_panels` frames each group.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from opmap.decide.antimeridian import seam
from opmap.draw.static.projection import world_cut_at

_GROUP_GAP_KM = 2000  # what took part this far from the rest is a group of its own...
_GROUP_GAIN = 0.6  # ...drawn in its own panel when the two panels save this much of the frame


def two_groups(shapes: list) -> list[list[int]] | None:
    """Split ``shapes`` into two distant groups (their indices), or None when they are not two."""
    if len(shapes) < 2:
        return None
    # Markers share places (10,000 operations have about 1,200 distinct ones): the distances are
    # measured between distinct shapes only, or the matrix would hold 10,000 x 10,000 of them.
    _, first_of, shape_of = np.unique(
        shapely.to_wkb(np.asarray(shapes, dtype=object)), return_index=True, return_inverse=True
    )
    distinct = [shapes[i] for i in first_of]
    # measured on a world whose edges are where none of them is: Fiji and Samoa stay together
    cut = world_cut_at(seam(distinct))
    flat = np.asarray(gpd.GeoSeries(distinct, crs="EPSG:4326").to_crs(cut))
    groups = _groups_within(flat, _GROUP_GAP_KM * 1000)
    if len(np.unique(groups)) != 2:
        return None  # one group, or three and more: one frame
    first = groups == groups[0]
    rest = ~first
    boxes = [shapely.box(*shapely.total_bounds(flat[part])).area for part in (first, rest)]
    if sum(boxes) > _GROUP_GAIN * shapely.box(*shapely.total_bounds(flat)).area:
        return None
    first = first[shape_of.ravel()]
    return [np.flatnonzero(first).tolist(), np.flatnonzero(~first).tolist()]


def _groups_within(flat: np.ndarray, gap: float) -> np.ndarray:
    """Label each shape with its group: shapes chained at most ``gap`` metres apart.

    At 1:50m a country's outline has thousands of points, and 1,000 operations give about 150,000
    pairs of outlines whose boxes come within 2,000 km: measuring each took a second. Most of them
    need no measuring. Two shapes whose first points are within ``gap`` are within it (the
    distance between two shapes is at most that between any two of their points); they are linked
    first. Then only the pairs that would join two groups still apart are measured, so the groups
    are the ones every pair measured would give.
    """
    count = len(flat)
    minx, miny, maxx, maxy = shapely.bounds(flat).T
    grown = shapely.box(minx - gap, miny - gap, maxx + gap, maxy + gap)
    pairs = np.stack(shapely.STRtree(flat).query(grown))  # shapes whose boxes come that close
    coordinates, owner = shapely.get_coordinates(flat, return_index=True)
    point = coordinates[np.unique(owner, return_index=True)[1]]  # each shape's first point
    sure = pairs[:, np.hypot(*(point[pairs[0]] - point[pairs[1]]).T) <= gap]
    label = _linked(count, sure)
    apart = pairs[:, label[pairs[0]] != label[pairs[1]]]
    near = apart[:, shapely.dwithin(flat[apart[0]], flat[apart[1]], gap)]
    return _linked(count, np.concatenate([sure, near], axis=1))


def _linked(count: int, pairs: np.ndarray) -> np.ndarray:
    """Label each of ``count`` shapes with the smallest index of its group.

    ``pairs`` (2, n) are the near shapes; shapes linked by a chain of near pairs are one group.
    """
    label = np.arange(count)
    left, right = pairs
    while True:
        before = label.copy()
        np.minimum.at(label, left, label[right])
        label = label[label]  # follow each label to its own label: groups merge in few rounds
        if (label == before).all():
            return label

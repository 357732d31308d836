"""Insets: the few far-flung members of a group, drawn apart from its panel, large enough to read.

A group whose tightest box is mostly empty (the Americas group of the bundled data: Brazil,
Venezuela and Guyana with islands scattered across the Caribbean, and Belize) is framed on its
dense core, the units holding nearly all its land (:func:`far_members`); the members that fall
outside the core's box get an inset of their own, as newspapers draw the Caribbean: in a slot
the page keeps for it beside the core's panel (:mod:`.layout`), or, on a single-panel map or a
page with no room, in the corner of the core's panel where no participant is
(:func:`place_inset`).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from opmap.draw.static.locator import emptiest_corner
from opmap.draw.static.projection import WORLD_CRS
from opmap.style import TEXT_COLOR

_CORE_SHARE = 0.95  # the core: the largest units that together hold this share of the land...
_INSET_GAIN = 0.75  # ...framed alone when its box is at most this share of the group's box...
_INSET_BOX_SHARE = 0.25  # ...and the far members' box at most this share of the core's
_INSET_WIDTH = 0.45  # an inset's width, as a share of its panel's
_INSET_HEIGHT = 0.35  # at most this share of its panel's height


def far_members(flat: list, which: list) -> set | None:
    """Say which members of a group go to an inset, or None when the group stays whole.

    Parameters
    ----------
    flat : list of shapely geometry
        The group's anchors (countries' parts, markers) on an equal-area map.
    which : list
        What each anchor names (a coverage row or a marker key); parts of one unit share it.

    Returns
    -------
    set or None
        The rows and marker keys wholly outside the box of the group's core (the largest units
        holding :data:`_CORE_SHARE` of its area), when framing on the rest saves enough.
    """
    areas = np.array([shape.area for shape in flat])
    if len(flat) < 2 or areas.sum() <= 0:
        return None
    order = np.argsort(-areas, kind="stable")
    held = np.cumsum(areas[order]) / areas.sum()
    core = order[: int(np.searchsorted(held, _CORE_SHARE)) + 1]
    core_box = shapely.box(*shapely.total_bounds(np.asarray(flat, dtype=object)[core]))
    inside = {which[i] for i, shape in enumerate(flat) if core_box.covers(shape)}
    far = {which[i] for i in range(len(flat))} - inside
    if not far:
        return None
    far_shapes = np.asarray([s for s, w in zip(flat, which, strict=True) if w in far], dtype=object)
    kept = np.asarray([s for s, w in zip(flat, which, strict=True) if w not in far], dtype=object)
    whole = shapely.box(*shapely.total_bounds(np.asarray(flat, dtype=object))).area
    kept_box = shapely.box(*shapely.total_bounds(kept)).area
    far_box = shapely.box(*shapely.total_bounds(far_shapes)).area
    if kept_box > _INSET_GAIN * whole or far_box > _INSET_BOX_SHARE * kept_box:
        return None
    return far


def draw_insets(panels: list, frames: list, draw, scale: float, slots=()) -> list:
    """Draw each inset frame in its slot, or over the emptiest free corner of its host.

    ``panels`` are the drawn panels (:class:`.shapes.Panel`) the frames' ``host`` index;
    ``draw(ax, frame)`` draws a frame into an axes (:func:`.shapes.draw_panel`); ``slots`` are
    the axes the page laid out for the first insets. A host keeps the corner an inset takes
    and the inset's extent clear of its labels. Each inset gets a border. Returns the insets'
    panels.
    """
    drawn = []
    for number, frame in enumerate(frames, start=1):
        if number <= len(slots):
            ax = slots[number - 1]
        else:
            host = panels[frame.host]
            ax, corner = place_inset(host.ax, frame.view, host.avoid, host.corners, number)
            host.corners.append(corner)
            host.blocked.append(ax.get_window_extent(ax.figure.canvas.get_renderer()).padded(2))
        drawn.append(draw(ax, frame=frame))
        draw_border(ax, scale)
    return drawn


def far_anchors(anchors: list[tuple]) -> set | None:
    """Return what of ``anchors`` ((lon/lat shape, row or key) pairs) goes to an inset, or None.

    See :func:`far_members`; the shapes are measured on the Equal Earth world.
    """
    flat = gpd.GeoSeries([shape for shape, _ in anchors], crs="EPSG:4326").to_crs(WORLD_CRS)
    return far_members(list(flat), [which for _, which in anchors])


def place_inset(host: Axes, view, avoid, taken, number: int) -> tuple[Axes, str]:
    """Add a framed axes for an inset showing ``view`` in the emptiest free corner of ``host``.

    The inset is one of the figure's map panels (gid ``map-inset-<number>``), drawn over its
    host; returns it and the corner it took.
    """
    (x0, x1), (y0, y1) = host.get_xlim(), host.get_ylim()
    shape = (view[2] - view[0]) / (view[3] - view[1])
    width = _INSET_WIDTH * (x1 - x0)
    height = min(width / shape, _INSET_HEIGHT * (y1 - y0))
    width = height * shape
    corner, spot = emptiest_corner(host, width, height, avoid, taken)
    to_figure = host.figure.transFigure.inverted()
    (left, bottom), (right, top) = to_figure.transform(
        host.transData.transform([spot.bounds[:2], spot.bounds[2:]])
    )
    inset = host.figure.add_axes(
        (left, bottom, right - left, top - bottom), zorder=host.get_zorder() + 1
    )
    inset.set_gid(f"map-inset-{number}")
    return inset, corner


def draw_border(inset: Axes, scale: float) -> None:
    """Draw a border round an inset, so it reads apart from the map under it."""
    inset.add_artist(
        Rectangle(
            (0, 0),
            1,
            1,
            transform=inset.transAxes,
            fill=False,
            edgecolor=TEXT_COLOR,
            linewidth=0.8 * scale,
            zorder=6.5,  # over the map and its leaders, under the names beside it
            clip_on=False,
            gid="inset-border",
        )
    )

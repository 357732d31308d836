"""The world locator of a framed static map: a small Equal Earth world, the frames outlined.

Also the column a map in panels keeps for it and the legend (:func:`draw_column`).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
import shapely.affinity
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from pyproj import CRS, Transformer
from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry

from opmap.decide.mapdata import MapData
from opmap.draw.static.framing import Frame, path_of
from opmap.draw.static.legend import LEGEND_ROOM, map_legend
from opmap.draw.static.projection import WORLD_CRS, project, world_outline
from opmap.i18n import is_rtl
from opmap.style import BORDER_COLOR, MARKER_COLOR, SEA_COLOR

_LOCATOR_SHARE = 0.2  # the locator's width, as a share of the map's
_LOCATOR_LAND = "#b5b5b5"  # darker than the map's land: the locator is small


def draw_locator(
    ax: Axes, frames: list[Frame], map_data: MapData, avoid, taken=()
) -> tuple[Axes, str]:
    """Draw a small Equal Earth world in the emptiest corner of ``ax``, the frames outlined.

    Parameters
    ----------
    ax : Axes
        The map, already framed.
    frames : list of Frame
        The frame of each panel of the map, with the view drawn.
    map_data : MapData
    avoid : shapely geometry
        What the locator should not hide (participating countries, markers), in map units.
    taken : sequence of str
        Corners already used (by an inset).

    Returns
    -------
    (Axes, str)
        The locator's axes and the corner it is in ("lower left", ...).
    """
    x0, x1 = ax.get_xlim()
    width = (x1 - x0) * _LOCATOR_SHARE
    corner, placed = emptiest_corner(ax, width, width * 0.5, avoid, taken)
    position = ax.transAxes.inverted().transform(
        ax.transData.transform([placed.bounds[:2], placed.bounds[2:]])
    )
    (left, bottom), (right, top) = position
    inset = ax.inset_axes((left, bottom, right - left, top - bottom), zorder=8)
    inset.set_gid("locator")
    _draw_world(inset, frames, map_data)
    return inset, corner


def draw_column(
    column: Axes, frames: list[Frame], map_data: MapData, scale: float, over=(), *, locator=True
) -> list:
    """Fill the column beside or under the panels with the world locator and the legend.

    A tall column (beside the panels) has the locator on top and the legend under it; a wide
    one (under a panel) the legend on the left and the locator in the room to its right
    (mirrored in Arabic); under an inset laid ``over`` the top of the column, the same in
    the room left. Without ``locator`` (a world view), the legend alone, at the top. Returns
    the display boxes the legend and the locator take when an inset's names share the column
    with them, else an empty list.
    """
    column.set_axis_off()
    if over:
        return _draw_column_under_inset(column, over[0], frames, map_data, scale)
    if not locator:
        map_legend(column, map_data, scale, loc="upper left", frameon=False, room=1.0)
        return []
    extent = column.get_window_extent()
    if extent.width < extent.height:
        locator = draw_locator_on_top(column, frames, map_data)
        top = locator.get_position().y0 - column.get_position().y0
        legend = map_legend(column, map_data, scale, loc="upper left", frameon=False, room=1.0)
        legend.set_bbox_to_anchor((0, 0, 1, top / column.get_position().height - 0.02))
        return []
    legend = map_legend(column, map_data, scale, loc="upper left", frameon=False, room=1.0)
    used = legend.get_window_extent(column.figure.canvas.get_renderer()).width / extent.width
    # The locator on the far side of the legend: right of it, or left of it in Arabic.
    draw_locator_beside(column, frames, map_data, used=min(used + 0.04, LEGEND_ROOM), rtl=is_rtl())
    return []


def _draw_column_under_inset(column: Axes, inset: Axes, frames, map_data, scale) -> list:
    """Put the legend and the locator beside it in the column under ``inset`` (over its top).

    Returns the display boxes of the legend and the locator: the inset's names go round them.
    """
    box, held = column.get_position(), inset.get_position()
    # The share of the column's height under the inset, less a gap so nothing touches it.
    under = (held.y0 - box.y0) / box.height - 0.04
    legend = map_legend(column, map_data, scale, loc="upper left", frameon=False, room=1.0)
    legend.set_bbox_to_anchor((0, 0, 1, under), transform=column.transAxes)
    renderer = column.figure.canvas.get_renderer()
    used = legend.get_window_extent(renderer).width / column.get_window_extent(renderer).width
    used = min(used + 0.04, LEGEND_ROOM)
    rtl = is_rtl()
    locator = column.inset_axes((0.0 if rtl else used, 0, 1 - used, under), zorder=8)
    locator.set_gid("locator")
    _draw_world(locator, frames, map_data)
    locator.set_aspect("equal", anchor="NW" if rtl else "NE")
    locator.apply_aspect()
    return [artist.get_window_extent(renderer).padded(2) for artist in (legend, locator)]


def draw_locator_on_top(ax: Axes, frames: list[Frame], map_data: MapData) -> Axes:
    """Draw the locator across the top of ``ax`` (a column beside the map), as wide as it."""
    minx, miny, maxx, maxy = world_outline(CRS.from_user_input(WORLD_CRS)).bounds
    extent = ax.get_window_extent()
    share = min(extent.width * (maxy - miny) / (maxx - minx) / extent.height, 0.5)
    inset = ax.inset_axes((0, 1 - share, 1, share), zorder=8)
    inset.set_gid("locator")
    _draw_world(inset, frames, map_data)
    inset.set_aspect("equal", anchor="NW")  # a narrow column shrinks it, never squeezes it
    return inset


def draw_locator_beside(
    ax: Axes, frames: list[Frame], map_data: MapData, used: float, *, rtl: bool = False
) -> Axes:
    """Draw the locator in ``ax`` (a column under a panel) beside what its legend ``used``.

    ``used`` is the share of the column's width the legend takes from its left (from its right
    when ``rtl``); the locator takes the rest, as large as it allows, at the top.
    """
    left = 0.0 if rtl else used
    inset = ax.inset_axes((left, 0, 1 - used, 1), zorder=8)
    inset.set_gid("locator")
    _draw_world(inset, frames, map_data)
    inset.set_aspect("equal", anchor="NW" if rtl else "NE")
    return inset


def emptiest_corner(ax: Axes, width: float, height: float, avoid, taken=()) -> tuple[str, Polygon]:
    """Find the corner of ``ax`` where a box (map units) hides least of ``avoid``.

    Returns the corner's name and the box; corners named in ``taken`` are not offered.
    """
    return corners_by_emptiness(ax, width, height, avoid, taken)[0]


def corners_by_emptiness(
    ax: Axes, width: float, height: float, avoid, taken=()
) -> list[tuple[str, Polygon]]:
    """Return the corners of ``ax`` not in ``taken``, each with a box (map units) in it.

    The corner where the box hides least of ``avoid`` comes first.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    corners = {
        "lower left": box(x0, y0, x0 + width, y0 + height),
        "lower right": box(x1 - width, y0, x1, y0 + height),
        "upper left": box(x0, y1 - height, x0 + width, y1),
        "upper right": box(x1 - width, y1 - height, x1, y1),
    }
    free = [(name, spot) for name, spot in corners.items() if name not in taken]
    return sorted(free, key=lambda corner: corner[1].intersection(avoid).area)


def _draw_world(inset: Axes, frames: list[Frame], map_data: MapData) -> None:
    crs = CRS.from_user_input(WORLD_CRS)
    globe = world_outline(crs)
    inset.set_axis_off()
    inset.patch.set_visible(False)
    minx, miny, maxx, maxy = globe.bounds
    inset.set_xlim(minx, maxx)  # set once: shapes are added with add_artist (no limit walks)
    inset.set_ylim(miny, maxy)
    inset.add_artist(
        PathPatch(path_of(globe), facecolor=SEA_COLOR, edgecolor=BORDER_COLOR, linewidth=0.4)
    )
    land = project(map_data.coverage.geometry.simplify(0.5), crs)
    for geometry in land:
        if geometry is not None and not geometry.is_empty and geometry.geom_type != "Point":
            inset.add_artist(PathPatch(path_of(geometry), facecolor=_LOCATOR_LAND, linewidth=0))
    for number, frame in enumerate(frames, start=1):
        inset.add_artist(
            PathPatch(
                path_of(_view_on_world(frame, crs)),
                facecolor="none",
                edgecolor=MARKER_COLOR,
                linewidth=0.9,
                gid="locator-frame" if number == 1 else f"locator-frame-{number}",
            )
        )


def _view_on_world(frame: Frame, crs: CRS) -> BaseGeometry:
    """Return the frame's rectangle as it falls on the Equal Earth world.

    A frame across the 180th meridian (Fiji, Russia) falls in two pieces, one at each edge of
    the world; one round a pole is closed along it. Drawn as one ring, it crossed the whole world.
    """
    minx, miny, maxx, maxy = frame.view
    edge = shapely.segmentize(box(minx, miny, maxx, maxy), (maxx - minx) / 50)
    x, y = shapely.get_coordinates(edge.exterior).T
    lon, lat = Transformer.from_crs(frame.crs, "EPSG:4326", always_xy=True).transform(x, y)
    keep = np.isfinite(lon) & np.isfinite(lat)
    lon, lat = np.rad2deg(np.unwrap(np.deg2rad(lon[keep]))), lat[keep]  # no jump at 180°
    ring = list(zip(lon, lat, strict=True))
    if abs(lon[-1] - lon[0]) > 180:  # the view holds a pole: its edge goes once round the globe
        pole = 90.0 if lat.mean() > 0 else -90.0
        ring += [(lon[-1], pole), (lon[0], pole)]
    view = Polygon(ring).buffer(0)
    world = box(-180, -90, 180, 90)
    pieces = [shapely.affinity.translate(view, xoff=shift) & world for shift in (-360, 0, 360)]
    lonlat = shapely.union_all([piece for piece in pieces if not piece.is_empty])
    return project(gpd.GeoSeries([lonlat], crs="EPSG:4326"), crs).iloc[0]

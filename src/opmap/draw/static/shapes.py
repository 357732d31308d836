"""The map itself on a static image: sea, countries, markers, legend, locator and labels.

One panel is drawn into one axes with :func:`draw_map`; a map in two panels (two distant groups
of participants, see :func:`.framing.frame_panels`) with :func:`draw_panels`, which puts the one
legend and the one locator in a column beside or under the panels (or in the panel with most
room) and names each group in its own panel; panels at different scales get a scale bar each,
as does an inset (:mod:`.insets`), whose names may also go in the white room beside it.
The page around the map (title, key, footer) is :mod:`opmap.draw.static.image`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, partial

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import PathPatch
from matplotlib.transforms import Bbox
from shapely.geometry import Point

from opmap.decide.mapdata import MapData
from opmap.draw.static.areas import outline_areas
from opmap.draw.static.framing import Frame, fit_view, frame_map, path_of
from opmap.draw.static.insets import draw_insets
from opmap.draw.static.labels import MAX_LABELLED, Key, key_beside, label_countries, label_markers
from opmap.draw.static.layers import (
    country_paths,
    dot_small_countries,
    draw_countries,
    draw_markers,
    units_per_point,
)
from opmap.draw.static.legend import map_legend
from opmap.draw.static.locator import corners_by_emptiness, draw_column, draw_locator
from opmap.draw.static.placer import Placer
from opmap.draw.static.scalebar import draw_scale_bar
from opmap.style import (
    BORDER_COLOR,
    SEA_COLOR,
)

_SIMPLIFY_PT = 0.1
MARKER_PT2 = 16.0


@dataclass
class Panel:
    """One framed map drawn in one axes, before its labels: what the labels must keep clear of.

    Attributes
    ----------
    ax : Axes
    frame : Frame
    geometries : GeoSeries
        The coverage's units as drawn (projected, simplified).
    xy : ndarray
        The markers' positions, in the order of ``MapData.markers``.
    participating : ndarray of bool
        The coverage rows drawn as taking part (not outside the region).
    avoid_parts : list of shapely geometry
        The participating countries and the markers' discs, in map units (see ``avoid``).
    blocked : list of Bbox
        Display boxes labels may not cover (markers, locator, legend).
    corners : list of str
        Corners of the axes already taken.
    room : Bbox or None
        Where its labels may go, in display pixels; None for inside the axes.
    """

    ax: Axes
    frame: Frame
    geometries: object
    xy: np.ndarray
    participating: np.ndarray
    avoid_parts: list
    blocked: list = field(default_factory=list)
    corners: list = field(default_factory=list)
    room: Bbox | None = None

    @cached_property
    def avoid(self):
        """What the legend, locator and scale bar keep clear of, as one shape.

        Made when first asked: a panel of small multiples places none of them.
        """
        return shapely.union_all(self.avoid_parts)

    @property
    def crowding(self) -> float:
        """Share of the panel's view that participants and markers cover."""
        (x0, x1), (y0, y1) = self.ax.get_xlim(), self.ax.get_ylim()
        view = shapely.box(x0, y0, x1, y1)
        return self.avoid.intersection(view).area / view.area


def draw_map(
    ax: Axes,
    map_data: MapData,
    *,
    scale: float = 1.0,
    world: bool = False,
    locator: bool = True,
    names: bool = True,
    marker_size: float = MARKER_PT2,
    frame: Frame | None = None,
    key: Key | None = None,
    legend: bool = False,
    scale_bar: bool = False,
    most_labels: int = MAX_LABELLED,
    insets: list[Frame] = (),
    editable: bool = True,
    column: Axes | None = None,
) -> Key:
    """Draw sea, countries, markers and labels into ``ax``, projected and framed.

    Parameters
    ----------
    ax : Axes
    map_data : MapData
    scale : float, default 1
        Type size relative to a 17 cm page.
    world : bool, default False
        Show the world rather than frame on what the map shows.
    locator : bool, default True
        Draw a world locator when the frame is regional.
    names : bool, default True
        Name the participating countries.
    marker_size : float, default 16
        Marker area in points², times ``scale`` squared.
    frame : Frame, optional
        The projection and view to use, its units the rows of ``map_data.coverage`` (small
        multiples share one); by default :func:`.framing.frame_map` decides them.
    key : Key, optional
        The key to number labels in (small multiples share one across panels).
    legend : bool, default False
        Put the legend in a corner where it hides no participant and no marker; else none.
    scale_bar : bool, default False
        Draw a scale bar (maps of one figure at different scales).
    most_labels : int, default MAX_LABELLED
        Above this many markers in the panel, none is labelled.
    insets : list of Frame, optional
        Far members drawn large over a corner of the map (:mod:`.insets`).
    editable : bool, default True
        One patch per country, its id the country's code (for the SVG); otherwise one
        collection, much faster to draw (:func:`.layers.draw_countries`).
    column : Axes, optional
        Room beside or under the map for the legend and the locator, rather than corners.

    Returns
    -------
    Key
        The labels that had no room, numbered on the map.
    """
    frame = frame or frame_map(map_data, world=world)
    panel = draw_panel(ax, map_data, frame, scale, marker_size, editable=editable)
    small = draw_insets(
        [panel],
        insets,
        partial(draw_panel, map_data=map_data, scale=scale, marker_size=MARKER_PT2),
        scale,
    )
    drawn = [_as_drawn(p, p.frame) for p in (panel, *small)]
    if column is None:
        _add_extras(panel, drawn, map_data, scale, locator=locator, legend=legend)
    else:
        draw_column(column, drawn, map_data, scale, locator=locator and frame.regional)
    if scale_bar or small:
        panel.blocked.append(draw_scale_bar(panel.ax, panel.avoid, panel.corners, scale))
    key = key if key is not None else Key()
    _label(panel, map_data, key, scale, names=names, most_labels=most_labels)
    for inset in small:
        inset.blocked.append(draw_scale_bar(inset.ax, inset.avoid, inset.corners, scale))
        _label(inset, map_data, key, scale, names=names, most_labels=most_labels)
    return key


def draw_panels(
    axes: list[Axes],
    map_data: MapData,
    frames: list[Frame],
    *,
    scale: float = 1.0,
    key: Key,
    column: Axes | None = None,
    scale_bars: bool = False,
    insets: list[Frame] = (),
    inset_axes: list[Axes] = (),
    legend: bool = True,
) -> Key:
    """Draw one map in panels, one frame each, with one legend and one locator.

    The legend and the locator go in ``column`` (beside or under the panels) when given, else
    in the panel the participants crowd least (the legend only in a free corner of it, and
    not at all without ``legend``: it then goes in a row under the panels); each panel names
    its own group's countries and operations (the frames' ``named``), numbering into ``key``.
    With ``scale_bars`` (panels at different scales), each panel gets a scale bar, as does each
    of ``insets`` (:mod:`.insets`), drawn in ``inset_axes`` (the page's slots for them, beside
    the column) or over a corner of its host panel.
    """
    panels = [
        draw_panel(ax, map_data, frame, scale, MARKER_PT2)
        for ax, frame in zip(axes, frames, strict=True)
    ]
    small = draw_insets(
        panels,
        insets,
        partial(draw_panel, map_data=map_data, scale=scale, marker_size=MARKER_PT2),
        scale,
        inset_axes,
    )
    drawn = [_as_drawn(p, p.frame) for p in (*panels, *small)]
    if column is None:
        roomiest = min(panels, key=lambda panel: panel.crowding)
        _add_extras(roomiest, drawn, map_data, scale, locator=True, legend=legend)
    else:
        # An inset over the top of the column names its members in the column's free room.
        taken = draw_column(column, drawn, map_data, scale, over=list(inset_axes))
        if inset_axes:
            small[0].room = column.get_window_extent(column.figure.canvas.get_renderer())
            small[0].blocked.extend(taken)
    for panel in [*panels, *small]:
        if scale_bars or small:
            bar = draw_scale_bar(panel.ax, panel.avoid, panel.corners, scale)
            panel.blocked.append(bar)
        first = len(key.entries)
        placer = _label(panel, map_data, key, scale, names=True)
        if panel.room is not None:
            key_beside(placer, key, first, scale)
    return key


#: The shapes last simplified, by (the projected units, tolerance): the panels of a page of
#: small multiples share a frame and a scale, so each period's panel reuses the same shapes.
_SIMPLIFIED: dict[tuple[int, float], tuple] = {}


def _simplified(geometries, tolerance: float):
    """Return ``geometries`` simplified to ``tolerance``, and their paths, made once per pair."""
    key = (id(geometries), tolerance)
    cached = _SIMPLIFIED.get(key)
    if cached is None or cached[0] is not geometries:  # (an id may be reused once freed)
        if len(_SIMPLIFIED) >= 8:
            _SIMPLIFIED.clear()
        simple = geometries.simplify(tolerance, preserve_topology=True)
        cached = (geometries, simple, country_paths(simple))
        _SIMPLIFIED[key] = cached
    return cached[1], cached[2]


def draw_panel(
    ax: Axes, map_data: MapData, frame: Frame, scale: float, marker_size, *, editable: bool = True
) -> Panel:
    """Frame ``ax`` and draw the sea, the countries and the markers; no labels yet.

    ``editable``: one patch per country rather than one collection (:func:`draw_map`).
    """
    if not hasattr(ax.figure.canvas, "get_renderer"):  # a bare Figure() has no backend yet
        FigureCanvasAgg(ax.figure)
    ax.set_axis_off()
    view = fit_view(frame.view, ax)
    # The view is set here, once: shapes are then added with add_artist, which (unlike
    # add_patch) does not walk every path to grow the data limits, most of a map's drawing time.
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")
    ax.apply_aspect()
    # Natural Earth 50m has more detail than a page shows: drop what is under a tenth of a point.
    geometries, paths = _simplified(frame.geometries, _SIMPLIFY_PT * units_per_point(ax))
    ax.add_artist(
        PathPatch(
            path_of(frame.globe),
            facecolor=SEA_COLOR,
            edgecolor=BORDER_COLOR,
            linewidth=0.4,
            zorder=0,
            gid="sea",
        )
    )
    outside = _outside_mask(map_data)
    squares = draw_countries(ax, map_data, geometries, outside, paths, editable=editable)
    dots = dot_small_countries(ax, map_data, geometries, outside)
    outline_areas(ax, map_data, frame)
    xy = draw_markers(ax, map_data, frame, marker_size * scale**2, [*squares, *dots])
    radius = 3 * ax.figure.dpi / 72 * scale
    drawn = xy[np.isfinite(xy).all(axis=1)]  # a marker behind this panel's globe is not drawn
    drawn = np.unique(drawn, axis=0)  # operations share places: each place blocks labels once
    blocked = (
        [_square(x, y, radius) for x, y in ax.transData.transform(drawn)] if len(drawn) else []
    )
    participating = (map_data.coverage["operations"] > 0).to_numpy() & ~outside
    avoid = [*geometries[participating], *_marker_discs(ax, drawn, radius * 2)]
    return Panel(ax, frame, geometries, xy, participating, avoid, blocked)


def _add_extras(panel: Panel, frames, map_data: MapData, scale: float, *, locator, legend):
    """Put the world locator (outlining ``frames``, as drawn) and the legend in free corners.

    The legend is left out when no free corner has room for it (:func:`_legend_inside`).
    """
    if locator and panel.frame.regional:
        inset, corner = draw_locator(panel.ax, frames, map_data, panel.avoid, panel.corners)
        renderer = panel.ax.figure.canvas.get_renderer()
        panel.blocked.append(inset.get_window_extent(renderer).padded(2))
        panel.corners.append(corner)
    if legend:
        placed = _legend_inside(panel.ax, map_data, scale, panel.avoid, panel.corners)
        if placed is not None:
            panel.blocked.append(placed)


def _as_drawn(panel: Panel, frame: Frame) -> Frame:
    """``frame`` with the view its axes show (the axes' shape may have widened it)."""
    if frame is not panel.frame:
        return frame
    (x0, x1), (y0, y1) = panel.ax.get_xlim(), panel.ax.get_ylim()
    return Frame(frame.crs, frame.geometries, frame.globe, (x0, y0, x1, y1), frame.regional)


def _label(
    panel: Panel,
    map_data: MapData,
    key: Key,
    scale: float,
    *,
    names: bool,
    most_labels: int = MAX_LABELLED,
) -> Placer:
    """Name the panel's operations and (if ``names``) its participating countries.

    Returns the placer, with the room its labels took.
    """
    frame, ax = panel.frame, panel.ax
    placer = Placer(ax, panel.blocked, room=panel.room)
    own = [i for i, name in enumerate(map_data.markers) if frame.names(name)]
    keys = list(map_data.markers)
    if len(own) > most_labels:
        own = []  # a crowded panel names none of its markers rather than only some
    label_markers(ax, panel.xy[own], [keys[i] for i in own], placer, key, scale, numbers=own)
    if names:
        rows = np.array([frame.names(row) for row in range(len(map_data.coverage))], dtype=bool)
        label_countries(
            ax, map_data, panel.geometries, placer, key, panel.participating & rows, scale
        )
    return placer


def _outside_mask(map_data: MapData) -> np.ndarray:
    if map_data.focus is None:
        return np.zeros(len(map_data.coverage), dtype=bool)
    return ~map_data.coverage["iso_a3"].isin(set(map_data.focus["iso_a3"])).to_numpy()


def _square(x: float, y: float, radius: float) -> Bbox:
    return Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)


def _marker_discs(ax: Axes, xy: np.ndarray, radius_px: float) -> list:
    """Markers as discs in map units, ``radius_px`` wide on the page."""
    per_px = units_per_point(ax) * 72 / ax.figure.dpi
    return [Point(x, y).buffer(radius_px * per_px) for x, y in xy]


def _legend_inside(ax: Axes, map_data: MapData, scale: float, avoid, taken) -> Bbox | None:
    """Put the legend in a free corner where it hides nothing (added to ``taken``); return where.

    The free corners are tried emptiest first, each with the legend's box as drawn there (its
    pad from the edge included). When the legend would hide a participant or a marker in every
    one, it is removed and None returned: the page then makes room for it outside the map.
    """
    legend = map_legend(ax, map_data, scale, loc="lower left", frameon=True)
    renderer = ax.figure.canvas.get_renderer()
    extent = legend.get_window_extent(renderer)
    per_px = units_per_point(ax) * 72 / ax.figure.dpi
    size = (extent.width * per_px, extent.height * per_px)
    for corner, _ in corners_by_emptiness(ax, *size, avoid, taken):
        legend.set_loc(corner)
        extent = legend.get_window_extent(renderer)
        (x0, y0), (x1, y1) = ax.transData.inverted().transform(extent.get_points())
        if not shapely.box(x0, y0, x1, y1).intersects(avoid):
            taken.append(corner)
            return extent.padded(2)
    legend.remove()
    return None

"""Static map images (PNG, SVG, PDF) for print, drawn with matplotlib; no folium here.

A map is framed on what it shows (:mod:`.framing`: the participating countries and markers in
an equal-area projection fitted to them, a world locator in a corner), its countries and markers
named without overlaps (:mod:`.labels`), with a title that states the finding, the legend, the
operations that cannot be drawn, source and date underneath (:mod:`.legend`), and written with its
metadata (:mod:`.writing`). Countries take the colours of :attr:`MapData.classes`, the same
classes the HTML map uses, so the image and the HTML map agree.

Figures are built with the object-oriented API (``Figure`` and ``FigureCanvasAgg``, never pyplot),
so drawing works headless and in threads; the same input gives the same bytes.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.transforms import Bbox
from shapely.geometry import Point

from opmap.decide.mapdata import MapData
from opmap.draw.static.framing import (
    Frame,
    draw_locator,
    emptiest_corner,
    fit_view,
    frame_map,
    path_of,
)
from opmap.draw.static.labels import MAX_LABELLED, Key, Placer, label_countries, label_markers
from opmap.draw.static.legend import (
    draw_list_box,
    draw_source_line,
    key_entries,
    legend_handles,
    legend_title,
    list_box_height,
    unmapped_items,
)
from opmap.draw.static.page import (
    DEFAULT_SIZE,
    LAYOUT_DPI,
    LEGEND_PT,
    TITLE_PT,
    Page,
    draw_header,
    parse_size,
    resolve_size,
)
from opmap.draw.static.writing import (
    DEFAULT_DPI,
    FORMATS,
    DocumentInfo,
    check_dpi,
    check_format,
    save_figure,
    static_style,
)
from opmap.output import generation_date
from opmap.style import (
    BORDER_COLOR,
    MARKER_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    SEA_COLOR,
)
from opmap.words import text

__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_SIZE",
    "FORMATS",
    "MAX_LABELLED",
    "OUTSIDE_COLOR",
    "default_subtitle",
    "draw_map",
    "generation_date",
    "parse_size",
    "plot_map",
    "save_figure",
    "write_image",
]

_SIMPLIFY_PT = 0.1
_SMALL_PT = 3.5  # a covered country narrower than this on the page also gets a dot
_MARKER_PT2 = 16.0
_LAYOUT_PASSES = 3


def plot_map(
    map_data: MapData,
    *,
    size: tuple[float, float] | str | None = None,
    ax: Axes | None = None,
    generated: date | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    world: bool = False,
) -> Figure:
    """Draw a map on a new matplotlib figure (or into ``ax``) and return the figure.

    The whole figure has the title, subtitle, map, legend, the operations that cannot be drawn,
    the source and the generation date. Given ``ax``, only the map and its legend are drawn into
    it, and the figure is the axes' own.

    Parameters
    ----------
    map_data : MapData
        From :func:`opmap.decide.mapdata.prepare_map_data`.
    size : (float, float) or str, optional
        Width and height in inches, or a size :func:`parse_size` reads; default 17 x 10 cm.
    ax : matplotlib.axes.Axes, optional
        Draw into these axes instead of a new figure.
    generated : datetime.date, optional
        Date printed as the generation date (default: today, or ``SOURCE_DATE_EPOCH``).
    title, subtitle : str, optional
        Default: the finding (:attr:`MapData.finding`) and the period with the filters.
    world : bool, default False
        Show the whole world instead of framing the map on what it shows.

    Returns
    -------
    matplotlib.figure.Figure
    """
    with static_style():
        if ax is not None:
            draw_map(ax, map_data, world=world, locator=False, names=False)
            ax.legend(
                handles=legend_handles(map_data),
                title=legend_title(map_data),
                loc="lower left",
                fontsize=LEGEND_PT,
                title_fontsize=LEGEND_PT,
                frameon=False,
            )
            ax.set_title(title or map_data.title, fontsize=TITLE_PT, loc="left")
            return ax.figure
        width, height = resolve_size(size)
        figure = Figure(figsize=(width, height), dpi=LAYOUT_DPI, facecolor="white")
        FigureCanvasAgg(figure)
        headline = (title or map_data.finding, default_subtitle(map_data, subtitle))
        generated = generated or generation_date()
        reserved: list[str] = []
        for _ in range(_LAYOUT_PASSES):
            words = _lay_out(figure, map_data, headline, generated, world, reserved).words
            if len(words) <= len(reserved):  # the key drawn fits the room kept for it
                break
            figure.clear()  # labels that had no room: lay out again with room for their key
            reserved = words
    return figure


def write_image(
    map_data: MapData,
    path: str | os.PathLike,
    *,
    dpi: int = DEFAULT_DPI,
    size: tuple[float, float] | str | None = None,
    fmt: str | None = None,
    generated: date | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    world: bool = False,
) -> Path:
    """Write the map as a PNG, SVG or PDF file, all at once or not at all.

    The image goes to a temporary file in the same folder and replaces ``path`` when complete.
    A PDF carries the title, author, subject and creation date; see :mod:`.writing`.

    Parameters
    ----------
    map_data : MapData
    path : str or path-like
        Output file; its folder is created if missing.
    dpi : int, default 300
        Resolution of a PNG (SVG and PDF are vector; their few raster parts use it too).
    size : (float, float) or str, optional
        See :func:`plot_map`.
    fmt : {"png", "svg", "pdf"}, optional
        Format; by default the extension of ``path`` decides.
    generated : datetime.date, optional
    title, subtitle : str, optional
    world : bool, default False
        See :func:`plot_map`.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    InvalidOption
        For an unknown format or a dpi below 50 or above 1200.
    OutputError
        If the file cannot be written.
    """
    path = Path(path)
    fmt = check_format(path, fmt)
    dpi = check_dpi(dpi)
    generated = generated or generation_date()
    figure = plot_map(
        map_data, size=size, generated=generated, title=title, subtitle=subtitle, world=world
    )
    info = DocumentInfo(
        title=title or map_data.finding,
        subject=default_subtitle(map_data, subtitle),
        created=generated,
    )
    return save_figure(figure, path, dpi=dpi, fmt=fmt, info=info)


def default_subtitle(map_data: MapData, subtitle: str | None = None) -> str:
    """``subtitle`` if given, else what the operations were (the title states the finding)."""
    if subtitle is not None:
        return subtitle
    return map_data.topic if map_data.operations else map_data.subtitle


def _lay_out(figure, map_data, headline, generated, world, reserved: list[str]) -> Key:
    """Place header, map, legend and footer, measuring the text so nothing overlaps.

    ``reserved`` are the labels a previous pass numbered: they are numbered again, room is kept
    for their key under the map, and the key of this pass is drawn there.
    """
    page = Page.of(figure)
    header_bottom = draw_header(page, *headline) - 0.04 * page.scale
    bottom = draw_source_line(page, generated)
    if map_data.unmapped:
        items = unmapped_items(map_data.unmapped)
        bottom = draw_list_box(page, text("unmapped_title"), items, bottom, "unmapped")
    key_bottom = bottom
    if reserved:
        lines = key_entries(Key(list(enumerate(reserved, start=1))))
        bottom += list_box_height(page, text("labels_key_title"), lines)
    ax = figure.add_axes(
        (
            *page.fig_xy(page.margin, bottom),
            (page.width - 2 * page.margin) / page.width,
            (header_bottom - bottom) / page.height,
        )
    )
    numbered = Key(numbered=frozenset(reserved))
    key = draw_map(ax, map_data, scale=page.scale, world=world, legend=True, key=numbered)
    if key.entries:
        draw_list_box(page, text("labels_key_title"), key_entries(key), key_bottom, "key")
    return key


def draw_map(
    ax: Axes,
    map_data: MapData,
    *,
    scale: float = 1.0,
    world: bool = False,
    locator: bool = True,
    names: bool = True,
    marker_size: float = _MARKER_PT2,
    frame: Frame | None = None,
    key: Key | None = None,
    legend: bool = False,
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
        The projection and view to use (small multiples share one); by default
        :func:`.framing.frame_map` decides them from ``map_data``. Its units must be the rows of
        ``map_data.coverage``.
    key : Key, optional
        The key to number labels in (small multiples share one across panels).
    legend : bool, default False
        Put the legend inside the map, in the corner where it hides least.

    Returns
    -------
    Key
        The labels that had no room, numbered on the map.
    """
    if not hasattr(ax.figure.canvas, "get_renderer"):  # a bare Figure() has no backend yet
        FigureCanvasAgg(ax.figure)
    frame = frame or frame_map(map_data, world=world)
    ax.set_axis_off()
    view = fit_view(frame.view, ax)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")
    ax.apply_aspect()
    # Natural Earth 50m has more detail than a page shows: drop what is under a tenth of a point.
    geometries = frame.geometries.simplify(
        _SIMPLIFY_PT * _units_per_point(ax), preserve_topology=True
    )
    ax.add_patch(
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
    _draw_countries(ax, map_data, geometries, outside)
    _dot_small_countries(ax, map_data, geometries, outside)
    xy = _draw_markers(ax, map_data, frame, marker_size * scale**2)
    radius = 3 * ax.figure.dpi / 72 * scale
    blocked = [_square(x, y, radius) for x, y in ax.transData.transform(xy)] if len(xy) else []
    participating = (map_data.coverage["operations"] > 0).to_numpy() & ~outside
    avoid = shapely.union_all([*geometries[participating], *_marker_discs(ax, xy, radius * 2)])
    corners = []
    if locator and frame.regional:
        inset, corner = draw_locator(ax, frame, map_data, avoid)
        blocked.append(inset.get_window_extent(ax.figure.canvas.get_renderer()).padded(2))
        corners.append(corner)
    if legend:
        blocked.append(_legend_inside(ax, map_data, scale, avoid, corners))
    placer = Placer(ax, blocked)
    key = key if key is not None else Key()
    label_markers(ax, xy, list(map_data.markers), placer, key, scale)
    if names:
        label_countries(ax, map_data, geometries, placer, key, participating, scale)
    return key


def _outside_mask(map_data: MapData) -> np.ndarray:
    if map_data.focus is None:
        return np.zeros(len(map_data.coverage), dtype=bool)
    return ~map_data.coverage["iso_a3"].isin(set(map_data.focus["iso_a3"])).to_numpy()


def _units_per_point(ax: Axes) -> float:
    """Map units (metres) per typographic point at the axes' current limits."""
    width_pt = ax.get_window_extent().width * 72 / ax.figure.dpi
    return (ax.get_xlim()[1] - ax.get_xlim()[0]) / width_pt


def _square(x: float, y: float, radius: float) -> Bbox:
    return Bbox.from_extents(x - radius, y - radius, x + radius, y + radius)


def _marker_discs(ax: Axes, xy: np.ndarray, radius_px: float) -> list:
    """Markers as discs in map units, ``radius_px`` wide on the page."""
    per_px = _units_per_point(ax) * 72 / ax.figure.dpi
    return [Point(x, y).buffer(radius_px * per_px) for x, y in xy]


def _legend_inside(ax: Axes, map_data: MapData, scale: float, avoid, taken) -> Bbox:
    """Put the legend in the corner of the map it hides least of; return its extent."""
    legend = ax.legend(
        handles=legend_handles(map_data),
        title=legend_title(map_data),
        loc="lower left",
        fontsize=LEGEND_PT * scale,
        title_fontsize=LEGEND_PT * scale,
        alignment="left",
        frameon=True,
        facecolor="white",
        edgecolor="none",
        framealpha=0.85,
        fancybox=False,
        borderaxespad=0.3,
        handlelength=1.4,
        handleheight=0.9,
    )
    legend.set_gid("legend")
    legend.set_zorder(8)
    renderer = ax.figure.canvas.get_renderer()
    extent = legend.get_window_extent(renderer)
    per_px = _units_per_point(ax) * 72 / ax.figure.dpi
    corner, _ = emptiest_corner(ax, extent.width * per_px, extent.height * per_px, avoid, taken)
    legend.set_loc(corner)
    return legend.get_window_extent(renderer).padded(2)


def _draw_countries(ax, map_data, geometries, outside) -> None:
    coverage = map_data.coverage
    points = []
    for position, (iso3, geometry, value) in enumerate(
        zip(coverage["iso_a3"], geometries, map_data.values, strict=True)
    ):
        face = OUTSIDE_COLOR if outside[position] else map_data.classes.color_of(value)
        edge = OUTSIDE_BORDER_COLOR if outside[position] else BORDER_COLOR
        if geometry is None or geometry.is_empty:
            continue
        if not bool(coverage["has_polygon"].iloc[position]):
            points.append((geometry, face))
            continue
        ax.add_patch(
            PathPatch(
                path_of(geometry),
                facecolor=face,
                edgecolor=edge,
                linewidth=0.25,
                zorder=1,
                gid=iso3,
            )
        )
    if points:
        ax.scatter(
            [p.x for p, _ in points],
            [p.y for p, _ in points],
            s=9,
            marker="s",
            c=[face for _, face in points],
            edgecolors=BORDER_COLOR,
            linewidths=0.3,
            zorder=2,
            gid="country-points",
        )


def _dot_small_countries(ax, map_data, geometries, outside) -> None:
    """Put a dot in its class colour on each covered country too small to see at this scale.

    Most of Libertad's thirteen countries are islands a few points wide even on a framed map.
    """
    units_per_point = _units_per_point(ax)
    dots = []
    for position, (geometry, value, has_polygon) in enumerate(
        zip(geometries, map_data.values, map_data.coverage["has_polygon"], strict=True)
    ):
        if map_data.classes.class_of(value) is None or not has_polygon or geometry is None:
            continue
        if geometry.is_empty or outside[position]:
            continue
        minx, miny, maxx, maxy = geometry.bounds
        if max(maxx - minx, maxy - miny) < _SMALL_PT * units_per_point:
            where = geometry.representative_point()
            dots.append((where.x, where.y, map_data.classes.color_of(value)))
    if dots:
        ax.scatter(
            [d[0] for d in dots],
            [d[1] for d in dots],
            c=[d[2] for d in dots],
            s=_SMALL_PT**2,
            marker="o",
            edgecolors=BORDER_COLOR,
            linewidths=0.4,
            zorder=3,
            gid="small-countries",
        )


def _draw_markers(ax, map_data: MapData, frame: Frame, size: float) -> np.ndarray:
    """Draw one marker per mapped operation; return their projected positions."""
    if not map_data.markers:
        return np.zeros((0, 2))
    xy = frame.project_points(list(map_data.markers.values()))
    ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=size,
        marker="o",
        facecolors=MARKER_COLOR,
        edgecolors="white",
        linewidths=0.6,
        zorder=5,
        gid="markers",
    )
    return xy

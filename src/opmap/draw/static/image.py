"""Static map images (PNG, SVG, PDF) for print, drawn with matplotlib; no folium here.

A map is framed on what it shows (:mod:`.framing`: the participating countries and markers in
an equal-area projection fitted to them, in two panels when they lie in two distant groups, far
small members in an inset, a world locator in a corner or beside the panels; the panels laid out
by :mod:`.layout`), drawn and its countries and markers
named without overlaps (:mod:`.shapes`, :mod:`.labels`), with a title that states the finding,
the legend, the operations that cannot be drawn, source and date underneath (:mod:`.legend`),
and written with its metadata (:mod:`.writing`); this module lays out the page. Countries take
the colours of :attr:`MapData.classes`, the same classes the HTML map uses, so the image and the
HTML map agree.

Figures are built with the object-oriented API (``Figure`` and ``FigureCanvasAgg``, never pyplot),
so drawing works headless and in threads; the same input gives the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from opmap.decide.mapdata import MapData
from opmap.draw.static.framing import Frame, frame_panels
from opmap.draw.static.labels import MAX_LABELLED, Key
from opmap.draw.static.layout import lay_out_map, lay_out_panels
from opmap.draw.static.legend import (
    MOST_BOX_SHARE,
    draw_legend,
    draw_list_box,
    draw_source_line,
    key_entries,
    legend_handles,
    legend_title,
    list_box_height,
    map_legend,
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
from opmap.draw.static.shapes import draw_map, draw_panels
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
from opmap.style import OUTSIDE_COLOR
from opmap.words import operation_items, plural, text

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

_LAYOUT_PASSES = 6


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
        frames = frame_panels(map_data, world=world, insets=True)
        reserved: list[str] = []
        outside = False
        passes = 0
        while True:
            key, placed = _lay_out(figure, map_data, headline, generated, frames, reserved, outside)
            if not placed and not outside:  # no free corner for the legend: room outside the map
                outside = True
            else:
                passes += 1
                if set(key.words) <= set(reserved) or passes == _LAYOUT_PASSES:
                    break  # the key drawn fits the room kept for it; the last pass is kept
                # Labels that had no room: room for their key, and for the earlier passes'
                # (the room only grows, so that the passes settle: a 6 cm page went 0, 1, 3
                # words, then drew 8 in the room of 3, over its legend).
                reserved = [*reserved, *(w for w in key.words if w not in reserved)]
            figure.clear()
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


def write_images(
    map_data: MapData,
    paths: Sequence[str | os.PathLike],
    *,
    dpi: int = DEFAULT_DPI,
    generated: date | None = None,
) -> list[Path]:
    """Write one map in several files (``map.png``, ``map.svg``, ``map.pdf``), laid out once.

    The same as :func:`write_image` for each path, but the map is drawn and its labels placed
    once for all of them: the layout is most of the time of an image.

    Parameters
    ----------
    map_data : MapData
    paths : sequence of path-like
        The files to write; each one's extension gives its format.
    dpi : int, default 300
    generated : datetime.date, optional

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of ``paths``.
    """
    paths = [Path(path) for path in paths]
    formats = [check_format(path, None) for path in paths]
    dpi = check_dpi(dpi)
    generated = generated or generation_date()
    figure = plot_map(map_data, generated=generated)
    info = DocumentInfo(
        title=map_data.finding, subject=default_subtitle(map_data), created=generated
    )
    return [
        save_figure(figure, path, dpi=dpi, fmt=fmt, info=info)
        for path, fmt in zip(paths, formats, strict=True)
    ]


def default_subtitle(map_data: MapData, subtitle: str | None = None) -> str:
    """``subtitle`` if given, else what the operations were (the title states the finding).

    Past :data:`~.labels.MAX_LABELLED` markers no operation is named on the map (naming some
    would single them out): the line says so, where a reader of the README's "every operation
    named" would otherwise look for the names of 1,000 dots.
    """
    if subtitle is not None:
        return subtitle
    line = map_data.topic if map_data.operations else map_data.subtitle
    if len(map_data.markers) > MAX_LABELLED:
        line += " \u00b7 " + plural("print_operations_unnamed", len(map_data.markers))
    return line


def _lay_out(
    figure, map_data, headline, generated, frames: list[Frame], reserved, outside: bool
) -> tuple[Key, bool]:
    """Place header, map, legend and footer, measuring the text so nothing overlaps.

    ``reserved`` are the labels a previous pass numbered: they are numbered again, room is kept
    for their key under the map, and the key of this pass is drawn there. The legend goes in a
    column beside the map when the layout has one, else in a free corner of the map or, when
    ``outside``, in a column or a row kept for it. Returns the key of numbered labels and
    whether the legend was drawn: with no free corner for it, lay the page out ``outside``.
    """
    page = Page.of(figure)
    header_bottom = draw_header(page, *headline) - 0.04 * page.scale
    bottom = draw_source_line(page, generated)
    if map_data.unmapped:
        items = operation_items(map_data.unmapped)
        most = _list_share(page, map_data, header_bottom - bottom)
        bottom = draw_list_box(page, text("unmapped_title"), items, bottom, "unmapped", most=most)
    key_bottom = bottom
    lines = key_entries(Key(list(enumerate(reserved, start=1))))
    title = text("labels_key_title")
    insets = [frame for frame in frames if frame.host is not None]
    frames = [frame for frame in frames if frame.host is None]
    legend_height = partial(_legend_height, page, map_data)
    row = _legend_row_height(page, map_data) if outside else 0.0
    if len(frames) > 1:
        panels = lay_out_panels(
            page,
            frames,
            bottom,
            header_bottom - bottom,
            insets=insets,
            legend_height=legend_height,
            key_height=lambda span: list_box_height(page, title, lines, span) if lines else 0.0,
            legend_row=row,
        )
    else:
        if reserved:
            bottom += list_box_height(page, title, lines)
        panels = lay_out_map(
            page,
            frames[0],
            bottom,
            header_bottom - bottom,
            legend_height=legend_height if outside else None,
            legend_row=row,
        )
    key = _draw_panels(
        panels, map_data, insets, page.scale, Key(numbered=frozenset(reserved)), legend=not outside
    )
    if panels.legend_row is not None:
        draw_legend(page, map_data, panels.legend_row)
    in_corner = any(ax.get_legend() is not None for ax in panels.axes)
    if key.entries:
        draw_list_box(page, title, key_entries(key), key_bottom, "key", span=panels.key_span)
    return key, outside or panels.column is not None or in_corner


def _draw_panels(panels, map_data: MapData, insets, scale: float, key: Key, *, legend) -> Key:
    """Draw the map in the axes laid out for it: one frame, or panels; return the key."""
    if len(panels.frames) == 1:
        return draw_map(
            panels.axes[0],
            map_data,
            scale=scale,
            frame=panels.frames[0],
            legend=legend,
            key=key,
            insets=insets,
            # a framed map's distances are true enough to measure; the world's are not
            scale_bar=panels.frames[0].regional,
            column=panels.column,
        )
    return draw_panels(
        panels.axes,
        map_data,
        panels.frames,
        scale=scale,
        key=key,
        column=panels.column,
        scale_bars=not panels.one_scale,
        insets=insets,
        inset_axes=panels.insets,
        legend=legend,
    )


#: However many operations are off the map, the map keeps this share of the room it shares with
#: their list, and its legend's height (at 10,000 operations the list left it a strip the legend
#: ran out of, over the title); 40 operations are still all listed on an A4 page.
_MAP_LEAST_SHARE = 0.35


def _list_share(page: Page, map_data: MapData, room: float) -> float:
    """Return the largest share of the page the list of operations off the map may take.

    ``room`` is the height in inches between the header and the source line; the map keeps
    :data:`_MAP_LEAST_SHARE` of it, and at least the height of a legend drawn inside it.
    """
    legend = _legend_height(page, map_data, (page.width - 2 * page.margin) / 3)
    keep = max(_MAP_LEAST_SHARE * room, 1.15 * legend)
    return max(0.05, min(MOST_BOX_SHARE, (room - keep) / page.height))


def _legend_row_height(page: Page, map_data: MapData) -> float:
    """Return the height in inches the legend takes in a row under the map, with its gap."""
    row = draw_legend(page, map_data, 0.0)
    height = page.inches(row).y1 + 0.06 * page.scale
    row.remove()
    return height


def _legend_height(page: Page, map_data: MapData, width: float) -> float:
    """Return the height in inches of the map's legend in a column ``width`` inches wide."""
    scratch = page.figure.add_axes((0, 0, width / page.width, 1))
    legend = map_legend(scratch, map_data, page.scale, loc="upper left", frameon=False, room=1.0)
    height = page.inches(legend).height
    scratch.remove()
    return height

"""Small multiples for print: one map per year (or period), all on one colour scale.

Each panel is drawn by :mod:`opmap.draw.static.image` exactly as the single map is (projection,
countries, dots on small islands, markers and their labels); the figure has the same title,
source and date lines and one legend, because every panel uses the same classes
(:func:`opmap.decide.periods.timeline_classes`): the same value has the same colour in every
panel. Object-oriented matplotlib only; the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import math
import os
from datetime import date
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from opmap.decide.mapdata import MapData
from opmap.decide.periods import period_data, periods, timeline_classes, year_span
from opmap.draw.static.image import (
    _LAYOUT_DPI,
    _MARGIN_IN,
    DEFAULT_DPI,
    DEFAULT_SIZE,
    TEXT_COLOR,
    _check_dpi,
    _check_format,
    _draw_footer,
    _draw_header,
    _draw_legend,
    _draw_map,
    _Page,
    _resolve_size,
    save_figure,
)
from opmap.errors import InvalidOption
from opmap.output import generation_date
from opmap.words import count_operations, text

#: Height / width of a panel's map: the Equal Earth world, or a region's view.
_WORLD_SHAPE = 0.5
_REGION_SHAPE = 0.75
_PANEL_TITLE_PT = 7.0
_GAP_IN = 0.12
_PANEL_LABEL_SCALE = 0.85  # marker labels a little smaller than on the single map
#: Marker area in points² on a panel: the single map's 16 would hide a country the size of
#: Côte d'Ivoire on a map a third as wide.
_PANEL_MARKER_SIZE = 5.0


def plan_panels(map_data: MapData, *, step: int = 1, mode: str = "in") -> list[MapData]:
    """Cut a map into one :class:`MapData` per period, all with the same classes.

    Parameters
    ----------
    map_data : MapData
        The map of all years.
    step : int, default 1
        Years per panel (2: 2014–2015, 2016–2017, 2018).
    mode : {"in", "upto"}, default "in"
        ``"in"``: each panel shows its own years; ``"upto"``: everything up to its last year.

    Returns
    -------
    list of MapData
        Each with the period in ``period`` ("2014–2015").

    Raises
    ------
    InvalidOption
        If no operation is left to draw, or ``step`` or ``mode`` is not valid.
    """
    if not map_data.operations:
        raise InvalidOption("no operation matches the filters: there is no year to draw")
    try:
        spans = periods(year_span(map_data), step, mode)
        classes = timeline_classes(map_data, mode)
    except ValueError as err:
        raise InvalidOption(str(err)) from err
    return [period_data(map_data, first, last, classes) for first, last in spans]


def panel_title(panel: MapData, mode: str = "in") -> str:
    """Title of a panel: "2017: 1 operation", "2016: 1 operation (1 not on the map)"."""
    years = [int(part) for part in (panel.period or "").split("\u2013") if part]
    period = panel.period or ""
    if mode == "upto" and years:
        period = text("period_up_to", year=years[-1])
    title = text("panel_title", period=period, operations=count_operations(len(panel.operations)))
    if panel.unmapped:  # else an empty panel would seem to contradict its count
        title = text("panel_unmapped", title=title, count=len(panel.unmapped))
    return title


def plot_small_multiples(
    map_data: MapData,
    *,
    step: int = 1,
    mode: str = "in",
    size: tuple[float, float] | str | None = None,
    generated: date | None = None,
) -> Figure:
    """Draw one map per year (or period) on one figure, with one shared legend.

    Parameters
    ----------
    map_data : MapData
        From :func:`opmap.decide.mapdata.prepare_map_data`: the filters, region and metric of
        every panel.
    step : int, default 1
        Years per panel.
    mode : {"in", "upto"}, default "in"
        See :func:`plan_panels`.
    size : (float, float) or str, optional
        Width and height in inches or as :func:`opmap.draw.static.image.parse_size` reads it;
        default 17 cm wide and as tall as the panels need.
    generated : datetime.date, optional
        Date printed as the generation date (default: today, or ``SOURCE_DATE_EPOCH``).

    Returns
    -------
    matplotlib.figure.Figure
        Its axes are the panels, in order; each axes' title is the panel's title.
    """
    panels = plan_panels(map_data, step=step, mode=mode)
    columns = _columns(len(panels))
    rows = math.ceil(len(panels) / columns)
    shape = _REGION_SHAPE if map_data.focus is not None else _WORLD_SHAPE
    width, height = _resolve_size(size) if size is not None else _default_size(columns, rows, shape)
    figure = Figure(figsize=(width, height), dpi=_LAYOUT_DPI, facecolor="white")
    FigureCanvasAgg(figure)
    _lay_out(figure, map_data, panels, columns, rows, mode, generated or generation_date())
    return figure


def write_small_multiples(
    map_data: MapData,
    path: str | os.PathLike,
    *,
    step: int = 1,
    mode: str = "in",
    dpi: int = DEFAULT_DPI,
    size: tuple[float, float] | str | None = None,
    fmt: str | None = None,
    generated: date | None = None,
) -> Path:
    """Write the small multiples as a PNG, SVG or PDF file; return its path.

    Parameters are those of :func:`plot_small_multiples` and
    :func:`opmap.draw.static.image.write_image`.

    Raises
    ------
    InvalidOption
        For an unknown format, a dpi out of range, or nothing to draw.
    OutputError
        If the file cannot be written.
    """
    fmt = _check_format(Path(path), fmt)
    dpi = _check_dpi(dpi)
    figure = plot_small_multiples(map_data, step=step, mode=mode, size=size, generated=generated)
    return save_figure(figure, path, dpi=dpi, fmt=fmt)


def _columns(count: int) -> int:
    if count <= 1:
        return 1
    return 2 if count <= 4 else 3


def _default_size(columns: int, rows: int, shape: float) -> tuple[float, float]:
    """17 cm wide, and tall enough for the panels at their shape plus the header and legend."""
    width = DEFAULT_SIZE[0]
    panel_width = (width - 2 * _MARGIN_IN - (columns - 1) * _GAP_IN) / columns
    title = _PANEL_TITLE_PT * 1.6 / 72
    panels = rows * (panel_width * shape + title) + (rows - 1) * _GAP_IN
    return (width, min(max(panels + 1.25, 2.5), 48.0))


def _lay_out(figure, map_data, panels, columns, rows, mode, generated) -> None:
    """Title and subtitle on top, footer and one legend below, the panels in a grid between."""
    page = _Page.of(figure)
    width, height, scale, margin = page.width, page.height, page.scale, page.margin
    inches, fig_xy = page.inches, page.fig_xy
    note = text("panel_note_in" if mode == "in" else "panel_note_up_to")
    top = _draw_header(page, map_data.title, f"{map_data.subtitle} \u00b7 {note}") - 0.06 * scale

    bottom = _draw_footer(figure, map_data, generated, scale, margin, inches, fig_xy)
    # One legend for every panel: their classes are the same, so any panel's will do.
    shared = dataclasses.replace(map_data, classes=panels[0].classes)
    legend = _draw_legend(figure, shared, scale, bottom, inches, fig_xy)
    bottom = inches(legend).y1 + 0.06 * scale

    gap = _GAP_IN * scale
    title_height = _PANEL_TITLE_PT * scale * 1.6 / 72
    cell_width = (width - 2 * margin - (columns - 1) * gap) / columns
    cell_height = (top - bottom - (rows - 1) * gap) / rows
    for index, panel in enumerate(panels):
        row, column = divmod(index, columns)
        x = margin + column * (cell_width + gap)
        y = top - row * (cell_height + gap) - cell_height
        ax = figure.add_axes(
            (*fig_xy(x, y), cell_width / width, (cell_height - title_height) / height)
        )
        ax.set_gid(f"panel-{panel.period}")
        _draw_map(ax, panel, font_scale=scale * _PANEL_LABEL_SCALE)
        for collection in ax.collections:
            if collection.get_gid() == "markers":
                collection.set_sizes([_PANEL_MARKER_SIZE * scale**2])
                collection.set_linewidth(0.4)
        ax.set_title(
            panel_title(panel, mode),
            loc="left",
            fontsize=_PANEL_TITLE_PT * scale,
            fontweight="bold",
            color=TEXT_COLOR,
            pad=2,
            y=1.0,
        )

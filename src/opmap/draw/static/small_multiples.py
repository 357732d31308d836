"""Small multiples for print: one map per year (or period), all on one colour scale.

Each period is drawn in the single map's frames (:func:`.framing.frame_panels`: the Americas and
the Sahel of the bundled data, side by side, each at its own scale, said by scale bars on the
first period's maps), the same in every period so that years compare, and each frame exactly as
the single map draws it (countries, dots on small islands, markers and their labels); the
figure has the same title, source and date lines and one legend, because every panel uses the
same classes (:func:`opmap.decide.periods.timeline_classes`): the same value has the same
colour in every panel. Object-oriented matplotlib only; the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from opmap.decide.mapdata import MapData
from opmap.decide.periods import period_data, periods, timeline_classes, year_span
from opmap.draw.static.framing import Frame, frame_panels
from opmap.draw.static.image import default_subtitle, draw_map
from opmap.draw.static.labels import MAX_LABELLED, Key
from opmap.draw.static.legend import (
    classes_present,
    draw_legend,
    draw_list_box,
    draw_source_line,
    key_entries,
    list_box_height,
)
from opmap.draw.static.page import (
    DEFAULT_SIZE,
    LAYOUT_DPI,
    MARGIN_IN,
    MIN_MAP_IN,
    Page,
    draw_header,
    resolve_size,
)
from opmap.draw.static.writing import (
    DEFAULT_DPI,
    DocumentInfo,
    check_dpi,
    check_format,
    save_figure,
    static_style,
)
from opmap.errors import InvalidOption
from opmap.output import generation_date
from opmap.style import TEXT_COLOR
from opmap.words import count_operations, operation_items, text

_PANEL_TITLE_PT = 7.0
_GAP_IN = 0.15
_PANEL_LABEL_SCALE = 0.85  # marker labels a little smaller than on the single map
#: Marker area in points² on a panel: smaller than the single map's, to leave its countries seen.
_PANEL_MARKER_SIZE = 7.0
#: Rows of panels on one page; more panels go on further pages (files).
_ROWS_PER_PAGE = 3
#: Up to this many panels, two columns (each about 8 cm wide at 17 cm); more take three.
_TWO_COLUMNS_UP_TO = 6
#: Height / width of a panel's map: at least this, at most that, else the frame's own shape.
_SHAPE_LIMITS = (0.4, 1.0)
_SUB_GAP_IN = 0.05  # between the frames of one period
_HEADER_IN = 0.6
_LAYOUT_PASSES = 6
_FOOTER_IN = 0.75
#: The list of operations not on the map keeps at most this share of a page of panels.
_UNMAPPED_SHARE = 0.2
#: The tallest page of the default size, in inches, and how much a page grows at a time when
#: the words beside its panels (a two-line subtitle, the operations not on the map) leave none.
_TALLEST_IN = 48.0
_GROW_IN = 1.0


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
        from opmap.words import text

        raise InvalidOption(text("by_year_nothing"))
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
    title: str | None = None,
    subtitle: str | None = None,
    world: bool = False,
) -> list[Figure]:
    """Draw one map per year (or period), on one page or more, with one shared legend.

    Panels are laid out in two columns (three past six panels of one frame each) and at most
    three rows a page, so that each stays large enough to read a five-country operation; every
    panel has the single map's frames and the same classes, and the legend shows the classes
    that occur in some panel.

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
        Width and height of each page in inches or as
        :func:`opmap.draw.static.page.parse_size` reads it; default 17 cm wide and as tall as
        the panels need.
    generated : datetime.date, optional
        Date printed as the generation date (default: today, or ``SOURCE_DATE_EPOCH``).
    title, subtitle : str, optional
        Default: the finding of the whole map, and its period with the panels' rule.
    world : bool, default False
        Frame every panel on the world instead of on what the map shows.

    Returns
    -------
    list of matplotlib.figure.Figure
        One per page; each figure's axes are its panels, in order, titled with their period.
    """
    panels = plan_panels(map_data, step=step, mode=mode)
    generated = generated or generation_date()
    note = text("panel_note_in" if mode == "in" else "panel_note_up_to")
    headline = (
        title or map_data.finding,
        f"{default_subtitle(map_data)} \u00b7 {note}" if subtitle is None else subtitle,
    )
    shown_classes = set().union(*(classes_present(panel) for panel in panels))
    figures = []
    with static_style():
        # The main map's panels, the same in every year, so that years compare.
        frames = frame_panels(map_data, world=world)
        # A period in two frames is a wide row already: two such periods fill a page's width.
        columns = 2 if len(panels) <= _TWO_COLUMNS_UP_TO or len(frames) > 1 else 3
        per_page = columns * _ROWS_PER_PAGE
        shape = _row_shape(frames, columns)
        for first in range(0, len(panels), per_page):
            chunk = panels[first : first + per_page]
            rows = -(-len(chunk) // columns)
            layout = _Layout(map_data, chunk, columns, rows, mode, frames, shown_classes)
            if size is not None:
                figures.append(_draw_page(layout, resolve_size(size), headline, generated))
                continue
            width, height = _default_size(columns, rows, shape)
            while True:  # as tall as the panels need, and the words the page holds beside them
                try:
                    figures.append(_draw_page(layout, (width, height), headline, generated))
                    break
                except InvalidOption:  # a long list of operations not on the map, say
                    if height >= _TALLEST_IN:
                        raise
                    height = min(height + _GROW_IN, _TALLEST_IN)
    return figures


def _draw_page(layout: _Layout, size: tuple[float, float], headline, generated: date) -> Figure:
    """Draw one page of ``size`` inches; raise InvalidOption if it leaves the panels no room."""
    figure = Figure(figsize=size, dpi=LAYOUT_DPI, facecolor="white")
    FigureCanvasAgg(figure)
    reserved: list[str] = []
    for _ in range(_LAYOUT_PASSES):
        words = layout.draw(figure, headline, generated, reserved).words
        if set(words) <= set(reserved):  # the key drawn fits the room kept for it
            return figure
        figure.clear()
        # Labels that had no room: room for their key, and for the earlier passes' (the room
        # only grows, so that the passes settle: a 12 x 9 cm page went 0, 13, 19 words, then
        # drew 24 in the room of 19, over its legend), as the print map does.
        reserved = [*reserved, *(w for w in words if w not in reserved)]
    # The key still grew at the last pass: drawn now, it would cover the panels. No page of a
    # review's sweep of 84 sizes got here; one that did is refused as too small for its words.
    raise Page.of(figure).no_room()


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
    title: str | None = None,
    subtitle: str | None = None,
    world: bool = False,
) -> list[Path]:
    """Write the small multiples as PNG, SVG or PDF files; return their paths.

    The first page goes to ``path``; further pages to ``<stem>-2<suffix>``, ``<stem>-3<suffix>``
    (see :func:`page_paths`). Parameters are those of :func:`plot_small_multiples` and
    :func:`opmap.draw.static.image.write_image`.

    Raises
    ------
    InvalidOption
        For an unknown format, a dpi out of range, or nothing to draw.
    OutputError
        If a file cannot be written.
    """
    fmt = check_format(Path(path), fmt)
    dpi = check_dpi(dpi)
    generated = generated or generation_date()
    figures = plot_small_multiples(
        map_data,
        step=step,
        mode=mode,
        size=size,
        generated=generated,
        title=title,
        subtitle=subtitle,
        world=world,
    )
    info = DocumentInfo(
        title=title or map_data.finding,
        subject=default_subtitle(map_data, subtitle),
        created=generated,
    )
    return [
        save_figure(figure, target, dpi=dpi, fmt=fmt, info=info)
        for figure, target in zip(figures, page_paths(Path(path), len(figures)), strict=True)
    ]


def page_paths(path: Path, count: int) -> list[Path]:
    """``map-by-year.png``, ``map-by-year-2.png``, ...: the files of ``count`` pages."""
    return [page_path(path, number) for number in range(1, count + 1)]


def page_path(path: Path, number: int) -> Path:
    """Return the file of page ``number`` (from 1) of ``path``: ``map-by-year-2.png`` for 2."""
    return path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")


def _row_shape(frames: list[Frame], columns: int) -> float:
    """Height / width of one period's maps: its frames side by side at one height."""
    if len(frames) == 1:
        minx, miny, maxx, maxy = frames[0].view
        return min(max((maxy - miny) / (maxx - minx), _SHAPE_LIMITS[0]), _SHAPE_LIMITS[1])
    return 1 / sum(_aspect(frame) for frame in frames)


def _aspect(frame: Frame) -> float:
    minx, miny, maxx, maxy = frame.view
    return (maxx - minx) / (maxy - miny)


def _default_size(columns: int, rows: int, shape: float) -> tuple[float, float]:
    """17 cm wide, and tall enough for the panels at their shape plus the header and footer."""
    width = DEFAULT_SIZE[0]
    panel_width = (width - 2 * MARGIN_IN - (columns - 1) * _GAP_IN) / columns
    title = _PANEL_TITLE_PT * 1.6 / 72
    panels = rows * (panel_width * shape + title) + (rows - 1) * _GAP_IN
    return (width, min(max(panels + _HEADER_IN + _FOOTER_IN, 2.5), _TALLEST_IN))


class _Layout:
    """One page of panels: header on top, the grid, one legend and the footer below."""

    def __init__(self, map_data, panels, columns, rows, mode, frames, shown_classes):
        self.map_data, self.panels, self.mode, self.frames = map_data, panels, mode, frames
        self.columns, self.rows, self.shown_classes = columns, rows, shown_classes

    def draw(self, figure: Figure, headline, generated: date, reserved: list[str]) -> Key:
        """Lay the page out, with room for ``reserved`` key lines; return the panels' key."""
        page = Page.of(figure)
        scale = page.scale
        top = draw_header(page, *headline) - 0.06 * scale
        bottom = draw_source_line(page, generated)
        if self.map_data.unmapped:
            items = operation_items(self.map_data.unmapped)
            # Nine panels share the page: the list keeps at most a fifth of it.
            bottom = draw_list_box(
                page, text("unmapped_title"), items, bottom, "unmapped", most=_UNMAPPED_SHARE
            )
        key_bottom = bottom
        if reserved:
            lines = key_entries(Key(list(enumerate(reserved, start=1))))
            bottom += list_box_height(page, text("labels_key_title"), lines)
        # One legend for every panel: their classes are the same, so any panel's will do.
        shared_classes = dataclasses.replace(self.map_data, classes=self.panels[0].classes)
        legend = draw_legend(page, shared_classes, bottom, self.shown_classes)
        bottom = page.inches(legend).y1 + 0.06 * scale
        gap = _GAP_IN * scale
        title_height = _PANEL_TITLE_PT * scale * 1.6 / 72
        cell_width = (page.width - 2 * page.margin - (self.columns - 1) * gap) / self.columns
        cell_height = (top - bottom - (self.rows - 1) * gap) / self.rows
        shared = Key(numbered=frozenset(reserved))
        for index, panel in enumerate(self.panels):
            row, column = divmod(index, self.columns)
            if page.rtl:  # periods read from the right, as the page does; each map stays as is
                column = self.columns - 1 - column
            x = page.margin + column * (cell_width + gap)
            y = top - row * (cell_height + gap) - cell_height
            maps = self._add_maps(page, panel, x, y, cell_width, cell_height - title_height)
            for ax, frame in zip(maps, self.frames, strict=True):
                draw_map(
                    ax,
                    panel,
                    scale=scale * _PANEL_LABEL_SCALE,
                    locator=False,
                    names=False,
                    marker_size=_PANEL_MARKER_SIZE,
                    frame=frame,
                    key=shared,
                    # Each frame at its own scale: the first period's maps say which.
                    scale_bar=index == 0 and len(self.frames) > 1,
                    # A page names at most as many operations as the single map: each of its
                    # maps its share (at 1,000 operations, a key of 100 numbers took the page).
                    most_labels=MAX_LABELLED // (len(self.panels) * len(self.frames)),
                    editable=False,  # a PNG: one collection of countries draws faster
                )
            # A period's title starts where its lines start: over its first or (Arabic) last map.
            titled = maps[-1] if page.rtl else maps[0]
            titled.set_title(
                panel_title(panel, self.mode),
                loc="right" if page.rtl else "left",
                fontsize=_PANEL_TITLE_PT * scale,
                fontweight="bold",
                color=TEXT_COLOR,
                pad=2,
                y=1.0,
            )
        if shared.entries:
            draw_list_box(page, text("labels_key_title"), key_entries(shared), key_bottom, "key")
        return shared

    def _add_maps(self, page: Page, panel: MapData, x, y, width, height) -> list:
        """Add one period's axes: its frames side by side at one height, centred in the cell."""
        gap = _SUB_GAP_IN * page.scale
        aspects = [_aspect(frame) for frame in self.frames] if len(self.frames) > 1 else [0]
        if len(self.frames) == 1:
            widths, tall = [width], height
        else:
            tall = min(height, (width - gap * (len(aspects) - 1)) / sum(aspects))
            widths = [aspect * tall for aspect in aspects]
        left = x + (width - sum(widths) - gap * (len(widths) - 1)) / 2
        low = y + (height - tall) / 2
        maps = []
        for number, map_width in enumerate(widths, start=1):
            suffix = "" if number == 1 else f"-{number}"
            gid = f"panel-{panel.period}{suffix}"
            maps.append(page.add_axes((left, low, map_width, tall), gid, MIN_MAP_IN))
            left += map_width + gap
        return maps

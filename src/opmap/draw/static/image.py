"""Static map images (PNG, SVG, PDF) for print, drawn with matplotlib; no folium here.

The world is drawn in the Equal Earth projection (EPSG:8857), which keeps areas true: Web
Mercator would inflate Europe and shrink Africa, where most of these operations ran. A map zoomed
to a region uses a Lambert azimuthal equal-area projection centred on that region, and greys the
countries outside it. Countries take the colours of :attr:`MapData.classes`, the same classes the
HTML map uses, so the image and the HTML map agree.

Figures are built with the object-oriented API (``Figure`` and ``FigureCanvasAgg``, never pyplot),
so drawing works headless and in threads; the same input gives the same bytes.
"""

from __future__ import annotations

import os
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from opmap.decide.classes import (
    BORDER_COLOR,
    NO_DATA_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
)
from opmap.decide.mapdata import MapData
from opmap.draw.static.shapes import (  # noqa: F401  (MAX_LABELLED and colours re-exported)
    _HEMISPHERE_DEG,
    _LABEL_PT,
    _OUTLYING_KM,
    _SEGMENT_DEG,
    _SIMPLIFY_PT,
    _SMALL_PT,
    MARKER_COLOR,
    MAX_LABELLED,
    TEXT_COLOR,
    WORLD_CRS,
    _draw_map,
)
from opmap.draw.static.sizes import (  # noqa: F401  (parse_size and the defaults re-exported)
    _PAPER_PATTERN,
    _SIDE_LIMITS_IN,
    _SIZE_HINT,
    _SIZE_PATTERN,
    _UNITS_PER_INCH,
    DEFAULT_DPI,
    DEFAULT_SIZE,
    FORMATS,
    PAPER_SIZES,
    _check_dpi,
    _check_format,
    _check_size,
    _resolve_size,
    parse_size,
)
from opmap.output import generation_date
from opmap.read.operations import Operation
from opmap.words import text

#: Countries outside the region a map is zoomed to.
MUTED_TEXT_COLOR = "#555555"


# Font sizes in points at the default 17 cm width; larger pages scale them up a little.
_TITLE_PT = 10.0
_SUBTITLE_PT = 7.5
_LEGEND_PT = 7.0
_NOTE_PT = 6.5
_SOURCE_PT = 6.0
_MARGIN_IN = 0.1
_LAYOUT_DPI = 100  # label placement is measured at this dpi, so it is the same at any output dpi

# SVG element ids are hashed with a salt; a fixed one keeps the bytes the same from run to run.
# rcParams are global, so writes that change them take a lock.
_RC_LOCK = threading.Lock()
_SAVE_RC = {"svg.hashsalt": "opmap", "svg.fonttype": "path", "pdf.fonttype": 42}


def plot_map(
    map_data: MapData,
    *,
    size: tuple[float, float] | str | None = None,
    ax: Axes | None = None,
    generated: date | None = None,
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

    Returns
    -------
    matplotlib.figure.Figure
    """
    if ax is not None:
        _draw_map(ax, map_data, font_scale=1.0)
        ax.legend(
            handles=_legend_handles(map_data),
            title=_legend_title(map_data),
            loc="lower left",
            fontsize=_LEGEND_PT,
            title_fontsize=_LEGEND_PT,
            frameon=False,
        )
        ax.set_title(map_data.title, fontsize=_TITLE_PT, loc="left")
        return ax.figure

    width, height = _resolve_size(size)
    figure = Figure(figsize=(width, height), dpi=_LAYOUT_DPI, facecolor="white")
    FigureCanvasAgg(figure)
    _lay_out(figure, map_data, generated or generation_date())
    return figure


def write_image(
    map_data: MapData,
    path: str | os.PathLike,
    *,
    dpi: int = DEFAULT_DPI,
    size: tuple[float, float] | str | None = None,
    fmt: str | None = None,
    generated: date | None = None,
) -> Path:
    """Write the map as a PNG, SVG or PDF file, all at once or not at all.

    The image goes to a temporary file in the same folder and replaces ``path`` when complete.
    No timestamp goes into the file, so the same input gives the same bytes.

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
    fmt = _check_format(path, fmt)
    dpi = _check_dpi(dpi)
    figure = plot_map(map_data, size=size, generated=generated)
    return save_figure(figure, path, dpi=dpi, fmt=fmt)


def save_figure(
    figure: Figure, path: str | os.PathLike, *, dpi: int = DEFAULT_DPI, fmt: str | None = None
) -> Path:
    """Write a figure as a PNG, SVG or PDF file, all at once or not at all, with no timestamp.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    path : str or path-like
        Output file; its folder is created if missing.
    dpi : int, default 300
    fmt : {"png", "svg", "pdf"}, optional
        Format; by default the extension of ``path`` decides.

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
    fmt = _check_format(path, fmt)
    dpi = _check_dpi(dpi)
    from opmap.output import atomic_path

    with atomic_path(path) as temporary, open(temporary, "wb") as handle:
        _save(figure, handle, fmt, dpi)
    return path


def _save(figure: Figure, target, fmt: str, dpi: int) -> None:
    metadata = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    }[fmt]
    with _RC_LOCK, mpl.rc_context(_SAVE_RC):
        figure.savefig(target, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")


# --- layout of the whole figure -------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """A figure's size and the measuring helpers every layout needs."""

    figure: Figure
    width: float
    height: float
    scale: float
    margin: float

    @classmethod
    def of(cls, figure: Figure) -> _Page:
        width, height = figure.get_size_inches()
        scale = min(max(width / DEFAULT_SIZE[0], 1.0), 1.8)
        return cls(figure, width, height, scale, _MARGIN_IN * scale)

    def inches(self, artist) -> Bbox:
        """Return an artist's extent in inches from the figure's lower left corner."""
        renderer = self.figure.canvas.get_renderer()
        return artist.get_window_extent(renderer).transformed(
            self.figure.dpi_scale_trans.inverted()
        )

    def fig_xy(self, x_in: float, y_in: float) -> tuple[float, float]:
        """Return a point given in inches as figure fractions."""
        return x_in / self.width, y_in / self.height


def _draw_header(page: _Page, title_text: str, subtitle_text: str) -> float:
    """Write the title and subtitle at the top left; return the inch height below them."""
    scale = page.scale
    title = page.figure.text(
        *page.fig_xy(page.margin, page.height - page.margin),
        title_text,
        fontsize=_TITLE_PT * scale,
        fontweight="bold",
        va="top",
        ha="left",
        color=TEXT_COLOR,
        gid="title",
    )
    top = page.inches(title).y0 - 0.03 * scale
    subtitle = page.figure.text(
        *page.fig_xy(page.margin, top),
        subtitle_text,
        fontsize=_SUBTITLE_PT * scale,
        va="top",
        ha="left",
        color=MUTED_TEXT_COLOR,
        gid="subtitle",
    )
    return page.inches(subtitle).y0


def _lay_out(figure: Figure, map_data: MapData, generated: date) -> None:
    """Place header, map, legend and footer, measuring the text so nothing overlaps."""
    page = _Page.of(figure)
    scale, margin, inches, fig_xy = page.scale, page.margin, page.inches, page.fig_xy
    header_bottom = _draw_header(page, map_data.title, map_data.subtitle) - 0.04 * scale

    bottom = _draw_footer(figure, map_data, generated, scale, margin, inches, fig_xy)
    legend = _draw_legend(figure, map_data, scale, bottom, inches, fig_xy)
    legend_top = inches(legend).y1 + 0.02 * scale

    ax = figure.add_axes(
        (
            *fig_xy(margin, legend_top),
            (page.width - 2 * margin) / page.width,
            (header_bottom - legend_top) / page.height,
        )
    )
    _draw_map(ax, map_data, font_scale=scale)


def _draw_footer(figure, map_data, generated, scale, margin, inches, fig_xy) -> float:
    """Write the source and date line, and above it the operations not on the map."""
    from opmap import __version__

    width, _ = figure.get_size_inches()
    y = margin
    source = figure.text(
        *fig_xy(margin, y),
        text("source_line"),
        fontsize=_SOURCE_PT * scale,
        va="bottom",
        ha="left",
        color=MUTED_TEXT_COLOR,
        gid="source",
    )
    stamp = text("generated", date=generated.isoformat(), version=__version__)
    made = figure.text(
        *fig_xy(width - margin, y),
        stamp,
        fontsize=_SOURCE_PT * scale,
        va="bottom",
        ha="right",
        color=MUTED_TEXT_COLOR,
        gid="generated",
    )
    if inches(made).x0 < inches(source).x1 + 0.1:  # too narrow for one line: stack them
        made.set_position(fig_xy(margin, inches(source).y1 + 0.02))
        made.set_horizontalalignment("left")
    y = max(inches(source).y1, inches(made).y1) + 0.03 * scale
    if map_data.unmapped:
        line = unmapped_line(map_data.unmapped)
        # Wrap by an estimate of characters per line (about half an em per character).
        per_line = max(20, int((width - 2 * margin) * 72 / (_NOTE_PT * scale * 0.5)))
        note = figure.text(
            *fig_xy(margin, y),
            textwrap.fill(line, per_line),
            fontsize=_NOTE_PT * scale,
            va="bottom",
            ha="left",
            color=TEXT_COLOR,
            gid="unmapped",
        )
        available = width - 2 * margin
        while inches(note).width > available and per_line > 20:  # the estimate was too wide
            per_line = max(20, int(per_line * available / inches(note).width) - 1)
            note.set_text(textwrap.fill(line, per_line))
        y = inches(note).y1 + 0.03 * scale
    return y


def _draw_legend(figure, map_data, scale, bottom, inches, fig_xy):
    """Put the legend in one row above the footer, or in more rows when one is too wide."""
    width, _ = figure.get_size_inches()
    handles = _legend_handles(map_data)
    legend = None
    for columns in range(len(handles), 0, -1):
        if legend is not None:
            legend.remove()
        legend = figure.legend(
            handles=handles,
            title=_legend_title(map_data),
            ncols=columns,
            loc="lower center",
            bbox_to_anchor=fig_xy(width / 2, bottom),
            frameon=False,
            fontsize=_LEGEND_PT * scale,
            title_fontsize=_LEGEND_PT * scale,
            handlelength=1.4,
            handleheight=0.9,
            columnspacing=1.2,
            handletextpad=0.5,
            borderpad=0.2,
            borderaxespad=0.0,
        )
        legend.set_gid("legend")
        if inches(legend).width <= width - 2 * _MARGIN_IN * scale:
            break
    return legend


def _legend_title(map_data: MapData) -> str:
    return text(f"legend_title_{map_data.metric}")


def _legend_handles(map_data: MapData) -> list:
    classes = map_data.classes
    swatch = {"edgecolor": BORDER_COLOR, "linewidth": 0.4}
    handles: list = [
        Patch(facecolor=color, label=label, **swatch)
        for color, label in zip(classes.colors, classes.labels, strict=True)
    ]
    none_key = "no_operations" if map_data.metric == "operations" else "no_figure"
    handles.append(Patch(facecolor=NO_DATA_COLOR, label=text(none_key), **swatch))
    if map_data.region:
        handles.append(
            Patch(
                facecolor=OUTSIDE_COLOR,
                edgecolor=OUTSIDE_BORDER_COLOR,
                linewidth=0.4,
                label=text("outside_region", region=map_data.region),
            )
        )
    if map_data.markers:
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker="o",
                markersize=4.5,
                markerfacecolor=MARKER_COLOR,
                markeredgecolor="white",
                markeredgewidth=0.6,
                label=text("operation_marker"),
            )
        )
    return handles


#: Operations named in the "not on the map" line of an image; the rest are counted.
UNMAPPED_LISTED = 5


def unmapped_line(operations: Sequence[Operation], listed: int = UNMAPPED_LISTED) -> str:
    """Say which operations are not on the map and why.

    "Not on the map: Adwenpa II 2016, 14 countries, none named". Past ``listed`` operations the
    line counts the others ("and 412 more"), so that a print image keeps room for its map.

    Parameters
    ----------
    operations : sequence of Operation
        Operations that name no country.
    listed : int, default 5
        How many to name.

    Returns
    -------
    str
    """
    items = "; ".join(
        text("unmapped_item", operation=op.key, countries_phrase=_unnamed_phrase(op))
        for op in operations[:listed]
    )
    if len(operations) > listed:
        items += "; " + text("unmapped_more", count=len(operations) - listed)
    return text("unmapped_line", title=text("unmapped_title"), items=items)


def _unnamed_phrase(operation: Operation) -> str:
    if operation.total_countries == 0:
        return text("countries_not_given")
    return text("countries_none_named", total=operation.total_countries)


# --- the map itself -------------------------------------------------------------------------

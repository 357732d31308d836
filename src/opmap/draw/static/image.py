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

import math
import os
import re
import textwrap
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geopandas as gpd
import matplotlib as mpl
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox
from pyproj import CRS, Transformer
from shapely.geometry import MultiPolygon, Point, Polygon

from opmap.decide.classes import (
    BORDER_COLOR,
    NO_DATA_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    SEA_COLOR,
)
from opmap.decide.mapdata import MapData
from opmap.errors import InvalidOption
from opmap.output import generation_date
from opmap.read.operations import Operation
from opmap.words import text

WORLD_CRS = "EPSG:8857"  # Equal Earth, Greenwich
FORMATS = ("png", "svg", "pdf")
DEFAULT_DPI = 300
#: 17 x 10 cm: the text width of an A4 page, in inches.
DEFAULT_SIZE = (17 / 2.54, 10 / 2.54)
#: Paper sizes in cm, landscape.
PAPER_SIZES = {"A3": (42.0, 29.7), "A4": (29.7, 21.0), "A5": (21.0, 14.8), "A6": (14.8, 10.5)}
#: Countries outside the region a map is zoomed to.
MARKER_COLOR = "#252525"
TEXT_COLOR = "#222222"
MUTED_TEXT_COLOR = "#555555"

_UNITS_PER_INCH = {"cm": 2.54, "mm": 25.4, "in": 1.0, "inch": 1.0, '"': 1.0}
_SIZE_PATTERN = re.compile(
    r"^(?P<w>\d+(?:\.\d+)?)\s*[x×]\s*(?P<h>\d+(?:\.\d+)?)\s*(?P<unit>cm|mm|in|inch|\")?$",
    re.IGNORECASE,
)
_PAPER_PATTERN = re.compile(r"^(?P<paper>A\d)(?:[\s_-]*(?P<way>landscape|portrait))?$", re.I)
_SIDE_LIMITS_IN = (2.0, 48.0)
_SIZE_HINT = (
    "write WIDTHxHEIGHT with a unit ('17x10cm', '170x100mm', '6.7x4in') or a paper size "
    f"({', '.join(PAPER_SIZES)}, landscape; add ' portrait' to turn it)"
)

# Font sizes in points at the default 17 cm width; larger pages scale them up a little.
_TITLE_PT = 10.0
_SUBTITLE_PT = 7.5
_LEGEND_PT = 7.0
_LABEL_PT = 6.5
_NOTE_PT = 6.5
_SOURCE_PT = 6.0
_MARGIN_IN = 0.1
_LAYOUT_DPI = 100  # label placement is measured at this dpi, so it is the same at any output dpi
_SEGMENT_DEG = 1.0  # densify edges before projecting, so straight lon/lat edges follow the curve
_HEMISPHERE_DEG = 90.0  # a regional map draws the half of the globe facing the region
_SIMPLIFY_PT = 0.1
_SMALL_PT = 3.5  # a covered country narrower than this on the page also gets a dot
_OUTLYING_KM = 2500  # parts of a country farther than this from its main part do not set the zoom

# SVG element ids are hashed with a salt; a fixed one keeps the bytes the same from run to run.
# rcParams are global, so writes that change them take a lock.
_RC_LOCK = threading.Lock()
_SAVE_RC = {"svg.hashsalt": "opmap", "svg.fonttype": "path", "pdf.fonttype": 42}


def parse_size(size: str) -> tuple[float, float]:
    """Read an image size for print: ``"17x10cm"``, ``"170x100mm"``, ``"6.7x4in"``, ``"A4"``.

    Parameters
    ----------
    size : str
        Width and height with a unit (cm, mm, in), or a paper size A3-A6 (landscape, or
        ``"A4 portrait"``).

    Returns
    -------
    tuple of float
        (width, height) in inches.

    Raises
    ------
    InvalidOption
        If the size cannot be read, has no unit, or is smaller than 2 in or larger than 48 in.
    """
    raw = str(size)
    words = " ".join(raw.split())
    paper = _PAPER_PATTERN.match(words)
    if paper:
        name = paper.group("paper").upper()
        if name not in PAPER_SIZES:
            raise InvalidOption(f"unknown paper size {raw!r}; {_SIZE_HINT}")
        width, height = PAPER_SIZES[name]
        if (paper.group("way") or "").lower() == "portrait":
            width, height = height, width
        return _check_size(width / 2.54, height / 2.54, raw)
    match = _SIZE_PATTERN.match(words)
    if not match:
        raise InvalidOption(f"cannot read the size {raw!r}; {_SIZE_HINT}")
    if match.group("unit") is None:
        raise InvalidOption(f"the size {raw!r} has no unit; {_SIZE_HINT}")
    per_inch = _UNITS_PER_INCH[match.group("unit").lower()]
    return _check_size(float(match.group("w")) / per_inch, float(match.group("h")) / per_inch, raw)


def _check_size(width: float, height: float, raw: str) -> tuple[float, float]:
    low, high = _SIDE_LIMITS_IN
    if not (low <= width <= high and low <= height <= high):
        raise InvalidOption(
            f"the size {raw!r} is {width:.2f} x {height:.2f} in; each side must be from "
            f"{low:g} in (5 cm) to {high:g} in (122 cm)"
        )
    return (width, height)


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


def _resolve_size(size: tuple[float, float] | str | None) -> tuple[float, float]:
    if size is None:
        return DEFAULT_SIZE
    if isinstance(size, str):
        return parse_size(size)
    width, height = (float(side) for side in size)
    return _check_size(width, height, f"{width:g}x{height:g}in")


def _check_format(path: Path, fmt: str | None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        given = f"format {fmt!r}" if fmt else f"extension of {str(path)!r}"
        raise InvalidOption(f"cannot write an image with the {given}; use one of .png, .svg, .pdf")
    return chosen


def _check_dpi(dpi: int) -> int:
    if not 50 <= dpi <= 1200:
        raise InvalidOption(f"dpi {dpi!r} is out of range; use 50 to 1200 (300 for print)")
    return int(dpi)


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


def _draw_map(ax: Axes, map_data: MapData, font_scale: float) -> None:
    """Draw sea, countries, markers and labels into ``ax``, projected and zoomed."""
    coverage = map_data.coverage
    if map_data.focus is not None and len(map_data.focus):
        crs, centre = _regional_crs(map_data.focus)
        geometries = _project_near_side(coverage.geometry, crs, centre)
        globe = _hemisphere(crs)
        focus_codes = set(map_data.focus["iso_a3"])
        view = _focus_view(geometries[coverage["iso_a3"].isin(focus_codes).to_numpy()])
    else:
        crs = CRS.from_user_input(WORLD_CRS)
        geometries = _project(coverage.geometry, crs)
        globe = _world_outline(crs)
        focus_codes = None
        view = _padded(globe.bounds, 0.01)

    ax.set_axis_off()
    view = _fit_view(view, ax)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    ax.set_aspect("equal", adjustable="box")
    ax.apply_aspect()
    # Natural Earth 50m has more detail than a page shows: drop what is under a tenth of a point.
    geometries = geometries.simplify(_SIMPLIFY_PT * _units_per_point(ax), preserve_topology=True)
    ax.add_patch(
        PathPatch(
            _path_of(globe),
            facecolor=SEA_COLOR,
            edgecolor=BORDER_COLOR,
            linewidth=0.4,
            zorder=0,
            gid="sea",
        )
    )
    _draw_countries(ax, map_data, geometries, focus_codes)
    _dot_small_countries(ax, map_data, geometries, focus_codes)
    markers = _draw_markers(ax, map_data, crs)
    if markers is not None and len(markers) <= MAX_LABELLED:
        _label_markers(ax, markers, list(map_data.markers), font_scale)


def _units_per_point(ax: Axes) -> float:
    """Map units (metres) per typographic point at the axes' current limits."""
    width_pt = ax.get_window_extent().width * 72 / ax.figure.dpi
    return (ax.get_xlim()[1] - ax.get_xlim()[0]) / width_pt


def _fit_view(view, ax: Axes) -> tuple[float, float, float, float]:
    """Widen the view along one side so that it has the shape of the axes (no distortion)."""
    box = ax.get_position()
    fig_width, fig_height = ax.figure.get_size_inches()
    box_shape = (box.width * fig_width) / (box.height * fig_height)
    minx, miny, maxx, maxy = view
    width, height = maxx - minx, maxy - miny
    if width / height < box_shape:
        grow = (height * box_shape - width) / 2
        return (minx - grow, miny, maxx + grow, maxy)
    grow = (width / box_shape - height) / 2
    return (minx, miny - grow, maxx, maxy + grow)


def _draw_countries(ax, map_data, geometries, focus_codes) -> None:
    coverage = map_data.coverage
    classes = map_data.classes
    points = []
    for position, (iso3, geometry, value) in enumerate(
        zip(coverage["iso_a3"], geometries, map_data.values, strict=True)
    ):
        outside = focus_codes is not None and iso3 not in focus_codes
        face = OUTSIDE_COLOR if outside else classes.color_of(value)
        edge = OUTSIDE_BORDER_COLOR if outside else BORDER_COLOR
        if geometry is None or geometry.is_empty:
            continue
        if not bool(coverage["has_polygon"].iloc[position]):
            points.append((geometry, face))
            continue
        ax.add_patch(
            PathPatch(
                _path_of(geometry),
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


def _dot_small_countries(ax, map_data, geometries, focus_codes) -> None:
    """Put a dot in its class colour on each covered country too small to see at this scale.

    Most of Libertad's thirteen countries are islands a few points wide on a world map.
    """
    units_per_point = _units_per_point(ax)
    dots = []
    for iso3, geometry, value, has_polygon in zip(
        map_data.coverage["iso_a3"],
        geometries,
        map_data.values,
        map_data.coverage["has_polygon"],
        strict=True,
    ):
        if map_data.classes.class_of(value) is None or not has_polygon or geometry is None:
            continue
        if geometry.is_empty or (focus_codes is not None and iso3 not in focus_codes):
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


def _draw_markers(ax, map_data, crs):
    """Draw one marker per mapped operation; return their projected positions."""
    if not map_data.markers:
        return None
    projected = gpd.GeoSeries(list(map_data.markers.values()), crs="EPSG:4326").to_crs(crs)
    xy = np.column_stack([projected.x.to_numpy(), projected.y.to_numpy()])
    ax.scatter(
        xy[:, 0],
        xy[:, 1],
        s=16,
        marker="o",
        facecolors=MARKER_COLOR,
        edgecolors="white",
        linewidths=0.6,
        zorder=5,
        gid="markers",
    )
    return xy


#: Above this many markers no marker is labelled: a printed map cannot name them all legibly, and
#: labelling only some would single them out.
MAX_LABELLED = 40

# Where a label may go, in points from its marker: right, left, above, below, then diagonals.
_LABEL_SPOTS = (
    ((5, 0), "left", "center"),
    ((-5, 0), "right", "center"),
    ((0, 4), "center", "bottom"),
    ((0, -4), "center", "top"),
    ((4, 3), "left", "bottom"),
    ((-4, 3), "right", "bottom"),
    ((4, -3), "left", "top"),
    ((-4, -3), "right", "top"),
)


def _label_markers(ax: Axes, xy: np.ndarray, keys: list[str], font_scale: float) -> None:
    """Label each marker with its operation where the label overlaps nothing already drawn.

    Greedy: each label tries a few spots around its marker in turn and keeps the first that
    stays inside the map and clear of markers and earlier labels; a label with no such spot is
    left out.
    """
    if not hasattr(ax.figure.canvas, "get_renderer"):  # a bare Figure() has no backend yet
        FigureCanvasAgg(ax.figure)
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    radius = 2.5 * ax.figure.dpi / 72
    screen = ax.transData.transform(xy)
    taken = [Bbox.from_extents(x - radius, y - radius, x + radius, y + radius) for x, y in screen]
    for (x, y), key in zip(xy, keys, strict=True):
        for offset, ha, va in _LABEL_SPOTS:
            label = ax.annotate(
                key,
                xy=(x, y),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=_LABEL_PT * font_scale,
                color=TEXT_COLOR,
                zorder=6,
                path_effects=[withStroke(linewidth=1.6, foreground="white")],
                annotation_clip=False,
                gid=f"label-{key}",
            )
            box = label.get_window_extent(renderer)
            inside = (
                frame.containsx(box.x0)
                and frame.containsx(box.x1)
                and frame.containsy(box.y0)
                and frame.containsy(box.y1)
            )
            if inside and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                break
            label.remove()


# --- projections ----------------------------------------------------------------------------


def _project(geometries: gpd.GeoSeries, crs: CRS) -> gpd.GeoSeries:
    """Densify, then project (Natural Earth already splits polygons at the antimeridian)."""
    return geometries.segmentize(_SEGMENT_DEG).to_crs(crs)


def _world_outline(crs: CRS) -> Polygon:
    """Return the edge of the world map: the lon/lat rectangle, densified and projected."""
    along = np.arange(-180, 180.001, _SEGMENT_DEG)
    up = np.arange(-90, 90.001, _SEGMENT_DEG)
    lon = np.concatenate([along, np.full(up.size, 180.0), along[::-1], np.full(up.size, -180.0)])
    lat = np.concatenate([np.full(along.size, -90.0), up, np.full(along.size, 90.0), up[::-1]])
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    return shapely.make_valid(Polygon(np.column_stack([x, y])))


def _regional_crs(focus: gpd.GeoDataFrame) -> tuple[CRS, tuple[float, float]]:
    """Return a Lambert azimuthal equal-area projection centred on the region's area centroid."""
    centroid = shapely.union_all(focus.geometry.to_crs(WORLD_CRS).to_numpy()).centroid
    lon, lat = Transformer.from_crs(WORLD_CRS, "EPSG:4326", always_xy=True).transform(
        centroid.x, centroid.y
    )
    crs = CRS.from_proj4(
        f"+proj=laea +lat_0={lat:.1f} +lon_0={lon:.1f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    )
    return crs, (lon, lat)


def _project_near_side(
    geometries: gpd.GeoSeries, crs: CRS, centre: tuple[float, float]
) -> gpd.GeoSeries:
    """Project the half of the globe facing ``centre``; parts wholly behind it are dropped.

    An azimuthal projection tears at the point opposite its centre, so polygons there would smear
    across the map; the rest is cut at the edge of the hemisphere.
    """
    dense = geometries.segmentize(_SEGMENT_DEG)
    near = gpd.GeoSeries(
        [_near_parts(g, centre) for g in dense], index=dense.index, crs=geometries.crs
    )
    projected = near.to_crs(crs).make_valid()
    return projected.intersection(_hemisphere(crs))


def _near_parts(geometry, centre: tuple[float, float]):
    if geometry is None or geometry.is_empty:
        return geometry
    if isinstance(geometry, Point):
        lon, lat = geometry.x, geometry.y
        return geometry if _angle_from(centre, lon, lat).min() <= _HEMISPHERE_DEG else Point()
    parts = [
        part
        for part in getattr(geometry, "geoms", [geometry])
        if _angle_from(centre, *shapely.get_coordinates(part).T).min() <= _HEMISPHERE_DEG
    ]
    return MultiPolygon(parts) if parts else Polygon()


def _angle_from(centre: tuple[float, float], lon, lat) -> np.ndarray:
    """Great-circle angle in degrees from ``centre`` to each point."""
    lon0, lat0 = np.radians(centre)
    lon, lat = np.radians(np.atleast_1d(lon)), np.radians(np.atleast_1d(lat))
    cosine = np.sin(lat0) * np.sin(lat) + np.cos(lat0) * np.cos(lat) * np.cos(lon - lon0)
    return np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))


def _hemisphere(crs: CRS) -> Polygon:
    """Return the disc an azimuthal equal-area projection maps the facing hemisphere to."""
    radius = crs.ellipsoid.semi_major_metre * math.sqrt(2)
    return Point(0, 0).buffer(radius, quad_segs=90)


def _focus_view(focus: gpd.GeoSeries) -> tuple[float, float, float, float]:
    """Bounds of the region's countries, without their far-flung parts, padded a little.

    Far parts (Hawaii for the United States, Réunion for France) would otherwise zoom the map out
    to half the globe.
    """
    boxes = []
    for geometry in focus:
        if geometry is None or geometry.is_empty:
            continue
        parts = [p for p in getattr(geometry, "geoms", [geometry]) if not p.is_empty]
        main = max(parts, key=lambda p: p.area)
        boxes += [p.bounds for p in parts if p.distance(main) <= _OUTLYING_KM * 1000]
    if not boxes:
        return (-1e6, -1e6, 1e6, 1e6)
    bounds = np.array(boxes)
    extent = (bounds[:, 0].min(), bounds[:, 1].min(), bounds[:, 2].max(), bounds[:, 3].max())
    return _padded(extent, 0.04)


def _padded(bounds, share: float) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = bounds
    pad = share * max(maxx - minx, maxy - miny)
    return (minx - pad, miny - pad, maxx + pad, maxy + pad)


def _path_of(geometry) -> MplPath:
    """One compound path for a polygon or multipolygon, holes included."""
    geometry = shapely.orient_polygons(geometry)  # exterior counter-clockwise, holes clockwise
    rings = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if not isinstance(polygon, Polygon) or polygon.is_empty:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            rings.append(MplPath(np.asarray(ring.coords)[:, :2], closed=True))
    if not rings:
        return MplPath(np.zeros((0, 2)))
    return MplPath.make_compound_path(*rings)

"""Everything under a static map: the legend, the lists that complete it, source and date.

The list of operations that are not on the map is always complete: it grows, and flows into more
columns, rather than counting the rest ("and 1 more" would hide the largest operation of the
bundled data). Labels that had no room on the map are explained the same way, in a numbered key.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from datetime import date

from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from opmap.decide.mapdata import MapData
from opmap.draw.static.page import LEGEND_PT, NOTE_PT, SOURCE_PT, Page, fit_to_page
from opmap.i18n import is_rtl
from opmap.style import (
    AREA_OUTLINE_COLOR,
    BORDER_COLOR,
    MARKER_COLOR,
    MUTED_TEXT_COLOR,
    NO_DATA_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    TEXT_COLOR,
)
from opmap.words import generated_line, text

_BOX_EDGE = "#bdbdbd"
_MAX_COLUMNS = 4
#: A list box taller than this share of the page flows into another column.
_MAX_BOX_SHARE = 0.18
#: A list box is never taller than this share of the page (40 operations fill about half of
#: an A4 page, and are all listed): past it, the items that do not fit
#: are counted ("and 176 more"), or the map would have no room left.
MOST_BOX_SHARE = 0.55
#: The largest share of a wide column the locator leaves the legend beside it.
LEGEND_ROOM = 0.7


def draw_source_line(page: Page, generated: date) -> float:
    """Write the source (left) and the generation date (right; mirrored in Arabic) at the foot.

    Returns their top.
    """
    scale, margin = page.scale, page.margin
    style = {"fontsize": SOURCE_PT * scale, "va": "bottom", "color": MUTED_TEXT_COLOR}
    end, other = ("left", "right") if page.rtl else ("right", "left")
    source = page.figure.text(
        *page.fig_xy(page.start, margin), text("source_line"), ha=page.align, gid="source", **style
    )
    fit_to_page(page, source)  # on a page a column wide it ran off the paper
    stamp = generated_line(generated)
    made = page.figure.text(
        *page.fig_xy(page.width - page.start, margin), stamp, ha=end, gid="generated", **style
    )
    apart = page.inches(made).x0 - page.inches(source).x1
    if page.rtl:
        apart = page.inches(source).x0 - page.inches(made).x1
    # Too narrow for one line: stack. The gap keeps a margin of 5% of the two widths, so the
    # lines never read as one: "Natural EarthGenerated".
    widths = page.inches(source).width + page.inches(made).width
    if apart < 0.1 + 0.05 * widths:
        made.set_position(page.fig_xy(page.start, page.inches(source).y1 + 0.02))
        made.set_horizontalalignment(page.align)
    return max(page.inches(source).y1, page.inches(made).y1) + 0.03 * scale


def draw_list_box(
    page: Page,
    title: str,
    items: Sequence[str],
    bottom: float,
    gid: str,
    *,
    most: float = MOST_BOX_SHARE,
    span: tuple[float, float] | None = None,
) -> float:
    """Draw a framed list of ``items`` under ``title`` from ``bottom`` up; return its top.

    The items flow top to bottom, then into the next column (leftward in Arabic), in as few
    columns as keep the box under a sixth of the page; with more columns than fit, the box grows
    instead, up to ``most`` of the page's height, and the items past it are counted, not listed.
    The box spans the page between its margins, or ``span`` (left and right, in inches).
    """
    scale = page.scale
    left, right = span or (page.margin, page.width - page.margin)
    start = right if page.rtl else left
    pad = 0.05 * scale
    available = right - left - 2 * pad

    def lay_out(listed, columns: int) -> tuple[list, float]:
        texts = _columns_of(page, listed, columns, available, bottom + pad, gid, start)
        return texts, max(page.inches(t).height for t in texts)

    columns = 1
    texts, height = lay_out(items, columns)
    while (
        height > _MAX_BOX_SHARE * page.height
        and columns < _MAX_COLUMNS
        and all(page.inches(t).width <= available / columns for t in texts)
    ):
        wider, wider_height = lay_out(items, columns + 1)
        if wider_height >= height:  # narrower columns wrap more: no gain
            _remove(wider)
            break
        _remove(texts)
        texts, height, columns = wider, wider_height, columns + 1
    keep = len(items)
    while height > most * page.height and keep > 1:
        _remove(texts)
        keep = max(1, min(keep - 1, int(keep * most * page.height / height)))
        more = text("unmapped_more", count=len(items) - keep)
        texts, height = lay_out([*items[:keep], more], columns)
    top = max(page.inches(t).y1 for t in texts) + 0.02 * scale
    heading = page.figure.text(
        *page.fig_xy(start + (-pad if page.rtl else pad), top),
        title,
        fontsize=NOTE_PT * scale,
        fontweight="bold",
        va="bottom",
        ha=page.align,
        color=TEXT_COLOR,
        gid=f"{gid}-title",
    )
    top = page.inches(heading).y1 + pad
    page.figure.add_artist(
        Rectangle(
            page.fig_xy(left, bottom),
            (right - left) / page.width,
            (top - bottom) / page.height,
            transform=page.figure.transFigure,
            facecolor="none",
            edgecolor=_BOX_EDGE,
            linewidth=0.5,
            gid=f"{gid}-box",
        )
    )
    return top + 0.04 * scale


def list_box_height(page: Page, title: str, items: Sequence[str], span=None) -> float | None:
    """Return the height :func:`draw_list_box` would take, in inches, drawing nothing.

    None when its words would not fit within ``span`` (left and right, in inches); across
    the page (no ``span``) they always do.
    """
    before_texts, before_artists = len(page.figure.texts), len(page.figure.artists)
    top = draw_list_box(page, title, items, 0.0, "measure", span=span)
    texts = page.figure.texts[before_texts:]
    left, right = span or (0.0, page.width)
    fits = span is None or all(
        left <= page.inches(t).x0 and page.inches(t).x1 <= right for t in texts
    )
    _remove([*texts, *page.figure.artists[before_artists:]])
    return top if fits else None


def key_entries(key) -> list[str]:
    """Return the lines of a key of numbered labels: "1  Saint Vincent and the Grenadines"."""
    return [f"{number}  {words}" for number, words in key.entries]


def _remove(artists) -> None:
    for artist in artists:
        artist.remove()


def _columns_of(page: Page, items, columns: int, available: float, bottom, gid, start):
    """One text per column, items wrapped to the column's width, flowing top to bottom.

    ``start`` is the inch where lines start: the box's left edge, or its right in Arabic. The
    columns start on one line at the top, each as tall as its items (the tallest sets the box).
    """
    per_column = -(-len(items) // columns)
    width = available / columns
    room = width - 0.1 * page.scale  # a gap between columns
    by_average = max(16, int(width * 72 / (NOTE_PT * page.scale * 0.55)))  # letters a line
    texts = []
    for column in range(columns):
        chunk = items[column * per_column : (column + 1) * per_column]
        if not chunk:
            break
        inset = 0.05 * page.scale + column * width
        x = start - inset if page.rtl else start + inset
        chars = by_average
        while True:  # wrapped by an average letter's width, then narrower until it fits
            artist = page.figure.text(
                *page.fig_xy(x, bottom),
                "\n".join(textwrap.fill(item, chars, subsequent_indent="  ") for item in chunk),
                fontsize=NOTE_PT * page.scale,
                va="bottom",
                ha=page.align,
                multialignment=page.align,
                color=TEXT_COLOR,
                linespacing=1.25,
                gid=f"{gid}-{column + 1}",
            )
            if columns == 1 or chars <= 16 or page.inches(artist).width <= room:
                break
            artist.remove()
            chars = max(16, int(chars * 0.9))
        texts.append(artist)
    top = bottom + max(page.inches(t).height for t in texts)
    for artist in texts:
        artist.set_verticalalignment("top")
        artist.set_y(page.fig_xy(0, top)[1])
    return texts


def draw_legend(
    page: Page, map_data: MapData, bottom: float, shown_classes: Iterable[int] | None = None
) -> Legend:
    """Put the legend in one row above ``bottom``, or in more rows when one is too wide."""
    handles = legend_handles(map_data, shown_classes)
    if page.rtl:
        handles = handles[::-1]  # one row read from the right: the classes first
    legend = None
    for columns in range(len(handles), 0, -1):
        if legend is not None:
            legend.remove()
        legend = page.figure.legend(
            handles=handles,
            title=legend_title(map_data),
            ncols=columns,
            loc="lower center",
            bbox_to_anchor=page.fig_xy(page.width / 2, bottom),
            frameon=False,
            fontsize=LEGEND_PT * page.scale,
            title_fontsize=LEGEND_PT * page.scale,
            handlelength=1.4,
            handleheight=0.9,
            columnspacing=1.2,
            handletextpad=0.5,
            borderpad=0.2,
            borderaxespad=0.0,
            markerfirst=not page.rtl,
        )
        legend.set_gid("legend")
        if page.inches(legend).width <= page.width - 2 * page.margin:
            break
    else:  # one column, and still too wide for the page: its words wrap
        fit_legend(legend, (page.width - 2 * page.margin) * page.figure.dpi)
    return legend


def map_legend(
    ax: Axes,
    map_data: MapData,
    scale: float,
    *,
    loc: str,
    frameon: bool,
    room: float | None = None,
):
    """Add the map's legend to ``ax``; in Arabic, swatches right of their words, flush right.

    ``room``: the share of ``ax``'s width the legend may take, its words wrapped to fit.
    """
    rtl = is_rtl()
    legend = ax.legend(
        handles=legend_handles(map_data),
        title=legend_title(map_data),
        loc=loc.replace("left", "right") if rtl else loc,
        fontsize=LEGEND_PT * scale,
        title_fontsize=LEGEND_PT * scale,
        alignment="right" if rtl else "left",
        markerfirst=not rtl,
        frameon=frameon,
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
    if room is not None:
        fit_legend(legend, ax.get_window_extent(ax.figure.canvas.get_renderer()).width * room)
    return legend


def fit_legend(legend: Legend, width: float) -> None:
    """Wrap the legend's words onto more lines until it is at most ``width`` display pixels.

    On a narrow page "Area of an operation whose countries are not named" ran off the paper.
    A word longer than the room stays whole: the legend is then as narrow as it can be.
    """
    renderer = legend.figure.canvas.get_renderer()
    texts = [legend.get_title(), *legend.get_texts()]
    words = [t.get_text() for t in texts]
    side = "right" if is_rtl() else "left"
    for characters in range(max(len(w) for w in words) - 1, 7, -1):
        if legend.get_window_extent(renderer).width <= width:
            return
        for artist, text_ in zip(texts, words, strict=True):
            artist.set_text(textwrap.fill(text_, characters, break_long_words=False))
            artist.set_multialignment(side)


def legend_title(map_data: MapData) -> str:
    """Return the legend's title: operations per country, or the figure the map colours by."""
    return text(f"legend_title_{map_data.metric}")


def legend_handles(map_data: MapData, shown_classes: Iterable[int] | None = None) -> list:
    """Swatches of the classes that occur (all, by default), no data, outside, the marker."""
    classes = map_data.classes
    shown = set(range(len(classes.colors)) if shown_classes is None else shown_classes)
    swatch = {"edgecolor": BORDER_COLOR, "linewidth": 0.4}
    handles: list = [
        Patch(facecolor=color, label=label, **swatch)
        for index, (color, label) in enumerate(zip(classes.colors, classes.labels, strict=True))
        if index in shown
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
    if map_data.areas:
        handles.append(
            Patch(
                fill=False,
                edgecolor=AREA_OUTLINE_COLOR,
                linewidth=1.0,
                linestyle="--",
                label=text("legend_area"),
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


def classes_present(map_data: MapData) -> set[int]:
    """Return the indices of the classes at least one unit of ``map_data`` falls in."""
    found = (map_data.classes.class_of(value) for value in map_data.values)
    return {index for index in found if index is not None}

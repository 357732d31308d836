"""Where the panels of a static map go on its page: side by side, or stacked with an inset.

A map in one frame takes the page's width, less a column beside it or a row under it for its
legend when none of its corners is free (:func:`lay_out_map`). A map in two (two distant groups,
see :func:`.framing.frame_panels`) is laid out as a newspaper does: the taller-shaped group at
the full height, the other as wide as the rest of the page on top, and the legend and the
locator in the room under it. A group's far, small members (:mod:`.insets`) get a slot of their
own in that room, beside their group's panel, at a larger scale than it; failing room, the
panels share one scale side by side and an inset goes over a corner of its panel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.axes import Axes

from opmap.draw.static.framing import Frame, panel_widths, share_scale
from opmap.draw.static.page import MIN_MAP_IN, Page

PANEL_GAP_IN = 0.08  # between two panels of one map
_COLUMN_MIN_IN = 1.2  # room beside the panels for the legend and the locator
_COLUMN_MIN_HEIGHT_IN = 0.9  # room under a panel for them
_TALL_MAX_SHARE = 0.6  # the full-height panel takes at most this share of the width
_INSET_ZOOM = (1.0, 1.6)  # an inset's scale, as a multiple of its host's: wanted, most...
_INSET_LEAST_ZOOM = 0.5  # ...and least, on a page whose column is narrow for its host's height
_INSET_ROW_SHARE = 0.7  # an inset takes at most this share of the column's width...
_NAMES_MIN_IN = 1.0  # ...and leaves its names at least this much beside it
_WIDE_MIN_SHARE = 0.5  # the panel on top of the column is at least this share of its width...
_FILL_SHARE = 0.9  # ...and fills it when it would be this share of it or more


@dataclass
class Panels:
    """The axes of a map's panels and of what goes beside them.

    Attributes
    ----------
    frames : list of Frame
        The panels' frames (their views at one scale when ``one_scale``).
    axes : list of Axes
        One per frame.
    column : Axes or None
        The room for the legend and the locator, or None: they go inside a panel.
    one_scale : bool
        True when the panels share one scale (no scale bar each).
    insets : list of Axes
        The slot of each inset frame, in order; an inset without one goes over a corner of
        its host.
    key_span : tuple of float or None
        Left and right (inches) of the key of numbered labels, under the column; None for
        the page's width, under the panels.
    legend_row : float or None
        Where (inches from the foot) the legend goes in a row under the panels, kept for it
        when it has no corner to go in and no column; None when it has one.
    """

    frames: list[Frame]
    axes: list[Axes]
    column: Axes | None
    one_scale: bool
    insets: list[Axes] = field(default_factory=list)
    key_span: tuple[float, float] | None = None
    legend_row: float | None = None


def lay_out_panels(
    page: Page,
    frames: list[Frame],
    bottom: float,
    height: float,
    *,
    insets: list[Frame] = (),
    legend_height=lambda width: 0.0,
    key_height=lambda span: 0.0,
    legend_row: float = 0.0,
) -> Panels:
    """Lay out two panels (and their insets) from ``bottom`` up to ``bottom + height`` inches.

    First choice, stacked (:func:`_stacked_panels`): each panel at its own scale, a scale bar
    each, the key of numbered labels under the legend, an inset in a slot beside its host or,
    failing room, over a corner of it. When that leaves no room for the
    legend, the panels share one scale side by side, with the legend beside them (a column on
    the right) or inside one of them, and the key under them. ``legend_height(width)`` is the
    legend's height in inches in a column ``width`` inches wide (its words wrap to fit), kept
    free under the top panel; ``key_height(span)`` the key's height when it spans ``span``
    (left and right, in inches; None for the page's width), or None when it does not fit there
    (it then goes across the page). ``legend_row`` is the height of the legend in a row
    (:func:`.legend.draw_legend`) when no panel had a free corner for it: panels with no room
    for a column beside them keep that room under them (their :attr:`Panels.legend_row`).
    """
    for slotted in (list(insets), []):  # an inset in a slot of its own, else over its host
        stacked = _stacked_panels(page, frames, bottom, height, slotted, legend_height, key_height)
        if stacked is not None:
            return stacked
    under = key_height(None)
    bottom, height = bottom + under, height - under
    gaps = PANEL_GAP_IN * len(frames)  # between the panels, and before a column
    width = page.width - 2 * page.margin - gaps
    shared = share_scale(frames, width, height, fill=False)
    widths = panel_widths(shared, height)
    if width - sum(widths) < _COLUMN_MIN_IN * page.scale:
        row = bottom if legend_row else None
        bottom, height = bottom + legend_row, height - legend_row
        shared = share_scale(frames, width + PANEL_GAP_IN, height)
        axes = add_panels(page, panel_widths(shared, height), bottom, height)
        return Panels(shared, axes, None, True, legend_row=row)
    axes = add_panels(page, widths, bottom, height)
    left = page.margin + sum(widths) + gaps
    column = page.add_axes((left, bottom, width - sum(widths), height), "legend-column")
    return Panels(shared, axes, column, True)


def lay_out_map(
    page: Page, frame: Frame, bottom: float, height: float, *, legend_height=None, legend_row=0.0
) -> Panels:
    """Lay out a map in one frame from ``bottom`` up to ``bottom + height`` inches.

    It takes the page's width, its legend in a corner. Given ``legend_height`` and
    ``legend_row`` (as for :func:`lay_out_panels`), no corner was free for the legend, which
    goes in a column on the right (the locator on top, the legend's words wrapped under it)
    when that leaves the map a larger scale than a row under it: a map narrower than the page
    at its full height leaves the column room for free.
    """
    width = page.width - 2 * page.margin
    if legend_height is None:
        return Panels([frame], add_panels(page, [width], bottom, height), None, True)
    span_x, span_y = frame.view[2] - frame.view[0], frame.view[3] - frame.view[1]
    under = min(width / span_x, (height - legend_row) / span_y)  # the map's scale, in 1/m
    column_width = max(_COLUMN_MIN_IN * page.scale, width - PANEL_GAP_IN - height * span_x / span_y)
    beside = min((width - PANEL_GAP_IN - column_width) / span_x, height / span_y)
    # The locator takes at most the column's top half (:func:`.locator.draw_locator_on_top`).
    room = height / 2 if frame.regional else height
    if beside > under and legend_height(column_width) <= room - PANEL_GAP_IN:
        axes = add_panels(page, [width - PANEL_GAP_IN - column_width], bottom, height)
        left = page.width - page.margin - column_width
        column = page.add_axes((left, bottom, column_width, height), "legend-column")
        return Panels([frame], axes, column, True)
    axes = add_panels(page, [width], bottom + legend_row, height - legend_row)
    return Panels([frame], axes, None, True, legend_row=bottom)


def add_panels(page: Page, widths: list[float], bottom: float, height: float) -> list[Axes]:
    """Add one axes per panel, side by side from the left margin, ``widths`` in inches."""
    axes, left = [], page.margin
    for number, width in enumerate(widths, start=1):
        gid = "map" if len(widths) == 1 else f"map-{number}"
        axes.append(page.add_axes((left, bottom, width, height), gid, MIN_MAP_IN))
        left += width + PANEL_GAP_IN
    return axes


def _stacked_panels(page: Page, frames, bottom, height, insets, legend_height, key_height):
    """Put the taller-shaped panel at full height, the other on top of the legend column.

    Panels keep their west-to-east order; each is cropped to its own group, so the map area
    goes to what took part rather than to the sea between the groups or to a legend over them.
    The panel on top takes the column's width; it is narrowed, when needed, to leave the
    legend its room (widening the tall one would fill it with sea). An inset of the tall
    panel goes under it, beside the tall panel, at :data:`_INSET_ZOOM` times its scale.
    Returns None when the top panel would be less than half the column's width.
    """
    width = page.width - 2 * page.margin - PANEL_GAP_IN
    shapes = [(f.view[2] - f.view[0]) / (f.view[3] - f.view[1]) for f in frames]
    tall = int(np.argmin(shapes))
    tall_width = min(shapes[tall] * height, _TALL_MAX_SHARE * width)
    column_width = width - tall_width
    column_left = page.margin + (tall_width + PANEL_GAP_IN if tall == 0 else 0.0)
    key_span = (column_left, column_left + column_width)
    key = key_height(key_span)
    if key is None:  # too wide for the column: across the page, under the panels
        under = key_height(None)
        stacked = _stacked_panels(
            page, frames, bottom + under, height - under, insets, legend_height, _no_key
        )
        if stacked is not None:
            stacked.key_span = None
        return stacked
    if key:  # the key under the legend: the tall panel keeps the page's height
        key += PANEL_GAP_IN
    room = max(_COLUMN_MIN_HEIGHT_IN * page.scale, legend_height(column_width)) + key
    own = [frame for frame in insets if frame.host == tall]
    slot = (
        _inset_size(frames[tall], own[0], (tall_width, height), column_width, page) if own else None
    )
    inset_room = slot[1] + PANEL_GAP_IN if slot else 0.0
    # The top panel as wide as the column, or less so that the legend (and inset) fit under it.
    wide_height = min(column_width / shapes[1 - tall], height - room - inset_room - PANEL_GAP_IN)
    if slot is not None:
        # What the top panel leaves goes to the inset, up to its largest zoom.
        spare = height - room - PANEL_GAP_IN - wide_height - inset_room
        slot = _grown(slot, spare, column_width, page)
        inset_room = slot[1] + PANEL_GAP_IN
    wide_width = wide_height * shapes[1 - tall]
    if wide_width < _WIDE_MIN_SHARE * column_width:
        return None
    widths = [tall_width, column_width] if tall == 0 else [column_width, tall_width]
    lefts = [page.margin, page.margin + widths[0] + PANEL_GAP_IN]
    column_height = height - wide_height - PANEL_GAP_IN
    boxes = [None, None]
    boxes[tall] = (lefts[tall], bottom, tall_width, height)
    if wide_width >= _FILL_SHARE * column_width:
        wide_width = column_width  # its view widens a little rather than leave a blank strip
    top_left = lefts[1 - tall] if tall == 0 else lefts[1 - tall] + column_width - wide_width
    boxes[1 - tall] = (top_left, bottom + column_height + PANEL_GAP_IN, wide_width, wide_height)
    axes = [
        page.add_axes(box, f"map-{number}", MIN_MAP_IN) for number, box in enumerate(boxes, start=1)
    ]
    column = page.add_axes(
        (lefts[1 - tall], bottom + key, column_width, column_height - key), "legend-column"
    )
    placed = []
    if slot is not None:
        slot_width, slot_height = slot
        # Beside the tall panel, at the top of the column.
        left = lefts[1 - tall] if tall == 0 else lefts[1 - tall] + column_width - slot_width
        low = bottom + column_height - slot_height
        placed.append(page.add_axes((left, low, slot_width, slot_height), "map-inset-1"))
    return Panels(frames, axes, column, False, placed, key_span)


def _no_key(span) -> float:
    return 0.0


def _inset_size(host: Frame, inset: Frame, host_size, column_width: float, page: Page):
    """Return the (width, height) in inches of ``inset``'s slot at its least zoom, or None.

    A slot too wide for the column beside the locator is narrowed to fit; None when it would
    then be at its host's scale or smaller (the inset goes over a corner of its host instead).
    """
    host_x, host_y = host.view[2] - host.view[0], host.view[3] - host.view[1]
    per_inch = max(host_x / host_size[0], host_y / host_size[1])  # the host's metres per inch
    span_x, span_y = inset.view[2] - inset.view[0], inset.view[3] - inset.view[1]
    zoom = min(_INSET_ZOOM[0], _most_inset_width(column_width, page) * per_inch / span_x)
    if zoom < _INSET_LEAST_ZOOM:
        return None
    return (span_x / per_inch * zoom, span_y / per_inch * zoom)


def _grown(slot, spare: float, column_width: float, page: Page):
    """Grow an inset's slot by up to ``spare`` inches of height, within its zoom and width."""
    width, height = slot
    growth = min(
        (height + max(spare, 0.0)) / height,
        _INSET_ZOOM[1] / _INSET_ZOOM[0],
        _most_inset_width(column_width, page) / width,
    )
    return (width * growth, height * growth)


def _most_inset_width(column_width: float, page: Page) -> float:
    return min(_INSET_ROW_SHARE * column_width, column_width - _NAMES_MIN_IN * page.scale)

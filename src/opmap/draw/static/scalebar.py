"""A scale bar on a framed map panel: panels of one figure drawn at different scales say so.

The bar is a round distance (1, 2 or 5 times a power of ten kilometres) about a fifth of the
panel wide, measured at the centre of the panel's equal-area projection (where its scale is
true), in the corner where it hides least of what took part. Its words are CLDR's ("1,000 km",
"1 000 km", "1.000 km", "1,000 كم").
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from opmap.draw.static.locator import emptiest_corner
from opmap.draw.static.page import SOURCE_PT
from opmap.i18n import format_kilometres
from opmap.style import TEXT_COLOR

_SHARE = 0.22  # the longest bar, as a share of the panel's width
_PAD_SHARE = 0.03  # from the panel's edge, as a share of its width


def scale_length_km(width_m: float) -> int:
    """Return the roundest distance (1, 2, 5 x 10^n km) at most :data:`_SHARE` of ``width_m``."""
    longest = width_m * _SHARE / 1000
    power = 10 ** math.floor(math.log10(longest))
    return max(step * power for step in (1, 2, 5) if step * power <= longest)


def draw_scale_bar(ax: Axes, avoid, taken=(), scale: float = 1.0) -> Bbox:
    """Draw a scale bar in the emptiest free corner of ``ax``; return its display extent.

    Parameters
    ----------
    ax : Axes
        A framed panel whose data units are metres (an equal-area projection).
    avoid : shapely geometry
        What the bar should not hide, in map units.
    taken : sequence of str
        Corners already used (by the locator or the legend).
    scale : float, default 1
        Type size relative to a 17 cm page.
    """
    x0, x1 = ax.get_xlim()
    kilometres = scale_length_km(x1 - x0)
    length = kilometres * 1000
    pad = _PAD_SHARE * (x1 - x0)
    height = 0.09 * (x1 - x0)
    corner, spot = emptiest_corner(ax, length + 2 * pad, height + pad, avoid, taken)
    left = spot.bounds[0] + pad
    base = spot.bounds[1] + pad if corner.startswith("lower") else spot.bounds[3] - height
    style = {"color": TEXT_COLOR, "linewidth": 1.0 * scale, "solid_capstyle": "butt", "zorder": 8}
    bar = Line2D([left, left + length], [base, base], gid="scale-bar", **style)
    tick = 0.012 * (x1 - x0)
    ends = [
        Line2D([x, x], [base, base + tick], gid="scale-bar-tick", **style)
        for x in (left, left + length)
    ]
    for line in (bar, *ends):
        ax.add_line(line)
    words = ax.text(
        left + length / 2,
        base + 1.6 * tick,
        format_kilometres(kilometres),
        ha="center",
        va="bottom",
        fontsize=SOURCE_PT * scale,
        color=TEXT_COLOR,
        zorder=8,
        gid="scale-bar-label",
        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.7, "linewidth": 0},
    )
    renderer = ax.figure.canvas.get_renderer()
    # A small panel's label is wider than its bar: move both inside the panel.
    frame = ax.get_window_extent(renderer)
    label = words.get_window_extent(renderer)
    shift_px = max(frame.x0 + 2 - label.x0, 0) - max(label.x1 - (frame.x1 - 2), 0)
    if shift_px:
        shift = shift_px * (x1 - x0) / frame.width
        for line in (bar, *ends):
            line.set_xdata([x + shift for x in line.get_xdata()])
        words.set_x(words.get_position()[0] + shift)
    extents = [artist.get_window_extent(renderer) for artist in (bar, words)]
    return Bbox.union(extents).padded(2)

"""Labels on a static map: operation markers and participating countries, none overlapping.

Each label tries spots around its anchor, nearest first (:mod:`.placer`); a spot is taken when
the label stays inside the map and clear of every marker, the locator and every label already
placed. A label away from its anchor gets a thin leader line. A label with no free spot becomes
a number beside
its anchor, explained in a key under the map, so every marker and participating country is named.
Labels are plain text (no outline effect), so an SVG keeps them as ``<text>``.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from opmap.decide.mapdata import MapData
from opmap.draw.static.page import COUNTRY_PT, LABEL_PT
from opmap.draw.static.placer import Boxes, Placer
from opmap.i18n import is_rtl
from opmap.style import MUTED_TEXT_COLOR, TEXT_COLOR

#: Above this many markers none is labelled: a printed map cannot name them all legibly, and
#: naming only some would single them out. The table of operations names them all. Above this
#: many participating countries in view, a country whose name has no room is not numbered in a
#: key (which would fill the page): its colour and the coverage tables say it took part.
MAX_LABELLED = 40


@dataclass
class Key:
    """Labels that had no room on the map: a number on the map, the words in the key.

    ``numbered`` are words to number without trying them in full: a layout that made room for
    a key numbers the same labels again, so that the key it made room for is the key drawn.
    """

    entries: list[tuple[int, str]] = field(default_factory=list)
    numbered: frozenset[str] = frozenset()

    @property
    def words(self) -> list[str]:
        """The words of each entry, in order."""
        return [words for _, words in self.entries]

    def add(self, words: str) -> str:
        """Add ``words`` to the key; return the number to print on the map."""
        number = len(self.entries) + 1
        self.entries.append((number, words))
        return str(number)


def label_markers(
    ax: Axes,
    xy: np.ndarray,
    keys: list[str],
    placer: Placer,
    key: Key,
    scale: float = 1.0,
    numbers: list[int] | None = None,
) -> None:
    """Name each operation beside its marker (bold), or number it and add it to ``key``.

    ``numbers`` are the markers' places among all the map's markers (their labels' ids), when
    ``keys`` are some of them (one panel of two).
    """
    if len(keys) > MAX_LABELLED:
        return
    screen = ax.transData.transform(xy) if len(xy) else xy
    numbers = numbers if numbers is not None else list(range(len(keys)))
    for number, anchor, name in zip(numbers, screen, keys, strict=True):
        label = _text(ax, name, LABEL_PT * scale, TEXT_COLOR, "bold", f"operation-label-{number}")
        if name in key.numbered or not placer.place(label, tuple(anchor)):
            label.set_text(key.add(name))
            _place_number(placer, label, tuple(anchor))


def label_countries(
    ax: Axes,
    map_data: MapData,
    geometries,
    placer: Placer,
    key: Key,
    shown: np.ndarray,
    scale: float = 1.0,
) -> None:
    """Name every participating country in view: inside it if it fits, else beside it.

    Parameters
    ----------
    ax : Axes
    map_data : MapData
    geometries : GeoSeries
        The coverage's units, projected.
    placer : Placer
    key : Key
    shown : array of bool
        Which rows of the coverage to name.
    scale : float, default 1
        Type size, relative to a 17 cm page.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    view = shapely.box(x0, y0, x1, y1)
    names = map_data.coverage["name"].to_numpy()
    order = sorted(
        (i for i in np.flatnonzero(shown) if _visible(geometries.iloc[i], view)),
        key=lambda i: -geometries.iloc[i].area,  # large countries first: they take their insides
    )
    outside = []
    for i in order:
        geometry = geometries.iloc[i].intersection(view)
        anchor = _label_point(geometry)
        label = _text(
            ax, str(names[i]), COUNTRY_PT * scale, MUTED_TEXT_COLOR, "normal", f"country-label-{i}"
        )
        if names[i] in key.numbered or not _place_inside(label, geometry, anchor, placer):
            outside.append((i, label, anchor))
    numbering = len(order) <= MAX_LABELLED
    for i, label, anchor in outside:
        screen = tuple(ax.transData.transform(anchor))
        if names[i] in key.numbered or not _place_beside(placer, label, screen, numbering):
            if not numbering:  # a key of 200 countries would leave no room for the map
                label.remove()
                continue
            label.set_text(key.add(str(names[i])))
            _place_number(placer, label, screen)


def key_beside(placer: Placer, key: Key, first: int, scale: float = 1.0) -> None:
    """Explain the key's entries from ``first`` on beside the map, in ``placer``'s room.

    An inset with room beside it (:class:`Placer`'s ``room``) explains its own numbers there,
    "1  Saint Vincent and the Grenadines" wrapped to the room beside the inset, rather than in
    a key under the map that would take height from every panel. When all fit, the entries
    leave ``key``; else nothing is written here.
    """
    entries = key.entries[first:]
    if not entries:
        return
    written = []
    for number, words in entries:
        line = _key_line(placer, f"{number}  {words}", scale)
        if line is None:
            for line in written:
                line.remove()
            return
        line.set_gid(f"key-beside-{number}")
        written.append(line)
    del key.entries[first:]


def _key_line(placer: Placer, words: str, scale: float) -> Text | None:
    """Write ``words`` in the free room beside the map (wrapped if need be), top first."""
    ax, frame, renderer = placer.ax, placer.frame, placer.renderer
    held = ax.get_window_extent(renderer)
    rtl = is_rtl()
    # The map sits at one side of its room: the words go in the rest, clear of its border,
    # starting at its left (at its right in Arabic).
    right = frame.x1 - held.x1 >= held.x0 - frame.x0
    beside = (held.x1 + 3, frame.x1) if right else (frame.x0, held.x0 - 3)
    line = _text(ax, words, LABEL_PT * scale, TEXT_COLOR, "normal", "key-beside")
    line.get_bbox_patch().set_alpha(1.0)  # opaque: where it must cross the border, it hides it
    line.set_multialignment("right" if rtl else "left")
    # Clear of the map first, wrapped if need be; else anywhere free in the room.
    for clear, (start, end) in ((True, beside), (False, (frame.x0, frame.x1))):
        for width in range(len(words), 12, -4):
            line.set_text(textwrap.fill(words, width, subsequent_indent="   "))
            boxes = Boxes(line, ax, renderer)
            across = "left" if clear != rtl else "right"
            x = start if clear != rtl else end
            for top in np.arange(frame.y1, frame.y0, -2.0):
                extent = Bbox.from_extents(*boxes.at(across, "top", (x, top)))
                inside = extent.x0 >= start and extent.x1 <= end
                if inside and placer.is_free(extent):
                    boxes.put(across, "top", (x, top))
                    placer.taken.append(extent)
                    return line
    line.remove()
    return None


def _place_beside(placer: Placer, label: Text, anchor, every: bool) -> bool:
    """Place a name beside its country, clear of an inset's border if at all possible.

    It tries, in turn: one line; two lines ("Saint Vincent and the Grenadines" beside a
    Caribbean inset); when ``every`` name is to be shown, one line over other names' leader
    lines; and last, across the border. A name placed at none of them is numbered, or left off
    a map with too many to number (False). A number changes the whole layout (a key must be
    made room for), and on a map of 250 names leaders over leaders are a tangle.
    """
    if placer.place(label, anchor, far=placer.far, cross=False):
        return True
    words = label.get_text()
    if " " in words:
        label.set_text(textwrap.fill(words, max(len(words) // 2 + 1, 8)))
        if placer.place(label, anchor, far=placer.far, cross=False):
            return True
        label.set_text(words)
    if every and placer.place(label, anchor, far=placer.far, loose=True, cross=False):
        return True
    return placer.border is not None and placer.place(label, anchor, far=placer.far)


def _place_number(placer: Placer, label: Text, anchor) -> None:
    """Place a key number, farther out if need be; with no room at all, leave it off the map.

    Its key entry still names the operation or country, so nothing goes unnamed.
    """
    if not placer.place(label, anchor, far=True):
        if not placer.place(label, anchor, far=True, loose=True):
            label.set_visible(False)


def _visible(geometry, view) -> bool:
    return geometry is not None and not geometry.is_empty and geometry.intersects(view)


def _label_point(geometry) -> tuple[float, float]:
    """Return the middle of the largest part, far from its edges (pole of inaccessibility)."""
    if geometry.geom_type == "Point":
        return geometry.x, geometry.y
    parts = [p for p in getattr(geometry, "geoms", [geometry]) if p.area > 0]
    if not parts:
        point = geometry.representative_point()
        return point.x, point.y
    main = max(parts, key=lambda p: p.area)
    point = shapely.ops.polylabel(main, tolerance=max(main.length / 500, 1.0))
    return point.x, point.y


def _place_inside(label: Text, geometry, anchor, placer: Placer) -> bool:
    """Centre ``label`` on the country if it fits inside it and is free; try a little up/down."""
    ax = placer.ax
    screen = ax.transData.transform(anchor)
    label.set_horizontalalignment("center")
    label.set_verticalalignment("center")
    inverse = ax.transData.inverted()
    label.set_position(inverse.transform(screen))
    centred = label.get_window_extent(placer.renderer)  # measured once: the others are shifts
    for shift in (0.0, 1.2, -1.2):
        extent = centred.translated(0, shift * centred.height)
        corners = inverse.transform([[extent.x0, extent.y0], [extent.x1, extent.y1]])
        inside = geometry.contains(shapely.box(*corners[0], *corners[1]))
        if inside and placer.is_free(extent):
            label.set_position(inverse.transform((screen[0], screen[1] + shift * centred.height)))
            placer.taken.append(label.get_window_extent(placer.renderer))
            return True
    return False


#: How opaque the white box behind every name is: over the darkest class (or black), grey text
#: keeps a contrast of 5:1 (WCAG's 4.5:1). Names on their own country had none, and read at
#: 1.2:1 on the darker reds.
LABEL_BOX_ALPHA = 0.85


def _text(ax: Axes, words: str, size: float, color, weight, gid) -> Text:
    return ax.text(
        0,
        0,
        words,
        fontsize=size,
        color=color,
        fontweight=weight,
        zorder=7,
        gid=gid,
        clip_on=False,
        bbox={
            "boxstyle": "square,pad=0.05",
            "facecolor": "white",
            "alpha": LABEL_BOX_ALPHA,
            "linewidth": 0,
        },
    )

"""Labels on a static map: operation markers and participating countries, none overlapping.

Each label tries spots around its anchor, nearest first; a spot is taken when the label stays
inside the map and clear of every marker, the locator and every label already placed. A label
away from its anchor gets a thin leader line. A label with no free spot becomes a number beside
its anchor, explained in a key under the map, so every marker and participating country is named.
Labels are plain text (no outline effect), so an SVG keeps them as ``<text>``.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from shapely.geometry import LineString

from opmap.decide.mapdata import MapData
from opmap.draw.static.page import COUNTRY_PT, LABEL_PT
from opmap.i18n import is_rtl
from opmap.style import MUTED_TEXT_COLOR, TEXT_COLOR

#: Above this many markers none is labelled: a printed map cannot name them all legibly, and
#: naming only some would single them out. The table of operations names them all. Above this
#: many participating countries in view, a country whose name has no room is not numbered in a
#: key (which would fill the page): its colour and the coverage tables say it took part.
MAX_LABELLED = 40
#: Distances (points) from an anchor at which a label is tried, and directions at each.
_RINGS_PT = (4, 12, 22, 34, 48, 64)
_FAR_RINGS_PT = (82, 102, 124, 148)
_DIRECTIONS = 16
_GAP_PX = 1.5  # labels keep this far apart
_LEADER_COLOR = "#666666"


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


class Placer:
    """Free room on a map's axes, in display pixels: the frame, minus what is taken.

    The frame is the axes' extent, or ``room``: an inset's names may go in the white room
    beside it, over the page rather than over the map.

    Leader lines count too: a label may not sit on an earlier leader, and a leader may not
    cross an earlier label.
    """

    def __init__(self, ax: Axes, blocked=(), room: Bbox | None = None):
        self.ax = ax
        self.renderer = ax.figure.canvas.get_renderer()
        self.frame = (room or ax.get_window_extent(self.renderer)).padded(-2)
        self.far = room is not None  # with room beside the map, names go farther out too
        self.taken: list[Bbox] = list(blocked)
        self.leaders: list[LineString] = []
        # ``taken`` as an array of (x0, y0, x1, y1) rows, grown as boxes are taken: a map of
        # 10,000 operations blocks 10,000 markers, each checked for every spot of every label.
        self._boxes = np.empty((0, 4))
        self._shapes = np.empty(0, dtype=object)

    def _taken_boxes(self) -> np.ndarray:
        """Return the boxes taken so far as rows (x0, y0, x1, y1), smallest first on each axis."""
        if len(self._boxes) < len(self.taken):
            new = np.array([box.extents for box in self.taken[len(self._boxes) :]], dtype=float)
            lows, highs = np.minimum(new[:, :2], new[:, 2:]), np.maximum(new[:, :2], new[:, 2:])
            self._boxes = np.vstack([self._boxes, np.hstack([lows, highs])])
            self._shapes = shapely.box(*self._boxes.T)
        return self._boxes

    def is_free(self, extent: Bbox, *, leaders: bool = True) -> bool:
        """Say whether ``extent`` is inside the frame and overlaps nothing taken.

        ``leaders=False`` lets it sit on leader lines (a number beside a crowded marker).
        """
        inside = self.frame.x0 <= extent.x0 and extent.x1 <= self.frame.x1
        inside = inside and self.frame.y0 <= extent.y0 and extent.y1 <= self.frame.y1
        if not inside:
            return False
        grown = extent.padded(_GAP_PX)
        (gx0, gx1), (gy0, gy1) = sorted(grown.intervalx), sorted(grown.intervaly)
        boxes = self._taken_boxes()  # overlapping as Bbox.overlaps has it: edges touching count
        if np.any(
            (boxes[:, 0] <= gx1)
            & (gx0 <= boxes[:, 2])
            & (boxes[:, 1] <= gy1)
            & (gy0 <= boxes[:, 3])
        ):
            return False
        if not leaders:
            return True
        area = shapely.box(grown.x0, grown.y0, grown.x1, grown.y1)
        return not any(area.intersects(line) for line in self.leaders)

    def place(
        self, label: Text, anchor: tuple[float, float], *, far: bool = False, loose: bool = False
    ) -> bool:
        """Move ``label`` to the nearest free spot around ``anchor`` (display px); keep it.

        ``far`` also tries farther rings (for numbers, the last resort); ``loose`` lets a label
        sit on other leaders and its leader cross other labels (still never another label).
        Returns False, and removes nothing, when no spot is free.
        """
        rings = _RINGS_PT + _FAR_RINGS_PT if far else _RINGS_PT
        for distance, angle in _spots(rings):
            _put(label, self.ax, anchor, distance * self.ax.figure.dpi / 72, angle)
            extent = label.get_window_extent(self.renderer)
            if not self.is_free(extent, leaders=not loose):
                continue
            if distance == _RINGS_PT[0]:
                self.taken.append(extent)
                return True
            leader = _leader_line(anchor, extent)
            if not loose and self._crosses_a_label(leader, anchor):
                continue
            self.taken.append(extent)
            self.leaders.append(leader)
            _draw_leader(self.ax, leader)
            return True
        return False

    def _crosses_a_label(self, leader: LineString, anchor) -> bool:
        """Whether ``leader`` runs through something taken other than its own anchor's marker."""
        boxes = self._taken_boxes()
        x, y = anchor
        own = (boxes[:, 0] <= x) & (x <= boxes[:, 2]) & (boxes[:, 1] <= y) & (y <= boxes[:, 3])
        return bool(shapely.intersects(leader, self._shapes[~own]).any())


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
        if names[i] in key.numbered or not placer.place(label, screen, far=placer.far):
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
    line.set_verticalalignment("top")
    line.set_multialignment("right" if rtl else "left")
    # Clear of the map first, wrapped if need be; else anywhere free in the room.
    for clear, (start, end) in ((True, beside), (False, (frame.x0, frame.x1))):
        for width in range(len(words), 12, -4):
            line.set_text(textwrap.fill(words, width, subsequent_indent="   "))
            for top in np.arange(frame.y1, frame.y0, -2.0):
                x = start if clear != rtl else end
                line.set_horizontalalignment("left" if clear != rtl else "right")
                line.set_position(ax.transData.inverted().transform((x, top)))
                extent = line.get_window_extent(renderer)
                inside = extent.x0 >= start and extent.x1 <= end
                if inside and placer.is_free(extent):
                    placer.taken.append(extent)
                    return line
    line.remove()
    return None


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
    height = label.get_window_extent(placer.renderer).height
    for shift in (0.0, 1.2, -1.2):
        label.set_position(inverse.transform((screen[0], screen[1] + shift * height)))
        extent = label.get_window_extent(placer.renderer)
        corners = inverse.transform([[extent.x0, extent.y0], [extent.x1, extent.y1]])
        inside = geometry.contains(shapely.box(*corners[0], *corners[1]))
        if inside and placer.is_free(extent):
            placer.taken.append(extent)
            label.set_bbox(None)  # on its own country: the name needs no white box to read
            return True
    return False


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
        bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "alpha": 0.7, "linewidth": 0},
    )


def _spots(rings):
    """(distance, angle) pairs, nearest first: right, left, up, down, then the diagonals."""
    first = (0.0, 180.0, 90.0, 270.0)
    for distance in rings:
        angles = [*first, *(a for a in np.arange(0, 360, 360 / _DIRECTIONS) if a not in first)]
        for angle in angles:
            yield distance, float(angle)


def _put(label: Text, ax: Axes, anchor, distance_px: float, angle_deg: float) -> None:
    """Place ``label`` ``distance_px`` from ``anchor`` toward ``angle_deg``, on its near side."""
    dx, dy = math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg))
    label.set_horizontalalignment("left" if dx > 0.3 else "right" if dx < -0.3 else "center")
    label.set_verticalalignment("bottom" if dy > 0.3 else "top" if dy < -0.3 else "center")
    screen = (anchor[0] + dx * distance_px, anchor[1] + dy * distance_px)
    label.set_position(ax.transData.inverted().transform(screen))


def _leader_line(anchor, extent: Bbox) -> LineString:
    """Return the line from the anchor to the nearest point of the label's box (display px)."""
    x = min(max(anchor[0], extent.x0), extent.x1)
    y = min(max(anchor[1], extent.y0), extent.y1)
    return LineString([tuple(anchor), (x, y)])


def _draw_leader(ax: Axes, leader: LineString) -> None:
    """Draw a leader line, given in display pixels, in data coordinates."""
    (ax0, ay0), (lx, ly) = ax.transData.inverted().transform(np.asarray(leader.coords))
    ax.add_line(
        Line2D(
            [ax0, lx],
            [ay0, ly],
            color=_LEADER_COLOR,
            linewidth=0.4,
            zorder=6,
            gid="leader",
            clip_on=False,  # an inset's leader may run to a name beside the inset
        )
    )

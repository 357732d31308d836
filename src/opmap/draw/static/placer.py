"""Free room on a static map for labels: what is taken, and the spots a label tries.

A label tries spots around its anchor, nearest first (rings of distances, sixteen directions at
each); a spot is taken when the label stays inside the frame and clear of every box taken and
every leader line drawn. A label away from its anchor gets a thin leader line.
"""

from __future__ import annotations

import math

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from shapely.geometry import LineString

#: Distances (points) from an anchor at which a label is tried, and directions at each.
_RINGS_PT = (4, 12, 22, 34, 48, 64)
_FAR_RINGS_PT = (82, 102, 124, 148)
_DIRECTIONS = 16
_GAP_PX = 1.5  # labels keep this far apart
_LEADER_COLOR = "#666666"


class Placer:
    """Free room on a map's axes, in display pixels: the frame, minus what is taken.

    The frame is the axes' extent, or ``room``: an inset's names may go in the white room
    beside it, over the page rather than over the map. A name there goes across the inset's
    border only when no spot inside or wholly outside it is free.

    Leader lines count too: a label may not sit on an earlier leader, and a leader may not
    cross an earlier label.
    """

    def __init__(self, ax: Axes, blocked=(), room: Bbox | None = None):
        self.ax = ax
        self.renderer = ax.figure.canvas.get_renderer()
        self.frame = (room or ax.get_window_extent(self.renderer)).padded(-2)
        # With room beside it, the axes' own border (an inset's), which names avoid crossing.
        self.border = ax.get_window_extent(self.renderer) if room is not None else None
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
        if not self._clear(np.array([extent.extents]))[0]:
            return False
        return not leaders or not self._on_a_leader(extent.extents)

    def _clear(self, extents: np.ndarray) -> np.ndarray:
        """Which boxes (rows x0, y0, x1, y1) are inside the frame and clear of every box taken.

        Overlapping as Bbox.overlaps has it: edges touching count, with a gap of _GAP_PX.
        """
        inside = _within(extents, self.frame)
        boxes = self._taken_boxes()
        lows = np.minimum(extents[:, :2], extents[:, 2:]) - _GAP_PX
        highs = np.maximum(extents[:, :2], extents[:, 2:]) + _GAP_PX
        overlaps = (
            (boxes[None, :, 0] <= highs[:, None, 0])
            & (lows[:, None, 0] <= boxes[None, :, 2])
            & (boxes[None, :, 1] <= highs[:, None, 1])
            & (lows[:, None, 1] <= boxes[None, :, 3])
        )
        return inside & ~overlaps.any(axis=1)

    def _on_a_leader(self, extents) -> bool:
        x0, y0, x1, y1 = extents
        area = shapely.box(x0 - _GAP_PX, y0 - _GAP_PX, x1 + _GAP_PX, y1 + _GAP_PX)
        return any(area.intersects(line) for line in self.leaders)

    def place(
        self,
        label: Text,
        anchor: tuple[float, float],
        *,
        far: bool = False,
        loose: bool = False,
        cross: bool = True,
    ) -> bool:
        """Move ``label`` to the nearest free spot around ``anchor`` (display px); keep it.

        ``far`` also tries farther rings (for numbers, the last resort); ``loose`` lets a label
        sit on other leaders and its leader cross other labels (still never another label);
        ``cross=False`` refuses the spots across an inset's border, which are otherwise tried
        last. Returns False, and removes nothing, when no spot is free.
        """
        rings = _RINGS_PT + _FAR_RINGS_PT if far else _RINGS_PT
        boxes = Boxes(label, self.ax, self.renderer)
        tried = [
            (distance, _spot(anchor, distance * self.ax.figure.dpi / 72, angle))
            for distance, angle in _spots(rings)
        ]
        # Every spot's box at once: what is taken does not change until one is chosen.
        extents = np.array([boxes.at(*spot) for _, spot in tried])
        free = np.flatnonzero(self._clear(extents))
        if self.border is not None:  # spots across the inset's border last, nearest first
            crossing = self._crossing(extents[free])
            free = np.concatenate([free[~crossing], free[crossing] if cross else free[:0]])
        for index in free:
            distance, spot = tried[index]
            if not loose and self._on_a_leader(extents[index]):
                continue
            extent = Bbox.from_extents(*extents[index])
            if distance != _RINGS_PT[0]:
                leader = _leader_line(anchor, extent)
                if not loose and self._crosses_a_label(leader, anchor):
                    continue
                self.leaders.append(leader)
                _draw_leader(self.ax, leader)
            boxes.put(*spot)
            self.taken.append(extent)
            return True
        return False

    def _crossing(self, extents: np.ndarray) -> np.ndarray:
        """Which boxes (rows x0, y0, x1, y1) lie across :attr:`border`, neither in nor out."""
        inner, outer = self.border.padded(-2), self.border.padded(2)
        within = _within(extents, inner)
        apart = (
            (extents[:, 2] < outer.x0)
            | (outer.x1 < extents[:, 0])
            | (extents[:, 3] < outer.y0)
            | (outer.y1 < extents[:, 1])
        )
        return ~within & ~apart

    def _crosses_a_label(self, leader: LineString, anchor) -> bool:
        """Whether ``leader`` runs through something taken other than its own anchor's marker."""
        boxes = self._taken_boxes()
        x, y = anchor
        own = (boxes[:, 0] <= x) & (x <= boxes[:, 2]) & (boxes[:, 1] <= y) & (y <= boxes[:, 3])
        return bool(shapely.intersects(leader, self._shapes[~own]).any())


def _within(extents: np.ndarray, box: Bbox) -> np.ndarray:
    """Which boxes (rows x0, y0, x1, y1) lie wholly inside ``box``, edges included."""
    return (
        (box.x0 <= extents[:, 0])
        & (extents[:, 2] <= box.x1)
        & (box.y0 <= extents[:, 1])
        & (extents[:, 3] <= box.y1)
    )


def _spots(rings):
    """(distance, angle) pairs, nearest first: right, left, up, down, then the diagonals."""
    first = (0.0, 180.0, 90.0, 270.0)
    for distance in rings:
        angles = [*first, *(a for a in np.arange(0, 360, 360 / _DIRECTIONS) if a not in first)]
        for angle in angles:
            yield distance, float(angle)


def _spot(anchor, distance_px: float, angle_deg: float) -> tuple[str, str, tuple[float, float]]:
    """Return the alignments and the point (display px) of a spot for a label.

    The spot is ``distance_px`` from ``anchor`` toward ``angle_deg``, the label on its near side.
    """
    dx, dy = math.cos(math.radians(angle_deg)), math.sin(math.radians(angle_deg))
    across = "left" if dx > 0.3 else "right" if dx < -0.3 else "center"
    up = "bottom" if dy > 0.3 else "top" if dy < -0.3 else "center"
    return across, up, (anchor[0] + dx * distance_px, anchor[1] + dy * distance_px)


class Boxes:
    """Where a label's box would be at any point and alignment, from one measurement.

    Measuring a text lays it out again (most of a static map's time: a label tries up to 160
    spots). An unrotated box moves with its point and keeps its size; an alignment moves it by
    its width or height, or half of it (as matplotlib aligns a box, descent included).
    """

    _SHIFT = {"left": 0.0, "bottom": 0.0, "center": 0.5, "right": 1.0, "top": 1.0}

    def __init__(self, label: Text, ax: Axes, renderer):
        self.label, self.ax = label, ax
        self.put("left", "bottom", (0.0, 0.0))
        self._box = label.get_window_extent(renderer).extents  # from its point (0, 0)

    def at(self, across: str, up: str, point) -> np.ndarray:
        """Return the label's box (display px, x0 y0 x1 y1) with these alignments at ``point``."""
        x0, y0, x1, y1 = self._box
        dx = point[0] - self._SHIFT[across] * (x1 - x0)
        dy = point[1] - self._SHIFT[up] * (y1 - y0)
        return np.array([x0 + dx, y0 + dy, x1 + dx, y1 + dy])

    def put(self, across: str, up: str, point) -> None:
        """Move the label there."""
        self.label.set_horizontalalignment(across)
        self.label.set_verticalalignment(up)
        self.label.set_position(self.ax.transData.inverted().transform(point))


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

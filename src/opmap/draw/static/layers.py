"""What a panel of a static map shows: the countries in their class colours, and the markers.

A covered country too small to see at the panel's scale also gets a dot in its class colour;
each operation's marker is drawn in the one panel (or inset) that is framed on it.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.patches import PathPatch

from opmap.decide.mapdata import MapData
from opmap.draw.static.framing import Frame, path_of
from opmap.style import BORDER_COLOR, MARKER_COLOR, OUTSIDE_BORDER_COLOR, OUTSIDE_COLOR

_SMALL_PT = 3.5  # a covered country narrower than this on the page also gets a dot


def units_per_point(ax: Axes) -> float:
    """Map units (metres) per typographic point at the axes' current limits."""
    width_pt = ax.get_window_extent().width * 72 / ax.figure.dpi
    return (ax.get_xlim()[1] - ax.get_xlim()[0]) / width_pt


def country_paths(geometries) -> list:
    """Return each unit's path (None for a point or an empty shape), to draw in any panel."""
    return [
        path_of(g) if g is not None and not g.is_empty and g.geom_type != "Point" else None
        for g in geometries
    ]


class Countries(PathCollection):
    """A panel's countries in one collection, with the code of each (``codes``, in order).

    One collection draws a page of small multiples in a fraction of the time one patch per
    country takes (5,250 patches were 2.4 s of 21 panels); the print map keeps one patch per
    country, each with its code as its id, for a designer to select in the SVG.
    """

    def __init__(self, paths, codes, **kwargs):
        super().__init__(paths, **kwargs)
        self.codes = list(codes)


def draw_countries(
    ax, map_data, geometries, outside, paths, *, editable: bool = True
) -> list[tuple[float, float]]:
    """Draw each unit in its class colour, grey when ``outside`` the region; points as squares.

    ``paths`` are the units' paths (:func:`country_paths`), made once for every panel. An
    ``editable`` map has one patch per country, its id the country's code; otherwise the
    countries are one :class:`Countries` collection. Returns where the squares of the units
    that took part are, which a marker must not cover (:func:`draw_markers`).
    """
    coverage = map_data.coverage
    has_polygon = coverage["has_polygon"].to_numpy()
    points, shapes = [], []
    for position, (iso3, geometry, value) in enumerate(
        zip(coverage["iso_a3"], geometries, map_data.values, strict=True)
    ):
        face = OUTSIDE_COLOR if outside[position] else map_data.classes.color_of(value)
        edge = OUTSIDE_BORDER_COLOR if outside[position] else BORDER_COLOR
        if geometry is None or geometry.is_empty:
            continue
        if not has_polygon[position]:
            points.append((geometry, face, not outside[position] and _covered(map_data, value)))
            continue
        shapes.append((iso3, paths[position], face, edge))
    if editable:
        for iso3, path, face, edge in shapes:
            ax.add_artist(
                PathPatch(path, facecolor=face, edgecolor=edge, linewidth=0.25, zorder=1, gid=iso3)
            )
    elif shapes:
        codes, outlines, faces, edges = zip(*shapes, strict=True)
        countries = Countries(
            outlines,
            codes,
            facecolors=faces,
            edgecolors=edges,
            linewidths=0.25,
            zorder=1,
            gid="countries",
            transform=ax.transData,
        )
        ax.add_collection(countries, autolim=False)
    if points:
        ax.scatter(
            [p.x for p, _, _ in points],
            [p.y for p, _, _ in points],
            s=9,
            marker="s",
            c=[face for _, face, _ in points],
            edgecolors=BORDER_COLOR,
            linewidths=0.3,
            zorder=2,
            gid="country-points",
        )
    return [(p.x, p.y) for p, _, covered in points if covered]


def _covered(map_data: MapData, value) -> bool:
    return map_data.classes.class_of(value) is not None


def dot_small_countries(ax, map_data, geometries, outside) -> list[tuple[float, float]]:
    """Put a dot in its class colour on each covered country too small to see at this scale.

    Most of Libertad's thirteen countries are islands a few points wide even on a framed map.
    Returns where the dots are (:func:`draw_markers` keeps markers off them).
    """
    per_point = units_per_point(ax)
    dots = []
    for position, (geometry, value, has_polygon) in enumerate(
        zip(geometries, map_data.values, map_data.coverage["has_polygon"], strict=True)
    ):
        if not _covered(map_data, value) or not has_polygon or geometry is None:
            continue
        if geometry.is_empty or outside[position]:
            continue
        minx, miny, maxx, maxy = geometry.bounds
        if max(maxx - minx, maxy - miny) < _SMALL_PT * per_point:
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
    return [(x, y) for x, y, _ in dots]


def draw_markers(
    ax, map_data: MapData, frame: Frame, size: float, dots: list[tuple[float, float]] = ()
) -> np.ndarray:
    """Draw the markers of the operations ``frame`` names; return the positions of all.

    A marker belongs to one panel (or inset), the one framed on it: drawn in another panel too
    it would show twice, once unlabelled at that panel's edge. The positions of the markers
    not drawn here are NaN. A marker that would cover one of ``dots`` (a small country's
    colour: Tuvalu's square, Nauru's dot) stands just above it, with a leader line, as the
    HTML map moves it beside: on paper Tuvalu's colour, the map's only one, was hidden.
    """
    if not map_data.markers:
        return np.zeros((0, 2))
    xy = frame.project_points(list(map_data.markers.values()))
    owned = np.array([frame.names(key) for key in map_data.markers], dtype=bool)
    xy[~owned] = np.nan
    if len(dots) and owned.any():
        xy = _off_the_dots(ax, xy, np.asarray(dots, dtype=float), size)
    # Operations share places (10,000 generated ones have about 1,200): one marker per place, or
    # the SVG and PDF would draw the same dot thousands of times over.
    places = np.unique(xy[owned], axis=0) if owned.any() else xy[owned]
    ax.scatter(
        places[:, 0],
        places[:, 1],
        s=size,
        marker="o",
        facecolors=MARKER_COLOR,
        edgecolors="white",
        linewidths=0.6,
        zorder=5,
        gid="markers",
        clip_on=False,  # a panel draws only its own markers, in its view: none cut at its edge
    )
    return xy


def _off_the_dots(ax, xy: np.ndarray, dots: np.ndarray, size: float) -> np.ndarray:
    """Move the markers that would cover a dot to just above it, with a leader line each."""
    per_point = units_per_point(ax)
    reach = (np.sqrt(size) / 2 + _SMALL_PT / 2) * per_point  # marker and dot would touch
    moved = xy.copy()
    leaders = []
    for place in np.unique(xy[np.isfinite(xy).all(axis=1)], axis=0):
        if not (np.hypot(*(dots - place).T) < reach).any():
            continue
        above = place + (0.0, reach + 1.5 * per_point)
        moved[(xy == place).all(axis=1)] = above
        leaders.append([place + (0.0, _SMALL_PT / 2 * per_point), above])
    if leaders:
        ax.add_collection(
            LineCollection(leaders, colors=MARKER_COLOR, linewidths=0.5, zorder=4, gid="leaders")
        )
    return moved

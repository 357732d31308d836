"""Where a static map looks: the projection and the view of each panel.

A map is framed on what it shows: the participating countries and the markers (on a regional
map, the region's participants, or the whole region when none took part), in a Lambert azimuthal
equal-area projection centred on that extent, so areas stay true and the frame is filled. When
the extent is too wide for one hemisphere (more than :data:`_AZIMUTHAL_LIMIT_DEG` from its
centre), or the caller asks for the world, the map is the Equal Earth world (EPSG:8857), cropped
to the extent. When what took part lies in two distant groups (:mod:`.panel_groups`), each gets
a panel of its own (:func:`frame_panels`), each at its own scale with a scale bar, or at one scale
(:func:`share_scale`) when the page has no room for the stacked layout. A regional frame gets a
small world locator (:mod:`.locator`); the projections themselves are :mod:`.projection`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.path import Path as MplPath
from pyproj import CRS, Transformer
from shapely.geometry import Polygon

from opmap.decide.antimeridian import seam, shifted_bounds
from opmap.decide.mapdata import MapData
from opmap.draw.static.panel_groups import two_groups
from opmap.draw.static.projection import (
    HEMISPHERE_DEG,
    SEGMENT_DEG,
    WORLD_CRS,
    angle_from,
    azimuthal_crs,
    hemisphere,
    project,
    project_near_side,
    world_outline,
)

_AZIMUTHAL_LIMIT_DEG = 80.0  # beyond this from the centre, shapes shear too much: use the world
_OUTLYING_KM = 2500  # parts of a country farther than this from its main part do not set the frame
_MIN_SPAN_KM = 3000  # a frame on one small country still shows its neighbours
_INSET_MIN_SPAN_KM = 1500  # an inset, drawn large, is framed closer to its islands...
_INSET_PAD_SHARE = 0.02  # ...with room round them for the names of those at its edges
_PAD_SHARE = 0.02
_WORLD_VIEW_SHARE = 0.5  # a view of more of the world's box than this needs no locator


@dataclass(frozen=True)
class Frame:
    """A decided view: the projection, the projected units and the part of them to show.

    Attributes
    ----------
    crs : pyproj.CRS
    geometries : geopandas.GeoSeries
        The coverage's units, projected (same index as ``MapData.coverage``).
    globe : shapely Polygon
        The edge of the drawable earth (the sea is painted inside it).
    view : tuple of float
        (minx, miny, maxx, maxy) to show, in projected metres, before fitting to the axes.
    regional : bool
        True when the view shows a part of the world (at most half of its box): a locator is
        drawn.
    named : frozenset or None
        The coverage rows (int) and marker keys (str) this frame is framed on and names; None
        for all. Each of two panels names only its own group.
    host : int or None
        For an inset, the index of the panel it is drawn over.
    """

    crs: CRS
    geometries: gpd.GeoSeries
    globe: Polygon
    view: tuple[float, float, float, float]
    regional: bool
    named: frozenset | None = None
    host: int | None = None

    def names(self, which) -> bool:
        """Whether this frame names ``which`` (a coverage row or a marker key)."""
        return self.named is None or which in self.named

    def project_points(self, points) -> np.ndarray:
        """Project lon/lat shapely points to an (n, 2) array of map coordinates."""
        lon = [p.x for p in points]
        lat = [p.y for p in points]
        x, y = Transformer.from_crs("EPSG:4326", self.crs, always_xy=True).transform(lon, lat)
        return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)]).reshape(-1, 2)


def frame_map(map_data: MapData, *, world: bool = False) -> Frame:
    """Decide the projection and the view of a static map in one panel.

    Parameters
    ----------
    map_data : MapData
    world : bool, default False
        Show the whole world (Equal Earth) whatever the map shows.

    Returns
    -------
    Frame
    """
    if world:
        return _world_frame(map_data, [])
    return _frame_on(map_data, _anchors(map_data))


def frame_panels(map_data: MapData, *, world: bool = False, insets: bool = False) -> list[Frame]:
    """Frame the map in one panel, or in two when what took part lies in two distant groups.

    The Caribbean and West Africa in one frame leave the Atlantic between them filling most of
    the map; two panels, each framed on one group, show both large. Whether what took part lies
    in two such groups is :func:`.panel_groups.two_groups`'s to say.

    With ``insets``, a group's far small members get an inset frame (:mod:`.insets`), listed
    after the panels, its ``host`` the panel it goes over.

    Returns
    -------
    list of Frame
        One or two frames, each saying which units and markers it names, then any insets.
    """
    if world:
        return [frame_map(map_data, world=True)]
    from opmap.draw.static.insets import far_anchors  # insets places with the locator: lazy

    anchors = _anchors(map_data)
    groups = two_groups([anchor for anchor, _ in anchors]) or [list(range(len(anchors)))]
    framed = []
    for group in groups:
        members = [anchors[i] for i in group]
        far = far_anchors(members) if insets else None
        kept = [a for a in members if far is None or a[1] not in far]
        panel = _frame_on(map_data, kept)
        far_members = [a for a in members if far and a[1] in far]
        inset = _frame_on(map_data, far_members, inset=True) if far else None
        if inset is not None and not (panel.regional and inset.regional):
            panel, inset = _frame_on(map_data, members), None
        framed.append((panel, inset))
    framed.sort(key=lambda pair: _centre_lon(pair[0]))
    panels = [panel for panel, _ in framed]
    extra = [replace(inset, host=n) for n, (_, inset) in enumerate(framed) if inset is not None]
    return panels + extra


def share_scale(frames: list[Frame], width: float, height: float, *, fill=True) -> list[Frame]:
    """Give side-by-side panels one scale: return frames whose views are ``height`` units tall.

    ``width`` is the panels' widths together (any unit, gaps excluded) and ``height`` theirs;
    each panel is then as wide as its view over the common scale (:func:`panel_widths`). With
    ``fill``, the width left over is shared out so the panels fill ``width``; without, it is
    left for a column beside them.
    """
    spans = [frame.view[2] - frame.view[0] for frame in frames]
    tallest = max(frame.view[3] - frame.view[1] for frame in frames)
    per_unit = max(sum(spans) / width, tallest / height)  # metres per unit of the page
    spare = width - sum(spans) / per_unit if fill else 0.0
    shared = []
    for frame, span in zip(frames, spans, strict=True):
        grown = span + spare * per_unit * span / sum(spans)
        minx, miny, maxx, maxy = frame.view
        middle_x, middle_y = (minx + maxx) / 2, (miny + maxy) / 2
        view = (
            middle_x - grown / 2,
            middle_y - height * per_unit / 2,
            middle_x + grown / 2,
            middle_y + height * per_unit / 2,
        )
        shared.append(replace(frame, view=view))
    return shared


def panel_widths(frames: list[Frame], height: float) -> list[float]:
    """Return the widths of panels ``height`` tall showing ``frames`` (see :func:`share_scale`)."""
    return [
        (frame.view[2] - frame.view[0]) / (frame.view[3] - frame.view[1]) * height
        for frame in frames
    ]


def _anchors(map_data: MapData) -> list[tuple]:
    """List what sets the frame, each with what it names: (lon/lat shape, row or marker key).

    The participating countries' main parts (on a regional map, the region's participants, or
    the whole region when none took part) and the operations' markers.
    """
    coverage = map_data.coverage
    shown = (coverage["operations"] > 0).to_numpy()
    if map_data.focus is not None and len(map_data.focus):
        in_region = coverage["iso_a3"].isin(set(map_data.focus["iso_a3"])).to_numpy()
        shown = shown & in_region if (shown & in_region).any() else in_region
    anchors = _main_parts(coverage.geometry[shown], np.flatnonzero(shown).tolist())
    return anchors + [(point, key) for key, point in map_data.markers.items()]


def _frame_on(map_data: MapData, anchors: list[tuple], *, inset: bool = False) -> Frame:
    """Frame ``anchors`` in an azimuthal projection, or on the Equal Earth world if too wide.

    An ``inset``'s view is closer to its anchors, with more room round them (drawn large).
    """
    if not anchors:
        return _world_frame(map_data, [])
    shapes = [shape for shape, _ in anchors]
    named = frozenset(which for _, which in anchors)
    centre = _centre_of(shapes)
    # A region with no participant is shown whole, as far as one hemisphere allows (the
    # Americas reach 89° from their middle); a frame on participants keeps shapes truer.
    limit = HEMISPHERE_DEG if map_data.focus is not None else _AZIMUTHAL_LIMIT_DEG
    if _farthest_angle(shapes, centre) > limit:
        return _world_frame(map_data, shapes, named)
    crs = azimuthal_crs(centre)
    geometries = project_near_side(map_data.coverage.geometry, crs, centre)
    view = (
        _extent_view(shapes, crs, _INSET_MIN_SPAN_KM, _INSET_PAD_SHARE)
        if inset
        else _extent_view(shapes, crs)
    )
    return Frame(crs, geometries, hemisphere(crs), view, regional=True, named=named)


def _world_frame(map_data: MapData, shapes: list, named: frozenset | None = None) -> Frame:
    crs = CRS.from_user_input(WORLD_CRS)
    globe = world_outline(crs)
    geometries = project(map_data.coverage.geometry, crs)
    if not shapes:
        return Frame(crs, geometries, globe, _padded(globe.bounds, 0.01), regional=False)
    view = _extent_view(shapes, crs)
    # Operations all over the world make a view of most of it: a locator would say nothing.
    regional = _box_area(view) <= _WORLD_VIEW_SHARE * _box_area(globe.bounds)
    return Frame(crs, geometries, globe, view, regional=regional, named=named)


def _box_area(box) -> float:
    minx, miny, maxx, maxy = box
    return (maxx - minx) * (maxy - miny)


def _centre_lon(frame: Frame) -> float:
    """Return the longitude of the frame's centre, so that panels read west to east."""
    lon, _ = Transformer.from_crs(frame.crs, "EPSG:4326", always_xy=True).transform(
        (frame.view[0] + frame.view[2]) / 2, (frame.view[1] + frame.view[3]) / 2
    )
    return float(lon)


def fit_view(view, ax: Axes) -> tuple[float, float, float, float]:
    """Widen the view along one side so that it has the shape of the axes (no distortion)."""
    box_ = ax.get_position()
    fig_width, fig_height = ax.figure.get_size_inches()
    box_shape = (box_.width * fig_width) / (box_.height * fig_height)
    minx, miny, maxx, maxy = view
    width, height = maxx - minx, maxy - miny
    if width / height < box_shape:
        grow = (height * box_shape - width) / 2
        return (minx - grow, miny, maxx + grow, maxy)
    grow = (width / box_shape - height) / 2
    return (minx, miny - grow, maxx, maxy + grow)


def path_of(geometry) -> MplPath:
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


# --- the extent -----------------------------------------------------------------------------


def _main_parts(geometries: gpd.GeoSeries, rows: list[int]) -> list[tuple]:
    """Each unit's parts near its largest part, with its row: Hawaii would frame half the globe."""
    kept = []
    world = geometries.to_crs(WORLD_CRS)
    for lonlat, flat, row in zip(geometries, world, rows, strict=True):
        if lonlat is None or lonlat.is_empty:
            continue
        parts = list(getattr(lonlat, "geoms", [lonlat]))
        flat_parts = list(getattr(flat, "geoms", [flat]))
        if len(parts) != len(flat_parts):
            kept.append((lonlat, row))
            continue
        main = max(flat_parts, key=lambda p: p.area)
        kept += [
            (part, row)
            for part, projected in zip(parts, flat_parts, strict=True)
            if projected.distance(main) <= _OUTLYING_KM * 1000
        ]
    return kept


def _centre_of(anchors) -> tuple[float, float]:
    """Lon/lat of the middle of the anchors' extent on the Equal Earth world.

    Anchors across the 180th meridian (Fiji and Samoa) are measured as one stretch of longitude
    (:func:`~opmap.decide.antimeridian.seam`): on the world's map they lie at both its edges, and
    their middle would be in Africa.
    """
    cut = seam(anchors)
    if cut is not None:
        minx, miny, maxx, maxy = shifted_bounds(anchors, cut)
        lon = (minx + maxx) / 2
        return float(lon - 360 if lon >= 180 else lon), float((miny + maxy) / 2)
    flat = gpd.GeoSeries(anchors, crs="EPSG:4326").to_crs(WORLD_CRS)
    minx, miny, maxx, maxy = flat.total_bounds
    lon, lat = Transformer.from_crs(WORLD_CRS, "EPSG:4326", always_xy=True).transform(
        (minx + maxx) / 2, (miny + maxy) / 2
    )
    return float(lon), float(lat)


def _farthest_angle(anchors, centre) -> float:
    coordinates = np.concatenate([shapely.get_coordinates(a) for a in anchors])
    return float(angle_from(centre, coordinates[:, 0], coordinates[:, 1]).max())


def _extent_view(
    anchors, crs: CRS, min_span_km=_MIN_SPAN_KM, pad_share=_PAD_SHARE
) -> tuple[float, float, float, float]:
    projected = gpd.GeoSeries(anchors, crs="EPSG:4326").segmentize(SEGMENT_DEG).to_crs(crs)
    minx, miny, maxx, maxy = projected.total_bounds
    # Each side padded by a share of its own span: a wide, short extent keeps its shape.
    pad_x, pad_y = pad_share * (maxx - minx), pad_share * (maxy - miny)
    minx, miny, maxx, maxy = minx - pad_x, miny - pad_y, maxx + pad_x, maxy + pad_y
    floor = min_span_km * 1000
    if maxx - minx < floor:
        middle = (minx + maxx) / 2
        minx, maxx = middle - floor / 2, middle + floor / 2
    if maxy - miny < floor / 2:
        middle = (miny + maxy) / 2
        miny, maxy = middle - floor / 4, middle + floor / 4
    return (minx, miny, maxx, maxy)


def _padded(bounds, share: float) -> tuple[float, float, float, float]:
    minx, miny, maxx, maxy = (float(b) for b in bounds)
    pad = share * max(maxx - minx, maxy - miny)
    return (minx - pad, miny - pad, maxx + pad, maxy + pad)

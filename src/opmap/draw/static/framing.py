"""Where a static map looks and how it flattens the globe: projection, frame and locator.

A map is framed on what it shows: the participating countries and the markers (or, for a
regional map, the region's countries), in a Lambert azimuthal equal-area projection centred on
that extent, so areas stay true and the frame is filled. When the extent is too wide for one
hemisphere (more than :data:`_AZIMUTHAL_LIMIT_DEG` from its centre), or the caller asks for the
world, the map is the Equal Earth world (EPSG:8857), cropped to the extent. A regional frame gets
a small world locator in the corner it covers least.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from pyproj import CRS, Transformer
from shapely.geometry import MultiPolygon, Point, Polygon, box

from opmap.decide.mapdata import MapData
from opmap.style import BORDER_COLOR, MARKER_COLOR, SEA_COLOR

WORLD_CRS = "EPSG:8857"  # Equal Earth, Greenwich
_SEGMENT_DEG = 1.0  # densify edges before projecting, so straight lon/lat edges follow the curve
_HEMISPHERE_DEG = 90.0  # an azimuthal map draws the half of the globe facing its centre
_AZIMUTHAL_LIMIT_DEG = 80.0  # beyond this from the centre, shapes shear too much: use the world
_OUTLYING_KM = 2500  # parts of a country farther than this from its main part do not set the frame
_MIN_SPAN_KM = 3000  # a frame on one small country still shows its neighbours
_PAD_SHARE = 0.04
_LOCATOR_SHARE = 0.2  # the locator's width, as a share of the map's
_LOCATOR_LAND = "#b5b5b5"  # darker than the map's land: the locator is small


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
        True when the view shows part of the world: a locator is drawn.
    """

    crs: CRS
    geometries: gpd.GeoSeries
    globe: Polygon
    view: tuple[float, float, float, float]
    regional: bool

    def project_points(self, points) -> np.ndarray:
        """Project lon/lat shapely points to an (n, 2) array of map coordinates."""
        lon = [p.x for p in points]
        lat = [p.y for p in points]
        x, y = Transformer.from_crs("EPSG:4326", self.crs, always_xy=True).transform(lon, lat)
        return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)]).reshape(-1, 2)


def frame_map(map_data: MapData, *, world: bool = False) -> Frame:
    """Decide the projection and the view of a static map.

    Parameters
    ----------
    map_data : MapData
    world : bool, default False
        Show the whole world (Equal Earth) whatever the map shows.

    Returns
    -------
    Frame
    """
    coverage = map_data.coverage
    if map_data.focus is not None and len(map_data.focus):
        shown = coverage["iso_a3"].isin(set(map_data.focus["iso_a3"])).to_numpy()
    else:
        shown = (coverage["operations"] > 0).to_numpy()
    extent = _main_parts(coverage.geometry[shown])
    markers = list(map_data.markers.values())
    if not world and (len(extent) or markers):
        anchors = [*extent, *markers]
        centre = _centre_of(anchors)
        # A region is shown whole, gaps included, as far as one hemisphere allows (the
        # Americas reach 89° from their middle); a free frame keeps shapes truer.
        limit = _HEMISPHERE_DEG if map_data.focus is not None else _AZIMUTHAL_LIMIT_DEG
        if _farthest_angle(anchors, centre) <= limit:
            crs = _azimuthal_crs(centre)
            geometries = _project_near_side(coverage.geometry, crs, centre)
            globe = _hemisphere(crs)
            view = _extent_view(anchors, crs)
            return Frame(crs, geometries, globe, view, regional=True)
    crs = CRS.from_user_input(WORLD_CRS)
    globe = _world_outline(crs)
    geometries = _project(coverage.geometry, crs)
    if world or not (len(extent) or markers):
        return Frame(crs, geometries, globe, _padded(globe.bounds, 0.01), regional=False)
    view = _extent_view([*extent, *markers], crs)
    return Frame(crs, geometries, globe, view, regional=True)


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


def draw_locator(ax: Axes, frame: Frame, map_data: MapData, avoid) -> tuple[Axes, str]:
    """Draw a small Equal Earth world in the emptiest corner of ``ax``, the frame outlined.

    Parameters
    ----------
    ax : Axes
        The map, already framed.
    frame : Frame
    map_data : MapData
    avoid : shapely geometry
        What the locator should not hide (participating countries, markers), in map units.

    Returns
    -------
    (Axes, str)
        The locator's axes and the corner it is in ("lower left", ...).
    """
    x0, x1 = ax.get_xlim()
    width = (x1 - x0) * _LOCATOR_SHARE
    corner, placed = emptiest_corner(ax, width, width * 0.5, avoid)
    position = ax.transAxes.inverted().transform(
        ax.transData.transform([placed.bounds[:2], placed.bounds[2:]])
    )
    (left, bottom), (right, top) = position
    inset = ax.inset_axes((left, bottom, right - left, top - bottom), zorder=8)
    inset.set_gid("locator")
    _draw_world(inset, frame, map_data)
    return inset, corner


def emptiest_corner(ax: Axes, width: float, height: float, avoid, taken=()) -> tuple[str, Polygon]:
    """Find the corner of ``ax`` where a box (map units) hides least of ``avoid``.

    Returns the corner's name and the box; corners named in ``taken`` are not offered.
    """
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    corners = {
        "lower left": box(x0, y0, x0 + width, y0 + height),
        "lower right": box(x1 - width, y0, x1, y0 + height),
        "upper left": box(x0, y1 - height, x0 + width, y1),
        "upper right": box(x1 - width, y1 - height, x1, y1),
    }
    free = [name for name in corners if name not in taken]
    corner = min(free, key=lambda name: corners[name].intersection(avoid).area)
    return corner, corners[corner]


def _draw_world(inset: Axes, frame: Frame, map_data: MapData) -> None:
    crs = CRS.from_user_input(WORLD_CRS)
    globe = _world_outline(crs)
    inset.set_axis_off()
    inset.patch.set_visible(False)
    minx, miny, maxx, maxy = globe.bounds
    inset.set_xlim(minx, maxx)
    inset.set_ylim(miny, maxy)
    inset.add_patch(
        PathPatch(path_of(globe), facecolor=SEA_COLOR, edgecolor=BORDER_COLOR, linewidth=0.4)
    )
    land = _project(map_data.coverage.geometry.simplify(0.5), crs)
    for geometry in land:
        if geometry is not None and not geometry.is_empty and geometry.geom_type != "Point":
            inset.add_patch(PathPatch(path_of(geometry), facecolor=_LOCATOR_LAND, linewidth=0))
    inset.add_patch(
        PathPatch(
            path_of(_view_on_world(frame, crs)),
            facecolor="none",
            edgecolor=MARKER_COLOR,
            linewidth=0.9,
            gid="locator-frame",
        )
    )


def _view_on_world(frame: Frame, crs: CRS) -> Polygon:
    """Return the frame's rectangle as it falls on the Equal Earth world."""
    minx, miny, maxx, maxy = frame.view
    edge = shapely.segmentize(box(minx, miny, maxx, maxy), (maxx - minx) / 50)
    x, y = shapely.get_coordinates(edge.exterior).T
    lon, lat = Transformer.from_crs(frame.crs, "EPSG:4326", always_xy=True).transform(x, y)
    keep = np.isfinite(lon) & np.isfinite(lat)
    wx, wy = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon[keep], lat[keep])
    return Polygon(np.column_stack([wx, wy])).buffer(0)


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


def _main_parts(geometries: gpd.GeoSeries) -> list:
    """Each unit's parts near its largest part: Hawaii and Réunion would frame half the globe."""
    kept = []
    world = geometries.to_crs(WORLD_CRS)
    for lonlat, flat in zip(geometries, world, strict=True):
        if lonlat is None or lonlat.is_empty:
            continue
        parts = list(getattr(lonlat, "geoms", [lonlat]))
        flat_parts = list(getattr(flat, "geoms", [flat]))
        if len(parts) != len(flat_parts):
            kept.append(lonlat)
            continue
        main = max(flat_parts, key=lambda p: p.area)
        kept += [
            part
            for part, projected in zip(parts, flat_parts, strict=True)
            if projected.distance(main) <= _OUTLYING_KM * 1000
        ]
    return kept


def _centre_of(anchors) -> tuple[float, float]:
    """Lon/lat of the middle of the anchors' extent on the Equal Earth world."""
    flat = gpd.GeoSeries(anchors, crs="EPSG:4326").to_crs(WORLD_CRS)
    minx, miny, maxx, maxy = flat.total_bounds
    lon, lat = Transformer.from_crs(WORLD_CRS, "EPSG:4326", always_xy=True).transform(
        (minx + maxx) / 2, (miny + maxy) / 2
    )
    return float(lon), float(lat)


def _farthest_angle(anchors, centre) -> float:
    coordinates = np.concatenate([shapely.get_coordinates(a) for a in anchors])
    return float(_angle_from(centre, coordinates[:, 0], coordinates[:, 1]).max())


def _extent_view(anchors, crs: CRS) -> tuple[float, float, float, float]:
    projected = gpd.GeoSeries(anchors, crs="EPSG:4326").segmentize(_SEGMENT_DEG).to_crs(crs)
    minx, miny, maxx, maxy = _padded(projected.total_bounds, _PAD_SHARE)
    floor = _MIN_SPAN_KM * 1000
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


def _azimuthal_crs(centre: tuple[float, float]) -> CRS:
    """Return a Lambert azimuthal equal-area projection centred on ``centre`` (lon, lat)."""
    lon, lat = centre
    return CRS.from_proj4(
        f"+proj=laea +lat_0={lat:.1f} +lon_0={lon:.1f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    )


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

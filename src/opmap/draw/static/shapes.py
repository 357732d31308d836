"""The map itself on a static image: projections, country shapes, dots, markers and labels.

:func:`_draw_map` draws decided map data on a matplotlib axes in an equal-area projection; the
page around it (title, legend, footer, sizes and formats) is :mod:`opmap.draw.static.image`.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox
from pyproj import CRS, Transformer
from shapely.geometry import MultiPolygon, Point, Polygon

from opmap.decide.classes import (
    BORDER_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    SEA_COLOR,
)
from opmap.decide.mapdata import MapData

MARKER_COLOR = "#252525"
TEXT_COLOR = "#222222"
WORLD_CRS = "EPSG:8857"  # Equal Earth, Greenwich
_HEMISPHERE_DEG = 90.0  # a regional map draws the half of the globe facing the region
_LABEL_PT = 6.5
_OUTLYING_KM = 2500  # parts of a country farther than this from its main part do not set the zoom
_SEGMENT_DEG = 1.0  # densify edges before projecting, so straight lon/lat edges follow the curve
_SIMPLIFY_PT = 0.1
_SMALL_PT = 3.5  # a covered country narrower than this on the page also gets a dot


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

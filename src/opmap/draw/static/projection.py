"""The projections of static maps: the Equal Earth world and azimuthal views of one hemisphere.

A framed map is a Lambert azimuthal equal-area projection centred on what it shows: areas stay
true, and it tears only at the point opposite its centre, so the units are cut to the half of the
globe facing it (:func:`project_near_side`). The world is Equal Earth (EPSG:8857). Natural Earth
splits polygons at the antimeridian already; edges are densified before projecting, so that
straight lon/lat edges follow the curve.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import MultiPolygon, Point, Polygon

WORLD_CRS = "EPSG:8857"  # Equal Earth, Greenwich
SEGMENT_DEG = 1.0  # densify edges before projecting, so straight lon/lat edges follow the curve
HEMISPHERE_DEG = 90.0  # an azimuthal map draws the half of the globe facing its centre


def project(geometries: gpd.GeoSeries, crs: CRS) -> gpd.GeoSeries:
    """Densify, then project (Natural Earth already splits polygons at the antimeridian)."""
    return geometries.segmentize(SEGMENT_DEG).to_crs(crs)


def world_cut_at(cut: float | None) -> CRS:
    """Equal Earth with its edges at the longitude ``cut`` (None: at 180°, EPSG:8857).

    For measuring only: Natural Earth's polygons are split at 180°, not at ``cut``.
    """
    if cut is None:
        return CRS.from_user_input(WORLD_CRS)
    return CRS.from_proj4(f"+proj=eqearth +lon_0={cut + 180:.6f} +datum=WGS84 +units=m +no_defs")


def world_outline(crs: CRS) -> Polygon:
    """Return the edge of the world map: the lon/lat rectangle, densified and projected."""
    along = np.arange(-180, 180.001, SEGMENT_DEG)
    up = np.arange(-90, 90.001, SEGMENT_DEG)
    lon = np.concatenate([along, np.full(up.size, 180.0), along[::-1], np.full(up.size, -180.0)])
    lat = np.concatenate([np.full(along.size, -90.0), up, np.full(along.size, 90.0), up[::-1]])
    x, y = Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    return shapely.make_valid(Polygon(np.column_stack([x, y])))


def azimuthal_crs(centre: tuple[float, float]) -> CRS:
    """Return a Lambert azimuthal equal-area projection centred on ``centre`` (lon, lat)."""
    lon, lat = centre
    return CRS.from_proj4(
        f"+proj=laea +lat_0={lat:.1f} +lon_0={lon:.1f} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
    )


def project_near_side(
    geometries: gpd.GeoSeries, crs: CRS, centre: tuple[float, float]
) -> gpd.GeoSeries:
    """Project the half of the globe facing ``centre``; parts wholly behind it are dropped.

    An azimuthal projection tears at the point opposite its centre, so polygons there would smear
    across the map; the rest is cut at the edge of the hemisphere.
    """
    dense = geometries.segmentize(SEGMENT_DEG)
    near = gpd.GeoSeries(
        [_near_parts(g, centre) for g in dense], index=dense.index, crs=geometries.crs
    )
    projected = near.to_crs(crs).make_valid()
    return projected.intersection(hemisphere(crs))


def _near_parts(geometry, centre: tuple[float, float]):
    if geometry is None or geometry.is_empty:
        return geometry
    if isinstance(geometry, Point):
        lon, lat = geometry.x, geometry.y
        return geometry if angle_from(centre, lon, lat).min() <= HEMISPHERE_DEG else Point()
    parts = [
        part
        for part in getattr(geometry, "geoms", [geometry])
        if angle_from(centre, *shapely.get_coordinates(part).T).min() <= HEMISPHERE_DEG
    ]
    return MultiPolygon(parts) if parts else Polygon()


def angle_from(centre: tuple[float, float], lon, lat) -> np.ndarray:
    """Great-circle angle in degrees from ``centre`` to each point."""
    lon0, lat0 = np.radians(centre)
    lon, lat = np.radians(np.atleast_1d(lon)), np.radians(np.atleast_1d(lat))
    cosine = np.sin(lat0) * np.sin(lat) + np.cos(lat0) * np.cos(lat) * np.cos(lon - lon0)
    return np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))


def hemisphere(crs: CRS) -> Polygon:
    """Return the disc an azimuthal equal-area projection maps the facing hemisphere to."""
    radius = crs.ellipsoid.semi_major_metre * math.sqrt(2)
    return Point(0, 0).buffer(radius, quad_segs=90)

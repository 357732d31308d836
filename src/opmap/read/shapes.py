"""Reading a boundaries file and checking its shapes, feature by feature.

:func:`read_geojson` turns what GDAL says about a file it cannot read into one plain message
(empty, binary, cut short); :func:`check_shapes` names every feature whose shape cannot be
drawn (none, not a polygon, a coordinate that is not finite or not on the globe) and repairs
invalid polygons with ``make_valid``, saying so.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from opmap.errors import Problem
from opmap.read.guards import Limits, of_any_input
from opmap.words import shape_reason, text

if TYPE_CHECKING:
    import geopandas

__all__ = ["check_shapes", "feature_label", "read_geojson"]

_POLYGONAL = ("Polygon", "MultiPolygon")


def read_geojson(path: Path, limits: Limits) -> tuple[geopandas.GeoDataFrame | None, list]:
    """Read a GeoJSON file (or any vector file GDAL reads: GeoPackage, Shapefile).

    Returns the frame, or None and the reason it cannot be read.
    """
    import pyogrio
    import shapely

    file = str(path)

    def refuse(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(file, None, None, message)]

    if not path.exists():
        return refuse(text("file_missing"))
    if not path.is_file():
        return refuse(text("shape_not_a_file"))
    too_large = limits.size_problem(path.stat().st_size)
    if too_large:
        return refuse(of_any_input(too_large))
    with path.open("rb") as handle:
        head = handle.read(65536)
    if not head.strip():
        return refuse(text("shape_empty"))
    try:
        # A shape GEOS cannot build (a ring not closed) becomes None, reported by check_shapes.
        return pyogrio.read_dataframe(path, on_invalid="ignore"), []
    except (
        pyogrio.errors.DataSourceError,
        pyogrio.errors.DataLayerError,
        shapely.errors.GEOSException,
        OSError,
    ) as err:
        if b"\0" in head:
            return refuse(text("shape_binary"))
        return refuse(text("shape_unreadable", reason=_reason(err)))
    except UnicodeDecodeError:  # a name in Latin-1: GeoJSON is UTF-8 (RFC 7946)
        return None, [_not_utf8(path)]


def _not_utf8(path: Path) -> Problem:
    """Name the line and column of the first byte of ``path`` that is not UTF-8."""
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        start = err.start
    else:  # GDAL decoded something else than the file's bytes: say so without a place
        return Problem(str(path), None, None, text("shape_not_utf8_file"))
    line = raw.count(b"\n", 0, start) + 1
    column = start - (raw.rfind(b"\n", 0, start) + 1) + 1
    shown = raw[max(0, start - 20) : start + 20].decode("utf-8", errors="replace")
    message = text("shape_not_utf8", byte=f"0x{raw[start]:02X}", column=column)
    return Problem(str(path), line, None, message, shown.strip())


#: GDAL's words for a file in no format it reads, said in opmap's words (in the language).
_NOT_A_FORMAT = "not recognized as being in a supported file format"


def _reason(err: Exception) -> str:
    """GDAL's reason, without its advice to prefix a driver name (not a fix for this file).

    Its most common reason, no format it knows, and no reason at all are opmap's words.
    """
    parts = [p.strip() for p in str(err).split(";")]
    kept = [p for p in parts if p and "prefix" not in p and "help to specify" not in p]
    reason = re.sub(r"^'[^']*' ", "", "; ".join(dict.fromkeys(kept))).rstrip(".")
    return text("shape_not_geojson") if reason in ("", _NOT_A_FORMAT) else reason


def feature_label(index: int, name: str | None) -> str:
    """Name a feature of a boundaries file for a problem: "feature 8 ('Chad')", or "feature 8"."""
    if name:
        return text("shape_feature", number=index + 1, name=name)
    return text("shape_feature_number", number=index + 1)


def check_shapes(
    boundaries: geopandas.GeoDataFrame, file: str
) -> tuple[geopandas.GeoDataFrame | None, list[Problem]]:
    """Check every feature's shape; return the boundaries in EPSG:4326 and the problems.

    Invalid polygons (a ring crossing itself) are repaired with ``make_valid`` and reported as
    warnings; a feature with no shape, a shape that is not a polygon, or a coordinate that is
    not finite or not on the globe is an error naming the feature (1-based, in file order).
    """
    import numpy as np
    import shapely

    problems: list[Problem] = []
    geometries = boundaries.geometry.array
    # A feature with no name (told of by the attribute checks) is named by its number alone.
    names = boundaries["name"].tolist() if "name" in boundaries.columns else []

    def feature(index: int) -> str:
        name = names[index] if index < len(names) else None
        return feature_label(index, name if isinstance(name, str) and name.strip() else None)

    coords, owner = shapely.get_coordinates(geometries, return_index=True)
    not_finite = sorted(set(owner[~np.isfinite(coords).all(axis=1)].tolist()))
    for index in not_finite:
        problems.append(_error(file, text("shape_not_finite", feature=feature(index))))
    for index, geometry in enumerate(geometries):
        if geometry is None or geometry.is_empty:
            problems.append(_error(file, text("shape_none", feature=feature(index))))
        elif geometry.geom_type not in _POLYGONAL:
            problems.append(
                _error(
                    file,
                    text("shape_not_polygon", feature=feature(index), kind=geometry.geom_type),
                )
            )
    if boundaries.crs is None:
        boundaries = boundaries.set_crs(4326)
    elif boundaries.crs.to_epsg() != 4326:
        if _degrees_under_a_projection(boundaries.crs, coords):
            crs = boundaries.crs.to_string()
            problems.append(_error(file, text("shape_degrees_not_projected", crs=crs)))
        if problems:
            return None, problems  # the shapes cannot be projected to degrees to be checked
        boundaries = boundaries.to_crs(4326)
        coords, owner = shapely.get_coordinates(boundaries.geometry.array, return_index=True)
    off_globe = (np.abs(coords[:, 0]) > 180 + 1e-9) | (np.abs(coords[:, 1]) > 90 + 1e-9)
    off_globe_features = sorted(set(owner[off_globe].tolist()))
    for index in off_globe_features:
        x, y = coords[owner == index][off_globe[owner == index]][0]
        problems.append(
            _error(file, text("shape_off_globe", feature=feature(index), x=f"{x:g}", y=f"{y:g}"))
        )
    drawable = np.isin(shapely.get_type_id(boundaries.geometry.array), [3, 6])  # (Multi)Polygon
    # Neither is repaired: GEOS refuses a ring at 1e308 ("Scale factor must be non-zero").
    drawable[not_finite] = False
    drawable[off_globe_features] = False
    boundaries = _repair(boundaries, file, feature, problems, drawable)
    return (None if any(p.severity == "error" for p in problems) else boundaries), problems


def _degrees_under_a_projection(crs, coords) -> bool:
    """Whether coordinates that read as degrees are labelled with a projection in metres.

    A file labelled EPSG:3857 whose shapes span a few hundred units around 0, 0 holds degrees:
    projected, the world would shrink to a speck off Africa, with no warning.
    """
    import numpy as np

    if not crs.is_projected or not len(coords) or not np.isfinite(coords).all():
        return False
    return bool((np.abs(coords[:, 0]) <= 180).all() and (np.abs(coords[:, 1]) <= 90).all())


def _repair(boundaries, file: str, feature, problems: list[Problem], drawable):
    """Repair the invalid shapes among ``drawable`` ones, saying so for each."""
    import shapely

    invalid = drawable & ~shapely.is_valid(boundaries.geometry.array)
    if not invalid.any():
        return boundaries
    boundaries = boundaries.copy()
    column = boundaries.columns.get_loc(boundaries.geometry.name)
    for index in invalid.nonzero()[0].tolist():
        shape = boundaries.geometry.iloc[index]
        reason = shape_reason(shapely.is_valid_reason(shape))
        repaired = _polygons_of(shapely.make_valid(shape))
        if repaired is None:
            problems.append(
                _error(file, text("shape_unrepairable", feature=feature(index), reason=reason))
            )
            continue
        boundaries.iloc[index, column] = repaired
        problems.append(
            Problem(
                file,
                None,
                None,
                text("shape_repaired", feature=feature(index), reason=reason),
                severity="warning",
            )
        )
    return boundaries


def _polygons_of(geometry):
    """Keep the polygons of a repaired shape (make_valid adds lines where rings touched)."""
    from shapely.geometry import MultiPolygon

    if geometry.geom_type in _POLYGONAL:
        return geometry
    polygons = []
    for part in getattr(geometry, "geoms", [geometry]):
        if part.geom_type == "Polygon":
            polygons.append(part)
        elif part.geom_type == "MultiPolygon":
            polygons.extend(part.geoms)
    return MultiPolygon(polygons) if polygons else None


def _error(file: str, message: str) -> Problem:
    return Problem(file, None, None, message)

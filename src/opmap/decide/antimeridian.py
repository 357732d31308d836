"""Where a regional map cuts the globe, so that a region across the 180th meridian is seen whole.

Oceania runs from Australia (113° E) to Pitcairn (128° W), the Americas from the Aleutians (172°
E) to Greenland, Europe from Iceland to Chukotka (169° W). Framed on their longitudes from -180
to 180, each of their maps showed the whole world. A region's map is cut instead at its
:func:`seam`, the middle of the widest stretch of longitude where the region has no land: every
longitude west of the seam is drawn 360° further east (Samoa at 188°, east of Fiji). The page's
scripts move the shapes, markers and names the same way (``decode.js``); a map whose region does
not cross the 180th meridian (Africa, Asia) or a world map keeps the usual cut.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["seam", "shifted_bounds", "unwrap"]


def seam(shapes: list[BaseGeometry] | np.ndarray) -> float | None:
    """Return the longitude where a map of these shapes is best cut, or None for 180°.

    The middle of the widest gap between the shapes' parts, going round the globe; None when
    that gap already holds the 180th meridian (nothing to move) or there are no shapes.
    """
    bounds = _part_bounds(shapes)
    if not len(bounds):
        return None
    spans = sorted(zip(bounds[:, 0], bounds[:, 2], strict=True))
    covered_to = spans[0][1]
    widest = (0.0, None)  # (width, middle)
    for west, east in spans[1:]:
        if west > covered_to and west - covered_to > widest[0]:
            widest = (west - covered_to, (west + covered_to) / 2)
        covered_to = max(covered_to, east)
    across = spans[0][0] + 360 - covered_to  # the gap that holds the 180th meridian
    if across >= widest[0] or widest[1] is None:
        return None
    return float(widest[1])


def unwrap(lon: float, at: float | None) -> float:
    """Return a longitude as a map cut at ``at`` draws it (``decode.js``'s unwrap)."""
    return lon + 360 if at is not None and lon < at else lon


def shifted_bounds(
    shapes: list[BaseGeometry] | np.ndarray, at: float | None
) -> tuple[float, float, float, float]:
    """Return (minx, miny, maxx, maxy) of the shapes with every part west of ``at`` moved east.

    A part is moved whole, by where its middle lies, as the page's scripts move it.
    """
    bounds = _part_bounds(shapes)
    if at is not None:
        east = (bounds[:, 0] + bounds[:, 2]) / 2 < at
        bounds[east, 0] += 360
        bounds[east, 2] += 360
    return (
        float(bounds[:, 0].min()),
        float(bounds[:, 1].min()),
        float(bounds[:, 2].max()),
        float(bounds[:, 3].max()),
    )


def _part_bounds(shapes: list[BaseGeometry] | np.ndarray) -> np.ndarray:
    """Return (minx, miny, maxx, maxy) of each non-empty part of the shapes, a row each."""
    parts = shapely.get_parts(np.asarray(shapes, dtype=object))
    return shapely.bounds(parts[~shapely.is_empty(parts)])

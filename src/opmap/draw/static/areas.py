"""Operations known only by their area, on a static map: a dashed outline, no fill."""

from __future__ import annotations

import geopandas as gpd
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch

from opmap.decide.mapdata import MapData
from opmap.draw.static.framing import Frame, path_of
from opmap.draw.static.projection import project
from opmap.style import AREA_OUTLINE_COLOR


def outline_areas(ax: Axes, map_data: MapData, frame: Frame) -> None:
    """Draw the dashed outline of each operation known only by its area, with no fill.

    As on the HTML map: no country of the area is coloured or given the operation's figures.
    """
    if not map_data.areas:
        return
    outlines = project(gpd.GeoSeries(list(map_data.areas.values()), crs="EPSG:4326"), frame.crs)
    for key, outline in zip(map_data.areas, outlines, strict=True):
        if outline is None or outline.is_empty or not outline.is_valid:
            continue
        ax.add_artist(
            PathPatch(
                path_of(outline),
                fill=False,
                edgecolor=AREA_OUTLINE_COLOR,
                linewidth=1.0,
                linestyle="--",
                zorder=4,
                gid=f"area:{key}",
            )
        )

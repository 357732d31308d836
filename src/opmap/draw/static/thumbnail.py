"""A region's small map for the coverage page: the map alone, gaps hatched, no markers."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from matplotlib.figure import Figure

from opmap.decide.classes import Classes
from opmap.decide.mapdata import MapData
from opmap.style import GAP_HATCH_COLOR

#: Size of a region's small map, in inches, and its resolution: about 290 x 200 pixels.
THUMBNAIL_SIZE = (3.0, 2.1)
THUMBNAIL_DPI = 96
#: A small map's pixel is 20 to 40 km across a region: outlines simplified to 0.05° (5.5 km at
#: the equator) look the same, and project in a third of the time.
OUTLINE_DEG = 0.05


def thumbnail_outlines(boundaries) -> dict:
    """Return each unit's outline (by ISO alpha-3) simplified for every region's small map.

    Made once for all the regions: each small map projects the whole world (its grey
    neighbours too), and the full 1:50m outlines made that most of its time.
    """
    simple = boundaries.geometry.simplify(OUTLINE_DEG, preserve_topology=True)
    return dict(zip(boundaries["iso_a3"], simple, strict=True))


def write_region_thumbnail(
    map_data: MapData,
    path: Path | str,
    *,
    classes: Classes | None = None,
    dpi: int = THUMBNAIL_DPI,
    outlines: dict | None = None,
) -> Path:
    """Write a small PNG of a regional map: the map alone, no title, legend or markers.

    Parameters
    ----------
    map_data : MapData
        A regional map (:func:`opmap.decide.mapdata.prepare_map_data` with a region).
    path : path-like
        The PNG to write, atomically.
    classes : Classes, optional
        Classes to colour with instead of the map's own, so that every small map of a page
        shares one legend.
    dpi : int, default 96
    outlines : dict, optional
        The units' outlines by ISO alpha-3 (:func:`thumbnail_outlines`) to draw instead of the
        map's own; made once for several small maps.

    Returns
    -------
    pathlib.Path
    """
    from opmap.output import write_bytes

    figure = draw_region_thumbnail(map_data, classes=classes, dpi=dpi, outlines=outlines)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None}, facecolor="white")
    return write_bytes(path, buffer.getvalue())


def draw_region_thumbnail(
    map_data: MapData,
    *,
    classes: Classes | None = None,
    dpi: int = THUMBNAIL_DPI,
    outlines: dict | None = None,
) -> Figure:
    """Draw the small map of :func:`write_region_thumbnail` on a matplotlib figure.

    Only the region's states named in no operation are hatched as gaps: its territories are
    not counted among the states (they keep the colour of "no operations"), as on the
    interactive map and in coverage.csv.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from opmap.draw.static.image import plot_map

    if outlines is not None:
        coverage = map_data.coverage.copy()
        column = coverage.geometry.name
        coverage[column] = [
            outlines.get(iso3, g)
            for iso3, g in zip(coverage["iso_a3"], coverage[column], strict=True)
        ]
        map_data = dataclasses.replace(map_data, coverage=coverage)
    # Markers and their labels would crowd a thumbnail; the interactive map has them.
    shown = dataclasses.replace(
        map_data, markers={}, classes=classes if classes is not None else map_data.classes
    )
    figure = Figure(figsize=THUMBNAIL_SIZE, dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    plot_map(shown, ax=ax)
    ax.set_title("")
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    _hatch_gaps(ax, map_data)
    return figure


def _hatch_gaps(ax, map_data: MapData) -> None:
    """Hatch the region's gaps as the interactive map does (countries are patches by ISO3 gid)."""
    if "role" not in map_data.coverage:
        return
    gaps = set(map_data.coverage.loc[map_data.coverage["role"] == "gap", "iso_a3"])
    for patch in ax.patches:
        if patch.get_gid() in gaps:
            patch.set_facecolor("#ffffff")
            patch.set_hatch("//////")
            patch.set_hatchcolor(GAP_HATCH_COLOR)
            patch.set_hatch_linewidth(0.6)

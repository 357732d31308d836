"""Write the print images of the docs from the bundled data, and check the GIS export by eye.

    python scripts/print_screenshots.py [FOLDER]     # default: docs/

- ``map-static.png``: the print map (``opmap export``), 17 x 10 cm at 150 dpi.
- ``map-by-year.png``: the small multiples (``opmap export --by-year``), at 110 dpi.
- ``gis-layers.png``: ``opmap.gpkg`` read back with geopandas (as a GIS desk would open it) and
  drawn layer by layer: coverage polygons by operations; participation joined to coverage on
  ``iso_a3`` and drawn as outlines, with its points; operation points.

The generation date is fixed (``SOURCE_DATE_EPOCH``), so the same data gives the same images.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1767225600"  # 2026-01-01


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", FIXED_EPOCH)

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.static.image import write_image
    from opmap.draw.static.small_multiples import write_small_multiples
    from opmap.pack.geopackage import write_geopackage
    from opmap.pack.gis import gis_layers
    from opmap.read.inputs import load_inputs

    inputs = load_inputs()
    map_data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    print(write_image(map_data, args.folder / "map-static.png", dpi=150))
    for path in write_small_multiples(map_data, args.folder / "map-by-year.png", dpi=110):
        print(path)
    with tempfile.TemporaryDirectory() as scratch:
        layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points)
        gpkg = write_geopackage(layers, Path(scratch) / "opmap.gpkg")
        print(render_geopackage(gpkg, args.folder / "gis-layers.png"))


def render_geopackage(gpkg: Path, out: Path) -> Path:
    """Draw the three layers of ``gpkg``, read back with geopandas, into one PNG."""
    import geopandas as gpd
    import pyogrio
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    layers = {name: gpd.read_file(gpkg, layer=name) for name, _ in pyogrio.list_layers(gpkg)}
    figure = Figure(figsize=(10, 5.6), dpi=110, facecolor="white")
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0.01, 0.02, 0.98, 0.86))
    ax.set_axis_off()
    coverage = layers["coverage"]
    coverage.plot(
        ax=ax,
        column="operations",
        cmap="OrRd",
        vmin=0,
        edgecolor="#8c8c8c",
        linewidth=0.2,
        legend=True,
        legend_kwds={"label": "coverage.operations", "shrink": 0.6},
    )
    # Participation carries each country's point; its shapes are a join to coverage on iso_a3.
    participation = layers["participation"]
    joined = coverage[["iso_a3", "geometry"]].merge(
        participation.drop(columns="geometry"), on="iso_a3"
    )
    joined.boundary.plot(ax=ax, color="#1d3557", linewidth=0.5)
    participation.plot(ax=ax, color="#1d3557", marker="+", markersize=14, linewidth=0.6)
    points = layers["operations"].dropna(subset=["geometry"])
    points.plot(ax=ax, color="#1d3557", markersize=18, zorder=5)
    stacked: dict[tuple[float, float], int] = {}
    for row in points.itertuples():
        where = (row.geometry.x, row.geometry.y)
        above = stacked[where] = stacked.get(where, -1) + 1  # operations at one point: stack
        ax.annotate(
            f"{row.operation} {row.year}: victims {row.victims or 'not given'}",
            where,
            xytext=(5, 3 + 10 * above),
            textcoords="offset points",
            fontsize=7,
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.8, "lw": 0},
        )
    ax.set_xlim(-95, 55)
    ax.set_ylim(-40, 35)
    counts = ", ".join(f"{name} ({len(layer)} rows)" for name, layer in layers.items())
    figure.suptitle(
        f"{gpkg.name} read back with geopandas: {counts}; CRS {coverage.crs.to_string()}",
        fontsize=10,
        x=0.01,
        ha="left",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, metadata={"Software": None})
    return out


if __name__ == "__main__":
    main()

"""Baseline: the map a geopandas user makes with ``GeoDataFrame.explore()``.

$ python benchmarks/baseline_explore.py OPERATIONS.csv OUT.html
"""

from __future__ import annotations

import sys

from _baseline_data import load_joined


def main(csv_path: str, out_path: str) -> None:
    """Draw countries coloured by operations, one marker per operation, and save the HTML."""
    world, points = load_joined(csv_path)
    m = world.explore(column="operations", cmap="YlOrRd", tooltip=["name", "operations"])
    points.explore(m=m, color="black", marker_kwds={"radius": 4}, tooltip=["key", "countries"])
    m.save(out_path)


if __name__ == "__main__":
    main(*sys.argv[1:3])

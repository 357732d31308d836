"""Baseline: the map a folium user makes with ``folium.Choropleth`` and a marker per operation.

$ python benchmarks/baseline_choropleth.py OPERATIONS.csv OUT.html
"""

from __future__ import annotations

import sys

import folium
from _baseline_data import load_joined


def main(csv_path: str, out_path: str) -> None:
    """Draw countries coloured by operations, one marker per operation, and save the HTML."""
    world, points = load_joined(csv_path)
    m = folium.Map(location=[20, 0], zoom_start=2)
    folium.Choropleth(
        geo_data=world[["iso_a3", "name", "geometry"]].to_json(),
        data=world,
        columns=["iso_a3", "operations"],
        key_on="feature.properties.iso_a3",
        fill_color="YlOrRd",
        legend_name="Operations",
    ).add_to(m)
    for row in points.itertuples():
        folium.Marker(
            [row.geometry.y, row.geometry.x],
            tooltip=row.key,
            popup=f"{row.key}: {row.countries} (victims {row.victims or '?'})",
        ).add_to(m)
    m.save(out_path)


if __name__ == "__main__":
    main(*sys.argv[1:3])

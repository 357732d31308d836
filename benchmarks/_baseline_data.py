"""The join both baselines share, written as a pandas user would, with opmap's name resolver.

Read the CSV, explode the ``;``-separated countries, resolve each spelling with
:func:`~opmap.read.countries.resolve_country` (so the join is the same as opmap's), count
operations per country and merge the counts into the bundled boundaries.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from opmap.read.boundaries import load_boundaries
from opmap.read.countries import resolve_country


def load_joined(csv_path: str) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Return (boundaries with an ``operations`` count, one point per mapped operation)."""
    operations = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    operations["key"] = operations["operation"] + " " + operations["year"]
    exploded = operations.assign(country=operations["countries"].str.split(";")).explode("country")
    exploded["country"] = exploded["country"].str.strip()
    exploded = exploded[exploded["country"] != ""]
    exploded["iso_a3"] = exploded["country"].map(lambda name: resolve_country(name).iso3)
    counts = exploded.groupby("iso_a3")["key"].nunique().rename("operations").reset_index()

    world = load_boundaries()
    world = world.merge(counts, on="iso_a3", how="left")
    world["operations"] = world["operations"].fillna(0).astype(int)

    # One marker per operation, on its first named country (a representative point on land).
    anchors = world.set_index("iso_a3").representative_point()
    first = exploded.drop_duplicates("key")
    first = first[first["iso_a3"].isin(anchors.index)]
    points = gpd.GeoDataFrame(
        first[["key", "year", "victims", "arrests", "countries"]],
        geometry=anchors.loc[first["iso_a3"]].to_numpy(),
        crs=world.crs,
    )
    return world, points

"""Build opmap's bundled country boundaries and country points from Natural Earth.

Reads Natural Earth 1:50m "Admin 0 - Countries" (241 units, public domain) and writes:

- ``src/opmap/data/countries.geojson``: every unit, with the properties ``iso_a3``, ``iso_a2``,
  ``name`` (opmap's canonical display name, :func:`opmap.read.countries.country_name`), ``name_ne``
  (Natural Earth's short label), ``name_long``, ``continent``, ``region_un``, ``subregion``,
  ``region_wb``, ``sovereignt``, ``type`` and ``iso_status`` and nothing else; coordinates
  rounded to 4 decimals (about 10 m), geometries kept valid, exterior rings counter-clockwise
  (RFC 7946), features sorted by ``iso_a3``.
- ``src/opmap/data/countries-display.geojson``: the same units simplified for display
  (:func:`opmap.draw.interactive.geometry.display_collection`), read by the HTML map instead of
  simplifying the bundled boundaries on every run.
- ``src/opmap/data/country_points.csv`` (``iso3,lat,lon,name``): one land point for every ISO 3166-1
  country or territory that has no polygon of its own at this scale.
- ``src/opmap/data/country_attributes.csv``: the properties of ``countries.geojson``, one row per
  unit in the same order, without the shapes: read by the commands that draw nothing
  (``opmap summary``), so that they need no geometry library.

The same input gives the same bytes. What the build changes in Natural Earth (codes it lacks
or gets wrong, units it puts in the open ocean, territories it draws inside their parent, and
the units with no polygon at 1:50m) is in ``scripts/natural_earth_fixes.py``.

Usage::

    $ python scripts/build_countries.py [SOURCE] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

import pycountry
import pyogrio
import shapely
from natural_earth_fixes import (
    POINTS,
    REGION_COLUMNS,
    assign_codes,
    check_regions,
    fix_regions,
    split_territories,
)
from shapely.geometry import mapping

from opmap.draw.interactive.geometry import DISPLAY_FILE, display_collection
from opmap.read.boundaries import ATTRIBUTES_FILE
from opmap.read.countries import country_name

REPO = Path(__file__).resolve().parent.parent
SOURCE_NAME = "ne_50m_admin_0_countries.geojson"
DEFAULT_SOURCES = (
    Path("/work/shared/data") / SOURCE_NAME,
    REPO.parent / "shared" / "data" / SOURCE_NAME,
)
DEFAULT_OUT_DIR = REPO / "src" / "opmap" / "data"
GRID = 1e-4  # degrees; about 10 m at the equator
DECIMALS = 4

PROPERTIES = (
    "iso_a3",
    "iso_a2",
    "name",
    "name_ne",
    "name_long",
    "continent",
    "region_un",
    "subregion",
    "region_wb",
    "sovereignt",
    "type",
    "iso_status",
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=None,
        help=f"Natural Earth GeoJSON (default: {DEFAULT_SOURCES[0]})",
    )
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help="folder to write countries.geojson and country_points.csv to",
    )
    return parser.parse_args(argv)


def find_source(source: Path | None) -> Path:
    if source is not None:
        return source
    for candidate in DEFAULT_SOURCES:
        if candidate.exists():
            return candidate
    sys.exit(f"build_countries: no {SOURCE_NAME} in {', '.join(map(str, DEFAULT_SOURCES))}")


def round_geometry(geometry):
    """Snap to a 10 m grid, keep it valid and polygonal, orient rings as RFC 7946 asks."""
    snapped = shapely.set_precision(geometry, GRID)
    if not snapped.is_valid:
        snapped = shapely.make_valid(snapped)
    if snapped.geom_type == "GeometryCollection":
        polygons = [g for g in snapped.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        snapped = shapely.union_all(polygons)
    if snapped.is_empty or not snapped.is_valid:
        raise SystemExit("build_countries: a geometry vanished or broke when rounded")
    return shapely.orient_polygons(snapped)


def round_coordinates(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(value, DECIMALS) for value in coordinates]
    return [round_coordinates(part) for part in coordinates]


def build_feature(row) -> dict:
    row = fix_regions(row)
    check_regions(row)
    iso_a3, iso_a2, iso_status = assign_codes(row["ADM0_A3"], row["ISO_A3"], row["ISO_A2"])
    values = {
        "iso_a3": iso_a3,
        "iso_a2": iso_a2,
        "name": country_name(iso_a3),
        "name_ne": row["NAME"],
        "name_long": row["NAME_LONG"],
        "continent": row["CONTINENT"],
        "region_un": row["REGION_UN"],
        "subregion": row["SUBREGION"],
        "region_wb": row["REGION_WB"],
        "sovereignt": row["SOVEREIGNT"],
        "type": row["TYPE"],
        "iso_status": iso_status,
    }
    geometry = mapping(round_geometry(row["geometry"]))
    geometry = {"type": geometry["type"], "coordinates": round_coordinates(geometry["coordinates"])}
    return {
        "type": "Feature",
        "properties": {k: values[k] for k in PROPERTIES},
        "geometry": geometry,
    }


def check_features(features: list[dict], expected: int) -> None:
    codes = [f["properties"]["iso_a3"] for f in features]
    if len(features) != expected or len(set(codes)) != len(codes) or "-99" in codes:
        raise SystemExit("build_countries: codes are missing or repeated")
    clashes = [
        c
        for f, c in zip(features, codes, strict=True)
        if f["properties"]["iso_status"] == "user-assigned"
        and pycountry.countries.get(alpha_3=c) is not None
    ]
    if clashes:
        raise SystemExit(f"build_countries: user-assigned codes clash with ISO: {clashes}")


def format_collection(features: list[dict]) -> str:
    """One feature a line, so that a change shows up as a readable diff."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def missing_points(codes: set[str]) -> list[str]:
    """ISO 3166-1 alpha-3 codes pycountry knows that have no feature."""
    return sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes)


def format_points(missing: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["iso3", "lat", "lon", "name", *(c.lower() for c in REGION_COLUMNS)])
    for iso3 in missing:
        if iso3 in POINTS:
            name, lat, lon, regions = POINTS[iso3]
            writer.writerow([iso3, f"{lat:.2f}", f"{lon:.2f}", name, *regions])
    return buffer.getvalue()


def format_attributes(features: list[dict]) -> str:
    """The features' properties as CSV, in their order, with no shape."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PROPERTIES)
    for feature in features:
        writer.writerow([feature["properties"][name] for name in PROPERTIES])
    return buffer.getvalue()


def write_display(out_dir: Path) -> None:
    """Simplify the boundaries just written, as the HTML map would, so that it need not."""
    written = pyogrio.read_dataframe(out_dir / "countries.geojson")
    text = display_collection(written.geometry.to_numpy(), written["iso_a3"])
    (out_dir / DISPLAY_FILE).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    source = find_source(args.source)
    frame = split_territories(pyogrio.read_dataframe(source))
    features = [build_feature(row) for _, row in frame.iterrows()]
    features.sort(key=lambda f: f["properties"]["iso_a3"])
    check_features(features, expected=len(frame))
    missing = missing_points({f["properties"]["iso_a3"] for f in features})
    unplaced = [code for code in missing if code not in POINTS]
    if unplaced:
        print(f"build_countries: no point for {', '.join(unplaced)}", file=sys.stderr)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    (args.out_dir / "countries.geojson").write_text(format_collection(features), encoding="utf-8")
    (args.out_dir / "country_points.csv").write_text(format_points(missing), encoding="utf-8")
    (args.out_dir / ATTRIBUTES_FILE).write_text(format_attributes(features), encoding="utf-8")
    write_display(args.out_dir)
    print(
        f"wrote {len(features)} features and {len(missing) - len(unplaced)} points "
        f"to {args.out_dir}"
    )


if __name__ == "__main__":
    main()

"""The one table of what a briefing pack holds: each file, what it is, and which step writes it.

The build (:mod:`opmap.pack.briefing_pack`) runs the steps in the order of :data:`STEPS` (the
images for print in a second process beside the others, :mod:`opmap.pack.forked`) and hands the
index page the files by role; the README's table of pack files is checked against
this one by a test. A new output of the pack is a new row here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from opmap.errors import OutputError
from opmap.words import text

if TYPE_CHECKING:
    from opmap.ownership import OutputPolicy

__all__ = [
    "PACK_FILES",
    "STEPS",
    "PackFile",
    "files_by_role",
    "files_of_step",
    "refuse_pack_file",
    "region_file_names",
]


@dataclass(frozen=True)
class PackFile:
    """One file (or one kind of file, ``regions/*.html``) of the briefing pack.

    Parameters
    ----------
    name : str
        Path inside the pack, with ``/``; ``*`` stands for a region's file name.
    what : str
        What it is, in the words of the README.
    step : str
        The step of the build that writes it (a key of :data:`STEPS`).
    role : str or None
        The name the index page knows it by (``files[role]``), or None if the page does not
        link it by role.
    optional : bool
        Written only when needed (further pages of the small multiples), so a pack may have
        none.
    """

    name: str
    what: str
    step: str
    role: str | None = None
    optional: bool = False


#: The build's steps, in the order they run: key -> what the step makes.
STEPS = {
    "records": "the cleaned records",
    "maps": "the interactive maps",
    "images": "the images for print",
    "coverage": "coverage by region and the regional maps",
    "gis": "the layers for a GIS",
    "index": "the briefing page",
}

PACK_FILES: tuple[PackFile, ...] = (
    PackFile(
        "index.html",
        "the briefing page: headline figures, the map, coverage by region, every operation "
        "with its source",
        "index",
    ),
    PackFile(
        "map.html",
        "the interactive map, one self-contained file (Leaflet inlined, no tiles, no requests)",
        "maps",
        "map",
    ),
    PackFile(
        "map-data.js",
        "the operations map-embed.html and the regional maps share, loaded beside them",
        "maps",
    ),
    PackFile(
        "map-code.js",
        "Leaflet and opmap's scripts, which map-embed.html and the regional maps share",
        "maps",
    ),
    PackFile(
        "map-embed.html",
        "the map for an intranet page (fills its frame; needs map-data.js and map-code.js "
        "beside it)",
        "maps",
        "map_embed",
    ),
    PackFile(
        "map-embed.iframe.html", "the `<iframe>` snippet to paste", "maps", "map_embed_snippet"
    ),
    PackFile(
        "map.png",
        "the map for print: 17 x 10 cm, 300 dpi, framed on the countries that took part "
        "(equal-area projection, a panel and a scale bar per distant group, world locator), "
        "every participant named and every operation up to 40 (past that, the subtitle says "
        "they are too many to name)",
        "images",
        "png",
    ),
    PackFile(
        "map.svg",
        "the same map as a vector image (SVG) whose text stays text, to edit",
        "images",
        "svg",
    ),
    PackFile(
        "map.pdf",
        "the same map as a PDF page with its title, author, subject and date",
        "images",
        "pdf",
    ),
    PackFile(
        "map-by-year.png",
        "small multiples: one map per year in the print map's frames, one shared colour scale "
        "(when the operations span several years)",
        "images",
        "by_year",
    ),
    PackFile(
        "map-by-year-*.png",
        "further pages of the small multiples, past six years (nine when a year is one panel)",
        "images",
        optional=True,
    ),
    PackFile(
        "coverage.csv",
        "coverage by region: countries covered, gaps, operations, figures",
        "coverage",
        "coverage_csv",
    ),
    PackFile(
        "coverage-per-year.csv",
        "countries covered and operations per region and year",
        "coverage",
        "coverage_per_year_csv",
    ),
    PackFile("coverage.md", "the coverage table in Markdown", "coverage", "coverage_md"),
    PackFile(
        "coverage.html",
        "the coverage table beside a small map of each region",
        "coverage",
        "coverage_html",
    ),
    PackFile(
        "regions/*.html",
        "one map per region with operations: covered countries, gaps, other regions greyed",
        "coverage",
    ),
    PackFile(
        "regions/*.png",
        "the small map of each region with operations, shown on coverage.html",
        "coverage",
    ),
    PackFile(
        "operations.csv",
        "the records, cleaned, with ISO codes (opmap reads it back as is)",
        "records",
        "operations_csv",
    ),
    PackFile(
        "opmap.gpkg",
        "the data for a GIS (QGIS, ArcGIS), EPSG:4326: layers operations (points, every "
        "field, key the identity), participation (one row per operation and country: "
        "operation, year and iso_a3, at the country's point; join operation to the operations' "
        "key, iso_a3 to the coverage layer's for names and shapes) and coverage (countries "
        "with their shapes, counts and figures)",
        "gis",
        "gpkg",
    ),
    PackFile("opmap-operations.geojson", "the operations layer as GeoJSON, for web tools", "gis"),
    PackFile(
        "opmap-participation.geojson", "the participation layer as GeoJSON, for web tools", "gis"
    ),
    PackFile("opmap-coverage.geojson", "the coverage layer as GeoJSON, for web tools", "gis"),
)


def files_of_step(step: str) -> list[PackFile]:
    """Return the files a step writes, in the order of the table."""
    return [file for file in PACK_FILES if file.step == step]


def files_by_role(present: Iterable[str]) -> dict[str, str]:
    """Return role -> path for the files of the table that are in ``present``.

    Parameters
    ----------
    present : iterable of str
        Paths inside the pack (with ``/``) that were written.
    """
    written = set(present)
    return {file.role: file.name for file in PACK_FILES if file.role and file.name in written}


def region_file_names(regions: Iterable[str]) -> dict[str, str]:
    """Return region -> file name stem, distinct for every region and the same on every run.

    Regions whose names make the same stem ("Region One", "region one") are taken in sorted
    order: the first keeps the stem, the next get ``-2``, ``-3``... (``region-one-2``).
    """
    from opmap.decide.coverage import region_slug

    names: dict[str, str] = {}
    used: set[str] = set()
    for region in sorted(set(regions)):
        stem = region_slug(region)
        number = 2
        while stem in used:
            stem = f"{region_slug(region)}-{number}"
            number += 1
        used.add(stem)
        names[region] = stem
    return names


def refuse_pack_file(path: Path | str, policy: OutputPolicy) -> None:
    """Refuse to write, but with ``--force``, a file of a briefing pack that ``opmap build`` wrote.

    ``opmap map --out output/map.html`` after a build would leave the pack's index.html linking
    a map that is not the one it describes (and ``--out output/index.html`` would replace the
    page itself). A file belongs to a pack when the manifest of a folder above it lists it as a
    pack file and lists that pack's index.html (``fr/index.html`` for a pack per language).

    Raises
    ------
    OutputError
        If ``path`` is a pack's file, saying which pack and the ways out.
    """
    from opmap.i18n import LANGUAGES
    from opmap.ownership import matches, read_manifest, resolve_out

    if policy.force:
        return
    target = resolve_out(path)
    names = [file.name for file in PACK_FILES]
    for folder in target.parents:
        relative = target.relative_to(folder).as_posix()
        manifest = read_manifest(folder)
        if relative not in manifest:
            continue
        first, _, rest = relative.partition("/")
        per_language = first in LANGUAGES and f"{first}/index.html" in manifest
        inside = rest if per_language else relative
        if matches(inside, names) and (per_language or "index.html" in manifest):
            pack = Path(path).parents[inside.count("/")]
            raise OutputError(text("out_pack_file", path=str(path), pack=str(pack)))
        return

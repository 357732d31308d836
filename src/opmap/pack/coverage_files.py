"""Write the coverage report: CSV and Markdown tables, the comparison page, one map per region.

``coverage.csv``, ``coverage-per-year.csv``, ``coverage.md``, ``coverage.html`` and, for each
region with an operation, ``regions/<region>.html`` (its interactive map).

A briefing pack (``opmap build``) holds files of the same names, linked from its index.html and
agreeing with it; ``opmap coverage`` never writes into a pack's folder
(:func:`check_coverage_folder`), so that a pack's pages never point to a file that is gone or
disagree with its tables. Its default folder is ``output/coverage``, beside the pack.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from opmap import progress
from opmap.decide.coverage import CoverageReport, coverage_markdown, region_members
from opmap.errors import OutputError
from opmap.ownership import LEGACY_MARKER, OutputPolicy, read_manifest, resolve_out
from opmap.pack.files import PACK_FILES, files_of_step, region_file_names
from opmap.place_names import region_name

#: The pack's files a regional map links where its table is cut: the full map and the records.
PACK_LINKS = ("map", "operations_csv")


def publish_coverage(
    report: CoverageReport,
    inputs,
    out_dir: Path | str,
    *,
    policy: OutputPolicy | None = None,
    generated: date | None = None,
) -> list[Path]:
    """Write the coverage files into ``out_dir`` all at once, as ``opmap coverage`` does.

    They are written in a staging folder that is swapped in when all are done, so a failed run
    leaves the previous files as they were; the earlier coverage files opmap wrote there are
    replaced and every other file of the folder is kept (:func:`opmap.pack.folder.replace_folder`).

    Parameters
    ----------
    report, inputs, generated
        As for :func:`write_coverage`.
    out_dir : path-like
    policy : OutputPolicy, optional
        The run's inputs and ``--force``.

    Returns
    -------
    list of Path
        What was written, inside ``out_dir``.
    """
    from opmap.pack.folder import replace_folder

    check_coverage_folder(out_dir)
    owned = [file.name for file in files_of_step("coverage")]
    with replace_folder(out_dir, owned, policy or OutputPolicy()) as staging:
        written = write_coverage(report, inputs, staging, generated=generated)
    return [Path(out_dir) / path.relative_to(staging) for path in written]


def check_coverage_folder(out_dir: Path | str) -> None:
    """Refuse a folder that holds a briefing pack, whose pages link its own coverage files.

    A pack's folder is one whose manifest, or the manifest of a folder above it (a pack per
    language: ``output/fr``), lists its ``index.html``; or one with the marker of older builds.
    ``--force`` does not change this: the pack's files are opmap's, and replacing them would
    leave its index.html with links to regional maps that are gone and figures that disagree.

    Raises
    ------
    OutputError
        If ``out_dir`` holds a briefing pack, with the two ways out.
    """
    target = resolve_out(out_dir)
    if (target / LEGACY_MARKER).is_file() or any(
        _index_of(target, folder) in read_manifest(folder) for folder in (target, *target.parents)
    ):
        shown = str(out_dir)
        from opmap.words import text

        beside = str(Path(shown) / "coverage")
        raise OutputError(text("coverage_in_pack", path=shown, beside=beside))


def _index_of(target: Path, folder: Path) -> str:
    """Return the path of ``target``'s index.html as ``folder``'s manifest would list it."""
    return (target.relative_to(folder) / "index.html").as_posix()


def write_coverage(
    report: CoverageReport,
    inputs,
    out_dir: Path | str,
    *,
    maps: bool = True,
    generated: date | None = None,
    shared=None,
) -> list[Path]:
    """Write the coverage report into ``out_dir``.

    ``coverage.csv`` and ``coverage-per-year.csv`` (the figures), ``coverage.md``,
    ``coverage.html`` (the table beside a small map of each region with an operation,
    ``regions/<region>.png``) and ``regions/<region>.html``: the interactive map of each region
    with an operation, its gaps hatched and other regions greyed. A region with no operation
    gets neither map: the table says so. Every link between them is relative.

    Parameters
    ----------
    report : CoverageReport
        From :func:`build_coverage`.
    inputs : opmap.read.inputs.Inputs
        The boundaries and points the maps are drawn with.
    out_dir : path-like
        Created if missing.
    maps : bool, default True
        Draw the regional maps and the small maps (False: tables and the page only).
    generated : datetime.date, optional
        The date the pages say they were made (default: today).
    shared : opmap.draw.interactive.shared.SharedOperations, optional
        The operations a briefing pack writes once beside its pages: the regional maps load
        them from there (default: each regional map carries its own, one file each).

    Returns
    -------
    list of Path
        What was written, in order.
    """
    from opmap.draw.pages.coverage_page import render_coverage_page
    from opmap.output import write_csv, write_text

    out = Path(out_dir)
    written = [
        write_csv(out / "coverage.csv", report.frame),
        write_csv(out / "coverage-per-year.csv", report.per_year_frame),
        write_text(out / "coverage.md", coverage_markdown(report)),
    ]
    pages: dict[str, str] = {}
    images: dict[str, str] = {}
    classes = None
    if maps:
        pages, images, classes, drawn = _write_region_maps(report, inputs, out, generated, shared)
    else:
        drawn = []
    page = render_coverage_page(
        report, region_pages=pages, region_images=images, classes=classes, generated=generated
    )
    return [*written, write_text(out / "coverage.html", page), *drawn]


def _write_region_maps(
    report: CoverageReport, inputs, out: Path, generated: date | None, shared=None
):
    """Write the small and the interactive map of each region with an operation."""
    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import write_map
    from opmap.draw.interactive.popups import remembered
    from opmap.draw.static.thumbnail import thumbnail_outlines, write_region_thumbnail

    # One set of classes for every small map, so that the page needs a single legend.
    overview = prepare_map_data(report.operations, inputs.boundaries, points=inputs.points)
    members = region_members(report, inputs.boundaries)
    grouped = frozenset(iso3 for codes in members.values() for iso3 in codes)
    pages, images, written = {}, {}, []
    outlines = None  # simplified once for every small map, when there is one
    stems = region_file_names(report.regions["region"])
    # In a pack, a page whose table lists only the most recent operations links the others.
    links = None
    if shared is not None:
        links = {f.role: shared.folder + f.name for f in PACK_FILES if f.role in PACK_LINKS}
    # An operation in several regions is worded once for all their maps.
    with remembered():
        # A region where nothing happened has no map: it is neither drawn nor counted.
        drawn = [row for row in report.regions.itertuples() if row.operations]
        for number, row in enumerate(drawn, start=1):
            progress.tell(
                "progress_region_map",
                number=number,
                total=len(drawn),
                region=region_name(row.region),
            )
            slug = stems[row.region]
            map_data = prepare_map_data(
                report.operations,
                inputs.boundaries,
                points=inputs.points,
                region_codes=members[row.region],
                region_label=row.region,
                grouped=grouped,
                period=report.period,
                universe=report.universe,
            )
            # One value, one colour in every map of the pack: the region's own classes would make
            # "1 operation" the darkest red in the Americas and light orange in map.html.
            map_data = dataclasses.replace(map_data, classes=overview.classes)
            page = out / "regions" / f"{slug}.html"
            written.append(
                write_map(map_data, page, generated=generated, shared=shared, links=links)
            )
            pages[row.region] = f"regions/{slug}.html"
            outlines = outlines if outlines is not None else thumbnail_outlines(inputs.boundaries)
            written.append(
                write_region_thumbnail(
                    map_data,
                    out / "regions" / f"{slug}.png",
                    classes=overview.classes,
                    outlines=outlines,
                )
            )
            images[row.region] = f"regions/{slug}.png"
    return pages, images, overview.classes, written

"""``opmap build``: the whole briefing pack in one folder, written all at once.

Every file is made in a staging folder beside the target; only when all of them are written
does the staging folder replace the target, so an interrupted build leaves the previous pack as
it was. The pack links only to its own files, by relative paths.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from opmap.errors import OutputError
from opmap.pack.files import PACK_FILES, STEPS, files_by_role, files_of_step

#: Written inside every pack, so a later build knows the folder is its own to replace.
MARKER = ".opmap-build"

#: What a pack holds at its top level, besides the marker: names a build may replace.
PACK_NAMES = {file.name.split("/")[0] for file in PACK_FILES} | {MARKER}


@dataclass
class Step:
    """One step of a build, as reported to the user (``opmap -v build``)."""

    label: str
    seconds: float
    paths: list[Path] = field(default_factory=list)


def build_pack(
    inputs,
    out_dir: Path | str = "output",
    *,
    generated: date | None = None,
    on_step: Callable[[int, int, str], None] | None = None,
) -> list[Step]:
    """Write the briefing pack into ``out_dir``.

    Parameters
    ----------
    inputs : opmap.read.inputs.Inputs
        Validated operations, boundaries and points.
    out_dir : path-like, default "output"
        The pack's folder. It is replaced whole; a folder holding files that a build did not
        write is refused, so that nothing of the user's is lost.
    generated : datetime.date, optional
        The date the pack says it was made (default: today, or ``SOURCE_DATE_EPOCH``).
    on_step : callable, optional
        Called as ``on_step(number, count, label)`` before each step (for progress).

    Returns
    -------
    list of Step
        What each step wrote (paths inside ``out_dir``) and how long it took.

    Raises
    ------
    OutputError
        If ``out_dir`` holds files a build did not write, or cannot be written.
    """
    from opmap.output import atomic_folder, generation_date

    target = Path(out_dir)
    _check_replaceable(target)
    plan = _plan(inputs, generated or generation_date())
    steps: list[Step] = []
    with atomic_folder(target) as staging:
        (staging / MARKER).write_text("written by opmap build; safe to replace\n", encoding="utf-8")
        for number, step in enumerate(STEPS, start=1):
            names = ", ".join(file.name for file in files_of_step(step))
            label = f"{STEPS[step]}: {names}"
            if on_step:
                on_step(number, len(STEPS), label)
            started = time.perf_counter()
            written = plan[step](staging)
            steps.append(
                Step(
                    label,
                    time.perf_counter() - started,
                    [target / p.relative_to(staging) for p in written],
                )
            )
    return steps


def _check_replaceable(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(f"{str(target)!r} is a file, not a folder; choose a folder for --out")
    if (target / MARKER).exists():
        return
    foreign = sorted(p.name for p in target.iterdir() if p.name not in PACK_NAMES)
    if foreign:
        shown = ", ".join(repr(n) for n in foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        raise OutputError(
            f"{str(target)!r} holds files opmap build did not write ({shown}); a build "
            "replaces its folder whole, so choose another --out or move those files"
        )


def _plan(inputs, generated: date) -> dict[str, Callable[[Path], list[Path]]]:
    """Return each step of :data:`opmap.pack.files.STEPS` with the function that runs it."""
    from opmap.decide.coverage import build_coverage
    from opmap.decide.mapdata import prepare_map_data

    map_data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    report = build_coverage(inputs)

    def operations_csv(staging: Path) -> list[Path]:
        from opmap.decide.tables import operations_frame
        from opmap.output import write_text

        frame = operations_frame(inputs.operations)
        path = staging / "operations.csv"
        write_text(path, frame.to_csv(index=False, lineterminator="\n"))
        return [path]

    def html_maps(staging: Path) -> list[Path]:
        from opmap.draw.interactive.embed import write_snippet
        from opmap.draw.interactive.map import write_map

        full = write_map(map_data, staging / "map.html", generated=generated)
        embed = write_map(map_data, staging / "map-embed.html", embed=True, generated=generated)
        snippet, _ = write_snippet(embed)
        return [full, embed, snippet]

    def images(staging: Path) -> list[Path]:
        from opmap.decide.periods import spans_years
        from opmap.draw.static.image import write_image
        from opmap.draw.static.small_multiples import write_small_multiples

        written = [
            write_image(map_data, staging / f"map.{fmt}", generated=generated)
            for fmt in ("png", "svg", "pdf")
        ]
        if spans_years(map_data):
            written.append(
                write_small_multiples(map_data, staging / "map-by-year.png", generated=generated)
            )
        return written

    def coverage(staging: Path) -> list[Path]:
        from opmap.pack.coverage_files import write_coverage

        return write_coverage(report, inputs, staging, generated=generated)

    def index(staging: Path) -> list[Path]:
        from opmap.draw.pages.briefing import render_briefing
        from opmap.output import write_text

        present = {p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()}
        files = files_by_role(present)
        region_pages = _region_pages(report, present)
        page = render_briefing(
            inputs.operations, report, region_pages=region_pages, files=files, generated=generated
        )
        return [write_text(staging / "index.html", page)]

    plan = {
        "records": operations_csv,
        "maps": html_maps,
        "images": images,
        "coverage": coverage,
        "index": index,
    }
    return plan


def _region_pages(report, present: set[str]) -> dict[str, str]:
    from opmap.decide.coverage import region_slug

    pages = {}
    for region in report.regions["region"]:
        path = f"regions/{region_slug(region)}.html"
        if path in present:
            pages[region] = path
    return pages

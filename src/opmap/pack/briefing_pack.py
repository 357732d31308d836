"""``opmap build``: the whole briefing pack in one folder, written all at once.

Every file is made in a staging folder beside the target; only when all of them are written
does the staging folder replace the target, so an interrupted build leaves the previous pack as
it was. The pack links only to its own files, by relative paths.

A pack is written in one language. Several languages (``opmap build --lang all``) make one
complete pack per language in a subfolder named by its code (``fr/``), and an ``index.html``
beside them that links the packs, each in its own language's name.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from opmap import progress
from opmap.draw.interactive.popups import remembered
from opmap.errors import StepStopped
from opmap.i18n import LANGUAGES, current_language, use_language
from opmap.ownership import LEGACY_MARKER, OutputPolicy
from opmap.pack.files import PACK_FILES, STEPS, files_by_role, files_of_step, region_file_names
from opmap.pack.forked import Forked
from opmap.read.universe import Universe
from opmap.words import text


@dataclass
class Step:
    """One step of a build, as reported to the user (``opmap -v build``)."""

    label: str
    seconds: float
    paths: list[Path] = field(default_factory=list)
    key: str = ""  # its key in STEPS


def build_pack(
    inputs,
    out_dir: Path | str = "output",
    *,
    languages: Sequence[str] | None = None,
    generated: date | None = None,
    on_step: Callable[[int, int, str], None] | None = None,
    policy: OutputPolicy | None = None,
    universe: Universe | None = None,
) -> list[Step]:
    """Write the briefing pack into ``out_dir``.

    Parameters
    ----------
    inputs : opmap.read.inputs.Inputs
        Validated operations, boundaries and points.
    out_dir : path-like, default "output"
        The pack's folder. The files of the pack that opmap wrote there before are replaced;
        the user's own files are kept; a pack file opmap did not write is refused (see
        :mod:`opmap.ownership`).
    languages : sequence of str, optional
        The languages to write (default: the current one, see :func:`opmap.i18n.use_language`).
        One language writes its pack into ``out_dir``; several write one pack per language
        into ``out_dir/<code>/`` and an index page linking them into ``out_dir``. Either way
        the build owns the layout of both, so packs of languages not written again are dropped.
    generated : datetime.date, optional
        The date the pack says it was made (default: today, or ``SOURCE_DATE_EPOCH``).
    on_step : callable, optional
        Called as ``on_step(number, count, label)`` before each step (for progress).
    policy : OutputPolicy, optional
        The run's inputs and ``--force`` (default: no inputs, no force).
    universe : Universe, optional
        The states every page of the pack counts coverage over (``--universe``; default: the
        UN member and observer states), so that coverage.csv, the pages and the maps' words
        share one denominator.

    Returns
    -------
    list of Step
        What each step wrote (paths inside ``out_dir``) and how long it took.

    Raises
    ------
    OutputError
        If ``out_dir`` holds a pack file opmap did not write, or cannot be written.
    """
    from opmap.output import generation_date
    from opmap.pack.folder import replace_folder

    target = Path(out_dir)
    languages = tuple(languages or (current_language(),))
    generated = generated or generation_date()
    several = len(languages) > 1
    count = len(STEPS) * len(languages) + several
    steps: list[Step] = []
    owned = _owned_files()
    # Progress is told in the language of the call; each pack is written in its own.
    with (
        progress.in_language(current_language()),
        replace_folder(target, owned, policy or OutputPolicy()) as staging,
    ):

        def run(label: str, write: Callable[[], list[Path]], told: dict, key: str = "") -> None:
            number = len(steps) + 1
            if on_step:
                on_step(number, count, label)
            progress.tell("progress_step", number=number, total=count, **told)
            started = time.perf_counter()
            try:
                written = write()
            except StepStopped as err:  # the staging folder goes; the pack stays as it was
                step = f"{told['prefix']}{text(told['what'].key)}: {told['files']}"
                said = text("build_step_died", step=step, code=err.exit_code, path=str(target))
                raise StepStopped(said, err.exit_code) from None
            # A step drawn in a second process says how long it took there.
            seconds = write.seconds if isinstance(write, Forked) else time.perf_counter() - started
            progress.tell(
                "progress_step_files", len(written), number=number, total=count, seconds=seconds
            )
            paths = [target / p.relative_to(staging) for p in written]
            steps.append(Step(label, seconds, paths, key))

        for language in languages:
            with use_language(language):
                folder = staging / language if several else staging
                label = f"[{language}] " if several else ""
                first = len(steps)
                _write_pack(inputs, folder, generated, run, label, universe=universe)
                steps[first:] = sorted(steps[first:], key=lambda step: list(STEPS).index(step.key))
        if several:
            run(
                "the page of the languages: index.html",
                lambda: _write_language_index(staging),
                _told("languages", "index.html"),
            )
    return steps


def _owned_files() -> list[str]:
    """Return the patterns of every file a build writes: one pack, or a pack per language."""
    pack = [file.name for file in PACK_FILES] + [LEGACY_MARKER]
    return pack + [f"{language}/{name}" for language in LANGUAGES for name in pack]


def _write_pack(
    inputs, pack: Path, generated: date, run, label: str = "", *, universe: Universe | None = None
) -> None:
    """Write every step of one pack, in the current language, into the folder ``pack``."""
    pack.mkdir(exist_ok=True)
    plan = _plan(inputs, generated, universe)
    # The images for print are drawn in a second process while this one writes the rest (they
    # are half of a build's time); the briefing page, which lists what the folder holds, waits.
    aside = {"images": Forked(functools.partial(plan["images"], pack))} if Forked.able() else {}

    def run_step(step: str, write: Callable[[], list[Path]]) -> None:
        names = ", ".join(file.name for file in files_of_step(step))
        run(f"{label}{STEPS[step]}: {names}", write, _told(step, names, label), step)

    try:
        with remembered():  # the pack's maps word each operation once
            for step in STEPS:
                if step == "index":
                    for key, job in aside.items():
                        run_step(key, job)
                if step not in aside:
                    run_step(step, functools.partial(plan[step], pack))
    finally:
        for job in aside.values():
            job.stop()  # a step that failed here stops the other (it has ended otherwise)


def _told(step: str, files: str, prefix: str = "") -> dict:
    """Return the words of a step's progress: its name, in the language of the progress."""
    return {"prefix": prefix, "what": progress.Words(f"progress_step_{step}"), "files": files}


def _write_language_index(folder: Path) -> list[Path]:
    """Write the page linking the packs of ``folder``, one per language, in their own names."""
    from opmap.draw.pages.languages import render_languages
    from opmap.output import write_text

    packs = {code: f"{code}/index.html" for code in LANGUAGES if (folder / code).is_dir()}
    return [write_text(folder / "index.html", render_languages(packs))]


def _plan(
    inputs, generated: date, universe: Universe | None = None
) -> dict[str, Callable[[Path], list[Path]]]:
    """Return each step of :data:`opmap.pack.files.STEPS` with the function that runs it."""
    from opmap.decide.coverage import build_coverage
    from opmap.decide.mapdata import prepare_map_data

    map_data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    report = build_coverage(inputs, universe=universe)
    shared = functools.cache(lambda: _shared_operations(map_data))

    def operations_csv(staging: Path) -> list[Path]:
        from opmap.decide.tables import operations_frame
        from opmap.output import write_csv

        return [write_csv(staging / "operations.csv", operations_frame(inputs.operations))]

    def html_maps(staging: Path) -> list[Path]:
        from opmap.draw.interactive.embed import write_snippet
        from opmap.draw.interactive.map import write_map
        from opmap.draw.interactive.shared import write_shared

        # map.html stays one file; the embedded map loads the shared files (operations, code).
        full = write_map(map_data, staging / "map.html", generated=generated)
        files = write_shared(shared(), staging)
        embed = write_map(
            map_data, staging / "map-embed.html", embed=True, generated=generated, shared=shared()
        )
        snippet, _ = write_snippet(embed)
        return [full, *files, embed, snippet]

    def images(staging: Path) -> list[Path]:
        from opmap.decide.periods import spans_years
        from opmap.draw.static.image import write_images
        from opmap.draw.static.small_multiples import write_small_multiples

        # One layout for the three files: placing the labels is most of an image's time.
        written = write_images(
            map_data, [staging / f"map.{fmt}" for fmt in ("png", "svg", "pdf")], generated=generated
        )
        if spans_years(map_data):
            written += write_small_multiples(
                map_data, staging / "map-by-year.png", generated=generated
            )
        return written

    def coverage(staging: Path) -> list[Path]:
        from opmap.pack.coverage_files import write_coverage

        # The regional maps, one folder down, load the shared files too.
        regional = shared().seen_from("../")
        return write_coverage(report, inputs, staging, generated=generated, shared=regional)

    def gis(staging: Path) -> list[Path]:
        from opmap.pack.geopackage import write_geopackage
        from opmap.pack.gis import gis_layers, write_geojson

        layers = gis_layers(inputs.operations, inputs.boundaries, inputs.points, report.universe)
        return [
            write_geopackage(layers, staging / "opmap.gpkg", generated=generated),
            *write_geojson(layers, staging),
        ]

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
        "gis": gis,
        "index": index,
    }
    return plan


def _shared_operations(map_data):
    from opmap.draw.interactive.shared import shared_operations

    return shared_operations(map_data)


def _region_pages(report, present: set[str]) -> dict[str, str]:
    pages = {}
    stems = region_file_names(report.regions["region"])
    for region in report.regions["region"]:
        path = f"regions/{stems[region]}.html"
        if path in present:
            pages[region] = path
    return pages

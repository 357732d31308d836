"""``opmap coverage``: how regions compare, and where the gaps are."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from opmap.cli.echo import echo, echo_note
from opmap.cli.language import INTEGER, Command, Option
from opmap.cli.options import (
    check_year_span,
    countries_option,
    force_option,
    language_option,
    limit_options,
    limits,
    operations_option,
    out_option,
    region_by_option,
    universe_option,
    verbosity,
)
from opmap.decide.tables import REGION_SORTS


@click.command(
    name="coverage",
    cls=Command,
    help="help_coverage",
    examples=(
        "opmap coverage",
        "opmap coverage --by subregion --since 2016",
        "opmap coverage --by my-desks.csv --out output/desks",
        "opmap coverage --per-year --since 2016",
        "opmap coverage --universe ecowas.csv --by subregion",
    ),
)
@language_option
@operations_option
@countries_option
@limit_options
@region_by_option
@universe_option
@click.option("--since", cls=Option, type=INTEGER, metavar="metavar_year", help="help_first_year")
@click.option("--until", cls=Option, type=INTEGER, metavar="metavar_year", help="help_last_year")
@click.option(
    "--sort",
    cls=Option,
    type=click.Choice(REGION_SORTS),
    default="coverage",
    show_default=True,
    help="help_sort",
)
@click.option(
    "--per-year",
    cls=Option,
    is_flag=True,
    help="help_per_year",
)
@out_option("output/coverage", "help_out_coverage")
@force_option
@click.pass_context
def command(
    ctx,
    operations_path,
    countries_path,
    region_by,
    universe_path,
    since,
    until,
    sort,
    per_year,
    out_path,
    force,
):
    """Compare coverage by region; its help is ``help_coverage`` (opmap.command_words)."""
    from opmap.cli.helpers import load_inputs, output_policy, region_grouping, universe_of
    from opmap.decide.coverage import build_coverage, coverage_notes
    from opmap.output import human_size
    from opmap.pack.coverage_files import check_coverage_folder, publish_coverage
    from opmap.progress import timed
    from opmap.words import text

    check_year_span(ctx)
    check_coverage_folder(out_path)  # before minutes of work, not after
    inputs = load_inputs(
        operations_path,
        countries_path,
        limits=limits(ctx),
        also=(
            functools.partial(region_grouping, region_by, limits=limits(ctx)),
            functools.partial(universe_of, universe_path, limits=limits(ctx)),
        ),
    )
    grouping, universe = inputs.also
    with timed("progress_counting"):
        report = build_coverage(
            inputs,
            grouping,
            since=since,
            until=until,
            sort=sort,
            grouping_label=region_by if isinstance(grouping, str) else Path(region_by).name,
            universe=universe,
        )
    region_file = None if isinstance(grouping, str) else region_by
    policy = output_policy(force, operations_path, countries_path, region_file, universe_path)
    written = publish_coverage(report, inputs, out_path, policy=policy)
    if verbosity(ctx) >= 0:
        echo(report.table.to_text())
        echo("")
        for note in coverage_notes(report):
            echo_note(note)
        if per_year:
            echo("")
            echo(report.per_year_table.to_text())
        for path in written:
            echo(text("cli_wrote", path=path, size=human_size(path.stat().st_size)))

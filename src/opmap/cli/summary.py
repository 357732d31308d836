"""``opmap summary``: the figures as tables in the terminal."""

from __future__ import annotations

import functools

import click

from opmap.cli.echo import echo, echo_note
from opmap.cli.language import Command
from opmap.cli.options import (
    countries_option,
    language_option,
    limit_options,
    limits,
    operations_option,
    region_by_option,
    universe_option,
)


@click.command(
    name="summary",
    cls=Command,
    help="help_summary",
    examples=("opmap summary", "opmap summary --by subregion"),
)
@language_option
@operations_option
@countries_option
@limit_options
@region_by_option
@universe_option
@click.pass_context
def command(ctx, operations_path, countries_path, region_by, universe_path) -> None:
    """Print the figures as tables; its help is ``help_summary`` (opmap.command_words)."""
    from opmap.cli.helpers import load_inputs, region_grouping, universe_of
    from opmap.decide.aggregate import aggregate_by_country, in_language
    from opmap.decide.coverage import build_coverage, coverage_notes, headline_participants
    from opmap.decide.tables import countries_table, operations_table
    from opmap.words import grouping_words, text

    # Tables only: no shapes, so on the bundled boundaries no geometry library is loaded;
    # unless an operation gives a position, measured as validate does to count its warnings.
    inputs = load_inputs(
        operations_path,
        countries_path,
        limits=limits(ctx),
        shapes=False,
        also=(
            functools.partial(region_grouping, region_by, limits=limits(ctx)),
            functools.partial(universe_of, universe_path, limits=limits(ctx)),
        ),
    )
    grouping, universe = inputs.also
    operations = inputs.operations
    named_in_language = in_language(operations, inputs.boundaries)
    coverage = aggregate_by_country(*named_in_language, inputs.points)
    report = build_coverage(inputs, grouping, sort="region", universe=universe)

    echo(text("summary_operations", count=len(operations)) + "\n")
    echo(operations_table(operations).to_text())
    echo("\n" + text("summary_participants", line=headline_participants(report.total)))
    echo("")
    echo(countries_table(coverage).to_text())
    example = text("figure_reported_short", reported=2, operations=3)
    echo(text("summary_alone_note", example=example))
    grouping_name = region_by if isinstance(grouping, str) else click.format_filename(region_by)
    echo("\n" + text("summary_regions", grouping=grouping_words(grouping_name)) + "\n")
    echo(report.table.to_text())
    echo("")
    for note in coverage_notes(report):
        echo_note(note)

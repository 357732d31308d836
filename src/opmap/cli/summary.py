"""``opmap summary``: the figures as tables in the terminal."""

from __future__ import annotations

import click

from opmap.cli.options import (
    countries_option,
    limit_options,
    limits,
    operations_option,
    region_by_option,
)


@click.command(name="summary")
@operations_option
@countries_option
@limit_options
@region_by_option
@click.pass_context
def command(ctx, operations_path, countries_path, region_by) -> None:
    """Print operations, per-country and per-region figures in the terminal.

    Figures per country come only from operations the country ran alone; per region, each
    distinct operation counts once.

    \b
    $ opmap summary
    $ opmap summary --by subregion
    """
    from opmap.cli.helpers import load_inputs, region_grouping
    from opmap.decide.aggregate import aggregate_by_country, aggregate_by_region, total_over_regions
    from opmap.decide.tables import countries_table, operations_table, regions_table

    inputs = load_inputs(operations_path, countries_path, limits=limits(ctx))
    grouping = region_grouping(region_by, inputs.boundaries)
    operations = inputs.operations
    coverage = aggregate_by_country(operations, inputs.boundaries, inputs.points)
    regions = aggregate_by_region(operations, inputs.boundaries, grouping)
    total = total_over_regions(operations, inputs.boundaries, grouping)

    click.echo(f"Operations ({len(operations)})\n")
    click.echo(operations_table(operations).to_text())
    covered = int((coverage["operations"] > 0).sum())
    click.echo(f"\nCountries that took part ({covered})\n")
    click.echo(countries_table(coverage).to_text())
    click.echo(
        "* from operations the country ran alone; a multi-country operation's figures are its own."
    )
    grouping_name = region_by if isinstance(grouping, str) else click.format_filename(region_by)
    click.echo(f"\nRegions ({grouping_name})\n")
    click.echo(regions_table(regions, total).to_text())
    if total["unplaced"]:
        click.echo(f"{total['unplaced']} operation(s) name no country: counted in the total only.")

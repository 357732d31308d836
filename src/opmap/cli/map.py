"""``opmap map``: the interactive HTML map, one self-contained file."""

from __future__ import annotations

import click

from opmap.cli.options import countries_option, operations_option, out_option, verbosity
from opmap.render.classify import DEFAULT_PALETTE, METRICS, PALETTES, SCHEMES


def _parse_bins(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    try:
        bins = [float(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a list of numbers; write upper bounds like 1,2,5"
        ) from None
    if not bins:
        raise click.BadParameter("give at least one upper bound, like 1,2,5")
    return bins


@click.command(name="map")
@operations_option
@countries_option
@out_option("output/map.html", "HTML file to write (its folders are created).")
@click.option("--year", "years", type=int, multiple=True, help="Keep this year (repeatable).")
@click.option("--since", type=int, help="Keep operations from this year on.")
@click.option("--until", type=int, help="Keep operations up to this year.")
@click.option("--region", help="Keep operations in this region and zoom to it ('Americas').")
@click.option("--operation", "names", multiple=True,
              help="Keep this operation, by name or 'Name Year' (repeatable).")
@click.option("--metric", type=click.Choice(METRICS), default="operations", show_default=True,
              help="What colours the countries (figures: single-country operations only).")
@click.option("--scheme", type=click.Choice(SCHEMES), default="quantiles", show_default=True,
              help="How the colour classes are chosen.")
@click.option("--k", type=click.IntRange(min=1), default=5, show_default=True,
              help="Number of colour classes.")
@click.option("--bins", callback=_parse_bins, metavar="N,N,...",
              help="Upper bounds of the classes, overriding --scheme and --k ('1,2,5').")
@click.option("--palette", type=click.Choice(PALETTES), default=DEFAULT_PALETTE,
              show_default=True, help="ColorBrewer palette of the classes.")
@click.option("--tiles", metavar="PROVIDER",
              help="Online background tiles by xyzservices name ('OpenStreetMap.Mapnik'); "
                   "the map then needs the internet.")
@click.option("--embed", is_flag=True,
              help="Fill the container, without the title and source panel.")
@click.pass_context
def command(ctx, operations_path, countries_path, out_path, years, since, until, region, names,
            metric, scheme, k, bins, palette, tiles, embed):
    """Write the interactive HTML map of operations and country coverage.

    One self-contained file that opens offline from disk.

    \b
    $ opmap map --year 2018
    $ opmap map --region Americas --metric victims --out output/americas.html
    """
    from opmap.cli.helpers import load_inputs
    from opmap.output import human_size
    from opmap.render.html import resolve_tiles, write_map
    from opmap.render.mapdata import prepare_map_data

    if tiles:
        resolve_tiles(tiles)  # a bad name fails before any work
    inputs = load_inputs(operations_path, countries_path)
    map_data = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points,
        years=years or None, since=since, until=until, names=names or None, region=region,
        metric=metric, scheme=scheme, k=k, bins=bins, palette=palette,
    )
    path = write_map(map_data, out_path, tiles=tiles, embed=embed)
    if verbosity(ctx) >= 0:
        if not map_data.operations:
            click.echo("no operation matches the filters; the map shows none")
        click.echo(f"wrote {path} ({human_size(path.stat().st_size)})")

"""``opmap map``: the interactive HTML map, one self-contained file."""

from __future__ import annotations

import click

from opmap.cli.echo import echo
from opmap.cli.language import Command, Option
from opmap.cli.options import (
    check_year_span,
    countries_option,
    force_option,
    language_option,
    limit_options,
    limits,
    map_choices,
    map_options,
    operations_option,
    out_option,
    verbosity,
)


@click.command(
    name="map",
    cls=Command,
    help="help_map",
    examples=(
        "opmap map --year 2018 --out maps/2018.html",
        "opmap map --region Americas --metric victims --out output/americas.html",
    ),
)
@language_option
@operations_option
@countries_option
@limit_options
@out_option("output/map.html", "help_out_map", file=True)
@map_options
@click.option(
    "--tiles",
    cls=Option,
    metavar="metavar_provider",
    help="help_tiles",
)
@click.option(
    "--embed",
    cls=Option,
    is_flag=True,
    help="help_embed",
)
@force_option
@click.pass_context
def command(
    ctx,
    operations_path,
    countries_path,
    out_path,
    tiles,
    embed,
    force,
    **_map_options,  # read by map_choices(ctx)
):
    """Write the interactive HTML map; its help is ``help_map`` (opmap.command_words)."""
    from opmap.cli.helpers import claim_output, load_inputs, output_policy
    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.embed import snippet_path
    from opmap.draw.interactive.map import resolve_tiles, write_map
    from opmap.output import human_size
    from opmap.ownership import record_files
    from opmap.progress import timed
    from opmap.words import text

    check_year_span(ctx)
    if tiles:
        resolve_tiles(tiles)  # a bad name fails before any work
    policy = output_policy(force, operations_path, countries_path)
    for target in [out_path, *([snippet_path(out_path)] if embed else [])]:
        claim_output(target, policy)
    inputs = load_inputs(operations_path, countries_path, limits=limits(ctx))
    map_data = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points, **map_choices(ctx)
    )
    with timed("progress_drawing_map", len(map_data.operations)):
        path = write_map(map_data, out_path, tiles=tiles, embed=embed)
    written = [path]
    if embed:
        from opmap.draw.interactive.embed import write_snippet

        snippet_file, snippet = write_snippet(path)
        written.append(snippet_file)
    record_files(path.parent, written)
    if verbosity(ctx) >= 0:
        if not map_data.operations:
            echo(text("cli_no_match"))
        echo(text("cli_wrote", path=path, size=human_size(path.stat().st_size)))
        if embed:
            echo(text("cli_wrote_snippet", path=snippet_file))
            echo(text("embed_snippet_intro", src=path.name))
            echo(snippet)

"""``opmap export``: the map as a static PNG, SVG or PDF image for print, or its data for a GIS."""

from __future__ import annotations

from pathlib import Path

import click

from opmap.cli.echo import echo
from opmap.cli.language import Command, IntRange, Option
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


def _read_size(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from opmap.draw.static.image import parse_size
    from opmap.errors import InvalidOption

    try:
        return parse_size(value)
    except InvalidOption as err:
        raise click.BadParameter(str(err)) from None


@click.command(
    name="export",
    cls=Command,
    help="help_export",
    examples=(
        "opmap export --out maps/map.pdf --size 17x10cm",
        'opmap export --title "Libertad 2018" --year 2018 --out output/libertad.svg',
        "opmap export --region Americas --year 2018 --out output/americas.png",
        "opmap export --by-year --step 2 --mode upto --out output/by-year.png",
        "opmap export --format gpkg --year 2018 --out maps/2018.gpkg",
    ),
)
@language_option
@operations_option
@countries_option
@limit_options
@out_option("output/map.png", "help_out_export", file=True)
@click.option(
    "--format",
    "fmt",
    cls=Option,
    type=click.Choice(["png", "svg", "pdf", "gpkg", "geojson"]),
    default=None,
    help="help_format",
)
@click.option(
    "--dpi",
    cls=Option,
    type=IntRange(50, 1200),
    default=300,
    show_default=True,
    metavar="metavar_number",
    help="help_dpi",
)
@click.option(
    "--size",
    cls=Option,
    callback=_read_size,
    default=None,
    metavar="metavar_size",
    help="help_size",
)
@map_options
@click.option(
    "--by-year",
    cls=Option,
    is_flag=True,
    help="help_by_year",
)
@click.option(
    "--step",
    cls=Option,
    type=IntRange(1, 100),
    default=None,
    metavar="metavar_number",
    help="help_step",
)
@click.option(
    "--mode",
    cls=Option,
    type=click.Choice(["in", "upto"]),
    default=None,
    help="help_mode",
)
@force_option
@click.option("--title", cls=Option, metavar="metavar_text", help="help_title")
@click.option("--subtitle", cls=Option, metavar="metavar_text", help="help_subtitle")
@click.option("--world", cls=Option, is_flag=True, help="help_world")
@click.pass_context
def command(
    ctx: click.Context,
    operations_path,
    countries_path,
    out_path: Path,
    fmt,
    dpi,
    size,
    by_year,
    step,
    mode,
    force,
    title,
    subtitle,
    world,
    **_map_options,  # read by map_choices(ctx)
) -> None:
    """Write the map as an image or GIS layers; its help is ``help_export`` (command_words)."""
    from opmap.cli.helpers import claim_output, load_inputs, output_policy
    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.static.image import DEFAULT_SIZE, write_image
    from opmap.i18n import format_tenths
    from opmap.output import human_size
    from opmap.ownership import record_files
    from opmap.progress import timed
    from opmap.words import text

    check_year_span(ctx)
    if (step is not None or mode is not None) and not by_year:
        raise click.UsageError(text("cli_step_mode"))
    default_out = ctx.get_parameter_source("out_path") is click.core.ParameterSource.DEFAULT
    chosen = fmt or out_path.suffix.lstrip(".").lower()
    gis = chosen in ("gpkg", "geojson")
    if gis and by_year:
        raise click.UsageError(text("cli_by_year_gis"))
    if by_year and default_out:
        out_path = out_path.with_name("map-by-year.png")
    if gis and default_out:
        out_path = out_path.with_name(f"opmap.{chosen}")
    elif fmt and default_out:
        out_path = out_path.with_suffix(f".{fmt}")
    policy = output_policy(force, operations_path, countries_path)
    if gis:
        from opmap.pack.gis import gis_layers, gis_paths, write_gis
    for target in gis_paths(out_path, chosen) if gis else [out_path]:
        claim_output(target, policy)
    inputs = load_inputs(operations_path, countries_path, limits=limits(ctx))
    map_data = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points, **map_choices(ctx)
    )
    if gis:
        # the file's order, as build writes them and as operations.csv has them
        shown = {op.key for op in map_data.operations}
        in_order = [op for op in inputs.operations if op.key in shown]
        layers = gis_layers(in_order, inputs.boundaries, inputs.points)
        written = write_gis(layers, out_path, chosen)
        record_files(out_path.parent, written)
        if verbosity(ctx) >= 0:
            for path in written:
                echo(text("cli_wrote", path=path, size=human_size(path.stat().st_size)))
        return
    words = {"title": title, "subtitle": subtitle, "world": world}
    with timed("progress_drawing_image", len(map_data.operations)):
        if by_year:
            written = _write_pages(map_data, out_path, policy, step, mode, size, dpi, fmt, words)
        else:
            path = write_image(map_data, out_path, dpi=dpi, size=size, fmt=fmt, **words)
            written = [(path, size or DEFAULT_SIZE)]
    record_files(written[0][0].parent, [path for path, _ in written])
    removed = _remove_earlier_pages(out_path, len(written)) if by_year else []
    if verbosity(ctx) >= 0:
        for path, (width, height) in written:
            pixels = ""
            if (fmt or path.suffix.lstrip(".").lower()) == "png":
                pixels = text(
                    "cli_pixels", width=int(width * dpi), height=int(height * dpi), dpi=dpi
                )
            size_text = human_size(path.stat().st_size)
            centimetres = {
                "width": format_tenths(width * 2.54),
                "height": format_tenths(height * 2.54),
            }
            echo(text("cli_wrote_image", path=path, **centimetres, pixels=pixels, size=size_text))
        for path in removed:
            echo(text("cli_removed_page", path=path))


def _write_pages(map_data, out_path, policy, step, mode, size, dpi, fmt, words) -> list:
    """Draw the maps by year and write their pages, each checked first; return (path, size)s."""
    from opmap.cli.helpers import claim_output
    from opmap.draw.static.image import default_subtitle
    from opmap.draw.static.small_multiples import page_paths, plot_small_multiples
    from opmap.draw.static.writing import DocumentInfo, save_figure

    figures = plot_small_multiples(map_data, step=step or 1, mode=mode or "in", size=size, **words)
    info = DocumentInfo(
        title=words["title"] or map_data.finding,
        subject=default_subtitle(map_data, words["subtitle"]),
    )
    pages = page_paths(out_path, len(figures))
    for page in pages[1:]:  # the first was claimed before any work; the others now they count
        claim_output(page, policy)
    return [
        (save_figure(figure, path, dpi=dpi, fmt=fmt, info=info), figure.get_size_inches())
        for figure, path in zip(figures, pages, strict=True)
    ]


def _remove_earlier_pages(out_path: Path, count: int) -> list[Path]:
    """Remove the pages after the ``count`` just written that an earlier export left.

    Drawn from other data or filters, they would disagree with these. Only pages opmap wrote
    and nobody changed since are removed (:func:`~opmap.ownership.remove_own_files`).
    """
    from opmap.draw.static.small_multiples import page_path
    from opmap.ownership import remove_own_files

    later = []
    while (page := page_path(out_path, count + len(later) + 1)).exists():
        later.append(page)
    return remove_own_files(out_path.parent, later)

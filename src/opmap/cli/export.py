"""``opmap export``: the map as a static PNG, SVG or PDF image for print."""

from __future__ import annotations

from pathlib import Path

import click

from opmap.cli.options import (
    countries_option,
    map_options,
    operations_option,
    out_option,
    verbosity,
)


def _read_size(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from opmap.errors import InvalidOption
    from opmap.render.static import parse_size

    try:
        return parse_size(value)
    except InvalidOption as err:
        raise click.BadParameter(str(err)) from None


@click.command(name="export")
@operations_option
@countries_option
@out_option("output/map.png", "Image to write; .png, .svg or .pdf sets the format.")
@click.option("--format", "fmt", type=click.Choice(["png", "svg", "pdf"]), default=None,
              help="Image format, overriding the extension of --out.")
@click.option("--dpi", type=click.IntRange(50, 1200), default=300, show_default=True,
              help="Resolution of a PNG (dots per inch).")
@click.option("--size", callback=_read_size, default=None, metavar="WxHcm|WxHin|A4|A5",
              help="Printed size, e.g. 17x10cm (the default), 6.7x4in, A4 (landscape).")
@map_options
@click.pass_context
def command(ctx: click.Context, operations_path, countries_path, out_path: Path, fmt, dpi, size,
            years, since, until, region, names, metric, scheme, k, bins, palette) -> None:
    """Write the map as a static PNG, SVG or PDF image for print.

    The world is drawn in an equal-area projection with the same classes and colours as the
    HTML map; --region zooms to a region and greys the rest.

    \b
    $ opmap export --out output/map.pdf --size 17x10cm
    $ opmap export --region Americas --year 2018 --out output/americas.png
    """
    from opmap.cli.helpers import load_inputs
    from opmap.render.mapdata import prepare_map_data
    from opmap.render.static import DEFAULT_SIZE, write_image

    if fmt and ctx.get_parameter_source("out_path") is click.core.ParameterSource.DEFAULT:
        out_path = out_path.with_suffix(f".{fmt}")
    inputs = load_inputs(operations_path, countries_path)
    map_data = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points,
        years=years or None, since=since, until=until, names=names or None, region=region,
        metric=metric, scheme=scheme, k=k, bins=bins, palette=palette,
    )
    written = write_image(map_data, out_path, dpi=dpi, size=size, fmt=fmt)
    if verbosity(ctx) >= 0:
        width, height = size or DEFAULT_SIZE
        pixels = f", {int(width * dpi)} x {int(height * dpi)} px at {dpi} dpi" \
            if (fmt or written.suffix.lstrip(".").lower()) == "png" else ""
        click.echo(f"Wrote {written} ({width * 2.54:.1f} x {height * 2.54:.1f} cm{pixels}, "
                   f"{written.stat().st_size / 1024:,.0f} kB)")

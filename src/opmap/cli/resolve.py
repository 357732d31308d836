"""``opmap resolve``: show how country names and codes are read."""

from __future__ import annotations

import click


@click.command(name="resolve")
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.pass_context
def command(ctx: click.Context, names: tuple[str, ...]) -> None:
    """Print the ISO 3166 alpha-3 code and canonical name each country name or code is read as.

    $ opmap resolve "Ivory Coast" DRC UK
    """
    from opmap.errors import UnknownCountry
    from opmap.read.countries import resolve_country

    failed = False
    for name in names:
        try:
            country = resolve_country(name)
        except UnknownCountry as err:
            click.echo(f"{name}: {err}", err=True)
            failed = True
            continue
        click.echo(f"{name}\t{country.iso3}\t{country.name}")
    if failed:
        ctx.exit(1)

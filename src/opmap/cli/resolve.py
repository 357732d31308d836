"""``opmap resolve``: show how country names and codes are read."""

from __future__ import annotations

import click

from opmap.cli.options import language_option


@click.command(name="resolve")
@language_option
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.pass_context
def command(ctx: click.Context, names: tuple[str, ...]) -> None:
    """Print the ISO 3166 alpha-3 code and canonical name each country name or code is read as.

    Names may be in English, French, Spanish, Portuguese or Arabic, or in the United Nations' or
    World Bank's forms. A name that is unknown, could be more than one country, or is a region is
    refused with the reason, and the command exits 1. With --lang, the name and the reasons are
    in that language.

    \b
    $ opmap resolve "Ivory Coast" DRC UK
    $ opmap resolve Tchad "Korea, Rep." "Costa de Marfil"
    $ opmap resolve --lang fr Tchad Narnia
    """
    from opmap.errors import UnknownCountry
    from opmap.i18n import country_name
    from opmap.read.countries import resolve_country
    from opmap.words import text

    failed = False
    for name in names:
        if not name.strip():  # an empty variable in a script
            click.echo(text("resolve_empty", name=name), err=True)
            failed = True
            continue
        try:
            country = resolve_country(name)
        except UnknownCountry as err:
            click.echo(err.in_resolve(), err=True)  # quotes the name as given
            failed = True
            continue
        click.echo(f"{name}\t{country.iso3}\t{country_name(country.iso3, country.name)}")
    if failed:
        ctx.exit(1)

"""``opmap resolve``: show how country names and codes are read."""

from __future__ import annotations

import click

from opmap.cli.echo import echo
from opmap.cli.language import Argument, Command
from opmap.cli.options import language_option


@click.command(
    name="resolve",
    cls=Command,
    help="help_resolve",
    examples=(
        'opmap resolve "Ivory Coast" DRC UK',
        'opmap resolve Tchad "Korea, Rep." "Costa de Marfil"',
        "opmap resolve --lang fr Tchad Narnia",
    ),
)
@language_option
@click.argument("names", cls=Argument, nargs=-1, required=True, metavar="metavar_names")
@click.pass_context
def command(ctx: click.Context, names: tuple[str, ...]) -> None:
    """Print how names are read; its help is ``help_resolve`` (opmap.command_words)."""
    from opmap.errors import UnknownCountry
    from opmap.place_names import country_name
    from opmap.read.countries import resolve_country
    from opmap.words import text

    failed = False
    for name in names:
        if not name.strip():  # an empty variable in a script
            echo(text("resolve_empty", name=name), err=True)
            failed = True
            continue
        try:
            country = resolve_country(name)
        except UnknownCountry as err:
            echo(err.in_resolve(), err=True)  # quotes the name as given
            failed = True
            continue
        echo(f"{name}\t{country.iso3}\t{country_name(country.iso3, country.name)}")
    if failed:
        ctx.exit(1)

"""The ``opmap`` command line: a thin layer over the library.

Each command lives in its own module of this package and is imported only when it runs, so that
``opmap --help`` answers at once; shared options are in :mod:`opmap.cli.options`.
"""

from __future__ import annotations

import importlib
import sys
import warnings

import click

from opmap._version import __version__
from opmap.errors import OpmapError

# command name -> module under opmap.cli that defines `command`
COMMANDS = {
    "build": "Write the whole briefing pack (maps, images, tables) to a folder.",
    "map": "Write the interactive HTML map of operations and country coverage.",
    "coverage": "Compare coverage by region and list the states not named in any operation.",
    "export": "Write the map as a static PNG, SVG or PDF image for print.",
    "summary": "Print operations, per-country and per-region figures in the terminal.",
    "validate": "Check an operations CSV and report every problem at once.",
    "resolve": "Show how country names and codes are read.",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Name every command, in the order of the help."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the command's module and return its command."""
        if cmd_name not in COMMANDS:
            return None
        try:
            module = importlib.import_module(f"opmap.cli.{cmd_name}")
        except ModuleNotFoundError as err:
            if err.name == f"opmap.cli.{cmd_name}":
                return _not_yet(cmd_name)
            raise
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands without importing them."""
        # Short help from the table above, so listing commands imports none of them.
        with formatter.section("Commands"):
            formatter.write_dl([(name, text) for name, text in COMMANDS.items()])

    def invoke(self, ctx: click.Context):
        """Run the command; bad input becomes a message and exit code 1, not a traceback.

        The language ``--lang`` sets while the options are read ends with the command, even
        when click refuses an option and never closes the command's context.
        """
        from opmap.i18n import current_language, use_language

        with use_language(current_language()):
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context):
        try:
            with warnings.catch_warnings():
                # Warnings of geopandas, shapely, pyogrio or GDAL are addressed to programmers;
                # every problem opmap can name is reported in its own words instead.
                warnings.simplefilter("ignore")
                return super().invoke(ctx)
        except OpmapError as err:
            click.echo(f"opmap: {err}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            from opmap.words import text

            click.echo("opmap: " + text("cli_interrupted"), err=True)
            ctx.exit(130)


def _not_yet(name: str) -> click.Command:
    @click.command(name=name, help=COMMANDS[name])
    def missing() -> None:
        raise click.UsageError(f"'opmap {name}' is not available in this version.")

    return missing


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="opmap")
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="Say what each step did (build: its time, files, sizes).",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print errors only: no progress (shown on large inputs, or when stderr is a terminal).",
)
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Map INTERPOL-coordinated operations against human trafficking and people smuggling.

    With no options every command reads the bundled data and writes to output/.

    \b
    $ opmap build
    $ opmap map --year 2018
    $ opmap validate my-operations.csv
    """
    ctx.ensure_object(dict)
    ctx.obj["verbosity"] = -1 if quiet else verbose
    if not quiet:
        from opmap.progress import progress_to

        # Progress goes to stderr, never to stdout, which may be data (the <iframe> snippet).
        stderr = click.get_text_stream("stderr")
        ctx.with_resource(
            progress_to(lambda line: click.echo(line, err=True), terminal=stderr.isatty())
        )


def main() -> None:
    """Run the ``opmap`` command line."""
    sys.exit(cli.main(prog_name="opmap"))

"""The ``opmap`` command line: a thin layer over the library.

Each command lives in its own module of this package and is imported only when it runs, so that
``opmap --help`` answers at once; shared options are in :mod:`opmap.cli.options`.
"""

from __future__ import annotations

import _thread
import contextlib
import gettext
import importlib
import signal
import sys
import threading
import warnings
from collections.abc import Iterator

import click

from opmap._version import __version__
from opmap.cli.echo import echo
from opmap.cli.language import (
    LANGUAGE_CHOICES,
    Option,
    WordedCommand,
    enter_language,
    fixed_words,
    lang_after_command,
    short_help,
)
from opmap.errors import OpmapError

#: The commands, in the order of the help: each is `command` in the module opmap.cli.<name>, and
#: its help is the key of opmap.command_words given here (listed without importing the module).
COMMANDS = {
    "build": "help_build",
    "map": "help_map",
    "coverage": "help_coverage",
    "export": "help_export",
    "summary": "help_summary",
    "validate": "help_validate",
    "resolve": "help_resolve",
}


class LazyGroup(WordedCommand, click.Group):
    """A group that imports a command's module only when that command is used."""

    subcommand_metavar = fixed_words("metavar_command", "COMMAND [ARGS]...")

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Name every command, in the order of the help."""
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the command's module and return its command."""
        if cmd_name not in COMMANDS:
            return None
        return importlib.import_module(f"opmap.cli.{cmd_name}").command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Read the line's ``--lang`` first, for the help and errors of ``opmap`` itself.

        One given before the command's name is the command's (:func:`lang_after_command`).
        """
        return super().parse_args(ctx, lang_after_command(args))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands without importing them."""
        # The first paragraph of each command's help, so listing commands imports none of them.
        with formatter.section(gettext.gettext("Commands")):
            formatter.write_dl([(name, short_help(key)) for name, key in COMMANDS.items()])

    def invoke(self, ctx: click.Context):
        """Run the command; bad input becomes a message and exit code 1, not a traceback."""
        try:
            with warnings.catch_warnings(), _interrupts_raised_again():
                # Warnings of geopandas, shapely, pyogrio or GDAL are addressed to programmers;
                # every problem opmap can name is reported in its own words instead.
                warnings.simplefilter("ignore")
                return super().invoke(ctx)
        except OpmapError as err:
            echo(f"opmap: {err}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            from opmap.words import text

            echo("opmap: " + text("cli_interrupted"), err=True)
            ctx.exit(130)


#: Seconds after which an interrupt Python ignored is raised again (see below).
_INTERRUPT_AGAIN_AFTER = 0.01


@contextlib.contextmanager
def _interrupts_raised_again() -> Iterator[None]:
    """Raise a Ctrl-C again that Python could not raise where it landed, for a block.

    An interrupt that lands in a callback Python runs as it frees an object (matplotlib's and
    pandas' weak references, many times a second) cannot be raised there: Python printed
    "Exception ignored in: ... Traceback ... KeyboardInterrupt" and went on with the run.
    It is raised again in the main thread a moment later, once out of the callback (raised from
    the hook, it landed in the hook, and was ignored again), and :meth:`LazyGroup.invoke`
    reports it. A forked step of the build inherits the hook.
    """
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            later = threading.Timer(_INTERRUPT_AGAIN_AFTER, _interrupt_main)
            later.daemon = True
            later.start()
        else:
            previous(unraisable)

    sys.unraisablehook = hook
    try:
        yield
    finally:
        sys.unraisablehook = previous


def _interrupt_main() -> None:
    """Interrupt the main thread as Ctrl-C does: also out of a wait (the build's forked step)."""
    if hasattr(signal, "pthread_kill") and callable(signal.getsignal(signal.SIGINT)):
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
    else:
        _thread.interrupt_main()  # Windows; or SIGINT not Python's: this does nothing


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="help_opmap",
    examples=("opmap build", "opmap map --year 2018", "opmap validate my-operations.csv"),
)
@click.version_option(version=__version__, prog_name="opmap", cls=Option, help="help_version")
@click.option("-v", "--verbose", cls=Option, count=True, help="help_verbose")
@click.option("-q", "--quiet", cls=Option, is_flag=True, help="help_quiet")
@click.option(
    "--lang",
    cls=Option,
    type=click.Choice(LANGUAGE_CHOICES),
    is_eager=True,
    expose_value=False,
    callback=lambda ctx, param, value: value and enter_language(ctx, value),
    help="help_lang_opmap",
)
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Read the options of ``opmap`` itself; its help is ``help_opmap`` (opmap.command_words)."""
    ctx.ensure_object(dict)
    ctx.obj["verbosity"] = -1 if quiet else verbose
    if not quiet:
        from opmap.progress import progress_to

        # Progress goes to stderr, never to stdout, which may be data (the <iframe> snippet).
        stderr = click.get_text_stream("stderr")
        ctx.with_resource(progress_to(lambda line: echo(line, err=True), terminal=stderr.isatty()))


def main() -> None:
    """Run the ``opmap`` command line."""
    sys.exit(cli.main(prog_name="opmap"))

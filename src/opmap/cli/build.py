"""``opmap build``: the main job."""

from __future__ import annotations

import functools

import click

from opmap.cli.echo import echo
from opmap.cli.language import Command
from opmap.cli.options import (
    countries_option,
    force_option,
    languages_option,
    limit_options,
    limits,
    operations_option,
    out_option,
    universe_option,
    verbosity,
)


@click.command(
    name="build",
    cls=Command,
    help="help_build",
    examples=(
        "opmap build",
        "opmap build --lang fr",
        "opmap build --lang all",
        "opmap build --operations my-operations.csv --out briefing",
        "opmap build --universe ecowas.csv",
    ),
)
@operations_option
@countries_option
@limit_options
@out_option("output", "help_out_build")
@force_option
@languages_option
@universe_option
@click.pass_context
def command(ctx, operations_path, countries_path, out_path, force, languages, universe_path):
    """Write the briefing pack; its help is ``help_build`` (opmap.command_words)."""
    from opmap.cli.helpers import load_inputs, output_policy, universe_of
    from opmap.i18n import DEFAULT_LANGUAGE, use_language
    from opmap.pack.briefing_pack import build_pack

    level = verbosity(ctx)
    # Progress is told in the pack's language; with several, in English.
    with use_language(languages[0] if len(languages) == 1 else DEFAULT_LANGUAGE):
        inputs = load_inputs(
            operations_path,
            countries_path,
            limits=limits(ctx),
            also=(functools.partial(universe_of, universe_path, limits=limits(ctx)),),
        )
        [universe] = inputs.also
        policy = output_policy(force, operations_path, countries_path, universe_path)
        steps = build_pack(inputs, out_path, languages=languages, policy=policy, universe=universe)
        if level >= 0:
            _echo_written(steps, out_path, level)


def _echo_written(steps, out_path, level: int) -> None:
    """List the files written with their sizes, and say which to open (each step's, with -v)."""
    from opmap.output import human_size
    from opmap.words import plural, text

    if level > 0:
        _echo_steps(steps, out_path)
    paths = [p for step in steps for p in step.paths]
    total = sum(p.stat().st_size for p in paths)
    echo(
        "\n" + plural("cli_wrote_files", len(paths), folder=f"{out_path}/", size=human_size(total))
    )
    for path in paths:
        echo(f"  {path.relative_to(out_path).as_posix():<32} {human_size(path.stat().st_size):>8}")
    echo("\n" + text("cli_open", path=out_path / "index.html"))


def _echo_steps(steps, out_path) -> None:
    """Say what each step did: its time, and the files it wrote with their sizes (to stderr)."""
    from opmap.i18n import format_tenths
    from opmap.output import human_size
    from opmap.words import join_names, plural, text

    echo("\n" + text("cli_steps"), err=True)
    for number, step in enumerate(steps, start=1):
        size = sum(p.stat().st_size for p in step.paths)
        echo(
            plural(
                "cli_step",
                len(step.paths),
                number=number,
                total=len(steps),
                seconds=format_tenths(step.seconds),
                size=human_size(size),
                files=join_names([p.relative_to(out_path).as_posix() for p in step.paths]),
            ),
            err=True,
        )

"""``opmap validate``: check an operations CSV and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from opmap.cli.echo import echo
from opmap.cli.language import Argument, Command
from opmap.cli.options import countries_option, language_option, limit_options, operations_option


@click.command(
    name="validate",
    cls=Command,
    help="help_validate",
    examples=(
        "opmap validate my-operations.csv",
        "opmap validate --countries my-countries.geojson",
        "opmap validate --lang fr mes-operations.csv",
    ),
)
@language_option
@click.argument(
    "file",
    cls=Argument,
    required=False,
    type=click.Path(path_type=Path),
    metavar="metavar_optional_csv",
)
@operations_option
@countries_option
@limit_options
@click.pass_context
def command(
    ctx: click.Context, file: Path | None, operations_path: Path | None, countries_path: Path | None
) -> None:
    """Check an operations CSV; its help is ``help_validate`` (opmap.command_words)."""
    from opmap.bundled import operations_path as bundled_operations
    from opmap.cli.options import limits
    from opmap.errors import in_file_order
    from opmap.read.operations import check_operations
    from opmap.words import plural, text

    if file is not None and operations_path is not None and file != operations_path:
        raise click.UsageError(text("cli_operations_once"))
    operations, problems = check_operations(
        file or operations_path or bundled_operations(), limits=limits(ctx)
    )
    problems += _against_boundaries(operations, file or operations_path, countries_path, ctx)
    problems = in_file_order(problems)
    counts = [plural("validate_operations", len(operations))]
    if countries_path is not None:
        from opmap.read.boundaries import boundary_problems

        features, shape_problems = boundary_problems(countries_path, limits=limits(ctx))
        problems += shape_problems
        counts.append(plural("validate_features", features))
    for problem in problems:
        echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts += [plural("validate_errors", errors), plural("validate_warnings", warnings)]
    echo(text("problem_comma").join(counts))
    if errors:
        ctx.exit(1)


def _against_boundaries(operations, operations_path, countries_path, ctx) -> list:
    """Check what the boundaries tell (:mod:`opmap.read.cross_checks`), if they can be read."""
    from opmap.bundled import operations_path as bundled_operations
    from opmap.cli.options import limits
    from opmap.errors import InvalidInput
    from opmap.read import boundaries as read
    from opmap.read.cross_checks import (
        against_boundaries,
        needs_boundaries,
        needs_shapes,
        units_and_shapes,
    )

    if not needs_boundaries(operations):
        return []  # nothing to check: the boundaries are not read again
    shapes = None
    try:
        if needs_shapes(operations):  # the shapes, which load geopandas
            boundaries = read.load_boundaries(countries_path, limits=limits(ctx))
            units, shapes = units_and_shapes(boundaries)
        elif countries_path is None:
            units = read.bundled_attribute_rows()  # the baked attributes, without pandas
        else:
            units = read.load_attributes(countries_path, limits=limits(ctx)).to_dict("records")
    except InvalidInput:  # its problems are reported above
        return []
    file = str(operations_path or bundled_operations())
    return against_boundaries(operations, units, file, shapes)

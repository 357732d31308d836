"""``opmap validate``: check an operations CSV and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from opmap.cli.options import countries_option, limit_options, operations_option


@click.command(name="validate")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@operations_option
@countries_option
@limit_options
@click.pass_context
def command(
    ctx: click.Context, file: Path | None, operations_path: Path | None, countries_path: Path | None
) -> None:
    """Check an operations CSV and report every problem in it at once.

    With no file, check the bundled operations; with --countries, check that boundaries file
    too (every feature's shape). Exits 1 if there is any error, 0 with warnings only.

    \b
    $ opmap validate my-operations.csv
    $ opmap validate --countries my-countries.geojson
    """
    from opmap.bundled import operations_path as bundled_operations
    from opmap.cli.options import limits
    from opmap.read.operations import check_operations

    if file is not None and operations_path is not None and file != operations_path:
        raise click.UsageError("give the operations file once: as FILE or with --operations")
    operations, problems = check_operations(
        file or operations_path or bundled_operations(), limits=limits(ctx)
    )
    counts = [_count(len(operations), "operation")]
    if countries_path is not None:
        from opmap.read.boundaries import check_boundaries

        boundaries, shape_problems = check_boundaries(countries_path, limits=limits(ctx))
        problems += shape_problems
        counts.append(_count(0 if boundaries is None else len(boundaries), "boundary feature"))
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    counts += [_count(errors, "error"), _count(warnings, "warning")]
    click.echo(", ".join(counts))
    if errors:
        ctx.exit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"

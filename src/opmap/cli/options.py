"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

operations_option = click.option(
    "--operations",
    "operations_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Operations CSV to read (default: the bundled data).",
)
countries_option = click.option(
    "--countries",
    "countries_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Country boundaries GeoJSON to read (default: the bundled data).",
)


def out_option(default: str, help: str):
    """Return an ``--out`` option with its own default."""
    return click.option(
        "--out", "out_path", type=click.Path(path_type=Path), default=Path(default),
        show_default=True, help=help,
    )


def verbosity(ctx: click.Context) -> int:
    """Return -1 for --quiet, 0 by default, more with -v."""
    obj = ctx.find_root().obj or {}
    return obj.get("verbosity", 0)


region_by_option = click.option(
    "--by",
    "region_by",
    default="region_un",
    show_default=True,
    metavar="region_un|subregion|region_wb|continent|FILE.csv",
    help="How to group countries into regions: a built-in grouping or your own iso3,region CSV.",
)

"""Options shared by several commands."""

from __future__ import annotations

import itertools
import math
import os
from pathlib import Path

import click

from opmap.cli.language import (
    INTEGER,
    LANGUAGE_CHOICES,
    FloatRange,
    IntRange,
    Option,
    enter_language,
)

operations_option = click.option(
    "--operations",
    "operations_path",
    cls=Option,
    type=click.Path(path_type=Path),  # a folder is refused by the reader, as validate does
    default=None,
    metavar="metavar_csv",
    help="help_operations",
)
countries_option = click.option(
    "--countries",
    "countries_path",
    cls=Option,
    type=click.Path(path_type=Path),  # a folder is refused by the reader, as validate does
    default=None,
    metavar="metavar_geojson",
    help="help_countries",
)


def out_option(default: str, help: str, *, file: bool = False):
    """Return an ``--out`` option with its own default; ``file``: it names a file, not a folder.

    ``help`` is a key of :mod:`opmap.command_words`.

    A file's ``--out`` that ends with ``/`` names a folder: ``--out maps/`` wrote a file called
    ``maps``. It is refused.
    """

    def read(ctx: click.Context, param: click.Parameter, value: str) -> Path:
        if file and value.endswith(("/", os.sep)):
            from opmap.words import text

            raise click.BadParameter(text("cli_out_folder", value=value))
        return Path(value)

    return click.option(
        "--out",
        "out_path",
        cls=Option,
        type=click.Path(),
        metavar="metavar_path",
        default=default,
        show_default=True,
        help=help,
        callback=read,
    )


force_option = click.option(
    "--force",
    cls=Option,
    is_flag=True,
    help="help_force",
)


def _store_limit(ctx: click.Context, param: click.Parameter, value):
    if isinstance(value, float) and not math.isfinite(value):  # "inf", "nan", "1e400"
        from opmap.words import text

        raise click.BadParameter(text("cli_max_size", value=value))
    if value is not None:
        ctx.meta[f"opmap.{param.name}"] = value
    return value


def limit_options(function):
    """Add ``--max-size`` and ``--max-rows``: the largest input read (see :func:`limits`)."""
    function = click.option(
        "--max-rows",
        cls=Option,
        type=IntRange(1),
        default=None,
        expose_value=False,
        callback=_store_limit,
        metavar="metavar_number",
        help="help_max_rows",
    )(function)
    return click.option(
        "--max-size",
        cls=Option,
        type=FloatRange(0, min_open=True),
        default=None,
        expose_value=False,
        callback=_store_limit,
        metavar="metavar_mb",
        help="help_max_size",
    )(function)


def limits(ctx: click.Context):
    """Return the :class:`opmap.read.guards.Limits` of ``--max-size`` and ``--max-rows``."""
    from opmap.read.guards import Limits

    default = Limits()
    size = ctx.meta.get("opmap.max_size")
    return Limits(
        max_bytes=default.max_bytes if size is None else int(size * 1_000_000),
        max_rows=ctx.meta.get("opmap.max_rows", default.max_rows),
    )


def verbosity(ctx: click.Context) -> int:
    """Return -1 for --quiet, 0 by default, more with -v."""
    obj = ctx.find_root().obj or {}
    return obj.get("verbosity", 0)


region_by_option = click.option(
    "--by",
    "region_by",
    cls=Option,
    default="region_un",
    show_default=True,
    metavar="metavar_by",
    help="help_by",
)

universe_option = click.option(
    "--universe",
    "universe_path",
    cls=Option,
    type=click.Path(path_type=Path),  # a folder is refused by the reader, as validate does
    default=None,
    metavar="metavar_csv",
    help="help_universe",
)


# What a map shows: shared by `opmap map` and `opmap export`. The choices repeat those of
# opmap.decide.classes so that `--help` does not import mapclassify; a test keeps them equal.
METRIC_CHOICES = ("operations", "victims", "minors", "arrests")
SCHEME_CHOICES = ("quantiles", "natural_breaks", "equal_interval")
PALETTE_CHOICES = ("OrRd", "Blues", "YlGnBu", "Purples", "Greens", "YlOrBr")


def _read_bins(ctx: click.Context, param: click.Parameter, value: str | None):
    """Read ``--bins``: one or more finite numbers ("", "nan" and "inf" bound no class)."""
    if value is None:
        return None
    from opmap.words import text

    try:
        # "1,,2" has an empty bound; "1,5,10," only the comma a list may end with
        bounds = tuple(float(part) for part in value.strip().removesuffix(",").split(","))
    except ValueError:
        bounds = ()
    if not bounds or not all(math.isfinite(bound) for bound in bounds):
        raise click.BadParameter(text("cli_bins", value=value))
    if any(low >= high for low, high in itertools.pairwise(bounds)):  # "5,3,1": sorted unsaid
        raise click.BadParameter(text("cli_bins_order", value=value))
    return bounds


_MAP_OPTIONS = (
    click.option(
        "--year",
        "years",
        cls=Option,
        type=INTEGER,
        multiple=True,
        metavar="metavar_year",
        help="help_year",
    ),
    click.option("--since", cls=Option, type=INTEGER, metavar="metavar_year", help="help_since"),
    click.option("--until", cls=Option, type=INTEGER, metavar="metavar_year", help="help_until"),
    click.option("--region", cls=Option, metavar="metavar_region", help="help_region"),
    click.option(
        "--operation",
        "names",
        cls=Option,
        multiple=True,
        metavar="metavar_name",
        help="help_operation",
    ),
    click.option(
        "--metric",
        cls=Option,
        type=click.Choice(METRIC_CHOICES),
        default="operations",
        show_default=True,
        help="help_metric",
    ),
    click.option(
        "--scheme",
        cls=Option,
        type=click.Choice(SCHEME_CHOICES),
        default="quantiles",
        show_default=True,
        help="help_scheme",
    ),
    click.option(
        "--k",
        cls=Option,
        type=IntRange(1, 9),
        default=5,
        show_default=True,
        metavar="metavar_number",
        help="help_k",
    ),
    click.option(
        "--bins",
        cls=Option,
        default=None,
        callback=_read_bins,
        metavar="metavar_bins",
        help="help_bins",
    ),
    click.option(
        "--palette",
        cls=Option,
        type=click.Choice(PALETTE_CHOICES),
        default="OrRd",
        show_default=True,
        help="help_palette",
    ),
)


def map_options(function):
    """Add the options that choose what a map shows: filters, metric and classes."""
    for option in reversed(_MAP_OPTIONS):
        function = option(function)
    return function


def check_year_span(ctx: click.Context) -> None:
    """Refuse ``--since`` after ``--until``, and a ``--year`` they leave out.

    No year would be left, and an empty map or table could be read as "no operation" rather
    than as a slip of the options.
    """
    from opmap.words import text

    since, until = ctx.params.get("since"), ctx.params.get("until")
    if since is not None and until is not None and since > until:
        raise click.UsageError(text("cli_since_after_until", since=since, until=until), ctx)
    # "--year 2014 --since 2016" said only "no operation matches": a slip of the options too
    low, high = since if since is not None else -math.inf, until if until is not None else math.inf
    outside = [year for year in ctx.params.get("years") or () if not low <= year <= high]
    if outside:
        raise click.UsageError(text("cli_year_outside_span", year=outside[0]), ctx)


def map_choices(ctx: click.Context) -> dict:
    """Return the values of :func:`map_options` as ``prepare_map_data``'s keywords.

    A filter not given (no ``--year``, no ``--operation``) is None.
    """
    given = ctx.params
    return {
        "years": given["years"] or None,
        "since": given["since"],
        "until": given["until"],
        "names": given["names"] or None,
        "region": given["region"],
        "metric": given["metric"],
        "scheme": given["scheme"],
        "k": given["k"],
        "bins": given["bins"],
        "palette": given["palette"],
    }


def _enter_language(ctx: click.Context, param: click.Parameter, value: str) -> str:
    enter_language(ctx, value)
    return value


#: ``--lang``: the language of everything the command writes, pages, images, tables and its
#: messages, problems and help included. The command guesses it before reading its arguments
#: (:meth:`opmap.cli.language.Command.parse_args`, for --help and refused options); the value
#: click reads is entered first of all the options (``is_eager``), so the messages about the
#: other options' values are worded in it too, and it is in force until the command line ends
#: (:func:`opmap.cli.language.language_kept`). The body does not see it.
language_option = click.option(
    "--lang",
    "language",
    cls=Option,
    type=click.Choice(LANGUAGE_CHOICES),
    default="en",
    show_default=True,
    is_eager=True,
    expose_value=False,
    callback=_enter_language,
    help="help_lang",
)


def _read_languages(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    return LANGUAGE_CHOICES if value == "all" else (value,)


languages_option = click.option(
    "--lang",
    "languages",
    cls=Option,
    type=click.Choice((*LANGUAGE_CHOICES, "all")),
    default="en",
    show_default=True,
    callback=_read_languages,
    help="help_lang_pack",
)

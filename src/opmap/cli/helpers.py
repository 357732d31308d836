"""What several commands do with their inputs, kept free of click."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from opmap.decide.regions import REGION_COLUMNS
from opmap.errors import InvalidOption
from opmap.ownership import OutputPolicy
from opmap.read.guards import Limits
from opmap.read.inputs import Inputs, load_inputs

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Inputs",
    "claim_output",
    "load_inputs",
    "output_policy",
    "region_grouping",
    "universe_of",
]


def region_grouping(
    by: str, boundaries: pd.DataFrame, limits: Limits | None = None
) -> str | Mapping[str, str]:
    """Turn ``--by`` into a region column name or a user's mapping ISO3 -> region.

    Parameters
    ----------
    by : str
        ``region_un``, ``subregion``, ``region_wb``, ``continent``, or a path to an
        ``iso3,region`` CSV.
    boundaries : DataFrame
        The boundaries, or their attributes alone; their codes are accepted in the user's file.
    limits : Limits, optional
        The largest file read (``--max-size``).
    """
    if by in REGION_COLUMNS:
        return by
    if not by.lower().endswith(".csv") and not Path(by).exists():
        from opmap.words import join_names, text

        raise InvalidOption(text("cli_by", by=by, columns=join_names(REGION_COLUMNS)))
    from opmap.read.regions import read_regions

    return read_regions(by, known_codes=boundaries["iso_a3"], limits=limits)


def output_policy(force: bool, *read: Path | str | None) -> OutputPolicy:
    """Return the output policy of a run that read the files ``read`` (None: the bundled one).

    Parameters
    ----------
    force : bool
        ``--force``: replace files opmap did not write, and inputs, when they are in the way.
    *read : path-like or None
        The operations file, then the boundaries file (None for the bundled data), then any
        other file the run read.
    """
    from opmap import bundled

    defaults = [bundled.operations_path(), bundled.countries_path()]
    paths = [
        Path(path) if path is not None else defaults[index] if index < 2 else None
        for index, path in enumerate(read)
    ]
    return OutputPolicy(inputs=tuple(p for p in paths if p is not None), force=force)


def claim_output(path: Path, policy: OutputPolicy) -> None:
    """Claim a file ``map`` or ``export`` writes, before any work.

    Never a file of a briefing pack unless ``--force`` (:func:`opmap.pack.files.refuse_pack_file`:
    the pack's index.html links it), and only what opmap may replace
    (:func:`opmap.ownership.claim_file`).
    """
    from opmap.ownership import claim_file
    from opmap.pack.files import refuse_pack_file

    refuse_pack_file(path, policy)
    claim_file(path, policy)


def universe_of(path: Path | None, boundaries: pd.DataFrame, limits: Limits | None = None):
    """Turn ``--universe`` into the states coverage is counted over (default: the UN's)."""
    from opmap.read.universe import load_universe

    return load_universe(path, known_codes=boundaries["iso_a3"], limits=limits)

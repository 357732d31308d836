"""The states coverage is counted over: its percentages say what they are out of.

By default the 193 UN member states and the 2 observer states (``data/un-member-states.csv``, see
``data/README.md``); a desk may give its own list (``--universe FILE``). Every other unit a map
draws (territories, dependencies, disputed or partly recognised areas) is counted as a participant
where an operation names it, in a column of its own, never in the denominator.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from opmap.errors import InvalidUniverse, Problem, UnknownCountry, in_file_order
from opmap.read.guards import Limits

__all__ = ["Universe", "load_universe"]

#: How the default list is named in tables and pages.
DEFAULT_LABEL = "UN member and observer states"


@dataclass(frozen=True)
class Universe:
    """The states percentages are counted over.

    Parameters
    ----------
    states : frozenset of str
        ISO 3166-1 alpha-3 codes (or user-assigned codes of the boundaries, e.g. ``XKX``).
    label : str
        What the list is: "UN member and observer states", or the user's file name.
    """

    states: frozenset[str]
    label: str

    def __contains__(self, iso3: object) -> bool:
        return iso3 in self.states

    def __len__(self) -> int:
        return len(self.states)


def load_universe(
    path: Path | str | None = None, known_codes: Iterable[str] = (), limits: Limits | None = None
) -> Universe:
    """Read the list of states coverage is counted over.

    Parameters
    ----------
    path : path-like, optional
        A CSV with an ``iso3`` column (other columns are ignored), one state per line; codes may
        be ISO alpha-3, alpha-2 or a name :func:`opmap.read.countries.resolve_country` reads.
        Default: the UN member and observer states that ship with opmap.
    known_codes : iterable of str, default ()
        Codes of the boundaries, accepted as written (user-assigned codes such as ``XKX``).
    limits : Limits, optional
        The largest file read (``--max-size``).

    Returns
    -------
    Universe

    Raises
    ------
    InvalidUniverse
        Listing every unknown or repeated code, or a missing column, at once.
    """
    from opmap.read.countries import resolve_country
    from opmap.read.table import read_table
    from opmap.words import text

    what = text("table_states")
    if path is None:
        from opmap.bundled import un_states_path

        rows = read_table(un_states_path(), ("iso3",), InvalidUniverse, what, "")
        return Universe(frozenset(row["iso3"] for _, row in rows), DEFAULT_LABEL)
    usage = text("table_states_usage")
    problems: list[Problem] = []  # the file's and its rows', told at once
    rows = read_table(path, ("iso3",), InvalidUniverse, what, usage, limits, problems)
    known = {code.upper() for code in known_codes}
    states: dict[str, int] = {}
    for line, row in rows:
        code = row["iso3"]
        try:
            iso3 = code.upper() if code.upper() in known else resolve_country(code).iso3
        except UnknownCountry as err:
            problems.append(Problem(str(path), line, "iso3", str(err), code))
            continue
        if iso3 in states:
            message = text("state_twice", iso3=iso3, line=states[iso3])
            problems.append(Problem(str(path), line, "iso3", message, code))
            continue
        states[iso3] = line
    if not states and not problems:
        problems.append(Problem(str(path), None, None, text("state_none", usage=usage)))
    if problems:
        raise InvalidUniverse(in_file_order(problems))
    return Universe(frozenset(states), Path(path).name)

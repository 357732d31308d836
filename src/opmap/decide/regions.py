"""Regions: which states of each region took part, which are gaps, and whose figures are whose.

Percentages are over states (:class:`opmap.read.universe.Universe`, by default the UN member and
observer states); every other unit (territories, dependencies, disputed areas) is counted as a
named participant in a column of its own. Regions come from one grouping, by default the UN M49
regions of the boundaries (``region_un``); Antarctica and the open ocean are never regions.

An operation counts in every region it named a country or an area in. Its figures belong to a
region only when the operation ran wholly inside it; an operation spanning regions (or whose
unnamed participants may be anywhere) is listed in each of its regions, and its figures are added
only to the total. So the regions' figures never add up to more than the total.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import pandas as pd

from opmap.decide.aggregate import SUMMED_FIGURES
from opmap.decide.gaps import gaps_in_reach, may_be_here
from opmap.figures import add_figures
from opmap.i18n import sort_key
from opmap.place_names import country_name
from opmap.read.boundaries import REGION_COLUMNS
from opmap.read.operations import Operation, chronological
from opmap.read.universe import Universe, load_universe

if TYPE_CHECKING:
    import geopandas as gpd

#: Names Natural Earth gives to groupings that are not regions of states.
NOT_REGIONS = frozenset({"Antarctica", "Seven seas (open ocean)"})

#: The all-regions row of a coverage table.
ALL_REGIONS = "All regions"


def regions_of(boundaries: gpd.GeoDataFrame, by: str | Mapping[str, str]) -> dict[str, str]:
    """Map each unit (ISO3) to its region.

    Units with a point but no polygon (Tuvalu, Gibraltar) have the region where they lie.

    Parameters
    ----------
    boundaries : geopandas.GeoDataFrame
    by : str or mapping
        A column of the boundaries (``region_un``, ``subregion``, ``region_wb``, ``continent``),
        or a mapping ISO3 -> region name (a user's own desks,
        :func:`~opmap.read.regions.read_regions`).

    Returns
    -------
    dict of str to str
        Units with no region (Antarctica; units a user's mapping leaves out) are left out.
    """
    if not isinstance(by, str):
        return dict(by)
    if by not in boundaries.columns:
        raise KeyError(f"no region column {by!r}; choose one of {', '.join(REGION_COLUMNS)}")
    from opmap.read.boundaries import load_point_regions

    regions = {iso3: units[by] for iso3, units in load_point_regions().items() if by in units}
    regions.update(zip(boundaries["iso_a3"], boundaries[by], strict=True))
    return {
        iso3: region
        for iso3, region in regions.items()
        if isinstance(region, str) and region and region not in NOT_REGIONS
    }


def unit_names(boundaries: gpd.GeoDataFrame) -> dict[str, str]:
    """Return ISO3 -> display name of every unit, polygons and points, in the current language."""
    from opmap.read.boundaries import load_point_regions

    names = {iso3: units["name"] for iso3, units in load_point_regions().items()}
    names.update(zip(boundaries["iso_a3"], boundaries["name"], strict=True))
    return {iso3: country_name(iso3, name) if name else name for iso3, name in names.items()}


def area_members(boundaries: gpd.GeoDataFrame, area: str) -> set[str]:
    """Return the units of an M49 region or subregion ("Western Africa")."""
    members = set()
    for column in ("region_un", "subregion"):
        if column in boundaries.columns:
            members |= {c for c, r in regions_of(boundaries, column).items() if r == area}
    return members


def runs_inside(
    op: Operation,
    region_units: Container[str],
    area_units: Iterable[str],
    grouped: Container[str],
) -> bool:
    """Tell whether an operation ran wholly in one region, so that its figures are the region's.

    Every unit it names must be the region's, and it may have no unnamed participants that
    could be anywhere. Its area counts too, apart from the territories no region lists: a desks
    file that leaves Saint Helena out still holds every West African state, so an operation
    known only as "West Africa" is the West Africa desk's. A state of the area that no region
    lists keeps it out: a Sahel desk of five states does not hold "West Africa", whose eleven
    other states may have taken part. So does a named unit in no region (France, named beside
    Nigeria, when no desk lists France): France took part.

    Parameters
    ----------
    op : Operation
    region_units : container of str
        The ISO3 codes of the region.
    area_units : iterable of str
        The units of the operation's area (empty when it has none).
    grouped : container of str
        The units that are in some region of the grouping.
    """
    if op.unnamed and op.area is None:  # its unnamed participants may be in any region
        return False
    named = set(op.countries)
    implied = {c for c in area_units if c not in named and (c in grouped or c in _un_states())}
    places = named | implied
    return bool(places) and all(c in region_units for c in places)


@functools.cache
def _un_states() -> frozenset[str]:
    """Return the UN member and observer states: an area's that no region lists may have run it."""
    return load_universe().states


class Placement:
    """Where each operation ran, in the regions of one grouping."""

    def __init__(self, boundaries: gpd.GeoDataFrame, by: str | Mapping[str, str]):
        self.region_of = regions_of(boundaries, by)
        self.members: dict[str, set[str]] = {}
        for iso3, region in self.region_of.items():
            self.members.setdefault(region, set()).add(iso3)
        self._boundaries = boundaries
        self._areas: dict[str, set[str]] = {}

    def area_units(self, op: Operation) -> set[str]:
        """Return the units of the operation's area (none when it has no area)."""
        if op.area is None:
            return set()
        if op.area not in self._areas:
            self._areas[op.area] = area_members(self._boundaries, op.area)
        return self._areas[op.area]

    def places(self, op: Operation) -> list[str]:
        """Return every unit the operation named, directly or through its area."""
        return list(op.countries) + sorted(self.area_units(op) - set(op.countries))

    def regions(self, op: Operation) -> list[str]:
        """Return the regions the operation counts in, in the order first named."""
        found = (self.region_of[c] for c in self.places(op) if c in self.region_of)
        return list(dict.fromkeys(found))

    def is_inside(self, op: Operation, region: str) -> bool:
        """Tell whether the operation ran wholly in ``region`` (its figures are the region's)."""
        units = self.members.get(region, set())
        return runs_inside(op, units, self.area_units(op), self.region_of)

    def why_outside(self, op: Operation) -> str | None:
        """Say why no region has the operation's figures, or None when one has them.

        "unplaced" (it names no country and no area), "no_region" (all it names is in no
        region), "spanning" (several regions, or unnamed participants who may be anywhere),
        "partly" (one region, and a named unit that is in none).
        """
        if not op.is_placed:
            return "unplaced"
        regions = self.regions(op)
        if any(self.is_inside(op, region) for region in regions):
            return None
        if not regions:
            return "no_region"
        if len(regions) > 1 or op.unnamed and op.area is None:
            return "spanning"
        return "partly"


def aggregate_by_region(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    by: str | Mapping[str, str] = "region_un",
    universe: Universe | None = None,
) -> pd.DataFrame:
    """Compare regions: states named, gaps, territories named, and figures that add up.

    Parameters
    ----------
    operations : sequence of Operation
    boundaries : geopandas.GeoDataFrame
    by : str or mapping, default "region_un"
        See :func:`regions_of`.
    universe : Universe, optional
        The states percentages are over (default: UN member and observer states).

    Returns
    -------
    pandas.DataFrame
        One row per region, by name: ``region``; ``states`` (in the universe), ``named_states``,
        ``states_pct``, ``gaps`` (states not named in any operation); ``territories`` (other
        units), ``named_territories``; ``unnamed`` (participants the operations wholly inside
        the region count but do not name), ``unnamed_possible`` and ``unnamed_operations`` (those
        of any operation that may be in it, and how many operations; an operation's with an
        area are in that area, and one's with none may be anywhere);
        ``area_uncounted`` (operations that named an area of the region without a count of its
        countries: any of its gaps in that area may have taken part); ``unnamed_gaps`` and
        ``area_uncounted_gaps`` (how many of its gaps may be among the unnamed, and those
        operations whose area holds some of its gaps: :func:`~.gaps.gaps_in_reach`);
        ``operations``, ``inside`` (wholly inside the region) and
        ``spanning``; ``years``; the figures of the operations inside, as
        :class:`~opmap.figures.Total`; the names and codes of the named states, named
        territories and gaps; the operation keys, all, inside and spanning.
    """
    universe = universe or load_universe()
    placement = Placement(boundaries, by)
    names = unit_names(boundaries)
    members: dict[str, list[str]] = {}
    for iso3, region in placement.region_of.items():
        members.setdefault(region, []).append(iso3)
    ops_by_region: dict[str, list[Operation]] = {region: [] for region in members}
    for op in operations:
        for region in placement.regions(op):
            ops_by_region[region].append(op)
    # the operations with participants that may be anywhere in their area, or anywhere at all
    unknown = [op for op in operations if op.unnamed or op.area_uncounted]
    rows = []
    for region in sorted(members):
        region_ops = ops_by_region[region]
        inside = [op for op in region_ops if placement.is_inside(op, region)]
        named = {c for op in region_ops for c in op.countries}
        rows.append(
            _region_row(
                region,
                members[region],
                named,
                region_ops,
                inside,
                universe,
                names,
                may_be_here(unknown, placement.area_units, members[region]),
                placement.area_units,
            )
        )
    return pd.DataFrame(rows, columns=REGION_ROW)


REGION_ROW = [
    "region",
    "states",
    "named_states",
    "states_pct",
    "gaps",
    "territories",
    "named_territories",
    "unnamed",
    "unnamed_possible",
    "unnamed_operations",
    "area_uncounted",
    "unnamed_gaps",
    "area_uncounted_gaps",
    "operations",
    "inside",
    "spanning",
    "years",
    *SUMMED_FIGURES,
    "named_state_names",
    "named_territory_names",
    "gap_names",
    "named_state_codes",
    "named_territory_codes",
    "gap_codes",
    "operation_keys",
    "inside_keys",
    "spanning_keys",
]


def _region_row(
    region: str,
    codes: Sequence[str],
    named: set[str],
    region_ops: Sequence[Operation],
    inside: Sequence[Operation],
    universe: Universe,
    names: Mapping[str, str],
    unknown_here: Sequence[Operation],
    area_units: Callable[[Operation], AbstractSet[str]],
) -> dict:
    def name(iso3: str) -> str:
        return str(names.get(iso3) or iso3)  # a user's boundaries may leave names empty

    def by_name(found) -> list[str]:
        return sorted(found, key=lambda c: sort_key(name(c)))

    states = [c for c in codes if c in universe]
    named_states = by_name(c for c in states if c in named)
    gaps = by_name(c for c in states if c not in named)
    named_territories = by_name(c for c in codes if c not in universe and c in named)
    ordered = sorted(region_ops, key=chronological)
    inside_keys = {op.key for op in inside}
    # of the gaps, those that may be among the unnamed (Adwenpa II's 14 in Western Africa: its
    # 11 gaps), and the operations of an area with no count that holds some of them
    unnamed_gaps, area_uncounted_gaps = gaps_in_reach(unknown_here, area_units, gaps)
    row = {
        "region": region,
        "states": len(states),
        "named_states": len(named_states),
        "states_pct": round(100 * len(named_states) / len(states), 1) if states else None,
        "gaps": len(gaps),
        "territories": len(codes) - len(states),
        "named_territories": len(named_territories),
        # Like its figures, a region's unnamed participants are those of the operations wholly
        # inside it: an operation's whole count given to each region it spans added up to more
        # than the total. The gaps' note says how many may have taken part from all of them.
        "unnamed": sum(op.unnamed for op in inside),
        "unnamed_possible": sum(op.unnamed for op in unknown_here),
        "unnamed_operations": sum(1 for op in unknown_here if op.unnamed),
        "area_uncounted": sum(1 for op in unknown_here if op.area_uncounted),
        "unnamed_gaps": unnamed_gaps,
        "area_uncounted_gaps": area_uncounted_gaps,
        "operations": len(region_ops),
        "inside": len(inside),
        "spanning": len(region_ops) - len(inside),
        "years": sorted({op.year for op in region_ops}),
        "named_state_names": [name(c) for c in named_states],
        "named_territory_names": [name(c) for c in named_territories],
        "gap_names": [name(c) for c in gaps],
        "named_state_codes": named_states,
        "named_territory_codes": named_territories,
        "gap_codes": gaps,
        "operation_keys": [op.key for op in ordered],
        "inside_keys": [op.key for op in ordered if op.key in inside_keys],
        "spanning_keys": [op.key for op in ordered if op.key not in inside_keys],
    }
    for column in SUMMED_FIGURES:
        row[column] = add_figures(op.figure(column) for op in inside)
    return row


#: The keys of the total that count the operations in no region's figures, by reason.
_REASON_KEYS = {
    "unplaced": "unplaced",
    "no_region": "in_no_region",
    "spanning": "spanning_regions",
    "partly": "partly_outside",
}


def total_over_regions(
    operations: Sequence[Operation],
    boundaries: gpd.GeoDataFrame,
    by: str | Mapping[str, str] = "region_un",
    universe: Universe | None = None,
) -> dict:
    """Sum the whole selection once: every distinct operation counts a single time.

    Returns
    -------
    dict
        The keys of a row of :func:`aggregate_by_region`, ``region`` = "All regions": the
        figures of every operation, once; ``inside`` and ``spanning`` count the operations whose
        figures are in a region's row and those that are in the total only. Why they are, by
        :meth:`Placement.why_outside`: ``unplaced`` (no country and no area named),
        ``in_no_region`` (all they name is in no region), ``spanning_regions`` (several regions,
        or may be) and ``partly_outside`` (one region and a named unit in none); ``outside`` is
        the last three together. ``unlisted_state_codes`` and ``unlisted_state_names``: states
        named by an operation but in no region, so in no count of the row.
    """
    universe = universe or load_universe()
    placement = Placement(boundaries, by)
    named = {c for op in operations for c in op.countries}
    # A unit in no region (Antarctica) is named all the same: the total counts it with the
    # territories, as the maps count it. A state a user's regions leave out (France, when no desk
    # lists it) would change the percentage's base only when named: it is listed apart instead.
    codes = sorted(set(placement.region_of) | {c for c in named if c not in universe})
    names = unit_names(boundaries)
    row = _region_row(
        ALL_REGIONS,
        codes,
        named,
        operations,
        operations,
        universe,
        names,
        operations,
        placement.area_units,
    )
    reasons = {op.key: placement.why_outside(op) for op in operations}
    for reason in ("unplaced", "no_region", "spanning", "partly"):
        row[_REASON_KEYS[reason]] = sum(1 for why in reasons.values() if why == reason)
    row["outside"] = row["in_no_region"] + row["spanning_regions"] + row["partly_outside"]
    # The total's "spanning" are the operations whose figures are in no region's row.
    row["inside_keys"] = [key for key in row["operation_keys"] if reasons[key] is None]
    row["spanning_keys"] = [key for key in row["operation_keys"] if reasons[key] is not None]
    row["inside"], row["spanning"] = len(row["inside_keys"]), len(row["spanning_keys"])
    unlisted = sorted(
        (c for c in named if c in universe and c not in placement.region_of),
        key=lambda c: sort_key(str(names.get(c) or c)),
    )
    row["unlisted_state_codes"] = unlisted
    row["unlisted_state_names"] = [str(names.get(c) or c) for c in unlisted]
    return row

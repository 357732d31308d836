"""How many of a region's gaps may have taken part all the same, without being named.

A gap is a state that no operation of the period names. An operation that counted participants
without naming them may have had gaps among them: those of an operation known by an area are in
that area, those of one with no area may be anywhere. So no more of a region's gaps may have
taken part than lie within reach of such operations, nor than they counted: Adwenpa II's 14
unnamed participants are in Western Africa, where 11 states are gaps, so up to 11 of Africa's 47
gaps may have taken part, not 14. The coverage table's notes and the regional maps' words both
ask this (:func:`opmap.decide.coverage.gaps_notes`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet

from opmap.read.operations import Operation


def may_be_here(
    operations: Sequence[Operation],
    area_units: Callable[[Operation], AbstractSet[str]],
    units: Iterable[str],
) -> list[Operation]:
    """Return the operations whose unnamed or uncounted participants may be in a region.

    Those of an operation with an area are in that area (``area_units``, its units): France
    named beside "West Africa" leaves none of them in Europe. Those of an operation with no
    area may be anywhere: in every region, whether it named a country of this one or none.
    ``operations`` are all those of the period, so that "up to N of these gaps" is a bound.
    The coverage table and the regional maps' words both ask this.
    """
    units = frozenset(units)
    return [op for op in operations if op.area is None or not area_units(op).isdisjoint(units)]


def gaps_in_reach(
    operations: Iterable[Operation],
    area_units: Callable[[Operation], AbstractSet[str]],
    gaps: Iterable[str],
) -> tuple[int, int]:
    """Return how many of ``gaps`` may have taken part unnamed, and the uncounted areas of some.

    Parameters
    ----------
    operations : iterable of Operation
        The operations whose unnamed or uncounted participants may be in the region
        (:func:`may_be_here`).
    area_units : callable
        The units of an operation's area.
    gaps : iterable of str
        The ISO3 codes of the region's gaps.

    Returns
    -------
    (int, int)
        The most gaps that may be among the operations' unnamed participants: each operation's
        count, up to the gaps in its reach, added up, and no more than the gaps any of them
        reach. Then the operations that named an area holding some of the gaps without a count
        of its countries (any of those gaps may have taken part).
    """
    gaps = frozenset(gaps)
    reached: set[str] = set()
    anywhere = False
    most = uncounted = 0
    reach_of: dict[str, frozenset[str]] = {}
    for op in operations:
        if op.area is None:
            reach = gaps
            anywhere = anywhere or bool(op.unnamed)
        else:
            if op.area not in reach_of:
                reach_of[op.area] = gaps & frozenset(area_units(op))
            reach = reach_of[op.area]
        if not reach:
            continue
        if op.unnamed:
            most += min(op.unnamed, len(reach))
            if op.area is not None:
                reached |= reach
        if op.area_uncounted:
            uncounted += 1
    return min(most, len(gaps) if anywhere else len(reached)), uncounted

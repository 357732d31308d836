"""Figures as the source words them: "94", "1,426", "nearly 350", "more than 500".

A :class:`Figure` keeps the number, what kind of claim it is (exact, a lower bound, an upper bound,
an approximation) and the words the source used, so that a map shows what the source said and a sum
stays honest: a total that includes "more than 48" is itself "more than ...".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from opmap.errors import InvalidFigure

EXACT = "exact"
MORE_THAN = "more_than"
AT_LEAST = "at_least"
NEARLY = "nearly"
UP_TO = "up_to"
ABOUT = "about"
#: The largest figure read: no operation counts a billion people, so a larger one is a typo, and
#: sums of 200,000 such figures still fit the 64-bit integers of the GIS layers.
LARGEST_FIGURE = 1_000_000_000

# Words people put before a number, by the kind of claim they make. Longest first, so that
# "more than" wins over "more" and "close to" over "close".
_PREFIXES: dict[str, str] = {
    "more than": MORE_THAN,
    "over": MORE_THAN,
    "upwards of": MORE_THAN,
    "in excess of": MORE_THAN,
    ">": MORE_THAN,
    "at least": AT_LEAST,
    ">=": AT_LEAST,
    "≥": AT_LEAST,
    "a minimum of": AT_LEAST,
    "nearly": NEARLY,
    "almost": NEARLY,
    "close to": NEARLY,
    "just under": NEARLY,
    "up to": UP_TO,
    "as many as": UP_TO,
    "<=": UP_TO,
    "about": ABOUT,
    "around": ABOUT,
    "approximately": ABOUT,
    "approx.": ABOUT,
    "approx": ABOUT,
    "roughly": ABOUT,
    "some": ABOUT,
    "circa": ABOUT,
    "c.": ABOUT,
    "ca.": ABOUT,
    "~": ABOUT,
    "≈": ABOUT,
}

#: The same in French, Spanish and Arabic, as the pages of those languages word a figure: a
#: reader may copy one back. Such a figure is worded in English, the data's language, by its
#: meaning ("at least 84"), as those pages word every figure by its meaning.
_TRANSLATED: dict[str, str] = {
    "plus de": MORE_THAN,
    "presque": NEARLY,
    "près de": NEARLY,
    "environ": ABOUT,
    "au moins": AT_LEAST,
    "jusqu’à": UP_TO,
    "jusqu'à": UP_TO,
    "más de": MORE_THAN,
    "al menos": AT_LEAST,
    "casi": NEARLY,
    "hasta": UP_TO,
    "alrededor de": ABOUT,
    "أكثر من": MORE_THAN,
    "ما يقرب من": NEARLY,
    "ما يصل إلى": UP_TO,
    "نحو": ABOUT,
}

#: Words put after a number: "500 على الأقل" (at least 500), as the Arabic pages write it.
_SUFFIXES: dict[str, str] = {"على الأقل": AT_LEAST}
_QUALIFIERS = {**_PREFIXES, **_TRANSLATED}

_WORDING = {
    EXACT: "{n}",
    MORE_THAN: "more than {n}",
    AT_LEAST: "at least {n}",
    NEARLY: "nearly {n}",
    UP_TO: "up to {n}",
    ABOUT: "about {n}",
}

# 1,426 / 1 426 / 1.426 (European thousands) / 1426; no decimals: these are counts of people.
_NUMBER = re.compile(r"^(\d{1,3}(?:([,. \u00a0\u202f])\d{3})(?:\2\d{3})*|\d+)$")
_NOT_DIGIT = re.compile(r"\D")
_PREFIX_PATTERN = re.compile(
    r"^(" + "|".join(re.escape(p) for p in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """A count of people (victims, minors, arrests, officers) as a source gives it.

    Parameters
    ----------
    value : int
        The number the source names.
    kind : str
        One of ``exact``, ``more_than``, ``at_least``, ``nearly``, ``up_to``, ``about``.
    text : str
        The words the source used, whitespace tidied ("nearly 350").
    """

    value: int
    kind: str = EXACT
    text: str = ""

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", format_figure(self.value, self.kind))

    def __str__(self) -> str:
        return self.text


def format_figure(value: int, kind: str = EXACT) -> str:
    """Word a number with its qualifier, with thousands separators ("more than 1,200").

    Parameters
    ----------
    value : int
        The number.
    kind : str, default "exact"
        The kind of claim (see :class:`Figure`).

    Returns
    -------
    str
    """
    return _WORDING[kind].format(n=f"{value:,}")


# Figures repeat ("94", "nearly 350"), and a Figure is immutable, so reading each wording once is
# safe; invalid ones raise, which is never cached.
@functools.lru_cache(maxsize=65536, typed=True)
def parse_figure(text: str) -> Figure:
    """Read a figure as people write it.

    Parameters
    ----------
    text : str
        ``94``, ``1,426``, ``nearly 350``, ``~350``, ``more than 500``, ``>500``, ``500+``,
        ``over 100``, ``about 20``, ``some 170``, ``at least 38``, ``almost 220``, ``close to 100``.

    Returns
    -------
    Figure
        The number, its kind and the tidied words.

    Raises
    ------
    InvalidFigure
        If the text is not a whole, non-negative number with an optional qualifier.
    """
    words = " ".join(str(text).split())
    if not words:
        raise InvalidFigure("empty figure")
    kind = EXACT
    rest = words
    translated = False  # worded in another language than the data's: say it in English
    match = _PREFIX_PATTERN.match(rest)
    if match:
        kind = _QUALIFIERS[match.group(1).lower()]
        translated = match.group(1).lower() in _TRANSLATED
        rest = rest[match.end() :]
    if rest.endswith("+") and kind == EXACT:
        kind = MORE_THAN
        rest = rest[:-1].rstrip()
    for suffix, claim in _SUFFIXES.items():
        if rest.endswith(suffix) and kind == EXACT:
            kind, translated = claim, True
            rest = rest[: -len(suffix)].rstrip()
    if rest.startswith("-"):
        raise InvalidFigure(f"a figure cannot be negative: {words!r}")
    if not _NUMBER.match(rest):
        raise InvalidFigure(
            f"not a whole number with an optional qualifier: {words!r} "
            "(write e.g. '94', '1,426', 'nearly 350', 'more than 500')"
        )
    value = int(_NOT_DIGIT.sub("", rest))
    return Figure(value, kind, "" if translated else words)


def sum_figures(figures: Iterable[Figure | None]) -> Figure | None:
    """Add figures and keep the total honest about what it rests on.

    Exact figures give an exact total. Lower bounds ("more than", "at least") with exact ones give
    a lower bound ("more than" if any part is "more than"); upper bounds ("nearly", "up to") with
    exact ones give an upper bound; anything mixed, or with "about", gives "about". Missing figures
    (None) are skipped: the total then speaks only of what the sources counted.

    Parameters
    ----------
    figures : iterable of Figure or None

    Returns
    -------
    Figure or None
        None when there is nothing to add.
    """
    present = [f for f in figures if f is not None]
    if not present:
        return None
    total = sum(f.value for f in present)
    kinds = {f.kind for f in present} - {EXACT}
    if not kinds:
        kind = EXACT
    elif kinds <= {MORE_THAN, AT_LEAST}:
        kind = MORE_THAN if MORE_THAN in kinds else AT_LEAST
    elif kinds <= {NEARLY, UP_TO}:
        kind = UP_TO if UP_TO in kinds else NEARLY
    else:
        kind = ABOUT
    if len(present) == 1:
        return present[0]
    return Figure(total, kind)


#: Kinds that give a number roughly: a sum built on one is no more precise than it.
_APPROXIMATE = (NEARLY, ABOUT)


@dataclass(frozen=True)
class Total:
    """A figure added up over operations, with how many of them reported it.

    Parameters
    ----------
    figure : Figure or None
        The sum of the figures reported, None if no operation reported one.
    reported : int
        How many operations gave the figure.
    operations : int
        How many operations were added up.
    """

    figure: Figure | None
    reported: int
    operations: int

    @property
    def is_complete(self) -> bool:
        """Whether every operation reported the figure."""
        return self.reported == self.operations

    @property
    def coverage(self) -> str:
        """How many operations reported it: "3 of 4", or "" when all did."""
        return "" if self.is_complete else f"{self.reported:,} of {self.operations:,}"

    def __str__(self) -> str:
        if self.figure is None:
            return "not reported" if self.operations else ""
        if self.is_complete:
            return str(self.figure)
        reported = "operation" if self.operations == 1 else "operations"
        return f"{self.figure}, {self.coverage} {reported} reported"


def add_figures(figures: Iterable[Figure | None]) -> Total:
    """Add the figures of several operations and say what the total rests on.

    As :func:`sum_figures`, and besides: an operation that gave no figure makes the total a lower
    bound ("at least", unless a term already makes it "more than" or "about"); a sum with a rough
    term ("nearly 500", "about 20") is rounded to that term's precision, so that "94 + nearly
    500 + 76" reads "nearly 700", not "nearly 670" ("nearly" sums are rounded up, so that they stay
    an upper bound). Rounding never moves a sum by more than :data:`ROUNDING_TOLERANCE` of it:
    "nearly 1,000 + 25" is "nearly 1,030" (to the ten), not "nearly 2,000" (to the thousand).

    Parameters
    ----------
    figures : iterable of Figure or None
        One per operation; None where the operation gave no figure.

    Returns
    -------
    Total
    """
    terms = list(figures)
    present = [f for f in terms if f is not None]
    if not present:
        return Total(None, 0, len(terms))
    missing = len(present) < len(terms)
    if len(present) == 1 and not missing:
        return Total(present[0], 1, 1)
    kinds = {f.kind for f in present} - {EXACT}
    if missing:
        kinds.add(AT_LEAST)
    kind = _combined_kind(kinds)
    value = sum(f.value for f in present)
    if len(present) > 1 and kind in _APPROXIMATE:
        value = _rounded(value, max(_precision(f) for f in present), up=kind == NEARLY)
    if len(present) == 1 and kind == present[0].kind:
        return Total(present[0], 1, len(terms))
    return Total(Figure(value, kind), len(present), len(terms))


def _combined_kind(kinds: set[str]) -> str:
    if not kinds:
        return EXACT
    if kinds <= {MORE_THAN, AT_LEAST}:
        return MORE_THAN if MORE_THAN in kinds else AT_LEAST
    if kinds <= {NEARLY, UP_TO}:
        return UP_TO if UP_TO in kinds else NEARLY
    return ABOUT


def _precision(figure: Figure) -> int:
    """Return the unit a figure is given to: 100 for "nearly 500", 1 for "94"."""
    if figure.kind not in _APPROXIMATE or figure.value == 0:
        return 1
    unit = 1
    while figure.value % (unit * 10) == 0:
        unit *= 10
    return unit


#: The most that rounding a total may move it, as a share of it.
ROUNDING_TOLERANCE = 0.05


def _rounded(value: int, unit: int, *, up: bool) -> int:
    """Round to ``unit``, or to the coarsest power of ten under it that moves the value little."""
    while unit > 1:
        rounded = _round_to(value, unit, up=up)
        if abs(rounded - value) <= ROUNDING_TOLERANCE * value:
            return rounded
        unit //= 10
    return value


def _round_to(value: int, unit: int, *, up: bool) -> int:
    if unit == 1:
        return value
    if up:
        return -(-value // unit) * unit
    return (value + unit // 2) // unit * unit

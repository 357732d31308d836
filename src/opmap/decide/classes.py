"""Choropleth classes shared by the HTML map and the static images, so both show the same.

Values are counts (operations, victims, ...), so class bounds are whole numbers and labels read
"1", "2–3", "4–10". A country with no value is never put in a class: it gets its own swatch.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from opmap.i18n import format_number

SCHEMES = ("quantiles", "natural_breaks", "equal_interval")

#: Metrics a map can show per country; figures come from single-country operations only.
METRICS = ("operations", "victims", "minors", "arrests")

from opmap.style import (  # noqa: E402,F401  (re-exported: classes carry their colours)
    BORDER_COLOR,
    DEFAULT_PALETTE,
    HIGHLIGHT_COLORS,
    MIN_NO_DATA_CONTRAST,
    NO_DATA_COLOR,
    OUTSIDE_BORDER_COLOR,
    OUTSIDE_COLOR,
    PALETTES,
    SEA_COLOR,
    contrast_ratio,
)


@dataclass(frozen=True)
class Classes:
    """Classes of a choropleth: upper bounds, colours and labels, lowest first.

    Parameters
    ----------
    bins : tuple of int
        Inclusive upper bound of each class.
    lows : tuple of int
        Inclusive lower bound of each class.
    colors : tuple of str
        Hex colour of each class.
    scheme : str
        How the bounds were chosen.
    highlight : str
        The fill of a highlighted country: never one of the class colours.
    """

    bins: tuple[int, ...]
    lows: tuple[int, ...]
    colors: tuple[str, ...]
    scheme: str
    highlight: str = HIGHLIGHT_COLORS[DEFAULT_PALETTE]

    @property
    def labels(self) -> tuple[str, ...]:
        """Readable labels: "1", "2–3", "4–10" (en dash), with thousands separators."""
        return tuple(
            _range_label(low, high) for low, high in zip(self.lows, self.bins, strict=True)
        )

    def lowest_label(self, values: Iterable[float]) -> str | None:
        """Label the lowest class from the smallest of ``values`` it holds ("36–63"), or None.

        Classes stretched down for other views (:func:`opmap.decide.periods.shared_classes`)
        read "1–63" where these values start at 36. None when the class holds none of them.
        """
        held = [v for v in values if not math.isnan(v) and v <= self.bins[0]] if self.bins else []
        return _range_label(int(math.floor(min(held))), self.bins[0]) if held else None

    def class_of(self, value: float | None) -> int | None:
        """Return the index of the class of a value, or None for no value."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        for index, high in enumerate(self.bins):
            if value <= high:
                return index
        return len(self.bins) - 1

    def color_of(self, value: float | None) -> str:
        """Return the fill colour of a value (the no-data colour for none)."""
        index = self.class_of(value)
        return NO_DATA_COLOR if index is None else self.colors[index]


def _range_label(low: int, high: int) -> str:
    return format_number(low) if low == high else f"{format_number(low)}\u2013{format_number(high)}"


def metric_values(coverage: pd.DataFrame, metric: str = "operations") -> pd.Series:
    """Return the value to map for each country: a float, NaN where there is none.

    Parameters
    ----------
    coverage : DataFrame
        From :func:`opmap.decide.aggregate.aggregate_by_country`.
    metric : {"operations", "victims", "minors", "arrests"}
        ``operations`` counts operations (0 is "none"); the figures come from the operations a
        country ran alone.

    Returns
    -------
    pandas.Series
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
    if metric == "operations":
        counts = coverage["operations"].astype(float)
        return counts.where(counts > 0)
    return coverage[metric].map(lambda f: float(f.value) if f is not None else np.nan)


def classify_values(
    values: Sequence[float] | pd.Series,
    scheme: str = "quantiles",
    k: int = 5,
    bins: Sequence[float] | None = None,
    palette: str = DEFAULT_PALETTE,
) -> Classes:
    """Choose classes for the values that are present, with mapclassify's bounds.

    Parameters
    ----------
    values : sequence of float
        NaN for countries with no value; they are left out of the classes.
    scheme : {"quantiles", "natural_breaks", "equal_interval"}, default "quantiles"
    k : int, default 5
        Number of classes wanted; fewer are made when the values have fewer distinct numbers.
    bins : sequence of float, optional
        Explicit upper bounds, overriding ``scheme`` and ``k``; the largest value closes the last
        class if it is above the last bound.
    palette : str, default "OrRd"
        A sequential ColorBrewer palette name.

    Returns
    -------
    Classes
    """
    present = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    if k < 1:
        raise ValueError(f"k must be at least 1 (got {k})")
    if palette not in PALETTES:
        raise ValueError(f"unknown palette {palette!r}; choose one of {', '.join(PALETTES)}")
    highlight = HIGHLIGHT_COLORS[palette]
    if present.size == 0:
        return Classes((), (), (), scheme if bins is None else "explicit", highlight)
    if bins is not None:
        uppers = sorted({math.floor(b) for b in bins})
        if uppers[-1] < present.max():
            uppers.append(int(present.max()))
        used_scheme = "explicit"
    else:
        distinct = np.unique(present)
        if distinct.size <= k:
            uppers = [int(v) for v in distinct]
        else:
            uppers = sorted({math.floor(b) for b in fit_bins(present, scheme, k)})
        used_scheme = scheme
    uppers = [u for u in uppers if u >= present.min()] or [int(present.max())]
    lows = [int(present.min())] + [u + 1 for u in uppers[:-1]]
    colors = tuple(palette_colors(palette, len(uppers)))
    return Classes(tuple(uppers), tuple(lows), colors, used_scheme, highlight)


def fit_bins(values: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Return the upper bounds mapclassify's ``classify(values, scheme, k=k)`` gives.

    Quantiles and equal intervals are computed here, with the same arithmetic as mapclassify
    (and scipy's ``scoreatpercentile``), so the bounds are the same floats: importing mapclassify
    pulls in scipy and scikit-learn, 1.5 s, which only natural breaks needs.

    Parameters
    ----------
    values : numpy.ndarray of float
        At least two distinct values, no NaN.
    scheme : {"quantiles", "natural_breaks", "equal_interval"}
    k : int
        Number of classes wanted.

    Returns
    -------
    numpy.ndarray of float
    """
    if scheme == "quantiles":
        return _quantile_bins(values, k)
    if scheme == "equal_interval":
        return _equal_interval_bins(values, k)
    import mapclassify

    return mapclassify.classify(values, scheme, k=k).bins


def _quantile_bins(values: np.ndarray, k: int) -> np.ndarray:
    # mapclassify.classifiers.quantile
    ordered = np.sort(np.asarray(values, dtype=float))
    step = 100.0 / k
    percents = np.arange(step, 100 + step, step)
    if percents[-1] > 100.0:
        percents[-1] = 100.0
    return np.unique(np.array([_score_at_percentile(ordered, p) for p in percents]))


def _score_at_percentile(ordered: np.ndarray, percent: float) -> float:
    # scipy.stats.scoreatpercentile, interpolation "fraction", written out for one dimension
    index = percent / 100.0 * (len(ordered) - 1)
    low = int(index)
    if low == index:
        return np.add.reduce(ordered[low : low + 1] * np.array(1)) / 1.0
    weights = np.array([(low + 1 - index), (index - low)], float)
    return np.add.reduce(ordered[low : low + 2] * weights) / weights.sum()


def _equal_interval_bins(values: np.ndarray, k: int) -> np.ndarray:
    # mapclassify.EqualInterval._set_bins
    values = np.asarray(values, dtype=float)
    low, high = values.min(), values.max()
    width = (high - low) * 1.0 / k
    cuts = np.arange(low + width, high + width, width)
    if len(cuts) > k:  # the last step can overshoot
        cuts = cuts[0:k]
    cuts[-1] = high
    return cuts


def palette_colors(palette: str, n: int) -> list[str]:
    """Return ``n`` colours of a sequential ColorBrewer palette, light to dark.

    ColorBrewer's light end is nearly the colour of "no data" (OrRd's #fef0d9 against #f2f0eb is
    1.1:1), so the classes are spread evenly over the part of the palette that stands apart from
    it: the 9-colour palette interpolated in sRGB (as matplotlib's colormaps of the same names
    are), from its lightest tint with a contrast of at least :data:`MIN_NO_DATA_CONTRAST` (plus
    a margin for rounding) against no data, to its darkest colour. One class takes the middle.
    """
    from branca.utilities import color_brewer

    if palette not in PALETTES:
        raise ValueError(f"unknown palette {palette!r}; choose one of {', '.join(PALETTES)}")
    if n <= 0:
        return []
    ramp = color_brewer(palette, 9)
    start = _lightest_readable(ramp)
    if n == 1:
        return [_color_at(ramp, (start + 1) / 2)]
    return [_color_at(ramp, start + (1 - start) * i / (n - 1)) for i in range(n)]


def _lightest_readable(ramp: list[str]) -> float:
    """Return where on the ramp (0 to 1) colours start to stand apart from no data."""
    wanted = MIN_NO_DATA_CONTRAST + 0.1
    light, dark = 0.0, 1.0
    for _ in range(30):  # contrast grows along a sequential ramp: bisect
        middle = (light + dark) / 2
        if contrast_ratio(_color_at(ramp, middle), NO_DATA_COLOR) >= wanted:
            dark = middle
        else:
            light = middle
    return dark


def _color_at(ramp: list[str], position: float) -> str:
    """Return the colour at ``position`` (0 to 1) of a ramp, interpolated in sRGB."""
    scaled = position * (len(ramp) - 1)
    index = min(int(scaled), len(ramp) - 2)
    share = scaled - index
    low, high = ramp[index], ramp[index + 1]
    channels = (
        round(int(low[i : i + 2], 16) * (1 - share) + int(high[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)

"""The colours of a map: classes that stand apart from "no data", and from each other, for
readers with common colour-vision deficiencies too (simulated with colorspacious)."""

from __future__ import annotations

import numpy as np
import pytest
from colorspacious import cspace_convert, deltaE

from opmap.decide.classes import classify_values, palette_colors
from opmap.style import (
    HIGHLIGHT_COLORS,
    MIN_NO_DATA_CONTRAST,
    NO_DATA_COLOR,
    OUTSIDE_COLOR,
    PALETTES,
    contrast_ratio,
)

#: Full dichromacy (severity 100) of each kind, and normal vision (None).
VISIONS = [None, "deuteranomaly", "protanomaly", "tritanomaly"]


def _rgb(color: str) -> np.ndarray:
    return np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def _seen(color: str, vision: str | None) -> np.ndarray:
    rgb = _rgb(color)
    if vision is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def _difference(first: str, second: str, vision: str | None) -> float:
    """Perceived difference (CAM02-UCS delta E) of two colours, as seen with ``vision``."""
    return float(deltaE(_seen(first, vision), _seen(second, vision), input_space="sRGB1"))


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48), ("#f2f0eb", "#f2f0eb", 1.0)],
)
def test_contrast_ratio_is_wcag(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("k", range(1, 10))
@pytest.mark.parametrize("vision", VISIONS)
def test_the_lowest_class_stands_apart_from_no_data(palette, k, vision):
    # The complaint: "1 operation" (#fef0d9) beside "no operations" (#f2f0eb) was 1.1:1.
    # WCAG's contrast ratio holds for normal vision; under a simulated deficiency the two must
    # still be far apart (the simulation shifts lightness: tritanopia darkens light blues).
    lowest = palette_colors(palette, k)[0]
    if vision is None:
        assert contrast_ratio(lowest, NO_DATA_COLOR) >= MIN_NO_DATA_CONTRAST
    assert _difference(lowest, NO_DATA_COLOR, vision) >= 30
    assert _difference(lowest, OUTSIDE_COLOR, vision) >= 25  # nor like the greyed-out regions


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("vision", VISIONS)
def test_classes_are_told_apart_under_colour_vision_deficiencies(palette, vision):
    # Five classes (the default): every pair of neighbours at least 5 delta E apart, a difference
    # readers see side by side; nine classes squeeze the same ramp to about half that.
    for k, least in ((5, 5.0), (9, 2.4)):
        colors = palette_colors(palette, k)
        steps = [_difference(a, b, vision) for a, b in zip(colors, colors[1:], strict=False)]
        assert min(steps) >= least, (k, steps)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("vision", VISIONS)
def test_the_highlight_is_no_class_colour(palette, vision):
    highlight = HIGHLIGHT_COLORS[palette]
    for color in [*palette_colors(palette, 9), NO_DATA_COLOR, OUTSIDE_COLOR]:
        assert _difference(highlight, color, vision) >= 15, (highlight, color)
    assert classify_values([1, 2, 3], palette=palette).highlight == highlight

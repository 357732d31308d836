"""The page of a static image: the sizes people type."""

from __future__ import annotations

import pytest

from opmap.draw.static.page import parse_size
from opmap.errors import InvalidOption


@pytest.mark.parametrize(
    ("size", "inches"),
    [
        ("17x10cm", (17 / 2.54, 10 / 2.54)),
        ("17 x 10 cm", (17 / 2.54, 10 / 2.54)),
        ("170x100mm", (17 / 2.54, 10 / 2.54)),
        ("6.7x4in", (6.7, 4.0)),
        ("6.7×4IN", (6.7, 4.0)),
        ("A4", (29.7 / 2.54, 21.0 / 2.54)),
        ("a5", (21.0 / 2.54, 14.8 / 2.54)),
        ("A4 portrait", (21.0 / 2.54, 29.7 / 2.54)),
    ],
)
def test_parse_size(size, inches):
    assert parse_size(size) == pytest.approx(inches)


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("17x10", "has no unit"),
        ("17cm", "cannot read"),
        ("axbcm", "cannot read"),
        ("-17x10cm", "cannot read"),
        ("17x10px", "cannot read"),
        ("1x1cm", "each side must be"),
        ("500x300cm", "each side must be"),
        ("A9", "unknown paper size"),
        ("", "cannot read"),
    ],
)
def test_parse_size_rejects(size, message):
    with pytest.raises(InvalidOption, match=message):
        parse_size(size)


@pytest.mark.parametrize(
    ("language", "sides"),
    [("en", "118.11 x 3.94 in"), ("fr", "118,11 x 3,94 pouces"), ("es", "118,11 x 3,94 pulgadas")],
)
def test_a_size_refused_gives_its_sides_as_the_language_writes_numbers(language, sides):
    # "fait 118.11 x 3.94 pouces": the French message wrote the English decimal point.
    from opmap.i18n import use_language

    with use_language(language), pytest.raises(InvalidOption) as refused:
        parse_size("300x10cm")
    assert sides in str(refused.value)

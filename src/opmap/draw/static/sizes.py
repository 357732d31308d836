"""Sizes and formats of the static images: "17x10cm", "A4 landscape", png/svg/pdf, dpi."""

from __future__ import annotations

import re
from pathlib import Path

from opmap.errors import InvalidOption

FORMATS = ("png", "svg", "pdf")

DEFAULT_DPI = 300

#: 17 x 10 cm: the text width of an A4 page, in inches.
DEFAULT_SIZE = (17 / 2.54, 10 / 2.54)

#: Paper sizes in cm, landscape.
PAPER_SIZES = {"A3": (42.0, 29.7), "A4": (29.7, 21.0), "A5": (21.0, 14.8), "A6": (14.8, 10.5)}

_UNITS_PER_INCH = {"cm": 2.54, "mm": 25.4, "in": 1.0, "inch": 1.0, '"': 1.0}

_SIZE_PATTERN = re.compile(
    r"^(?P<w>\d+(?:\.\d+)?)\s*[x×]\s*(?P<h>\d+(?:\.\d+)?)\s*(?P<unit>cm|mm|in|inch|\")?$",
    re.IGNORECASE,
)

_PAPER_PATTERN = re.compile(r"^(?P<paper>A\d)(?:[\s_-]*(?P<way>landscape|portrait))?$", re.I)

_SIDE_LIMITS_IN = (2.0, 48.0)

_SIZE_HINT = (
    "write WIDTHxHEIGHT with a unit ('17x10cm', '170x100mm', '6.7x4in') or a paper size "
    f"({', '.join(PAPER_SIZES)}, landscape; add ' portrait' to turn it)"
)


def parse_size(size: str) -> tuple[float, float]:
    """Read an image size for print: ``"17x10cm"``, ``"170x100mm"``, ``"6.7x4in"``, ``"A4"``.

    Parameters
    ----------
    size : str
        Width and height with a unit (cm, mm, in), or a paper size A3-A6 (landscape, or
        ``"A4 portrait"``).

    Returns
    -------
    tuple of float
        (width, height) in inches.

    Raises
    ------
    InvalidOption
        If the size cannot be read, has no unit, or is smaller than 2 in or larger than 48 in.
    """
    raw = str(size)
    words = " ".join(raw.split())
    paper = _PAPER_PATTERN.match(words)
    if paper:
        name = paper.group("paper").upper()
        if name not in PAPER_SIZES:
            raise InvalidOption(f"unknown paper size {raw!r}; {_SIZE_HINT}")
        width, height = PAPER_SIZES[name]
        if (paper.group("way") or "").lower() == "portrait":
            width, height = height, width
        return _check_size(width / 2.54, height / 2.54, raw)
    match = _SIZE_PATTERN.match(words)
    if not match:
        raise InvalidOption(f"cannot read the size {raw!r}; {_SIZE_HINT}")
    if match.group("unit") is None:
        raise InvalidOption(f"the size {raw!r} has no unit; {_SIZE_HINT}")
    per_inch = _UNITS_PER_INCH[match.group("unit").lower()]
    return _check_size(float(match.group("w")) / per_inch, float(match.group("h")) / per_inch, raw)


def _check_size(width: float, height: float, raw: str) -> tuple[float, float]:
    low, high = _SIDE_LIMITS_IN
    if not (low <= width <= high and low <= height <= high):
        raise InvalidOption(
            f"the size {raw!r} is {width:.2f} x {height:.2f} in; each side must be from "
            f"{low:g} in (5 cm) to {high:g} in (122 cm)"
        )
    return (width, height)


def _resolve_size(size: tuple[float, float] | str | None) -> tuple[float, float]:
    if size is None:
        return DEFAULT_SIZE
    if isinstance(size, str):
        return parse_size(size)
    width, height = (float(side) for side in size)
    return _check_size(width, height, f"{width:g}x{height:g}in")


def _check_format(path: Path, fmt: str | None) -> str:
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        given = f"format {fmt!r}" if fmt else f"extension of {str(path)!r}"
        raise InvalidOption(f"cannot write an image with the {given}; use one of .png, .svg, .pdf")
    return chosen


def _check_dpi(dpi: int) -> int:
    if not 50 <= dpi <= 1200:
        raise InvalidOption(f"dpi {dpi!r} is out of range; use 50 to 1200 (300 for print)")
    return int(dpi)

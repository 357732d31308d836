"""The page of a static image: its size, its type sizes and the title block at its top.

Sizes are given in inches to matplotlib; people give them in cm, mm, inches or as a paper size.
Everything is measured at :data:`LAYOUT_DPI`, so the layout is the same at any output resolution.
A page in a right-to-left language (Arabic) is mirrored: its lines of words start at the right
margin (:attr:`Page.start`, :attr:`Page.align`); the map itself is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from opmap.errors import InvalidOption
from opmap.i18n import format_fixed, format_tenths
from opmap.style import MUTED_TEXT_COLOR, TEXT_COLOR
from opmap.words import join_names, text

#: 17 x 10 cm: the text width of an A4 page, in inches.
DEFAULT_SIZE = (17 / 2.54, 10 / 2.54)
#: Paper sizes in cm, landscape.
PAPER_SIZES = {"A3": (42.0, 29.7), "A4": (29.7, 21.0), "A5": (21.0, 14.8), "A6": (14.8, 10.5)}
LAYOUT_DPI = 100

# Type sizes in points at the default 17 cm width; larger pages scale them up a little.
TITLE_PT = 10.0
SUBTITLE_PT = 7.5
LEGEND_PT = 7.0
LABEL_PT = 6.5
COUNTRY_PT = 6.0
NOTE_PT = 6.5
SOURCE_PT = 6.0
MARGIN_IN = 0.1

_UNITS_PER_INCH = {"cm": 2.54, "mm": 25.4, "in": 1.0, "inch": 1.0, '"': 1.0}
_SIZE_PATTERN = re.compile(
    r"^(?P<w>\d+(?:\.\d+)?)\s*[x×]\s*(?P<h>\d+(?:\.\d+)?)\s*(?P<unit>cm|mm|in|inch|\")?$",
    re.IGNORECASE,
)
_PAPER_PATTERN = re.compile(r"^(?P<paper>A\d)(?:[\s_-]*(?P<way>landscape|portrait))?$", re.I)
_SIDE_LIMITS_IN = (2.0, 48.0)
#: A map (or a period's map) narrower or lower than this, in inches, is refused: 1.3 cm.
MIN_MAP_IN = 0.5


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
            raise InvalidOption(text("size_unknown_paper", size=raw, hint=_size_hint()))
        width, height = PAPER_SIZES[name]
        if (paper.group("way") or "").lower() == "portrait":
            width, height = height, width
        return _check_size(width / 2.54, height / 2.54, raw)
    match = _SIZE_PATTERN.match(words)
    if not match:
        raise InvalidOption(text("size_unreadable", size=raw, hint=_size_hint()))
    if match.group("unit") is None:
        raise InvalidOption(text("size_no_unit", size=raw, hint=_size_hint()))
    per_inch = _UNITS_PER_INCH[match.group("unit").lower()]
    return _check_size(float(match.group("w")) / per_inch, float(match.group("h")) / per_inch, raw)


def resolve_size(size: tuple[float, float] | str | None) -> tuple[float, float]:
    """Return (width, height) in inches for a size given in inches, as text, or not at all."""
    if size is None:
        return DEFAULT_SIZE
    if isinstance(size, str):
        return parse_size(size)
    width, height = (float(side) for side in size)
    return _check_size(width, height, f"{width:g}x{height:g}in")


def _check_size(width: float, height: float, raw: str) -> tuple[float, float]:
    low, high = _SIDE_LIMITS_IN
    if not (low <= width <= high and low <= height <= high):
        sides = {"width": format_fixed(width, 2), "height": format_fixed(height, 2)}
        raise InvalidOption(
            text("size_out_of_range", size=raw, **sides, low=f"{low:g}", high=f"{high:g}")
        )
    return (width, height)


def _size_hint() -> str:
    return text("size_hint", papers=join_names(PAPER_SIZES))


@dataclass(frozen=True)
class Page:
    """A figure's size and the measuring helpers every layout needs."""

    figure: Figure
    width: float
    height: float
    scale: float
    margin: float

    @classmethod
    def of(cls, figure: Figure) -> Page:
        """Measure ``figure``; type grows with pages wider than 17 cm, up to 1.8 times."""
        width, height = figure.get_size_inches()
        scale = min(max(width / DEFAULT_SIZE[0], 1.0), 1.8)
        return cls(figure, width, height, scale, MARGIN_IN * scale)

    def inches(self, artist) -> Bbox:
        """Return an artist's extent in inches from the figure's lower left corner."""
        renderer = self.figure.canvas.get_renderer()
        return artist.get_window_extent(renderer).transformed(
            self.figure.dpi_scale_trans.inverted()
        )

    @property
    def rtl(self) -> bool:
        """Whether the page reads right to left (Arabic): its words start at the right."""
        from opmap.i18n import is_rtl

        return is_rtl()

    @property
    def start(self) -> float:
        """The inch from the left where lines of words start: the left margin, or the right."""
        return self.width - self.margin if self.rtl else self.margin

    @property
    def align(self) -> str:
        """The horizontal alignment of a line of words that starts at :attr:`start`."""
        return "right" if self.rtl else "left"

    def check_room(self, width: float, height: float, least: float = MIN_MAP_IN) -> None:
        """Refuse to draw a map in ``width`` x ``height`` inches, under ``least`` a side.

        That is the room the title, legend and notes leave a map: a page too small leaves
        little, none, or less than none (matplotlib then refuses the axes with a traceback).
        """
        if min(width, height) < least or min(width, height) <= 0:
            raise self.no_room()

    def no_room(self) -> InvalidOption:
        """Return the error of a page too small for its map: "choose a larger --size"."""
        width, height = format_tenths(self.width * 2.54), format_tenths(self.height * 2.54)
        return InvalidOption(text("image_no_room", width=width, height=height))

    def add_axes(self, box, gid: str, least: float = 0.0) -> Axes:
        """Add an axes at ``box`` (left, bottom, width, height in inches) named ``gid``.

        Refused (:meth:`check_room`) under ``least`` inches a side: a map passes
        :data:`MIN_MAP_IN`; a legend column or an inset is refused only with no room at all.
        """
        left, low, width, height = box
        self.check_room(width, height, least)
        ax = self.figure.add_axes(
            (*self.fig_xy(left, low), width / self.width, height / self.height)
        )
        ax.set_gid(gid)
        return ax

    def fig_xy(self, x_in: float, y_in: float) -> tuple[float, float]:
        """Return a point given in inches as figure fractions."""
        return x_in / self.width, y_in / self.height


def draw_header(page: Page, title_text: str, subtitle_text: str) -> float:
    """Write the title and subtitle at the top left (right in Arabic); return the height below.

    A title too long for the page wraps onto a second line rather than running off it.
    """
    scale = page.scale
    title = _fitted_text(
        page, page.height - page.margin, title_text, TITLE_PT * scale, TEXT_COLOR, "title", "bold"
    )
    top = page.inches(title).y0 - 0.03 * scale
    if not subtitle_text:
        return top
    subtitle = _fitted_text(
        page, top, subtitle_text, SUBTITLE_PT * scale, MUTED_TEXT_COLOR, "subtitle", "normal"
    )
    return page.inches(subtitle).y0


def _fitted_text(page: Page, top: float, words: str, size: float, color, gid, weight):
    """Write ``words`` from ``top`` at the margin they start from, wrapped to the page's width."""
    artist = page.figure.text(
        *page.fig_xy(page.start, top),
        words,
        fontsize=size,
        fontweight=weight,
        va="top",
        ha=page.align,
        color=color,
        gid=gid,
    )
    return fit_to_page(page, artist)


def fit_to_page(page: Page, artist, least: int = 20):
    """Wrap a text artist's words until it is no wider than the page within its margins.

    Lines keep at least ``least`` characters: a word longer than the page still runs past it.
    Returns the artist.
    """
    import textwrap

    words = artist.get_text()
    available = page.width - 2 * page.margin
    per_line = len(words)
    while page.inches(artist).width > available and per_line > least:
        per_line = max(least, int(per_line * available / page.inches(artist).width) - 1)
        artist.set_text(textwrap.fill(words, per_line))
    return artist

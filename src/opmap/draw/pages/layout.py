"""What the page templates are given: tables of cells, and the parts every page shares.

The pages are templates under ``opmap/draw/templates/pages/``; the modules of this package only
lay decided data out as these small records and call :func:`render_page`. Text is never escaped
here: the template environment escapes everything it prints.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from opmap.draw.assets import asset_text
from opmap.draw.templates import render
from opmap.i18n import current_language, is_rtl
from opmap.words import STRINGS, generated_line, text


@dataclass(frozen=True)
class Thumbnail:
    """A small map under a row's name: linked to the interactive map, or captioned if none."""

    src: str
    alt: str
    href: str | None = None
    title: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Cell:
    """One table cell: text, optionally a link, a folded list (``items``) or a small map.

    ``lang`` marks text from the data written in another language than the page's (an English
    summary on a French page), so it is read aloud as what it is.
    """

    text: str = ""
    href: str | None = None
    external: bool = False
    items: tuple[str, ...] = ()
    thumbnail: Thumbnail | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Column:
    """A column: its heading, and its class (``num`` right-aligns, ``years``, ``source``...)."""

    label: str
    css: str = ""


@dataclass(frozen=True)
class Row:
    """A row of cells, the first one its header; ``total`` marks the all-regions row."""

    cells: tuple[Cell, ...]
    total: bool = False


@dataclass(frozen=True)
class PageTable:
    """A table as ``pages/table.html`` draws it."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    css: str = ""


class Words(Mapping):
    """The words of :data:`opmap.words.STRINGS` in the current language: ``words.briefing_map``."""

    def __getitem__(self, key: str) -> str:
        return text(key)

    def __iter__(self) -> Iterator[str]:
        return iter(STRINGS)

    def __len__(self) -> int:
        return len(STRINGS)


def render_page(template: str, *, page: str, generated: date, **context: object) -> str:
    """Render a page of the pack with what every page shares: words, CSS, the dated footer.

    Parameters
    ----------
    template : str
        ``"pages/briefing.html"`` or ``"pages/coverage.html"``.
    page : str
        A short name for the page's CSS (``briefing``, ``coverage``).
    generated : datetime.date
        The date the footer says the page was made.
    **context
        The page's own variables (``title``, ``heading`` and what its template reads).

    Returns
    -------
    str
    """
    return render(
        template,
        lang=current_language(),
        rtl=is_rtl(),
        page=page,
        words=Words(),
        # The stylesheet is a file of the package, not data: it is inlined as it is.
        css=Markup(asset_text("page.css")),
        generated_line=generated_line(generated),
        **context,
    )

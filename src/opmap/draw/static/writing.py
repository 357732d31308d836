"""Writing a static figure to PNG, SVG or PDF: atomically, reproducibly, with its metadata.

- SVG keeps its text as ``<text>`` (``svg.fonttype: none``) with a named font stack
  (:data:`opmap.style.FONT_STACK`), so a designer can edit a word; element ids are hashed with
  a fixed salt, so the same input gives the same bytes.
- PDF is plain PDF 1.4, not PDF/A: matplotlib writes no XMP metadata or output intent, which
  PDF/A requires. Fonts are embedded whole as TrueType (``pdf.fonttype: 42``), so text can be
  selected and searched; the document information carries title, author, subject, keywords and a
  creation date (``SOURCE_DATE_EPOCH`` when set, else the date the map says it was generated).
- PNG carries no software tag and no timestamp.
- Arabic is written as it is read: matplotlib (3.11 and later) lays text out with libraqm, which
  joins Arabic letters and orders a right-to-left line itself, offline, with DejaVu Sans (shipped
  with matplotlib). Text is never pre-shaped: that put every Arabic line back to front, and an
  SVG's ``<text>`` holds the words a designer and a browser expect.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from opmap.errors import InvalidOption
from opmap.style import FONT_STACK
from opmap.words import text

FORMATS = ("png", "svg", "pdf")
DEFAULT_DPI = 300

#: rcParams that hold while a static image is laid out and written. They are global, so drawing
#: and writing take a lock (a re-entrant one: writing happens inside drawing's context).
STYLE_RC = {
    "font.family": "sans-serif",
    "font.sans-serif": list(FONT_STACK),
    "svg.fonttype": "none",
    "svg.hashsalt": "opmap",
    "pdf.fonttype": 42,
    # Labels are placed at 100 dpi and written at 300. Hinted, small text is up to 17% narrower
    # at 100 dpi than at 300 (Arabic most): names placed apart ran together on paper
    # ("فيتنامروسيا"). Unhinted, a text is the same width at every resolution (within 0.2%).
    "text.hinting": "no_hinting",
    # Names, titles and summaries come from the user's CSV and options: a "$" in them is money,
    # not TeX. Parsed as mathtext, "Paid $5 and $10" lost its words and "$\\foo$" crashed.
    "text.parse_math": False,
}
_RC_LOCK = threading.RLock()


@dataclass(frozen=True)
class DocumentInfo:
    """What a PDF or SVG says about itself: its title, author, subject and creation date."""

    title: str
    subject: str = ""
    author: str = "opmap"
    created: date | None = None


@contextlib.contextmanager
def static_style() -> Iterator[None]:
    """Hold opmap's fonts and writer settings (and the lock that guards them) for a block."""
    with _RC_LOCK, mpl.rc_context(STYLE_RC):
        yield


def source_date_epoch() -> datetime | None:
    """Return the moment ``SOURCE_DATE_EPOCH`` gives (UTC), or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return None


def check_format(path: Path, fmt: str | None) -> str:
    """Return the format to write: ``fmt``, else the extension of ``path``.

    Raises
    ------
    InvalidOption
        If neither is png, svg or pdf.
    """
    chosen = (fmt or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        if fmt:
            raise InvalidOption(text("image_bad_format", fmt=fmt))
        raise InvalidOption(text("image_bad_extension", path=str(path)))
    return chosen


def check_dpi(dpi: int) -> int:
    """Return ``dpi`` as an int; raise InvalidOption outside 50 to 1200."""
    if not 50 <= dpi <= 1200:
        raise InvalidOption(text("image_dpi", dpi=dpi))
    return int(dpi)


def save_figure(
    figure: Figure,
    path: str | os.PathLike,
    *,
    dpi: int = DEFAULT_DPI,
    fmt: str | None = None,
    info: DocumentInfo | None = None,
) -> Path:
    """Write a figure as a PNG, SVG or PDF file, all at once or not at all.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    path : str or path-like
        Output file; its folder is created if missing.
    dpi : int, default 300
    fmt : {"png", "svg", "pdf"}, optional
        Format; by default the extension of ``path`` decides.
    info : DocumentInfo, optional
        Title, author, subject and date for the PDF's document information and the SVG's
        metadata; none are written without it.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    InvalidOption
        For an unknown format or a dpi below 50 or above 1200.
    OutputError
        If the file cannot be written.
    """
    from opmap.output import atomic_path

    path = Path(path)
    fmt = check_format(path, fmt)
    dpi = check_dpi(dpi)
    options = {"format": fmt, "dpi": dpi, "metadata": _metadata(fmt, info), "facecolor": "white"}
    with atomic_path(path) as temporary, open(temporary, "wb") as handle, static_style():
        if fmt != "svg":
            figure.savefig(handle, **options)
        else:  # its lines marked as they read before it is written: an Arabic name on any map
            drawn = io.StringIO()
            figure.savefig(drawn, **options)
            handle.write(xml_characters(right_to_left_lines(drawn.getvalue())).encode("utf-8"))
    return path


#: Characters no XML 1.0 document may hold, not even escaped: the C0 controls but tab and line
#: ends, U+FFFE, U+FFFF and lone surrogates. matplotlib writes them as they are.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_characters(svg: str) -> str:
    """Return ``svg`` without the characters XML forbids, so that every viewer can open it.

    A name from a boundaries file or a ``--title`` may hold a control character, and a CSV cell
    U+FFFF (the readers remove control characters from the operations only): one such character
    in a ``<text>`` made the whole SVG unreadable ("not well-formed") to browsers and editors.
    """
    return _NOT_XML.sub("", svg)


#: A ``<text>`` element as matplotlib writes it with ``svg.fonttype: none``: its style, its
#: other attributes and its words (escaped), on one line.
_SVG_TEXT = re.compile(r'<text style="([^"]*)"([^>]*)>([^<]*)</text>')
_ANCHORS = {"text-anchor: start": "text-anchor: end", "text-anchor: end": "text-anchor: start"}
_ISOLATES, _POP = "\u2066\u2067\u2068", "\u2069"


def right_to_left_lines(svg: str) -> str:
    """Mark each line of text that reads right to left as such, where matplotlib placed it.

    matplotlib lays a line out as the Unicode algorithm does (libraqm: its first strong letter
    sets its direction), but writes every ``<text>`` for a left-to-right reader: an SVG viewer
    put "Natural Earth" first in "المصدر: …؛ الحدود: Natural Earth". A line whose first strong
    letter is Arabic gets ``direction: rtl``, and its anchor swapped so it covers the same span.
    """

    def mark(match: re.Match) -> str:
        style, rest, words = match.groups()
        if not _reads_right_to_left(html.unescape(words)):
            return match.group(0)
        style = re.sub(r"text-anchor: (start|end)", lambda m: _ANCHORS[m.group(0)], style)
        return f'<text style="direction: rtl; {style}"{rest}>{words}</text>'

    return _SVG_TEXT.sub(mark, svg)


def _reads_right_to_left(words: str) -> bool:
    """Whether the first strong letter of ``words``, outside isolates, is right to left."""
    depth = 0
    for char in words:
        if char in _ISOLATES:
            depth += 1
        elif char == _POP:
            depth = max(depth - 1, 0)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL"):
                return True
            if kind == "L":
                return False
    return False


def _metadata(fmt: str, info: DocumentInfo | None) -> dict:
    if fmt == "png":
        return {"Software": None}
    if fmt == "svg":
        described = {"Title": info.title, "Description": info.subject} if info else {}
        return {"Date": None, "Creator": None, **described}
    if info is None:
        return {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    from opmap import __version__

    created = source_date_epoch() or (
        datetime(info.created.year, info.created.month, info.created.day, tzinfo=UTC)
        if info.created
        else None
    )
    return {
        "Title": info.title,
        "Author": info.author,
        "Subject": info.subject,
        "Keywords": text("pdf_keywords"),
        "Creator": f"opmap {__version__}",
        "Producer": None,
        "CreationDate": created,
        "ModDate": None,
    }

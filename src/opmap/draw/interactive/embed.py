"""The ``<iframe>`` snippet that puts an embed-mode map into another page.

The embedded map fills its container (100% wide); the snippet gives the frame its height from an
aspect ratio, so it reads the same on a phone and on a wide intranet page. The frame is the
template ``pages/iframe.html``, which the briefing page includes too.
"""

from __future__ import annotations

from pathlib import Path

from opmap.draw.templates import render
from opmap.words import text

#: Width to height of the frame: a landscape map that still shows Africa whole on a phone.
ASPECT = (16, 10)


def iframe_snippet(src: str, title: str | None = None, aspect: tuple[int, int] = ASPECT) -> str:
    """Return the HTML to paste into a page to show a map.

    Parameters
    ----------
    src : str
        The map's address, relative to the page (``"map.html"``) or absolute.
    title : str, optional
        The frame's accessible name (default: the map's title from the strings table).
    aspect : (int, int), default (16, 10)
        Width and height ratio of the frame.

    Returns
    -------
    str
        One ``<iframe>`` element, 100% wide, its height set by ``aspect-ratio``.
    """
    return render("pages/iframe.html", frame=frame_context(src, title, aspect)).rstrip("\n")


def frame_context(
    src: str, title: str | None = None, aspect: tuple[int, int] = ASPECT
) -> dict[str, object]:
    """Return what ``pages/iframe.html`` draws a frame from (see :func:`iframe_snippet`)."""
    width, height = aspect
    return {"src": src, "title": title or text("embed_title"), "width": width, "height": height}


def snippet_path(map_path: Path | str) -> Path:
    """Return where the snippet of a map is written: ``map.html`` -> ``map.iframe.html``."""
    path = Path(map_path)
    return path.with_name(f"{path.stem}.iframe.html")


def write_snippet(map_path: Path | str) -> tuple[Path, str]:
    """Write the snippet for a map next to it (atomically); return its path and the snippet.

    The file's name is written as an address: ``desk #2.html`` is ``desk%20%232.html``, since
    a ``#``, ``?`` or ``%`` in a ``src`` cuts the name (the frame showed no map).
    """
    from urllib.parse import quote

    from opmap.output import write_text

    snippet = iframe_snippet(quote(Path(map_path).name))
    return write_text(snippet_path(map_path), snippet + "\n"), snippet

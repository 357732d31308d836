"""Scripts and styles of the pages, kept as real ``.js`` and ``.css`` files in the package.

They live in ``opmap/draw/assets/`` so that a linter can check them and a test can load each one
on its own in a browser; :func:`asset_text` reads one to inline it into a page at build time, so
every page stays one self-contained file.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

__all__ = ["asset_text", "compact_asset"]


@functools.cache
def asset_text(name: str) -> str:
    """Return the text of ``opmap/draw/assets/<name>`` (``"operations.js"``, ``"page.css"``).

    Parameters
    ----------
    name : str
        A file name under ``opmap/draw/assets/``.

    Returns
    -------
    str
    """
    return resources.files("opmap.draw").joinpath("assets", name).read_text(encoding="utf-8")


_COMMENT_LINE = re.compile(r"^\s*(/\*.*|\*.*|//.*)?$")


@functools.cache
def compact_asset(name: str) -> str:
    """Return an asset without its comment lines and indentation, to inline in every page.

    Only whole lines go: a line that is blank or a comment (``//``, ``/*``, `` * ``, ``*/``), and
    each line's leading spaces. The scripts and styles have no multi-line strings, so nothing
    else changes; the files themselves keep their comments for the people who read them.

    Parameters
    ----------
    name : str
        A file name under ``opmap/draw/assets/``.

    Returns
    -------
    str
    """
    lines = asset_text(name).splitlines()
    return "\n".join(line.strip() for line in lines if not _COMMENT_LINE.match(line))

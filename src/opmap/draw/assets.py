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
#: A comment after a script's statement, set apart by two spaces or more ("x = 1;  // why"):
#: no string of the scripts holds two spaces and "// " (tests/draw/test_assets.py checks).
_TRAILING_COMMENT = re.compile(r"(?<=\S)\s{2,}// .*$")


@functools.cache
def compact_asset(name: str) -> str:
    """Return an asset without its comment lines and indentation, to inline in every page.

    Only whole lines go: a line that is blank or a comment (``//``, ``/*``, `` * ``, ``*/``), and
    each line's leading spaces; in a script, a comment after a statement too. The scripts and
    styles have no multi-line strings, so nothing else changes; the files themselves keep their
    comments for the people who read them.

    Parameters
    ----------
    name : str
        A file name under ``opmap/draw/assets/``.

    Returns
    -------
    str
    """
    lines = [line for line in asset_text(name).splitlines() if not _COMMENT_LINE.match(line)]
    if name.endswith(".js"):
        lines = [_TRAILING_COMMENT.sub("", line) for line in lines]
    return "\n".join(line.strip() for line in lines)

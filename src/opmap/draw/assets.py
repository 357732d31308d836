"""Scripts and styles of the pages, kept as real ``.js`` and ``.css`` files in the package.

They live in ``opmap/draw/assets/`` so that a linter can check them and a test can load each one
on its own in a browser; :func:`asset_text` reads one to inline it into a page at build time, so
every page stays one self-contained file.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["asset_text"]


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

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


#: A comment after a script's statement, set apart by two spaces or more ("x = 1;  // why"):
#: no string of the scripts holds two spaces and "// " (tests/draw/test_assets.py checks).
_TRAILING_COMMENT = re.compile(r"(?<=\S)\s{2,}// .*$")
#: Spaces a stylesheet needs not: around its braces, semicolons and commas, and after a colon.
_CSS_PUNCTUATION = re.compile(r"\s*([{};,])\s*")
_CSS_AFTER_COLON = re.compile(r":\s+")


def _code_lines(lines: list[str]) -> list[str]:
    """Return the lines that are not blank or comments: ``//``, and ``/* ... */`` whole lines.

    A line starting with ``*`` is a comment's only inside one: ``* { box-sizing: border-box; }``
    is a rule (it was dropped as a comment, and page.css lost it).
    """
    kept, inside = [], False
    for line in lines:
        stripped = line.strip()
        if inside or stripped.startswith("/*"):
            inside = "*/" not in stripped
        elif stripped and not stripped.startswith("//"):
            kept.append(line)
    return kept


@functools.cache
def compact_asset(name: str) -> str:
    """Return an asset without its comment lines and indentation, to inline in every page.

    Only whole lines go: a line that is blank or a comment (``//``, ``/*``, `` * ``, ``*/``), and
    each line's leading spaces; in a script, a comment after a statement too. In a stylesheet the
    spaces around ``{ } ; ,`` and after ``:`` go as well (``a, b { color: red; }`` is
    ``a,b{color:red;}``); a space before ``:`` stays, as it may be a descendant combinator
    (``.in-words :is(th)``), and no stylesheet quotes a string holding those characters. The
    scripts and styles have no multi-line strings, so nothing else changes; the files themselves
    keep their comments and their spacing for the people who read them.

    Parameters
    ----------
    name : str
        A file name under ``opmap/draw/assets/``.

    Returns
    -------
    str
    """
    lines = _code_lines(asset_text(name).splitlines())
    if name.endswith(".js"):
        lines = [_TRAILING_COMMENT.sub("", line) for line in lines]
    if name.endswith(".css"):
        lines = [_CSS_AFTER_COLON.sub(":", _CSS_PUNCTUATION.sub(r"\1", line)) for line in lines]
    return "\n".join(line.strip() for line in lines)

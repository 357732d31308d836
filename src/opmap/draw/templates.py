"""The one Jinja2 environment of opmap's pages and page parts, with autoescaping on.

Templates live in ``opmap/draw/templates/`` and are found with the package loader, so an installed
opmap finds them from any folder. Escaping is the environment's default: a template never calls
``|e`` by hand, and text that is already markup must be marked with :class:`markupsafe.Markup`
by the code that made it.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

__all__ = ["environment", "render"]


@functools.cache
def environment() -> jinja2.Environment:
    """Return the shared environment (built once: templates are compiled once per process)."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("opmap.draw", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context: Any) -> str:
    """Render the template ``name`` (``"briefing.html"``) with ``context``.

    Parameters
    ----------
    name : str
        A file under ``opmap/draw/templates/``.
    **context
        The template's variables; a missing one is an error, never a silent blank.

    Returns
    -------
    str
    """
    return environment().get_template(name).render(**context)

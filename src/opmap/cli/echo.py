"""Lines for the terminal: words, never a control sequence from a file's or a folder's name.

A name can hold any character but "/" and NUL, and the lines name files ("Reading
evil<ESC>]0;x<BEL>.csv", "wrote ..."): on a terminal an escape sequence in it retitles,
recolours or rewrites the screen. Every line the command line prints goes through :func:`echo`,
which shows each control character as U+FFFD, so that the line stays words and says that
something was there. Tabs and line breaks are kept; the tables are made inert the same way when
they are built (:func:`opmap.decide.cells.terminal_text`).
"""

from __future__ import annotations

import re

import click

#: C0 and C1 control characters but tab and line feed.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(line: str) -> str:
    """Return ``line`` with every control character but tab and line feed shown as U+FFFD."""
    return _CONTROLS.sub("\ufffd", line)


def echo(message: str = "", *, err: bool = False) -> None:
    """Print ``message`` and a line feed, as :func:`click.echo`, inert (:func:`inert`)."""
    click.echo(inert(message), err=err)


def echo_note(note: str) -> None:
    """Print a note under a table, wrapped at 100 columns and made inert as its cells are.

    A note names places as the boundaries file names them: a name holding ``ESC ]0;...`` would
    retitle the terminal, so it goes through :func:`~opmap.decide.cells.terminal_text` too.
    """
    from opmap.decide.cells import terminal_text

    echo(click.wrap_text(terminal_text(note), width=100))

"""Lines for the terminal: words, never a control sequence from a file's or a folder's name.

A name can hold any character but "/" and NUL, and the lines name files ("Reading
evil<ESC>]0;x<BEL>.csv", "wrote ..."): on a terminal an escape sequence in it retitles,
recolours or rewrites the screen. Every line the command line prints goes through :func:`echo`,
which shows each control character as U+FFFD, so that the line stays words and says that
something was there. Tabs and line breaks are kept; the tables are made inert the same way when
they are built (:func:`opmap.decide.cells.terminal_text`).

Bidirectional controls are shown the same way: a right-to-left override in a name ("x<RLO>lmth.exe")
reverses what follows it on the screen, so a line would say something it does not. The one
exception is opmap's own isolates: an Arabic line sets each name or date apart with a first strong
isolate and its pop (:func:`opmap.words.isolated`), which only keep the name's direction to itself.
A pair stays as long as it is matched within the line; an isolate left open or a pop with nothing
to close is shown as U+FFFD.
"""

from __future__ import annotations

import re

import click

#: C0 and C1 control characters but tab and line feed; bidirectional embeddings, overrides and
#: the left-to-right and right-to-left isolates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066\u2067]")
#: A line break ends every isolate (UAX #9, rule X8): pairs are matched within a line.
_ISOLATES = re.compile("[\u2068\u2069\n]")
_REPLACEMENT = "\ufffd"


def inert(line: str) -> str:
    """Return ``line`` with every control character but tab and line feed shown as U+FFFD.

    Matched pairs of first strong isolate and pop (U+2068, U+2069) are kept (see the module).
    """
    return _matched_isolates(_CONTROLS.sub(_REPLACEMENT, line))


def _matched_isolates(line: str) -> str:
    """Show as U+FFFD each isolate left open at the end of its line and each pop with none open."""
    chars = list(line)
    open_at: list[int] = []
    for match in _ISOLATES.finditer(line):
        char = match.group()
        if char == "\u2068":
            open_at.append(match.start())
        elif char == "\u2069" and open_at:
            open_at.pop()
        else:  # a pop with nothing to close, or a line feed that leaves isolates open
            if char == "\u2069":
                chars[match.start()] = _REPLACEMENT
            for start in open_at:
                chars[start] = _REPLACEMENT
            open_at.clear()
    for start in open_at:
        chars[start] = _REPLACEMENT
    return "".join(chars)


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

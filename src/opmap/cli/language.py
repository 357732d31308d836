"""The command line in the language of ``--lang``: opmap's help, and click's own words.

``opmap map --lang fr --help`` and ``opmap map --lang fr --year x`` answer in French, as the map
does. Two kinds of words are involved:

- opmap's help (a command's paragraphs, an option's help and its placeholder, ``--out PATH``):
  the commands, options and arguments of this module hold keys of
  :mod:`opmap.command_words`, and word them with :func:`opmap.words.text` when click reads them,
  so in the language in force at that moment;
- click's own messages ("Usage:", "Error: Invalid value for '--year': ..."): click words them with
  the standard library's ``gettext``, whose language is the environment's. While a command runs,
  :func:`speak_to_click` points ``gettext`` at opmap's catalogs and sets that language.

A command finds ``--lang`` among its arguments before click reads them (:meth:`Command.parse_args`),
so the language is in force for ``--help`` and for a refused option wherever ``--lang`` stands
on the line. ``--lang all`` (build) and a ``--lang`` click refuses leave English.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

#: The languages opmap writes; repeated from opmap.i18n.LANGUAGES (a test keeps them equal) so
#: that `--help` stays instant.
LANGUAGE_CHOICES = ("en", "fr", "es", "ar")
#: click's messages are in opmap's catalogs, by their English with no context.
_DOMAIN = "opmap"
_LOCALES = Path(__file__).resolve().parent.parent / "locales"


def _word(key: str | None) -> str | None:
    from opmap.words import text

    return text(key) if key else key


def language_in(args: Sequence[str]) -> str | None:
    """Return the language a command line's ``--lang`` names, or None (none, or not one).

    Arguments after ``--`` are not options; a value click would refuse is left to click.
    """
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        return value if value in LANGUAGE_CHOICES else None
    return None


def speak_to_click(language: str) -> None:
    """Have click word its messages in ``language`` from now on (:func:`language_kept` ends it).

    Click asks ``gettext.gettext``, which reads the current text domain and the environment's
    ``LANGUAGE``: they are set to opmap's catalogs and ``language``. English has no catalog, so
    click's words stay its own. It lasts past the command's context on purpose: click shows a
    refused option, or a usage error raised by the command, after that context has closed.
    """
    gettext.bindtextdomain(_DOMAIN, str(_LOCALES))
    gettext.textdomain(_DOMAIN)
    os.environ["LANGUAGE"] = language


@contextlib.contextmanager
def language_kept() -> Iterator[None]:
    """Put back the language of opmap and of click after the block, however it ends.

    Around a whole command line (:meth:`WordedCommand.main`): a command refused while its
    options are read never closes its context, and click's language outlives it on purpose
    (:func:`speak_to_click`).
    """
    from opmap.i18n import current_language, use_language

    domain, before = gettext.textdomain(), os.environ.get("LANGUAGE")
    try:
        with use_language(current_language()):
            yield
    finally:
        gettext.textdomain(domain)
        if before is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = before


class _Worded:
    """Help (and a placeholder) held as keys of opmap.command_words, worded when read."""

    @property
    def help(self) -> str | None:
        return _word(self._help_key)

    @help.setter
    def help(self, key: str | None) -> None:
        self._help_key = key

    @property
    def metavar(self) -> str | None:
        return _word(self._metavar_key)

    @metavar.setter
    def metavar(self, key: str | None) -> None:
        self._metavar_key = key


class Option(_Worded, click.Option):
    """An option whose ``help`` and ``metavar`` are keys of :mod:`opmap.command_words`."""


class Argument(_Worded, click.Argument):
    """An argument whose ``metavar`` is a key of :mod:`opmap.command_words` (brackets in it)."""


class WordedCommand:
    """A command or group whose help is a key of :mod:`opmap.command_words`.

    The help is worded when read, and ``examples`` (commands, the same in every language)
    follow it.
    """

    def __init__(self, *args, examples: Sequence[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.examples = tuple(examples)

    @property
    def help(self) -> str | None:
        """Return the help in the language, with the examples after it."""
        words = _word(self._help_key)
        if words and self.examples:  # "\b": click prints the lines as they are
            words += "\n\n\b\n" + "\n".join(f"$ {example}" for example in self.examples)
        return words

    @help.setter
    def help(self, key: str | None) -> None:
        self._help_key = key

    @property
    def options_metavar(self) -> str:
        """Return "[OPTIONS]" in the language."""
        return _word("metavar_options")

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        pass  # always "[OPTIONS]", in the language

    def main(self, *args, **kwargs):
        """Run the command line; the language ``--lang`` sets lasts until its messages are out.

        Click shows an error after the command's context is gone, so the language is put back
        here, once click has shown it (:func:`language_kept`).
        """
        with language_kept():
            return super().main(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """Return ``--help``, its words in the language of this command line.

        Click words the option once, when a command first needs it, and keeps it: a second
        command line in the same process got the first one's language.
        """
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = gettext.gettext("Show this message and exit.")  # click's message
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """Return the first paragraph of the help, as ``opmap --help`` lists the command."""
        return (_word(self._help_key) or "").split("\n\n")[0]


class Command(WordedCommand, click.Command):
    """A command of opmap: worded help (:class:`WordedCommand`), and ``--lang`` read first."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Enter the language of ``--lang`` before click reads the arguments in it."""
        language = language_in(args)
        if language is not None:
            from opmap.i18n import use_language

            ctx.with_resource(use_language(language))
            speak_to_click(language)
        return super().parse_args(ctx, args)


class _NamedType:
    """A click type whose name ("'x' is not a valid whole number.") is worded when read."""

    name_key = "type_integer"

    @property
    def name(self) -> str:
        return _word(self.name_key)


class Integer(_NamedType, click.types.IntParamType):
    """A whole number, named in the language in click's messages."""


class IntRange(_NamedType, click.IntRange):
    """A whole number in a range, named in the language in click's messages."""


class FloatRange(_NamedType, click.FloatRange):
    """A number in a range, named in the language in click's messages."""

    name_key = "type_number"


#: ``type=INTEGER`` where click would take ``type=int``.
INTEGER = Integer()

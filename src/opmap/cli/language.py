"""The command line in the language of ``--lang``: opmap's help, and click's own words.

``opmap map --lang fr --help`` and ``opmap map --lang fr --year x`` answer in French, as the map
does. Two kinds of words are involved:

- opmap's help (a command's paragraphs, an option's help and its placeholder, ``--out PATH``):
  the commands, options and arguments of this module hold keys of
  :mod:`opmap.command_words`, and word them with :func:`opmap.words.text` when click reads them,
  so in the language in force at that moment;
- click's own messages ("Usage:", "Error: Invalid value for '--year': ..."): click words them with
  the standard library's ``gettext``, whose language is the environment's. While a command runs,
  :func:`_speak_to_click` points ``gettext`` at opmap's catalogs and sets that language.

A command finds ``--lang`` among its arguments before click reads them (:meth:`Command.parse_args`),
so the language is in force for ``--help`` and for a refused option wherever ``--lang`` stands
on the line; then the value click reads is entered (:func:`enter_language`, the option's
callback), and it is the one the command's outputs are worded in. ``--lang all`` (build) and a
``--lang`` click refuses leave English.

Click's language is the process's (the environment and ``gettext``'s text domain), not the
thread's: one command line runs at a time in a process, as ``opmap`` does.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path

import click

#: The languages opmap writes; repeated from opmap.i18n.LANGUAGES (a test keeps them equal) so
#: that `--help` stays instant.
LANGUAGE_CHOICES = ("en", "fr", "es", "ar")
#: click's messages are in opmap's catalogs, by their English with no context.
_DOMAIN = "opmap"
_LOCALES = Path(__file__).resolve().parent.parent / "locales"
#: Whether a command line runs inside :func:`language_kept`, which puts the language back.
_KEPT: ContextVar[bool] = ContextVar("opmap_cli_language_kept", default=False)


def _word(key: str | None) -> str | None:
    from opmap.words import text

    return text(key) if key else key


def language_in(args: Sequence[str]) -> str | None:
    """Return the language a command line's last ``--lang`` names, or None (none, or not one).

    Click keeps the last of a repeated option. Arguments after ``--`` are not options; a value
    click would refuse is left to click. It is a guess, made before click reads the line (in
    ``--title --lang`` the second is a title); :func:`enter_language` then enters what click read.
    """
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.removeprefix("--lang=")
    return found if found in LANGUAGE_CHOICES else None


def lang_after_command(args: Sequence[str]) -> list[str]:
    """Move a ``--lang`` given before the command's name to after it: it is the command's.

    ``opmap --lang fr map`` is ``opmap map --lang fr``: the pack, its pages and the command's
    messages are French. opmap's own options before the name are flags, so the name is the
    first argument that is not an option. With no command named, the line stays as it is (the
    group reads its ``--lang`` for its help).
    """
    moved: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--lang" and index + 1 < len(args):
            moved += args[index : index + 2]
            index += 2
        elif arg.startswith("--lang="):
            moved.append(arg)
            index += 1
        elif arg == "--" or not arg.startswith("-"):
            break
        else:
            rest.append(arg)
            index += 1
    if not moved or index == len(args) or args[index] == "--":
        return list(args)
    return [*rest, args[index], *moved, *args[index + 1 :]]


def enter_language(ctx: click.Context, language: str) -> None:
    """Word the command's outputs and messages, and click's, in ``language`` from now on.

    Within a command line (:meth:`WordedCommand.main`) it is not tied to the command's context:
    click shows a usage error the command raised after that context has closed, and its usage
    line is worded then; :func:`language_kept`, around the whole command line, puts the
    language back. A command's context made some other way (``command.make_context(...)``)
    puts it back when it closes.
    """
    from opmap.i18n import use_language

    if not _KEPT.get():
        ctx.with_resource(_language_restored())
    use_language(language).__enter__()  # a LanguageBlock may be left unclosed (its docstring)
    _speak_to_click(language)


def _speak_to_click(language: str) -> None:
    """Have click word its messages in ``language`` from now on (:func:`language_kept` ends it).

    Click asks ``gettext.gettext``, which reads the current text domain and the environment's
    ``LANGUAGE``: they are set to opmap's catalogs and ``language``. English has no catalog, so
    click's words stay its own.
    """
    gettext.bindtextdomain(_DOMAIN, str(_LOCALES))
    gettext.textdomain(_DOMAIN)
    os.environ["LANGUAGE"] = language


@contextlib.contextmanager
def language_kept() -> Iterator[None]:
    """Put back the language of opmap and of click after the block, however it ends.

    Around a whole command line (:meth:`WordedCommand.main`): a command refused while its
    options are read never closes its context, and click's language outlives it on purpose
    (:func:`_speak_to_click`).
    """
    token = _KEPT.set(True)
    try:
        with _language_restored():
            yield
    finally:
        _KEPT.reset(token)


@contextlib.contextmanager
def _language_restored() -> Iterator[None]:
    """Put back opmap's language, ``gettext``'s text domain and ``LANGUAGE`` afterwards."""
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


def short_help(key: str) -> str:
    """Return the first paragraph of a command's help, as ``opmap --help`` lists the command."""
    return _word(key).split("\n\n")[0]


def _key(key: str | None) -> str | None:
    """Return ``key``, a key of :mod:`opmap.command_words` (or None), or refuse it at once.

    ``help="Number of things."`` would otherwise fail only when someone asks for ``--help``.
    """
    from opmap.command_words import STRINGS

    if key is not None and key not in STRINGS:
        raise KeyError(f"{key!r} is not a key of opmap.command_words: add the words there")
    return key


def _keyed(name: str) -> property:
    """Return a click attribute (``help``, ``metavar``) set as a key of opmap.command_words.

    It is worded when read; the key is kept as ``_<name>_key``.
    """
    attribute = f"_{name}_key"

    def words(self) -> str | None:
        return _word(getattr(self, attribute))

    def set_key(self, key: str | None) -> None:
        setattr(self, attribute, _key(key))

    return property(words, set_key, doc=f"The {name} in the language.")


def fixed_words(key: str, default: str) -> property:
    """Return a click attribute opmap always words as ``key``; click may set only ``default``.

    Click's ``__init__`` sets ``options_metavar`` ("[OPTIONS]") and ``subcommand_metavar``;
    another value would be dropped without a word, so it is refused.
    """

    def words(self) -> str:
        return _word(key)

    def refuse_other(self, value: str | None) -> None:
        if value not in (None, default):
            raise ValueError(f"opmap words {default!r} as {key!r} of opmap.command_words")

    return property(words, refuse_other, doc=f"{default!r} in the language.")


class _Worded:
    """Help (and a placeholder) held as keys of opmap.command_words, worded when read."""

    help = _keyed("help")
    metavar = _keyed("metavar")


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
        self._help_key = _key(key)

    options_metavar = fixed_words("metavar_options", "[OPTIONS]")

    def main(self, *args, **kwargs):
        """Run the command line; the language ``--lang`` sets lasts until its messages are out.

        Click shows an error after the command's context is gone, so the language is put back
        here, once click has shown it (:func:`language_kept`).
        """
        with language_kept():
            return super().main(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Enter the language of ``--lang`` before click reads the arguments in it.

        So ``--help --lang fr`` is French, and click's words about a refused option too.
        """
        language = language_in(args)
        if language is not None:
            enter_language(ctx, language)
        return super().parse_args(ctx, args)

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
        """Return the first paragraph of the help (whole: ``limit`` is click's, for English)."""
        return short_help(self._help_key) if self._help_key else ""


class Command(WordedCommand, click.Command):
    """A command of opmap: worded help, and ``--lang`` read first (:class:`WordedCommand`)."""


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
    """A number in a range, named in the language in click's messages, typed as it writes one.

    ``--max-size 0,5`` in French is half a megabyte: opmap writes decimals so (``118,11
    pouces``), and refused them when read.
    """

    name_key = "type_number"

    def convert(self, value, param, ctx):
        """Read ``value``, with the decimal sign of the language (:func:`decimal_point`)."""
        from opmap.i18n import decimal_point

        if isinstance(value, str):
            value = decimal_point(value.strip())
        return super().convert(value, param, ctx)


#: ``type=INTEGER`` where click would take ``type=int``.
INTEGER = Integer()

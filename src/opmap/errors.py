"""Errors raised by opmap.

Every error opmap raises for bad input derives from :class:`OpmapError` and also from the builtin
it is (as ``rasterio/errors.py`` does), so callers can catch either. The CLI turns an
``OpmapError`` into its message and exit code 1; nothing here knows about click. Messages are
worded in the language of the run (:mod:`opmap.problem_words`), when the error is made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from opmap.problem_words import REASONS
from opmap.words import plural, quoted_names, text


class OpmapError(Exception):
    """Root of every error opmap raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file.

    Parameters
    ----------
    file : str
        The file as the user named it.
    line : int or None
        1-based physical line of the record (the header is line 1), or None for the whole file.
    column : str or None
        The column the problem is in, or None.
    message : str
        What is wrong and, where there is one, how to fix it.
    value : str or None
        The raw value as read from the file.
    severity : {"error", "warning"}
        Errors stop the run; warnings are reported and the run goes on.
    """

    file: str
    line: int | None
    column: str | None
    message: str
    value: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where + ":"]
        if self.severity == "warning":
            parts.append(text("problem_warning"))
        if self.column is not None:
            parts.append(text("problem_column", column=self.column))
        words = " ".join(parts) + " " + self.message
        if self.value is not None:
            words += text("problem_got", value=self.value)
        return words


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Return ``problems`` as the file reads: by line, the whole file's first; ties keep order.

    The readers, validate and the cross-checks tell problems found in several passes (the
    header, the rows, the boundaries) in the order a reader meets them in the file.
    """
    return sorted(problems, key=lambda problem: problem.line or 0)


class InvalidInput(OpmapError, ValueError):
    """An input file has one or more errors; ``problems`` lists them all."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        count = len(errors)
        lines = [str(p) for p in self.problems]
        super().__init__(plural("problem_errors", count) + "\n" + "\n".join(lines))


class InvalidOperations(InvalidInput):
    """The operations CSV has errors."""


class InvalidRegions(InvalidInput):
    """A user region file (``iso3,region``) has errors."""


class InvalidUniverse(InvalidInput):
    """A list of states to count coverage over (``--universe``) has errors."""


class UnknownCountry(OpmapError, LookupError):
    """A country name or code that cannot be placed (or could be more than one country)."""

    def __init__(self, name: str, suggestions: Iterable[str] = (), reason: str = "unknown country"):
        self.name = name
        self.suggestions = list(suggestions)
        self.reason = reason
        super().__init__(text("country_refused", name=self._describe(), advice=self._advice()))

    def _describe(self) -> str:
        return f"{_reason(self.reason)} {self.name!r}"

    def _advice(self) -> str:
        if self.suggestions:
            return text("country_did_you_mean", names=quoted_names(self.suggestions))
        return text("country_use_iso")

    def in_resolve(self) -> str:
        """Return the message for ``opmap resolve``, whose advice cannot be to run it."""
        advice = self._advice()
        if advice == text("country_use_iso"):
            advice = text("resolve_use_iso")
        return text("country_refused", name=self._describe(), advice=advice)


class NotACountry(UnknownCountry):
    """A place that is not a country: a region, a group of countries, part of a country.

    ``reason`` says what it is ("is a region, not a country"); the message starts with the name.
    """

    def _describe(self) -> str:
        return f"{self.name!r} {_reason(self.reason)}"

    def _advice(self) -> str:
        if self.suggestions:
            return super()._advice()
        return text("country_name_participants")


class UnknownArea(OpmapError, LookupError):
    """An area ("West Africa") that is no region or subregion opmap knows."""

    def __init__(self, name: str, suggestions: Iterable[str] = (), reason: str = "unknown area"):
        self.name = name
        self.suggestions = list(suggestions)
        self.reason = reason
        message = text("area_unknown", reason=_reason(reason), name=name)
        if self.suggestions:
            message += text("area_did_you_mean", names=quoted_names(self.suggestions))
        else:
            message += text("area_example")
        super().__init__(message)


def _reason(reason: str) -> str:
    """Word a reader's reason ("unknown country") in the language of the run."""
    return text(REASONS[reason]) if reason in REASONS else reason


class InvalidFigure(OpmapError, ValueError):
    """A figure ("nearly 350", "1,426") that cannot be read."""


class InvalidOption(OpmapError, ValueError):
    """An option value that makes no sense for the data (a year with no operations, say)."""


class OutputError(OpmapError, OSError):
    """An output could not be written."""


class StepStopped(OpmapError, RuntimeError):
    """A build step run in a second process ended without a word (killed, out of memory)."""

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        self.exit_code = exit_code

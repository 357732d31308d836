"""Bring the message catalogs in line with opmap.words, then compile them.

    python scripts/update_catalogs.py           # update .pot and .po files, compile .mo files
    python scripts/update_catalogs.py --check   # exit 1 if any of them is out of date

The English words are the tables of ``src/opmap/words.py`` (:data:`~opmap.words.STRINGS`, and
:data:`~opmap.words.PLURALS` for words that depend on a number), then those of
``src/opmap/problem_words.py`` (the messages about bad input, in the same two forms), then the
command line's help (``src/opmap/command_words.py``); each key is the message context, so two
identical English words used in two places can be translated differently. Last come the
messages of click that opmap's commands show, with no context: click looks them up by their
English (:data:`opmap.command_words.CLICK`). The template ``src/opmap/locales/opmap.pot``
lists them; each ``<lang>/LC_MESSAGES/opmap.po`` keeps its translations (a changed English text
marks its translation fuzzy, and a fuzzy or empty one is a test failure), and ``opmap.mo`` is
compiled from it with Babel. Same input, same bytes: the dates in the headers are fixed.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from opmap import command_words, problem_words
from opmap.i18n import DEFAULT_LANGUAGE, LANGUAGES
from opmap.words import PLURALS, STRINGS

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "src" / "opmap" / "locales"
#: Headers carry this date, so that the files change only when their messages do.
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = "Message catalog of opmap. Translations written by hand for this domain's terms."


def _catalog(locale: str | None) -> Catalog:
    return Catalog(
        locale=locale,
        domain="opmap",
        project="opmap",
        version="catalog 1",
        header_comment=f"# {HEADER}",
        copyright_holder="opmap",
        msgid_bugs_address="the opmap developers",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        charset="utf-8",
        last_translator="opmap",
        language_team=f"opmap {locale}" if locale else "opmap",
        fuzzy=False,
    )


def template() -> Catalog:
    """Return the catalog of every English message: opmap.words', problem_words', command_words'."""
    catalog = _catalog(None)
    for strings, plurals in ((STRINGS, PLURALS), (problem_words.STRINGS, problem_words.PLURALS)):
        for key, words in strings.items():
            catalog.add(words, context=key)
        for key, forms in plurals.items():
            catalog.add(forms, context=key)
    for key, words in command_words.STRINGS.items():
        catalog.add(words, context=key)
    # click's own messages: click looks them up by their English, with no context
    for words in command_words.CLICK:
        catalog.add(words)
    for forms in command_words.CLICK_PLURALS:
        catalog.add(forms)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, include_previous=True)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def updated_files() -> dict[Path, bytes]:
    """Return every catalog file as it should be, by path."""
    pot = template()
    files = {LOCALES / "opmap.pot": _po_bytes(pot)}
    for language in LANGUAGES:
        if language == DEFAULT_LANGUAGE:
            continue
        po_path = LOCALES / language / "LC_MESSAGES" / "opmap.po"
        if po_path.exists():
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=language, domain="opmap")
        else:
            catalog = _catalog(language)
        catalog.update(pot, no_fuzzy_matching=True, update_header_comment=True)
        catalog.obsolete.clear()
        catalog.fuzzy = False  # the header: a fuzzy header is left out of the .mo, plurals with it
        catalog.last_translator = "opmap"
        catalog.language_team = f"opmap {language}"
        catalog.revision_date = FIXED_DATE
        catalog.creation_date = FIXED_DATE
        files[po_path] = _po_bytes(catalog)
        files[po_path.with_suffix(".mo")] = _mo_bytes(catalog)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    stale = []
    for path, content in updated_files().items():
        if path.exists() and path.read_bytes() == content:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in stale:
        verb = "out of date" if args.check else "written"
        print(f"{path.relative_to(REPO)}: {verb}", file=sys.stderr)
    if args.check and stale:
        print("run: python scripts/update_catalogs.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The page that links the packs of ``opmap build --lang all``, one per language.

Each pack is named in its own language ("Français", "العربية") and introduced by its own title,
each marked with its language and direction, so a reader finds theirs whatever they read.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from opmap.draw.assets import asset_text
from opmap.draw.templates import render
from opmap.i18n import is_rtl, language_name, use_language
from opmap.words import text

__all__ = ["render_languages"]


def render_languages(packs: Mapping[str, str]) -> str:
    """Return the page linking each language's pack as HTML text.

    Parameters
    ----------
    packs : mapping of str to str
        Language code -> relative path of that language's briefing page, in the order to list.

    Returns
    -------
    str
    """
    entries = []
    for language, href in packs.items():
        with use_language(language):
            entries.append(
                {
                    "lang": language,
                    "dir": "rtl" if is_rtl(language) else "ltr",
                    "name": language_name(language),
                    "title": text("briefing_title"),
                    "choose": text("languages_choose"),
                    "href": href,
                }
            )
    return render("pages/languages.html", entries=entries, css=Markup(asset_text("languages.css")))

"""Build opmap's list of ISO 639 language codes from pycountry.

Writes ``src/opmap/data/language_codes.txt``: every ISO 639-1 (two-letter) and ISO 639-3
(three-letter) code pycountry knows, one a line, sorted. A record's ``language`` cell is checked
against it (:mod:`opmap.read.operation_cells`), so reading one does not load pycountry's
database of some 8,000 languages (about 0.15 s of every run). The same pycountry gives the same
bytes; a test checks the bundled file is what this script writes now (run it again after
upgrading pycountry).

Usage::

    $ python scripts/build_language_codes.py [--out FILE]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "opmap" / "data" / "language_codes.txt"


def language_codes() -> list[str]:
    """Return every two- and three-letter code of pycountry's languages, sorted."""
    codes = set()
    for language in pycountry.languages:
        codes.add(language.alpha_3)
        if hasattr(language, "alpha_2"):
            codes.add(language.alpha_2)
    return sorted(codes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    args.out.write_text("\n".join(language_codes()) + "\n", encoding="ascii", newline="\n")
    print(args.out)


if __name__ == "__main__":
    main()

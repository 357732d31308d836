"""Build opmap's table of country and region names from pycountry and CLDR (through Babel).

Writes ``src/opmap/data/country_names.csv`` with the columns ``kind,code,source,name,key``
(``key`` is the name through :func:`opmap.read.countries.normalise_name`, the lookup key):

- ``country``: ``code`` is the ISO 3166-1 alpha-3 code (XKX for Kosovo, as in the boundaries);
  names from pycountry (``iso:name``, ``iso:official_name``, ``iso:common_name``) and the CLDR
  territory names in English, French, Spanish (and its Latin American variant), Portuguese (and
  its European variant) and Arabic (``cldr:en``, ``cldr:es_419``, ``cldr:pt_PT``...).
- ``area``: ``code`` is the CLDR region code (UN M.49 ``011`` "Western Africa", ``EU``...); such
  names are refused as "a region, not a country".
- ``part``: a CLDR territory that ISO 3166-1 counts inside another country (Canary Islands,
  Ceuta and Melilla...); ``code`` is that country, which the refusal suggests.

:func:`opmap.read.countries.resolve_country` reads the keys when it first needs the table, so it
neither loads Babel's locale data (about 0.3 s for five languages) nor normalises two thousand
names on every run. The same pycountry and Babel versions give the same bytes; a test checks that
the bundled file is what this script writes now (run the script again after changing
``normalise_name`` or upgrading either library).

Usage::

    $ python scripts/build_country_names.py [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

import pycountry
from babel import Locale

from opmap.read.countries import normalise_name

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "opmap" / "data" / "country_names.csv"
# Latin American Spanish and European Portuguese (Portugal and Lusophone Africa: "Benim",
# "Costa do Marfim") spell some names their own way; CLDR keeps them apart from es and pt.
LANGUAGES = ("en", "fr", "es", "es_419", "pt", "pt_PT", "ar")
ISO_FIELDS = ("name", "official_name", "common_name")

# CLDR codes that are not ISO 3166-1 alpha-2 codes of a country opmap maps.
USER_ASSIGNED = {"XK": "XKX"}  # Kosovo, as in the bundled boundaries
PARTS = {  # territory -> the ISO 3166-1 country it belongs to
    "AC": "SHN",  # Ascension Island: in "Saint Helena, Ascension and Tristan da Cunha"
    "TA": "SHN",  # Tristan da Cunha: likewise
    "CP": "FRA",  # Clipperton Island
    "CQ": "GGY",  # Sark: in the Bailiwick of Guernsey
    "DG": "IOT",  # Diego Garcia: in the British Indian Ocean Territory
    "EA": "ESP",  # Ceuta and Melilla
    "IC": "ESP",  # Canary Islands
}
NOT_PLACES = {"001", "ZZ", "XA", "XB"}  # "World", "Unknown Region", two pseudo-locales


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="CSV file to write")
    return parser.parse_args(argv)


def iso_rows():
    for country in pycountry.countries:
        for field in ISO_FIELDS:
            if hasattr(country, field):
                yield "country", country.alpha_3, f"iso:{field}", getattr(country, field)


def cldr_rows():
    alpha3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    alpha3.update(USER_ASSIGNED)
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            yield (*classify(code, alpha3), f"cldr:{language}", name)


def classify(code: str, alpha3: dict[str, str]) -> tuple[str, str]:
    """Return (kind, code) for a CLDR territory code."""
    if code in alpha3:
        return "country", alpha3[code]
    if code in PARTS:
        return "part", PARTS[code]
    if code.isdigit() or code in {"EU", "EZ", "UN", "QO"}:
        return "area", code
    return "skip", code


def build_rows() -> list[tuple[str, str, str, str, str]]:
    rows = {row for row in (*iso_rows(), *cldr_rows()) if row[0] != "skip"}
    return sorted((*row, normalise_name(row[3])) for row in rows if row[1] not in NOT_PLACES)


def write_csv(rows, out: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("kind", "code", "source", "name", "key"))
    writer.writerows(rows)
    temporary = out.with_name(out.name + ".tmp")
    temporary.write_text(buffer.getvalue(), encoding="utf-8")
    temporary.replace(out)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    rows = build_rows()
    write_csv(rows, args.out)
    kinds = {kind: sum(row[0] == kind for row in rows) for kind in ("country", "area", "part")}
    print(f"wrote {args.out}: " + ", ".join(f"{n} {kind} names" for kind, n in kinds.items()))


if __name__ == "__main__":
    main()

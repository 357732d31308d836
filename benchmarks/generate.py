"""Write a synthetic but realistic operations CSV for benchmarks.

Every row would pass ``opmap validate``: countries are drawn from the bundled boundaries' units and
written the ways people write them (ISO3, ISO2, canonical names, aliases such as "Ivory Coast",
"DRC", "UK" or "St Lucia", accents stripped, upper case), figures carry the qualifiers sources use
("nearly 350", "more than 500", "1,426"), dates fall in the operation's year, some operations
declare more countries than they name and a few name none.

    $ python benchmarks/generate.py --n 10000 --out /tmp/ops-10000.csv
"""

from __future__ import annotations

import argparse
import csv
import random
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from opmap.errors import UnknownCountry
from opmap.read.boundaries import load_boundaries
from opmap.read.countries import ALIASES, resolve_country
from opmap.read.operation_header import COLUMNS

_WORDS = (
    "Libertad",
    "Epervier",
    "Sawiyan",
    "Adwenpa",
    "Weka",
    "Turquesa",
    "Flash",
    "Storm",
    "Liberterra",
    "Pacific",
    "Bia",
    "Akoma",
    "Sunbird",
    "Trigger",
    "Global Chain",
    "Intercops",
    "Spartacus",
    "Infra",
    "Nawal",
    "Sentinel",
    "Orion",
    "Aurora",
    "Condor",
    "Jaguar",
    "Baobab",
    "Sahel",
    "Lionfish",
    "Neptune",
    "Atlas",
    "Meridian",
)
_QUALIFIERS = (
    "nearly",
    "more than",
    "about",
    "at least",
    "over",
    "some",
    "almost",
    "close to",
    "up to",
    "~",
    ">",
)
_VERBS = ("rescued", "identified", "found", "assisted")
_SOURCES = (
    "https://www.interpol.int/News-and-media/News/{year}/N{year}-{n:03d}",
    "https://www.interpol.int/en/News-and-Events/News/{year}/operation-{slug}",
    "https://example.org/reports/{year}/{slug}.html",
)


def strip_accents(text: str) -> str:
    """Return text without combining accents ("Côte d'Ivoire" -> "Cote d'Ivoire")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def spellings_by_country() -> dict[str, list[str]]:
    """Return ISO3 -> every spelling of that unit that opmap reads back as that unit."""
    boundaries = load_boundaries()
    aliases: dict[str, list[str]] = {}
    for alias, iso3 in ALIASES.items():
        aliases.setdefault(iso3, []).append(alias)
    spellings = {}
    for iso3, iso2, name in zip(
        boundaries["iso_a3"], boundaries["iso_a2"], boundaries["name"], strict=True
    ):
        candidates = [iso3, iso3.lower(), name, strip_accents(name), name.upper()]
        if iso2 and iso2 != "-99":
            candidates.append(iso2)
        candidates += aliases.get(iso3, [])
        spellings[iso3] = [s for s in dict.fromkeys(candidates) if _reads_as(s, iso3)]
    return {iso3: found for iso3, found in spellings.items() if found}


def land_points() -> dict[str, tuple[float, float]]:
    """A point inside each unit (lat, lon), to place operations whose source gives a position."""
    boundaries = load_boundaries()
    points = boundaries.geometry.representative_point()
    return {iso3: (p.y, p.x) for iso3, p in zip(boundaries["iso_a3"], points, strict=True)}


def _reads_as(spelling: str, iso3: str) -> bool:
    try:
        return resolve_country(spelling).iso3 == iso3
    except UnknownCountry:
        return False


def _country_count(rng: random.Random) -> int:
    """1 to 60, skewed toward few: half the operations run in one country."""
    if rng.random() < 0.5:
        return 1
    return min(60, 2 + int(rng.expovariate(1 / 6)))


def _figure(rng: random.Random, value: int) -> str:
    roll = rng.random()
    if roll < 0.55:
        return str(value)
    if roll < 0.7:
        return f"{value:,}"
    if roll < 0.95:
        return f"{rng.choice(_QUALIFIERS)} {value:,}"
    return f"{value}+"


def _maybe(rng: random.Random, share: float, text: str) -> str:
    return text if rng.random() < share else ""


def _operation_names(rng: random.Random, n: int, years: range):
    """Yield n distinct (name, year) pairs."""
    seen: set[tuple[str, int]] = set()
    counter = 0
    while len(seen) < n:
        year = rng.choice(years)
        name = rng.choice(_WORDS)
        if rng.random() < 0.8 or (name, year) in seen:
            counter += 1
            name = f"{name} {counter}"
        if (name, year) not in seen:
            seen.add((name, year))
            yield name, year


def generate_rows(n: int, seed: int = 0):
    """Yield n operation rows (dicts keyed by :data:`opmap.read.operation_header.COLUMNS`)."""
    rng = random.Random(seed)
    spellings = spellings_by_country()
    units = sorted(spellings)
    anchors = land_points()
    # Some countries take part far more often than others.
    weights = [rng.paretovariate(1.5) for _ in units]
    for name, year in _operation_names(rng, n, range(2005, 2026)):
        row = dict.fromkeys(COLUMNS, "")
        row["operation"], row["year"] = name, str(year)
        start = rng.randrange(1, 366 if year % 4 == 0 else 365)
        start_date = date(year, 1, 1) + timedelta(days=start - 1)
        row["start_date"] = start_date.isoformat()
        end_date = start_date + timedelta(days=rng.randrange(0, 15))
        row["end_date"] = _maybe(rng, 0.9, end_date.isoformat())
        wanted = _country_count(rng)
        chosen: list[str] = []
        while len(chosen) < wanted:
            chosen += [c for c in rng.choices(units, weights, k=wanted) if c not in chosen]
        chosen = list(dict.fromkeys(chosen))[:wanted]
        roll = rng.random()
        if roll < 0.02:  # a few sources give only how many countries took part
            row["countries_total"] = str(wanted + rng.randrange(0, 10))
        else:
            row["countries"] = ";".join(rng.choice(spellings[c]) for c in chosen)
            if roll < 0.17:
                row["countries_total"] = str(wanted + rng.randrange(1, 20))
            elif rng.random() < 0.5:
                row["countries_total"] = str(wanted)
        victims = int(rng.lognormvariate(4, 1.5))
        row["victims"] = _maybe(rng, 0.8, _figure(rng, victims))
        if row["victims"]:
            row["minors"] = _maybe(rng, 0.5, str(rng.randint(0, victims)))
        row["arrests"] = _maybe(rng, 0.7, _figure(rng, int(rng.lognormvariate(3, 1.3))))
        row["officers"] = _maybe(rng, 0.4, _figure(rng, int(rng.lognormvariate(5, 1))))
        if row["countries"] and rng.random() < 0.1:
            # A position the source gives: a town in the first country, near its middle.
            lat, lon = anchors[chosen[0]]
            row["lat"] = f"{lat + rng.uniform(-0.3, 0.3):.4f}"
            row["lon"] = f"{lon + rng.uniform(-0.3, 0.3):.4f}"
        total = int(row["countries_total"] or wanted)
        people = row["victims"] or "Several"
        row["summary"] = (
            f'{people} victims {rng.choice(_VERBS)}, "{name}" across '
            f"{total} countr{'y' if total == 1 else 'ies'}."
        )
        slug = name.lower().replace(" ", "-")
        row["source"] = rng.choice(_SOURCES).format(year=year, n=rng.randrange(1, 300), slug=slug)
        yield row


def write_operations(path: Path, n: int, seed: int = 0) -> Path:
    """Write n synthetic operations to path and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(generate_rows(n, seed))
    return path


def main() -> None:
    """Parse the options and write the CSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of operations (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("benchmarks/data/operations.csv"),
        help="CSV to write (default benchmarks/data/operations.csv)",
    )
    args = parser.parse_args()
    write_operations(args.out, args.n, args.seed)
    print(f"{args.out}: {args.n} operations (seed {args.seed})")


if __name__ == "__main__":
    main()

"""Score opmap's country resolver on real spellings collected from public documents.

Reads ``tests/data/spellings.csv`` (``spelling,expected,language,source``: ``expected`` is the ISO
3166-1 alpha-3 code the spelling stands for, or ``refuse`` for a name that is not one country,
such as "West Africa") and resolves every spelling with
:func:`opmap.read.countries.resolve_country`. A spelling is

- right: resolved to its code, or refused when it should be;
- wrong: resolved to another code, or resolved when it should be refused;
- missed: refused although it stands for a country.

Prints the score and every spelling that was not right. ``tests/read/test_countries.py`` asserts
0 wrong and at least 95% right; ``tests/data/spellings.md`` records the last score.

Usage::

    $ python scripts/score_spellings.py [SPELLINGS_CSV]
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass, field
from pathlib import Path

from opmap.errors import UnknownCountry
from opmap.read.countries import resolve_country

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SPELLINGS = REPO / "tests" / "data" / "spellings.csv"


@dataclass
class Score:
    total: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def resolved_share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def summary(self) -> str:
        return (
            f"{self.right} of {self.total} spellings right ({self.resolved_share:.1%}), "
            f"{len(self.wrong)} wrong, {len(self.missed)} missed"
        )


def score_spellings(path: Path = DEFAULT_SPELLINGS) -> Score:
    score = Score()
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            score.total += 1
            spelling, expected = row["spelling"], row["expected"]
            try:
                got = resolve_country(spelling).iso3
            except UnknownCountry as err:
                if expected == "refuse":
                    score.right += 1
                else:
                    score.missed.append(f"{spelling!r} ({expected}): {err}")
                continue
            if got == expected:
                score.right += 1
            else:
                score.wrong.append(f"{spelling!r}: read as {got}, expected {expected}")
    return score


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spellings", nargs="?", type=Path, default=DEFAULT_SPELLINGS)
    score = score_spellings(parser.parse_args(argv).spellings)
    print(score.summary())
    for line in score.wrong:
        print(f"wrong: {line}")
    for line in score.missed:
        print(f"missed: {line}")


if __name__ == "__main__":
    main()

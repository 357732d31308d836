"""How long opmap takes to import its country resolver and to read names with it.

Prints, for the opmap found on the path (best of --repeat fresh processes):

- the import of ``opmap.read.countries`` and what it alone imports (pycountry, its tables), as
  ``python -X importtime`` reports it (cumulative, after ``opmap.read``);
- the first ``resolve_country`` call, which builds the name table;
- the time per name to resolve every spelling of ``tests/data/spellings.csv`` once (not cached).

Usage::

    $ PYTHONPATH=src python benchmarks/resolver.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPELLINGS = REPO / "tests" / "data" / "spellings.csv"

MEASURE = """
import csv, json, sys, time
from opmap.read.countries import _resolve_spelling, resolve_country
start = time.perf_counter()
resolve_country("France")
first = time.perf_counter() - start
names = [row["spelling"] for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
_resolve_spelling.cache_clear()
start = time.perf_counter()
for name in names:
    try:
        resolve_country(name)
    except LookupError:
        pass
each = (time.perf_counter() - start) / len(names)
print(json.dumps({"first": first, "each": each, "names": len(names)}))
"""


def import_time() -> float:
    run = subprocess.run(
        # opmap.read first, so the line of opmap.read.countries counts the resolver alone
        [sys.executable, "-X", "importtime", "-c", "import opmap.read, opmap.read.countries"],
        capture_output=True,
        text=True,
        check=True,
    )
    line = [x for x in run.stderr.splitlines() if x.rstrip().endswith("| opmap.read.countries")]
    return int(re.split(r"\s*\|\s*", line[-1])[1]) / 1e6


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    imports, runs = [], []
    for _ in range(args.repeat):
        imports.append(import_time())
        run = subprocess.run(
            [sys.executable, "-c", MEASURE, str(SPELLINGS)], capture_output=True, text=True
        )
        runs.append(json.loads(run.stdout))
    print(f"import opmap.read.countries: {min(imports) * 1000:.0f} ms (cumulative, best)")
    first, each = min(r["first"] for r in runs), min(r["each"] for r in runs)
    print(f"first resolve_country (builds the table): {first * 1000:.0f} ms")
    print(f"then per name, uncached: {each * 1e6:.0f} µs over {runs[0]['names']} spellings")


if __name__ == "__main__":
    main()

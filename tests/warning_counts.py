"""Files with warnings, and the counts commands tell of them.

An operations file whose warnings need the countries' shapes, and a boundaries file with a shape
opmap repairs.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from click.testing import CliRunner, Result
from paths import TEST_DATA

from opmap.cli import cli

#: Three warnings: a position far outside its country (Ghana's operation in Paris), one that
#: looks swapped (Dakar's lat and lon written the other way round), and a total beyond its
#: area, the one warning a run without the shapes counted.
OFF_THEIR_PLACES = (
    "operation,year,countries,countries_total,area,lat,lon,victims,source\n"
    "Paris,2019,Ghana,,,48.85,2.35,12,https://example.org/a\n"
    "Dakar,2019,Senegal,,,-17.44,14.69,12,https://example.org/b\n"
    "WA,2019,Nigeria;Ghana,25,West Africa,,,12,https://example.org/c\n"
)


def off_their_places(tmp_path: Path) -> Path:
    """Write :data:`OFF_THEIR_PLACES` to ``ops.csv`` under ``tmp_path`` and return its path."""
    path = tmp_path / "ops.csv"
    path.write_text(OFF_THEIR_PLACES, encoding="utf-8")
    return path


#: A ring that crosses itself, as in ``tests/read/test_shapes.py``: opmap repairs it with
#: ``make_valid`` and warns, once per feature.
BOW_TIE = {"type": "Polygon", "coordinates": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}


def bow_tie(tmp_path: Path) -> Path:
    """Write ``bow.geojson`` under ``tmp_path`` and return its path.

    The eight units of ``tests/data/boundaries/small.geojson``, the first (Argentina) drawn as
    :data:`BOW_TIE`: one warning, no error.
    """
    data = json.loads((TEST_DATA / "boundaries" / "small.geojson").read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = BOW_TIE
    path = tmp_path / "bow.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def validate_count(path: Path) -> int:
    """Run ``opmap validate PATH``; return the warnings its last line counts."""
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1]
    [count] = re.findall(r", (\d+) warnings?$", last)
    return int(count)


def told_counts(result: Result, path: Path) -> list[int]:
    """Return each count of warnings a run told of ``path`` ("N warnings, which do not stop")."""
    return [int(count) for count, _command in _told(result, path)]


def _told(result: Result, path: Path) -> list[tuple[str, str]]:
    """Return the count and the arguments of ``opmap validate`` of each line told of ``path``."""
    told = (
        rf"^{re.escape(str(path))}: (\d+) warnings?, which do(?:es)? not stop the run; "
        r"`opmap validate (.*)` tells"
    )
    return re.findall(told, result.stderr, flags=re.MULTILINE)


def told_and_listed(result: Result, path: Path) -> tuple[list[int], list[int]]:
    """Return each count of warnings a run told of ``path``, and what validate lists of it.

    Validate is run as the line told names it (``opmap validate ...``): its hint, which must
    list the same warnings.
    """
    lines = _told(result, path)
    listed = [validate_lists(shlex.split(command), path) for _count, command in lines]
    return [int(count) for count, _command in lines], listed


def validate_lists(args: list[str], path: Path) -> int:
    """Run ``opmap validate ARGS``; return how many warnings it lists of ``path``."""
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exit_code == 0, result.output
    listed = rf"^{re.escape(str(path))}(?::\d+)?: warning: "
    return len(re.findall(listed, result.output, flags=re.MULTILINE))

"""An operations file whose warnings need the countries' shapes, and the counts commands tell."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner, Result

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


def validate_count(path: Path) -> int:
    """Run ``opmap validate PATH``; return the warnings its last line counts."""
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1]
    [count] = re.findall(r", (\d+) warnings?$", last)
    return int(count)


def told_counts(result: Result, path: Path) -> list[int]:
    """Return each count of warnings a run told of ``path`` ("N warnings, which do not stop")."""
    told = rf"^{re.escape(str(path))}: (\d+) warnings?, which do(?:es)? not stop the run"
    return [int(count) for count in re.findall(told, result.stderr, flags=re.MULTILINE)]

"""Every command tells the warnings of each file it reads as ``opmap validate`` lists them.

``summary`` read no shapes and never measured a position: it told 1 warning of a file where
validate lists 3 (a position in France for Ghana, Dakar's lat and lon swapped). Every command
dropped the warning of a boundaries shape it repaired, so the user never heard their file was
changed. One line per file, each counting what its own ``opmap validate ...`` lists of that file.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from warning_counts import bow_tie, off_their_places, told_and_listed, told_counts, validate_count

from opmap.cli import cli

#: Each command that reads the operations and the boundaries, and what it writes (in tmp_path).
COMMANDS = {
    "summary": ["summary"],
    "coverage": ["coverage", "--out", "out"],
    "map": ["map", "--out", "x.html"],
    "export png": ["export", "--out", "x.png"],
    "export geojson": ["export", "--out", "x.geojson"],
    "build": ["build", "--out", "pack"],
}


def _run(tmp_path, name: str, *args: str):
    command, *out = COMMANDS[name]
    if out:  # --out and a name in tmp_path
        out = [out[0], str(tmp_path / out[1])]
    result = CliRunner().invoke(cli, [command, *args, *out])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("name", COMMANDS)
def test_the_warnings_counted_are_those_validate_lists(tmp_path, name):
    path = off_their_places(tmp_path)
    result = _run(tmp_path, name, "--operations", str(path))
    assert told_counts(result, path) == [validate_count(path)] == [3]


@pytest.mark.parametrize("name", COMMANDS)
def test_the_warnings_of_the_boundaries_file_are_told_as_validate_lists_them(tmp_path, name):
    operations, countries = off_their_places(tmp_path), bow_tie(tmp_path)
    result = _run(tmp_path, name, "--operations", str(operations), "--countries", str(countries))
    assert told_and_listed(result, countries) == ([1], [1])
    assert told_and_listed(result, operations) == ([2], [2])

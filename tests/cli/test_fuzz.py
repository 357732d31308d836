"""Every command against random CSVs and random boundary files: a clear refusal or a result.

Whatever the input: exit 0 or 1 (never a traceback), the previous outputs byte-identical after a
failure, and no file outside ``--out`` touched. Few examples, no browser: this runs in the suite.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from paths import TEST_DATA

from opmap.cli import cli

SMALL_COUNTRIES = TEST_DATA / "boundaries" / "small.geojson"
SMALL_OPERATIONS = TEST_DATA / "aggregate" / "operations.csv"
HEADER = "operation,year,countries,countries_total,victims,minors,arrests,summary,source"

cell = st.one_of(
    st.sampled_from(
        ["Libertad", "2018", "Sudan;Chad", "nearly 500", "=1+1", "@x", "-", "\u202eabc", "", '"']
    ),
    st.text(max_size=12),
)
row = st.lists(cell, min_size=0, max_size=10).map(
    lambda cells: ",".join('"' + c.replace('"', '""') + '"' if c else c for c in cells)
)
VALID = SMALL_OPERATIONS.read_text("utf-8")
csv_text = st.one_of(
    st.just(VALID),
    row.map(lambda extra: VALID + extra + "\n"),
    st.lists(row, max_size=5).map(lambda rows: "\n".join([HEADER, *rows]) + "\n"),
    st.text(max_size=200),
    st.sampled_from(["", ",,,\n,,,\n", HEADER + "\n"]),
)


def _features():
    return json.loads(SMALL_COUNTRIES.read_text(encoding="utf-8"))


coordinate = st.one_of(
    st.floats(-200, 200, allow_nan=False), st.sampled_from([600.0, -600.0, 0.0, 1e308])
)


@st.composite
def boundary_bytes(draw) -> bytes:
    data = _features()
    kind = draw(
        st.sampled_from(
            ["valid", "valid", "valid", "cut", "noise", "shape", "type", "null", "column"]
        )
    )
    feature = data["features"][draw(st.integers(0, len(data["features"]) - 1))]
    if kind == "shape":
        points = draw(st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=6))
        feature["geometry"] = {"type": "Polygon", "coordinates": [[*points, points[0]]]}
    elif kind == "type":
        feature["geometry"] = {"type": "Point", "coordinates": [1, 2]}
    elif kind == "null":
        feature["geometry"] = None
    elif kind == "column":
        for item in data["features"]:
            item["properties"].pop(draw(st.sampled_from(["name", "continent", "iso_a3"])), None)
    text = json.dumps(data).encode("utf-8")
    if kind == "cut":
        return text[: draw(st.integers(0, len(text) - 1))]
    if kind == "noise":
        return draw(st.binary(max_size=300))
    return text


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A folder of earlier outputs that opmap wrote: the map and the coverage files."""
    out = tmp_path_factory.mktemp("previous") / "out"
    args = ["--operations", str(SMALL_OPERATIONS), "--countries", str(SMALL_COUNTRIES)]
    for command in (["coverage", *args, "--out", str(out)], ["map", *args]):
        if command[0] == "map":
            command += ["--out", str(out / "map.html")]
        result = CliRunner().invoke(cli, ["-q", *command])
        assert result.exit_code == 0, result.output
    return out


def _snapshot(folder: Path, skip: Path | None = None) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and (skip is None or skip not in p.parents)
    }


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    command=st.sampled_from(["validate", "map", "coverage"]),
    operations=csv_text,
    boundaries=boundary_bytes(),
)
def test_any_input_gets_a_result_or_a_clear_refusal(previous, command, operations, boundaries):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        out = work / "out"
        shutil.copytree(previous, out)
        ops, countries = work / "ops.csv", work / "countries.geojson"
        ops.write_text(operations, encoding="utf-8")
        countries.write_bytes(boundaries)
        args = [command, "--operations", str(ops), "--countries", str(countries)]
        if command == "map":
            args += ["--out", str(out / "map.html")]
        elif command == "coverage":
            args += ["--out", str(out)]
        outside, before = _snapshot(work, skip=out), _snapshot(out)
        result = CliRunner().invoke(cli, args)
        event(f"{command} exit {result.exit_code}")
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output and "Warning" not in result.output
        assert _snapshot(work, skip=out) == outside
        if result.exit_code == 1 or command == "validate":
            assert _snapshot(out) == before
        assert [p.name for p in work.iterdir() if p.name.startswith(".")] == []

"""Boundary files checked on load: every feature's shape, and files that cannot be read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import REPO, TEST_DATA

from opmap.errors import InvalidInput
from opmap.read.boundaries import check_boundaries, load_boundaries

SMALL = TEST_DATA / "boundaries" / "small.geojson"


def _with(tmp_path, name: str, change) -> str:
    data = json.loads(SMALL.read_text(encoding="utf-8"))
    change(data["features"])
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _shape(features, index, geometry):
    features[index]["geometry"] = geometry


BOWTIE = {"type": "Polygon", "coordinates": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}
FAR = {"type": "Polygon", "coordinates": [[[600, 0], [610, 0], [610, 5], [600, 0]]]}
LINE = {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}


def test_an_invalid_polygon_is_repaired_with_a_warning(tmp_path):
    path = _with(tmp_path, "bowtie.geojson", lambda f: _shape(f, 0, BOWTIE))
    boundaries, problems = check_boundaries(path)
    name = json.loads(path.read_text())["features"][0]["properties"]["name"]
    assert [(p.severity, p.message) for p in problems] == [
        (
            "warning",
            f"feature 1 ({name!r}) had an invalid shape (Self-intersection[5 5]); it was "
            "repaired with make_valid",
        )
    ]
    assert boundaries.is_valid.all() and boundaries.geometry.iloc[0].area == pytest.approx(50)
    assert load_boundaries(path).is_valid.all()


def test_every_shape_that_cannot_be_drawn_is_named_at_once(tmp_path):
    def change(features):
        _shape(features, 1, FAR)
        _shape(features, 2, LINE)
        _shape(features, 3, None)

    path = _with(tmp_path, "bad.geojson", change)
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    messages = [p.message for p in raised.value.problems]
    assert len(messages) == 3
    assert any(m.startswith("feature 2 (") and "(600, 0), off the globe" in m for m in messages)
    assert any(
        m.startswith("feature 3 (") and "is a LineString, not a Polygon" in m for m in messages
    )
    assert any(m.startswith("feature 4 (") and "has no shape" in m for m in messages)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty; it needs a GeoJSON FeatureCollection"),
        (b"\x00\x01\x02binary" * 50, "is a binary file that cannot be read as boundaries"),
        (SMALL.read_bytes()[:3000], "cannot be read as GeoJSON"),
    ],
)
def test_files_that_cannot_be_read_are_refused_plainly(tmp_path, content, message):
    path = tmp_path / "countries.geojson"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message) as raised:
        load_boundaries(path)
    assert "prefix" not in str(raised.value) and "DRIVER" not in str(raised.value)


def test_a_non_finite_coordinate_is_refused(tmp_path):
    square = [[[0, 0], [12345.5, 0], [1, 1], [0, 1], [0, 0]]]
    path = _with(
        tmp_path, "nan.geojson", lambda f: _shape(f, 0, {"type": "Polygon", "coordinates": square})
    )
    path.write_text(path.read_text(encoding="utf-8").replace("12345.5", "NaN"), encoding="utf-8")
    with pytest.raises(
        InvalidInput,
        match=r"feature 1 \(.*\) has (no shape, or one that cannot|a coordinate that is not a)",
    ):
        load_boundaries(path)


def test_validate_checks_the_boundaries_and_no_library_warning_reaches_the_terminal(tmp_path):
    path = _with(tmp_path, "bad.geojson", lambda f: (_shape(f, 0, BOWTIE), _shape(f, 1, FAR)))
    result = subprocess.run(
        [sys.executable, "-m", "opmap", "validate", "--countries", str(path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    assert "had an invalid shape (Self-intersection[5 5]); it was repaired" in result.stdout
    assert "(600, 0), off the globe" in result.stdout
    assert "8 boundary features" not in result.stdout and "1 error, 1 warning" in result.stdout
    assert "Warning" not in result.stderr and "Traceback" not in result.stderr

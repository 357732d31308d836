"""Boundary files checked on load: every feature's shape, and files that cannot be read."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import REPO, TEST_DATA

from opmap.errors import InvalidInput
from opmap.i18n import use_language
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
            f"feature 1 ({name!r}) had an invalid shape (its outline crosses itself at 5, 5); "
            "it was repaired with make_valid",
        )
    ]
    assert boundaries.is_valid.all() and boundaries.geometry.iloc[0].area == pytest.approx(50)
    assert load_boundaries(path).is_valid.all()


def test_an_invalid_shape_off_the_globe_is_an_error_not_a_geos_traceback(tmp_path):
    # Found by tests/cli/test_fuzz.py: a self-touching ring out at 1e308 was given to make_valid,
    # and GEOS raised "Scale factor must be non-zero" through opmap validate.
    huge = [[-2.0, 1e308], [0.0, 0.0], [0.0, 1.0], [0.0, 0.0], [1e308, 0.0], [-2.0, 1e308]]
    path = _with(
        tmp_path, "huge.geojson", lambda f: _shape(f, 0, {"type": "Polygon", "coordinates": [huge]})
    )
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    (problem,) = raised.value.problems
    assert "has the point (-2, 1e+308), off the globe" in problem.message


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
    assert (
        "had an invalid shape (its outline crosses itself at 5, 5); it was repaired"
        in result.stdout
    )
    assert "(600, 0), off the globe" in result.stdout
    # The features are counted as read, with the errors beside them.
    assert "8 boundary features, 1 error, 1 warning" in result.stdout
    assert "Warning" not in result.stderr and "Traceback" not in result.stderr


# Pinned for the mutation run (issue 17): each refusal word for word, each edge on both sides.


def _problems(path, **limits):
    from opmap.read.guards import Limits

    boundaries, problems = check_boundaries(path, limits=Limits(**limits))
    return boundaries, [(p.line, p.column, p.severity, p.message) for p in problems]


def test_a_folder_is_no_boundaries_file(tmp_path):
    assert _problems(tmp_path) == (
        None,
        [(None, None, "error", "is not a file; name the GeoJSON file of the boundaries")],
    )


def test_a_boundaries_file_over_the_size_limit_is_refused_with_the_option_to_raise_it(tmp_path):
    path = tmp_path / "big.geojson"
    path.write_bytes(SMALL.read_bytes())
    size = path.stat().st_size
    assert size == 6_815
    assert _problems(path, max_bytes=size - 1)[1] == [
        (
            None,
            None,
            "error",
            "is 0.006815 MB, more than the limit of 0.006814 MB; check it is the right file, or "
            "raise the limit with --max-size MB (it applies to every input)",
        )
    ]
    boundaries, problems = _problems(path, max_bytes=path.stat().st_size)
    assert problems == [] and len(boundaries) > 0


def test_a_file_with_text_in_its_first_64_kb_is_not_called_empty(tmp_path):
    # GDAL does not look that far for the start of a GeoJSON: it cannot read it, but it is not
    # empty (the emptiness check reads the first 65,536 bytes).
    path = tmp_path / "spaced.geojson"
    path.write_bytes(b" " * 65535 + SMALL.read_bytes())
    assert _problems(path) == (
        None,
        [
            (
                None,
                None,
                "error",
                "cannot be read as GeoJSON (its content is not GeoJSON); check that it is a whole "
                "GeoJSON FeatureCollection (a file cut short cannot be read)",
            )
        ],
    )


def test_gdals_reason_is_kept_without_its_advice_and_repeats():
    from opmap.read.shapes import _reason

    gdal = (
        "'/tmp/x.geojson' not recognized as being in a supported file format; It might help to "
        "specify the correct driver explicitly by prefixing the file path with '<DRIVER>:', "
        "e.g. 'CSV:path'."
    )
    assert _reason(Exception(gdal)) == "its content is not GeoJSON"  # in the language
    assert _reason(Exception("a; a; b.")) == "a; b"
    assert _reason(Exception("")) == "its content is not GeoJSON"
    with use_language("fr"):
        assert _reason(Exception(gdal)) == "son contenu n’est pas du GeoJSON"


def _square(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def test_coordinates_on_the_edges_of_the_globe_are_on_it(tmp_path):
    path = _with(tmp_path, "edges.geojson", lambda f: _shape(f, 0, _square(179, 89, 180, 90)))
    path2 = _with(tmp_path, "south.geojson", lambda f: _shape(f, 0, _square(-180, -90, -179, -89)))
    assert _problems(path)[1] == [] and _problems(path2)[1] == []


@pytest.mark.parametrize(
    ("shape", "point"),
    [
        (_square(179, 0, 180.5, 1), "(180.5, 0)"),
        (_square(0, 89, 1, 90.5), "(1, 90.5)"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [600, 0], [610, 5], [0, 0]]]}, "(600, 0)"),
    ],
)
def test_a_point_just_off_the_globe_is_named_first(tmp_path, shape, point):
    path = _with(tmp_path, "off.geojson", lambda f: _shape(f, 0, shape))
    name = json.loads(path.read_text())["features"][0]["properties"]["name"]
    assert _problems(path) == (
        None,
        [
            (
                None,
                None,
                "error",
                f"feature 1 ({name!r}) has the point {point}, off the globe (longitude -180 to "
                "180, latitude -90 to 90); give longitude and latitude in degrees, or set the "
                "file's CRS",
            )
        ],
    )


def test_an_invalid_multipolygon_is_repaired_too(tmp_path):
    bowties = {"type": "MultiPolygon", "coordinates": [BOWTIE["coordinates"]]}
    path = _with(tmp_path, "multi.geojson", lambda f: _shape(f, 0, bowties))
    boundaries, problems = _problems(path)
    assert [severity for *_, severity, _ in problems] == ["warning"]
    assert boundaries.is_valid.all() and boundaries.geometry.iloc[0].area == pytest.approx(50)


def test_a_shape_with_no_area_left_once_repaired_is_an_error(tmp_path):
    flat = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2], [0, 0]]]}
    path = _with(tmp_path, "flat.geojson", lambda f: _shape(f, 0, flat))
    name = json.loads(path.read_text())["features"][0]["properties"]["name"]
    boundaries, problems = _problems(path)
    assert boundaries is None
    assert problems == [
        (
            None,
            None,
            "error",
            f"feature 1 ({name!r}) has an invalid shape (its outline crosses itself at 1, 1) "
            "with no area left once repaired; fix its outline",
        )
    ]


def test_a_repaired_shape_keeps_only_its_polygons():
    from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Polygon

    from opmap.read.shapes import _polygons_of

    a = Polygon([(0, 0), (1, 0), (1, 1)])
    b = Polygon([(5, 5), (6, 5), (6, 6)])
    c = Polygon([(9, 9), (10, 9), (10, 10)])
    assert _polygons_of(a) is a
    both = MultiPolygon([a, b])
    assert _polygons_of(both) is both
    mixed = GeometryCollection([a, LineString([(0, 0), (3, 3)]), MultiPolygon([b, c])])
    assert _polygons_of(mixed).equals(MultiPolygon([a, b, c]))
    assert _polygons_of(GeometryCollection([LineString([(0, 0), (3, 3)])])) is None


def test_a_name_that_is_not_utf8_is_named_by_line_and_column_not_a_traceback(tmp_path):
    text = json.dumps(json.loads(SMALL.read_text(encoding="utf-8")), indent=1)
    first = json.loads(text)["features"][0]["properties"]["name"]
    path = tmp_path / "countries.geojson"
    path.write_bytes(text.replace(f'"{first}"', '"Tch\udce0d"', 1).encode(errors="surrogateescape"))
    with pytest.raises(InvalidInput) as raised:
        load_boundaries(path)
    [problem] = raised.value.problems
    line = text[: text.index(f'"{first}"')].count("\n") + 1
    assert (problem.file, problem.line) == (str(path), line)
    assert problem.message.startswith("byte 0xE0 at column ")
    assert problem.message.endswith(
        "is not UTF-8, and a GeoJSON file is UTF-8; save the boundaries again as GeoJSON in UTF-8 "
        "(QGIS: Export > Save Features As)"
    )
    assert "Tch\ufffdd" in problem.value

"""Static images: inspect the plotted artists (Agg, no mocks) and the files written."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch
from matplotlib.text import Annotation
from PIL import Image

from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import (
    OUTSIDE_COLOR,
    parse_size,
    plot_map,
    unmapped_line,
    write_image,
)
from opmap.errors import InvalidOption
from opmap.read.boundaries import load_boundaries
from opmap.read.operations import Operation
from opmap.words import text

GENERATED = date(2024, 1, 1)


def _operation(name, year, countries=(), total=None):
    return Operation(
        name=name,
        year=year,
        countries=tuple(iso for iso, _ in countries),
        country_names=tuple(n for _, n in countries),
        countries_total=total,
    )


OPERATIONS = [
    _operation("Sawiyan", 2018, [("SDN", "Sudan")]),
    _operation("Libertad", 2018, [("BRA", "Brazil"), ("JAM", "Jamaica"), ("BRB", "Barbados")]),
    _operation("Epervier", 2017, [("TCD", "Chad"), ("MLI", "Mali"), ("NER", "Niger")]),
    _operation("Adwenpa II", 2016, total=14),
    _operation("Akoma", 2015, [("CIV", "Côte d'Ivoire")]),
    _operation("Nawa", 2014, [("CIV", "Côte d'Ivoire")]),
]


@pytest.fixture(scope="module")
def boundaries():
    return load_boundaries()


@pytest.fixture(scope="module")
def world(boundaries):
    return prepare_map_data(OPERATIONS, boundaries)


@pytest.fixture(scope="module")
def world_figure(world):
    return plot_map(world, generated=GENERATED)


@pytest.fixture(scope="module")
def americas(boundaries):
    return prepare_map_data(OPERATIONS, boundaries, region="Americas")


def _map_axes(figure):
    (ax,) = figure.axes
    return ax


def _country_patches(figure, codes):
    return {
        p.get_gid(): p
        for p in _map_axes(figure).patches
        if isinstance(p, PathPatch) and p.get_gid() in codes
    }


def _value_of(map_data, iso3):
    row = map_data.coverage.index[map_data.coverage["iso_a3"] == iso3][0]
    return map_data.values[row]


def _texts(figure):
    return [t.get_text() for t in figure.texts]


def test_one_patch_per_unit(world, world_figure):
    coverage = world.coverage
    drawable = coverage[coverage["has_polygon"] & ~coverage.geometry.is_empty]
    patches = _country_patches(world_figure, set(coverage["iso_a3"]))
    assert len(patches) == len(drawable)
    assert set(patches) == set(drawable["iso_a3"])


@pytest.mark.parametrize("iso3", ["SDN", "CIV", "BRA", "MLI"])
def test_covered_countries_take_the_class_colour(world, world_figure, iso3):
    expected = world.classes.color_of(_value_of(world, iso3))
    patch = _country_patches(world_figure, {iso3})[iso3]
    assert expected != NO_DATA_COLOR
    assert patch.get_facecolor() == pytest.approx(to_rgba(expected))


def test_two_operations_in_one_country_are_the_darker_class(world):
    assert world.classes.class_of(_value_of(world, "CIV")) == len(world.classes.bins) - 1
    assert world.classes.color_of(_value_of(world, "CIV")) != world.classes.color_of(
        _value_of(world, "SDN")
    )


@pytest.mark.parametrize("iso3", ["FRA", "USA", "AUS", "RUS"])
def test_countries_without_operations_have_the_no_data_colour(world_figure, iso3):
    patch = _country_patches(world_figure, {iso3})[iso3]
    assert patch.get_facecolor() == pytest.approx(to_rgba(NO_DATA_COLOR))


def test_no_ring_smears_across_the_world(world, world_figure):
    ax = _map_axes(world_figure)
    (sea,) = [p for p in ax.patches if p.get_gid() == "sea"]
    globe_width = np.ptp(sea.get_path().vertices[:, 0])
    codes = set(world.coverage["iso_a3"]) - {"ATA"}  # Antarctica does go all the way round
    for patch in _country_patches(world_figure, codes).values():
        for ring in patch.get_path().to_polygons(closed_only=False):
            assert np.ptp(ring[:, 0]) < 0.5 * globe_width, patch.get_gid()


def test_one_marker_per_mapped_operation(world, world_figure):
    (markers,) = [c for c in _map_axes(world_figure).collections if c.get_gid() == "markers"]
    assert isinstance(markers, PathCollection)
    mapped = [op for op in OPERATIONS if op.is_mapped]
    assert len(markers.get_offsets()) == len(mapped) == len(world.markers)


def test_labels_name_operations_and_do_not_overlap(world, world_figure):
    labels = [a for a in _map_axes(world_figure).texts if isinstance(a, Annotation)]
    assert labels, "no marker was labelled"
    assert {a.get_text() for a in labels} <= set(world.markers)
    renderer = world_figure.canvas.get_renderer()
    boxes = [a.get_window_extent(renderer) for a in labels]
    for i, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[i + 1 :])


def test_legend_lists_classes_no_operations_and_marker(world, world_figure):
    (legend,) = world_figure.legends
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == [*world.classes.labels, text("no_operations"), text("operation_marker")]
    assert legend.get_title().get_text() == text("legend_title_operations")
    swatches = legend.legend_handles[: len(world.classes.colors)]
    assert [s.get_facecolor() for s in swatches] == [to_rgba(c) for c in world.classes.colors]


def test_title_subtitle_source_and_date(world, world_figure):
    texts = _texts(world_figure)
    assert world.title in texts
    assert world.subtitle in texts
    assert text("source_line") in texts
    assert any("2024-01-01" in t for t in texts)


def test_unmapped_operations_are_listed(world_figure):
    (line,) = [t for t in _texts(world_figure) if t.startswith(text("unmapped_title"))]
    assert "Adwenpa II 2016, 14 countries, none named" in " ".join(line.split())


def test_unmapped_line_words():
    expected = "Not on the map: Adwenpa II 2016, 14 countries, none named"
    assert unmapped_line([OPERATIONS[3]]) == expected


def test_region_greys_the_countries_outside(americas):
    figure = plot_map(americas, generated=GENERATED)
    codes = set(americas.coverage["iso_a3"])
    patches = _country_patches(figure, codes)
    assert patches["BRA"].get_facecolor() == pytest.approx(
        to_rgba(americas.classes.color_of(_value_of(americas, "BRA")))
    )
    assert patches["ARG"].get_facecolor() == pytest.approx(to_rgba(NO_DATA_COLOR))
    for iso3 in ("FRA", "ESP", "MAR"):  # Europe and Africa face the Americas
        assert patches[iso3].get_facecolor() == pytest.approx(to_rgba(OUTSIDE_COLOR))
    assert "SDN" not in patches or patches["SDN"].get_facecolor() == pytest.approx(
        to_rgba(OUTSIDE_COLOR)
    )
    (legend,) = figure.legends
    assert "Outside Americas" in [t.get_text() for t in legend.get_texts()]
    ax = _map_axes(figure)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert abs(x0 + x1) / 2 < 1e6  # centred on the region...
    assert y1 - y0 < 1.8e7  # ...and zoomed from its north to its south, not pole to pole


def test_plot_into_given_axes(world):
    from matplotlib.figure import Figure

    figure = Figure()
    ax = figure.add_subplot()
    assert plot_map(world, ax=ax) is figure
    assert len(_country_patches(figure, set(world.coverage["iso_a3"]))) > 200


@pytest.mark.parametrize(
    ("size", "inches"),
    [
        ("17x10cm", (17 / 2.54, 10 / 2.54)),
        ("17 x 10 cm", (17 / 2.54, 10 / 2.54)),
        ("170x100mm", (17 / 2.54, 10 / 2.54)),
        ("6.7x4in", (6.7, 4.0)),
        ("6.7×4IN", (6.7, 4.0)),
        ("A4", (29.7 / 2.54, 21.0 / 2.54)),
        ("a5", (21.0 / 2.54, 14.8 / 2.54)),
        ("A4 portrait", (21.0 / 2.54, 29.7 / 2.54)),
    ],
)
def test_parse_size(size, inches):
    assert parse_size(size) == pytest.approx(inches)


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("17x10", "has no unit"),
        ("17cm", "cannot read"),
        ("axbcm", "cannot read"),
        ("-17x10cm", "cannot read"),
        ("17x10px", "cannot read"),
        ("1x1cm", "each side must be"),
        ("500x300cm", "each side must be"),
        ("A9", "unknown paper size"),
        ("", "cannot read"),
    ],
)
def test_parse_size_rejects(size, message):
    with pytest.raises(InvalidOption, match=message):
        parse_size(size)


def test_png_has_the_pixel_size_and_dpi(world, tmp_path):
    path = write_image(world, tmp_path / "map.png", dpi=100, size=(6, 4), generated=GENERATED)
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (600, 400)
        assert image.info["dpi"] == pytest.approx((100, 100), abs=0.01)
        assert "Software" not in image.info


def test_default_size_is_17_by_10_cm(world, tmp_path):
    path = write_image(world, tmp_path / "map.png", dpi=72, generated=GENERATED)
    with Image.open(path) as image:
        width, height = image.size
    assert width / 72 * 2.54 == pytest.approx(17, abs=0.05)
    assert height / 72 * 2.54 == pytest.approx(10, abs=0.05)


def test_svg_parses(world, tmp_path):
    path = write_image(world, tmp_path / "map.svg", size="6x4in", generated=GENERATED)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == "432pt"
    ids = {element.get("id") for element in root.iter()}
    assert {"SDN", "markers", "legend"} <= ids


def test_pdf_has_one_page(world, tmp_path):
    path = write_image(world, tmp_path / "map.pdf", generated=GENERATED)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1
    assert b"CreationDate" not in data


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_same_input_same_bytes(world, tmp_path, fmt):
    first = write_image(world, tmp_path / f"a.{fmt}", dpi=72, generated=GENERATED)
    second = write_image(world, tmp_path / f"b.{fmt}", dpi=72, generated=GENERATED)
    assert first.read_bytes() == second.read_bytes()


def test_threads_draw_the_same_image(world, tmp_path):
    def draw(name):
        return write_image(world, tmp_path / name, dpi=60, generated=GENERATED).read_bytes()

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(draw, ["t1.svg", "t2.svg"])
    assert first == second


def test_format_overrides_extension_and_nothing_half_written(world, tmp_path):
    path = write_image(world, tmp_path / "map.img", fmt="pdf", dpi=72, generated=GENERATED)
    assert path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.img"]


@pytest.mark.parametrize(
    ("name", "kwargs", "message"),
    [
        ("map.gif", {}, "use one of .png, .svg, .pdf"),
        ("map", {}, "use one of"),
        ("map.png", {"fmt": "jpeg"}, "format 'jpeg'"),
        ("map.png", {"dpi": 10}, "dpi 10 is out of range"),
    ],
)
def test_bad_output_options(world, tmp_path, name, kwargs, message):
    with pytest.raises(InvalidOption, match=message):
        write_image(world, tmp_path / name, **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_a_long_list_of_unmapped_operations_is_counted_not_listed():
    from dataclasses import replace

    from opmap.draw.static.image import UNMAPPED_LISTED, unmapped_line
    from opmap.read.operations import read_operations

    adwenpa = next(op for op in read_operations() if not op.is_mapped)
    many = [replace(adwenpa, name=f"Unnamed {i}") for i in range(UNMAPPED_LISTED + 412)]
    line = unmapped_line(many)
    assert line.count("none named") == UNMAPPED_LISTED
    assert line.endswith("and 412 more")


def test_many_markers_are_drawn_but_not_labelled(tmp_path):
    from dataclasses import replace

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.static.image import MAX_LABELLED, plot_map
    from opmap.read.boundaries import load_boundaries
    from opmap.read.operations import read_operations

    sawiyan = next(op for op in read_operations() if op.name == "Sawiyan")
    many = [replace(sawiyan, name=f"Op {i}") for i in range(MAX_LABELLED + 1)]
    figure = plot_map(prepare_map_data(many, load_boundaries()))
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert not any(t.startswith("Op ") for t in texts)
    offsets = [
        c.get_offsets() for ax in figure.axes for c in ax.collections if c.get_gid() == "markers"
    ]
    assert len(offsets) == 1 and len(offsets[0]) == MAX_LABELLED + 1

"""Static images: inspect the plotted artists (Agg, no mocks) and the files written."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import PathPatch
from PIL import Image
from records import operation

from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import OUTSIDE_COLOR, plot_map, write_image, write_images
from opmap.read.boundaries import load_boundaries
from opmap.words import text

GENERATED = date(2024, 1, 1)


OPERATIONS = [
    operation("Sawiyan", 2018, [("SDN", "Sudan")]),
    operation("Libertad", 2018, [("BRA", "Brazil"), ("JAM", "Jamaica"), ("BRB", "Barbados")]),
    operation("Epervier", 2017, [("TCD", "Chad"), ("MLI", "Mali"), ("NER", "Niger")]),
    operation("Adwenpa II", 2016, total=14),
    operation("Akoma", 2015, [("CIV", "Côte d'Ivoire")]),
    operation("Nawa", 2014, [("CIV", "Côte d'Ivoire")]),
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
def world_view_figure(world):
    return plot_map(world, generated=GENERATED, world=True)


@pytest.fixture(scope="module")
def americas(boundaries):
    return prepare_map_data(OPERATIONS, boundaries, region="Americas")


def _panels(figure):
    """The map's panels: one, or two side by side when the participants are far apart.

    Insets over a panel (far, small members of a group) are left out: see :func:`_insets`.
    """
    return [
        ax
        for ax in figure.axes
        if ax.get_gid() not in ("locator", "legend-column")
        and not (ax.get_gid() or "").startswith("map-inset")
    ]


def _insets(figure):
    return [ax for ax in figure.axes if (ax.get_gid() or "").startswith("map-inset")]


def _map_axes(figure):
    (ax,) = _panels(figure)
    return ax


def _legend(figure):
    (legend,) = [ax.get_legend() for ax in figure.axes if ax.get_legend() is not None]
    return legend


def _country_patches(figure, codes):
    return {
        p.get_gid(): p
        for ax in _panels(figure)
        for p in ax.patches
        if isinstance(p, PathPatch) and p.get_gid() in codes
    }


def _value_of(map_data, iso3):
    row = map_data.coverage.index[map_data.coverage["iso_a3"] == iso3][0]
    return map_data.values[row]


def _texts(figure):
    return [t.get_text() for t in figure.texts]


def test_one_patch_per_unit(world, world_view_figure):
    coverage = world.coverage
    drawable = coverage[coverage["has_polygon"] & ~coverage.geometry.is_empty]
    patches = _country_patches(world_view_figure, set(coverage["iso_a3"]))
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
def test_countries_without_operations_have_the_no_data_colour(world_view_figure, iso3):
    patch = _country_patches(world_view_figure, {iso3})[iso3]
    assert patch.get_facecolor() == pytest.approx(to_rgba(NO_DATA_COLOR))


def test_no_ring_smears_across_the_world(world, world_figure):
    codes = set(world.coverage["iso_a3"]) - {"ATA"}  # Antarctica does go all the way round
    for ax in _panels(world_figure):
        (sea,) = [p for p in ax.patches if p.get_gid() == "sea"]
        globe_width = np.ptp(sea.get_path().vertices[:, 0])
        for patch in [p for p in ax.patches if p.get_gid() in codes]:
            for ring in patch.get_path().to_polygons(closed_only=False):
                assert np.ptp(ring[:, 0]) < 0.5 * globe_width, patch.get_gid()


def test_one_marker_per_place_of_a_mapped_operation(world, world_figure):
    mapped = [op for op in OPERATIONS if op.is_mapped]
    # Akoma 2015 and Nawa 2014 share Côte d'Ivoire's point: one marker, two labels.
    places = {(point.x, point.y) for point in world.markers.values()}
    assert len(places) == len(world.markers) - 1
    drawn = 0
    for ax in _panels(world_figure) + _insets(world_figure):
        (markers,) = [c for c in ax.collections if c.get_gid() == "markers"]
        assert isinstance(markers, PathCollection)
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        for x, y in markers.get_offsets():  # each in view in the panel that owns it...
            assert x0 <= x <= x1 and y0 <= y <= y1
        drawn += len(markers.get_offsets())
    assert len(mapped) == len(world.markers)
    assert drawn == len(places)  # ...and drawn in that panel only, once


def test_distant_groups_are_drawn_in_two_panels_each_with_its_scale_bar(world, world_figure):
    left, right = _panels(world_figure)
    for ax in (left, right):
        (bar,) = [line for line in ax.lines if line.get_gid() == "scale-bar"]
        (words,) = [t for t in ax.texts if t.get_gid() == "scale-bar-label"]
        length_m = np.ptp(bar.get_xdata())
        assert words.get_text() == f"{length_m / 1000:,.0f} km"
        (x0, x1) = ax.get_xlim()
        assert 0.1 < length_m / (x1 - x0) <= 0.22  # a round distance, a fifth of the panel
    assert "BRA" in {p.get_gid() for p in left.patches}
    names = {ax: {t.get_text() for t in ax.texts} for ax in (left, right)}
    assert "Brazil" in names[left] and "Brazil" not in names[right]
    assert "Sudan" in names[right] and "Sudan" not in names[left]


def test_legend_lists_classes_no_operations_and_marker(world, world_figure):
    legend = _legend(world_figure)
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == [*world.classes.labels, text("no_operations"), text("operation_marker")]
    assert legend.get_title().get_text() == text("legend_title_operations")
    swatches = legend.legend_handles[: len(world.classes.colors)]
    assert [s.get_facecolor() for s in swatches] == [to_rgba(c) for c in world.classes.colors]


def test_title_states_the_finding_then_source_and_date(world, world_figure):
    texts = {t.get_gid(): t.get_text() for t in world_figure.texts}
    # Sudan, Brazil, Jamaica, Barbados, Chad, Mali, Niger, Côte d'Ivoire; Adwenpa II names none.
    assert texts["title"] == "8 countries and territories named in 6 operations, 2014\u20132018"
    assert texts["subtitle"] == text("title")
    assert texts["source"] == text("source_line")
    assert texts["generated"].startswith("Generated 2024-01-01")


def test_title_and_subtitle_can_be_given(world):
    figure = plot_map(world, title="Sahel and Caribbean", subtitle="", generated=GENERATED)
    texts = {t.get_gid(): t.get_text() for t in figure.texts}
    assert texts["title"] == "Sahel and Caribbean"
    assert "subtitle" not in texts


def test_a_long_title_wraps_inside_the_page(world):
    long = "A title of many words that says a great deal about what the map shows " * 2
    figure = plot_map(world, title=long, generated=GENERATED)
    (title,) = [t for t in figure.texts if t.get_gid() == "title"]
    extent = title.get_window_extent(figure.canvas.get_renderer())
    assert "\n" in title.get_text()
    assert extent.x1 <= figure.bbox.x1


def test_region_greys_the_countries_outside(americas):
    figure = plot_map(americas, generated=GENERATED, world=False)
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
    (inset,) = _insets(figure)  # the Caribbean members, larger, over a corner of the map
    drawn = {p.get_gid(): p.get_facecolor() for p in inset.patches}
    assert drawn["JAM"] == pytest.approx(
        to_rgba(americas.classes.color_of(_value_of(americas, "JAM")))
    )
    legend = _map_axes(figure).get_legend()
    assert "Outside Americas" in [t.get_text() for t in legend.get_texts()]
    ax = _map_axes(figure)
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert abs(x0 + x1) / 2 < 2e6  # centred on the region...
    assert y1 - y0 < 1.8e7  # ...and zoomed from its north to its south, not pole to pole


def test_plot_into_given_axes(world):
    from matplotlib.figure import Figure

    figure = Figure()
    ax = figure.add_subplot()
    assert plot_map(world, ax=ax) is figure
    patches = _country_patches(figure, set(world.coverage["iso_a3"]))
    assert len(patches) > 150  # the hemisphere facing the Atlantic
    assert {"SDN", "BRA", "CIV", "JAM"} <= set(patches)


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


def test_many_markers_are_drawn_but_not_labelled(tmp_path):
    from dataclasses import replace

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.static.image import MAX_LABELLED, plot_map
    from opmap.read.boundaries import load_boundaries
    from opmap.read.operations import read_operations

    sawiyan = next(op for op in read_operations() if op.name == "Sawiyan")
    many = [
        replace(sawiyan, name=f"Op {i}", lat=10.0 + i % 7, lon=24.0 + i // 7)  # in Sudan, apart
        for i in range(MAX_LABELLED + 1)
    ]
    figure = plot_map(prepare_map_data(many, load_boundaries()))
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert not any(t.startswith("Op ") for t in texts)
    offsets = [
        c.get_offsets() for ax in figure.axes for c in ax.collections if c.get_gid() == "markers"
    ]
    assert len(offsets) == 1 and len(offsets[0]) == MAX_LABELLED + 1


def test_an_operation_known_by_its_area_is_outlined_not_listed_as_not_on_the_map(boundaries):
    from opmap.read.operations import read_operations

    world = prepare_map_data(read_operations(), boundaries)
    figure = plot_map(world, generated=GENERATED)
    patches = [p for ax in figure.axes for p in ax.patches]
    outlines = [p for p in patches if p.get_gid() == "area:Adwenpa II 2016"]  # in each panel
    assert outlines and all(o.get_fill() is False and o.get_linestyle() == "--" for o in outlines)
    texts = [t.get_text() for t in figure.texts]
    assert not any(t.startswith(text("unmapped_title")) for t in texts)
    legends = [ax.get_legend() for ax in figure.axes if ax.get_legend()] + figure.legends
    assert any(text("legend_area") in [t.get_text() for t in lg.get_texts()] for lg in legends)
    # the area's countries keep "no operations": it colours none of them
    ghana = next(p for p in patches if p.get_gid() == "GHA")
    assert ghana.get_facecolor() == pytest.approx(to_rgba(NO_DATA_COLOR))


def test_three_files_laid_out_once_are_the_files_written_one_by_one(world, tmp_path):
    # opmap build draws map.png, map.svg and map.pdf from one layout (the labels are placed
    # once): each file must be the one write_image writes alone, byte for byte.
    together = write_images(
        world, [tmp_path / f"together.{fmt}" for fmt in ("png", "svg", "pdf")], generated=GENERATED
    )
    for path in together:
        alone = write_image(world, tmp_path / f"alone{path.suffix}", generated=GENERATED)
        assert path.read_bytes() == alone.read_bytes(), path.suffix

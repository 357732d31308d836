"""Under the map: the full list of operations not on it, and a legend of the classes shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import plot_map
from opmap.draw.static.legend import classes_present
from opmap.i18n import use_language
from opmap.read.inputs import load_inputs

GENERATED = date(2024, 1, 1)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


def _unmapped_texts(figure):
    return [t for t in figure.texts if (t.get_gid() or "").startswith("unmapped-")]


def test_the_one_unmapped_operation_is_listed_in_full(inputs):
    # Adwenpa II without its area names no place at all: it is listed, not drawn.
    operations = [
        replace(op, area=None) if op.key == "Adwenpa II 2016" else op for op in inputs.operations
    ]
    bundled = prepare_map_data(operations, inputs.boundaries, points=inputs.points)
    figure = plot_map(bundled, generated=GENERATED)
    texts = {t.get_gid(): t.get_text() for t in figure.texts}
    assert texts["unmapped-title"] == "Not on the map"
    assert texts["unmapped-1"] == "Adwenpa II 2016, 14 countries, none named"


def test_many_unmapped_operations_flow_into_columns_and_none_is_dropped(inputs):
    adwenpa = replace(next(op for op in inputs.operations if not op.is_mapped), area=None)
    many = [replace(adwenpa, name=f"Unnamed {i}") for i in range(40)]
    figure = plot_map(prepare_map_data(many, inputs.boundaries), size="A4", generated=GENERATED)
    columns = [t for t in _unmapped_texts(figure) if t.get_gid() != "unmapped-title"]
    assert len(columns) >= 2
    listed = "\n".join(t.get_text() for t in columns)
    assert all(f"Unnamed {i} 2016" in listed for i in range(40))
    assert "more" not in listed
    renderer = figure.canvas.get_renderer()
    extents = [t.get_window_extent(renderer) for t in columns]
    for i, extent in enumerate(extents):
        assert figure.bbox.x0 <= extent.x0 and extent.x1 <= figure.bbox.x1
        assert not any(extent.overlaps(other) for other in extents[i + 1 :])


def test_more_unmapped_operations_than_a_page_holds_are_counted_past_what_fits(inputs):
    # 10,000 generated operations left 181 unmapped: listed in full, they took the map's room
    # (a negative height and a traceback from opmap build).
    adwenpa = replace(next(op for op in inputs.operations if not op.is_mapped), area=None)
    many = [replace(adwenpa, name=f"Unnamed {i:03}") for i in range(300)]
    figure = plot_map(prepare_map_data(many, inputs.boundaries), generated=GENERATED)
    columns = [t for t in _unmapped_texts(figure) if t.get_gid() != "unmapped-title"]
    listed = "\n".join(t.get_text() for t in columns).splitlines()
    names = [line for line in listed if line.startswith("Unnamed ")]
    assert names == [f"Unnamed {i:03} 2016, 14 countries, none named" for i in range(len(names))]
    assert listed[-1] == f"and {300 - len(names):,} more"
    renderer = figure.canvas.get_renderer()
    box = figure.findobj(lambda a: a.get_gid() == "unmapped-box")[0]
    assert box.get_window_extent(renderer).height <= 0.65 * figure.bbox.height
    (ax,) = [a for a in figure.axes if a.get_gid() == "map"]
    assert ax.get_position().height > 0.1
    # The columns start on one line and keep to their own width (long items ran into the next).
    extents = [t.get_window_extent(renderer) for t in columns]
    assert len({round(extent.y1) for extent in extents}) == 1
    for i, extent in enumerate(extents):
        assert not any(extent.overlaps(other) for other in extents[i + 1 :])
    # The map keeps the height of its legend, which stays under the header.
    subtitle = next(t for t in figure.texts if t.get_gid() == "subtitle")
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.y1 <= subtitle.get_window_extent(renderer).y0


def test_the_print_map_words_an_operation_off_the_map_as_the_html_map_does(inputs):
    from opmap.draw.interactive.fragments import unmapped_html
    from opmap.read.operations import Operation

    declared = Operation(name="Adwenpa II", year=2016, countries_total=14)
    unknown = Operation(name="Nobody", year=2020)
    # an area missing from the boundaries: the map cannot draw it, and says where it was
    lost = Operation(name="Lost", year=2019, countries_total=4, area="Western Africa")
    operations = [declared, unknown, lost]
    without = inputs.boundaries[inputs.boundaries["subregion"] != "Western Africa"]
    figure = plot_map(prepare_map_data(operations, without), generated=GENERATED)
    drawn = " ".join(
        t.get_text() for t in figure.texts if (t.get_gid() or "").startswith("unmapped")
    )
    words = [
        "Adwenpa II 2016, 14 countries, none named",
        "Nobody 2020, no country named",
        "Lost 2019, 4 countries in the Western Africa area, none named",
    ]
    panel = str(unmapped_html(operations))
    for item in words:
        assert item in drawn and item in panel, item


def test_classes_present(inputs):
    only_2018 = prepare_map_data(inputs.operations, inputs.boundaries, years=[2018])
    assert classes_present(only_2018) == {0}


def _boxes_at_300_dpi(figure):
    """Each gid's box in inches as the 300 dpi PNG draws it (text is wider there than at 100)."""
    figure.set_dpi(300)
    renderer = figure.canvas.get_renderer()
    inches = figure.dpi_scale_trans.inverted()
    found = {}
    for artist in [
        *figure.texts,
        *figure.legends,
        *(a for ax in figure.axes for a in ax.get_children()),
    ]:
        gid = artist.get_gid()
        if gid in ("legend", "source", "generated"):
            found[gid] = artist.get_window_extent(renderer).transformed(inches)
    return found


@pytest.mark.parametrize("language", ["en", "ar"])
def test_on_a_narrow_page_the_legend_and_the_foot_stay_on_the_paper_apart(inputs, language):
    # At 12 x 10 cm "Area of an operation whose countries are not named" ran off the page's
    # right edge and the date touched the source ("Natural EarthGenerated").
    with use_language(language):
        bundled = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
        figure = plot_map(bundled, size="12x10cm", generated=GENERATED)
        width, _ = figure.get_size_inches()
        boxes = _boxes_at_300_dpi(figure)
    legend, source, made = boxes["legend"], boxes["source"], boxes["generated"]
    assert 0 <= legend.x0 and legend.x1 <= width
    assert 0 <= source.x0 and source.x1 <= width and 0 <= made.x0 and made.x1 <= width
    side_by_side = not (made.y0 >= source.y1 or source.y0 >= made.y1)
    if side_by_side:
        assert max(source.x0, made.x0) - min(source.x1, made.x1) >= 0.05


def test_the_arabic_foot_keeps_its_iso_date_in_order(inputs):
    # Not isolated, the date's numbers took the Arabic line's direction: "أُعدّ في 30-11-2026".
    bundled = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    with use_language("ar"):
        figure = plot_map(bundled, generated=date(2026, 11, 30))
    (made,) = [t for t in figure.texts if t.get_gid() == "generated"]
    assert "\u20682026-11-30\u2069" in made.get_text()

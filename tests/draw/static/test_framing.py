"""Framing: the map shows what took part, in an equal-area projection, with a world locator."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from PIL import Image
from shapely.geometry import Polygon

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.framing import fit_view, frame_map, frame_panels
from opmap.draw.static.image import plot_map
from opmap.draw.static.insets import far_members
from opmap.draw.static.locator import draw_locator
from opmap.draw.static.writing import save_figure
from opmap.read.inputs import load_inputs

GENERATED = date(2024, 1, 1)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


@pytest.fixture(scope="module")
def bundled(inputs):
    return prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)


def _panels(figure):
    return [ax for ax in figure.axes if (ax.get_gid() or "").startswith("map")]


def _locator(figure):
    (locator,) = [c for ax in figure.axes for c in ax.child_axes if c.get_gid() == "locator"]
    return locator


def class_colour_share(figure, map_data, path) -> float:
    """Share of the map panels' pixels in the PNG that have a class colour (the participants).

    Only the panels count (on a world view the legend's swatches inside it count too); borders,
    labels and markers drawn over a participant are not its colour, so this is a little less
    than the area drawn.
    """
    save_figure(figure, path, dpi=150, fmt="png")
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("RGB")).astype(int)
    height, width, _ = pixels.shape
    coloured = np.zeros((height, width), dtype=bool)
    for colour in map_data.classes.colors:
        coloured |= np.abs(pixels - np.array(to_rgb(colour)) * 255).sum(axis=2) <= 6
    panels = np.zeros((height, width), dtype=bool)
    for ax in _panels(figure):
        x0, y0, x1, y1 = ax.get_position().extents
        panels[
            round((1 - y1) * height) : round((1 - y0) * height),
            round(x0 * width) : round(x1 * width),
        ] = True
    return (coloured & panels).sum() / panels.sum()


def test_the_participants_fill_far_more_of_the_map_than_on_the_world_view(bundled, tmp_path):
    framed_figure = plot_map(bundled, generated=GENERATED)
    framed = class_colour_share(framed_figure, bundled, tmp_path / "framed.png")
    world_figure = plot_map(bundled, generated=GENERATED, world=True)
    world = class_colour_share(world_figure, bundled, tmp_path / "world.png")
    print(f"participating countries: {framed:.1%} of the framed map, {world:.1%} of the world")
    # The Americas panel cropped to its dense core (Brazil, Venezuela, Guyana, Trinidad and
    # Tobago) at full height, the Sahel on top of the legend column, the Caribbean members in
    # an inset beside the Americas panel at its scale, each panel at its own scale: 33.7% of
    # the panels' pixels (Americas 39.7%, Sahel 32.6%, inset 0.9%), 1.4% on the world view.
    # The inset at 1.2 times the Americas panel's scale leaves 32.0%. Before the inset: 28.1%
    # (the Americas panel 22.7%: Belize, Turks and Caicos and southern Brazil set its
    # corners); two panels at one scale: 15.6%; one frame across the Atlantic: 10.6%.
    assert [ax.get_gid() for ax in _panels(framed_figure)] == ["map-1", "map-2", "map-inset-1"]
    assert framed >= 1 / 3
    assert framed > 10 * world


def test_distant_groups_get_a_panel_each_in_their_own_projection(bundled):
    americas, africa = frame_panels(bundled)
    coverage = bundled.coverage
    for frame, members, lon in (
        (americas, ("BRA", "TCA", "BLZ"), -61),
        (africa, ("SDN", "SEN", "CIV"), 10),
    ):
        assert frame.crs.to_dict()["proj"] == "laea"
        assert abs(frame.crs.to_dict()["lon_0"] - lon) < 5
        minx, miny, maxx, maxy = frame.view
        for iso3 in members:
            row = int(np.flatnonzero(coverage["iso_a3"] == iso3)[0])
            assert frame.names(row), iso3
            sx0, sy0, sx1, sy1 = frame.geometries.iloc[row].bounds
            assert minx <= sx0 and sx1 <= maxx and miny <= sy0 and sy1 <= maxy, iso3
    assert not americas.named & africa.named
    assert americas.names("Libertad 2018") and africa.names("Sawiyan 2018")


def test_a_group_with_far_small_members_gets_an_inset_beside_its_panel(bundled):
    americas, africa, inset = frame_panels(bundled, insets=True)
    assert inset.host == 0 and americas.host is None and africa.host is None
    rows = dict(zip(bundled.coverage["iso_a3"], range(len(bundled.coverage)), strict=True))
    for iso3 in ("BRA", "VEN", "GUY", "TTO"):  # the dense core, Trinidad inside its box
        assert americas.names(rows[iso3]) and not inset.names(rows[iso3]), iso3
    for iso3 in ("BLZ", "JAM", "TCA", "CUW", "ABW", "BRB", "LCA", "VCT", "ATG"):
        assert inset.names(rows[iso3]) and not americas.names(rows[iso3]), iso3
    assert inset.names("Libertad 2018") and africa.names("Sawiyan 2018")
    assert not africa.named & (americas.named | inset.named)
    # Drawn beside the Americas panel, east of it, under the Sahel panel, at no smaller a scale
    # than the Americas panel (the same here: 15.9 km a pixel at 100 dpi; a larger one leaves
    # the participants less than a third of the map), with its own scale bar and a border.
    figure = plot_map(bundled, generated=GENERATED)
    host, sahel, drawn = _panels(figure)
    assert drawn.get_gid() == "map-inset-1"
    assert drawn.get_position().x0 > host.get_position().x1
    assert drawn.get_position().y1 < sahel.get_position().y0
    assert _metres_per_pixel(drawn) <= _metres_per_pixel(host) * 1.001
    assert [line.get_gid() for line in drawn.lines].count("scale-bar") == 1
    assert any(p.get_gid() == "inset-border" for p in drawn.artists + drawn.patches)
    # Libertad's marker drawn once, in the inset that owns it, not also at the panel's edge.
    markers = {ax: [c for c in ax.collections if c.get_gid() == "markers"] for ax in (host, drawn)}
    assert [len(c.get_offsets()) for c in markers[host]] == [0]
    assert [len(c.get_offsets()) for c in markers[drawn]] == [1]
    # Its members named there (leader lines for the small ones), as the other panels do.
    names = {
        t.get_text().replace("\n", " ")  # on two lines where one runs over the border
        for t in drawn.texts
        if (t.get_gid() or "").startswith("country-")
    }
    assert {"Belize", "Jamaica", "Aruba", "Curaçao", "Saint Vincent and the Grenadines"} <= names
    assert {"Saint Lucia", "Barbados", "Antigua and Barbuda"} <= names
    assert "leader" in {line.get_gid() for line in drawn.lines}
    # A name with no room is numbered and explained beside the inset, not in a key under the
    # map that would take height from every panel: the Americas panel keeps the page's height.
    assert not [t for t in figure.texts if (t.get_gid() or "").startswith("key-")]
    beside = [t.get_text() for t in drawn.texts if (t.get_gid() or "").startswith("key-beside")]
    assert beside == ["1  Turks and Caicos Islands"]
    # No name runs across the inset's border line: each is inside it, or wholly beside it
    # (names avoid the 2 pixels on either side of it, unless no other spot is free).
    renderer = figure.canvas.get_renderer()
    border = drawn.get_window_extent(renderer)
    for label in drawn.texts:
        box = label.get_window_extent(renderer)
        inside = (
            border.x0 <= box.x0 <= box.x1 <= border.x1
            and border.y0 <= box.y0 <= box.y1 <= border.y1
        )
        assert inside or not box.overlaps(border), label.get_text()


def _metres_per_pixel(ax) -> float:
    return float(np.ptp(ax.get_xlim())) / ax.get_window_extent().width


def test_far_members_only_split_a_mostly_empty_group():
    from shapely.geometry import box

    big = box(0, 0, 4e6, 5e6)
    islands = [box(-3e6 + i * 2e5, 6e6, -2.95e6 + i * 2e5, 6.05e6) for i in range(5)]
    far = far_members([big, *islands], ["core", *range(5)])
    assert far == set(range(5))
    near = [box(1e6 + i * 2e5, 4e6, 1.05e6 + i * 2e5, 4.05e6) for i in range(5)]
    assert far_members([big, *near], ["core", *range(5)]) is None  # inside the core's box
    assert far_members([big, box(4.1e6, 0, 8e6, 5e6)], ["a", "b"]) is None  # two large units


def test_a_region_is_framed_on_its_participants_in_one_panel(inputs):
    americas = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points, region="Americas"
    )
    (frame,) = frame_panels(americas)
    minx, _, maxx, _ = frame.view
    assert maxx - minx < 8e6  # the Caribbean and Brazil, not Alaska to Tierra del Fuego


def test_frame_is_lambert_azimuthal_equal_area_centred_on_the_extent(bundled):
    frame = frame_map(bundled)
    assert frame.regional
    assert frame.crs.to_dict()["proj"] == "laea"
    lon0, lat0 = frame.crs.to_dict()["lon_0"], frame.crs.to_dict()["lat_0"]
    assert -50 < lon0 < 0 and -20 < lat0 < 15  # the Atlantic between the Caribbean and Sudan
    minx, miny, maxx, maxy = frame.view
    for iso3 in ("BRA", "SDN", "TCA", "SEN", "CIV"):  # every participant inside the view
        shape = frame.geometries[bundled.coverage["iso_a3"] == iso3].iloc[0]
        sx0, sy0, sx1, sy1 = shape.bounds
        assert minx <= sx0 and sx1 <= maxx and miny <= sy0 and sy1 <= maxy, iso3


def test_world_option_keeps_equal_earth_and_no_locator(bundled):
    frame = frame_map(bundled, world=True)
    assert not frame.regional and frame.crs.to_epsg() == 8857
    figure = plot_map(bundled, generated=GENERATED, world=True)
    (panel,) = _panels(figure)
    assert not any(ax.get_gid() == "locator" for ax in panel.child_axes)
    assert "scale-bar" not in [line.get_gid() for line in panel.lines]  # no true scale


def test_operations_on_every_continent_get_the_world_without_a_locator(inputs):
    from opmap.read.operations import Operation

    spread = ("CAN", "BRA", "RUS", "AUS", "ZAF", "CHN", "ARG", "USA", "IND", "NZL")
    operations = [Operation(f"Op {c}", 2020, countries=(c,), country_names=(c,)) for c in spread]
    data = prepare_map_data(operations, inputs.boundaries, points=inputs.points)
    (frame,) = frame_panels(data)
    # The view is most of the world: a locator outlining it would say nothing.
    assert frame.crs.to_epsg() == 8857 and not frame.regional
    figure = plot_map(data, generated=GENERATED)
    assert not any(c.get_gid() == "locator" for ax in figure.axes for c in ax.child_axes)


def test_the_locator_outlines_both_panels(bundled):
    figure = plot_map(bundled, generated=GENERATED)
    locator = _locator(figure)
    # Beside the panels when they leave a column free; with every operation of the bundled
    # data on the map (no "Not on the map" box under it) the panels take the full height and
    # width, and the locator goes into the emptier one.
    assert locator.axes.get_gid() in ("legend-column", "map-2")
    world_width = locator.get_xlim()[1] - locator.get_xlim()[0]
    outlines = {p.get_gid(): p for p in locator.patches if p.get_gid()}
    centres = []
    for gid in ("locator-frame", "locator-frame-2"):
        x0, _, x1, _ = outlines[gid].get_path().get_extents().extents
        assert x1 - x0 < 0.4 * world_width, gid
        centres.append((x0 + x1) / 2)
    assert centres[0] < -3e6  # the Americas first, on the Equal Earth world...
    assert -1e6 < centres[1] < 3e6  # ...then Africa


def test_one_small_country_still_shows_its_neighbours(inputs):
    sawiyan = prepare_map_data(
        inputs.operations, inputs.boundaries, points=inputs.points, names=["Sawiyan"]
    )
    minx, _, maxx, _ = frame_map(sawiyan).view
    assert maxx - minx >= 3_000_000


def test_operations_on_opposite_sides_of_the_world_use_the_world_projection(inputs):
    sawiyan = next(op for op in inputs.operations if op.name == "Sawiyan")
    far = [sawiyan, replace(sawiyan, name="Pacific", countries=("FJI",), country_names=("Fiji",))]
    far_apart = prepare_map_data(far, inputs.boundaries, points=inputs.points)
    frame = frame_map(far_apart)
    assert frame.crs.to_epsg() == 8857


def _pacific(inputs, *countries):
    from opmap.read.operations import Operation

    names = dict(zip(inputs.boundaries["iso_a3"], inputs.boundaries["name"], strict=True))
    operation = Operation(
        "Reef", 2019, countries=countries, country_names=tuple(names[c] for c in countries)
    )
    return prepare_map_data([operation], inputs.boundaries, points=inputs.points)


def test_islands_across_the_180th_meridian_share_one_frame(inputs):
    # Fiji (178° E) and Samoa and Tonga (172-175° W): measured on a world cut at 180° they were
    # 300° apart, drawn as two panels, or as the whole world with Fiji at one edge.
    data = _pacific(inputs, "FJI", "WSM", "TON")
    (frame,) = frame_panels(data)
    assert frame.crs.to_dict()["proj"] == "laea"
    lon0 = frame.crs.to_dict()["lon_0"]
    assert lon0 > 175 or lon0 < -170  # centred on the islands, not on Africa
    minx, miny, maxx, maxy = frame.view
    assert maxx - minx <= 3.1e6 and maxy - miny <= 3.1e6  # the 3,000 km a frame shows at least
    for iso3 in ("WSM", "TON"):
        shape = frame.geometries[data.coverage["iso_a3"] == iso3].iloc[0]
        sx0, sy0, sx1, sy1 = shape.bounds
        assert minx <= sx0 and sx1 <= maxx and miny <= sy0 and sy1 <= maxy, iso3


def test_the_locator_outlines_a_frame_across_the_180th_meridian_at_both_edges(inputs):
    # Russia's frame reaches Chukotka, past 180°: drawn as one ring, the locator's box crossed
    # the Atlantic and North America.
    russia = _pacific(inputs, "RUS")
    figure = plot_map(russia, generated=GENERATED)
    # one panel, framed: it has its scale bar, as each of several panels has (it had none)
    (panel,) = _panels(figure)
    assert [line.get_gid() for line in panel.lines].count("scale-bar") == 1
    # On the page Russia leaves no corner to the legend, which goes beside the map, whose view
    # then reaches over the pole. Across the page's width, the view crosses 180° south of it.
    (frame,) = frame_panels(russia)
    wide = Figure(figsize=(6.5, 3.3))
    FigureCanvasAgg(wide)
    ax = wide.add_axes((0, 0, 1, 1))
    view = fit_view(frame.view, ax)
    ax.set_xlim(view[0], view[2])
    ax.set_ylim(view[1], view[3])
    locator, _ = draw_locator(ax, [replace(frame, view=view)], russia, Polygon())
    (box,) = [p for p in locator.patches if p.get_gid() == "locator-frame"]
    polygons = box.get_path().to_polygons()
    middles = sorted(float(np.mean(polygon[:, 0])) for polygon in polygons)
    world_width = locator.get_xlim()[1] - locator.get_xlim()[0]
    assert len(polygons) >= 2  # Russia, and Chukotka's sliver at the other edge
    assert middles[-1] > 0.1 * world_width  # Russia, east of Greenwich
    assert middles[0] < -0.3 * world_width  # Chukotka, at the western edge
    biggest = max(polygons, key=lambda polygon: np.ptp(polygon[:, 0]))
    assert np.min(biggest[:, 0]) > -0.05 * world_width  # not over the Atlantic

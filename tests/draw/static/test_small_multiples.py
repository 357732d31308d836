"""Small multiples: one panel per year or period on one colour scale, checked on the artists."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from matplotlib.colors import to_hex
from matplotlib.patches import PathPatch
from records import operation

from opmap.cli import cli
from opmap.decide.classes import NO_DATA_COLOR
from opmap.decide.mapdata import prepare_map_data
from opmap.decide.periods import timeline_classes
from opmap.draw.static.layers import Countries
from opmap.draw.static.small_multiples import (
    plan_panels,
    plot_small_multiples,
    write_small_multiples,
)
from opmap.errors import InvalidOption
from opmap.read.boundaries import load_boundaries, load_country_points

GENERATED = date(2024, 1, 1)


OPERATIONS = [
    operation("Nawa", 2014, [("CIV", "Côte d'Ivoire")], victims="76"),
    operation("Akoma", 2015, [("CIV", "Côte d'Ivoire")], victims="more than 48"),
    operation("Adwenpa II", 2016, total=14),
    operation("Atoll", 2016, [("TUV", "Tuvalu")]),  # a country with no polygon: a point
    operation("Epervier", 2017, [("TCD", "Chad"), ("MLI", "Mali"), ("CIV", "Côte d'Ivoire")]),
    operation("Sawiyan", 2018, [("SDN", "Sudan")], victims="94"),
    operation("Libertad", 2018, [("BRA", "Brazil"), ("MLI", "Mali")]),
]


@pytest.fixture(scope="module")
def boundaries():
    return load_boundaries()


@pytest.fixture(scope="module")
def world(boundaries):
    return prepare_map_data(OPERATIONS, boundaries, points=load_country_points())


@pytest.fixture(scope="module")
def victims(boundaries):
    return prepare_map_data(OPERATIONS, boundaries, points=load_country_points(), metric="victims")


@pytest.fixture(scope="module")
def victims_figure(victims):
    (figure,) = plot_small_multiples(victims, generated=GENERATED)
    return figure


def _expected_counts(first, last):
    counts: dict[str, int] = {}
    for op in OPERATIONS:
        if first <= op.year <= last:
            for iso3 in op.countries:
                counts[iso3] = counts.get(iso3, 0) + 1
    return counts


def _countries(ax) -> Countries:
    """The panel's countries: one collection (a PNG needs no patch per country)."""
    (countries,) = [c for c in ax.collections if isinstance(c, Countries)]
    assert not [p for p in ax.patches if isinstance(p, PathPatch) and (p.get_gid() or "").isupper()]
    return countries


def _faces(ax) -> dict[str, str]:
    countries = _countries(ax)
    return {
        iso3: to_hex(face)
        for iso3, face in zip(countries.codes, countries.get_facecolors(), strict=True)
    }


def _titles(figure) -> list[str]:
    return [ax.get_title(loc="left") for ax in _periods(figure)]


def _periods(figure):
    """The first map of each period (a period drawn in two frames has two)."""
    return [ax for ax in figure.axes if (ax.get_gid() or "").count("-") == 1]


@pytest.mark.parametrize(
    ("step", "mode", "spans", "titles"),
    [
        (
            1,
            "in",
            [(y, y) for y in range(2014, 2019)],
            [
                "2014: 1 operation",
                "2015: 1 operation",
                "2016: 2 operations (1 not on the map)",
                "2017: 1 operation",
                "2018: 2 operations",
            ],
        ),
        (
            2,
            "in",
            [(2014, 2015), (2016, 2017), (2018, 2018)],
            [
                "2014\u20132015: 2 operations",
                "2016\u20132017: 3 operations (1 not on the map)",
                "2018: 2 operations",
            ],
        ),
        (
            2,
            "upto",
            [(2014, 2015), (2014, 2017), (2014, 2018)],
            [
                "Up to 2015: 2 operations",
                "Up to 2017: 5 operations (1 not on the map)",
                "Up to 2018: 7 operations (1 not on the map)",
            ],
        ),
    ],
)
def test_one_panel_per_period_with_its_title(world, step, mode, spans, titles):
    (figure,) = plot_small_multiples(world, step=step, mode=mode, generated=GENERATED)
    assert _titles(figure) == titles
    classes = timeline_classes(world, mode)
    for ax, (first, last) in zip(_periods(figure), spans, strict=True):
        counts = _expected_counts(first, last)
        faces = _faces(ax)
        for iso3, face in faces.items():
            expected = classes.color_of(counts[iso3]) if iso3 in counts else NO_DATA_COLOR
            assert face == expected, (first, last, iso3)
        coloured = {iso for iso, face in faces.items() if face != NO_DATA_COLOR}
        assert coloured == {iso for iso in counts if iso in faces}


def test_same_value_same_colour_in_every_panel(victims, victims_figure):
    figure = victims_figure
    seen: dict[float, set[str]] = {}
    panels = plan_panels(victims)
    for ax, panel in zip(_periods(figure), panels, strict=True):
        faces = _faces(ax)
        for iso3, value in zip(panel.coverage["iso_a3"], panel.values, strict=True):
            if iso3 in faces:
                seen.setdefault(value if value == value else -1.0, set()).add(faces[iso3])
    assert all(len(colours) == 1 for colours in seen.values()), seen
    # Côte d'Ivoire: 76 in 2014, more than 48 in 2015 -- both inside the shared classes.
    assert seen[76.0] != {NO_DATA_COLOR} and seen[48.0] != {NO_DATA_COLOR}


def test_one_legend_with_the_shared_classes(victims, victims_figure):
    figure = victims_figure
    assert len(figure.legends) == 1
    assert all(ax.get_legend() is None for ax in figure.axes)
    classes = timeline_classes(victims, "in")
    assert classes.lows[0] == 48  # stretched down to Akoma's 2015 figure
    occurring = sorted(
        {classes.class_of(v) for p in plan_panels(victims) for v in p.values} - {None}
    )
    assert occurring and len(occurring) < len(classes.labels)  # some class is in no panel
    labels = [t.get_text() for t in figure.legends[0].get_texts()]
    assert labels[: len(occurring)] == [classes.labels[i] for i in occurring]
    assert not set(labels) & {
        classes.labels[i] for i in set(range(len(classes.labels))) - set(occurring)
    }
    handles = figure.legends[0].legend_handles[: len(occurring)]
    swatches = [to_hex(h.get_facecolor()) for h in handles]
    assert swatches == [classes.colors[i] for i in occurring]


def test_same_lines_as_the_single_map(world, victims, victims_figure):
    figure = victims_figure
    texts = {t.get_gid(): t.get_text() for t in figure.texts}
    assert texts["title"] == victims.finding
    assert texts["subtitle"].startswith(victims.topic)
    assert texts["source"].startswith("Source:")
    assert texts["generated"].startswith("Generated 2024-01-01")
    assert "Adwenpa II 2016" in texts["unmapped-1"]


def test_panels_keep_every_unit_of_the_map(world):
    for panel in plan_panels(world):
        assert list(panel.coverage["iso_a3"]) == list(world.coverage["iso_a3"])
    tuvalu = [p.coverage.set_index("iso_a3").loc["TUV"] for p in plan_panels(world)]
    assert [int(row["operations"]) for row in tuvalu] == [0, 0, 1, 0, 0]
    assert not any(bool(row["has_polygon"]) for row in tuvalu)


def test_nothing_to_draw_is_an_error(boundaries):
    empty = prepare_map_data(OPERATIONS, boundaries, names=["nope"])
    with pytest.raises(InvalidOption, match="no operation"):
        plan_panels(empty)
    with pytest.raises(InvalidOption, match="step"):
        plan_panels(prepare_map_data(OPERATIONS, boundaries), step=0)


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_same_input_same_bytes(world, tmp_path, suffix):
    (first,) = write_small_multiples(
        world, tmp_path / f"a.{suffix}", step=3, dpi=60, generated=GENERATED
    )
    (second,) = write_small_multiples(
        world, tmp_path / f"b.{suffix}", step=3, dpi=60, generated=GENERATED
    )
    assert first.read_bytes() == second.read_bytes()


def test_cli_by_year(tmp_path):
    out = tmp_path / "by-year.png"
    result = CliRunner().invoke(
        cli,
        ["export", "--by-year", "--step", "2", "--mode", "upto", "--dpi", "60", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and out.read_bytes().startswith(b"\x89PNG")


def test_cli_step_needs_by_year():
    result = CliRunner().invoke(cli, ["export", "--step", "2"])
    assert result.exit_code == 2
    assert "--step and --mode go with --by-year" in result.output


def test_cli_by_year_with_nothing_to_draw(tmp_path):
    result = CliRunner().invoke(
        cli, ["export", "--by-year", "--operation", "nope", "--out", str(tmp_path / "x.png")]
    )
    assert result.exit_code == 1
    assert "no operation matches" in result.output


def test_every_year_is_drawn_in_the_main_maps_frames_and_a_five_country_operation_reads():
    from matplotlib.transforms import Bbox

    from opmap.draw.static.framing import frame_panels
    from opmap.read.inputs import load_inputs

    inputs = load_inputs()
    bundled = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    (figure,) = plot_small_multiples(bundled, generated=GENERATED)
    by_period: dict[str, list] = {}
    for ax in figure.axes:
        _, period, *_ = ax.get_gid().split("-")
        by_period.setdefault(period, []).append(ax)
    assert list(by_period) == ["2014", "2015", "2016", "2017", "2018"]
    americas, sahel = frame_panels(bundled)
    for axes in by_period.values():
        assert [ax.get_gid().count("-") for ax in axes] == [1, 2]  # the main map's two frames
        for ax, frame in zip(axes, (americas, sahel), strict=True):
            (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
            minx, miny, maxx, maxy = frame.view
            slack = 1.0  # metres of rounding
            assert x0 <= minx + slack and maxx <= x1 + slack
            assert y0 <= miny + slack and maxy <= y1 + slack
            first = by_period["2014"][axes.index(ax)]
            assert (x0, x1, y0, y1) == pytest.approx((*first.get_xlim(), *first.get_ylim()))
    epervier = {"TCD", "MLI", "MRT", "NER", "SEN"}
    panel = by_period["2017"][1]
    countries = _countries(panel)
    shapes = [
        path.transformed(panel.transData).get_extents()
        for iso3, path in zip(countries.codes, countries.get_paths(), strict=True)
        if iso3 in epervier
    ]
    assert len(shapes) == 5
    extent = Bbox.union(shapes)
    # 1.58 in (4 cm) across on a 17 cm page; framed on the whole Atlantic it was about 0.9 in.
    assert extent.width / figure.dpi > 1.5
    assert figure.get_size_inches()[0] == pytest.approx(17 / 2.54)
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert "2" not in legend  # no country has two operations in one year


def test_a_long_list_not_on_the_map_leaves_the_panels_their_room(boundaries):
    # 10,000 generated operations left 181 unmapped: listed in full under the panels, the list
    # gave them a negative height (a traceback from opmap build). It keeps a fifth of the page.
    mapped = [operation("Mapped", year, [("GHA", "Ghana")]) for year in (2016, 2017)]
    unmapped = [operation(f"Unnamed {i:03}", 2016, total=14) for i in range(300)]
    many = prepare_map_data(mapped + unmapped, boundaries)
    (figure,) = plot_small_multiples(many, generated=GENERATED)
    listed = "\n".join(
        t.get_text()
        for t in figure.texts
        if (t.get_gid() or "").startswith("unmapped-") and t.get_gid() != "unmapped-title"
    ).splitlines()
    names = [line for line in listed if line.startswith("Unnamed ")]
    assert names and listed[-1] == f"and {300 - len(names):,} more"
    renderer = figure.canvas.get_renderer()
    box = figure.findobj(lambda a: a.get_gid() == "unmapped-box")[0]
    assert box.get_window_extent(renderer).height <= 0.3 * figure.bbox.height
    panels = [ax for ax in figure.axes if (ax.get_gid() or "").startswith("panel-")]
    assert len(panels) == 2 and all(ax.get_position().height > 0.1 for ax in panels)


def test_a_last_page_of_one_row_grows_to_hold_the_list_not_on_the_map(boundaries):
    # 42 operations over 7 years and 2 that name no country: the second page, one row of panels
    # at the default size, was 7.4 cm tall, and with the two-line subtitle ("too many to name")
    # and the "Not on the map" box it left the panels no room, so opmap build wrote no pack.
    mapped = [
        operation(f"W{year}-{n}", year, [("BRA", "Brazil"), ("JPN", "Japan")])
        for year in range(2011, 2018)
        for n in range(6)
    ]
    unmapped = [operation("U1", 2012, total=3), operation("U2", 2013)]
    many = prepare_map_data(mapped + unmapped, boundaries)
    figures = plot_small_multiples(many, generated=GENERATED)
    assert len(figures) == 2
    last = figures[-1]
    panels = [ax for ax in last.axes if (ax.get_gid() or "").startswith("panel-")]
    assert panels and all(ax.get_position().height > 0.1 for ax in panels)
    assert last.get_figheight() > 7.4 / 2.54  # taller than the panels alone asked for


@pytest.fixture(scope="module")
def crowded():
    """Twelve Caribbean islands with an operation each in 2019 and again in 2020."""
    islands = [
        ("ABW", "Aruba"), ("CUW", "Curaçao"), ("BES", "Bonaire"), ("GRD", "Grenada"),
        ("BRB", "Barbados"), ("LCA", "Saint Lucia"), ("DMA", "Dominica"),
        ("ATG", "Antigua and Barbuda"), ("KNA", "Saint Kitts and Nevis"),
        ("TTO", "Trinidad and Tobago"), ("VCT", "Saint Vincent and the Grenadines"),
        ("MSR", "Montserrat"),
    ]  # fmt: skip
    operations = [
        operation(f"{name} {n}", year, [island], victims=str(n + 3))
        for year, name in ((2019, "Operation Long Name"), (2020, "Second Long Op"))
        for n, island in enumerate(islands)
    ]
    return prepare_map_data(operations, load_boundaries(), points=load_country_points())


@pytest.mark.parametrize("size", ["10x10cm", "15x8cm"])
def test_a_crowded_page_keeps_its_key_of_numbered_labels_in_the_room_laid_out_for_it(crowded, size):
    # Three passes kept room for the last pass's words only (at 10 x 10 cm: 0, 19, 21, then 22
    # drawn) and, the key still growing, gave back the page cleared by the next pass: a blank
    # image. The room now only grows, and the fourth pass settles.
    (figure,) = plot_small_multiples(crowded, size=size, generated=GENERATED)
    renderer = figure.canvas.get_renderer()
    (key,) = figure.findobj(lambda a: a.get_gid() == "key-box")
    below = key.get_window_extent(renderer)
    legend = figure.findobj(lambda a: (a.get_gid() or "").startswith("legend"))
    panels = [ax for ax in figure.axes if (ax.get_gid() or "").startswith("panel")]
    over = [
        a.get_gid() for a in [*legend, *panels] if a.get_window_extent(renderer).overlaps(below)
    ]
    assert len(panels) == 2 and not over, over


def test_a_crowded_page_too_small_for_its_key_is_refused_not_left_blank(crowded):
    # At 12 x 9 cm the passes went 0, 13, 19, 24 numbered labels: the page came out blank.
    with pytest.raises(InvalidOption, match="choose a larger --size"):
        plot_small_multiples(crowded, size="12x9cm", generated=GENERATED)

"""Where markers go: on land, in a country that took part, or inside an operation's area."""

from __future__ import annotations

import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.read.inputs import load_inputs


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


def test_every_marker_is_on_land_in_a_country_that_took_part(inputs):
    operations, boundaries = inputs.operations, inputs.boundaries
    data = prepare_map_data(operations, boundaries, points=inputs.points)
    shapes = dict(zip(boundaries["iso_a3"], boundaries.geometry, strict=True))
    mapped = [op for op in operations if op.is_mapped]
    assert set(data.markers) == {op.key for op in mapped} | {"Adwenpa II 2016"}
    for op in mapped:
        marker = data.markers[op.key]
        assert any(shapes[c].contains(marker) for c in op.countries), op.key


def test_an_operation_known_by_its_area_is_drawn_as_that_area(inputs):
    operations, boundaries = inputs.operations, inputs.boundaries
    data = prepare_map_data(operations, boundaries, points=inputs.points)
    outline = data.areas["Adwenpa II 2016"]
    western = boundaries[boundaries["subregion"] == "Western Africa"]
    assert len(western) >= 16
    for name, shape in zip(western["name"], western.geometry, strict=True):
        # simplified to about 5 km, so compare a point inside each country
        assert outline.contains(shape.representative_point()), name
    assert not outline.contains(
        boundaries.loc[boundaries["iso_a3"] == "CMR"].geometry.item().representative_point()
    )
    assert outline.contains(data.markers["Adwenpa II 2016"])
    assert "Adwenpa II 2016" not in {op.key for op in data.unmapped}
    # its countries are not participants: nothing in Western Africa counts it
    ghana = data.coverage.loc[data.coverage["iso_a3"] == "GHA"]
    assert ghana["operations"].item() == 0


def test_a_mostly_caribbean_operation_is_marked_in_the_caribbean(inputs):
    operations, boundaries = inputs.operations, inputs.boundaries
    data = prepare_map_data(operations, boundaries)
    shapes = dict(zip(boundaries["iso_a3"], boundaries.geometry, strict=True))
    libertad = data.markers["Libertad 2018"]
    assert not shapes["BRA"].contains(libertad)  # not in the largest country
    assert (
        boundaries.loc[
            boundaries["iso_a3"].map(lambda c: shapes[c].contains(libertad)), "subregion"
        ].item()
        == "Caribbean"
    )


def test_a_position_in_the_file_wins(inputs):
    from dataclasses import replace

    operations, boundaries = inputs.operations, inputs.boundaries
    moved = [replace(op, lat=12.5, lon=-70.0) if op.name == "Libertad" else op for op in operations]
    data = prepare_map_data(moved, boundaries)
    assert (data.markers["Libertad 2018"].x, data.markers["Libertad 2018"].y) == (-70.0, 12.5)


def test_a_regions_map_draws_an_operation_in_the_region_where_it_ran(inputs):
    from opmap.read.operations import Operation

    # Run in France, Spain and Senegal: the middle of the three is in Spain, on the world's map.
    spanning = Operation(
        "Across",
        2019,
        countries=("FRA", "ESP", "SEN"),
        country_names=("France", "Spain", "Senegal"),
    )
    boundaries = inputs.boundaries
    shapes = dict(zip(boundaries["iso_a3"], boundaries.geometry, strict=True))
    world = prepare_map_data([spanning], boundaries, points=inputs.points)
    africa = prepare_map_data([spanning], boundaries, points=inputs.points, region="Africa")
    europe = prepare_map_data([spanning], boundaries, points=inputs.points, region="Europe")
    assert not shapes["SEN"].contains(world.markers["Across 2019"])
    assert shapes["SEN"].contains(africa.markers["Across 2019"])
    assert europe.markers["Across 2019"] == world.markers["Across 2019"]


@pytest.mark.parametrize(
    ("lat", "lon", "kept_on_europes_map"),
    [
        (48.85, 2.35, True),  # Paris, in the region
        (38.0, 5.0, True),  # the Mediterranean, off Spain and France
        (-15.8, -47.9, False),  # Brasília: in a country outside the region
        (-30.0, -30.0, False),  # the South Atlantic, far from Europe's coasts
    ],
)
def test_a_regions_map_keeps_the_files_position_only_in_or_off_the_region(
    inputs, lat, lon, kept_on_europes_map
):
    from opmap.read.operations import Operation

    spanning = Operation(
        "Across",
        2019,
        countries=("FRA", "BRA"),
        country_names=("France", "Brazil"),
        lat=lat,
        lon=lon,
    )
    boundaries = inputs.boundaries
    shapes = dict(zip(boundaries["iso_a3"], boundaries.geometry, strict=True))
    world = prepare_map_data([spanning], boundaries, points=inputs.points)
    europe = prepare_map_data([spanning], boundaries, points=inputs.points, region="Europe")
    assert (world.markers["Across 2019"].x, world.markers["Across 2019"].y) == (lon, lat)
    marker = europe.markers["Across 2019"]
    assert ((marker.x, marker.y) == (lon, lat)) is kept_on_europes_map
    if not kept_on_europes_map:
        assert shapes["FRA"].contains(marker)

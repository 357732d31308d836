"""The layers of a print map: a marker never hides the colour of the small country it stands in."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.static.image import plot_map
from opmap.read.inputs import load_inputs
from opmap.read.operations import Operation

GENERATED = date(2024, 1, 1)


@pytest.fixture(scope="module")
def inputs():
    return load_inputs()


def _collection(figure, gid):
    return [c for ax in figure.axes for c in ax.collections if c.get_gid() == gid]


@pytest.mark.parametrize(
    ("iso3", "name", "symbol"),
    [
        ("TUV", "Tuvalu", "country-points"),  # a unit known only by its point: a square
        ("NRU", "Nauru", "small-countries"),  # a country a few points wide: a dot
    ],
)
def test_a_marker_stands_above_the_small_country_it_would_hide(inputs, iso3, name, symbol):
    # On paper Tuvalu's marker covered its square, the only colour of the map.
    operation = Operation("Wave", 2020, countries=(iso3,), country_names=(name,))
    figure = plot_map(
        prepare_map_data([operation], inputs.boundaries, points=inputs.points),
        generated=GENERATED,
    )
    (symbols,) = _collection(figure, symbol)
    (markers,) = _collection(figure, "markers")
    (leaders,) = _collection(figure, "leaders")
    ax = markers.axes
    to_points = 72 / figure.dpi
    symbol = ax.transData.transform(symbols.get_offsets())[0] * to_points
    marker = ax.transData.transform(markers.get_offsets())[0] * to_points
    # the marker's disc (4 pt across) and the symbol (3-3.5 pt) do not touch
    assert np.hypot(*(marker - symbol)) > (4 + 3.5) / 2
    assert np.hypot(*(marker - symbol)) < 10  # still right beside it, tied by its leader line
    (segment,) = leaders.get_segments()
    assert np.allclose(segment[-1], markers.get_offsets()[0])
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("operation-label-")]
    assert [t.get_text() for t in labels] == ["Wave 2020"]

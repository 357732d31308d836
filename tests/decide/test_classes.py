"""Tests for the choropleth classes: the bounds computed without mapclassify are mapclassify's."""

from __future__ import annotations

import subprocess
import sys
import warnings

import mapclassify
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opmap.decide.classes import classify_values, fit_bins

counts = st.lists(st.integers(min_value=0, max_value=1_000_000), min_size=2, max_size=300)
figures = st.lists(
    st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False),
    min_size=2,
    max_size=300,
)


def _mapclassify_bins(values: np.ndarray, scheme: str, k: int) -> np.ndarray:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "not enough unique values to form k classes"
        return mapclassify.classify(values, scheme, k=k).bins


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval"])
@settings(max_examples=300, deadline=None)
@given(values=st.one_of(counts, figures), k=st.integers(min_value=1, max_value=9))
def test_bins_are_mapclassify_bins(scheme, values, k):
    values = np.asarray(values, dtype=float)
    if np.unique(values).size < 2:
        return  # classify_values never fits fewer than two distinct values
    ours = fit_bins(values, scheme, k)
    theirs = _mapclassify_bins(values, scheme, k)
    assert ours.tolist() == theirs.tolist()


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "natural_breaks"])
def test_classes_of_bundled_like_counts(scheme):
    values = [1, 1, 2, 2, 3, 4, 5, 7, 9, 12, 15, 20, 31, 44, np.nan]
    classes = classify_values(values, scheme=scheme, k=4)
    fitted = _mapclassify_bins(np.array([v for v in values if v == v]), scheme, 4)
    assert classes.bins == tuple(sorted({int(np.floor(b)) for b in fitted}))
    assert classes.scheme == scheme


def test_quantiles_do_not_import_mapclassify():
    code = (
        "import sys; from opmap.decide.classes import classify_values; "
        "classify_values(list(range(40)), scheme='quantiles', k=5); "
        "classify_values(list(range(40)), scheme='equal_interval', k=5); "
        "print('mapclassify' in sys.modules, 'scipy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]


def test_class_colours_run_light_to_dark_from_a_readable_start():
    from opmap.decide.classes import palette_colors
    from opmap.style import NO_DATA_COLOR, contrast_ratio, relative_luminance

    colors = palette_colors("OrRd", 5)
    assert len(set(colors)) == 5
    lightness = [relative_luminance(c) for c in colors]
    assert lightness == sorted(lightness, reverse=True)
    assert 3.0 <= contrast_ratio(colors[0], NO_DATA_COLOR) < 3.3  # no darker than it must be
    assert colors[-1] == "#7f0000"  # ColorBrewer's darkest OrRd


@pytest.mark.browser
def test_rendered_contrast_of_the_first_class_and_no_data(tmp_path):
    """Measure the colours Chromium paints: a 1-operation country against a country with none."""
    from datetime import date
    from io import BytesIO

    from browser import launch_browser, open_offline
    from matplotlib.image import imread

    from opmap.decide.mapdata import prepare_map_data
    from opmap.draw.interactive.map import write_map
    from opmap.read.boundaries import load_boundaries, load_country_points
    from opmap.read.operations import read_operations
    from opmap.style import contrast_ratio

    data = prepare_map_data(read_operations(), load_boundaries(), points=load_country_points())
    assert data.classes.labels[0] == "1"
    path = write_map(data, tmp_path / "map.html", generated=date(2024, 5, 1))
    # Places well inside Sudan (1 operation) and Libya (none), away from the markers.
    places = {"SDN": (18.5, 25.0), "LBY": (27.0, 17.0)}
    with launch_browser() as browser:
        page, _ = open_offline(browser, path)
        page.wait_for_timeout(500)
        pixels = page.evaluate(
            """(places) => {
                const map = window[document.querySelector('.folium-map').id];
                map.setView([22, 20], 4, {animate: false});
                const box = map.getContainer().getBoundingClientRect();
                const out = {};
                for (const [iso, [lat, lon]] of Object.entries(places)) {
                    const p = map.latLngToContainerPoint([lat, lon]);
                    out[iso] = [Math.round(box.left + p.x), Math.round(box.top + p.y)];
                }
                return out;
            }""",
            places,
        )
        page.wait_for_timeout(300)
        image = imread(BytesIO(page.screenshot()), format="png")
        page.context.close()

    def painted(iso: str) -> str:
        x, y = pixels[iso]
        patch = image[y - 2 : y + 3, x - 2 : x + 3, :3].reshape(-1, 3)
        colors, counts = np.unique((patch * 255).round().astype(int), axis=0, return_counts=True)
        return "#" + "".join(f"{c:02x}" for c in colors[counts.argmax()])

    class_one, no_data = painted("SDN"), painted("LBY")
    assert class_one != no_data
    assert contrast_ratio(class_one, no_data) >= 3.0, (class_one, no_data)


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "1,000\u20139,999"), ("fr", "1\u202f000\u20139\u202f999"), ("es", "1.000\u20139.999")],
)
def test_class_labels_group_digits_as_the_language_does(language, label):
    from opmap.decide.classes import Classes
    from opmap.i18n import use_language

    classes = Classes(bins=(999, 9999), lows=(1, 1000), colors=("#fff", "#000"), scheme="quantiles")
    with use_language(language):
        assert classes.labels == ("1\u2013999", label)

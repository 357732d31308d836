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

"""Tests for opmap.read.operations on any input at all: nothing crashes.

Hypothesis writes random bytes and CSV-like text: check_operations never raises, and
read_operations raises only OpmapError (a problem the command line prints, not a traceback).
"""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opmap.errors import OpmapError
from opmap.read.operation_header import COLUMNS
from opmap.read.operations import check_operations, read_operations

# Anything at all in a file: check_operations never raises, read_operations raises only OpmapError.
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "2018",
            "Sudan",
            "CIV;Chad",
            "nearly 350",
            "-3",
            "2018-02-30",
            "https://x.org",
            "javascript:x",
            "91",
            "\ufeff",
            "Côte d'Ivoire",
        ]
    ),
    st.text(alphabet=string.printable + "éô’\u00a0\ufeff\x00\x1a", max_size=12),
)


LINES = st.lists(
    st.lists(st.one_of(st.sampled_from(COLUMNS + ("Operation ", "yr")), CELLS), max_size=8),
    max_size=6,
)


@st.composite
def csv_texts(draw):
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = []
    for cells in draw(LINES):
        quoted = [f'"{c}"' if draw(st.booleans()) else c for c in cells]
        rows.append(delimiter.join(quoted))
    return newline.join(rows) + draw(st.sampled_from(["", newline, '"']))


def _never_raises_unexpectedly(path: Path) -> None:
    operations, problems = check_operations(path)
    assert all(p.severity in ("error", "warning") for p in problems)
    try:
        read_operations(path)
    except OpmapError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=400))
def test_any_bytes_never_crash(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("bytes") / "ops.csv"
    path.write_bytes(content)
    _never_raises_unexpectedly(path)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=csv_texts(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_any_csvish_text_never_crashes(tmp_path_factory, text, encoding):
    path = tmp_path_factory.mktemp("text") / "ops.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _never_raises_unexpectedly(path)

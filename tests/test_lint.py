"""The code reads as STYLE.md asks: ruff's checks (numpydoc docstrings included) pass."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from paths import REPO


def test_ruff_finds_nothing():
    if importlib.util.find_spec("ruff") is None:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "src",
            "tests",
            "scripts",
            "benchmarks",
            "mutation",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

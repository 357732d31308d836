"""Bundled files that a script bakes from a library (pycountry, Babel): are they up to date?"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import REPO


def assert_baked_now(script: str, bundled: Path, tmp_path: Path) -> None:
    """Run ``scripts/<script> --out`` and check ``bundled`` holds exactly what it writes now."""
    out = tmp_path / bundled.name
    command = [sys.executable, str(REPO / "scripts" / script), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    assert out.read_bytes() == bundled.read_bytes(), (
        f"{bundled.relative_to(REPO).as_posix()} is out of date: run python scripts/{script}"
    )

"""Processes for the tests of leftovers a killed run left behind, and of a run still going."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator


def dead_pid() -> int:
    """Return the id of a process that has ended: what a killed run's leftovers carry."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@contextlib.contextmanager
def live_pid() -> Iterator[int]:
    """Yield the id of a process that runs until the block ends: another opmap run's stand-in."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()

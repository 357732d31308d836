"""Processes for the tests of leftovers a killed run left behind."""

from __future__ import annotations

import subprocess
import sys


def dead_pid() -> int:
    """Return the id of a process that has ended: what a killed run's leftovers carry."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid

"""Run a command as a whole process and measure it: wall time, peak memory, what it wrote.

Shared by ``run.py`` (which runs each scale) and ``report.py`` (which tabulates the runs).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "data"  # generated CSVs and maps; not committed
PYTHON = sys.executable
MAPS = ("opmap map", "explore()", "Choropleth")


@dataclass
class Run:
    """One process: what it was, how long it took and how much memory it held at most."""

    scale: str
    tool: str
    seconds: float | None = None
    #: CPU time of the process and the children it waited for (user + system), from ``wait4``
    cpu_seconds: float | None = None
    rss_mb: float | None = None
    html: Path | None = None
    html_bytes: int | None = None
    note: str = ""
    browser: dict = field(default_factory=dict)


def measure(
    scale: str, tool: str, argv: list[str], html: Path | None = None, repeat: int = 1
) -> Run:
    """Run argv ``repeat`` times; keep the run of median wall time (the machine is shared)."""
    runs = [_measure_once(scale, tool, argv, html) for _ in range(repeat)]
    timed = sorted((r for r in runs if r.seconds is not None), key=lambda r: r.seconds)
    run = timed[len(timed) // 2] if timed else runs[-1]
    if len(timed) > 1:
        times = ", ".join(f"{r.seconds:.2f}" for r in timed)
        run.note = (run.note + f" median of {len(timed)} ({times} s)").strip()
    print(
        f"  {scale:>8} {tool:<20} {fmt(run.seconds, 's')} {fmt(run.rss_mb, 'MB', 0)}"
        f" {fmt_bytes(run.html_bytes)} {run.note}",
        flush=True,
    )
    return run


def _measure_once(
    scale: str, tool: str, argv: list[str], html: Path | None = None, timeout: float = 900
) -> Run:
    """Run argv as a child process; return its wall time and its own peak RSS (wait4)."""
    run = Run(scale, tool, html=html)
    if html is not None and html.is_dir():  # the folder of a previous `opmap build`
        shutil.rmtree(html)
    elif html is not None and html.exists():
        html.unlink()
    started = time.perf_counter()
    with open(WORK / "stderr.txt", "wb") as stderr:
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr, cwd=HERE)
        try:
            _, status, usage = _wait(child, timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            run.note = f"killed after {timeout:.0f} s"
            return run
    run.seconds = time.perf_counter() - started
    run.rss_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    run.cpu_seconds = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        tail = (WORK / "stderr.txt").read_text(errors="replace").strip().splitlines()[-1:]
        run.note = f"exit {code}: {' '.join(tail)[:160]}"
    if html is not None and html.exists():
        run.html_bytes = _size(html)
    return run


def _wait(child: subprocess.Popen, timeout: float):
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            child.returncode = os.waitstatus_to_exitcode(status)
            return pid, status, usage
        if time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(child.args, timeout)
        time.sleep(0.005)


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def gis_bytes(pack: Path | None) -> int | None:
    """Return the bytes of a pack's GIS layers (opmap.gpkg, opmap-*.geojson), or None."""
    if pack is None or not pack.is_dir():
        return None
    return sum(p.stat().st_size for p in (*pack.glob("opmap.gpkg"), *pack.glob("opmap-*.geojson")))


def opmap_has(command: str) -> bool:
    """Whether this opmap has the command (the CLI lists planned commands before they exist)."""
    return importlib.util.find_spec(f"opmap.cli.{command}") is not None


def operations_csv(scale: str, seed: int) -> Path:
    """Return the CSV of a scale: the bundled data, or N generated operations."""
    if scale == "bundled":
        from opmap.bundled import operations_path

        return operations_path()
    path = WORK / f"operations-{scale}-seed{seed}.csv"
    if not path.exists():
        subprocess.run(
            [
                PYTHON,
                str(HERE / "generate.py"),
                "--n",
                scale,
                "--seed",
                str(seed),
                "--out",
                str(path),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return path


def fmt(value: float | None, unit: str, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f} {unit}"


def fmt_bytes(size: int | None) -> str:
    if size is None:
        return "–"
    return f"{size / 1024:.0f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"

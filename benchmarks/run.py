"""Measure opmap against the maps users would otherwise make, at growing numbers of operations.

For each scale, on the same CSV: wall time and peak memory (RSS) of each command as a whole
process, the size of each HTML map, and the time until headless Chromium has drawn it. Prints the
figures and ratios and writes ``benchmarks/RESULTS.md``. Benchmarks assert nothing about time.

    $ python benchmarks/run.py --scales bundled,100,1000,10000,100000
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.resources
import importlib.util
import io
import os
import platform
import pstats
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "data"  # generated CSVs and maps; not committed
RESULTS = HERE / "RESULTS.md"
# Hand-written notes quoted at the end of RESULTS.md: figures measured before the fixes, and
# what dominates where a floor is missed.
NOTES = (HERE / "findings.md", HERE / "before.md")
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MAPS = ("opmap map", "explore()", "Choropleth")
QUIET_MS = 500  # "fully drawn": nothing added or removed for this long after the load event


@dataclass
class Run:
    """One process: what it was, how long it took and how much memory it held at most."""

    scale: str
    tool: str
    seconds: float | None = None
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
        f"  {scale:>8} {tool:<20} {_fmt(run.seconds, 's')} {_fmt(run.rss_mb, 'MB', 0)}"
        f" {_fmt_bytes(run.html_bytes)} {run.note}",
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


def run_scale(
    scale: str, seed: int, browser_max: int, page, repeat: int = 1, map_max: int = 0
) -> list[Run]:
    """Measure every command at one scale; draw the maps if the scale is small enough.

    Processes other than ``opmap build`` and the drawing are repeated ``repeat`` times. Above
    ``browser_max`` only validate and summary run, and ``opmap map`` up to ``map_max``.
    """
    csv_path = operations_csv(scale, seed)
    opmap = [PYTHON, "-m", "opmap"]
    runs = [
        measure(scale, "opmap validate", [*opmap, "validate", str(csv_path)], repeat=repeat),
        measure(
            scale,
            "opmap summary",
            [*opmap, "summary", "--operations", str(csv_path)],
            repeat=repeat,
        ),
    ]
    out = WORK / f"maps-{scale}"
    out.mkdir(parents=True, exist_ok=True)
    if scale != "bundled" and int(scale) > browser_max:
        if int(scale) <= map_max:  # the map's process, peak memory and page; not drawn
            html = out / "opmap.html"
            command = [*opmap, "map", "--operations", str(csv_path), "--out", str(html)]
            runs.append(measure(scale, "opmap map", command, html, 1))
        return runs
    if opmap_has("map"):
        runs.append(
            measure(
                scale,
                "opmap map",
                [*opmap, "map", "--operations", str(csv_path), "--out", str(out / "opmap.html")],
                out / "opmap.html",
                repeat,
            )
        )
    else:
        runs.append(Run(scale, "opmap map", note="not available yet"))
    if opmap_has("build"):
        runs.append(
            measure(
                scale,
                "opmap build",
                [*opmap, "build", "--operations", str(csv_path), "--out", str(out / "pack")],
                out / "pack",
            )
        )
    else:
        runs.append(Run(scale, "opmap build", note="not available yet (`opmap build` missing)"))
    for tool, script in (
        ("explore()", "baseline_explore.py"),
        ("Choropleth", "baseline_choropleth.py"),
    ):
        html = out / f"{script.removesuffix('.py')}.html"
        runs.append(
            measure(
                scale, tool, [PYTHON, str(HERE / script), str(csv_path), str(html)], html, repeat
            )
        )
    for run in runs:
        if run.tool in MAPS and run.html_bytes:
            draws = [
                draw_time(page, run.html, offline=run.tool == "opmap map") for _ in range(repeat)
            ]
            draws.sort(key=lambda d: d.get("drawn_ms") or float("inf"))
            run.browser = draws[len(draws) // 2]
            print(
                f"  {scale:>8} {run.tool:<20} drawn in {run.browser.get('drawn_ms', 0):.0f} ms"
                f" ({run.browser.get('items')} interactive items, input latency "
                f"{run.browser.get('input_ms', 0):.0f} ms) {run.browser.get('note', '')}",
                flush=True,
            )
    return runs


# Counts Leaflet's interactive elements every frame from the very start of the page, so the time
# of the last change is known even if it happens before the load event.
_PROBE = """
(() => {
  const probe = {count: 0, lastChange: 0, watching: false, maxGap: 0, lastFrame: 0, inputs: []};
  window.__bench = probe;
  const items = document.getElementsByClassName('leaflet-interactive');
  const tick = (now) => {
    const n = items.length;
    if (n !== probe.count) { probe.count = n; probe.lastChange = performance.now(); }
    if (probe.watching && probe.lastFrame) {
      probe.maxGap = Math.max(probe.maxGap, now - probe.lastFrame);
    }
    probe.lastFrame = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const onInput = (event) => {
    if (!probe.watching) return;
    const t0 = event.timeStamp;
    requestAnimationFrame(() => probe.inputs.push(performance.now() - t0));
  };
  for (const type of ['mousemove', 'wheel', 'mousedown']) {
    window.addEventListener(type, onInput, true);
  }
  probe.settled = (quietMs) => new Promise((resolve) => {
    const check = () => {
      const quiet = performance.now() - probe.lastChange >= quietMs;
      if (document.readyState === 'complete' && quiet) {
        const nav = performance.getEntriesByType('navigation')[0];
        resolve({
          lastChange: probe.lastChange,
          loadEnd: nav ? nav.loadEventEnd : 0,
          items: probe.count,
          paths: document.querySelectorAll('path.leaflet-interactive').length,
          markers: document.querySelectorAll('.leaflet-marker-icon').length,
        });
      } else {
        setTimeout(check, 50);
      }
    };
    check();
  });
})();
"""


def draw_time(page_factory, html: Path, offline: bool) -> dict:
    """Open a map in Chromium; return when it was fully drawn and how fast it answers input."""
    context, page = page_factory()
    blocked: list[str] = []
    page.route("**/*", _router(blocked, offline))
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)[:120]))
    try:
        page.goto(html.as_uri(), wait_until="load", timeout=180_000)
        drawn = page.evaluate("(q) => window.__bench.settled(q)", QUIET_MS)
        result = {"drawn_ms": max(drawn["lastChange"], drawn["loadEnd"]), **drawn}
        result.update(_interact(page))
    except Exception as err:  # noqa: BLE001 - a map that fails to draw is a result to report
        result = {"note": f"failed: {str(err).splitlines()[0][:120]}"}
    finally:
        context.close()
    if offline and blocked:
        result["note"] = f"{len(blocked)} network request(s) blocked: {blocked[0][:80]}"
    if errors:
        result["note"] = (result.get("note", "") + f" page errors: {errors[0]}").strip()
    return result


def _interact(page) -> dict:
    """Hover across the map and zoom in; return the worst input-to-frame time and frame gap."""
    page.evaluate("() => { window.__bench.watching = true; }")
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    for step in range(1, 9):
        page.mouse.move(width * step / 10, height * 0.5, steps=2)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(1000)
    page.mouse.move(width * 0.3, height * 0.4)
    page.mouse.down()
    page.mouse.move(width * 0.6, height * 0.6, steps=5)
    page.mouse.up()
    page.wait_for_timeout(500)
    inputs, gap = page.evaluate("() => [window.__bench.inputs, window.__bench.maxGap]")
    return {"input_ms": max(inputs) if inputs else None, "max_frame_gap_ms": gap}


# Stands in for d3 (no copy is installed): every property and call gives itself back, so
# branca's legend code runs without drawing and the rest of the map script is not cut short.
_D3_STUB = b"""window.d3 = (() => {
  const stub = new Proxy(function () {}, {
    get: (target, key) => (key === Symbol.toPrimitive ? () => 0 : stub),
    apply: () => stub,
  });
  return stub;
})();"""

# Stands in for jQuery (no copy is installed), for the one use folium makes of it: parsing a
# popup's HTML with $(`<div>...</div>`)[0].
_JQUERY_STUB = b"""window.jQuery = window.$ = (html) => {
  const template = document.createElement('template');
  template.innerHTML = String(html).trim();
  return [template.content.firstElementChild];
};"""


def _router(blocked: list[str], offline: bool):
    """Answer requests: nothing leaves for opmap; CDN Leaflet served locally for the baselines."""
    leaflet = importlib.resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"
    local = {
        "leaflet.js": (leaflet / "leaflet.js").read_bytes(),
        "leaflet.css": (leaflet / "leaflet.css").read_bytes(),
    }
    types = {".js": "application/javascript", ".css": "text/css", ".png": "image/png"}

    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
            return
        if offline:
            blocked.append(url)
            route.abort()
            return
        name = url.split("?")[0].rsplit("/", 1)[-1]
        suffix = Path(name).suffix
        if "leaflet" in url and name in local:
            route.fulfill(status=200, body=local[name], content_type=types[suffix])
        elif name.startswith("d3"):  # an empty d3 would stop folium's script at the legend
            route.fulfill(status=200, body=_D3_STUB, content_type=types[".js"])
        elif name.startswith("jquery"):  # folium builds each popup with $(`<div>...`)[0]
            route.fulfill(status=200, body=_JQUERY_STUB, content_type=types[".js"])
        else:  # jquery, bootstrap, font-awesome, tiles...: present but empty
            route.fulfill(status=200, body=b"", content_type=types.get(suffix, "text/plain"))

    return handle


# The command line's own frames (runpy, click, opmap.cli) sit above everything: leave them out.
_WRAPPERS = (
    "{built-in method builtins.exec}",
    "<string>:1(<module>)",
    "<frozen ",
    "(<module>)",
    "builtins.__import__",
    "__build_class__",
    "__main__.py",
    "core.py:",
    "__init__.py:98(main)",
    "__init__.py:53(invoke)",
)


def profile_summary(csv_path: Path, out: Path, top: int = 30) -> str:
    """Profile ``opmap summary`` on a file in a child process; return the top functions."""
    prof = out.with_suffix(".prof")
    subprocess.run(
        [
            PYTHON,
            "-m",
            "cProfile",
            "-o",
            str(prof),
            "-m",
            "opmap",
            "summary",
            "--operations",
            str(csv_path),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=HERE,
    )
    text = io.StringIO()
    stats = pstats.Stats(str(prof), stream=text)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top + len(_WRAPPERS) + 6)
    lines = text.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    rows = [
        line
        for line in lines[start + 1 :]
        if line.strip() and not any(wrapper in line for wrapper in _WRAPPERS)
    ]
    return "\n".join([lines[start], *rows[:top]])


# ---------------------------------------------------------------------------------------------
# Report


def machine() -> dict[str, str]:
    """Describe the machine and the software measured."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024**2:.1f} GB"
    packages = (
        "opmap",
        "geopandas",
        "folium",
        "pandas",
        "shapely",
        "pyogrio",
        "pycountry",
        "playwright",
        "django-js-lib-leaflet",
    )
    versions = []
    for name in packages:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "packages": ", ".join(versions),
    }


def _fmt(value: float | None, unit: str, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f} {unit}"


def _fmt_bytes(size: int | None) -> str:
    if size is None:
        return "–"
    return f"{size / 1024:.0f} KB" if size < 1024**2 else f"{size / 1024**2:.1f} MB"


def _ratio(mine: float | None, theirs: float | None) -> str:
    return "–" if not mine or not theirs else f"{mine / theirs:.2f}"


def _find(runs: list[Run], scale: str, tool: str) -> Run | None:
    return next((r for r in runs if r.scale == scale and r.tool == tool), None)


def processes_table(runs: list[Run]) -> str:
    """Markdown: one row per process."""
    lines = [
        "| operations | process | wall time | peak RSS | output size | note |",
        "|---:|:---|---:|---:|---:|:---|",
    ]
    for run in runs:
        lines.append(
            f"| {run.scale} | `{run.tool}` | {_fmt(run.seconds, 's')} | "
            f"{_fmt(run.rss_mb, 'MB', 0)} | {_fmt_bytes(run.html_bytes)} | {run.note} |"
        )
    return "\n".join(lines)


def browser_table(runs: list[Run]) -> str:
    """Markdown: how each map draws and answers input in Chromium."""
    lines = [
        "| operations | map | HTML | drawn after | interactive elements | "
        "markers (img) | worst input→frame | worst frame gap | note |",
        "|---:|:---|---:|---:|---:|---:|---:|---:|:---|",
    ]
    for run in runs:
        if run.tool not in MAPS or not run.browser:
            continue
        b = run.browser
        lines.append(
            f"| {run.scale} | {run.tool} | {_fmt_bytes(run.html_bytes)} | "
            f"{_fmt(b.get('drawn_ms'), 'ms', 0)} | {b.get('items', '–')} | "
            f"{b.get('markers', '–')} | {_fmt(b.get('input_ms'), 'ms', 0)} | "
            f"{_fmt(b.get('max_frame_gap_ms'), 'ms', 0)} | {b.get('note', '')} |"
        )
    return "\n".join(lines)


def ratios_table(runs: list[Run], scales: list[str]) -> str:
    """Markdown: opmap map over each baseline, per scale."""
    lines = [
        "| operations | vs | time ratio | RSS ratio | HTML size ratio | drawn-time ratio |",
        "|---:|:---|---:|---:|---:|---:|",
    ]
    for scale in scales:
        mine = _find(runs, scale, "opmap map")
        for other in ("explore()", "Choropleth"):
            theirs = _find(runs, scale, other)
            if mine is None or theirs is None:
                continue
            lines.append(
                f"| {scale} | {other} | {_ratio(mine.seconds, theirs.seconds)} | "
                f"{_ratio(mine.rss_mb, theirs.rss_mb)} | "
                f"{_ratio(mine.html_bytes, theirs.html_bytes)} | "
                f"{_ratio(mine.browser.get('drawn_ms'), theirs.browser.get('drawn_ms'))} |"
            )
    return "\n".join(lines)


def pack_table(runs: list[Run], scales: list[str]) -> str:
    """Markdown: ``opmap build`` beside the explore() script, and the size of its pack."""
    lines = [
        "| operations | `opmap build` | explore() | build / explore() | pack size "
        "| per operation |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        build, explore = _find(runs, scale, "opmap build"), _find(runs, scale, "explore()")
        if build is None or build.seconds is None:
            continue
        per_op = "–"
        if build.html_bytes and scale.isdigit():
            per_op = _fmt_bytes(build.html_bytes // int(scale))
        lines.append(
            f"| {scale} | {_fmt(build.seconds, 's')} | {_fmt(explore and explore.seconds, 's')} | "
            f"{_ratio(build.seconds, explore and explore.seconds)} | "
            f"{_fmt_bytes(build.html_bytes)} | {per_op} |"
        )
    return "\n".join(lines)


def growth_table(runs: list[Run], scales: list[str]) -> str:
    """Markdown: time, memory and size of each process as N grows."""
    tools = list(dict.fromkeys(r.tool for r in runs))
    head = "| process | " + " | ".join(scales) + " |"
    lines = [head, "|:---|" + "---:|" * len(scales)]
    for tool in tools:
        cells = []
        for scale in scales:
            run = _find(runs, scale, tool)
            if run is None or run.seconds is None:
                cells.append("–")
                continue
            cell = f"{run.seconds:.2f} s, {run.rss_mb:.0f} MB"
            if run.html_bytes:
                cell += f", {_fmt_bytes(run.html_bytes)}"
            cells.append(cell)
        lines.append(f"| `{tool}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def floors(runs: list[Run]) -> str:
    """Markdown: the issue's floors, met or missed, from the measured figures."""

    def verdict(ok: bool | None) -> str:
        return "not measured" if ok is None else ("met" if ok else "**missed**")

    lines = ["| floor | measured | verdict |", "|:---|:---|:---|"]
    mine, explore = _find(runs, "bundled", "opmap map"), _find(runs, "bundled", "explore()")
    if mine and explore and mine.seconds and explore.seconds:
        ratio = mine.seconds / explore.seconds
        lines.append(
            f"| bundled: `opmap map` ≤ ¼ the time of explore() | {ratio:.2f}× "
            f"({mine.seconds:.2f} s vs {explore.seconds:.2f} s) | "
            f"{verdict(ratio <= 0.25)} |"
        )
        if mine.html_bytes and explore.html_bytes:
            ratio = mine.html_bytes / explore.html_bytes
            lines.append(
                f"| bundled: map HTML ≤ ⅙ of explore()'s | {ratio:.2f}× "
                f"({_fmt_bytes(mine.html_bytes)} vs {_fmt_bytes(explore.html_bytes)}) | "
                f"{verdict(ratio <= 1 / 6)} |"
            )
    build = _find(runs, "10000", "opmap build")
    if build is not None:
        ok = None if build.seconds is None else build.seconds <= 60 and build.rss_mb <= 2048
        if build.note.startswith("exit"):
            ok = False  # a build that fails has not met the floor, however fast it failed
        lines.append(
            f"| 10,000: `opmap build` ≤ 60 s and 2 GB | {_fmt(build.seconds, 's')}, "
            f"{_fmt(build.rss_mb, 'MB', 0)} {build.note} | {verdict(ok)} |"
        )
    build, explore = _find(runs, "1000", "opmap build"), _find(runs, "1000", "explore()")
    if build and explore and build.seconds and explore.seconds:
        ratio = build.seconds / explore.seconds
        lines.append(
            f"| 1,000: `opmap build` ≤ the time of explore() | {ratio:.2f}× "
            f"({build.seconds:.2f} s vs {explore.seconds:.2f} s) | {verdict(ratio <= 1)} |"
        )
    pack = _find(runs, "10000", "opmap build")
    if pack is not None and pack.html_bytes:
        lines.append(
            f"| 10,000: the pack ≤ 20 MB | {_fmt_bytes(pack.html_bytes)} | "
            f"{verdict(pack.html_bytes <= 20 * 1024**2)} |"
        )
    big_map = _find(runs, "10000", "opmap map")
    if big_map is not None and big_map.browser:
        drawn = big_map.browser.get("drawn_ms")
        latency = big_map.browser.get("input_ms")
        lines.append(
            f"| 10,000: map drawn in Chromium ≤ 3 s | {_fmt(drawn, 'ms', 0)} | "
            f"{verdict(None if drawn is None else drawn <= 3000)} |"
        )
        lines.append(
            f"| 10,000: map responsive (input→frame ≤ 100 ms) | "
            f"{_fmt(latency, 'ms', 0)} | "
            f"{verdict(None if latency is None else latency <= 100)} |"
        )
    huge = _find(runs, "100000", "opmap map")
    if huge is not None and huge.seconds is not None:
        lines.append(
            f"| 100,000: `opmap map` peaks ≤ 800 MB | {_fmt(huge.rss_mb, 'MB', 0)} | "
            f"{verdict(huge.rss_mb <= 800)} |"
        )
        if huge.html_bytes:
            lines.append(
                f"| 100,000: its page ≤ 40 MB | {_fmt_bytes(huge.html_bytes)} | "
                f"{verdict(huge.html_bytes <= 40 * 1024**2)} |"
            )
    for tool in ("opmap validate", "opmap summary"):
        run = _find(runs, "100000", tool)
        if run is not None:
            ok = None if run.seconds is None else run.seconds <= 20
            lines.append(
                f"| 100,000: `{tool}` ≤ 20 s | {_fmt(run.seconds, 's')}, "
                f"{_fmt(run.rss_mb, 'MB', 0)} | {verdict(ok)} |"
            )
    return "\n".join(lines)


def memory_per_operation(runs: list[Run], scales: list[str]) -> str:
    """Markdown: extra RSS per extra operation between successive scales (flat = linear)."""
    numeric = [s for s in scales if s.isdigit()]
    lines = ["| process | from → to | extra RSS per extra operation |", "|:---|:---|---:|"]
    for tool in ("opmap validate", "opmap summary"):
        for low, high in zip(numeric, numeric[1:], strict=False):
            a, b = _find(runs, low, tool), _find(runs, high, tool)
            if a and b and a.rss_mb and b.rss_mb:
                per_op = (b.rss_mb - a.rss_mb) * 1024 / (int(high) - int(low))
                lines.append(f"| `{tool}` | {low} → {high} | {per_op:.2f} KB |")
    return "\n".join(lines)


def write_results(
    runs: list[Run], scales: list[str], info: dict, profile: str | None, command: str
) -> None:
    """Write RESULTS.md from the measured runs."""
    parts = [
        "# Benchmark results",
        "",
        f"Written by `{command}` on {info['date']}. Every figure below was measured in that "
        "one run; the notes at the end are quoted from `findings.md` and `before.md`.",
        "",
        f"- Machine: {info['cpu']}, {info['cores']} cores, {info['memory']} RAM; "
        f"load average at the end {info['load']} (colleagues' jobs share the machine, so "
        "times are noisy)",
        f"- {info['python']} on {info['os']}",
        f"- {info['packages']}",
        f"- Browser: {info.get('browser', 'not used')}, headless, viewport 1280×800",
        "",
        "Wall time and peak RSS are those of each whole process (`os.wait4`), imports included; "
        "up to 1,000 operations each process and each drawing ran several times and the median "
        "run is shown (`opmap build` once). "
        "`explore()` and `Choropleth` are the scripts `baseline_explore.py` and "
        "`baseline_choropleth.py`: the same join (opmap's resolver), one marker per operation. "
        f'"Drawn after" is `performance.now()` from navigation start until the load event has '
        f"fired and the number of Leaflet interactive elements has not changed for {QUIET_MS} "
        "ms. opmap's map has all network blocked; the baselines get Leaflet from local files "
        "and every other CDN request (jQuery, Bootstrap, Font Awesome, tiles) as an empty 200. "
        '"Worst input→frame" is the longest time from a mouse or wheel event to the next frame '
        "while hovering across the map, zooming in and dragging.",
        "",
        "## Floors",
        "",
        floors(runs),
        "",
        "## Maps side by side",
        "",
        ratios_table(runs, scales),
        "",
        browser_table(runs),
        "",
        "## The briefing pack",
        "",
        "`opmap build` writes the whole pack (maps, images for print, coverage and regional "
        "maps, GIS layers, the briefing page); explore() writes one map. The pack size is every "
        "file of the folder.",
        "",
        pack_table(runs, scales),
        "",
        "## Every process",
        "",
        processes_table(runs),
        "",
        "## Growth with N",
        "",
        growth_table(runs, scales),
        "",
        memory_per_operation(runs, scales),
    ]
    if profile:
        parts += [
            "",
            "## Where the time goes",
            "",
            f"cProfile of `opmap summary` on the largest file ({scales[-1]} operations), "
            "top functions by cumulative time (the profiler itself slows the run):",
            "",
            "```",
            profile,
            "```",
        ]
    for notes in NOTES:
        if notes.exists():
            parts += ["", notes.read_text().strip()]
    RESULTS.write_text("\n".join(parts) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------


def main() -> None:
    """Parse the options, measure every scale, print the figures and write RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scales",
        default="bundled,100,1000,10000,100000",
        help="comma-separated: 'bundled' and/or numbers of operations",
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--browser-max",
        type=int,
        default=10000,
        help="largest N whose maps are made and drawn (default 10000); above "
        "it only validate and summary are timed",
    )
    parser.add_argument(
        "--map-max",
        type=int,
        default=100000,
        help="largest N whose `opmap map` process is measured above --browser-max "
        "(default 100000; not drawn)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs per process and per drawing up to 1,000 operations, the "
        "median kept (default 3; larger scales run once)",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument("--no-write", action="store_true", help="print only; keep RESULTS.md")
    args = parser.parse_args()
    scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    WORK.mkdir(exist_ok=True)
    info = machine()

    from playwright.sync_api import sync_playwright

    runs: list[Run] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        info["browser"] = f"Chromium {browser.version}"

        def page_factory():
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.add_init_script(_PROBE)
            return context, page

        for scale in scales:
            print(f"{scale} operations:", flush=True)
            small = scale == "bundled" or int(scale) <= 1000
            runs += run_scale(
                scale,
                args.seed,
                args.browser_max,
                page_factory,
                args.repeat if small else 1,
                map_max=args.map_max,
            )
        browser.close()

    profile = None
    largest = [s for s in scales if s.isdigit()]
    if largest and not args.no_profile:
        csv_path = operations_csv(largest[-1], args.seed)
        profile = profile_summary(csv_path, WORK / f"summary-{largest[-1]}")
        print(f"\nProfile of opmap summary on {largest[-1]} operations:\n{profile}")

    print("\n" + ratios_table(runs, scales) + "\n\n" + pack_table(runs, scales))
    print("\n" + floors(runs))
    if not args.no_write:
        command = "python benchmarks/run.py " + " ".join(sys.argv[1:])
        write_results(runs, scales, info, profile, command.strip())
        print(f"\nwrote {RESULTS}")


if __name__ == "__main__":
    main()

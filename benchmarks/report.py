"""RESULTS.md: the measured runs as tables, the issue's floors met or missed, and the notes."""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
from pathlib import Path

from drawing import QUIET_MS
from processes import HERE, MAPS, Run, fmt, fmt_bytes, gis_bytes

RESULTS = HERE / "RESULTS.md"
# Hand-written notes quoted at the end of RESULTS.md: figures measured before the fixes, and
# what dominates where a floor is missed.
NOTES = (HERE / "findings.md", HERE / "before.md")


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


def _ratio(mine: float | None, theirs: float | None) -> str:
    return "–" if not mine or not theirs else f"{mine / theirs:.2f}"


def _find(runs: list[Run], scale: str, tool: str) -> Run | None:
    return next((r for r in runs if r.scale == scale and r.tool == tool), None)


def processes_table(runs: list[Run]) -> str:
    """Markdown: one row per process."""
    lines = [
        "| operations | process | wall time | CPU time | peak RSS | output size | note |",
        "|---:|:---|---:|---:|---:|---:|:---|",
    ]
    for run in runs:
        lines.append(
            f"| {run.scale} | `{run.tool}` | {fmt(run.seconds, 's')} | "
            f"{fmt(run.cpu_seconds, 's')} | {fmt(run.rss_mb, 'MB', 0)} | "
            f"{fmt_bytes(run.html_bytes)} | {run.note} |"
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
            f"| {run.scale} | {run.tool} | {fmt_bytes(run.html_bytes)} | "
            f"{fmt(b.get('drawn_ms'), 'ms', 0)} | {b.get('items', '–')} | "
            f"{b.get('markers', '–')} | {fmt(b.get('input_ms'), 'ms', 0)} | "
            f"{fmt(b.get('max_frame_gap_ms'), 'ms', 0)} | {b.get('note', '')} |"
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
        "| operations | `opmap build` | its CPU time | explore() | build / explore() | pack size "
        "| GIS layers in it | per operation |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for scale in scales:
        build, explore = _find(runs, scale, "opmap build"), _find(runs, scale, "explore()")
        if build is None or build.seconds is None:
            continue
        per_op = "–"
        if build.html_bytes and scale.isdigit():
            per_op = fmt_bytes(build.html_bytes // int(scale))
        lines.append(
            f"| {scale} | {fmt(build.seconds, 's')} | {fmt(build.cpu_seconds, 's')} | "
            f"{fmt(explore and explore.seconds, 's')} | "
            f"{_ratio(build.seconds, explore and explore.seconds)} | "
            f"{fmt_bytes(build.html_bytes)} | {fmt_bytes(gis_bytes(build.html))} | {per_op} |"
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
                cell += f", {fmt_bytes(run.html_bytes)}"
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
        folium = _find(runs, "bundled", "import folium")
        alone = ""
        if folium and folium.seconds:  # what no folium map can take less than
            alone = f"; `import folium` alone {folium.seconds / explore.seconds:.2f}×"
        lines.append(
            f"| bundled: `opmap map` ≤ ¼ the time of explore() | {ratio:.2f}× "
            f"({mine.seconds:.2f} s vs {explore.seconds:.2f} s{alone}) | "
            f"{verdict(ratio <= 0.25)} |"
        )
        if mine.html_bytes and explore.html_bytes:
            ratio = mine.html_bytes / explore.html_bytes
            lines.append(
                f"| bundled: map HTML ≤ ⅙ of explore()'s | {ratio:.2f}× "
                f"({fmt_bytes(mine.html_bytes)} vs {fmt_bytes(explore.html_bytes)}) | "
                f"{verdict(ratio <= 1 / 6)} |"
            )
    build = _find(runs, "10000", "opmap build")
    if build is not None:
        ok = None if build.seconds is None else build.seconds <= 60 and build.rss_mb <= 2048
        if build.note.startswith("exit"):
            ok = False  # a build that fails has not met the floor, however fast it failed
        lines.append(
            f"| 10,000: `opmap build` ≤ 60 s and 2 GB | {fmt(build.seconds, 's')}, "
            f"{fmt(build.rss_mb, 'MB', 0)} {build.note} | {verdict(ok)} |"
        )
    build, explore = _find(runs, "1000", "opmap build"), _find(runs, "1000", "explore()")
    if build and explore and build.seconds and explore.seconds:
        ratio = build.seconds / explore.seconds
        cpu = f"; {build.cpu_seconds:.2f} s of CPU" if build.cpu_seconds else ""
        lines.append(
            f"| 1,000: `opmap build` ≤ the time of explore() | {ratio:.2f}× "
            f"({build.seconds:.2f} s vs {explore.seconds:.2f} s{cpu}) | {verdict(ratio <= 1)} |"
        )
    pack = _find(runs, "10000", "opmap build")
    if pack is not None and pack.html_bytes:
        gis = gis_bytes(pack.html)
        of_it = f" (GIS layers {fmt_bytes(gis)} of it)" if gis else ""
        lines.append(
            f"| 10,000: the pack ≤ 20 MB | {fmt_bytes(pack.html_bytes)}{of_it} | "
            f"{verdict(pack.html_bytes <= 20 * 1024**2)} |"
        )
    big_map = _find(runs, "10000", "opmap map")
    if big_map is not None and big_map.browser:
        drawn = big_map.browser.get("drawn_ms")
        latency = big_map.browser.get("input_ms")
        lines.append(
            f"| 10,000: map drawn in Chromium ≤ 3 s | {fmt(drawn, 'ms', 0)} | "
            f"{verdict(None if drawn is None else drawn <= 3000)} |"
        )
        lines.append(
            f"| 10,000: map responsive (input→frame ≤ 100 ms) | "
            f"{fmt(latency, 'ms', 0)} | "
            f"{verdict(None if latency is None else latency <= 100)} |"
        )
    huge = _find(runs, "100000", "opmap map")
    if huge is not None and huge.seconds is not None:
        lines.append(
            f"| 100,000: `opmap map` peaks ≤ 800 MB | {fmt(huge.rss_mb, 'MB', 0)} | "
            f"{verdict(huge.rss_mb <= 800)} |"
        )
        if huge.html_bytes:
            lines.append(
                f"| 100,000: its page ≤ 40 MB | {fmt_bytes(huge.html_bytes)} | "
                f"{verdict(huge.html_bytes <= 40 * 1024**2)} |"
            )
    for tool in ("opmap validate", "opmap summary"):
        run = _find(runs, "100000", tool)
        if run is not None:
            ok = None if run.seconds is None else run.seconds <= 20
            lines.append(
                f"| 100,000: `{tool}` ≤ 20 s | {fmt(run.seconds, 's')}, "
                f"{fmt(run.rss_mb, 'MB', 0)} | {verdict(ok)} |"
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

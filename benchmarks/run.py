"""Measure opmap against the maps users would otherwise make, at growing numbers of operations.

For each scale, on the same CSV: wall time and peak memory (RSS) of each command as a whole
process, the size of each HTML map, and the time until headless Chromium has drawn it. Prints the
figures and ratios and writes ``benchmarks/RESULTS.md``. Benchmarks assert nothing about time.

    $ python benchmarks/run.py --scales bundled,100,1000,10000,100000
"""

from __future__ import annotations

import argparse
import io
import pstats
import subprocess
import sys
from pathlib import Path

from drawing import CHROMIUM, CHROMIUM_ARGS, PROBE, draw_time
from processes import HERE, MAPS, PYTHON, WORK, Run, measure, operations_csv, opmap_has
from report import RESULTS, floors, machine, pack_table, ratios_table, write_results


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
    if scale == "bundled":  # the least any folium map takes: importing folium, nothing drawn
        runs.append(measure(scale, "import folium", [PYTHON, "-c", "import folium"], None, repeat))
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
            page.add_init_script(PROBE)
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

"""Mutation testing of opmap's core modules, on demand (not part of the test run or of CI).

    python mutation/run.py                       # every target in mutation/targets.toml
    python mutation/run.py src/opmap/figures.py  # one module

Each target module is mutated (see ``mutants.py``) and each mutant is run against the module's
unit tests, listed in ``targets.toml``, in a forked child of this process: the heavy libraries are
imported once here, the child serves the mutated module to every import of it and runs pytest
with ``-x``. A mutant is caught when a test fails, errors or times out. Mutants listed in
``equivalent.toml`` (they change nothing anyone can observe) are not counted. The score per
module and every surviving mutant are written to ``REPORT.md``.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))  # this worktree's opmap, before any installed copy

from mutants import Mutant, make_mutants, mutated_tree  # noqa: E402

# Imported once in the parent so that each forked child starts with them loaded.
_PRELOAD = (
    "pytest",
    "hypothesis",
    "numpy",
    "pandas",
    "shapely",
    "pyproj",
    "pyogrio",
    "geopandas",
    "pycountry",
    "click",
    "jinja2",
)
_BASETEMPS: dict[int, str] = {}  # child pid -> its pytest temporary folder
_STOP = []  # set by SIGTERM or Ctrl-C: finish the running mutants, start no more
_PYTEST_ARGS = ["-x", "-q", "-p", "no:cacheprovider", "-m", "not browser"]


@dataclass
class Target:
    """A module to mutate, the tests that judge its mutants, and its floor in percent."""

    path: str  # src/opmap/figures.py
    tests: list[str]
    floor: float
    data_tables: set[str] = field(default_factory=set)
    warm: str = ""  # code run once before the mutants fork (imports, caches)
    deselect: list[str] = field(default_factory=list)  # tests left out of the mutants' runs

    @property
    def module(self) -> str:
        """The dotted name of the module (opmap.figures)."""
        return ".".join(Path(self.path).with_suffix("").parts[1:])


@dataclass
class Outcome:
    """What became of one mutant."""

    mutant: Mutant
    status: str  # killed, timeout, survived, equivalent


class _MutantFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serve one module's mutated code to every import of it (installed in the child only)."""

    def __init__(self, name: str, path: str, code) -> None:
        self.name, self.path, self.code = name, path, code

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        return importlib.util.spec_from_file_location(fullname, self.path, loader=self)

    def create_module(self, spec):
        return None

    def exec_module(self, module) -> None:
        exec(self.code, module.__dict__)


def _load_targets(only: list[str]) -> list[Target]:
    config = tomllib.loads((HERE / "targets.toml").read_text(encoding="utf-8"))
    targets = [
        Target(
            t["path"],
            t["tests"],
            t["floor"],
            set(t.get("data_tables", [])),
            t.get("warm", ""),
            t.get("deselect", []),
        )
        for t in config["target"]
    ]
    if only:
        unknown = set(only) - {t.path for t in targets}
        if unknown:
            sys.exit(f"not a target in mutation/targets.toml: {', '.join(sorted(unknown))}")
        targets = [t for t in targets if t.path in only]
    return targets


def _load_equivalents() -> dict[str, dict[str, str]]:
    """Return module path -> {mutant id: reason} from equivalent.toml."""
    config = tomllib.loads((HERE / "equivalent.toml").read_text(encoding="utf-8"))
    equivalents: dict[str, dict[str, str]] = {}
    for entry in config.get("equivalent", []):
        equivalents.setdefault(entry["path"], {})[entry["id"]] = entry["reason"]
    return equivalents


def _fork_pytest(target: Target, code=None) -> int:
    """Start a child that runs the target's tests, with the mutated code if given; return pid."""
    basetemp = tempfile.mkdtemp(prefix="opmap-mutation-")
    pid = os.fork()
    if pid:
        _BASETEMPS[pid] = basetemp
        return pid
    try:  # the child: never returns
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the run, not this mutant's
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.chdir(REPO)
        if code is not None:
            sys.meta_path.insert(0, _MutantFinder(target.module, str(REPO / target.path), code))
        import hypothesis
        import pytest

        # The same examples every run, so the report is reproducible; no example database.
        hypothesis.settings.register_profile(
            "mutation", database=None, derandomize=True, deadline=None
        )
        hypothesis.settings.load_profile("mutation")
        deselect = [f"--deselect={test}" for test in target.deselect]
        args = [*_PYTEST_ARGS, f"--basetemp={basetemp}/t", *deselect, *target.tests]
        os._exit(int(pytest.main(args)))
    except BaseException:
        os._exit(3)


def _wait(pid: int, deadline: float | None) -> str:
    """Wait for a child; return 'passed', 'failed' or 'timeout'."""
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            shutil.rmtree(_BASETEMPS.pop(pid), ignore_errors=True)
            return "passed" if os.waitstatus_to_exitcode(status) == 0 else "failed"
        if deadline is not None and time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            shutil.rmtree(_BASETEMPS.pop(pid), ignore_errors=True)
            return "timeout"
        time.sleep(0.02)


def _baseline(target: Target) -> float:
    """Run the unmutated tests; return their duration, or stop if they fail."""
    started = time.monotonic()
    if _wait(_fork_pytest(target), None) != "passed":
        sys.exit(
            f"the tests of {target.path} fail without any mutant; run "
            f"python -m pytest {' '.join(target.tests)} and fix them first"
        )
    return time.monotonic() - started


def _run_mutants(target: Target, mutants: list[Mutant], timeout: float, jobs: int):
    """Run each mutant's tests, ``jobs`` at a time; yield (mutant, status) as they finish."""
    source = (REPO / target.path).read_text(encoding="utf-8")
    pending = list(mutants)
    running: dict[int, tuple[Mutant, float]] = {}
    while (pending and not _STOP) or running:
        while pending and len(running) < jobs and not _STOP:
            mutant = pending.pop(0)
            code = compile(mutated_tree(source, mutant), str(REPO / target.path), "exec")
            running[_fork_pytest(target, code)] = (mutant, time.monotonic() + timeout)
        for pid, (mutant, deadline) in list(running.items()):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                shutil.rmtree(_BASETEMPS.pop(pid), ignore_errors=True)
                del running[pid]
                passed = os.waitstatus_to_exitcode(status) == 0
                yield mutant, "survived" if passed else "killed"
            elif time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                shutil.rmtree(_BASETEMPS.pop(pid), ignore_errors=True)
                del running[pid]
                yield mutant, "timeout"
        time.sleep(0.02)


def _test_target(target: Target, equivalents: dict[str, str], jobs: int) -> list[Outcome]:
    source = (REPO / target.path).read_text(encoding="utf-8")
    mutants = make_mutants(source, target.data_tables)
    baseline = _baseline(target)
    timeout = 3 * baseline + 10
    print(
        f"{target.path}: {len(mutants)} mutants, tests take {baseline:.1f} s "
        f"(timeout {timeout:.0f} s)",
        flush=True,
    )
    outcomes = [Outcome(m, "equivalent") for m in mutants if m.id in equivalents]
    to_run = [m for m in mutants if m.id not in equivalents]
    for done, (mutant, status) in enumerate(_run_mutants(target, to_run, timeout, jobs), 1):
        outcomes.append(Outcome(mutant, status))
        if status == "survived":
            print(f"  survived: line {mutant.line}: {mutant.id}", flush=True)
        if done % 50 == 0:
            print(f"  {done}/{len(to_run)}", flush=True)
    ran = {o.mutant.id for o in outcomes}
    outcomes += [Outcome(m, "not run") for m in to_run if m.id not in ran]  # stopped early
    return sorted(outcomes, key=lambda o: (o.mutant.line, o.mutant.id))


def _test_target_warm(target: Target, equivalents: dict[str, str], jobs: int) -> list[Outcome]:
    """Run _test_target in a child that first runs the target's warm-up code.

    The warm-up (reading the country tables, the boundaries) then happens once, not once per
    mutant; it runs in a child so that what it imports does not stay for the next target.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: _STOP.append(True))
        status = 0
        try:
            exec(target.warm, {})
            if target.module in sys.modules:
                print(f"the warm-up of {target.path} imports it: its mutants could not be served")
                status = 2
            else:
                outcomes = _test_target(target, equivalents, jobs)
                with os.fdopen(write_end, "w") as pipe:
                    json.dump([(o.mutant.id, o.status) for o in outcomes], pipe)
        except BaseException as err:  # report, never return into the parent's loop
            print(f"{target.path}: {err!r}", flush=True)
            status = 2
        sys.stdout.flush()
        os._exit(status)
    os.close(write_end)

    def stop(*_) -> None:  # let the child record what it ran
        _STOP.append(True)
        os.kill(pid, signal.SIGTERM)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    with os.fdopen(read_end) as pipe:
        statuses = dict(json.loads(pipe.read() or "[]"))
    if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
        sys.exit(f"stopped: mutation testing of {target.path} failed")
    source = (REPO / target.path).read_text(encoding="utf-8")
    mutants = make_mutants(source, target.data_tables)
    return [Outcome(m, statuses[m.id]) for m in mutants]


def _score(outcomes: list[Outcome]) -> tuple[int, int, int, float]:
    counted = [o for o in outcomes if o.status not in ("equivalent", "not run")]
    caught = sum(o.status in ("killed", "timeout") for o in counted)
    score = 100.0 * caught / len(counted) if counted else 100.0
    return len(counted), caught, sum(o.status == "equivalent" for o in outcomes), score


def _commit() -> str:
    """Return the short commit of the work tree, marked if src/, tests/ or mutation/ differ."""

    def git(*args: str) -> str:
        run = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
        return run.stdout.strip()

    changed = git("status", "--porcelain", "--", "src", "tests", "mutation/targets.toml")
    return (git("rev-parse", "--short", "HEAD") or "unknown") + (" + changes" if changed else "")


def _record(
    results_path: Path, target: Target, outcomes: list[Outcome], commit: str, minutes: float
) -> None:
    """Keep one module's outcomes in the results file, beside the other modules' last ones."""
    results = json.loads(results_path.read_text(encoding="utf-8")) if results_path.exists() else {}
    results[target.path] = {
        "commit": commit,
        "date": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "minutes": round(minutes, 1),
        "tests": target.tests,
        "outcomes": [[o.mutant.line, o.mutant.id, o.status] for o in outcomes],
    }
    results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")


def _report(targets: list[Target], results_path: Path, equivalents) -> str:
    """Write the report of every target from the results file."""
    results = json.loads(results_path.read_text(encoding="utf-8")) if results_path.exists() else {}
    lines = [
        "# Mutation testing report",
        "",
        "Made by `python mutation/run.py` (see `mutation/README.md`); each module's row says the",
        "commit its mutants were run on. Score = caught / (mutants - equivalent); a mutant is",
        "caught when a test fails, errors or times out.",
        "",
        "| module | mutants | equivalent | caught | survived | score | floor | commit, date |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for target in targets:
        if target.path not in results:
            lines.append(f"| `{target.path}` | not run | | | | | {target.floor:.0f}% | |")
            continue
        run = results[target.path]
        statuses = [status for _line, _id, status in run["outcomes"]]
        counted = [s for s in statuses if s not in ("equivalent", "not run")]
        caught = sum(s in ("killed", "timeout") for s in counted)
        score = 100.0 * caught / len(counted) if counted else 100.0
        verdict = "" if score >= target.floor else " **below**"
        not_run = statuses.count("not run")
        if not_run:  # stopped before the end: the score speaks of the mutants that ran
            verdict += f" (stopped: {not_run} not run)"
        lines.append(
            f"| `{target.path}` | {len(statuses)} | {statuses.count('equivalent')} | {caught} | "
            f"{len(counted) - caught} | {score:.1f}%{verdict} | {target.floor:.0f}% | "
            f"`{run['commit']}`, {run['date']} |"
        )
    for target in targets:
        if target.path not in results:
            continue
        run = results[target.path]
        lines += ["", f"## `{target.path}`", "", f"Tests: {', '.join(run['tests'])}", ""]
        survivors = [(line, id_) for line, id_, status in run["outcomes"] if status == "survived"]
        if survivors:
            lines += ["Surviving mutants:", ""]
            lines += [f"- line {line}: `{id_}`" for line, id_ in survivors]
        else:
            lines.append("No surviving mutant.")
        known = {id_ for _line, id_, _status in run["outcomes"]}
        stale = sorted(set(equivalents.get(target.path, {})) - known)
        if stale:
            lines += ["", "Listed as equivalent but no longer made (remove from equivalent.toml):"]
            lines += [""] + [f"- `{s}`" for s in stale]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Run the mutants of the targets named on the command line (all by default)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("modules", nargs="*", help="target paths (default: all in targets.toml)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--report", default=str(HERE / "REPORT.md"))
    parser.add_argument(
        "--results",
        default=str(HERE / "results.json"),
        help="where each module's last outcomes are kept (a run updates only its modules)",
    )
    parser.add_argument("--list", action="store_true", help="print the mutants and stop")
    options = parser.parse_args()
    targets = _load_targets(options.modules)
    equivalents = _load_equivalents()
    if options.list:
        for target in targets:
            source = (REPO / target.path).read_text(encoding="utf-8")
            for mutant in make_mutants(source, target.data_tables):
                mark = " (equivalent)" if mutant.id in equivalents.get(target.path, {}) else ""
                print(f"{target.path}:{mutant.line}: {mutant.id}{mark}")
        return
    for name in _PRELOAD:
        importlib.import_module(name)
    below = []
    for target in targets:
        started, commit = time.monotonic(), _commit()
        outcomes = _test_target_warm(target, equivalents.get(target.path, {}), options.jobs)
        counted, caught, equivalent, score = _score(outcomes)
        print(
            f"{target.path}: {score:.1f}% caught ({caught} of {counted}; "
            f"{equivalent} equivalent; floor {target.floor:.0f}%)",
            flush=True,
        )
        minutes = (time.monotonic() - started) / 60
        _record(Path(options.results), target, outcomes, commit, minutes)
        if score < target.floor or _STOP:
            below.append(target.path)
        report = _report(_load_targets([]), Path(options.results), equivalents)
        Path(options.report).write_text(report, encoding="utf-8")
        if _STOP:
            break
    print(f"wrote {options.report}")
    if below:
        sys.exit(1)


if __name__ == "__main__":
    main()

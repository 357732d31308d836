"""One run at a time writes a folder of outputs: the lock file beside it, and what a run does
when another run holds it, or a killed run left it."""

from __future__ import annotations

import os
import socket

import pytest
from processes import dead_pid, live_pid

from opmap.errors import OutputError
from opmap.ownership import MANIFEST, OutputPolicy
from opmap.pack.folder import replace_folder


def _build(folder, files: dict[str, str]):
    with replace_folder(folder, ["*.html", "regions/*.html"], OutputPolicy()) as staging:
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text, encoding="utf-8")


def _run(command, out, operations, countries, *extra):
    from click.testing import CliRunner

    from opmap.cli import cli

    args = [*extra, "-q", command, "--operations", str(operations), "--countries", str(countries)]
    return CliRunner().invoke(cli, [*args, "--out", str(out)])


def _snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _lock(folder):
    """The lock file of ``folder``: ``.NAME.opmap-lock`` beside it, as the README names it."""
    return folder.with_name(f".{folder.name}.opmap-lock")


def _hold(folder, pid: int, host: str | None = None) -> os.PathLike:
    """Write the lock of ``folder`` as the run ``pid`` (on ``host``) would have."""
    lock = _lock(folder)
    lock.write_text(f"{pid}\n{host}\n" if host else f"{pid}\n", encoding="utf-8")
    return lock


@pytest.mark.parametrize("command", ["build", "coverage"])
def test_a_folder_another_run_writes_is_refused_and_left_as_it_was(
    tmp_path, small_operations, small_countries, command
):
    out = tmp_path / "out"
    _build(out, {"coverage.html": "v1", "regions/a.html": "a"})  # no pack: coverage may write
    before = _snapshot(out)
    with live_pid() as other:
        lock = _hold(out, other)
        result = _run(command, out, small_operations, small_countries)
        assert result.exit_code == 1, result.output
        assert result.output.strip().endswith(
            f"--out '{out}' is being written by another opmap run (process {other}); wait for "
            f"it to finish and run again, or, if no opmap is running, remove '{lock}'"
        )
        assert "Traceback" not in result.output
        assert lock.read_text(encoding="utf-8") == f"{other}\n"  # still the other run's
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock.name, "out"]


def test_the_refusal_is_worded_in_the_language_of_the_run(
    tmp_path, small_operations, small_countries
):
    out = tmp_path / "out"
    with live_pid() as other:
        _hold(out, other)
        result = _run("coverage", out, small_operations, small_countries, "--lang", "fr")
    assert result.exit_code == 1, result.output
    assert f"--out '{out}' est en cours d’écriture par une autre exécution d’opmap" in (
        result.output
    )
    assert f"(processus {other})" in result.output and not out.exists()


def test_the_lock_of_a_killed_run_is_removed_and_the_run_goes_on(
    tmp_path, small_operations, small_countries
):
    out = tmp_path / "out"
    lock = _hold(out, dead_pid())
    result = _run("coverage", out, small_operations, small_countries)
    assert result.exit_code == 0, result.output
    assert (out / "coverage.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert not lock.exists()


def test_a_lock_with_no_process_id_is_a_killed_run_s_once_it_stays_so(tmp_path):
    # Killed between creating the lock and writing its id in it.
    out = tmp_path / "out"
    _lock(out).write_bytes(b"")
    _build(out, {"index.html": "v1"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_lock_taken_on_another_machine_holds_though_no_such_process_runs_here(tmp_path):
    out = tmp_path / "out"
    host = f"not-{socket.gethostname()}"
    lock = _hold(out, dead_pid(), host)
    with pytest.raises(OutputError) as raised:
        _build(out, {"index.html": "v1"})
    assert f"(process {lock.read_text().split()[0]} on {host!r})" in str(raised.value)
    assert f"if no opmap is running there, remove '{lock}'" in str(raised.value)
    assert not out.exists()


def test_the_run_holds_the_lock_while_it_writes_and_removes_it_when_done(tmp_path):
    out = tmp_path / "out"
    with replace_folder(out, ["*.html"], OutputPolicy()) as staging:
        assert _lock(out).read_text(encoding="utf-8").split()[0] == str(os.getpid())
        (staging / "index.html").write_text("v1", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "index.html"]  # not in the pack


def test_a_run_that_fails_removes_its_lock_too(tmp_path):
    out = tmp_path / "out"
    _build(out, {"index.html": "v1"})
    with pytest.raises(RuntimeError):
        with replace_folder(out, ["*.html"], OutputPolicy()) as staging:
            assert _lock(out).is_file()
            (staging / "index.html").write_text("v2 half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert (out / "index.html").read_text(encoding="utf-8") == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_run_refused_for_the_folder_s_contents_removes_its_lock(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "letter.odt").write_text("mine", encoding="utf-8")
    _hold(out, dead_pid())  # a killed run's, replaced by this run's own
    with pytest.raises(OutputError, match="no record of its own"):
        _build(out, {"index.html": "v1"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_in_folders_not_made_yet_gets_its_lock_beside_it(tmp_path):
    out = tmp_path / "a" / "b" / "out"
    with replace_folder(out, ["*.html"], OutputPolicy()) as staging:
        assert _lock(out).is_file()
        (staging / "index.html").write_text("v1", encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["out"]


def test_a_run_started_while_another_swaps_the_folder_leaves_its_old_folder_alone(tmp_path):
    """Run A is between its two renames: its old folder aside, its new one not yet in place.

    Run B took A's old folder for one a killed run left and put it back: A's second rename then
    failed, or went over the folder B was rebuilding.
    """
    out = tmp_path / "out"
    _build(out, {"index.html": "v1"})
    with live_pid() as other:
        _hold(out, other)
        staging = tmp_path / f".out.opmap-staging-{other}-abcd1234"
        staging.mkdir()
        (staging / "index.html").write_text("A's v2", encoding="utf-8")
        old = tmp_path / ".out.opmap-old"
        os.replace(out, old)  # A's first rename
        with pytest.raises(OutputError, match=rf"another opmap run \(process {other}\)"):
            _build(out, {"index.html": "B's v2"})
        assert (old / "index.html").read_text(encoding="utf-8") == "v1"
        assert (staging / "index.html").read_text(encoding="utf-8") == "A's v2"
        assert not out.exists()
        os.replace(staging, out)  # A's second rename still has its place
    assert (out / "index.html").read_text(encoding="utf-8") == "A's v2"


def test_two_runs_that_find_the_same_stale_lock_do_not_remove_each_other_s(tmp_path):
    from opmap.pack.folder_lock import _clear_stale, _look

    out = tmp_path / "out"
    lock = _hold(out, dead_pid())
    seen = _look(lock)  # run C reads the killed run's lock...
    lock.unlink()  # ...run B removes it...
    with live_pid() as b:
        _hold(out, b)  # ...and takes the folder
        _clear_stale(lock, seen)  # C, removing what it read, must not remove B's lock
        assert lock.read_text(encoding="utf-8") == f"{b}\n"
        with pytest.raises(OutputError, match=rf"another opmap run \(process {b}\)"):
            _build(out, {"index.html": "C's"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [lock.name]

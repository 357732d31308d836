"""The output policy: opmap replaces only what it wrote, and keeps what the user owns."""

from __future__ import annotations

import os

import pytest
from processes import dead_pid

from opmap.errors import OutputError
from opmap.ownership import (
    OutputPolicy,
    claim_file,
    read_manifest,
    record_files,
    remove_own_files,
    resolve_out,
)


def test_a_new_file_may_be_written_and_is_then_opmaps(tmp_path):
    target = claim_file(tmp_path / "map.html", OutputPolicy())
    target.write_text("v1", encoding="utf-8")
    record_files(tmp_path, [target])
    assert list(read_manifest(tmp_path)) == ["map.html"]
    assert claim_file(tmp_path / "map.html", OutputPolicy()) == target


def test_a_file_opmap_did_not_write_is_refused_unless_forced(tmp_path):
    mine = tmp_path / "report.html"
    mine.write_text("mine", encoding="utf-8")
    with pytest.raises(
        OutputError, match=r"'.*report.html' exists and opmap did not write it.*--force"
    ):
        claim_file(mine, OutputPolicy())
    assert claim_file(mine, OutputPolicy(force=True)) == mine


def test_a_file_opmap_wrote_and_the_user_changed_is_the_users(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("v1", encoding="utf-8")
    record_files(tmp_path, [target])
    target.write_text("edited by hand", encoding="utf-8")
    with pytest.raises(OutputError, match="or it was changed since"):
        claim_file(target, OutputPolicy())


def test_an_input_of_the_run_is_refused(tmp_path):
    csv_file = tmp_path / "ops.csv"
    csv_file.write_text("operation,year\n", encoding="utf-8")
    record_files(tmp_path, [csv_file])  # even one opmap wrote before
    with pytest.raises(OutputError, match="is an input of this run"):
        claim_file(tmp_path / "." / "ops.csv", OutputPolicy(inputs=(csv_file,)))


def test_devices_pipes_and_folders_are_never_replaced(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    for path, message in [
        (fifo, "is a device or a pipe"),
        (tmp_path, "is a folder"),
        ("/dev/null", "is a device or a pipe"),
    ]:
        with pytest.raises(OutputError, match=message):
            claim_file(path, OutputPolicy(force=True))


def test_a_link_is_refused_and_forced_replaces_the_link_not_its_target(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    link = tmp_path / "out" / "map.html"
    link.parent.mkdir()
    link.symlink_to(outside)
    with pytest.raises(OutputError, match="is a link to"):
        claim_file(link, OutputPolicy())
    assert claim_file(link, OutputPolicy(force=True)) == link


@pytest.mark.parametrize("raw", ["x.html/../../../y.html", "missing/../y.html"])
def test_out_through_something_that_is_not_a_folder_is_refused(tmp_path, monkeypatch, raw):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.html").write_text("a file", encoding="utf-8")
    with pytest.raises(OutputError, match=r"goes up \('..'\) from '(x.html|missing)'"):
        resolve_out(raw)


def test_out_with_dots_through_real_folders_is_resolved_truthfully(tmp_path, monkeypatch):
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a")
    assert resolve_out("b/../../y.html") == tmp_path / "y.html"


def test_a_stale_temporary_file_of_a_killed_run_is_removed(tmp_path):
    stale = tmp_path / f".map.html.opmap-part-{dead_pid()}-x1y2"
    stale.write_text("half", encoding="utf-8")
    claim_file(tmp_path / "map.html", OutputPolicy())
    assert not stale.exists()


def test_only_files_opmap_wrote_and_nobody_changed_are_removed(tmp_path):
    ours, changed, users = (tmp_path / name for name in ("a.png", "b.png", "c.png"))
    for path in (ours, changed, users):
        path.write_text("drawn", encoding="utf-8")
    record_files(tmp_path, [ours, changed])
    changed.write_text("edited by hand", encoding="utf-8")
    assert remove_own_files(tmp_path, [ours, changed, users, tmp_path / "d.png"]) == [ours]
    assert not ours.exists() and changed.exists() and users.exists()
    assert list(read_manifest(tmp_path)) == ["b.png"]


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_whose_manifest_name_is_taken_is_refused_before_anything_is_written(
    tmp_path, force
):
    # 'opmap map' wrote map.html, then failed on "cannot write ...: it is a folder" (exit 1).
    (tmp_path / ".opmap-manifest.json").mkdir()
    (tmp_path / ".opmap-manifest.json" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match=r"'.*\.opmap-manifest\.json' is not a file: opmap keeps"):
        claim_file(tmp_path / "map.html", OutputPolicy(force=force))
    link = tmp_path / "linked"
    link.mkdir()
    (link / ".opmap-manifest.json").symlink_to(tmp_path / "elsewhere.json")
    with pytest.raises(OutputError, match="is not a file"):
        claim_file(link / "map.html", OutputPolicy(force=force))

"""A folder of outputs swapped in whole: opmap's files replaced, the user's carried over."""

from __future__ import annotations

import json
import os

import pytest
from processes import dead_pid

from opmap.errors import OutputError
from opmap.ownership import MANIFEST, OutputPolicy
from opmap.pack.folder import replace_folder


def _build(folder, files: dict[str, str], owned=("*.html", "regions/*.html"), force=False):
    with replace_folder(folder, list(owned), OutputPolicy(force=force)) as staging:
        for name, text in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(text, encoding="utf-8")


def test_a_rebuild_replaces_its_files_and_keeps_the_users(tmp_path):
    out = tmp_path / "pack"
    _build(out, {"index.html": "v1", "regions/a.html": "a", "regions/b.html": "b"})
    (out / "my-notes.txt").write_text("keep me", encoding="utf-8")
    (out / "regions" / "mine.txt").write_text("mine too", encoding="utf-8")
    _build(out, {"index.html": "v2", "regions/a.html": "a2"})
    assert (out / "index.html").read_text(encoding="utf-8") == "v2"
    assert not (out / "regions" / "b.html").exists()  # opmap's, no longer written
    assert (out / "my-notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "regions" / "mine.txt").read_text(encoding="utf-8") == "mine too"
    assert set(json.loads((out / MANIFEST).read_text())["files"]) == {
        "index.html",
        "regions/a.html",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


def test_a_folder_that_held_only_files_no_longer_written_goes_with_them(tmp_path):
    """A pack built with --lang all, then with one language, must not keep empty fr/, es/..."""
    out = tmp_path / "pack"
    everything = ("*.html", "*/*.html", "*/regions/*.html", "regions/*.html")
    _build(out, {"index.html": "all", "fr/map.html": "fr", "fr/regions/a.html": "a"}, everything)
    (out / "notes").mkdir()  # the user's, empty
    _build(out, {"index.html": "en", "map.html": "en"}, everything)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        MANIFEST,
        "index.html",
        "map.html",
        "notes",
    ]


def test_a_folder_with_a_file_of_the_users_stays_when_opmap_s_files_go(tmp_path):
    out = tmp_path / "pack"
    everything = ("*.html", "*/*.html", "*/regions/*.html")
    _build(out, {"index.html": "all", "fr/map.html": "fr", "fr/regions/a.html": "a"}, everything)
    (out / "fr" / "mine.txt").write_text("mine", encoding="utf-8")
    _build(out, {"index.html": "en"}, everything)
    assert (out / "fr" / "mine.txt").read_text(encoding="utf-8") == "mine"
    assert not (out / "fr" / "map.html").exists()
    assert not (out / "fr" / "regions").exists()


def test_a_folder_with_the_users_own_pack_file_is_refused_until_forced(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "index.html").write_text("my own page", encoding="utf-8")
    with pytest.raises(OutputError, match=r"'index.html' was not written by opmap.*--force"):
        _build(out, {"index.html": "opmap's"})
    assert (out / "index.html").read_text(encoding="utf-8") == "my own page"
    _build(out, {"index.html": "opmap's"}, force=True)
    assert (out / "index.html").read_text(encoding="utf-8") == "opmap's"


def test_a_folder_of_the_users_files_without_a_manifest_is_refused(tmp_path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "letter.odt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        _build(out, {"index.html": "v1"})
    # Each clause has its subject, even after another one: "'x' is an input; the folder holds"
    assert str(raised.value) == (
        f"--out '{out}' cannot be replaced: the folder holds files opmap did not write "
        "('letter.odt') and no record of its own. Choose another --out, or add --force to "
        "replace the files in the way (the others are kept)."
    )
    _build(out, {"index.html": "v1"}, force=True)
    assert (out / "letter.odt").read_text(encoding="utf-8") == "x"


def test_a_failed_build_keeps_the_old_folder_and_leaves_no_staging(tmp_path):
    out = tmp_path / "output"
    _build(out, {"index.html": "v1"})
    with pytest.raises(RuntimeError):
        with replace_folder(out, ["*.html"], OutputPolicy()) as staging:
            (staging / "index.html").write_text("v2 half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert (out / "index.html").read_text(encoding="utf-8") == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_stale_staging_of_a_killed_run_is_removed_and_a_swapped_out_pack_put_back(tmp_path):
    out = tmp_path / "output"
    _build(out, {"index.html": "v1"})
    stale = tmp_path / f".output.opmap-staging-{dead_pid()}-abcd1234"
    stale.mkdir()
    (stale / "index.html").write_text("half", encoding="utf-8")
    os.replace(out, tmp_path / ".output.opmap-old")  # killed between the two renames
    _build(out, {"index.html": "v2"})
    assert (out / "index.html").read_text(encoding="utf-8") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_an_input_inside_the_folder_is_not_replaced_unless_forced(tmp_path):
    out = tmp_path / "pack"
    _build(out, {"index.html": "v1"})
    source = out / "index.html"  # read back by this run, and opmap's own
    with pytest.raises(OutputError, match="'index.html' is an input of this run"):
        with replace_folder(out, ["*.html"], OutputPolicy(inputs=(source,))) as staging:
            (staging / "index.html").write_text("v2", encoding="utf-8")
    assert source.read_text(encoding="utf-8") == "v1"


def test_a_new_folder_and_its_files_follow_the_umask(tmp_path, private_umask):
    from opmap.output import write_text

    out = tmp_path / "pack"
    with replace_folder(out, ["*.html", "regions/*.html"], OutputPolicy()) as staging:
        write_text(staging / "regions" / "a.html", "a")
    assert out.stat().st_mode & 0o777 == 0o700
    assert (out / "regions").stat().st_mode & 0o777 == 0o700
    assert (out / "regions" / "a.html").stat().st_mode & 0o777 == 0o600
    assert (out / MANIFEST).stat().st_mode & 0o777 == 0o600


def test_a_rebuilt_folder_keeps_the_permissions_the_user_gave_it(tmp_path):
    out = tmp_path / "pack"
    _build(out, {"index.html": "v1"})
    out.chmod(0o750)
    _build(out, {"index.html": "v2"})
    assert (out / "index.html").read_text(encoding="utf-8") == "v2"
    assert out.stat().st_mode & 0o777 == 0o750


def test_a_rebuilt_file_keeps_the_permissions_the_user_gave_it(tmp_path):
    out = tmp_path / "pack"
    _build(out, {"index.html": "v1", "regions/a.html": "a", "map.html": "m"})
    (out / "index.html").chmod(0o600)
    (out / "regions" / "a.html").chmod(0o640)
    _build(out, {"index.html": "v2", "regions/a.html": "a2", "map.html": "m2"})
    assert (out / "index.html").read_text(encoding="utf-8") == "v2"
    assert (out / "index.html").stat().st_mode & 0o777 == 0o600
    assert (out / "regions" / "a.html").stat().st_mode & 0o777 == 0o640
    assert (out / "map.html").stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    from opmap.output import current_umask

    return current_umask()


def test_a_link_to_a_folder_is_written_through_and_kept(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    _build(link, {"index.html": "v1"})
    _build(link, {"index.html": "v2"})  # the second run failed once the link had been swapped
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert (real / "index.html").read_text(encoding="utf-8") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_a_link_an_earlier_version_swapped_out_is_cleared(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    _build(tmp_path / "out", {"index.html": "v1"})
    (tmp_path / ".out.opmap-old").symlink_to(real)  # what swapping a link out left behind
    _build(tmp_path / "out", {"index.html": "v2"})
    assert (tmp_path / "out" / "index.html").read_text(encoding="utf-8") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "real"]


def test_a_folder_written_again_keeps_its_permissions_though_its_old_files_all_go(tmp_path):
    # regions/ held only files the run no longer writes, and new ones: it was taken for an
    # emptied folder and lost the chmod 700 the user gave it.
    out = tmp_path / "pack"
    _build(out, {"index.html": "v1", "regions/a.html": "a"})
    (out / "regions").chmod(0o700)
    _build(out, {"index.html": "v2", "regions/b.html": "b"})
    assert sorted(p.name for p in (out / "regions").iterdir()) == ["b.html"]
    assert (out / "regions").stat().st_mode & 0o777 == 0o700


def test_a_file_the_user_saves_in_the_folder_during_the_run_is_kept(tmp_path):
    # The folder was listed when the run began: a note saved in it during a build was dropped
    # with the old folder, and the build said nothing (exit 0).
    folder = tmp_path / "pack"
    _build(folder, {"index.html": "v1"})
    with replace_folder(folder, ["*.html"], OutputPolicy()) as staging:
        (staging / "index.html").write_text("v2", encoding="utf-8")
        (folder / "notes.txt").write_text("typed during the build", encoding="utf-8")
        (folder / "drafts").mkdir()
        (folder / "drafts" / "plan.txt").write_text("draft", encoding="utf-8")
    assert (folder / "index.html").read_text(encoding="utf-8") == "v2"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "typed during the build"
    assert (folder / "drafts" / "plan.txt").read_text(encoding="utf-8") == "draft"


def test_a_file_saved_during_the_run_under_a_name_the_run_writes_stops_the_swap(tmp_path):
    folder = tmp_path / "pack"
    _build(folder, {"index.html": "v1"})
    with pytest.raises(OutputError, match=r"was saved while opmap wrote the folder.*move the file"):
        with replace_folder(folder, ["*.html"], OutputPolicy()) as staging:
            (staging / "index.html").write_text("v2", encoding="utf-8")
            (staging / "map.html").write_text("new", encoding="utf-8")
            (folder / "map.html").write_text("the user's", encoding="utf-8")
    assert (folder / "map.html").read_text(encoding="utf-8") == "the user's"
    assert (folder / "index.html").read_text(encoding="utf-8") == "v1"
    assert [p.name for p in tmp_path.iterdir()] == ["pack"]  # no staging left


def test_what_is_saved_as_the_folder_is_swapped_out_moves_into_the_new_one(tmp_path):
    from opmap.pack.folder import _swap

    target, staging = tmp_path / "pack", tmp_path / ".pack.staging"
    target.mkdir()
    staging.mkdir()
    (target / "index.html").write_text("v1", encoding="utf-8")
    (staging / "index.html").write_text("v2", encoding="utf-8")
    (target / "late.txt").write_text("saved after the last listing", encoding="utf-8")
    _swap(staging, target, {"index.html": "file"})
    assert sorted(p.name for p in target.iterdir()) == ["index.html", "late.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["pack"]  # the old folder is gone


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_where_the_manifest_would_go_is_refused_and_kept(tmp_path, force):
    # With --force the run wrote the whole pack in staging, then failed on the manifest.
    out = tmp_path / "pack"
    (out / MANIFEST).mkdir(parents=True)
    (out / MANIFEST / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match=r"'.*pack/\.opmap-manifest\.json' is not a file"):
        with replace_folder(out, ["*.html"], OutputPolicy(force=force)):
            raise AssertionError("the staging folder is not even made")
    assert (out / MANIFEST / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]

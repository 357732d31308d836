"""Outputs are written whole or not at all."""

from __future__ import annotations

import pytest

from opmap.errors import OutputError
from opmap.output import atomic_folder, atomic_path, human_size, write_text


def test_write_text_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "map.html"
    write_text(target, "first")
    write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as temp:
            temp.write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_a_failed_folder_build_keeps_the_old_folder(tmp_path):
    out = tmp_path / "output"
    with atomic_folder(out) as staging:
        (staging / "index.html").write_text("v1", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_folder(out) as staging:
            (staging / "index.html").write_text("v2 half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert (out / "index.html").read_text(encoding="utf-8") == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_folder_that_cannot_be_created_is_an_opmap_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        write_text(blocker / "map.html", "x")


@pytest.mark.parametrize(("size", "text"), [(12, "12 B"), (31_200, "31 KB"), (1_430_000, "1.4 MB")])
def test_human_size(size, text):
    assert human_size(size) == text

"""A step run in a forked process: its paths come back, and so do its errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from opmap.errors import OutputError
from opmap.pack.forked import Forked

pytestmark = pytest.mark.skipif(not Forked.able(), reason="needs a fork and two cores")


def test_the_paths_written_in_the_child_come_back(tmp_path):
    def write():
        path = tmp_path / "map.png"
        path.write_bytes(b"png")
        return [path]

    job = Forked(write)
    assert job() == [tmp_path / "map.png"]
    assert (tmp_path / "map.png").read_bytes() == b"png"
    assert job.seconds > 0


def test_the_child_has_the_data_as_it_was_when_it_started(tmp_path):
    data = {"operations": 6}

    def write():
        return [Path(str(data["operations"]))]

    job = Forked(write)
    data["operations"] = 7  # after the fork: the child does not see it
    assert job() == [Path("6")]


def test_an_error_in_the_child_is_raised_in_the_build(tmp_path):
    def write():
        raise OutputError(f"cannot write {tmp_path / 'map.png'}: disk full")

    with pytest.raises(OutputError, match="disk full"):
        Forked(write)()


def test_a_child_that_dies_without_a_word_is_an_error():
    def write():
        os._exit(3)

    with pytest.raises(RuntimeError, match="exit code 3"):
        Forked(write)()


def test_a_child_still_running_is_stopped():
    import time

    job = Forked(lambda: time.sleep(60) or [])
    job.stop()
    assert not job._process.is_alive() and job._process.exitcode != 0

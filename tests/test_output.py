"""Outputs are written whole or not at all."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opmap.errors import OutputError
from opmap.output import (
    atomic_path,
    generation_date,
    human_size,
    neutralise_cell,
    restore_cell,
    write_csv,
    write_text,
)


def test_write_text_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "map.html"
    write_text(target, "first")
    write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert [p.name for p in target.parent.iterdir()] == ["map.html"]


def test_write_text_writes_parts_one_after_the_other(tmp_path):
    target = tmp_path / "map.html"
    write_text(target, (part for part in ["<p>", "é" * 3, "</p>\n"]))
    assert target.read_bytes() == "<p>ééé</p>\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as temp:
            temp.write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_a_folder_that_cannot_be_created_is_an_opmap_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        write_text(blocker / "map.html", "x")


@pytest.mark.parametrize(
    ("language", "size", "text"),
    [
        ("en", 12, "12 B"),
        ("en", 31_200, "31 KB"),
        ("en", 1_430_000, "1.4 MB"),
        ("en", 1_234_500_000, "1,234.5 MB"),
        ("fr", 31_200, "31 Ko"),
        ("fr", 1_430_000, "1,4 Mo"),
        ("es", 1_430_000, "1,4 MB"),
    ],
)
def test_human_size_in_each_language(language, size, text):
    from opmap.i18n import use_language

    with use_language(language):
        assert human_size(size) == text


def test_generation_date_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    assert generation_date().isoformat() == "2017-07-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    from datetime import date

    assert generation_date() == date.today()


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("'=1", "''=1"),
        ("-12", "-12"),
        ("+3.5", "+3.5"),
        ("-1,234", "-1,234"),
        ("1e5", "1e5"),
        ("Libertad", "Libertad"),
        ("nearly 350", "nearly 350"),
        ("'quoted'", "'quoted'"),
        ("", ""),
    ],
)
def test_cells_a_spreadsheet_would_run_are_neutralised_and_restored(value, written):
    assert neutralise_cell(value) == written
    assert restore_cell(written) == value


def test_write_csv_neutralises_text_cells_and_headers(tmp_path):
    import csv

    import pandas as pd

    frame = pd.DataFrame({"region": ["=cmd|' /C calc'!A0", "Africa"], "=bad": [-3, 4]})
    path = write_csv(tmp_path / "table.csv", frame)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["region", "'=bad"], ["'=cmd|' /C calc'!A0", "-3"], ["Africa", "4"]]


@given(st.text())
def test_any_cell_reads_back_the_same_and_never_starts_a_formula(value):
    written = neutralise_cell(value)
    assert restore_cell(written) == value
    starts_formula = written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not starts_formula or written == value  # only numbers start so, unchanged


def test_a_new_file_gets_the_umask_not_world_readable(tmp_path, private_umask):
    target = write_text(tmp_path / "map.html", "x")
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_replaced_file_keeps_its_own_permissions(tmp_path):
    target = tmp_path / "map.html"
    write_text(target, "first")
    target.chmod(0o600)
    write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert target.stat().st_mode & 0o777 == 0o600


def test_current_umask_reads_the_umask_and_leaves_it(private_umask):
    import os

    from opmap.output import current_umask

    assert current_umask() == 0o077
    assert os.umask(0o077) == 0o077

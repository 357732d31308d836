"""The one table of the pack's files: the build, the index page and the README agree with it."""

from __future__ import annotations

import re
from fnmatch import fnmatch

import pytest
from paths import REPO

from opmap.pack.briefing_pack import build_pack
from opmap.pack.files import PACK_FILES, STEPS, files_by_role, files_of_step
from opmap.read.inputs import load_inputs


def readme_pack_rows() -> list[tuple[str, str, str]]:
    """Read the README's table of pack files: (file, what it is, step) per row."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- pack-files -->", 2)[1]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        rows.append((cells[0].strip("`"), cells[1], cells[2]))
    return rows


def test_the_readme_lists_the_same_files_with_the_same_words():
    expected = [(file.name, file.what, STEPS[file.step]) for file in PACK_FILES]
    assert readme_pack_rows() == expected


def test_every_file_belongs_to_a_step_and_every_step_writes_files():
    assert {file.step for file in PACK_FILES} == set(STEPS)
    assert all(files_of_step(step) for step in STEPS)


def test_roles_and_names_are_unique():
    roles = [file.role for file in PACK_FILES if file.role]
    names = [file.name for file in PACK_FILES]
    assert len(roles) == len(set(roles))
    assert len(names) == len(set(names))


def test_files_by_role_keeps_only_what_was_written():
    assert files_by_role(["map.html", "coverage.csv", "regions/africa.html"]) == {
        "map": "map.html",
        "coverage_csv": "coverage.csv",
    }


@pytest.fixture(scope="module")
def small_pack(tmp_path_factory):
    from paths import TEST_DATA

    out = tmp_path_factory.mktemp("small") / "pack"
    inputs = load_inputs(
        TEST_DATA / "aggregate" / "operations.csv", TEST_DATA / "boundaries" / "small.geojson"
    )
    steps = build_pack(inputs, out)
    return out, steps


def test_the_build_writes_the_files_of_the_table_in_their_steps(small_pack):
    out, steps = small_pack
    assert len(steps) == len(STEPS)
    for step, (key, _) in zip(steps, STEPS.items(), strict=True):
        patterns = [file.name for file in files_of_step(key)]
        for path in step.paths:
            name = path.relative_to(out).as_posix()
            assert any(fnmatch(name, pattern) for pattern in patterns), (key, name)
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    for file in PACK_FILES:
        if not file.optional:
            assert any(fnmatch(name, file.name) for name in written), file.name


def test_the_index_links_every_file_it_was_handed(small_pack):
    out, _ = small_pack
    page = (out / "index.html").read_text(encoding="utf-8")
    links = set(re.findall(r'(?:href|src)="([^"#:]+)"', page))
    for role in ("map", "map_embed", "png", "svg", "pdf", "by_year", "coverage_html"):
        assert files_by_role([f.name for f in PACK_FILES])[role] in links, role
    assert {"operations.csv", "coverage.csv"} <= links

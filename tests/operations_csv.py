"""Build small operations CSV files for the reader's tests, and read one row back."""

from __future__ import annotations

from pathlib import Path

from opmap.read.operations import check_operations

HEADER = (
    "operation,year,start_date,end_date,countries,countries_total,victims,minors,lat,lon,source"
)
GOOD = {
    "operation": "Sawiyan",
    "year": "2018",
    "start_date": "2018-08-26",
    "end_date": "2018-08-30",
    "countries": "Sudan",
    "countries_total": "",
    "victims": "94",
    "minors": "85",
    "lat": "",
    "lon": "",
    "source": "https://www.interpol.int/News-and-media/News/2018/N2018-091",
}


def row(**cells: str) -> str:
    """One CSV line of HEADER's columns: a good row named Libertad with ``cells`` changed."""
    values = {**GOOD, "operation": "Libertad", **cells}
    return ",".join(values[name] for name in HEADER.split(","))


def write(tmp_path: Path, text: str, name: str = "ops.csv") -> Path:
    """Write ``text`` as UTF-8 to a file under ``tmp_path`` and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def file_problems(tmp_path: Path, content: bytes):
    """Write ``content`` byte for byte to ``ops.csv`` under ``tmp_path``; return what it reads to.

    (operations, problems), as :func:`~opmap.read.operations.check_operations` returns them.
    """
    path = tmp_path / "ops.csv"
    path.write_bytes(content)
    return check_operations(path)


def errors(problems):
    """The problems that are errors, not warnings."""
    return [p for p in problems if p.severity == "error"]


def read_row(tmp_path, **cells):
    """Read one row with ``cells`` changed; return (operation or None, problems)."""
    operations, problems = check_operations(write(tmp_path, f"{HEADER}\n{row(**cells)}\n"))
    return (operations[0] if operations else None), problems


def only_error(tmp_path, **cells):
    """Read one row that must have exactly one problem, an error; return it."""
    operation, problems = read_row(tmp_path, **cells)
    assert operation is None
    [problem] = problems
    assert (problem.severity, problem.line) == ("error", 2)
    return problem

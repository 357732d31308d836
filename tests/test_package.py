"""The package's face: its version, its public names, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from click.testing import CliRunner
from paths import REPO

import opmap
from opmap.cli import cli


def test_version_constant_matches_pyproject():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert opmap.__version__ == project["version"]


def test_cli_version_prints_the_constant():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"opmap, version {opmap.__version__}\n"


@pytest.mark.parametrize("name", sorted(set(opmap.__all__) - {"__version__"}))
def test_every_public_name_resolves_to_its_module_object(name):
    value = getattr(opmap, name)
    module = __import__(opmap._EXPORTS[name], fromlist=[name])
    assert value is getattr(module, name)


def test_all_lists_exactly_the_lazy_exports():
    assert set(opmap.__all__) == {"__version__", *opmap._EXPORTS}


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        opmap.nothing  # noqa: B018


def _modules_loaded_by(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "code",
    [
        "import opmap",
        "from opmap.cli import cli; cli.main(['--help'], standalone_mode=False)",
        "from opmap.cli import cli; cli.main(['--version'], standalone_mode=False)",
    ],
)
def test_import_and_help_load_no_heavy_library(code):
    loaded = _modules_loaded_by(code)
    heavy = {"geopandas", "folium", "matplotlib", "pandas", "shapely", "importlib.metadata"}
    assert not heavy & loaded, sorted(heavy & loaded)

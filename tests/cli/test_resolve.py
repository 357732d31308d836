"""Tests for `opmap resolve`."""

from __future__ import annotations

from click.testing import CliRunner

from opmap.cli import cli


def test_resolve_prints_code_and_name():
    result = CliRunner().invoke(cli, ["resolve", "Ivory Coast", "DRC", "UK"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Ivory Coast\tCIV\tCôte d'Ivoire",
        "DRC\tCOD\tDemocratic Republic of the Congo",
        "UK\tGBR\tUnited Kingdom",
    ]


def test_resolve_reports_unknown_names_and_goes_on():
    result = CliRunner().invoke(cli, ["resolve", "Nigerria", "Niger", "Korea"])
    assert result.exit_code == 1
    assert result.stdout == "Niger\tNER\tNiger\n"
    assert result.stderr.splitlines() == [
        "Nigerria: unknown country 'Nigerria'; did you mean 'Nigeria', 'Niger'?",
        "Korea: ambiguous country 'Korea'; did you mean 'South Korea', 'North Korea'?",
    ]


def test_resolve_without_names_is_a_usage_error():
    result = CliRunner().invoke(cli, ["resolve"])
    assert result.exit_code == 2
    assert "Missing argument 'NAME...'" in result.stderr


def test_resolve_help_has_an_example():
    result = CliRunner().invoke(cli, ["resolve", "--help"])
    assert result.exit_code == 0
    assert '$ opmap resolve "Ivory Coast" DRC UK' in result.stdout

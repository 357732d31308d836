"""Tests for `opmap resolve`."""

from __future__ import annotations

import pytest
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


def test_resolve_reads_other_languages_and_institutions_forms():
    names = ["Tchad", "Costa de Marfil", "Moçambique", "السنغال", "Congo", "Korea, Rep."]
    result = CliRunner().invoke(cli, ["resolve", *names])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Tchad\tTCD\tChad",
        "Costa de Marfil\tCIV\tCôte d'Ivoire",
        "Moçambique\tMOZ\tMozambique",
        "السنغال\tSEN\tSenegal",
        "Congo\tCOG\tRepublic of the Congo",
        "Korea, Rep.\tKOR\tSouth Korea",
    ]


def test_resolve_reports_every_refusal_with_its_reason_and_goes_on():
    names = ["Nigerria", "Niger", "Korea", "West Africa", "England", "Atlantis"]
    result = CliRunner().invoke(cli, ["resolve", *names])
    assert result.exit_code == 1
    assert result.stdout == "Niger\tNER\tNiger\n"
    assert result.stderr.splitlines() == [
        "unknown country 'Nigerria'; did you mean 'Nigeria'?",
        "ambiguous country 'Korea'; did you mean 'South Korea', 'North Korea'?",
        "'West Africa' is a region, not a country; name the countries that took part, "
        "separated by ';'",
        "'England' is not a country in ISO 3166-1; did you mean 'United Kingdom'?",
        "unknown country 'Atlantis'; use an ISO 3166 name or code, e.g. 'Chad' or 'TCD'",
    ]


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_name_is_called_empty(name):
    result = CliRunner().invoke(cli, ["resolve", name, "Chad"])
    assert result.exit_code == 1
    assert result.stdout == "Chad\tTCD\tChad\n"
    assert result.stderr == (
        f"the name {name!r} is empty; give a country name or code, e.g. 'Chad' or 'TCD'\n"
    )


def test_resolve_without_names_is_a_usage_error():
    result = CliRunner().invoke(cli, ["resolve"])
    assert result.exit_code == 2
    assert "Missing argument 'NAME...'" in result.stderr


def test_resolve_help_has_an_example():
    result = CliRunner().invoke(cli, ["resolve", "--help"])
    assert result.exit_code == 0
    assert '$ opmap resolve "Ivory Coast" DRC UK' in result.stdout
    assert '$ opmap resolve Tchad "Korea, Rep." "Costa de Marfil"' in result.stdout

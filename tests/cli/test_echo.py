"""Every line the command line prints is words: no escape sequence from a file's name."""

from __future__ import annotations

from click.testing import CliRunner
from warning_counts import OFF_THEIR_PLACES

from opmap.cli import cli
from opmap.cli.echo import inert


def test_a_control_character_is_shown_and_made_inert():
    assert inert("evil\x1b]0;PWNED\x07.csv\t2\n") == "evil\ufffd]0;PWNED\ufffd.csv\t2\n"
    assert inert("\u2068Libertad 2018\u2069 \u00e9") == "\u2068Libertad 2018\u2069 \u00e9"


def test_the_names_of_files_reach_the_terminal_inert(tmp_path):
    # "wrote x<ESC>[41m.html" and "evil<ESC>]0;PWNED<BEL>.csv: 3 warnings" retitled and
    # recoloured the terminal; the tables and notes were already made safe.
    operations = tmp_path / "evil\x1b]0;PWNED\x07.csv"
    operations.write_text(OFF_THEIR_PLACES, encoding="utf-8")
    out = tmp_path / "x\x1b[41m.html"
    result = CliRunner().invoke(cli, ["map", "--operations", str(operations), "--out", str(out)])
    assert result.exit_code == 0, result.output
    printed = result.stdout + result.stderr
    assert "evil\ufffd]0;PWNED\ufffd.csv: 3 warnings" in result.stderr
    assert "x\ufffd[41m.html" in result.stdout
    assert not any(ord(c) < 32 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in printed)
    assert out.exists()  # the file keeps its name: only what is shown changes


def test_a_bidirectional_override_is_shown_and_made_inert():
    # "x<RLO>lmth.exe" is shown as "xexe.html": the line would name a file it does not.
    assert inert("x\u202elmth.exe") == "x\ufffdlmth.exe"
    assert inert("\u202a\u202b\u202c\u202d\u2066\u2067") == "\ufffd" * 6


def test_opmap_s_own_isolates_are_kept_and_stray_ones_shown():
    arabic = "\u0643\u062a\u0628 \u2068output/map.html\u2069 (\u2068367 KB\u2069)"
    assert inert(arabic) == arabic
    assert inert("\u2068a \u2068b\u2069 c\u2069") == "\u2068a \u2068b\u2069 c\u2069"
    assert inert("evil\u2068 name") == "evil\ufffd name"  # left open to the end of the line
    assert inert("a\u2069b \u2068c\u2069") == "a\ufffdb \u2068c\u2069"  # a pop closing nothing
    assert inert("\u2068a\nb\u2069") == "\ufffda\nb\ufffd"  # a line break ends an isolate


def test_resolve_shows_a_bidirectional_control_in_its_argument_inert():
    # The name is resolved, and echoed as given: "Chad<RLO>" reversed the tab-separated line.
    result = CliRunner().invoke(cli, ["resolve", "Chad\u202e", "\u2067Chad"])
    assert result.exit_code == 0
    assert result.stdout == "Chad\ufffd\tTCD\tChad\n\ufffdChad\tTCD\tChad\n"

"""Tests for the bundled list of ISO 639 codes and the script that builds it from pycountry."""

from __future__ import annotations

import pycountry
from baked import assert_baked_now
from paths import REPO

from opmap.read.operation_cells import _language_codes

TABLE = REPO / "src" / "opmap" / "data" / "language_codes.txt"


def test_bundled_list_is_what_the_script_writes_now(tmp_path):
    assert_baked_now("build_language_codes.py", TABLE, tmp_path)


def test_the_list_accepts_exactly_the_codes_pycountry_knows():
    codes = _language_codes()
    for code in ("en", "fr", "es", "ar", "pt", "eng", "fra", "hau", "wol", "pcm"):
        assert code in codes, code
        field = "alpha_2" if len(code) == 2 else "alpha_3"
        assert pycountry.languages.get(**{field: code}) is not None
    for code in ("xx", "qq", "zzz", "fre", "english"):  # "fre": ISO 639-2/B, not 639-3
        assert code not in codes, code
        field = "alpha_2" if len(code) == 2 else "alpha_3"
        assert len(code) > 3 or pycountry.languages.get(**{field: code}) is None

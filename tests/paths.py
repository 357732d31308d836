"""Where the repository and the tiny fixture files are, for tests in any folder."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
TEST_DATA = TESTS / "data"

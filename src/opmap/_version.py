"""opmap's version, as a constant: reading it costs nothing (``importlib.metadata`` costs ~90 ms).

Keep it equal to ``version`` in pyproject.toml (tests/test_package.py checks it).
"""

__version__ = "0.2.0"

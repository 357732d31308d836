"""``python -m opmap``."""

from opmap.cli import main

main()

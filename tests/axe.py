"""Run axe-core (from the npm registry, pinned in package.json) on a page opened in Chromium.

axe is injected into the page and into each of its frames (the map embedded in ``index.html`` is
checked inside its ``<iframe>`` too), and every violation of any impact is returned. Without
``node_modules/axe-core`` (``npm ci`` installs it) the test is skipped with a message, except in
CI, where that is a failure.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from paths import REPO

AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
#: Every rule axe runs by default, plus its "best practice" ones (landmarks, one h1, regions).
AXE_OPTIONS = {"resultTypes": ["violations"], "iframes": False}


@dataclass(frozen=True)
class Violation:
    """One rule broken in one frame, with the elements that break it."""

    frame: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.targets[:3]) + (" ..." if len(self.targets) > 3 else "")
        return f"{self.frame}: {self.rule} ({self.impact}): {self.help} [{where}]"


def axe_source() -> str:
    """Return axe-core's script; skip (fail in CI) when it is not installed."""
    if AXE_JS.exists():
        return AXE_JS.read_text(encoding="utf-8")
    message = f"axe-core not found at {AXE_JS}: run 'npm ci' in {REPO}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def axe_violations(page) -> list[Violation]:
    """Return axe-core's violations in a Playwright page and in each of its frames."""
    source = axe_source()
    violations = []
    for frame in page.frames:
        frame.wait_for_load_state("load")
        frame.add_script_tag(content=source)
        found = frame.evaluate(
            """options => axe.run(document, options).then(result => result.violations.map(v => ({
                rule: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(node => node.target.join(" "))
            })))""",
            AXE_OPTIONS,
        )
        name = Path(frame.url).name or frame.url
        violations += [Violation(frame=name, targets=tuple(v.pop("targets")), **v) for v in found]
    return violations

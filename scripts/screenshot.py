"""Write the default map and take its screenshot for the docs: docs/map.png (1280x800).

    python scripts/screenshot.py [OUT.png] [--width 1280 --height 800] [--embed] [--click KEY]

The README's screenshots, desktop and phone:

    python scripts/screenshot.py docs/map.png
    python scripts/screenshot.py docs/map-phone.png --width 375 --height 667
    python scripts/screenshot.py docs/map-phone-popup.png --width 375 --height 667 \
        --click "Libertad 2018"
    python scripts/screenshot.py docs/map-embed-small.png --width 343 --height 214 --embed

Uses the Debian Chromium at /usr/bin/chromium (no browser is downloaded) and blocks every
request outside the file, as the page needs none.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from opmap.decide.mapdata import prepare_map_data
from opmap.draw.interactive.map import write_map
from opmap.read.inputs import load_inputs

REPO = Path(__file__).resolve().parent.parent
#: The map once its markers are placed and its names laid (labels.js), nothing moving.
LAID = ".folium-map[data-labels=laid]"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "docs" / "map.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--click", help="open the popup of this operation key first")
    parser.add_argument("--embed", action="store_true", help="the map made to embed in a page")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    inputs = load_inputs()
    map_data = prepare_map_data(inputs.operations, inputs.boundaries, points=inputs.points)
    with tempfile.TemporaryDirectory() as folder:
        page_path = write_map(map_data, Path(folder) / "map.html", embed=args.embed)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("file:", "data:", "about:"))
                    else route.abort()
                ),
            )
            page.goto(page_path.resolve().as_uri())
            page.wait_for_selector(LAID)
            if args.click:
                page.click(f'[data-operation="{args.click}"]')
                page.wait_for_selector(".leaflet-popup")
                page.wait_for_selector(LAID)  # the map has panned the popup into view
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

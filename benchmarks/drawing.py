"""Open a map in headless Chromium: when it is fully drawn, and how fast it answers input."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUIET_MS = 500  # "fully drawn": nothing added or removed for this long after the load event

# Counts Leaflet's interactive elements every frame from the very start of the page, so the time
# of the last change is known even if it happens before the load event.
PROBE = """
(() => {
  const probe = {count: 0, lastChange: 0, watching: false, maxGap: 0, lastFrame: 0, inputs: []};
  window.__bench = probe;
  const items = document.getElementsByClassName('leaflet-interactive');
  const tick = (now) => {
    const n = items.length;
    if (n !== probe.count) { probe.count = n; probe.lastChange = performance.now(); }
    if (probe.watching && probe.lastFrame) {
      probe.maxGap = Math.max(probe.maxGap, now - probe.lastFrame);
    }
    probe.lastFrame = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const onInput = (event) => {
    if (!probe.watching) return;
    const t0 = event.timeStamp;
    requestAnimationFrame(() => probe.inputs.push(performance.now() - t0));
  };
  for (const type of ['mousemove', 'wheel', 'mousedown']) {
    window.addEventListener(type, onInput, true);
  }
  probe.settled = (quietMs) => new Promise((resolve) => {
    const check = () => {
      const quiet = performance.now() - probe.lastChange >= quietMs;
      if (document.readyState === 'complete' && quiet) {
        const nav = performance.getEntriesByType('navigation')[0];
        resolve({
          lastChange: probe.lastChange,
          loadEnd: nav ? nav.loadEventEnd : 0,
          items: probe.count,
          paths: document.querySelectorAll('path.leaflet-interactive').length,
          markers: document.querySelectorAll('.leaflet-marker-icon').length,
        });
      } else {
        setTimeout(check, 50);
      }
    };
    check();
  });
})();
"""


def draw_time(page_factory, html: Path, offline: bool) -> dict:
    """Open a map in Chromium; return when it was fully drawn and how fast it answers input."""
    context, page = page_factory()
    blocked: list[str] = []
    page.route("**/*", _router(blocked, offline))
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)[:120]))
    try:
        page.goto(html.as_uri(), wait_until="load", timeout=180_000)
        drawn = page.evaluate("(q) => window.__bench.settled(q)", QUIET_MS)
        result = {"drawn_ms": max(drawn["lastChange"], drawn["loadEnd"]), **drawn}
        result.update(_interact(page))
    except Exception as err:  # noqa: BLE001 - a map that fails to draw is a result to report
        result = {"note": f"failed: {str(err).splitlines()[0][:120]}"}
    finally:
        context.close()
    if offline and blocked:
        result["note"] = f"{len(blocked)} network request(s) blocked: {blocked[0][:80]}"
    if errors:
        result["note"] = (result.get("note", "") + f" page errors: {errors[0]}").strip()
    return result


def _interact(page) -> dict:
    """Hover across the map and zoom in; return the worst input-to-frame time and frame gap."""
    page.evaluate("() => { window.__bench.watching = true; }")
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    for step in range(1, 9):
        page.mouse.move(width * step / 10, height * 0.5, steps=2)
    page.mouse.wheel(0, -300)
    page.wait_for_timeout(1000)
    page.mouse.move(width * 0.3, height * 0.4)
    page.mouse.down()
    page.mouse.move(width * 0.6, height * 0.6, steps=5)
    page.mouse.up()
    page.wait_for_timeout(500)
    inputs, gap = page.evaluate("() => [window.__bench.inputs, window.__bench.maxGap]")
    return {"input_ms": max(inputs) if inputs else None, "max_frame_gap_ms": gap}


# Stands in for d3 (no copy is installed): every property and call gives itself back, so
# branca's legend code runs without drawing and the rest of the map script is not cut short.
_D3_STUB = b"""window.d3 = (() => {
  const stub = new Proxy(function () {}, {
    get: (target, key) => (key === Symbol.toPrimitive ? () => 0 : stub),
    apply: () => stub,
  });
  return stub;
})();"""

# Stands in for jQuery (no copy is installed), for the one use folium makes of it: parsing a
# popup's HTML with $(`<div>...</div>`)[0].
_JQUERY_STUB = b"""window.jQuery = window.$ = (html) => {
  const template = document.createElement('template');
  template.innerHTML = String(html).trim();
  return [template.content.firstElementChild];
};"""


def _router(blocked: list[str], offline: bool):
    """Answer requests: nothing leaves for opmap; CDN Leaflet served locally for the baselines."""
    leaflet = importlib.resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"
    local = {
        "leaflet.js": (leaflet / "leaflet.js").read_bytes(),
        "leaflet.css": (leaflet / "leaflet.css").read_bytes(),
    }
    types = {".js": "application/javascript", ".css": "text/css", ".png": "image/png"}

    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
            return
        if offline:
            blocked.append(url)
            route.abort()
            return
        name = url.split("?")[0].rsplit("/", 1)[-1]
        suffix = Path(name).suffix
        if "leaflet" in url and name in local:
            route.fulfill(status=200, body=local[name], content_type=types[suffix])
        elif name.startswith("d3"):  # an empty d3 would stop folium's script at the legend
            route.fulfill(status=200, body=_D3_STUB, content_type=types[".js"])
        elif name.startswith("jquery"):  # folium builds each popup with $(`<div>...`)[0]
            route.fulfill(status=200, body=_JQUERY_STUB, content_type=types[".js"])
        else:  # jquery, bootstrap, font-awesome, tiles...: present but empty
            route.fulfill(status=200, body=b"", content_type=types.get(suffix, "text/plain"))

    return handle

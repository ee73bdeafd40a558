"""Screenshots of every page type, phone and desktop, elder mode off and on.

Usage (after ``mkdocs build``)::

    python scripts/screenshots.py [site/] [docs/screenshots/]

Serves the built site on loopback, opens each page in Debian's Chromium at 375×812 and
1280×900, with elder mode off and on, and writes ``<page>-<width>[-elder].png`` (the
first screen of each page, as a resident first sees it) and an ``index.md`` linking them.
The browser's clock is set to 14 October 2026, the week of the example's Double Ninth
gathering, so the "today / this week" view has something to show.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "",
    "halls": "halls/",
    "hall": "halls/jinxiu-auditorium/",
    "events": "events/",
    "events-year": "events/2026/",
    "events-month": "events/2026/10/",
    "event": "events/2026-double-ninth-elders/",
    "events-category": "events/category/festival/",
    "honors": "honors/",
    "honor-board": "honors/morality/",
    "exhibits": "exhibits/",
    "exhibit": "exhibits/customs/",
    "panel": "exhibits/customs/couplets/",
    "search": "search/?q=重阳",
    "en-home": "en/",
    "en-event": "en/events/2026-double-ninth-elders/",
    "404": "no-such-page/",
}
CLOCK = dt.datetime(2026, 10, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Serve the site's own 404 page, as a web server configured for it would.
        page = Path(str(self.directory)) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the browser moved on
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` on a free loopback port; the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    out = Path(argv[1] if len(argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    lines = [
        "# Screenshots",
        "",
        "Made by `python scripts/screenshots.py site docs/screenshots` after `mkdocs build`.",
        "",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for width, height in ((375, 812), (1280, 900)):
            for elder in (False, True):
                context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
                if elder:
                    context.add_init_script("localStorage.setItem('cc-elder', '1')")
                for name, url in PAGES.items():
                    page = context.new_page()
                    page.clock.set_fixed_time(CLOCK)
                    page.goto(base + url, wait_until="load")
                    if name == "search":
                        page.wait_for_selector(".pagefind-ui__result", timeout=10000)
                    file = f"{name}-{width}{'-elder' if elder else ''}.png"
                    page.screenshot(path=str(out / file))
                    page.close()
                    lines.append(f"- [{file}]({file})")
                context.close()
        browser.close()
    server.shutdown()
    (out / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 4} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

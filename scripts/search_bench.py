"""Site search at scale: what Pagefind costs a phone, and its build, at N pages.

Usage (after ``mkdocs build``)::

    python scripts/search_bench.py site 100 5000

For each N it writes a copy of the built site with N pages (the site's own pages, then
copies of its event pages whose titles and paragraphs are drawn at random from the
site's own text, half Chinese, half English), runs Pagefind over it and times that, then
opens ``/search/`` and ``/en/search/`` in Chromium and counts the bytes downloaded
before the first result of a query. It prints one line per figure. Material's index, for
comparison, is one JSON file of every page's text, downloaded on every first page load.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import CHROMIUM, serve


def grow(site: Path, out: Path, n: int, seed: int = 5) -> int:
    """Copy ``site`` into ``out`` with ``n`` HTML pages in all; the number of pages."""
    rng = random.Random(seed)
    shutil.copytree(site, out, ignore=shutil.ignore_patterns("pagefind", "*.pdf"))
    pages = sorted(out.rglob("index.html"))
    events = {
        lang: [p for p in pages if ("/en/events/" in str(p)) == (lang == "en") and "/events/20" in str(p)]
        for lang in ("zh", "en")
    }
    texts: dict[str, list[str]] = {"zh": [], "en": []}
    for lang, files in events.items():
        for f in files:
            soup = BeautifulSoup(f.read_text(encoding="utf-8"), "html.parser")
            texts[lang] += [
                p.get_text(" ", strip=True) for p in soup.select("[data-pagefind-body] p") if p.get_text(strip=True)
            ]
    made = len(pages)
    i = 0
    while made < n:
        lang = "zh" if i % 2 == 0 else "en"
        template = events[lang][i % len(events[lang])]
        soup = BeautifulSoup(template.read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("[data-pagefind-body]")
        assert body is not None and soup.h1 is not None
        soup.h1.string = " ".join(rng.sample(texts[lang], 1))[:40] + f" {i}"
        for p in body.select("p"):
            p.string = " ".join(rng.sample(texts[lang], 2))
        target = out / ("en/" if lang == "en" else "") / "bench" / str(i) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(str(soup), encoding="utf-8")
        made += 1
        i += 1
    return made


def measure(site: Path, queries: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Bytes and requests of each search page up to the first result of its query."""
    server, base = serve(site)
    figures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for where, query in queries:
            context = browser.new_context(viewport={"width": 375, "height": 812})
            page = context.new_page()
            sizes: list[int] = []
            page.on("requestfinished", lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"]))
            page.goto(base + where, wait_until="networkidle")
            page.fill(".pagefind-ui__search-input", query)
            page.locator(".pagefind-ui__result-link").first.wait_for(timeout=30000)
            page.wait_for_load_state("networkidle")
            figures[query] = (sum(sizes), len(sizes))
            context.close()
        browser.close()
    server.shutdown()
    return figures


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    for n in [int(a) for a in argv[1:]] or [100, 5000]:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "site"
            pages = grow(site, out, n)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out), "--silent"], check=True)
            seconds = time.perf_counter() - start
            index = sum(f.stat().st_size for f in (out / "pagefind").rglob("*") if f.is_file())
            print(f"{pages} pages: Pagefind indexed in {seconds:.1f} s; index on disk {index / 1024:.0f} KB")
            for query, (size, count) in measure(out, [("search/", "重阳"), ("en/search/", "library")]).items():
                print(
                    f"{pages} pages: search '{query}': {size / 1024:.0f} KB in {count} requests up to the first result"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

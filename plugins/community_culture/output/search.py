"""The site search index: Pagefind, run once over the built site.

Pagefind splits its index into small fragments that the browser fetches per query,
so what a phone downloads before its first result does not grow with the site; its
extended build segments Chinese. It reads only the part of each page marked
``data-pagefind-body``, so headers, menus and the staff page stay out of results, and
it indexes what the site publishes, so an unpublished person is in no index.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def index_site(site_dir: Path, timeout: int = 600) -> str | None:
    """Write ``pagefind/`` into ``site_dir``; the error's text, or None when it worked."""
    try:
        import pagefind  # noqa: F401  (only to say clearly when it is missing)
    except ImportError:
        return "Pagefind is not installed: pip install 'pagefind[extended]' (the site has no search)"
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Pagefind did not run: {exc}"
    if result.returncode != 0:
        return f"Pagefind failed ({result.returncode}): {(result.stderr or result.stdout).strip()[-800:]}"
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    if not entry.is_file():
        return "Pagefind wrote no index"
    # Pagefind lists the languages in hash order: sort them, so two builds are byte-identical.
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    return None

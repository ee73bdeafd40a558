"""``culture export``: the site output as an engine-neutral docs tree any MkDocs-like engine builds.

The tree holds what the core decided and nothing an engine could get wrong: every
planned page as ``<url>index.md`` (front matter for the title, template, robots and
search; the body as HTML rendered by our templates), every hand-written page rendered
and sanitized the same way, the published images' web copies only (a withheld
person's photo is not in the tree, so no engine can publish it), the feeds, JSON and
print files, our stylesheet, palette and script, the page frame, and an ``mkdocs.yml``
without the plugin (Zensical and ProperDocs read it) whose ``nav`` is the core's.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from ..core.media import ImageError
from .nav import NavItem
from .options import PLUGIN_NAME, SiteConfig
from .site import TEMPLATES, MediaRefused, OutputPage, SiteOutput

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.S)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)
_RELATIVE = re.compile(r"""(\s(?:href|src)=")(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)""")
PAGE_FRAME = "culture/page.html"


@dataclass
class Exported:
    """What an export wrote and what it left out."""

    pages: list[str] = field(default_factory=list)
    """URLs of the pages in the tree."""
    files: list[str] = field(default_factory=list)
    """Paths of the other files in the tree (below ``docs/``)."""
    withheld: list[str] = field(default_factory=list)
    """Images not exported because they show people who are not published."""
    problems: list[str] = field(default_factory=list)


def source_url(src: str) -> str:
    """The URL a Markdown source path yields with directory URLs (``about.md`` → ``about/``)."""
    path = PurePosixPath(src)
    stem = path.stem
    parent = "" if str(path.parent) == "." else f"{path.parent.as_posix()}/"
    return parent if stem in ("index", "README") else f"{parent}{stem}/"


def export_site(output: SiteOutput, config: SiteConfig, target: Path, *, with_print: bool = True) -> Exported:
    """Write ``output`` as a docs tree with its ``mkdocs.yml`` into ``target`` (replacing what was there)."""
    report = Exported()
    content = output.site.options.content_dir
    _check_target(target, output)
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    sources = sorted(p for p in content.rglob("*") if p.is_file()) if content.is_dir() else []
    markdown = {p.relative_to(content).as_posix(): p for p in sources if p.suffix == ".md"}
    existing = {source_url(src): src for src in markdown}
    output.attach(existing)
    planned_sources = {p.src_uri for p in output.pages if p.hand_written}
    # Images first: a page body gives the size of each image it shows.
    for path in sources:
        src = path.relative_to(content).as_posix()
        if src in markdown:
            continue
        if output.is_image(src):
            try:
                data = output.publish_image(src, path).data
            except MediaRefused:
                report.withheld.append(src)
                continue
            except ImageError as exc:
                report.problems.append(f"{config.docs_dir}/{src}: not a readable image ({exc})")
                continue
        elif src.lower().endswith((".html", ".htm")):
            text = path.read_text(encoding="utf-8", errors="replace")
            data = (output.hand_written_document(text) or text).encode("utf-8")
        else:
            data = path.read_bytes()
        _write(docs / src, data)
        report.files.append(src)
    # Side files before pages: the staff page lists the print files the press has just made.
    for item in output.files(with_print=with_print):
        if item.source is not None:
            _write(docs / item.path, item.source.read_bytes())
        else:
            output.write(item, docs)  # raises OutputError (a print file failing preflight) with its message
        report.files.append(item.path)
    for page in output.pages:
        page_html = None
        if page.hand_written:
            page_html = _hand_written_html(output, markdown[page.src_uri], page.src_uri)
        _write(docs / f"{page.url}index.md", _page_file(output, page, output.body(page, page_html)))
        report.pages.append(page.url)
    for src, path in markdown.items():
        if src in planned_sources:
            continue
        url = source_url(src)
        text = path.read_text(encoding="utf-8-sig")
        meta, body = _split_front_matter(text)
        title = meta.get("title") or _first_heading(body) or url.strip("/").rsplit("/", 1)[-1] or config.site_name
        html = output.hand_written_html(output.renderer.markdown.convert(body))
        _write(docs / src, _front_matter({**meta, "title": title}) + html + "\n")
        report.pages.append(url)
    _write_theme(target, config)
    _write(target / "mkdocs.yml", _config_file(output, config).encode("utf-8"))
    return report


HEADER = "# Written by `culture export`: the site as an engine-neutral docs tree. Do not edit; export again.\n"


class ExportError(Exception):
    """The export cannot be written where asked."""


def _check_target(target: Path, output: SiteOutput) -> None:
    """Replace only an earlier export or an empty folder, never the project or its data."""
    options = output.site.options
    resolved = target.resolve()
    for keep in (options.root, options.data_dir, options.content_dir):
        if (
            resolved == keep.resolve()
            or keep.resolve().is_relative_to(resolved)
            or (resolved.is_relative_to(keep.resolve()) and keep != options.root)
        ):
            raise ExportError(f"{target} is (or holds) the project's own files; export into a folder of its own")
    if resolved.is_file():
        raise ExportError(f"{target} is a file; export into a folder")
    if resolved.is_dir() and any(resolved.iterdir()):
        marker = resolved / "mkdocs.yml"
        if not (marker.is_file() and marker.read_text(encoding="utf-8", errors="replace").startswith(HEADER)):
            raise ExportError(f"{target} is not empty and not an earlier export; choose another folder or empty it")


def _hand_written_html(output: SiteOutput, path: Path, src: str) -> str:
    """A hand-written page that carries planned data, rendered for ``<url>index.md``."""
    _, body = _split_front_matter(path.read_text(encoding="utf-8-sig"))
    html = output.hand_written_html(output.renderer.markdown.convert(body))
    if PurePosixPath(src).stem not in ("index", "README"):
        # The page moves from ``x.md`` to ``x/index.md``: its own relative links go one folder up.
        html = _RELATIVE.sub(lambda m: m.group(1) + "../" + m.group(2), html)
    return html


def _page_file(output: SiteOutput, page: OutputPage, body: str) -> bytes:
    meta = output.meta(page)
    meta["template"] = PAGE_FRAME
    if "title" not in meta:
        meta["title"] = page.spec.title
    meta["lang"] = page.lang
    meta["alternates"] = output.alternates(page.url)
    return (_front_matter(meta) + body + "\n").encode("utf-8")


def _front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n"


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[m.end() :]


def _first_heading(markdown: str) -> str | None:
    m = _HEADING.search(markdown)
    return m.group(1) if m else None


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def _write_theme(target: Path, config: SiteConfig) -> None:
    """The site's own overrides, with our page frame (robots, script) and partials beside them."""
    overrides = target / "overrides"
    custom = Path(config.custom_dir) if config.custom_dir else None
    if custom is not None and not custom.is_absolute():
        custom = config.root / custom
    for folder in (TEMPLATES / "patches", custom):
        if folder is not None and folder.is_dir():
            # The sitemap patch reads MkDocs' own objects: another engine writes its own sitemap.
            shutil.copytree(folder, overrides, dirs_exist_ok=True, ignore=shutil.ignore_patterns("sitemap.xml"))
    (overrides / "culture").mkdir(parents=True, exist_ok=True)
    shutil.copy2(TEMPLATES / PAGE_FRAME, overrides / PAGE_FRAME)


def _config_file(output: SiteOutput, config: SiteConfig) -> str:
    raw = dict(config.raw or {})
    plugins = [
        p for p in raw.get("plugins") or [] if not (p == PLUGIN_NAME or (isinstance(p, dict) and PLUGIN_NAME in p))
    ]
    theme = dict(raw.get("theme") or {})
    theme["custom_dir"] = "overrides"
    raw.update(
        {
            "docs_dir": "docs",
            "site_dir": "site",
            "use_directory_urls": True,
            "theme": theme,
            "plugins": plugins or ["search"],
            "extra_css": [f.path for f in output.files(with_print=False) if f.path.endswith(".css")]
            + list(raw.get("extra_css") or []),
            "nav": _nav_entries(output, output.navigation(_site_nav(raw.get("nav")))[output.default_language]),
        }
    )
    raw.pop("hooks", None)
    return HEADER + yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)


def _nav_entries(output: SiteOutput, items: list[NavItem]) -> list[Any]:
    titles = {p.url: p.spec.title for p in output.pages}
    entries: list[Any] = []
    for item in items:
        if item.is_section:
            entries.append({item.title or "": _nav_entries(output, list(item.children))})
        elif item.link:
            entries.append({item.title or str(item.url): str(item.url)})
        else:
            url = str(item.url)
            path = f"{url}index.md" if url in titles else output.hand_written_source(url) or f"{url}index.md"
            title = item.title or titles.get(url)
            entries.append({title: path} if title else path)
    return entries


def _site_nav(entries: object) -> list[NavItem] | None:
    """The site's own ``nav`` (titles and Markdown paths) as the core's tree; None without one."""
    if not isinstance(entries, list):
        return None
    items: list[NavItem] = []
    for entry in entries:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) and entry else (None, entry)
        if isinstance(value, list):
            items.append(NavItem(str(title or ""), None, tuple(_site_nav(value) or ())))
        elif isinstance(value, str) and re.match(r"^[a-z][a-z0-9+.-]*:|^/", value):
            items.append(NavItem(str(title or value), value, link=True))
        elif isinstance(value, str):
            items.append(NavItem(str(title) if title else None, source_url(value)))
    return items

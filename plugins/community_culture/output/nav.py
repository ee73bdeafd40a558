"""One navigation per language, made from the default language's, as a plain tree.

Material renders the whole navigation into every page, so the navigation lists
sections and index pages only; records (one hall, one event) are reached from their
index. The default language's navigation is the site's own (``nav`` in ``mkdocs.yml``)
or, without one, the home page, the section indexes and the top-level hand-written
pages. Every other language mirrors it with each page's twin under ``/<lang>/``,
falling back to a link to the default-language page where no twin exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SECTIONS = ("halls/", "events/", "honors/", "exhibits/", "teams/", "reports/")


@dataclass(frozen=True)
class NavItem:
    """A page (``url`` relative to the site root, ``""`` for home), a section (``children``) or a link."""

    title: str | None = None
    """None for a page: the page's own title."""
    url: str | None = None
    children: tuple[NavItem, ...] = field(default_factory=tuple)
    link: bool = False
    """A plain link (to another site, or to a page with no twin in this language)."""
    title_from_page: bool = False
    """A mirrored section: titled as its first page is (in its language), ``title`` failing that."""

    @property
    def is_section(self) -> bool:
        return self.url is None


def default_nav(page_urls: Iterable[str], other_languages: Sequence[str]) -> list[NavItem]:
    """Home, the section indexes, then other top-level hand-written pages, in that order."""
    urls = set(page_urls)
    others = tuple(f"{lang}/" for lang in other_languages)
    wanted = ["", *SECTIONS]
    extra = sorted(
        url
        for url in urls
        if url not in wanted
        and url.count("/") <= 1
        and not url.startswith(others)
        and url != "404.html"
        and url.endswith("/")
    )
    return [NavItem(url=url) for url in (*wanted, *extra) if url in urls]


def mirror(items: Sequence[NavItem], lang: str, page_urls: Iterable[str]) -> list[NavItem]:
    """The items of the default navigation with each page replaced by its ``lang`` twin."""
    urls = set(page_urls)
    out: list[NavItem] = []
    for item in items:
        if item.link:
            out.append(item)
        elif item.is_section:
            out.append(NavItem(item.title, None, tuple(mirror(item.children, lang, urls)), title_from_page=True))
        elif f"{lang}/{item.url}" in urls:
            out.append(NavItem(url=f"{lang}/{item.url}"))
        else:
            out.append(NavItem(item.title, item.url, link=True))
    return out


def pages_of(items: Sequence[NavItem]) -> list[str]:
    """The URLs of the pages in ``items``, in reading order."""
    found: list[str] = []
    for item in items:
        if item.is_section:
            found.extend(pages_of(item.children))
        elif not item.link and item.url is not None:
            found.append(item.url)
    return found

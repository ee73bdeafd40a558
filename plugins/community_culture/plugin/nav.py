"""One navigation per language, made from the default language's.

Material renders the whole navigation into every page, so the navigation lists
sections and index pages only; records (one hall, one event) are reached from their
index. The default language's navigation is ``nav`` from ``mkdocs.yml`` or, without
one, the home page, the section indexes and the top-level hand-written pages. Every
other language mirrors it with each page's twin under ``/<lang>/``, falling back to a
link to the default-language page where no twin exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

SECTIONS = ("halls/", "events/", "honors/", "exhibits/", "teams/", "reports/")


class TwinSection(Section):
    """A mirrored section whose title is looked up when the page is rendered.

    Page titles are only known once pages are read, after the navigation is built.
    """

    def __init__(self, fallback: str, children: list, resolve: Callable[[], str | None]) -> None:
        self._resolve = resolve
        super().__init__(fallback, children)

    @property  # type: ignore[override]
    def title(self) -> str:
        return self._resolve() or self._fallback

    @title.setter
    def title(self, value: str) -> None:
        self._fallback = value


def page_url(file: File) -> str:
    """A page's URL relative to the site root, with the home page as ``""`` (MkDocs says ``./``)."""
    return "" if file.url in ("./", ".") else file.url


def default_items(files: Files, languages: Iterable[str]) -> list[Page]:
    """Home, the section indexes, then other top-level hand-written pages, in that order."""
    by_url = {page_url(f): f for f in files.documentation_pages()}
    others = tuple(f"{lang}/" for lang in languages)
    wanted = ["", *SECTIONS]
    extra = sorted(
        url
        for url in by_url
        if url not in wanted
        and url.count("/") <= 1
        and not url.startswith(others)
        and url != "404.html"
        and url.endswith("/")
    )
    return [_page(by_url[url]) for url in (*wanted, *extra) if url in by_url]


def _page(file: File) -> Page:
    page = file.page
    assert page is not None
    page.parent = None
    return page


def mirror(items: list, lang: str, files: Files) -> list:
    """The items of the default navigation with each page replaced by its ``lang`` twin."""
    by_url = {page_url(f): f for f in files.documentation_pages()}
    out: list = []
    for item in items:
        if isinstance(item, Page):
            twin = by_url.get(f"{lang}/{page_url(item.file)}")
            if twin is not None and twin.page is not None:
                out.append(_page(twin))
            else:
                out.append(Link(item.title or item.url, item.url))
        elif isinstance(item, Section):
            children = mirror(item.children, lang, files)
            first = next((c for c in children if isinstance(c, Page)), None)
            out.append(TwinSection(item.title, children, _title_of(first)))
        else:
            out.append(item)
    return out


def _title_of(page: Page | None) -> Callable[[], str | None]:
    return lambda: page.title if page is not None else None


def link_up(items: list) -> Navigation:
    """A Navigation whose pages know their parents and neighbours."""
    pages: list[Page] = []

    def walk(children: list, parent: Section | None) -> None:
        for child in children:
            child.parent = parent
            if isinstance(child, Page):
                pages.append(child)
            elif isinstance(child, Section):
                walk(child.children, child)

    walk(items, None)
    for i, page in enumerate(pages):
        page.previous_page = pages[i - 1] if i else None
        page.next_page = pages[i + 1] if i + 1 < len(pages) else None
    return Navigation(items, pages)

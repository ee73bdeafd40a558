"""MkDocs' navigation to and from the core's plain tree (``output/nav.py`` decides what is in it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from ..output.nav import NavItem


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


def to_tree(items: Sequence) -> list[NavItem]:
    """MkDocs' navigation items as the core's tree."""
    out: list[NavItem] = []
    for item in items:
        if isinstance(item, Page):
            out.append(NavItem(item.title, page_url(item.file)))
        elif isinstance(item, Section):
            out.append(NavItem(item.title, None, tuple(to_tree(item.children))))
        elif isinstance(item, Link):
            out.append(NavItem(item.title, item.url, link=True))
    return out


def from_tree(items: Sequence[NavItem], files: Files) -> Navigation:
    """The core's tree as a MkDocs navigation whose pages know their parents and neighbours."""
    by_url = {page_url(f): f for f in files.documentation_pages()}

    def build(nodes: Sequence[NavItem]) -> list:
        out: list = []
        for node in nodes:
            if node.is_section:
                children = build(node.children)
                if node.title_from_page:
                    first = next((c for c in children if isinstance(c, Page)), None)
                    out.append(TwinSection(node.title or "", children, _title_of(first)))
                else:
                    out.append(Section(node.title or "", children))
            elif node.link or node.url not in by_url or by_url[str(node.url)].page is None:
                out.append(Link(node.title or str(node.url), str(node.url)))
            else:
                out.append(by_url[str(node.url)].page)
        return out

    return _link_up(build(items))


def _title_of(page: Page | None) -> Callable[[], str | None]:
    return lambda: page.title if page is not None else None


def _link_up(items: list) -> Navigation:
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

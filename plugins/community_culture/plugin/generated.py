"""How MkDocs handles what the core generates: page sources it need not convert, files it need not copy."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class WrittenApart(File):
    """A side file a forked copy of the build writes into the site folder: the engine leaves it be."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def without_markdown(page: Page) -> Callable[[MkDocsConfig, Files], None]:
    """``Page.render`` for a generated page, whose source is empty and whose body the core makes.

    MkDocs would set up a Markdown converter with every extension of the site for each
    page only to convert nothing (about 0.2 ms a page, 5 % of a warm build's main
    thread at 2,000 pages). The page ends as that conversion would leave it: no content,
    headings, anchors or links; the plugin's ``on_page_content`` then gives it its body.
    """

    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = ""
        page.toc = get_toc([])
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    return render

"""What the theme's templates see of one page: its language's words, links, site name and twins."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig


def add_frame(context: Any, frame: dict[str, Any], config: MkDocsConfig) -> None:
    """Put the page frame the core made (``SiteOutput.frame``) into a template context."""
    context["culture_lang"] = frame["lang"]
    # The theme's templates do not escape: every word goes in as escaped text.
    context["culture_ui"] = {key: Markup(escape(value)) for key, value in frame["ui"].items()}
    context["culture_links"] = frame["links"]
    context["config"] = PageConfig(config, frame)


class PageConfig:
    """The site's configuration as one page's templates see it: the site name and language
    twins of that page's language (the shared configuration is never changed per page)."""

    def __init__(self, config: MkDocsConfig, frame: dict[str, Any]) -> None:
        self._config = config
        self.site_name = frame["site_name"]
        self.extra = {**config.extra, "alternate": frame["alternates"]}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._config, name)

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key) if key in ("site_name", "extra") else self._config[key]

    def __contains__(self, key: str) -> bool:
        return key in self._config

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in ("site_name", "extra") else self._config.get(key, default)

"""What print templates call as ``press.*``: images, localized text, Markdown, strings.

A printed page may carry several languages at once (a bilingual panel), so unlike
the web pages' helpers every text helper takes the language it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from ..core.markup import join_cjk_lines
from ..core.media import ImageError
from ..core.text import LText
from .images import print_copy
from .preflight import Finding
from .render import IMAGE_SCHEME

if TYPE_CHECKING:
    from .press import Press, PrintJob


class PrintHelpers:
    """Helpers for one printed page."""

    def __init__(self, press: Press, job: PrintJob) -> None:
        self._press = press
        self.job = job
        self.default_lang = press.languages[0]
        self.images: dict[str, str] = {}
        """The page's image URLs by the path editors know them by (``images/x.jpg``)."""
        self.findings: list[Finding] = []
        """Problems met while filling the template."""

    def image(self, src: str) -> str:
        """The URL of a print copy of ``content/<src>``: full resolution, no metadata."""
        try:
            path = print_copy(self._press.content_dir / src, self._press.image_dir, self._press.inks)
        except (OSError, ImageError) as exc:
            self.findings.append(
                Finding("error", f"the image 'content/{src}' cannot be read ({exc})", "图片无法读取，请换一个文件")
            )
            return ""
        url = IMAGE_SCHEME + path.name
        self.images[url] = src
        return url

    def text(self, value: LText | None, lang: str) -> str:
        """A localized field in ``lang`` (falling back to the default language), or ``""``."""
        return value.get(lang, self.default_lang) if value is not None else ""

    def md(self, value: LText | None, lang: str) -> Markup:
        """A localized Markdown field in ``lang``, rendered and sanitized."""
        if value is None:
            return Markup("")
        return Markup(self._press.markdown.render(join_cjk_lines(self.text(value, lang))))

    def t(self, key: str, lang: str, **values: object) -> str:
        """An interface string in ``lang``."""
        from ..core.strings import translate

        return translate(lang, self.default_lang, key, **values)

    @staticmethod
    def mm(value: float) -> str:
        """A length in millimetres for CSS, without needless digits."""
        return f"{value:.2f}".rstrip("0").rstrip(".") + "mm"

"""What print templates call as ``press.*``: images, localized text, Markdown, strings.

A printed page may carry several languages at once (a bilingual panel), so unlike
the web pages' helpers every text helper takes the language it is asked for.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup
from PIL import Image as PILImage

from ..core.markup import join_cjk_lines
from ..core.media import ImageError
from ..core.text import LText
from .images import print_copy
from .preflight import Finding
from .render import IMAGE_SCHEME

_PARAGRAPH_END = re.compile(r"([^<>]+)(</(?:p|li)>)")
_CJK_TAIL = re.compile(r"(?:[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef][\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]*){1,4}$")
_LAST_SPACE = re.compile(r" (\S{1,12})$")
KEEP = '<span class="keep">'
"""The last characters of a paragraph, kept on one line (``.keep { white-space: nowrap }``)."""

if TYPE_CHECKING:
    from .jobs import PrintJob
    from .press import Press


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

    @property
    def good_ppi(self) -> str:
        """The resolution print shops ask for, for ``image-resolution`` (``300``)."""
        return f"{self._press.settings.good_ppi:g}"

    def sharp_mm(self, src: str, aspect: float) -> float:
        """The widest, in mm, that a picture of shape ``aspect`` (width ÷ height) cut from
        ``content/<src>`` prints at the resolution shops ask for (0 if it cannot be read)."""
        url = self.image(src)
        if not url:
            return 0.0
        with PILImage.open(self._press.image_dir / url[len(IMAGE_SCHEME) :]) as copy:
            width, height = copy.size
        return min(width, height * aspect) / self._press.settings.good_ppi * 25.4

    def text(self, value: LText | None, lang: str) -> str:
        """A localized field in ``lang`` (falling back to the default language), or ``""``."""
        return localized(value, lang, self.default_lang)

    def md(self, value: LText | None, lang: str) -> Markup:
        """A localized Markdown field in ``lang``, rendered and sanitized."""
        if value is None:
            return Markup("")
        return Markup(keep_last_line(self._press.markdown.render(join_cjk_lines(self.text(value, lang)))))

    def t(self, key: str, lang: str, **values: object) -> str:
        """An interface string in ``lang``."""
        from ..core.strings import translate

        return translate(lang, self.default_lang, key, **values)

    @staticmethod
    def mm(value: float) -> str:
        """A length in millimetres for CSS, without needless digits."""
        return f"{value:.2f}".rstrip("0").rstrip(".") + "mm"


def localized(value: LText | None, lang: str, default: str) -> str:
    """``value`` in ``lang``, else in ``default``; ``""`` for no value (``press.text`` and the ``text`` filter)."""
    return value.get(lang, default) if value is not None else ""


def keep_last_line(html: str) -> str:
    """``html`` with no paragraph ending in a lone word or a lone character or two.

    A Chinese paragraph's last four characters (with the punctuation after them) are
    kept together, so its last line never holds only "里。"; an English paragraph's
    last word stays with the one before it. WeasyPrint has no ``text-wrap: pretty``.
    """

    def keep(match: re.Match[str]) -> str:
        text, end = match.groups()
        tail = _CJK_TAIL.search(text)
        if tail and tail.start() > 0:
            return f"{text[: tail.start()]}{KEEP}{tail.group()}</span>{end}"
        return _LAST_SPACE.sub("\u00a0\\1", text) + end

    return _PARAGRAPH_END.sub(keep, html)

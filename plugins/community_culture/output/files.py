"""The site's files and media as the core publishes them: side files, print files, images.

Part of :class:`~community_culture.output.site.SiteOutput`: the feeds, JSON and print
files it makes and writes, how each file of the docs folder is published (web copies
of images without metadata, sanitized HTML), and the media allow-list (a withheld
person's photo is refused here, whatever engine asks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..build import Build
from ..core.markup import sanitize_document
from ..core.media import IMAGE_SUFFIXES, ImageError, WebImage, make_web_image
from ..core.problems import DataError
from ..core.staging import describe
from ..pages.plan import Plan
from ..pages.render import Renderer

if TYPE_CHECKING:
    from .site import Settings

PACKAGE = Path(__file__).resolve().parent.parent
STYLESHEET = "assets/culture/culture.css"
PALETTE = "assets/culture/palette.css"
SCRIPT = "assets/culture/culture.js"
"""Elder mode and "today": loaded in <head> by the theme patch (main.html), a file, never inline."""


@dataclass(frozen=True)
class OutputFile:
    """A file of the site that is not a page."""

    path: str
    """Relative to the site root, e.g. ``events/all.ics``."""
    make: Callable[[], bytes] | None = None
    """Produces the content, once, when the file is written."""
    source: Path | None = None
    """A file copied as it is."""
    kind: str = "data"
    """``data`` (feeds, JSON), ``print`` (PDFs and the reprint list) or ``static`` (stylesheet, script)."""

    def content(self) -> bytes:
        if self.make is not None:
            return self.make()
        assert self.source is not None
        return self.source.read_bytes()


class MediaRefused(Exception):
    """An image that may not be published (a withheld person's photo)."""


class OutputError(Exception):
    """A file of the site cannot be made or written; the message says why and what to do."""


WITHHELD = object()
"""What :meth:`SiteOutput.source_file` answers for a file that must not be published."""


class FilesAndMedia:
    """The files and media half of :class:`~community_culture.output.site.SiteOutput`."""

    site: Build
    plan: Plan
    renderer: Renderer
    settings: Settings
    palette_css: str

    def hand_written_document(self, text: str) -> str | None:
        """An ``.html`` file of the docs folder as published (None: as it is)."""
        return None if self.settings.trusted_html else sanitize_document(text)

    # Files

    def files(self, *, with_print: bool | None = None) -> list[OutputFile]:
        """Feeds, JSON, print files and the site's own stylesheet, palette and script."""
        with_print = self.settings.print_files if with_print is None else with_print
        out = []
        for asset in self.plan.assets:
            is_print = asset.path.endswith(".pdf") or asset.path.startswith("print/")
            if is_print and not with_print:
                # The reprint list (print/) is made from the PDFs, after them: without them, nothing to list.
                continue
            out.append(OutputFile(asset.path, make=asset.make, kind="print" if is_print else "data"))
        # The palette first, so that the stylesheet (and a site's own extra_css) can adjust it.
        out.append(OutputFile(PALETTE, make=self.palette_css.encode, kind="static"))
        out.append(OutputFile(STYLESHEET, source=PACKAGE / "assets" / "culture.css", kind="static"))
        out.append(OutputFile(SCRIPT, source=PACKAGE / "assets" / "culture.js", kind="static"))
        return out

    def write(self, item: OutputFile, site_dir: Path) -> Path:
        """Make ``item`` and write it into ``site_dir`` (a static file is left where it is)."""
        if item.source is not None:
            return item.source
        try:
            content = item.content()
        except DataError as exc:  # a print file failed preflight
            # The press prints every page at the first request, so the file asked for
            # is not necessarily the one at fault: the problems name each page's source.
            raise OutputError(f"the print files cannot be made; nothing was built.\n\n{exc}") from None
        except (ImportError, OSError) as exc:
            # A missing library (Pango, HarfBuzz) or a file-system fault while printing.
            reason = describe(exc, Path(item.path)) if isinstance(exc, OSError) else str(exc)
            raise OutputError(
                f"{item.path} cannot be made ({reason}); nothing was built. Print files need WeasyPrint with "
                "Pango and fonts-noto-cjk (see README), or set print_files: false（无法生成印刷文件）"
            ) from None
        target = site_dir / item.path
        try:
            if not target.parent.is_dir():  # one look, not a failing mkdir, for the thousands already there
                target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        except OSError as exc:
            raise OutputError(f"nothing was built: {describe(exc, target)}") from None
        return target

    def source_file(self, src_uri: str, path: Path) -> bytes | object | None:
        """How a file of the docs folder is published: its new content, :data:`WITHHELD`, or None (as it is).

        Images become web copies (resized, without metadata) and a withheld person's photo
        is not published at all; ``.html`` files are sanitized unless the site trusts its HTML.
        Raises :class:`OutputError` for an image that cannot be read.
        """
        if self.is_image(src_uri):
            try:
                return self.publish_image(src_uri, path).data
            except MediaRefused:
                return WITHHELD
            except ImageError as exc:
                raise OutputError(f"{src_uri}: not a readable image ({exc})") from None
        if src_uri.lower().endswith((".html", ".htm")):
            published = self.hand_written_document(path.read_text(encoding="utf-8", errors="replace"))
            return published.encode("utf-8") if published is not None else None
        return None

    def print_report(self) -> tuple[list[str], list[str]]:
        """The print warnings, and the lines that say what was typeset and what goes back to the shop."""
        press = self.site.press
        warnings = [problem.format() for problem in press.warnings]
        notes = []
        if press.stats.typeset or press.stats.cached:
            notes.append(str(press.stats))
        if press.files:
            changed = [entry["path"] for entry in press.manifest() if entry["changed_now"]]
            day = press.build_date.isoformat()
            if changed:
                notes.append(f"print files changed on {day} ({len(changed)}): " + ", ".join(changed))
            else:
                notes.append(f"no print file changed on {day}: nothing to reprint")
        return warnings, notes

    # Media

    @property
    def withheld(self) -> frozenset[str]:
        """Images (relative to the docs folder) that no engine may publish: photos of people not shown."""
        return frozenset(PurePosixPath(src).as_posix() for src in self.site.withheld_photos)

    def is_theme_data(self, src_uri: str) -> bool:
        """A file of a template folder that is read by the build and never published (interface words)."""
        return src_uri.startswith("strings/") and src_uri.endswith(".yml")

    def is_image(self, src_uri: str) -> bool:
        return src_uri.lower().endswith(IMAGE_SUFFIXES)

    def publish_image(self, src_uri: str, source: Path) -> WebImage:
        """The web copy of an image of the docs folder (resized, without metadata).

        Raises :class:`MediaRefused` for a withheld person's photo, and
        :class:`~community_culture.core.media.ImageError` for a file that is not a readable image.
        """
        if PurePosixPath(src_uri).as_posix() in self.withheld:
            raise MediaRefused(src_uri)
        cache = self.site.options.cache_dir / "media" if self.site.options.cache_dir else None
        image = make_web_image(source, self.settings.photo_max_width, cache)
        self.renderer.image_sizes[src_uri] = (image.width, image.height)
        return image

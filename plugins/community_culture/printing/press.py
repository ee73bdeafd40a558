"""The press: print products hand it pages to print, it hands back PDF bytes.

A print product (exhibit panels, honour boards, the monthly poster) describes each
printed page as a :class:`PrintJob` — a page size, a template and its context — and
registers it with the build's press while the site is planned. A job is one page,
unless it is a list that may run on over more (``flow``). The first time any PDF is
asked for, the press prints every registered page (with a forked copy of the process
where it is given one, see :meth:`Press.run`): it fills the
page's template (found on the same search path as the web pages, so a site's
``overrides/print/panel.html`` wins), looks the result up in the cache, and only on a
miss typesets it with WeasyPrint and preflights it. The problems of every page are
raised together, so one build lists them all.

A product module does no more than this::

    job = site.press.add(PrintJob(
        key="honors/morality/board.pdf", label="honour board 'morality'",
        size=named_size("A1"), template="print/board.html", lang="zh",
        page="honors/morality/", context={"board": board}, source=board.source))
    plan.assets.append(Asset(job.key, lambda: site.press.pdf([job])))
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jinja2

from ..core.markup import MarkdownRenderer
from ..core.problems import Position, Problem, Problems
from ..core.templates import template_cache
from ..model.print_settings import PrintSettings
from .cache import Cached, PdfCache, fingerprint
from .fit import Fit, next_fit, room
from .helpers import PrintHelpers, localized
from .inks import InkError, Inks, inks_for
from .jobs import PressStats, PrintError, PrintJob
from .manifest import PrintFile, dated, load_previous, save_state
from .pdfx import combine as combine_pdfx
from .pdfx import page_count
from .preflight import Finding, preflight
from .qr import qr_data_uri
from .render import RENDER_OPTIONS, Typesetter, weasyprint_version
from .sharing import Apart, SharedPrinting

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
MAX_LAYOUTS = 4
"""Layouts of one page at most while fitting it (see fit.py): the first, then better ones."""


@dataclass(frozen=True)
class PressState:
    """What a press printed, as another copy of the build needs it: the reprint list and the log's lines."""

    files: dict[str, PrintFile]
    manifest: list[dict[str, Any]]
    warnings: list[Problem]
    stats: PressStats


class Press(SharedPrinting):
    """Prints the PDFs of one build."""

    def __init__(
        self,
        content_dir: Path,
        languages: Sequence[str] = ("zh", "en"),
        template_dirs: Sequence[Path] = (),
        cache_dir: Path | None = None,
        site_url: str | None = None,
        settings: PrintSettings | None = None,
        build_date: dt.date | None = None,
    ) -> None:
        """Set up a press; nothing is typeset until a PDF is asked for.

        Args:
            content_dir: Where the original images are.
            languages: The site's language codes, the default first.
            template_dirs: Searched for templates before ours (a site's ``overrides/``).
            cache_dir: Where PDFs and print copies of images are kept between builds; None: nowhere.
            site_url: The site's public address, for QR codes.
            settings: PDF/X flavour, output profile, marks and resolution limits; None: the defaults.
            build_date: The date written into new files (never into a cache key); None: today.
        """
        self.settings = settings or PrintSettings()
        self.build_date = build_date or dt.date.today()
        self._inks: Inks | None = None
        self.files: dict[str, PrintFile] = {}
        """Every file handed out, by path: the reprint list."""
        self._manifest: list[dict[str, Any]] | None = None
        self._by_path: dict[str, str] = {}
        """The fingerprint of the file handed out at each path (its bytes are kept, see :meth:`PdfCache.keep`)."""
        self._state_dir = cache_dir / "print" if cache_dir is not None else None
        self.content_dir = content_dir
        self.languages = tuple(languages)
        self.site_url = site_url
        self.stats = PressStats()
        self.markdown = MarkdownRenderer()
        self.problems = Problems()
        self._cache_dir = cache_dir
        self._scratch: tempfile.TemporaryDirectory[str] | None = None
        self.cache = PdfCache(cache_dir / "print" if cache_dir is not None else None)
        self.env = jinja2.Environment(
            bytecode_cache=template_cache(cache_dir),
            loader=jinja2.FileSystemLoader([*map(str, template_dirs), str(TEMPLATES)]),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        # ``{{ title | text(lang) }}`` is ``press.text(title, lang)`` for the long lists (a
        # month's poster, a year's report): a filter is called directly, a helper through Jinja's context.
        default = self.languages[0]
        self.env.filters["text"] = lambda value, lang: localized(value, lang, default)
        self._jobs: dict[str, PrintJob] = {}
        self._done: dict[str, tuple[str, bool]] = {}
        """Printed jobs by key: (fingerprint, whether it printed)."""
        self._typesetter: Typesetter | None = None
        self._sharing: tuple[Apart | None, bool] = (None, False)
        """How :meth:`pdf` runs the press (:meth:`share`)."""

    @property
    def image_dir(self) -> Path:
        """Where print copies of images are kept: in the cache, else in a scratch folder."""
        if self._cache_dir is not None:
            return self._cache_dir / "print-images"
        # Made on first use: planning a site registers pages without printing any.
        if self._scratch is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="culture-print-")
        return Path(self._scratch.name) / "print-images"

    @property
    def inks(self) -> Inks:
        """The colour conversions into the output profile (loaded on first use).

        Raises:
            InkError: when the profile cannot be read or is no CMYK profile.
        """
        if self._inks is None:
            self._inks = inks_for(self.settings.profile)
        return self._inks

    # -- the API of print products ----------------------------------------------------
    def add(self, job: PrintJob) -> PrintJob:
        """Register ``job`` to be printed with the others when the first PDF is asked for."""
        if job.key in self._jobs:
            raise ValueError(f"two print jobs share the key {job.key}")
        self._jobs[job.key] = job
        return job

    def pdf(
        self, jobs: Sequence[PrintJob], title: str | None = None, path: str | None = None, product: str = ""
    ) -> bytes:
        """The PDF of ``jobs`` in order: one page each, or as many as a flowing job runs to.

        Args:
            jobs: The pages, in order.
            title: The document title of a file of several jobs.
            path: Where the file goes below the site root, for the reprint list (a single
                job's is its key; a file of several without one is not listed).
            product: What a file of several jobs is (``panels``), for the reprint list.

        Raises:
            PrintError: when any registered page cannot be printed (all problems at once).
        """
        apart, once_typesetting = self._sharing
        self.run(apart, once_typesetting=once_typesetting)
        if len(jobs) == 1:
            job = jobs[0]
            data = self._pdf_of(job)
            own = path is None or path == job.key
            self._record(path or job.key, job, data, self._done[job.key][0], job.product if own else product)
            return data
        self.stats.combined += 1
        key = fingerprint("combined", title or "", *(self._done[job.key][0] for job in jobs))
        cached = self.cache.get(key)
        if cached is not None:
            data = cached.pdf
        else:
            data = combine_pdfx([self._pdf_of(job) for job in jobs], title, path or "+".join(j.key for j in jobs))
            self.cache.keep(key, Cached(data))
        if path is not None:
            self._record(path, jobs[0], data, key, product or "combined", len(jobs))
        return data

    def _record(self, path: str, job: PrintJob, data: bytes, source: str, product: str, count: int = 1) -> None:
        self._by_path[path] = source
        stem = job.name if path == job.key and job.name else path.removesuffix(".pdf").replace("/", "-")
        self.files[path] = PrintFile(
            path=path,
            product=product or Path(job.template).stem,
            label=job.label if count == 1 else f"{count} pages",
            size=job.size.name,
            width_mm=job.size.width_mm,
            height_mm=job.size.height_mm,
            pages=page_count(data),
            sha256=hashlib.sha256(data).hexdigest(),
            source=source,
            name=stem,
        )

    def pdf_at(self, path: str) -> bytes | None:
        """The bytes of a file already handed out at ``path`` (None if none was)."""
        key = self._by_path.get(path)
        return self.cache.made(key) if key is not None else None

    def manifest(self) -> list[dict[str, Any]]:
        """The reprint list of every file handed out so far, with the date each last changed.

        The first call also keeps the list in the cache folder for the next build.
        """
        if self._manifest is None:
            entries = dated(list(self.files.values()), load_previous(self._state_dir), self.build_date)
            if entries:  # a build without print files (mkdocs serve) keeps the last list
                save_state(self._state_dir, entries)
            self._manifest = entries
        return self._manifest

    def state(self) -> PressState:
        """What this press printed, for a copy of the build that did not print (see :meth:`adopt`)."""
        return PressState(dict(self.files), self.manifest(), list(self.warnings), self.stats)

    def adopt(self, state: PressState) -> None:
        """Take over what a forked copy of the build printed: its reprint list, warnings and figures.

        The bytes stay where that copy wrote them (the site and the cache folder).
        """
        self.files = dict(state.files)
        self._manifest = state.manifest
        for problem in state.warnings:
            self.problems.add(problem)
        self.stats = state.stats

    def share(self, apart: Apart | None, *, once_typesetting: bool = False) -> None:
        """Have :meth:`pdf` print with another process too (see :meth:`run`)."""
        self._sharing = (apart, once_typesetting)

    def run(self, apart: Apart | None = None, *, once_typesetting: bool = False) -> None:
        """Print every registered page not printed yet.

        Args:
            apart: Starts a function in another process (see :data:`Apart`): that process
                and this one then take the pages one at a time, each as it is free; None: all here.
            once_typesetting: Start the other process only when a page must be typeset (a
                build whose pages are all in the cache then makes none); else at once.

        Raises:
            PrintError: with every problem, when any page cannot be printed.
        """
        pending = [job for key, job in self._jobs.items() if key not in self._done]
        if pending and self.site_url is None and any(job.page for job in pending):
            first = next(job for job in pending if job.page)
            self.problems.add(
                Problem(
                    Position("mkdocs.yml"),
                    "site_url",
                    f"{first.label} carries a QR code to its web page, which needs the site's public address: "
                    "set site_url in mkdocs.yml (for example https://culture.example.org/)",
                    "打印文件上的二维码需要网站的正式网址，请在 mkdocs.yml 中填写 site_url",
                )
            )
            self._done.update({job.key: ("", False) for job in pending})
        if pending and not self._load_inks():
            self._done.update({job.key: ("", False) for job in pending})
        todo = [job for job in pending if job.key not in self._done]
        # Only with a cache folder that can be written: the other process leaves its PDFs there.
        apart = apart if self.cache.writable() else None
        done = 0
        if apart is not None and once_typesetting:
            typeset = self.stats.typeset
            while done < len(todo) and self.stats.typeset == typeset:
                self._print(todo[done])
                done += 1
        self._print_shared(todo[done:], apart)
        if self.problems.errors:
            raise PrintError(self.problems)

    def _load_inks(self) -> bool:
        try:
            self.inks  # noqa: B018 - loads the profile, or says why it cannot
        except InkError as exc:
            self.problems.add(
                Problem(
                    Position("mkdocs.yml"),
                    "print.profile",
                    f"{exc}; install Debian's libgs-common (it brings {self.settings.profile}) "
                    "or point print.profile at your print shop's CMYK profile",
                    "找不到印刷用的 CMYK 色彩配置文件；请安装 libgs-common，或在 mkdocs.yml 中指定印刷厂提供的 ICC 文件",
                )
            )
            return False
        return True

    @property
    def warnings(self) -> list[Problem]:
        """Warnings of every page printed so far (also for pages taken from the cache)."""
        return self.problems.warnings

    def url_of(self, page: str) -> str:
        """The absolute address of a web page below the site root."""
        return (self.site_url or "").rstrip("/") + "/" + page

    # -- printing one page ------------------------------------------------------------
    def _print(self, job: PrintJob) -> None:
        helpers = PrintHelpers(self, job)
        url = self.url_of(job.page) if job.page else None
        template = self.env.get_template(job.template)
        qr = qr_data_uri(url) if url else None
        context = job.context() if callable(job.context) else job.context

        def fill(fit: Fit) -> str:
            page = template.render(**context, size=job.size, lang=job.lang, url=url, qr=qr, press=helpers, fit=fit)
            return self.inks.html(page)

        # The first layout's page is the cache key: a fitted page follows from it.
        html = fill(Fit())
        key = fingerprint(
            _code_version(),
            weasyprint_version(),
            repr(sorted(RENDER_OPTIONS.items())),
            self.settings.key(),
            self.inks.digest,
            str(job.flow),
            job.key,  # font subsets are tagged after the file's address
            html,
        )
        findings = list(helpers.findings)
        cached = self.cache.get(key) if not findings else None
        if cached is not None:
            self.stats.cached += 1
            findings += [Finding("warning", message, hint) for message, hint in cached.warnings]
            data: bytes | None = cached.pdf
        else:
            data = None
            if not any(f.severity == "error" for f in findings):
                data, more = self._typeset(html, fill, helpers.images, job)
                findings += more
        self._report(job, findings)
        if any(f.severity == "error" for f in findings):
            data = None
        elif cached is None and data is not None:
            self.cache.keep(key, Cached(data, tuple((f.message, f.hint) for f in findings if f.severity == "warning")))
        self._done[job.key] = (key, data is not None)

    def _typeset(
        self, html: str, fill: Callable[[Fit], str], images: Mapping[str, str], job: PrintJob
    ) -> tuple[bytes, list[Finding]]:
        began = time.perf_counter()
        if self._typesetter is None:
            stamp = dt.datetime.combine(self.build_date, dt.time(0), dt.UTC)
            self._typesetter = Typesetter(self.image_dir, self.settings, self.inks, stamp)
        document, refused = self._typesetter.typeset(html)
        # Give the pictures the room the text leaves (see fit.py); a layout that no
        # longer fits on its page is never kept.
        fit, layouts = Fit(), 1
        while layouts < MAX_LAYOUTS and not job.flow and (free := room(document)) and (better := next_fit(fit, free)):
            fitted, more_refused = self._typesetter.typeset(fill(better))
            layouts += 1
            if len(fitted.pages) > 1:
                break
            document, refused, fit = fitted, more_refused, better
        data = self._typesetter.write(document, job.key)
        self.stats.typeset += 1
        product = job.product or Path(job.template).stem
        self.stats.seconds[product] = self.stats.seconds.get(product, 0.0) + time.perf_counter() - began
        return data, preflight(document, images, refused, job.flow, self.settings.min_ppi, self.settings.good_ppi)

    def _report(self, job: PrintJob, findings: list[Finding]) -> None:
        for f in findings:
            self.problems.add(
                Problem(
                    job.source or Position(job.key),
                    job.field,
                    f"{job.label}, {job.size.describe()}: {f.message}",
                    f.hint,
                    f.severity,
                )
            )

    def _pdf_of(self, job: PrintJob) -> bytes:
        key, printed = self._done[job.key]
        assert printed, "run() raises before a failed page is asked for"
        return self.cache.made(key)


@functools.cache
def _code_version() -> str:
    """This package's version and the source of the printing code: what shapes a PDF besides its HTML."""
    sources = sorted(Path(__file__).parent.glob("*.py"))
    return fingerprint(version("community-culture"), *(p.read_bytes() for p in sources))

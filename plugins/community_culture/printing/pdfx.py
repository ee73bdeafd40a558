"""Finishing a print file as a print shop's preflight expects it: PDF/X identification, marks in a slug.

WeasyPrint writes the PDF/X file (output intent, XMP, ``Trapped``); this finishes what it
leaves to the caller, with pikepdf:

- the output intent names its printing condition as the ICC registry does, and the
  document information says ``GTS_PDFXVersion`` as well as the XMP;
- crop marks are drawn in a *slug* outside the bleed (MediaBox = BleedBox + slug), on the
  black plate alone, with no transparency, where neither the blade nor the shop's own
  marks meet them; a site can switch them off (large-format shops often want none);
- every font subset gets a tag of its own file and page, so that a shop ganging several
  files on one sheet never takes two different subsets for one;
- the trailer ID is derived from the content, so the same page gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..model.print_settings import PrintSettings

if TYPE_CHECKING:
    import pikepdf

PT_PER_MM = 72 / 25.4
MARK_GAP_MM = 1.0
"""Between the bleed's outer edge and the start of a mark."""
MARK_WIDTH_PT = 0.25
"""A hairline that a RIP still images."""
_DID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")
_TRAILER_ID = re.compile(rb"/ID\s*\[[^\]]*\]")
VERSIONS = {"pdf/x-4": "PDF/X-4", "pdf/x-1a": "PDF/X-1a:2003"}


def finish(data: bytes, settings: PrintSettings, condition_name: str, seed: str) -> bytes:
    """The finished print file of WeasyPrint's ``data``.

    Args:
        data: A PDF/X file as WeasyPrint wrote it.
        settings: The site's print settings (standard, marks, slug).
        condition_name: The output profile's description, for the output intent.
        seed: Unique to the file (its address), to tag its font subsets.
    """
    import pikepdf  # loaded when a PDF is made: a check without print needs none

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for intent in pdf.Root.get("/OutputIntents", []):
            intent.OutputConditionIdentifier = pikepdf.String(settings.condition)
            intent.OutputCondition = pikepdf.String(condition_name)
            intent.Info = pikepdf.String(condition_name)
            intent.RegistryName = pikepdf.String("http://www.color.org")
        pdf.docinfo["/GTS_PDFXVersion"] = pikepdf.String(VERSIONS[settings.standard])
        _stable_document_id(pdf, data)
        for number, page in enumerate(pdf.pages):
            trim = [float(v) for v in page.obj.get("/TrimBox", page.mediabox)]
            bleed = [float(v) for v in page.obj.get("/BleedBox", page.mediabox)]
            page.obj.BleedBox = pikepdf.Array(bleed)
            page.obj.TrimBox = pikepdf.Array(trim)
            if settings.marks:
                slug = settings.slug_mm * PT_PER_MM
                page.obj.MediaBox = pikepdf.Array([bleed[0] - slug, bleed[1] - slug, bleed[2] + slug, bleed[3] + slug])
                page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
                page.contents_add(pdf.make_stream(b"Q\n" + crop_marks(trim, bleed, slug)))
            else:
                page.obj.MediaBox = pikepdf.Array(bleed)
            if "/CropBox" in page.obj:
                del page.obj["/CropBox"]
            retag_fonts(page, f"{seed}#{number}")
        return _save(pdf)


def combine(parts: Sequence[bytes], title: str | None, seed: str) -> bytes:
    """One PDF/X file holding the pages of ``parts`` in order, each keeping its boxes and fonts."""
    import pikepdf

    first, *rest = parts
    with pikepdf.open(io.BytesIO(first)) as pdf:
        others = [pikepdf.open(io.BytesIO(part)) for part in rest]
        try:
            for other in others:
                pdf.pages.extend(other.pages)
            for number, page in enumerate(pdf.pages):
                retag_fonts(page, f"{seed}#{number}")
            if title:
                with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                    meta["dc:title"] = title
                pdf.docinfo["/Title"] = pikepdf.String(title)
            return _save(pdf)
        finally:
            for other in others:
                other.close()


def crop_marks(trim: list[float], bleed: list[float], slug: float) -> bytes:
    """The content stream of eight crop marks on the trim lines, from the bleed's edge out into the slug."""
    gap = MARK_GAP_MM * PT_PER_MM
    reach = slug - 2 * gap  # stops short of the sheet's edge
    x0, y0, x1, y1 = trim
    bx0, by0, bx1, by1 = bleed
    lines = []
    for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
        # Horizontal: along the trim line y, outside the bleed on the left or right.
        start = bx0 - gap if x == x0 else bx1 + gap
        end = start - reach if x == x0 else start + reach
        lines.append(f"{start:.3f} {y:.3f} m {end:.3f} {y:.3f} l S")
        start = by0 - gap if y == y0 else by1 + gap
        end = start - reach if y == y0 else start + reach
        lines.append(f"{x:.3f} {start:.3f} m {x:.3f} {end:.3f} l S")
    return ("q 0 0 0 1 K " + f"{MARK_WIDTH_PT} w 0 J [] 0 d\n" + "\n".join(lines) + "\nQ\n").encode()


def retag_fonts(page: Any, seed: str) -> None:
    """Give every font subset on ``page`` a tag derived from ``seed`` and its original tag.

    WeasyPrint tags a subset after the face it comes from, so every file set in one face
    would carry the same ``ABCDEF+Noto-Sans-CJK-SC``; a RIP that takes two subsets of one
    name for one may print the wrong glyphs.
    """
    import pikepdf

    fonts = page.obj.get("/Resources", {}).get("/Font", {})
    for ref in fonts.values():
        font = ref.get_object() if hasattr(ref, "get_object") else ref
        targets = [font, *(d for d in font.get("/DescendantFonts", []))]
        for target in targets:
            for holder, key in ((target, "/BaseFont"), (target.get("/FontDescriptor"), "/FontName")):
                if holder is None or key not in holder:
                    continue
                name = str(holder[key])
                tag, plus, rest = name[1:].partition("+")
                if plus and len(tag) == 6 and tag.isupper():
                    digest = hashlib.sha256(f"{seed}/{tag}".encode()).digest()
                    new = "".join(chr(65 + b % 26) for b in digest[:6])
                    holder[key] = pikepdf.Name(f"/{new}+{rest}")


def _stable_document_id(pdf: pikepdf.Pdf, data: bytes) -> None:
    """Replace the random XMP DocumentID WeasyPrint writes by one derived from the content."""
    if "/Metadata" not in pdf.Root:
        return
    xmp = pdf.Root.Metadata.read_bytes()
    content = _TRAILER_ID.sub(b"", _DID.sub(b"", data))
    digest = hashlib.sha256(content).hexdigest()
    stable = f"xmp.did:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}".encode()
    pdf.Root.Metadata.write(_DID.sub(stable, xmp))


def _save(pdf: pikepdf.Pdf) -> bytes:
    import pikepdf

    out = io.BytesIO()
    # WeasyPrint's ID hashes a random XMP DocumentID: qpdf would keep its first half.
    if "/ID" in pdf.trailer:
        del pdf.trailer["/ID"]
    # A trailer ID from the content: the same page gives the same bytes, as PDF/X asks for an ID.
    # Streams WeasyPrint left uncompressed stay so: PDF/X-4 wants its XMP metadata readable as it is.
    pdf.save(out, deterministic_id=True, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue()


def page_count(data: bytes) -> int:
    """How many pages a PDF has."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)

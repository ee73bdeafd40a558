"""Reading print files as a print shop does: poppler's tools and a QR decoder; and photos as phones take them."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import zxingcpp
from PIL import Image


def run(*args: str | Path) -> str:
    """A command's standard output; a failing command fails the test."""
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path, page: int | None = None) -> str:
    """The text of a PDF (or of one page) as pdftotext extracts it."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return run("pdftotext", "-enc", "UTF-8", *pages, pdf, "-")


def page_count(pdf: Path) -> int:
    """How many pages a PDF has."""
    return int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))  # type: ignore[union-attr]


def boxes(pdf: Path) -> dict[tuple[int, str], list[float]]:
    """Every page's boxes, ``{(page, "TrimBox"): [x0, y0, x1, y1]}``, from ``pdfinfo -box``."""
    out = run("pdfinfo", "-box", "-f", "1", "-l", "99", pdf)
    found = re.findall(r"Page\s+(\d+) (\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", out)
    return {(int(page), name): [float(v) for v in values] for page, name, *values in found}


def qr_codes(pdf: Path, page: int, folder: Path, dpi: int = 60) -> list[str]:
    """The QR codes a phone would read off one rendered page."""
    run("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile", pdf, folder / "page")
    with Image.open(folder / "page.png") as im:
        return [c.text for c in zxingcpp.read_barcodes(im)]


def phone_photo(width: int, height: int, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A JPEG as a phone writes it: with the GPS position and a comment that must never be published."""
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (39.0, 48.0, 58.0), 3: "E", 4: (109.0, 59.0, 10.0)}
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", exif=exif, comment=b"Room 402", quality=95)
    return out.getvalue()


def rgb_uses(pdf: Path) -> list[str]:
    """Every use of RGB in a PDF, as a prepress preflight lists them: ``rg``/``RG`` operators in any
    content stream (pages and form XObjects), and ``/DeviceRGB`` or a three-component ICC space anywhere."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(pdf) as doc:
        streams = [page.obj for page in doc.pages]
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                if obj.get("/Subtype") == "/Form":
                    streams.append(obj)
                if obj.get("/ColorSpace") == "/DeviceRGB":
                    found.append(f"object {obj.objgen}: /ColorSpace /DeviceRGB")
                if obj.get("/N") == 3 and obj.get("/Alternate") in (None, "/DeviceRGB") and "/Length" in obj:
                    found.append(f"object {obj.objgen}: a three-component ICC profile")
            if isinstance(obj, pikepdf.Array) and "/DeviceRGB" in [str(item) for item in obj]:
                found.append(f"object {obj.objgen}: {obj}")
        for holder in streams:
            for operands, operator in pikepdf.parse_content_stream(holder):
                name = str(operator)
                if name in ("rg", "RG") or (name in ("cs", "CS") and str(operands[0]) == "/DeviceRGB"):
                    found.append(f"{holder.objgen}: {' '.join(map(str, operands))} {name}")
    return found


def inkcov(pdf: Path, page: int = 1) -> tuple[float, float, float, float]:
    """The share of a page's area that each of C, M, Y and K covers, from Ghostscript's ``inkcov`` device."""
    out = run("gs", "-q", "-o", "-", "-sDEVICE=inkcov", f"-dFirstPage={page}", f"-dLastPage={page}", pdf)
    c, m, y, k = (float(v) for v in out.split()[:4])
    return c, m, y, k

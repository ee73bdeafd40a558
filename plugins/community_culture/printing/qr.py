"""QR codes that lead from a printed page to its web page."""

from __future__ import annotations

import base64
import io

from .inks import K_ONLY

PAPER = "device-cmyk(0 0 0 0)"


def qr_data_uri(url: str) -> str:
    """An SVG QR code for ``url`` as a ``data:`` URI, on the black plate alone, with its quiet zone.

    Vector art stays sharp at any printed size. Error correction M (15 %) survives the
    scuffs and reflections of a panel hung in a busy hall and keeps the code small. The
    modules are pure K: a four-colour black would blur them with any misregistration.
    """
    import segno  # loaded when a code is drawn: a check without print draws none

    qr = segno.make_qr(url, error="m", boost_error=False)
    out = io.BytesIO()
    # The white quiet zone of four modules is part of the code: scanners need it on a tinted page.
    qr.save(out, kind="svg", border=4, dark="#000", light="#fff", xmldecl=False, svgclass=None, lineclass=None)
    svg = (
        out.getvalue().decode().replace('stroke="#000"', f'stroke="{K_ONLY}"').replace('fill="#fff"', f'fill="{PAPER}"')
    )
    # SVG fills a path black unless told otherwise, even one only stroked: that black would be RGB.
    svg = svg.replace("<path stroke=", '<path fill="none" stroke=')
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()

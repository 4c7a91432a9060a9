"""The shipped font embedded in a page, so that a machine without any CJK font still shows the
text: cut down to the characters the page uses (a few hundred of the font's 7,000 glyphs) and
inlined as a base64 data: URL, which keeps the page self-contained."""
from __future__ import annotations

import base64
import io
from functools import lru_cache

from ..errors import ModelsNotFoundError
from ..fonts import SHIPPED_FAMILY, shipped_font

FAMILY = SHIPPED_FAMILY
# Horizontal text needs no layout tables (vertical forms, locale variants) and no vertical
# metrics; dropping them halves the subset and the time it takes.
_DROP = ("GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx")


@lru_cache(maxsize=1)
def _font_bytes() -> bytes | None:
    try:
        return shipped_font().read_bytes()
    except (OSError, ModelsNotFoundError):
        return None


def subset(text: str) -> bytes | None:
    """The shipped font (OpenType/CFF) holding only the glyphs of text's characters; None when
    the font is not installed.  Characters the font lacks are left to the browser's fallback."""
    data = _font_bytes()
    if data is None:
        return None
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    opts = ft_subset.Options()
    opts.layout_features = []
    opts.drop_tables = [*opts.drop_tables, *_DROP]
    opts.notdef_outline = True
    # lazy tables and no bounding-box recomputation: most of the font is never decoded; the
    # timestamp kept, so the same page renders to the same bytes (saving would stamp the time)
    font = TTFont(io.BytesIO(data), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    sub = ft_subset.Subsetter(opts)
    sub.populate(unicodes={ord(c) for c in text})
    sub.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def font_face(text: str) -> str:
    """An @font-face rule for FAMILY with the subset for text inlined; "" without the font
    (the page then falls back to the system's CJK fonts, as it did before embedding)."""
    data = subset(text)
    if data is None:
        return ""
    b64 = base64.b64encode(data).decode("ascii")
    return (f'@font-face{{font-family:"{FAMILY}";src:url(data:font/otf;base64,{b64}) format("opentype");'
            "font-display:block}")

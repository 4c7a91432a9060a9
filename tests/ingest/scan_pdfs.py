"""Scanned PDFs made for the tests: pages as images, text pages, a garbage text layer."""
from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

from policytext import from_text
from policytext.lexicon import models_dir
from policytext.evaluation.scans import ScanStyle, render

SHORT_PLAN = """江州市测试局2024年学习工作要点
2024年，局机关坚持以学促干，现提出如下工作要点。
一、加强理论学习
1.局党组理论学习中心组每季度至少开展1次专题学习，由办公室牵头，各科室配合。
2.严格落实“三会一课”制度，2024年6月底前完成全员轮训。
二、加强作风建设
3.每半年至少组织1次警示教育，全年不少于2次集中研讨。
江州市测试局
2024年1月15日"""

NOISY_SMALL = ScanStyle(dpi=150, noise=12.0, angle=0.7, blur=0.5, seed=3)


def short_plan():
    return from_text(SHORT_PLAN, path="short_plan.txt")


def scan_images(style: ScanStyle = NOISY_SMALL):
    return render(short_plan(), style)


@lru_cache(maxsize=None)
def _embedded_font(chars: str) -> str:
    """A TrueType font of the shipped CJK font's glyphs for chars, registered with reportlab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont

    name = f"PolicyTextTest-{_digest(chars)}"
    pdfmetrics.registerFont(ReportlabTTFont(name, io.BytesIO(_truetype(chars))))
    return name


def _digest(chars: str) -> str:
    return hashlib.sha1(chars.encode()).hexdigest()[:10]


@lru_cache(maxsize=None)
def _truetype(chars: str) -> bytes:
    """The shipped CJK font's glyphs for chars as a TrueType font.

    reportlab embeds only TrueType outlines, and the shipped font is CFF, so the subset's cubic
    outlines are converted to quadratic ones.  Embedding matters: a page set in a font the PDF
    only names (STSong-Light) renders blank on a machine without a system CJK font, and then OCR
    of a text page reads nothing."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(models_dir() / "fonts" / "PolicyTextSansSC-Regular.otf"))
    sub = subset.Subsetter(subset.Options(layout_features=[], name_IDs=["*"], notdef_outline=True))
    sub.populate(text=chars)
    sub.subset(font)
    glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    for tag in ("VORG", "BASE", "GDEF", "GPOS", "GSUB"):
        if tag in font:
            del font[tag]
    font["glyf"], font["loca"] = glyf, newTable("loca")
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion, maxp.numGlyphs = 0x00010000, len(order)
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat, font["head"].glyphDataFormat = 0, 0
    font["post"].formatType, font["post"].extraNames, font["post"].mapping = 3.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"
    # reportlab registers typefaces by PostScript name, and a later font of the same name would
    # be drawn with the first one's character map: each subset gets a name of its own.
    font["name"].setName(f"PolicyTextTest-{_digest(chars)}", 6, 3, 1, 0x409)
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue()


def build_pdf(path: Path, pages: list[tuple[str, object]]) -> Path:
    """pages: ("text", [lines]) | ("image", PIL image) | ("garbage", PIL image) (an image with an
    invisible text layer of (cid:N) runs, as PDFs from fonts without a Unicode map give).  Text
    pages are set in an embedded font, so they render the same on every machine."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    chars = "".join(sorted({ch for kind, content in pages if kind == "text" for line in content for ch in line}))
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    for kind, content in pages:
        if kind == "text":
            c.setFont(_embedded_font(chars), 14)
            y = h - 90
            for line in content:
                c.drawString(80, y, line)
                y -= 26
        else:
            buf = io.BytesIO()
            content.convert("RGB").save(buf, format="JPEG", quality=80)
            buf.seek(0)
            c.drawImage(ImageReader(buf), 0, 0, width=w, height=h)
            if kind == "garbage":
                t = c.beginText(60, h - 120)
                t.setTextRenderMode(3)  # invisible, as an OCR layer or a broken font's text is
                t.setFont("Helvetica", 10)
                for k in range(30):
                    t.textLine("".join(f"(cid:{(k * 7 + j) % 90 + 3})" for j in range(12)))
                c.drawText(t)
        c.showPage()
    c.save()
    return path

"""Synthetic scans of a Document, for the OCR evaluation and benchmark.

A page is laid out the way a printed 公文 is (GB/T 9704 in outline): A4, a red letterhead
(版头) with the document number and a red rule on the first page, the title centred, body
paragraphs indented two characters, the signature and date at the right with a red seal
stamped over them, "— N —" page numbers at the foot.  Then, for a "noisy" scan, what a
scanner does: grey paper, speckle, blur and a slight rotation.  Only the document's own
paragraphs are body text, so the document's text is the reference an OCR reading is scored
against; the letterhead, number line, seal and page numbers are what cleanup must remove.

Pillow draws everything with the CJK font policytext ships (models/fonts), so the scans are
the same on every machine.
"""
from __future__ import annotations

import io
import math
import random
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import patterns as P
from ..lexicon import models_dir

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

    from ..document import Document

FONT = "fonts/PolicyTextSansSC-Regular.otf"
RED = (214, 28, 32)


@dataclass(frozen=True)
class ScanStyle:
    """How a page is printed and scanned."""

    dpi: int = 200
    noise: float = 0.0  # standard deviation of grey-level noise (0-255)
    angle: float = 0.0  # degrees, counter-clockwise
    blur: float = 0.0  # Gaussian blur radius in pixels
    stamp: bool = True  # the red seal over the signature
    letterhead: bool = True  # the red 版头 and document number on page 1
    seed: int = 0

    def __post_init__(self) -> None:
        if not 72 <= self.dpi <= 600:
            raise ValueError(f"dpi must be between 72 and 600, not {self.dpi}")
        if self.noise < 0 or self.blur < 0 or abs(self.angle) > 10:
            raise ValueError("noise and blur must be >= 0 and |angle| <= 10 degrees")


CLEAN = ScanStyle(dpi=300)
NOISY = ScanStyle(dpi=150, noise=18.0, angle=1.2, blur=0.6, seed=7)


def _font(size_px: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(models_dir() / FONT), size_px)


_NO_LINE_START = set("，。、；：？！”’）》〕】…%")


def _wrap(text: str, font, width: float, indent: float) -> list[str]:
    """Lines that fit the width; a closing mark never starts a line (it hangs at the end)."""
    lines: list[str] = []
    cur = ""
    avail = width - indent
    for ch in text:
        if cur and font.getlength(cur + ch) > avail and ch not in _NO_LINE_START:
            lines.append(cur)
            cur, avail = "", width
        cur += ch
    if cur:
        lines.append(cur)
    return lines


def _letterhead(issuer: str | None) -> str:
    name = issuer or "江州市人民政府办公室"
    return name + "文件"


def _doc_number(issuer: str | None, year: int | None) -> str:
    head = (issuer or "江州市").removeprefix("江州市")[:1] or "江"
    return f"江{head}〔{year or 2024}〕12号"


def _stamp(page: "Image.Image", cx: float, cy: float, r: float, issuer: str | None) -> "Image.Image":
    """A round red seal pressed onto the page: ink multiplies, so text under it stays dark."""
    from PIL import Image, ImageChops, ImageDraw

    layer = Image.new("RGB", page.size, "white")
    draw = ImageDraw.Draw(layer)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=RED, width=max(3, int(r / 18)))
    star = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r * (0.28 if k % 2 == 0 else 0.11)
        star.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(star, fill=RED)
    name = (issuer or "江州市人民政府")[:12]
    size = int(r * 0.26)
    font = _font(size)
    span = math.radians(230)
    for i, ch in enumerate(name):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / len(name)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size, size), ch, font=font, fill=255, anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x, y = cx + (r - size * 0.85) * math.cos(a), cy + (r - size * 0.85) * math.sin(a)
        layer.paste(RED, (round(x - size), round(y - size)), glyph)
    return ImageChops.multiply(page, layer)


def signature_start(lines: list[tuple[object, str]]) -> int:
    """Index of the first signature line (organ, date) at the end; len(lines) when none.
    The seal is stamped over these."""
    if len(lines) >= 2 and P.SIGNATURE_DATE.match(lines[-1][1]):
        organ = re.fullmatch(r"[\u4e00-\u9fff（）]{2,24}", lines[-2][1])
        return len(lines) - 2 if organ else len(lines) - 1
    return len(lines)


def render(doc: "Document", style: ScanStyle = CLEAN) -> list["Image.Image"]:
    """The document printed and scanned: one RGB image per A4 page."""
    from PIL import Image, ImageDraw, ImageFilter

    from ..extract.issuer import issuer as find_issuer

    px = style.dpi / 25.4  # pixels per millimetre
    page_w, page_h = round(210 * px), round(297 * px)
    left, right, top, bottom = 28 * px, 26 * px, 37 * px, 35 * px
    body_w = page_w - left - right
    size = round(16 / 72 * style.dpi)  # 3号
    pitch = (page_h - top - bottom) / 22  # 22 lines a page
    body, title_font = _font(size), _font(round(22 / 72 * style.dpi))
    who = find_issuer(doc)
    year = next((int(m.group()) for m in re.finditer(r"(?:19|20)\d{2}", doc.title)), None)

    pages: list[Image.Image] = []
    state = {"y": 0.0}

    def new_page() -> ImageDraw.ImageDraw:
        pages.append(Image.new("RGB", (page_w, page_h), "white"))
        state["y"] = top
        return ImageDraw.Draw(pages[-1])

    draw = new_page()
    if style.letterhead:
        head = _letterhead(who)
        hf = _font(min(round(body_w / (len(head) + 1)), round(40 / 72 * style.dpi)))
        draw.text((page_w / 2, top), head, font=hf, fill=RED, anchor="mt")
        y = top + hf.size * 1.6
        draw.text((page_w / 2, y), _doc_number(who, year), font=body, fill="black", anchor="mt")
        y += size * 1.5
        draw.line((left, y, page_w - right, y), fill=RED, width=max(2, round(0.6 * px)))
        state["y"] = y + pitch

    lines = list(doc.lines())
    sig_from = signature_start(lines)
    sig_boxes: list[tuple[float, float, float, float]] = []
    for i, (para, text) in enumerate(lines):
        is_title = i < 3 and text == doc.title or (i == 0 and not doc.title)
        font = title_font if is_title else body
        if is_title:
            rows, indent = _wrap(text, font, body_w * 0.9, 0), 0.0
        elif i >= sig_from:
            rows, indent = [text], 0.0
        else:
            rows, indent = _wrap(text, font, body_w, 2 * size), 2 * size
        for k, row in enumerate(rows):
            if state["y"] + pitch > page_h - bottom:
                draw = new_page()
            y = state["y"]
            if is_title:
                draw.text((page_w / 2, y), row, font=font, fill="black", anchor="mt")
            elif i >= sig_from:
                x = page_w - right - 4 * size - font.getlength(row)
                draw.text((x, y), row, font=font, fill="black")
                sig_boxes.append((x, y, x + font.getlength(row), y + size))
            else:
                draw.text((left + (indent if k == 0 else 0), y), row, font=font, fill="black")
            state["y"] = y + (pitch * 1.3 if is_title else pitch)
        if is_title:
            state["y"] += pitch * 0.5
    if style.stamp and sig_boxes:
        x0 = min(b[0] for b in sig_boxes)
        x1 = max(b[2] for b in sig_boxes)
        y0, y1 = sig_boxes[0][1], sig_boxes[-1][3]
        pages[-1] = _stamp(pages[-1], (x0 + x1) / 2, (y0 + y1) / 2, 21 * px, who)
    foot = _font(round(14 / 72 * style.dpi))
    for n, page in enumerate(pages, 1):
        ImageDraw.Draw(page).text((page_w / 2, page_h - bottom + 7 * px), f"— {n} —", font=foot,
                                  fill="black", anchor="mt")

    rng = random.Random(style.seed)
    out = []
    for page in pages:
        if style.blur:
            page = page.filter(ImageFilter.GaussianBlur(style.blur))
        if style.angle:
            page = page.rotate(style.angle * (1 if rng.random() < 0.5 else -1), resample=Image.BICUBIC,
                               expand=False, fillcolor=(255, 255, 255))
        if style.noise:
            page = _noisy(page, style.noise, rng.randrange(1 << 30))
        out.append(page)
    return out


def _noisy(page: "Image.Image", sigma: float, seed: int) -> "Image.Image":
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    a = np.asarray(page, dtype=np.float32)
    a = a * 0.93 + 8  # grey paper, toner never quite black
    a += rng.normal(0, sigma, a.shape[:2])[..., None]
    specks = rng.random(a.shape[:2]) < 0.0008
    a[specks] = 40
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def to_pdf(pages: list["Image.Image"], dpi: int) -> bytes:
    """The pages as an image-only PDF (no text layer), as a scanner writes it."""
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=85)
    return buf.getvalue()


def reference_text(doc: "Document") -> str:
    """What an OCR reading of render(doc) should give back: the paragraphs, one a line."""
    return "\n".join(text for _, text in doc.lines())

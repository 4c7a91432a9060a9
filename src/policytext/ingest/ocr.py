"""OCR of scanned pages, offline: RapidOCR with the PP-OCRv6 Chinese models its wheel carries.

A page image goes through three steps before its lines reach the PDF reader's paragraph
logic:
- red ink is taken out (the page is read in its red channel, where red is as light as the
  paper): seals (公章) stamped over text and the red letterhead (版头) would otherwise be read
  as text, and black text under a seal stays whole.  The letterhead is read on its own, from the red ink alone;
  a seal is noted, not read.
- lines are put in reading order: text boxes on one row become one line, rows top to bottom,
  coordinates turned back by the page's skew so indentation means the same at the top of a
  page as at its foot.
- ASCII punctuation the recogniser puts next to Chinese (a half-width "(" for "（") becomes
  the full-width mark the printed page has.

Optional: ``pip install 'policytext[ocr]'``.  Nothing loads until a scan is read.
"""
from __future__ import annotations

import math
import os
import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

INSTALL = "pip install 'policytext[ocr]'"
# Pages are rendered with their long side at LONG_SIDE pixels (137 dpi for A4), and the engine
# works on them at that size: it would shrink a larger image before detecting and crop the
# lines from the shrunk one, so more pixels only cost time.  On the evaluation scans 1,280 and
# 1,600 read 10.5pt print without an error; 1,600 leaves room for smaller type.
LONG_SIDE = 1600
MAX_DPI = 300


def long_side() -> int:
    """LONG_SIDE, or POLICYTEXT_OCR_LONG_SIDE (more for tiny print, less for speed)."""
    v = os.environ.get("POLICYTEXT_OCR_LONG_SIDE", "").strip()
    return int(v) if v.isdigit() and 640 <= int(v) <= 4000 else LONG_SIDE
MIN_CONFIDENCE = 0.5  # lines the recogniser is less sure of are noise (specks, scribbles)
_FULL_WIDTH = {"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_MARKS = "（）“”‘’《》〔〕【】、，。：；？！"
_SPACE_BY_MARK = re.compile(rf"\s+(?=[{_MARKS}])|(?<=[{_MARKS}])\s+")


def available() -> bool:
    """Whether the OCR extra is installed (nothing is imported beyond a spec lookup)."""
    from importlib.util import find_spec

    return find_spec("rapidocr") is not None and find_spec("onnxruntime") is not None


def require():
    try:
        import onnxruntime  # noqa: F401
        from rapidocr import RapidOCR
    except ImportError as e:
        raise ImportError(f"reading scanned pages needs the OCR extra: {INSTALL}") from e
    return RapidOCR


@dataclass(frozen=True)
class OcrLine:
    """One line of a page as read: text, box in pixels (deskewed), the recogniser's confidence."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class PageReading:
    lines: tuple[OcrLine, ...]
    width: int
    height: int
    skew: float  # degrees the page was turned
    letterhead: str | None = None  # the red 版头, when the page has one
    header_lines: tuple[OcrLine, ...] = ()  # black lines between letterhead and its red rule
    seal: bool = False  # red ink below the letterhead: a seal

    def to_dict(self) -> dict[str, Any]:
        return {"lines": len(self.lines), "skew": round(self.skew, 2), "letterhead": self.letterhead,
                "seal": self.seal}


class OcrEngine:
    """Reads page images.  threads: onnxruntime's threads per inference (None: its default,
    one a core; a batch with one worker a core passes 1)."""

    def __init__(self, threads: int | None = None, min_confidence: float = MIN_CONFIDENCE) -> None:
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be a positive number, not {threads}")
        if not 0 <= min_confidence < 1:
            raise ValueError(f"min_confidence must be in [0, 1), not {min_confidence}")
        self.threads = threads
        self.min_confidence = min_confidence
        self._ocr = None

    @property
    def name(self) -> str:
        from importlib.metadata import version

        return f"RapidOCR {version('rapidocr')} (PP-OCRv6 small, onnxruntime {version('onnxruntime')})"

    def _engine(self):
        if self._ocr is None:
            RapidOCR = require()
            n = self.threads or -1
            self._ocr = RapidOCR(params={
                "Global.log_level": "error",
                "Global.use_cls": False,  # whole-page orientation is a scanner's job; lines are upright
                "Global.text_score": self.min_confidence,
                "Global.max_side_len": long_side(),
                "EngineConfig.onnxruntime.intra_op_num_threads": n,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1 if self.threads else -1,
            })
        return self._ocr

    def _boxes(self, image) -> list[tuple[list[tuple[float, float]], str, float]]:
        out = self._engine()(image)
        if out.boxes is None:
            return []
        return [([(float(x), float(y)) for x, y in box], str(txt), float(score))
                for box, txt, score in zip(out.boxes, out.txts, out.scores)]

    def read(self, image, first_page: bool = True) -> PageReading:
        """Read one page: image is an RGB numpy array (height, width, 3)."""
        import numpy as np

        rgb = np.asarray(image)
        if rgb.ndim != 3 or rgb.shape[2] < 3:
            raise ValueError("expected an RGB image array of shape (height, width, 3)")
        rgb = rgb[..., :3]
        h, w = rgb.shape[:2]
        centre = (w / 2, h / 2)
        red = _red_mask(rgb)
        boxes = self._boxes(_without_red(rgb, red))
        skew = _skew(boxes)
        lines = _rows(boxes, skew, centre)
        ys, xs = red.nonzero()
        level = _deskewed_y(xs, ys, skew, centre)
        rule = None
        if first_page and len(ys):
            # the rule is thin: JPEG's half-resolution colour leaves it pinker than the ink
            ly, lx = _red_mask(rgb, loose=True).nonzero()
            rule = _red_rule(_deskewed_y(lx, ly, skew, centre), w, h)
        if rule is None and first_page and lines:
            rule = _letterhead_without_rule(level, lines, h)
        letterhead, header = None, ()
        if rule is not None:
            above = level < rule - 3
            letterhead = self._read_red(ys[above], xs[above], h, w) or None
            header = tuple(l for l in lines if l.y1 <= rule)
            lines = [l for l in lines if l.y1 > rule]
            level = level[level > rule + 8]
        seal = len(level) > 0.001 * w * h
        return PageReading(tuple(lines), w, h, skew, letterhead, header, seal)

    def _read_red(self, ys, xs, h: int, w: int) -> str:
        """The text of the given red pixels alone, black on white."""
        import numpy as np

        if not len(ys):
            return ""
        top, bottom = max(int(ys.min()) - 20, 0), min(int(ys.max()) + 20, h)
        image = np.full((bottom - top, w, 3), 255, dtype=np.uint8)
        image[ys - top, xs] = 0
        return "".join(l.text for l in _rows(self._boxes(image), 0.0, (w / 2, (bottom - top) / 2)))


@lru_cache(maxsize=4)
def engine(threads: int | None = None) -> OcrEngine:
    """One engine a process (loading the models takes a second), per thread count."""
    return OcrEngine(threads=threads)


def threads_from_env() -> int | None:
    """POLICYTEXT_OCR_THREADS, set by batch runs so workers do not oversubscribe the cores."""
    v = os.environ.get("POLICYTEXT_OCR_THREADS", "").strip()
    return int(v) if v.isdigit() and int(v) > 0 else None


def _luma(rgb):
    import numpy as np

    return (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(np.int16)


def _red_mask(rgb, loose: bool = False):
    """Red ink: clearly red, bright, and not dark.  A dark pixel with a red tint is black text
    seen through a seal, or JPEG's colour smeared onto it from the ink next to it."""
    import numpy as np

    r = rgb[..., 0].astype(np.int16)
    diff = r - np.maximum(rgb[..., 1], rgb[..., 2]).astype(np.int16)
    if loose:
        return (diff > 30) & (r > 120)
    return (diff > 50) & (r > 150) & (_luma(rgb) > 55)


def _letterhead_without_rule(level, lines: list[OcrLine], h: int) -> float | None:
    """Red ink in the top quarter, above the first line of black text: a letterhead whose rule
    is missing or too faint.  Returns where its region ends."""
    top = level[level < min(lines[0].y0, h / 4)]
    if len(top) < 0.0005 * h * h:
        return None
    return float(top.max()) + 4


def _without_red(rgb, red):
    """The page in grey where red ink is as light as paper: its red channel (red is light
    there, black stays black), except where the pixel is dark anyway (text under a seal,
    whose red channel JPEG may have lifted); what is left of the ink becomes paper."""
    import numpy as np

    if not red.any():
        return rgb
    luma = _luma(rgb)
    grey = np.where(luma < 50, luma, rgb[..., 0]).astype(np.uint8)
    grey[red] = np.uint8(np.median(grey[~red]) if (~red).any() else 255)
    return np.repeat(grey[..., None], 3, axis=2)


def _deskewed_y(xs, ys, skew: float, centre: tuple[float, float]):
    a = math.radians(-skew)
    cx, cy = centre
    return cy + (xs - cx) * math.sin(a) + (ys - cy) * math.cos(a)


def _red_rule(level, w: int, h: int) -> float | None:
    """The red line under a letterhead, in the top half: the deskewed row most red pixels lie on."""
    import numpy as np

    top = level[(level >= 0) & (level < h / 2)]
    if not len(top):
        return None
    counts = np.bincount(top.astype(np.int64), minlength=h // 2)
    smooth = np.convolve(counts, np.ones(7), mode="same")
    row = int(smooth.argmax())
    return float(row) + 4 if smooth[row] > 0.5 * w else None


def _skew(boxes) -> float:
    """The page's skew in degrees: the median slope of the top edges of long boxes."""
    angles = []
    for quad, text, _ in boxes:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        if x1 - x0 > 300 and len(text) >= 8:
            angles.append(math.degrees(math.atan2(y1 - y0, x1 - x0)))
    return statistics.median(angles) if angles else 0.0


def _rows(boxes, skew: float, centre: tuple[float, float]) -> list[OcrLine]:
    """Boxes turned back by the skew, grouped into rows (vertical overlap), left to right."""
    a = math.radians(-skew)
    cos, sin = math.cos(a), math.sin(a)
    cx, cy = centre
    flat = []
    for quad, text, score in boxes:
        pts = [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in quad]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        flat.append(OcrLine(text, min(xs), min(ys), max(xs), max(ys), score))
    flat.sort(key=lambda l: (l.y0 + l.y1) / 2)
    rows: list[list[OcrLine]] = []
    for line in flat:
        if rows:
            last = rows[-1]
            top, bottom = min(l.y0 for l in last), max(l.y1 for l in last)
            overlap = min(bottom, line.y1) - max(top, line.y0)
            if overlap > 0.5 * min(bottom - top, line.height):
                last.append(line)
                continue
        rows.append([line])
    out = []
    for row in rows:
        row.sort(key=lambda l: l.x0)
        text = _tidy("".join(l.text for l in row).strip())
        if not text:
            continue
        chars = sum(len(l.text) for l in row) or 1
        conf = sum(l.confidence * len(l.text) for l in row) / chars
        out.append(OcrLine(text, row[0].x0, min(l.y0 for l in row), max(l.x1 for l in row),
                           max(l.y1 for l in row), conf))
    return out


def _tidy(s: str) -> str:
    """What the recogniser adds to a line of Chinese: half-width punctuation for full-width,
    and a space beside a full-width mark (（1） 严格…), whose glyph is half blank."""
    s = _full_width(s)
    if " " in s:
        s = _SPACE_BY_MARK.sub("", s)
    return s


def _full_width(s: str) -> str:
    """In a line of Chinese, half-width punctuation becomes the full-width mark a printed page
    has: the recogniser reads （一） as (一).  Only 1,000 and 9:30 keep theirs."""
    if not any(c in _FULL_WIDTH for c in s) or not any(ord(c) >= 0x2E80 for c in s):
        return s
    out = list(s)
    for i, c in enumerate(s):
        if c in _FULL_WIDTH:
            before, after = s[i - 1:i], s[i + 1:i + 2]
            if c in ",:" and before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                continue
            out[i] = _FULL_WIDTH[c]
    return "".join(out)

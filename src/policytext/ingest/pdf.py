"""PDF text layer through PDFium, cleaned of what PDFs do to Chinese text.

Each page's text comes from pypdfium2 (fast, and it reads embedded CJK fonts); the cleaner
drops page numbers and running headers/footers, and rejoins lines hard-wrapped inside a
sentence. Every character of Document.text is copied from one page's text, and
Document.runs records where, so any span traces back to its page and character.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import patterns as P
from ..document import Document, Notice, Paragraph, SourceRun
from ..errors import CorruptFileError, EmptyDocumentError, EncryptedPDFError, NoTextLayerError, TooLargeError
from .common import build_document
from .ocr import INSTALL

MAX_PAGES = 5000
EOF_WINDOW = 4096  # writers may put a little junk (NULs, a newline, a signature pad) after %%EOF


@dataclass
class _Line:
    text: str  # stripped, generated spaces between CJK characters removed
    page: int  # 1-based
    pieces: list[tuple[int, int]]  # (index into text, index into the page's text) where a run starts
    x0: float | None = None  # left edge of the first character
    x1: float | None = None  # right edge of the last character
    char_w: float | None = None
    width: float = 0.0
    confidence: float | None = None  # set for a line read by OCR


_NARROW = re.compile("[\u0000-\u2e7f]")


def _cjk_width(s: str) -> float:
    """Width in CJK character cells: Latin letters and digits count half."""
    return len(s) - 0.5 * len(_NARROW.findall(s))


def _cjk(c: str) -> bool:
    return ord(c) >= 0x2E80


def _page_lines(textpage, page_no: int, is_generated) -> list[_Line]:
    raw = textpage.get_text_range(errors="replace")
    exact = len(raw) == textpage.count_chars()  # surrogates would shift PDFium's indices
    lines: list[_Line] = []
    start = 0
    n = len(raw)
    while start <= n:
        end = start
        while end < n and raw[end] not in "\r\n":
            end += 1
        lo, hi = start, end
        while lo < hi and raw[lo] in " \t\u3000\u00a0":
            lo += 1
        while hi > lo and raw[hi - 1] in " \t\u3000\u00a0":
            hi -= 1
        if lo < hi:
            kept: list[str] = []
            pieces: list[tuple[int, int]] = []
            kept_len = 0
            seg = lo
            k = raw.find(" ", lo, hi)
            while k != -1:
                # PDFium inserts spaces where glyph runs leave a gap (CJK next to digits);
                # they are not in the document, so they are not kept.
                if exact and (_cjk(raw[k - 1]) or _cjk(raw[k + 1])) and is_generated(k):
                    if k > seg:
                        pieces.append((kept_len, seg))
                        kept.append(raw[seg:k])
                        kept_len += k - seg
                    seg = k + 1
                k = raw.find(" ", k + 1, hi)
            if hi > seg:
                pieces.append((kept_len, seg))
                kept.append(raw[seg:hi])
            text = "".join(kept)
            line = _Line(text, page_no, pieces, width=_cjk_width(text))
            if exact:
                try:
                    first, last = textpage.get_charbox(lo), textpage.get_charbox(hi - 1)
                    line.x0, line.x1, line.char_w = first[0], last[2], first[2] - first[0]
                except Exception:
                    pass
            lines.append(line)
        if end < n and raw[end] == "\r" and end + 1 < n and raw[end + 1] == "\n":
            end += 1
        start = end + 1
    return lines


_CID = re.compile(r"\(cid:\d+\)")
_UNREADABLE = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f]")


def page_state(lines: list[_Line]) -> str:
    """"ok", "empty" (no text layer: a scan) or "garbage" (a text layer no one can read:
    (cid:N) runs, U+FFFD or private-use characters from fonts without a Unicode map)."""
    text = "".join(l.text for l in lines)
    visible = len(text.replace(" ", ""))
    if visible < 10:
        return "empty"
    bad = sum(len(m) for m in _CID.findall(text)) + len(_UNREADABLE.findall(text))
    return "garbage" if bad > 0.3 * visible else "ok"


def _norm(s: str) -> str:
    return "".join("#" if c.isdigit() else c for c in s).replace(" ", "")


def _drop_furniture(pages: list[list[_Line]]) -> tuple[list[list[_Line]], int]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    n = len(pages)
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edges = {_norm(l.text) for l in lines[:2] + lines[-2:]}
        edge_counts.update(edges)
    repeated = {k for k, c in edge_counts.items()
                if (n >= 3 and c >= max(3, n // 2)) or (n == 2 and c == 2 and len(k) <= 40)}
    dropped = 0
    out = []
    for lines in pages:
        keep = []
        for i, l in enumerate(lines):
            at_edge = i < 2 or i >= len(lines) - 2
            if at_edge and (P.PAGE_NUMBER.match(l.text) or _norm(l.text) in repeated):
                dropped += 1
                continue
            keep.append(l)
        out.append(keep)
    return out, dropped


def _starts_item(s: str) -> bool:
    if P.INLINE.match(s):
        return True
    for style, rx in P.MARKERS:
        m = rx.match(s)
        if m and (style != "1" or s[m.end():m.end() + 1] not in P.BARE_NEXT_EXCLUDE):
            return True
    return False


def _join(lines: list[_Line]) -> list[list[_Line]]:
    """Group lines into paragraphs. A line continues the previous one when the previous is
    full width and this one neither starts a numbered item nor is indented; a centered
    line continues a full-width centered line (a wrapped title)."""
    if not lines:
        return []
    widths = [l.width for l in lines if l.width >= 8]
    full = statistics.quantiles(widths, n=10)[-1] if len(widths) >= 10 else (max(widths) if widths else 0)
    placed = [l for l in lines if l.x0 is not None]
    left = min((l.x0 for l in placed), default=None)
    right = max((l.x1 for l in placed), default=None)
    char_w = statistics.median(l.char_w for l in placed) if placed else None

    def centered(l: _Line, indented: bool = True) -> bool:
        if l.x0 is None or left is None:
            return False
        gap_l, gap_r = l.x0 - left, right - l.x1
        # an indented line that runs to the right margin is a paragraph's first line, not a
        # centred one, however close its two gaps are
        return (gap_l > char_w and gap_r > 1.5 * char_w or not indented) and abs(gap_l - gap_r) < 1.5 * char_w

    paras: list[list[_Line]] = [[lines[0]]]
    for prev, cur in zip(lines, lines[1:]):
        prev_full = full > 0 and prev.width >= 0.85 * full
        if _starts_item(cur.text):
            join = False
        elif centered(cur):
            join = prev_full and centered(prev, indented=False) and prev.text[-1] not in P.TERMINAL_PUNCT
        elif left is not None and cur.x0 is not None:
            # under one character in: "“" and "（" sit right in their cell, so a line that starts
            # with one begins half a character in; an indent is two characters
            join = prev_full and cur.x0 - left < char_w
        else:  # no positions: fall back on punctuation at the line end
            join = prev_full and prev.text[-1] not in P.TERMINAL_PUNCT
        if join:
            paras[-1].append(cur)
        else:
            paras.append([cur])
    return paras


def read_pdf(path: Path, ocr: str = "auto") -> Document:
    """ocr: "auto" reads pages without a usable text layer by OCR when the extra is installed;
    "off" never does; "always" reads every page by OCR."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError as e:  # pragma: no cover - a core dependency (through pdfplumber)
        raise ImportError("reading PDF needs pypdfium2: pip install pypdfium2") from e
    from . import ocr as O

    if ocr not in ("auto", "off", "always"):
        raise ValueError(f"ocr must be 'auto', 'off' or 'always', not {ocr!r}")
    installed = O.available()
    if ocr == "always" and not installed:
        O.require()  # the ImportError that says what to install
    use_ocr = ocr != "off" and installed
    with open(path, "rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF"):
            raise CorruptFileError(path, "not a PDF: the file does not start with %PDF")
        # PDFium rebuilds a lost cross-reference table, so a cut file would open and quietly
        # lose its later pages; every complete PDF ends with %%EOF.
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - EOF_WINDOW))
        if b"%%EOF" not in fh.read():
            raise CorruptFileError(path, "damaged PDF: truncated, it does not end with %%EOF (an incomplete download or copy?)")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedPDFError(path, "the PDF is encrypted and needs a password") from None
        raise CorruptFileError(path, f"damaged PDF: {e}") from None
    scans = _Scans(O.engine(O.threads_from_env()) if use_ocr else None)
    try:
        n = len(pdf)
        if n > MAX_PAGES:
            raise TooLargeError(path, f"{n} pages (limit {MAX_PAGES})")
        pages: list[list[_Line]] = []
        unreadable: dict[int, str] = {}
        for i in range(n):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                lines = _page_lines(tp, i + 1, lambda k, tp=tp: pdfium_c.FPDFText_IsGenerated(tp.raw, k) == 1)
                state = page_state(lines)
                if scans.engine is not None and (state != "ok" or ocr == "always"):
                    lines = scans.read(page, i + 1)
                elif state != "ok":
                    unreadable[i + 1] = state
                    lines = []
            finally:
                tp.close()
                page.close()
            pages.append(lines)
    except pdfium.PdfiumError as e:
        raise CorruptFileError(path, f"damaged PDF: {e}") from None
    finally:
        pdf.close()
    if n == 0:
        raise CorruptFileError(path, "the PDF has no pages")
    _refuse_unreadable(path, n, unreadable, sum(len(l.text) for lines in pages for l in lines))
    pages, dropped = _drop_furniture(pages)
    if not any(pages):
        raise EmptyDocumentError(path, f"no text layer, and OCR found no text on {'its page' if n == 1 else f'any of its {n} pages'} (blank?)")
    return _assemble(path, pages, n, unreadable, dropped, scans)


def _refuse_unreadable(path: Path, n: int, unreadable: dict[int, str], chars: int) -> None:
    """Most pages unreadable without OCR: the document is a scan, not a text with gaps."""
    if len(unreadable) * 2 < n or (len(unreadable) * 2 == n and chars >= 10 * n):
        return
    empty = sum(1 for s in unreadable.values() if s == "empty")
    if empty * 2 >= len(unreadable):
        raise NoTextLayerError(path, f"no text layer on {len(unreadable)} of {n} pages (a scan?); "
                                     f"to read it by OCR: {INSTALL}")
    raise NoTextLayerError(path, f"the text layer is unreadable on {len(unreadable)} of {n} pages (fonts "
                                 f"without a Unicode map); to read it by OCR: {INSTALL}")


class _Scans:
    """The pages read by OCR: their lines, and what the document's metadata says of them."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.readings: dict[int, object] = {}
        self.page_text: dict[int, str] = {}
        self.letterhead: str | None = None
        self.doc_number: str | None = None
        self.header_lines: list[str] = []
        self.dpi = 0

    def read(self, page, page_no: int) -> list[_Line]:
        from .ocr import MAX_DPI, long_side

        scale = min(long_side() / max(page.get_size()), MAX_DPI / 72)
        self.dpi = round(scale * 72)
        return self.read_image(page.render(scale=scale, rev_byteorder=True).to_numpy(), page_no, scale)

    def read_image(self, image, page_no: int, scale: float = 1.0) -> list[_Line]:
        """The lines of one page image (RGB array); scale: pixels per unit of the page's
        coordinates (points for a PDF page, 1 for an image file)."""
        reading = self.engine.read(image, first_page=not self.readings)
        self.readings[page_no] = reading
        if reading.letterhead and self.letterhead is None:
            self.letterhead = reading.letterhead
        skip = self._black_letterhead(reading.lines) if not self.page_text and not reading.letterhead else 0
        for h in reading.header_lines:
            self._header(h.text)
        # the page's reading, which SourceRun.page_offset indexes: header lines, then the rest
        at = sum(len(h.text) + 1 for h in reading.header_lines)
        starts = []
        for l in reading.lines:
            starts.append(at)
            at += len(l.text) + 1
        self.page_text[page_no] = "\n".join([h.text for h in reading.header_lines] + [l.text for l in reading.lines])
        body = reading.lines[skip:]
        to_pt = 1 / scale
        measured = [(l.x1 - l.x0) / max(_cjk_width(l.text), 1) for l in body if len(l.text) >= 8]
        cell = statistics.median(measured) if measured else None
        return [_Line(l.text, page_no, [(0, start)], x0=l.x0 * to_pt, x1=l.x1 * to_pt,
                      char_w=(cell or (l.x1 - l.x0) / max(_cjk_width(l.text), 1)) * to_pt,
                      width=(l.x1 - l.x0) / cell if cell else _cjk_width(l.text), confidence=l.confidence)
                for l, start in zip(body, starts[skip:])]

    def _header(self, text: str) -> None:
        if self.doc_number is None and P.DOC_NUMBER.search(text):
            self.doc_number = text
        else:
            self.header_lines.append(text)

    def _black_letterhead(self, lines) -> int:
        """A photocopy's letterhead is black: "…文件" in large type, then the number line.
        Returns how many leading lines they are."""
        if not lines:
            return 0
        body_h = statistics.median(l.height for l in lines)
        k = 0
        if lines[0].text.endswith("文件") and lines[0].height > 1.4 * body_h:
            self.letterhead = lines[0].text
            k = 1
        if k < len(lines) and _DOC_NUMBER_LINE.match(lines[k].text):
            self.doc_number = lines[k].text
            k += 1
        return k

    def meta(self) -> dict:
        if not self.readings:
            return {}

        chars = {p: sum(len(l.text) for l in r.lines) for p, r in self.readings.items()}
        conf = {p: (sum(l.confidence * len(l.text) for l in r.lines) / chars[p] if chars[p] else 0.0)
                for p, r in self.readings.items()}
        total = sum(chars.values())
        return {
            "engine": self.engine.name,
            "dpi": self.dpi,
            "pages": sorted(self.readings),
            "confidence": round(sum(conf[p] * chars[p] for p in chars) / total, 4) if total else 0.0,
            "page_confidence": {str(p): round(c, 4) for p, c in sorted(conf.items())},
            "letterhead": self.letterhead,
            "doc_number": self.doc_number,
            "header_lines": self.header_lines,
            "seal_pages": sorted(p for p, r in self.readings.items() if r.seal),
            "skew": {str(p): round(r.skew, 2) for p, r in sorted(self.readings.items())},
            "page_text": {str(p): t for p, t in sorted(self.page_text.items())},
        }


_DOC_NUMBER_LINE = re.compile(r"^\S{1,12}[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d+\s*号$")
LOW_CONFIDENCE = 0.85


def _assemble(path: Path, pages: list[list[_Line]], n: int, unreadable: dict[int, str], dropped: int,
              scans: _Scans, format: str = "pdf") -> Document:
    all_lines = [l for lines in pages for l in lines]
    text_parts: list[str] = []
    paras: list[Paragraph] = []
    runs: list[SourceRun] = []
    warnings: list[Notice] = []
    page_starts = [0] * n
    seen_pages: set[int] = set()
    pos = 0
    for group in _join(all_lines):
        if text_parts:
            text_parts.append("\n")
            pos += 1
        start = pos
        for line in group:
            if line.page not in seen_pages:
                seen_pages.add(line.page)
                page_starts[line.page - 1] = pos
            bounds = [p[0] for p in line.pieces[1:]] + [len(line.text)]
            for (at, page_offset), stop in zip(line.pieces, bounds):
                runs.append(SourceRun(pos + at, pos + stop, line.page, page_offset))
            if line.confidence is not None and line.confidence < LOW_CONFIDENCE:
                warnings.append(Notice("ocr_low_confidence", f"page {line.page}: OCR read this line with confidence "
                                       f"{line.confidence:.2f}; check it against the scan", pos, pos + len(line.text)))
            text_parts.append(line.text)
            pos += len(line.text)
        paras.append(Paragraph(start, pos, page=group[0].page,
                               source="ocr" if group[0].confidence is not None else "body"))
    # Pages that kept no text start where the next page with text starts.
    for i in range(n - 1, -1, -1):
        if i + 1 not in seen_pages:
            page_starts[i] = page_starts[i + 1] if i + 1 < n else pos
    text = "".join(text_parts)
    meta: dict = {"furniture_lines_dropped": dropped}
    if scans.readings:
        meta["ocr"] = scans.meta()
    for p, state in sorted(unreadable.items()):
        why = "has no text layer" if state == "empty" else "has an unreadable text layer (skipped)"
        warnings.append(Notice("page_without_text", f"page {p} {why}; to read it by OCR: {INSTALL}"))
    return build_document(text, paras, path=str(path), format=format, pages=n,
                          page_starts=tuple(page_starts), runs=tuple(runs), meta=meta, warnings=warnings)


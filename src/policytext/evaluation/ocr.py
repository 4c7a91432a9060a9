"""OCR accuracy on synthetic scans of the corpus plans (make eval).

Each plan is printed and scanned by policytext.scans (letterhead, seal, page numbers; the
noisy style adds grey paper, speckle, blur and a slight rotation), read back through the PDF
reader's OCR path, and scored:
- character accuracy: 1 - Levenshtein distance / reference length, white space ignored,
  against the plan's own text (so letterhead, number line, seal or page numbers left in the
  reading count as errors);
- outline path F1 against the outline policytext extracts from the original file, so the
  figure measures what OCR costs the outline, not the outline's own errors (make eval scores
  those against the gold separately).
"""
from __future__ import annotations

import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..analysis import analyze
from ..ingest import read
from .extraction import OutlineScore, score_outline
from .extraction import _norm as _squash  # white space out, as the outline scoring compares headings
from .scans import CLEAN, NOISY, ScanStyle, reference_text, render, signature_start, to_pdf

STYLES = {"clean": CLEAN, "noisy": NOISY}
AIM_CHARS = 0.98
AIM_OUTLINE = 0.95


@dataclass(frozen=True)
class ScanScore:
    name: str
    style: str
    pages: int
    seconds: float
    reference_chars: int
    edits: int
    outline: OutlineScore
    confidence: float
    paragraphs: int  # in the original
    paragraphs_read: int
    paragraphs_same: int  # read back exactly (white space aside): reading order and joining right
    letterhead_removed: bool
    seal_found: bool
    seal_expected: bool

    @property
    def char_accuracy(self) -> float:
        return max(0.0, 1 - self.edits / self.reference_chars) if self.reference_chars else 1.0


def plans(docs_dir: Path) -> list[Path]:
    """The plans of a folder, by name: the documents the scans are made of."""
    return [p for p in sorted(Path(docs_dir).iterdir())
            if p.name.startswith("plan_") and p.suffix in (".txt", ".docx", ".pdf")]


def score_scan(path: Path, style_name: str, style: ScanStyle, workdir: Path) -> ScanScore:
    from rapidfuzz.distance import Levenshtein

    original = read(path)
    pages = render(original, style)
    scan = workdir / f"{path.stem}.{style_name}.pdf"
    scan.write_bytes(to_pdf(pages, style.dpi))
    t = time.perf_counter()
    doc = read(scan, ocr="always")
    seconds = time.perf_counter() - t
    ref = _squash(reference_text(original))
    got = _squash(doc.text)
    outline = score_outline(path.name, analyze(original).to_dict()["tasks"], analyze(doc).to_dict()["tasks"])
    meta = doc.meta.get("ocr", {})
    want = Counter(_squash(t) for _, t in original.lines())
    have = Counter(_squash(t) for _, t in doc.lines())
    lines = list(original.lines())
    return ScanScore(path.name, style_name, len(pages), seconds, len(ref), Levenshtein.distance(ref, got),
                     outline, float(meta.get("confidence", 0.0)), sum(want.values()), sum(have.values()),
                     sum((want & have).values()),
                     letterhead_removed=bool(meta.get("letterhead")) and "文件" not in got[:40],
                     seal_found=bool(meta.get("seal_pages")),
                     seal_expected=style.stamp and signature_start(lines) < len(lines))


def evaluate_scans(docs_dir: Path, styles: dict[str, ScanStyle] | None = None) -> list[ScanScore]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="policytext-scans-") as tmp:
        for style_name, style in (styles or STYLES).items():
            for path in plans(docs_dir):
                rows.append(score_scan(path, style_name, style, Path(tmp)))
    return rows


def format_scan_table(rows: list[ScanScore]) -> str:
    head = (f"{'scan':38} {'style':6} {'pages':>5} {'chars':>6} {'edits':>5} {'char.acc':>8} "
            f"{'outl.F1':>7} {'para.F1':>7} {'conf':>6} {'pages/s':>7}")
    lines = ["OCR on synthetic scans (letterhead, seal, page numbers; noisy: grey paper, speckle, "
             "blur, rotation)", head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r.name[:38]:38} {r.style:6} {r.pages:5d} {r.reference_chars:6d} {r.edits:5d} "
                     f"{r.char_accuracy:8.4f} {r.outline.f1:7.3f} {_f1(r.paragraphs_same, r.paragraphs, r.paragraphs_read):7.3f} "
                     f"{r.confidence:6.3f} {r.pages / r.seconds:7.2f}")
    lines.append("-" * len(head))
    for style in dict.fromkeys(r.style for r in rows):
        sel = [r for r in rows if r.style == style]
        chars = sum(r.reference_chars for r in sel)
        acc = 1 - sum(r.edits for r in sel) / chars if chars else 1.0
        o = OutlineScore("all", sum(r.outline.gold for r in sel), sum(r.outline.predicted for r in sel),
                         sum(r.outline.matched for r in sel), 0)
        pages, secs = sum(r.pages for r in sel), sum(r.seconds for r in sel)
        aims = ""
        if style == "clean":
            ok = acc >= AIM_CHARS and o.f1 >= AIM_OUTLINE
            aims = f"  aim: chars >= {AIM_CHARS}, outline F1 >= {AIM_OUTLINE}: {'ok' if ok else 'LOW'}"
        para = _f1(sum(r.paragraphs_same for r in sel), sum(r.paragraphs for r in sel),
                   sum(r.paragraphs_read for r in sel))
        lines.append(f"{'ALL (micro)':38} {style:6} {pages:5d} {chars:6d} {sum(r.edits for r in sel):5d} "
                     f"{acc:8.4f} {o.f1:7.3f} {para:7.3f} {'':6} {pages / secs:7.2f}{aims}")
    letter = sum(r.letterhead_removed for r in rows)
    seals = sum(r.seal_found == r.seal_expected for r in rows)
    lines.append(f"letterhead read into metadata and kept out of the text: {letter}/{len(rows)}; "
                 f"seal noted where one was stamped (and only there): {seals}/{len(rows)}")
    lines.append("char.acc: 1 - edit distance / characters, white space aside; outl.F1: outline paths against "
                 "the original's; para.F1: paragraphs read back exactly")
    return "\n".join(lines)


def _f1(same: int, want: int, have: int) -> float:
    return 2 * same / (want + have) if want + have else 1.0

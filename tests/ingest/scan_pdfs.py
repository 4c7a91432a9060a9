"""Scanned PDFs made for the tests: pages as images, text pages, a garbage text layer."""
from __future__ import annotations

import io
from pathlib import Path

from policytext import from_text
from policytext.scans import ScanStyle, render

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


def build_pdf(path: Path, pages: list[tuple[str, object]]) -> Path:
    """pages: ("text", [lines]) | ("image", PIL image) | ("garbage", PIL image) (an image with an
    invisible text layer of (cid:N) runs, as PDFs from fonts without a Unicode map give)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    w, h = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    for kind, content in pages:
        if kind == "text":
            c.setFont("STSong-Light", 14)
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

"""In Jupyter: an analysed document as its outline, each task's own text indented by level,
with the items of every field marked in the field's colours (extract.fields).  Styles are
inline (notebook front ends drop <style> from untrusted output) and every piece of document
text is escaped."""
from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

from .extract.fields import FIELDS

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis

COLOURS = {f.key: f.colours for f in FIELDS}  # key → (background, underline)
KIND = {"plan": "计划", "summary": "总结", "unknown": "未识别"}


def _e(s: object) -> str:
    return html.escape(str(s), quote=True)


def _spans(a) -> list[tuple[int, int, str, str]]:
    """(start, end, field key, tooltip) of every place of every extracted item."""
    return sorted((s, e, f.key, f.tip(item)) for f in FIELDS for item in a.extraction[f.name] for s, e in item.places())


def _marked(text: str, lo: int, hi: int, spans: list[tuple[int, int, str, str]]) -> str:
    """text[lo:hi] with the spans inside it marked; overlapping spans split into pieces, each
    marked with every field it belongs to, so nothing is dropped."""
    inside = [s for s in spans if s[0] < hi and s[1] > lo]
    cuts = sorted({lo, hi, *(max(lo, s[0]) for s in inside), *(min(hi, s[1]) for s in inside)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        on = [s for s in inside if s[0] <= a and s[1] >= b]
        piece = _e(text[a:b])
        if not on:
            out.append(piece)
            continue
        bg, line = COLOURS[on[-1][2]]
        tip = "；".join(dict.fromkeys(s[3] for s in on))
        out.append(f'<mark style="background:{bg};border-bottom:2px solid {line};color:inherit;padding:0" '
                   f'title="{_e(tip)}">{piece}</mark>')
    return "".join(out)


def analysis_html(a: "Analysis", max_tasks: int = 500) -> str:
    """An Analysis as its outline: each task's own text, indented by level, fields marked."""
    doc, tasks = a.document, a.outline.tasks
    spans = _spans(a)
    counts = Counter(s[2] for s in spans)
    legend = " ".join(
        f'<span style="background:{bg};border-bottom:2px solid {line};padding:0 4px;margin-right:6px">'
        f'{f.label} {counts.get(f.key, 0)}</span>' for f in FIELDS for bg, line in [f.colours])
    starts = [t.start for t in tasks] + [len(doc.text)]
    blocks = []
    if tasks and starts[0] > 0:
        blocks.append(_block(_marked(doc.text, 0, starts[0], spans), 0, "", muted=True))
    for i, t in enumerate(tasks[:max_tasks]):
        blocks.append(_block(_marked(doc.text, t.start, starts[i + 1], spans), t.level, t.path))
    if not tasks:
        blocks.append(_block(_marked(doc.text, 0, len(doc.text), spans), 0, ""))
    more = (f'<div style="color:#888">……另有 {len(tasks) - max_tasks} 项任务未显示</div>'
            if len(tasks) > max_tasks else "")
    head = (f'<div style="font-weight:bold;font-size:15px">{_e(doc.title or doc.path or "（无标题）")}</div>'
            f'<div style="color:#555;margin:2px 0 6px">{KIND.get(doc.kind, doc.kind)} · {_e(doc.format)}'
            f'{" · " + _e(doc.path) if doc.path else ""} · {len(doc.text)} 字 · {len(tasks)} 项任务</div>'
            f'<div style="margin-bottom:8px">{legend}</div>')
    return (f'<div style="font-family:\'Noto Sans CJK SC\',\'Microsoft YaHei\',sans-serif;line-height:1.7;'
            f'max-height:40em;overflow:auto;border:1px solid #ddd;padding:8px 12px">{head}{"".join(blocks)}{more}</div>')


def _block(body: str, level: int, path: str, muted: bool = False) -> str:
    badge = (f'<span style="font-size:11px;background:#1f4e78;color:#fff;border-radius:3px;padding:0 5px;'
             f'margin-right:6px">{_e(path)}</span>') if path else ""
    colour = "color:#888;" if muted else ""
    return (f'<div style="margin-left:{max(level - 1, 0) * 1.5}em;white-space:pre-wrap;{colour}">'
            f'{badge}{body.strip()}</div>')

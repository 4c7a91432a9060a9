"""The HTML report: one self-contained page (no network), the plan on the left with every
judged task coloured by status, the summary on the right with the evidence marked.  Clicking
a task scrolls the summary to its evidence and highlights it; buttons filter by status.
Every piece of document text is escaped, so a <script> in a document stays text."""
from __future__ import annotations

import html
from typing import Iterable

from .ledger import VERDICT, rows

_CSS = """
*{box-sizing:border-box}body{margin:0;font:14px/1.7 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222}
header{position:sticky;top:0;background:#1f4e78;color:#fff;padding:8px 16px;z-index:2}
header h1{font-size:16px;margin:0 0 4px}header .totals span{margin-right:14px}
.filters button{border:1px solid #fff;background:transparent;color:#fff;border-radius:3px;padding:2px 10px;margin-right:6px;cursor:pointer}
.filters button.on{background:#fff;color:#1f4e78}
main{display:grid;grid-template-columns:1fr 1fr;height:calc(100vh - 74px)}
.pane{overflow:auto;padding:12px 18px;white-space:pre-wrap;border-right:1px solid #ddd}
.pane h2{white-space:normal;font-size:14px;color:#555;margin:0 0 8px;position:sticky;top:-12px;background:#fff;padding:4px 0}
.task{display:inline;cursor:pointer;border-radius:3px;padding:1px 0}
.task.implemented{background:#e2f4e6}.task.partial{background:#fff3c4}.task.missing{background:#fde2e4}
.task.active{outline:2px solid #1f4e78}
.badge{display:inline-block;font-size:12px;border-radius:3px;padding:0 6px;margin-right:4px;white-space:nowrap}
.badge.implemented{background:#c6efce;color:#006100}.badge.partial{background:#ffeb9c;color:#9c5700}.badge.missing{background:#ffc7ce;color:#9c0006}
.badge.override{outline:1px solid #1f4e78}.badge.machine{opacity:.6;text-decoration:line-through}
.reason{display:block;white-space:normal;font-size:12px;color:#555;margin:2px 0 8px;padding-left:8px;border-left:3px solid #ccc}
.task.dim,.reason.dim{opacity:.2}
mark.ev{background:#eef3fa;border-bottom:2px solid #9bb7d4;color:inherit}
mark.ev.hl{background:#ffd54f;border-bottom-color:#e65100}
"""

_TABLE_CSS = """
table.ledger{border-collapse:collapse;font-size:13px}table.ledger td,table.ledger th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
table.ledger td.implemented{background:#c6efce}table.ledger td.partial{background:#ffeb9c}table.ledger td.missing{background:#ffc7ce}
"""

_JS = """
(function(){
  var tasks=document.querySelectorAll('.task');
  function select(t){
    document.querySelectorAll('mark.hl').forEach(function(m){m.classList.remove('hl')});
    document.querySelectorAll('.task.active').forEach(function(x){x.classList.remove('active')});
    t.classList.add('active');
    var ids=(t.dataset.evidence||'').split(' ').filter(Boolean), first=null;
    ids.forEach(function(id){var m=document.getElementById(id);if(m){m.classList.add('hl');first=first||m;}});
    if(first){first.scrollIntoView({block:'center',behavior:'auto'});}
    var box=document.getElementById('selected');box.textContent=t.dataset.path+'：'+(ids.length?ids.length+' 处证据':'总结中无证据');
  }
  tasks.forEach(function(t){t.addEventListener('click',function(){select(t)});});
  document.querySelectorAll('.filters button').forEach(function(b){
    b.addEventListener('click',function(){
      b.classList.toggle('on');
      var shown={};document.querySelectorAll('.filters button.on').forEach(function(x){shown[x.dataset.status]=1});
      tasks.forEach(function(t){var off=!shown[t.dataset.status];t.classList.toggle('dim',off);
        var r=document.getElementById('r-'+t.id);if(r){r.classList.toggle('dim',off);}});
    });
  });
})();
"""


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _render_text(text: str, spans: Iterable[tuple[int, int, str, str]]) -> str:
    """text with the disjoint spans (start, end, opening tag, closing tag) wrapped, all escaped."""
    out, pos = [], 0
    for s, e, open_tag, close_tag in sorted(spans):
        if s < pos:
            continue  # overlapping spans never occur (tasks and sentences are disjoint); be safe
        out.append(_e(text[pos:s]))
        out.append(open_tag + _e(text[s:e]) + close_tag)
        pos = e
    out.append(_e(text[pos:]))
    return "".join(out)


def render(comparison) -> str:
    plan, summary = comparison.plan.document, comparison.summary.document
    marks: dict[tuple[int, int], str] = {}
    for it in comparison.items:
        for e in it.evidence:
            marks.setdefault((e.start, e.end), f"ev{len(marks)}")
    task_spans = []
    overridden = getattr(comparison, "overridden", {})
    for n, it in enumerate(comparison.items):
        ids = " ".join(marks[(e.start, e.end)] for e in it.evidence)
        start, end = it.start, it.end
        # --- overridden verdicts (policytext ledger apply): the inspector's badge, the machine's kept beside it
        ov = overridden.get(it.task.path)
        status, reason = (ov.status, ov.reason) if ov else (it.status, it.reason)
        badge = f'<span class="badge {status}">{VERDICT[status]}</span>'
        if ov:
            who = "，".join(x for x in (ov.by or "", (ov.at or "")[:10]) if x)
            badge = (f'<span class="badge {status} override" title="人工核定{_e("：" + who if who else "")}">'
                     f'人工·{VERDICT[status]}</span><span class="badge machine {it.status}">系统·{VERDICT[it.status]}</span>')
            reason += (f"（备注：{ov.note}）" if ov.note else "") + (f"〔人工核定：{who}〕" if who else "〔人工核定〕")
        # --- end of overridden verdicts
        open_tag = (f'<span class="task {status}" id="t{n}" data-status="{status}" '
                    f'data-path="{_e(it.task.path)}" data-evidence="{ids}" title="{_e(reason)}">{badge}')
        close_tag = f'</span><span class="reason" id="r-t{n}">{_e(reason)}</span>'
        task_spans.append((start, end, open_tag, close_tag))
    tasks_of: dict[str, list[str]] = {}
    for n, it in enumerate(comparison.items):
        for e in it.evidence:
            tasks_of.setdefault(marks[(e.start, e.end)], []).append(it.task.path)
    ev_spans = [(s, e, f'<mark class="ev" id="{mid}" data-tasks="{_e(" ".join(tasks_of[mid]))}">', "</mark>")
                for (s, e), mid in marks.items()]
    totals = comparison.reviewed_totals  # the inspector's verdicts where given (the tasks are shown with them)
    title = f"{plan.title or plan.path or '计划'} · 落实情况核查"
    buttons = "".join(f'<button class="on" data-status="{s}">{VERDICT[s]}（{totals[s]}）</button>' for s in totals)
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{_e(title)}</title>"
        f"<style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><div class=\"filters\">{buttons}"
        f"<span id=\"selected\" style=\"margin-left:12px\"></span></div></header>"
        "<main>"
        f"<section class=\"pane\" id=\"plan\"><h2>计划：{_e(plan.title or plan.path or '')}</h2>"
        f"{_render_text(plan.text, task_spans)}</section>"
        f"<section class=\"pane\" id=\"summary\"><h2>总结：{_e(summary.title or summary.path or '')}"
        f"（{_e(str(comparison.period.year or ''))}年{_e(comparison.period.label)}）</h2>"
        f"{_render_text(summary.text, ev_spans)}</section>"
        f"</main><script>{_JS}</script></body></html>\n")


def ledger_table(comparison) -> str:
    """A compact ledger table for notebooks (Comparison._repr_html_)."""
    head = "".join(f"<th>{h}</th>" for h in ("序号", "任务编号", "任务内容", "核查结论", "说明", "落实情况（总结原文）"))
    body = []
    for r in rows(comparison.items):
        content = r.content if len(r.content) <= 80 else r.content[:80] + "…"
        body.append(f"<tr><td>{r.number}</td><td>{_e(r.task)}</td><td>{_e(content)}</td>"
                    f"<td class=\"{r.status}\">{r.verdict}</td><td>{_e(r.reason)}</td>"
                    f"<td>{_e(r.evidence).replace(chr(10), '<br>')}</td></tr>")
    t = comparison.totals
    caption = "；".join(f"{VERDICT[s]} {n}" for s, n in t.items())
    return (f"<style>{_TABLE_CSS}</style>"
            f"<table class=\"ledger\"><caption>{_e(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")

"""The HTML report: one self-contained page (no network), the plan on the left with every
judged task coloured by status, the summary on the right with the evidence marked.  Clicking
a task, or Enter/Space on it, scrolls the summary to its evidence and highlights it; n/j and
p/k go to the next and previous flagged task; buttons filter by status.  Printed, the two
columns flow side by side over the pages with their colours.  The shipped font is embedded,
cut down to the page's characters, so a machine without CJK fonts shows the text.  Every
piece of document text is escaped, so a <script> in a document stays text."""
from __future__ import annotations

import html
from typing import Iterable

from ..compare.status import FLAG_TEXT, VERDICT, css
from .ledger import REVIEW_MARK, rows
from .webfont import FAMILY, font_face

HINT = "键盘：Tab 逐个任务移动，Enter 或空格 选中并显示证据，n / j 下一个待核查任务，p / k 上一个"

# Shared by the pair report and the batch index page.
BASE_CSS = f"""
*{{box-sizing:border-box}}body{{margin:0;font:14px/1.7 "{FAMILY}","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#222}}
button{{font:inherit;font-size:13px}}
header{{background:#1f4e78;color:#fff;padding:8px 16px}}
header h1{{font-size:16px;margin:0 0 4px}}header .totals span{{margin-right:14px}}
header .hint{{font-size:12px;opacity:.85;margin:4px 0 0}}
@media print{{*{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}header{{background:#fff;color:#000;padding:0 0 6px;border-bottom:2px solid #1f4e78}}header .hint{{display:none}}}}
"""

_CSS = """
body{display:flex;flex-direction:column;height:100vh}
header{flex:none;z-index:2}
.bar button{border:1px solid #fff;background:transparent;color:#fff;border-radius:3px;padding:2px 10px;margin-right:6px;cursor:pointer}
.bar button.on{background:#fff;color:#1f4e78}.bar .nav{margin-left:12px}
.bar button:focus-visible{outline:3px solid #ffb74d;outline-offset:1px}
main{flex:1;min-height:0;display:grid;grid-template-columns:1fr 1fr}
.pane{overflow:auto;padding:12px 18px;white-space:pre-wrap;border-right:1px solid #ddd}
.pane h2{white-space:normal;font-size:14px;color:#555;margin:0 0 8px;position:sticky;top:-12px;background:#fff;padding:4px 0}
.task{display:inline;cursor:pointer;border-radius:3px;padding:1px 0}
""" + css(".task.{s}", (("background", "light"),)) + """
.task.active{outline:2px solid #1f4e78}
.task:focus{outline:none}.task:focus-visible{outline:3px solid #e65100;outline-offset:1px;box-shadow:0 0 0 5px rgba(230,81,0,.25)}
.badge{display:inline-block;font-size:12px;border-radius:3px;padding:0 6px;margin-right:4px;white-space:nowrap}
""" + css(".badge.{s}", (("background", "fill"), ("color", "text"))) + """
.badge .flag{margin-left:4px;padding:0 3px;border-radius:2px;background:rgba(0,0,0,.08)}
.badge .review{margin-left:4px;padding:0 3px;border-radius:2px;border:1px dashed #6a1b9a;color:#6a1b9a}
.badge.override{outline:1px solid #1f4e78}.badge.machine{opacity:.6;text-decoration:line-through}
.reason{display:block;white-space:normal;font-size:12px;color:#555;margin:2px 0 8px;padding-left:8px;border-left:3px solid #ccc}
.task.dim,.reason.dim{opacity:.2}
mark.ev{background:#eef3fa;border-bottom:2px solid #9bb7d4;color:inherit}
mark.ev.hl{background:#ffd54f;border-bottom-color:#e65100}
@media print{
body{display:block;height:auto}
.bar{display:none}
main{display:grid;height:auto}
.pane{overflow:visible;height:auto;padding:0 10px}
.pane h2{position:static}
.task.dim,.reason.dim{opacity:1}
.task.active,.task:focus-visible{outline:none;box-shadow:none}
@page{size:A4;margin:12mm}
}
"""

_TABLE_CSS = """
table.ledger{border-collapse:collapse;font-size:13px}table.ledger td,table.ledger th{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
""" + css("table.ledger td.{s}", (("background", "fill"),)) + """
"""

_JS = """
(function(){
  var tasks=[].slice.call(document.querySelectorAll('.task'));
  function select(t){
    document.querySelectorAll('mark.hl').forEach(function(m){m.classList.remove('hl')});
    document.querySelectorAll('.task.active').forEach(function(x){x.classList.remove('active');x.setAttribute('aria-pressed','false')});
    t.classList.add('active');t.setAttribute('aria-pressed','true');
    var ids=(t.dataset.evidence||'').split(' ').filter(Boolean), first=null;
    ids.forEach(function(id){var m=document.getElementById(id);if(m){m.classList.add('hl');first=first||m;}});
    if(first){first.scrollIntoView({block:'center',behavior:'auto'});}
    var box=document.getElementById('selected');box.textContent=t.dataset.path+'：'+(ids.length?ids.length+' 处证据':'总结中无证据');
  }
  tasks.forEach(function(t){
    t.addEventListener('click',function(){select(t)});
    t.addEventListener('keydown',function(ev){
      if(ev.key==='Enter'||ev.key===' '||ev.key==='Spacebar'){ev.preventDefault();ev.stopPropagation();select(t);}
    });
  });
  // The task to step from: the focused one, else the selected one, else before the first.
  function step(d){
    var n=tasks.length, i=tasks.indexOf(document.activeElement);
    if(i<0){i=tasks.indexOf(document.querySelector('.task.active'));}
    if(i<0){i=d>0?-1:n;}
    for(var k=1;k<=n;k++){
      var t=tasks[((i+d*k)%n+n)%n];
      if(t.dataset.flagged&&!t.classList.contains('dim')){
        select(t);t.focus({preventScroll:true});t.scrollIntoView({block:'center',behavior:'auto'});return;
      }
    }
  }
  document.getElementById('next').addEventListener('click',function(){step(1)});
  document.getElementById('prev').addEventListener('click',function(){step(-1)});
  document.addEventListener('keydown',function(ev){
    if(ev.ctrlKey||ev.metaKey||ev.altKey||ev.defaultPrevented){return;}
    var k=(ev.key||'').toLowerCase();
    if(k==='n'||k==='j'){ev.preventDefault();step(1);}
    else if(k==='p'||k==='k'){ev.preventDefault();step(-1);}
  });
  document.querySelectorAll('.bar button[data-status]').forEach(function(b){
    b.addEventListener('click',function(){
      b.classList.toggle('on');b.setAttribute('aria-pressed',b.classList.contains('on')?'true':'false');
      var shown={};document.querySelectorAll('.bar button[data-status].on').forEach(function(x){shown[x.dataset.status]=1});
      tasks.forEach(function(t){var off=!shown[t.dataset.status];t.classList.toggle('dim',off);
        var r=document.getElementById('r-'+t.id);if(r){r.classList.toggle('dim',off);}});
    });
  });
})();
"""


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def page(title: str, css: str, body: str, script: str = "", font: bool = True) -> str:
    """A whole self-contained page.  With font, the shipped font is embedded, cut down to the
    characters of everything else on the page (so of the text the script writes too)."""
    def build(face: str) -> str:
        js = f"<script>{script}</script>" if script else ""
        return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                f"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{_e(title)}</title>"
                f"<style>{face}{BASE_CSS}{css}</style></head><body>{body}{js}</body></html>\n")

    return build(font_face(build("")) if font else "")


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


def flagged(item) -> bool:
    """What n/p step through: a task not fully implemented, or one with any flag."""
    return item.status != "implemented" or bool(item.flags)


def badge_marks(item, override=None) -> list[tuple[str, str, str]]:
    """The marks of a task's badge as (class, text, tooltip), in order: the verdict (the
    inspector's, from policytext ledger apply, where given), then one per flag.  A new kind of
    mark is one more entry here."""
    if override is None:
        marks = [("verdict", VERDICT[item.status], "")]
    else:
        marks = [("verdict", f"人工·{VERDICT[override.status]}", f"人工核定{'：' + _who(override) if _who(override) else ''}")]
    marks += [("flag", FLAG_TEXT.get(f, f), f) for f in item.flags]
    if override is None and getattr(item, "review", False):
        marks.append(("review", REVIEW_MARK, f"系统对此结论把握不大（{item.certainty:.2f}），请优先核查"))
    return marks


def _who(override) -> str:
    return "，".join(x for x in (override.by or "", (override.at or "")[:10]) if x)


def _badge(item, override=None) -> str:
    inner = "".join(f'<span class="{cls}"' + (f' title="{_e(tip)}"' if tip else "") + f">{_e(text)}</span>"
                    for cls, text, tip in badge_marks(item, override))
    if override is None:
        return f'<span class="badge {item.status}">{inner}</span>'
    # the machine's verdict stays visible, struck through, beside the inspector's
    return (f'<span class="badge {override.status} override">{inner}</span>'
            f'<span class="badge machine {item.status}">系统·{VERDICT[item.status]}</span>')


def _task_tags(n: int, item, evidence_ids: str, override=None) -> tuple[str, str]:
    status, reason = (item.status, item.reason) if override is None else (override.status, override.reason)
    if override is not None:
        who = _who(override)
        reason += (f"（备注：{override.note}）" if override.note else "") + (f"〔人工核定：{who}〕" if who else "〔人工核定〕")
    flag_attr = ' data-flagged="1"' if flagged(item) else ""
    open_tag = (f'<span class="task {status}" id="t{n}" data-status="{status}" '
                f'data-path="{_e(item.task.path)}" data-evidence="{evidence_ids}" '
                f'data-flags="{_e(" ".join(item.flags))}"{flag_attr} title="{_e(reason)}" '
                f'tabindex="0" role="button" aria-pressed="false" aria-describedby="r-t{n}">{_badge(item, override)}')
    close_tag = f'</span><span class="reason" id="r-t{n}">{_e(reason)}</span>'
    return open_tag, close_tag


def render(comparison, font: bool = True) -> str:
    """The report page of comparison; font=False leaves the shipped font out (a smaller page
    that needs a CJK font on the reader's machine)."""
    plan, summary = comparison.plan.document, comparison.summary.document
    marks: dict[tuple[int, int], str] = {}
    for it in comparison.items:
        for e in it.evidence:
            marks.setdefault((e.start, e.end), f"ev{len(marks)}")
    task_spans = []
    overridden = comparison.overridden
    for n, it in enumerate(comparison.items):
        ids = " ".join(marks[(e.start, e.end)] for e in it.evidence)
        task_spans.append((it.start, it.end, *_task_tags(n, it, ids, overridden.get(it.task.path))))
    tasks_of: dict[str, list[str]] = {}
    for n, it in enumerate(comparison.items):
        for e in it.evidence:
            tasks_of.setdefault(marks[(e.start, e.end)], []).append(it.task.path)
    ev_spans = [(s, e, f'<mark class="ev" id="{mid}" data-tasks="{_e(" ".join(tasks_of[mid]))}">', "</mark>")
                for (s, e), mid in marks.items()]
    totals = comparison.reviewed_totals  # the inspector's verdicts where given (the tasks are shown with them)
    title = f"{plan.title or plan.path or '计划'} · 落实情况核查"
    buttons = "".join(f'<button type="button" class="on" data-status="{s}" aria-pressed="true">'
                      f'{VERDICT[s]}（{totals[s]}）</button>' for s in totals)
    nav = ('<span class="nav"><button type="button" id="prev" title="p / k">上一个待核查</button>'
           '<button type="button" id="next" title="n / j">下一个待核查</button></span>')
    body = (f"<header><h1>{_e(title)}</h1><div class=\"bar filters\">{buttons}{nav}"
            f"<span id=\"selected\" style=\"margin-left:12px\" aria-live=\"polite\"></span></div>"
            f"<p class=\"hint\">{HINT}</p></header>"
            "<main>"
            f"<section class=\"pane\" id=\"plan\"><h2>计划：{_e(plan.title or plan.path or '')}</h2>"
            f"{_render_text(plan.text, task_spans)}</section>"
            f"<section class=\"pane\" id=\"summary\"><h2>总结：{_e(summary.title or summary.path or '')}"
            f"（{_e(str(comparison.period.year or ''))}年{_e(comparison.period.label)}）</h2>"
            f"{_render_text(summary.text, ev_spans)}</section>"
            "</main>")
    return page(title, _CSS, body, _JS, font)


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

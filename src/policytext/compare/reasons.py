"""The reason an inspector reads next to each verdict: one plain Chinese sentence naming what
matched and what did not, built from the checks and the evidence the judge kept."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .checks import MET, MISSED, NOT_DUE, UNMET, UNVERIFIABLE, DeadlineCheck, QuotaCheck
from .period import Period
from .model import Features
from .status import Status

if TYPE_CHECKING:  # pragma: no cover
    from .judge import Evidence


_BREAK = re.compile(r"\s*\n\s*")


def _q(s: str, n: int = 40) -> str:
    s = _BREAK.sub("", s.strip()).rstrip("。；;，,")  # a quote is one line, as the inspector reads it
    return "“" + (s if len(s) <= n else s[:n] + "…") + "”"


def _reported_text(c: QuotaCheck) -> str:
    said = c.reported.text if c.reported else ""
    return f"{said}，即{c.derived}" if c.derived and "+" not in c.derived else said


def explain(status: str, flags: Sequence[str], f: Features, evidence: Sequence[Evidence],
            qchecks: Sequence[QuotaCheck], dchecks: Sequence[DeadlineCheck], period: Period,
            lookalike: tuple[str, str, str] | None = None, unfilled: str | None = None) -> str:
    """One plain Chinese sentence an inspector can check against the evidence.  lookalike is
    (the task's word, the summary's word, the sentence) of a sentence set aside as about another
    audience or domain; unfilled, the clause of the evidence with an unfilled number (开展随访服务xx人次)."""
    done = [e for e in evidence if e.reading == "done"]
    parts: list[str] = []
    if lookalike:
        parts.append(f"对象不一致：计划为“{lookalike[0]}”，总结{_q(lookalike[2])}为“{lookalike[1]}”，不作为证据")
    if done and status == "missing":  # (the second stage judged the closest report not to be this task's)
        parts.append(f"总结“{done[0].section or '正文'}”部分的相近表述{_q(done[0].text)}与任务对应不足，不能认定落实")
    elif done:
        parts.append(f"总结“{done[0].section or '正文'}”部分有对应表述{_q(done[0].text)}")
    for c in qchecks:
        q = c.quota
        if c.verdict == UNMET and status != "missing":  # a figure judged another task's says nothing of this one
            # the scaled requirement only where it differs from what the plan says (a target due
            # whole by its own time limit is not 按上半年折算)
            scaled = c.required != q.value or c.required_max != q.value_max
            if c.derived and "+" in c.derived:  # one total reported for several requirements
                said = f"（与同一合计数对应的各项合计{c.derived}）"
            else:
                said = f"（按{c.over or period.due_label}折算{c.required_text}）" if scaled else ""
            parts.append(f"量化指标未达到：要求{q.text}{said}，报告{_reported_text(c)}")
        elif c.verdict == UNVERIFIABLE:
            what = c.reported.text if c.reported else q.text
            parts.append(f"数量未填写（{what}），无法核实是否达到{q.text}")
        elif c.verdict == "met" and status != "missing":
            parts.append(f"{q.text}已达到（报告{_reported_text(c)}）")
    for d in dchecks:
        if d.verdict == MISSED and status != "missing":  # a date beside no report of the task says nothing
            parts.append(f"完成时间{d.reported_text}晚于时限{d.deadline.text}")
        elif d.verdict == NOT_DUE and status == "missing":
            parts.append(f"时限{d.deadline.text}晚于总结期末，尚未到期")
    if "placeholder" in flags and unfilled and not any(c.verdict == UNVERIFIABLE for c in qchecks):
        parts.append(f"总结数量未填写（{unfilled}），无法核实")
    kept = [d for d in dchecks if d.verdict == MET]
    if kept and status != "missing" and not any(d.verdict == MISSED for d in dchecks):
        # the latest limit kept, once: 完成时间9月下旬未超过时限9月底前
        d = max(kept, key=lambda d: d.deadline.date or "")
        parts.append(f"完成时间{d.reported_text}未超过时限{d.deadline.text}")
    neg = next((e for e in evidence if e.reading == "negated"), None)
    fut = next((e for e in evidence if e.reading == "future"), None)
    if "negated" in flags and neg:
        parts.append(f"总结写明未完成：{_q(neg.text)}")
    if "weak_evidence" in flags:
        parts.append("对应表述较弱或只涉及部分内容，需人工核对")
    if status == "missing" and not parts:
        if "future_only" in flags and fut:
            parts.append(f"仅在“{fut.section or '正文'}”中作为计划提出：{_q(fut.text)}，未见落实")
        else:
            parts.append("总结中未找到对应的落实情况")
    elif status == "missing" and "future_only" in flags and fut:
        parts.append(f"仅作为计划提出：{_q(fut.text)}")
    if not parts:  # never a verdict without words: the evidence that decided it is not quoted above
        parts.append("总结有相关表述但需人工核对")
    return f"{Status(status).label}：" + "；".join(parts) + "。"

"""The ledger rows an inspector reads: one per judged task, in Chinese, shared by the Excel
ledger, the DataFrame and the HTML table."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

from ..compare.checks import MET, MISSED, NOT_DUE

if TYPE_CHECKING:  # pragma: no cover
    from ..compare.judge import Item
    from ..compare.overrides import Override

VERDICT = {"implemented": "已落实", "partial": "部分落实", "missing": "未落实"}
STATUS_OF = {v: k for k, v in VERDICT.items()}
READING = {"done": "", "problem": "【存在问题】", "negated": "【未完成】", "future": "【计划】"}
FLAG_TEXT = {"quota_unmet": "数量未达标", "placeholder": "含未填数字", "future_only": "仅有计划表述",
             "negated": "总结称未完成", "deadline_missed": "逾期完成", "weak_evidence": "证据不足"}
# 是否按期完成, worst first: one missed deadline makes the task late whatever the others say.
ON_TIME_LATE, ON_TIME_UNREPORTED, ON_TIME_NOT_DUE, ON_TIME_YES, ON_TIME_NONE = "否", "未报告", "未到期", "是", "—"
COLUMNS = ("序号", "任务编号", "任务内容", "牵头单位", "配合单位", "完成时限", "量化指标",
           "落实情况（总结原文）", "是否按期完成", "核查结论", "说明", "标记", "备注")
EDITABLE = ("核查结论", "说明", "备注")  # what an inspector fills in and `policytext ledger apply` reads back


@dataclass(frozen=True)
class LedgerRow:
    number: int
    task: str
    content: str
    lead: str
    support: str
    deadlines: str
    quotas: str
    evidence: str
    verdict: str  # the inspector's verdict when overridden, else the machine's
    reason: str
    status: str  # the status of verdict
    on_time: str = ON_TIME_NONE
    flags: str = ""
    note: str = ""
    machine_status: str = ""  # the machine's status ("" = same as status)

    def cells(self) -> tuple:
        return (self.number, self.task, self.content, self.lead, self.support, self.deadlines, self.quotas,
                self.evidence, self.on_time, self.verdict, self.reason, self.flags, self.note)


def _join(xs) -> str:
    return "、".join(dict.fromkeys(x for x in xs if x))


def on_time(verdicts: Iterable[str]) -> str:
    """是否按期完成 from the deadline checks' verdicts (met | missed | unreported | not_due)."""
    vs = set(verdicts)
    if not vs:
        return ON_TIME_NONE
    if MISSED in vs:
        return ON_TIME_LATE
    if vs - {MET, NOT_DUE}:
        return ON_TIME_UNREPORTED
    if NOT_DUE in vs:
        return ON_TIME_NOT_DUE
    return ON_TIME_YES


def flag_text(flags: Iterable[str]) -> str:
    """The flags as the 标记 column shows them: 数量未达标；含未填数字."""
    return "；".join(FLAG_TEXT.get(f, f) for f in flags if f)


def override_mark(machine_status: str, ov: "Override") -> str:
    who = "，".join(x for x in (ov.by or "", (ov.at or "")[:10]) if x)
    return f"人工核定（系统结论：{VERDICT[machine_status]}{'；' + who if who else ''}）"


def row(n: int, item: "Item", override: "Override | None" = None) -> LedgerRow:
    lead = _join(u.name for u in item.units if u.role in ("lead", "responsible"))
    support = _join(u.name for u in item.units if u.role == "support")
    deadlines = "；".join(d.deadline.text for d in item.deadline_checks)
    quotas = "；".join(f"{c.quota.text}（{c.required_text}）" if c.required is not None else c.quota.text
                      for c in item.quota_checks)
    evidence = "\n".join(READING.get(e.reading, "") + e.text for e in item.evidence)
    flags = flag_text(item.flags)
    status, reason, note, machine = item.status, item.reason, "", ""
    if override is not None:
        status, reason, note, machine = override.status, override.reason, override.note, item.status
        flags = "；".join(x for x in (override_mark(item.status, override), flags) if x)
    return LedgerRow(n, item.task.path, item.text, lead, support, deadlines, quotas, evidence,
                     VERDICT[status], reason, status, on_time(d.verdict for d in item.deadline_checks), flags,
                     note, machine)


def rows(items, overrides: "Mapping[str, Override] | None" = None) -> list[LedgerRow]:
    ov = overrides or {}
    return [row(n, it, ov.get(it.task.path)) for n, it in enumerate(items, 1)]

"""The ledger rows an inspector reads: one per judged task, in Chinese, shared by the Excel
ledger, the DataFrame and the HTML table."""
from __future__ import annotations

from dataclasses import dataclass

from ..compare.judge import Item

VERDICT = {"implemented": "已落实", "partial": "部分落实", "missing": "未落实"}
READING = {"done": "", "problem": "【存在问题】", "negated": "【未完成】", "future": "【计划】"}
COLUMNS = ("序号", "任务编号", "任务内容", "牵头单位", "配合单位", "完成时限", "量化指标",
           "落实情况（总结原文）", "核查结论", "说明")


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
    verdict: str
    reason: str
    status: str

    def cells(self) -> tuple:
        return (self.number, self.task, self.content, self.lead, self.support, self.deadlines, self.quotas,
                self.evidence, self.verdict, self.reason)


def _join(xs) -> str:
    return "、".join(dict.fromkeys(x for x in xs if x))


def row(n: int, item: Item) -> LedgerRow:
    lead = _join(u.name for u in item.units if u.role in ("lead", "responsible"))
    support = _join(u.name for u in item.units if u.role == "support")
    deadlines = "；".join(d.deadline.text for d in item.deadline_checks)
    quotas = "；".join(f"{c.quota.text}（{c.required_text}）" if c.required is not None else c.quota.text
                      for c in item.quota_checks)
    evidence = "\n".join(READING.get(e.reading, "") + e.text for e in item.evidence)
    return LedgerRow(n, item.task.path, item.text, lead, support, deadlines, quotas, evidence,
                     VERDICT[item.status], item.reason, item.status)


def rows(items) -> list[LedgerRow]:
    return [row(n, it) for n, it in enumerate(items, 1)]

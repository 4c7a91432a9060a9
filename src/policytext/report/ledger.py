"""The ledger row: one per judged task, in the inspector's words.  Every ledger there is is
made of these rows: the Excel ledgers (cells), the batch ledger table (record), the DataFrames
(Comparison.to_frame and frame("ledger")) and the HTML and notebook tables."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..compare.checks import MET, MISSED, NOT_DUE
from ..compare.status import FLAG_TEXT, FLAGS, VERDICT, Status, flag_text
from ..ingest.ledger import EDITABLE

if TYPE_CHECKING:  # pragma: no cover
    from ..compare.judge import Item
    from ..compare.overrides import Override

STATUS_OF = {v: k for k, v in VERDICT.items()}
READING = {"done": "", "problem": "【存在问题】", "negated": "【未完成】", "future": "【计划】"}
# 是否按期完成, worst first: one missed deadline makes the task late whatever the others say.
ON_TIME_LATE, ON_TIME_UNREPORTED, ON_TIME_NOT_DUE, ON_TIME_YES, ON_TIME_NONE = "否", "未报告", "未到期", "是", "—"
COLUMNS = ("序号", "任务编号", "任务内容", "牵头单位", "配合单位", "完成时限", "量化指标",
           "落实情况（总结原文）", "是否按期完成", "核查结论", "说明", "标记", "备注")
_TABLE = {"table": True}
REVIEW_MARK = "建议优先复核"  # 标记 of a verdict the machine is unsure of (Item.review)


@dataclass(frozen=True)
class LedgerRow:
    """One judged task.  The fields marked table=True, in order, are the batch ledger table's
    columns after the pair's (flags there joined by commas)."""

    number: int = field(metadata=_TABLE)
    task: str = field(metadata=_TABLE)
    content: str = field(metadata=_TABLE)
    lead: str = field(metadata=_TABLE)
    support: str = field(metadata=_TABLE)
    deadlines: str = field(metadata=_TABLE)
    quotas: str = field(metadata=_TABLE)
    evidence: str = field(metadata=_TABLE)
    status: str = field(metadata=_TABLE)  # the inspector's when overridden, else the machine's
    verdict: str = field(metadata=_TABLE)  # its 核查结论: 已落实 | 部分落实 | 未落实
    flags: tuple[str, ...] = field(metadata=_TABLE)  # the machine's
    reason: str = field(metadata=_TABLE)
    score: float | None = field(metadata=_TABLE)
    on_time: str = field(metadata=_TABLE)  # 是否按期完成
    note: str = ""  # 备注, the inspector's
    override: str = ""  # 人工核定（系统结论：…） when the inspector's verdict replaced the machine's
    machine_status: str = ""  # the machine's status when overridden
    review: bool = False  # the machine is unsure of its verdict (Item.review) and no inspector has judged it

    @property
    def mark(self) -> str:
        """标记: the override note, then the flags in Chinese, then 建议优先复核 for a verdict
        the machine is unsure of."""
        return "；".join(x for x in (self.override, flag_text(self.flags), REVIEW_MARK if self.review else "") if x)

    def cells(self) -> tuple:
        """The row of the Excel ledger, in COLUMNS order."""
        return (self.number, self.task, self.content, self.lead, self.support, self.deadlines, self.quotas,
                self.evidence, self.on_time, self.verdict, self.reason, self.mark, self.note)

    def record(self) -> dict[str, Any]:
        """The row of the batch ledger table (without the pair's columns)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("table")}
        out["flags"] = ",".join(self.flags)
        out["score"] = round(self.score, 3) if self.score is not None else None
        return out

    def flag_columns(self) -> dict[str, bool]:
        """One boolean per known flag, for DataFrames."""
        return {f: f in self.flags for f in FLAGS}

    @classmethod
    def from_record(cls, r: Mapping[str, Any]) -> "LedgerRow":
        """A row read back from the batch ledger table."""
        flags = tuple(f for f in (r.get("flags") or "").split(",") if f)
        on_time = r.get("on_time") or (ON_TIME_NONE if not r.get("deadlines") else
                                       ON_TIME_LATE if "deadline_missed" in flags else "")
        return cls(r["number"], r["task"], r["content"], r["lead"], r["support"], r["deadlines"], r["quotas"],
                   r["evidence"], r["status"], r["verdict"], flags, r["reason"], r.get("score"), on_time)


def table_columns() -> list[tuple[str, type]]:
    """(name, type) of the columns a LedgerRow gives the batch ledger table."""
    hints = {"int": int, "str": str, "float | None": float, "tuple[str, ...]": str}
    return [(f.name, hints[f.type]) for f in fields(LedgerRow) if f.metadata.get("table")]


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
    status, reason, note, mark, machine = Status(item.status), item.reason, "", "", ""
    if override is not None:
        status, reason, note, machine = Status(override.status), override.reason, override.note, item.status
        mark = override_mark(item.status, override)
    return LedgerRow(n, item.task.path, item.text, lead, support, deadlines, quotas, evidence, status.value,
                     status.label, tuple(item.flags), reason, item.score,
                     on_time(d.verdict for d in item.deadline_checks), note, mark, machine,
                     item.review and override is None)


def rows(items, overrides: "Mapping[str, Override] | None" = None) -> list[LedgerRow]:
    ov = overrides or {}
    return [row(n, it, ov.get(it.task.path)) for n, it in enumerate(items, 1)]


__all__ = ["COLUMNS", "EDITABLE", "FLAG_TEXT", "LedgerRow", "READING", "REVIEW_MARK", "STATUS_OF", "VERDICT", "flag_text",
           "on_time", "override_mark", "row", "rows", "table_columns"]

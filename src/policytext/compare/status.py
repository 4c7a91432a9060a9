"""The statuses and flags of a judged task, each with its Chinese wording and, for statuses,
its colours: the one place the Excel fills, the report's CSS, the notebook table and the
plots take them from.  (Kept apart so that reading them imports nothing heavy.)"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Colours:
    fill: str  # a cell or badge background (Excel's "good / neutral / bad" fills)
    text: str  # text on that fill
    light: str  # a paler background for long text (the plan's tasks in the report)
    strong: str  # a bar in a plot


class Status(str, Enum):
    """implemented | partial | missing; equal to its value as a string."""

    IMPLEMENTED = "implemented"
    PARTIAL = "partial"
    MISSING = "missing"

    @property
    def label(self) -> str:
        """已落实 | 部分落实 | 未落实: the 核查结论 of the ledger."""
        return _LABELS[self]

    @property
    def colours(self) -> Colours:
        return _COLOURS[self]

    @classmethod
    def of_label(cls, label: str) -> "Status":
        """The status an inspector's 核查结论 names; KeyError for anything else."""
        return _BY_LABEL[label]

    def __str__(self) -> str:
        return self.value


_LABELS = {Status.IMPLEMENTED: "已落实", Status.PARTIAL: "部分落实", Status.MISSING: "未落实"}
_BY_LABEL = {v: k for k, v in _LABELS.items()}
_COLOURS = {  # green, yellow, red
    Status.IMPLEMENTED: Colours("#C6EFCE", "#006100", "#E2F4E6", "#2E7D32"),
    Status.PARTIAL: Colours("#FFEB9C", "#9C5700", "#FFF3C4", "#F9A825"),
    Status.MISSING: Colours("#FFC7CE", "#9C0006", "#FDE2E4", "#C62828"),
}


class Flag(str, Enum):
    """Why a task is not (fully) implemented; equal to its value as a string."""

    QUOTA_UNMET = "quota_unmet"
    PLACEHOLDER = "placeholder"
    FUTURE_ONLY = "future_only"
    NEGATED = "negated"
    DEADLINE_MISSED = "deadline_missed"
    WEAK_EVIDENCE = "weak_evidence"

    @property
    def label(self) -> str:
        """The 标记 wording: 数量未达标, 含未填数字…"""
        return _FLAG_LABELS[self]

    def __str__(self) -> str:
        return self.value


_FLAG_LABELS = {Flag.QUOTA_UNMET: "数量未达标", Flag.PLACEHOLDER: "含未填数字", Flag.FUTURE_ONLY: "仅有计划表述",
                Flag.NEGATED: "总结称未完成", Flag.DEADLINE_MISSED: "逾期完成", Flag.WEAK_EVIDENCE: "证据不足"}

IMPLEMENTED, PARTIAL, MISSING = Status.IMPLEMENTED, Status.PARTIAL, Status.MISSING
STATUSES = tuple(s.value for s in Status)
FLAGS = tuple(f.value for f in Flag)
VERDICT = {s.value: s.label for s in Status}  # status → 核查结论
FLAG_TEXT = {f.value: f.label for f in Flag}


def flag_text(flags) -> str:
    """Flags as the 标记 column shows them: 数量未达标；含未填数字 (an unknown flag as it is)."""
    return "；".join(FLAG_TEXT.get(f, f) for f in flags if f)


def css(selector: str, attrs: tuple[tuple[str, str], ...]) -> str:
    """One CSS rule per status: css(".badge.{s}", (("background", "fill"), ("color", "text")))."""
    return "".join(selector.format(s=s.value) + "{" + ";".join(f"{prop}:{getattr(s.colours, c).lower()}"
                                                            for prop, c in attrs) + "}" for s in Status)

"""Helpers the extractors share: clause boundaries and task attachment."""
from __future__ import annotations

import bisect
import re
from typing import Iterable

from .. import patterns as P
from ..structure import Outline

_LOOKBACK = 120  # no clause in these documents runs longer before its number


def clause_start(text: str, pos: int, rx=P.CLAUSE_BREAK) -> int:
    """Offset just after the last clause break before pos (or the lookback limit).  Breaks are
    single characters, so the nearest one is the first match in the reversed window."""
    lo = max(0, pos - _LOOKBACK)
    m = rx.search(text[lo:pos][::-1])
    return pos - m.start() if m else lo


def task_path(outline: Outline, offset: int) -> str | None:
    t = outline.innermost(offset)
    return t.path if t else None


class SpanSet:
    """Disjoint spans kept sorted, so overlap and containment cost O(log n) (documents run to
    megabytes; a linear scan per candidate made extraction quadratic).  Overlapping input spans
    are merged."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(spans):
            if self._ends and s < self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], e)
            else:
                self._starts.append(s)
                self._ends.append(e)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._starts, e) - 1
        return i >= 0 and self._ends[i] > s

    def contains(self, s: int, e: int | None = None) -> bool:
        i = bisect.bisect_right(self._starts, s) - 1
        return i >= 0 and self._ends[i] >= (s + 1 if e is None else e)

    def add(self, s: int, e: int) -> None:
        """Add a span that overlaps none already held."""
        if not self._starts or s > self._starts[-1]:  # in document order: no list to shift
            self._starts.append(s)
            self._ends.append(e)
            return
        i = bisect.bisect_left(self._starts, s)
        self._starts.insert(i, s)
        self._ends.insert(i, e)


def problem_statements(text: str, outline: Outline) -> list[tuple[int, int]]:
    """In a rectification plan, the finding an item opens with, before its 整改措施： label
    (年末暂付款余额达8650万元（整改措施：…消化暂付款不低于30%）): its figures and dates say what
    was found, not what is required."""
    spans, seen = [], set()
    for m in P.RECTIFY_MEASURES.finditer(text):
        i = outline.innermost_index(m.start())
        if i >= 0 and i not in seen:
            seen.add(i)
            spans.append((outline.tasks[i].start, m.start()))
    # (a task table pasted with tabs under 序号<TAB>问题<TAB>…: each row's first cell is its finding)
    for t in outline.tasks:
        if t.style == "1\t" and _FINDINGS_COLUMN.search(text, max(0, t.start - _FINDINGS_HEADER_REACH), t.start):
            spans.append((t.heading_start, t.heading_end))
    return spans


_FINDINGS_COLUMN = re.compile(r"(?m)^\s*序号\t(?:反馈|存在的?|发现的?)?问题(?:清单|描述|表现)?\t")
_FINDINGS_HEADER_REACH = 4000

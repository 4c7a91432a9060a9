"""Helpers the extractors share: clause boundaries and task attachment."""
from __future__ import annotations

from .. import patterns as P
from ..structure import Outline

_LOOKBACK = 120  # no clause in these documents runs longer before its number


def clause_start(text: str, pos: int, breaks=P.CLAUSE_BREAK) -> int:
    """Offset just after the last clause break before pos (or the lookback limit)."""
    lo = max(0, pos - _LOOKBACK)
    window = text[lo:pos]
    last = -1
    for m in breaks.finditer(window):
        last = m.end()
    return lo + last if last >= 0 else lo


def task_path(outline: Outline, offset: int) -> str | None:
    t = outline.innermost(offset)
    return t.path if t else None

"""How a batch shows its progress: a bar redrawn in place on a terminal, or a plain line every
few seconds in a log.  Pure formatting plus a small reporter; the CLI decides where it goes."""
from __future__ import annotations

import time
from typing import Callable, TextIO

from . import Progress

_STAGE = {"documents": "docs", "comparisons": "pairs"}


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


def bar(p: Progress, width: int = 28) -> str:
    """One line: [#####.....] 120/2000 docs  35.2 docs/s  errors 3  left 00:53"""
    unit = _STAGE.get(p.stage, p.stage)
    share = p.done / p.total if p.total else 1.0
    filled = int(share * width)
    resumed = f"  (+{p.resumed} done before)" if p.resumed else ""
    return (f"[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} {unit}  {p.rate:.1f} {unit}/s  "
            f"errors {p.errors}  left {clock(p.eta if p.done < p.total else 0)}{resumed}")


def line(p: Progress) -> str:
    unit = _STAGE.get(p.stage, p.stage)
    pct = 100.0 * p.done / p.total if p.total else 100.0
    return (f"{p.stage}: {p.done}/{p.total} ({pct:.0f}%), {p.rate:.1f} {unit}/s, {p.errors} errors, "
            f"about {clock(p.eta if p.done < p.total else 0)} left" + (f", {p.resumed} done before" if p.resumed else ""))


class Reporter:
    """Calls to it with each Progress; it draws at most every `every` seconds (and always the
    last update of a stage)."""

    def __init__(self, stream: TextIO | None = None, log: Callable[[str], None] | None = None,
                 every: float = 0.2, now: Callable[[], float] = time.monotonic) -> None:
        if (stream is None) == (log is None):
            raise ValueError("give either a terminal stream or a log function")
        self.stream, self.log, self.every, self.now = stream, log, every, now
        self._last = float("-inf")

    def __call__(self, p: Progress) -> None:
        final = p.done >= p.total
        t = self.now()
        if not final and t - self._last < self.every and p.done:
            return
        self._last = t
        if self.stream is not None:
            self.stream.write("\r" + bar(p) + ("\n" if final else ""))
            self.stream.flush()
        elif p.done or not p.total:
            self.log(line(p))

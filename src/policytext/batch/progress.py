"""How a batch shows its progress: a tqdm bar redrawn in place on a terminal (one per stage,
never wider than the terminal), or a plain line every few seconds in a log.  Formatting plus
a small reporter; the CLI decides where it goes.  Any stage name works: the known ones have
labels, others are shown by their name."""
from __future__ import annotations

import os
import time
from typing import Any, Callable, TextIO

from tqdm import tqdm
from tqdm.utils import disp_len

from . import Progress

# stage: (Chinese label, English name, unit counted)
LABELS: dict[str, tuple[str, str, str]] = {
    "documents": ("文档", "documents", "docs"),
    "pairing": ("配对", "pairing", "summaries"),
    "comparisons": ("比对", "comparisons", "pairs"),
    "ledger": ("台账", "ledger", "rows"),
}


def label(stage: str) -> tuple[str, str, str]:
    """(Chinese label, English name, unit) of a stage; a stage nobody listed keeps its name."""
    return LABELS.get(stage, (stage, stage, "items"))


def clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    s = int(round(seconds))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


def columns(stream: Any) -> int:
    """The width of the terminal the stream writes to; COLUMNS, then 80, when it has none."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        pass
    try:
        return max(1, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 80


def _postfix(p: Progress) -> str:
    return f"errors {p.errors}" + (f", +{p.resumed} earlier" if p.resumed else "")


# On a narrow terminal the counts matter more than the clock and the rate.
_COMPACT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} {remaining}"


def _meter(p: Progress, width: int) -> dict[str, Any]:
    """tqdm's meter fields for p.  One column is left free: a line that fills the last column
    wraps on some terminals, and the next carriage return then redraws the wrong line."""
    zh, _, unit = label(p.stage)
    fields = {"n": p.done, "total": p.total or None, "elapsed": p.elapsed, "rate": p.rate or None,
              "prefix": zh, "unit": unit, "postfix": _postfix(p), "bar_format": None}
    ncols = max(1, width - 1)
    if p.total and disp_len(tqdm.format_meter(**fields)) > ncols:  # even a 10-cell bar does not fit
        fields["bar_format"] = _COMPACT
    return {**fields, "ncols": ncols}


def bar(p: Progress, width: int = 80) -> str:
    """One line, at most width - 1 columns: 文档:  25%|██▌       | 50/200 [00:10<00:30, 5.00docs/s, errors 3]"""
    return tqdm.format_meter(**_meter(p, width))


def line(p: Progress) -> str:
    zh, name, unit = label(p.stage)
    pct = 100.0 * p.done / p.total if p.total else 100.0
    return (f"{zh} {name}: {p.done}/{p.total} ({pct:.0f}%), {p.rate:.1f} {unit}/s, {p.errors} errors, "
            f"about {clock(p.eta if p.done < p.total else 0)} left" + (f", {p.resumed} done before" if p.resumed else ""))


class _Bar(tqdm):
    """A tqdm bar that shows a Progress as the batch measured it (its counts, its clock)
    instead of counting calls itself; the width is read again at every redraw, so a resized
    terminal gets a bar of its new width."""

    monitor_interval = 0  # no monitor thread: we redraw it ourselves

    def __init__(self, p: Progress, width: Callable[[Any], int], stream: TextIO) -> None:
        self.progress, self._width = p, width
        super().__init__(total=p.total or None, file=stream, leave=True, mininterval=0, miniters=1)

    @property
    def format_dict(self) -> dict[str, Any]:
        d = super().format_dict
        d.update(_meter(self.progress, self._width(self.fp)))
        return d

    def show(self, p: Progress) -> None:
        self.progress, self.n, self.total = p, p.done, p.total or None
        self.refresh()


class Reporter:
    """Call it with each Progress; it draws at most every `every` seconds (and always the
    first and last update of a stage).  On a terminal each stage gets its own bar; close()
    (or leaving a with block) ends the one being drawn, so what is printed next starts on a
    line of its own."""

    def __init__(self, stream: TextIO | None = None, log: Callable[[str], None] | None = None,
                 every: float = 0.2, now: Callable[[], float] = time.monotonic,
                 width: Callable[[Any], int] = columns) -> None:
        if (stream is None) == (log is None):
            raise ValueError("give either a terminal stream or a log function")
        self.stream, self.log, self.every, self.now, self.width = stream, log, every, now, width
        self._last = float("-inf")
        self._bar: _Bar | None = None

    def __call__(self, p: Progress) -> None:
        final = p.done >= p.total
        new_stage = self._bar is not None and self._bar.progress.stage != p.stage
        t = self.now()
        if not final and not new_stage and t - self._last < self.every and p.done:
            return
        self._last = t
        if self.stream is not None:
            self._draw(p, final)
        elif p.done or not p.total:
            self.log(line(p))

    def _draw(self, p: Progress, final: bool) -> None:
        if self._bar is not None and self._bar.progress.stage != p.stage:
            self.close()
        if self._bar is None:
            self._bar = _Bar(p, self.width, self.stream)
        elif final:
            self._bar.progress = p  # close() draws it
        else:
            self._bar.show(p)
        if final:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Reporter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

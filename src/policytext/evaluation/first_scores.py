"""The number that counts: every split's first, blind score, pooled.

Each split written after the code was frozen keeps, in FOLDER/FIRST_SCORE.log, the evaluation
printed when it was scored, before anyone opened it (corpus/*/README.md).  Those first scores,
not today's, say how the tool does on documents it was not tuned on; this reads them back and
pools them, so that `policytext eval` prints them beside the cross-validated figures."""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ..errors import FirstScoreError

LOG = "FIRST_SCORE.log"
FIELDS = ("quotas", "deadlines", "units", "dates")
KINDS = ("all", "plans", "summaries")
# issue 18's aims on unseen documents: (the least F1, precision and recall), (what they say); dates have none
AIMS = {"quotas": ((0.95, 0.0, 0.0), "strict F1 >= 0.95"), "deadlines": ((0.0, 0.90, 0.90), "P and R >= 0.90"),
        "units": ((0.90, 0.0, 0.90), "F1 and R >= 0.90")}
RECENT = 10  # the last rounds, written from the brief as it now stands

_SECTION = re.compile(r"^== split (?P<name>\S+)", re.M)
_TASKS = re.compile(r"^comparison: (?P<n>[0-9]+) hand-labelled tasks", re.M)
_ACCURACY = re.compile(r"^  status accuracy +(?P<acc>[0-9.]+)", re.M)
_PRECISION = re.compile(r"^  flag precision .*?tp (?P<tp>[0-9]+), fp (?P<fp>[0-9]+)\)", re.M)
_RECALL = re.compile(r"^  flag recall .*?fn (?P<fn>[0-9]+)\)", re.M)
_FIELD = re.compile(rf"^(?P<field>{'|'.join(FIELDS)}) +(?P<docs>{'|'.join(KINDS)}) +(?P<gold>[0-9]+) +(?P<pred>[0-9]+)"
                    r" +(?P<match>[0-9]+) ", re.M)


@dataclass(frozen=True)
class FirstScore:
    """One split's first score: its labelled tasks judged right, its flags (a task not judged
    implemented is flagged), and per field and kind of document (gold, predicted, matched)."""

    split: str
    tasks: int
    correct: int
    tp: int
    fp: int
    fn: int
    fields: tuple[tuple[str, str, int, int, int], ...]  # (field, all|plans|summaries, gold, predicted, matched)

    @property
    def accuracy(self) -> float:
        return self.correct / self.tasks if self.tasks else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "tasks": self.tasks, "correct": self.correct, "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "fields": [list(f) for f in self.fields]}


def parse_first_score(text: str, split: str, where: str = LOG) -> FirstScore:
    """The first score in a FIRST_SCORE.log's text: the section of the split itself, the last
    one headed `== split …` (the log opens with the tuned documents and the cross-validation).
    where names the log in an error."""
    sections = list(_SECTION.finditer(text))
    if not sections:
        raise FirstScoreError(where, f"no '== split' section, so no first score of {split}")
    part = text[sections[-1].start():]
    tasks, acc = _TASKS.search(part), _ACCURACY.search(part)
    prec, rec = _PRECISION.search(part), _RECALL.search(part)
    if not (tasks and acc and prec and rec):
        raise FirstScoreError(where, f"no comparison of {split}'s pairs in its '== split' section")
    n = int(tasks.group("n"))
    # (accuracy is printed to three decimals: exact for fewer than 500 tasks, as every split has)
    correct = round(float(acc.group("acc")) * n)
    fields = tuple((m.group("field"), m.group("docs"), int(m.group("gold")), int(m.group("pred")), int(m.group("match")))
                   for m in _FIELD.finditer(part))
    return FirstScore(split, n, correct, int(prec.group("tp")), int(prec.group("fp")), int(rec.group("fn")), fields)


def _being_written(log: Path) -> bool:
    """log is where this process's output goes: a split's first score being made
    (policytext eval --split corpus/blindN > corpus/blindN/FIRST_SCORE.log) is not read back."""
    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), log.stat())
    except (OSError, ValueError, AttributeError):  # (no real file behind stdout: a test's capture)
        return False


def first_scores(splits: Sequence[Path]) -> list[FirstScore]:
    """The first scores of the splits that keep one, in the order given (but a log this process
    is writing now)."""
    out = []
    for split in splits:
        log = split / LOG
        if not log.is_file() or _being_written(log):
            continue
        try:
            text = log.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise FirstScoreError(log, f"cannot be read ({e.__class__.__name__})") from e
        out.append(parse_first_score(text, split.name, str(log)))
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pooled(rows: Sequence[FirstScore]) -> dict[str, Any]:
    """The splits' tasks and fields added up: status accuracy, flag precision and recall, and
    per field and kind of document precision, recall and F1."""
    tasks, correct = sum(r.tasks for r in rows), sum(r.correct for r in rows)
    flags = _prf(sum(r.tp for r in rows), sum(r.fp for r in rows), sum(r.fn for r in rows))
    fields = {}
    for f in FIELDS:
        for k in KINDS:
            g = p = m = 0
            for r in rows:
                for name, kind, gold, pred, match in r.fields:
                    if (name, kind) == (f, k):
                        g, p, m = g + gold, p + pred, m + match
            if g or p:
                fields[f, k] = (g, *_prf(m, p - m, g - m))
    return {"splits": len(rows), "tasks": tasks, "accuracy": correct / tasks if tasks else 0.0,
            "flag_precision": flags[0], "flag_recall": flags[1], "fields": fields}


def format_first_scores(rows: Sequence[FirstScore], unopened: Sequence[str] = ()) -> str:
    """The table `policytext eval` prints: each split's first score, then the pools."""
    shut = set(unopened)
    lines = ["first, blind scores (each split's FIRST_SCORE.log: scored by the code frozen before it was written,",
             "before anyone opened it; * still unopened)",
             f"  {'split':12} {'tasks':>5} {'right':>5} {'accuracy':>8} {'flag P':>7} {'flag R':>7}"]
    for r in rows:
        p, rec, _ = _prf(r.tp, r.fp, r.fn)
        lines.append(f"  {r.split + ('*' if r.split in shut else ''):12} {r.tasks:>5} {r.correct:>5} {r.accuracy:>8.3f}"
                     f" {p:>7.3f} {rec:>7.3f}")
    pools = [(f"all {len(rows)} splits", rows)] + ([(f"the last {RECENT}", rows[-RECENT:])] if len(rows) > RECENT else [])
    for title, part in pools:
        s = pooled(part)
        lines += ["", f"  pooled, {title}: {s['tasks']} tasks, status accuracy {s['accuracy']:.3f} (aim 0.90), "
                      f"flag precision {s['flag_precision']:.3f} (aim 0.90), recall {s['flag_recall']:.3f} (aim 0.95)"]
        for (f, k), (gold, p, rec, f1) in s["fields"].items():
            line = f"    {f:9} {k:9} gold {gold:>5}  P {p:.3f}  R {rec:.3f}  F1 {f1:.3f}"
            if f in AIMS:
                (least_f1, least_p, least_r), said = AIMS[f]
                held = f1 >= least_f1 and p >= least_p and rec >= least_r
                line += f"  {'ok' if held else 'LOW'} (aim {said})"
            lines.append(line)
    return "\n".join(lines)

"""Fitting and evaluating the status model on the hand-labelled pairs of corpus/.

A pair is FOLDER/NAME.pair.json: {"plan": file, "summary": file, "labels": {task path:
{"status", "flags", "note"}}}, with a label for every task the comparison judges."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from ..analysis import Analysis, analyze, in_plan_year
from ..compare.period import pair_period
from ..compare.judge import featurize
from ..compare.model import Features, StatusModel, macro_f1
from ..compare.status import FLAGS, IMPLEMENTED, STATUSES
from ..errors import LabelError
from ..ingest import read
from ..ingest.pairs import PAIR_SUFFIX, pair_body, pair_files
from .anchors import AnchorError, Squashed, locate

@dataclass(frozen=True)
class LabelledPair:
    name: str
    plan: Analysis
    summary: Analysis
    paths: tuple[str, ...]
    features: tuple[Features, ...]
    labels: tuple[str, ...]
    label_flags: tuple[tuple[str, ...], ...]
    unjudged: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (label, status, flags) no judged task holds


UNJUDGED = "unjudged"  # what a label no judged task answers is predicted: always wrong


def load_pair(path: Path) -> LabelledPair:
    body = pair_body(path)
    plan_file, summary_file = body["plan"], body["summary"]
    labels = body.get("labels")
    if isinstance(labels, list):
        return _anchored_pair(path, body)
    if not isinstance(labels, dict):
        raise LabelError(path, "no labels: a labelled pair needs {\"labels\": {task: {\"status\": …}}}")
    plan, summary = analyze(read(path.parent / plan_file)), analyze(read(path.parent / summary_file))
    summary = in_plan_year(plan, summary)
    rows = featurize(plan, summary, pair_period(plan, summary))
    paths = tuple(r.task.path for r in rows)
    missing = [p for p in paths if p not in labels]
    extra = [p for p in labels if p not in paths]
    if missing or extra:
        raise LabelError(path, f"labels do not match the judged tasks: unlabelled {missing}, unknown {extra}")
    bad = sorted({v.get("status") for v in labels.values()} - set(STATUSES))
    if bad:
        raise LabelError(path, f"unknown status {bad}; use {', '.join(STATUSES)}")
    unknown_flags = sorted({f for v in labels.values() for f in v.get("flags", [])} - set(FLAGS))
    if unknown_flags:
        raise LabelError(path, f"unknown flags {unknown_flags}; use {', '.join(FLAGS)}")
    return LabelledPair(path.name[: -len(PAIR_SUFFIX)], plan, summary, paths, tuple(r.features for r in rows),
                        tuple(labels[p]["status"] for p in paths),
                        tuple(tuple(labels[p].get("flags", ())) for p in paths))


def _anchored_pair(path: Path, body: dict) -> LabelledPair:
    """Labels given by a stretch of each task's text (docs/annotation.md), so that they do not
    depend on how the tool numbers tasks: each goes to the innermost judged task whose own
    text holds its anchor.  A label no judged task holds is kept as unjudged (a task the
    ledger would not list); a judged task no label names is left out of the score."""
    labels = body["labels"]
    for lab in labels:
        if lab.get("status") not in STATUSES or set(lab.get("flags", ())) - set(FLAGS):
            raise LabelError(path, f"label {lab.get('anchor')!r}: status {lab.get('status')!r} or its flags "
                                   f"{lab.get('flags')} are not ones of {', '.join(STATUSES)} / {', '.join(FLAGS)}")
    plan = analyze(read(path.parent / body["plan"]))
    summary = analyze(read(path.parent / body["summary"]))
    summary = in_plan_year(plan, summary)
    rows = featurize(plan, summary, pair_period(plan, summary))
    spans = [(r.task.start, r.own_end, r) for r in rows]
    sq = Squashed.of(plan.document.text)
    names, features, statuses, flags, unjudged = [], [], [], [], []
    for lab in labels:
        try:
            at, _ = locate(sq, lab["anchor"])
        except AnchorError as e:
            raise LabelError(path, f"label {lab.get('anchor')!r}: {e}") from None
        holders = [(e - s, r) for s, e, r in spans if s <= at < e]
        if not holders:
            unjudged.append((lab.get("path") or lab["anchor"][:12], lab["status"], tuple(lab.get("flags", ()))))
            continue
        r = min(holders, key=lambda x: x[0])[1]
        names.append(r.task.path)
        features.append(r.features)
        statuses.append(lab["status"])
        flags.append(tuple(lab.get("flags", ())))
    return LabelledPair(path.name[: -len(PAIR_SUFFIX)], plan, summary, tuple(names), tuple(features),
                        tuple(statuses), tuple(flags), tuple(unjudged))


def load_pairs(folder: str | Path) -> list[LabelledPair]:
    return [load_pair(f) for f in pair_files(folder)]


def fit(pairs: Sequence[LabelledPair], model: StatusModel | None = None) -> StatusModel:
    model = model if model is not None else StatusModel()
    X = [f for p in pairs for f in p.features]
    y = [s for p in pairs for s in p.labels]
    return model.fit(X, y, [f for p in pairs for f in p.label_flags])


@dataclass
class CompareScore:
    """Statuses predicted with each pair held out of the fit (leave one pair out)."""

    rows: list[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    # (pair, task, gold status, predicted status, gold flags, predicted flags)
    review: list[bool] = field(default_factory=list)  # per row: the verdict is marked for review

    def review_split(self) -> tuple[int, int, int, int]:
        """(tasks marked for review, of them correct, errors in all, errors among them)."""
        marked = [r for r, m in zip(self.rows, self.review) if m]
        errors = sum(r[2] != r[3] for r in self.rows)
        return len(marked), sum(r[2] == r[3] for r in marked), errors, sum(r[2] != r[3] for r in marked)

    @property
    def accuracy(self) -> float:
        return sum(g == p for _, _, g, p, _, _ in self.rows) / len(self.rows) if self.rows else 0.0

    @property
    def macro_f1(self) -> float:
        return macro_f1([r[2] for r in self.rows], [r[3] for r in self.rows])

    def flag_prf(self) -> tuple[float, float, int, int, int]:
        """Precision and recall of flagging: anything not implemented is a flag."""
        def flagged(p: str) -> bool:  # an unjudged task is not in the ledger, so not flagged either
            return p not in (IMPLEMENTED, UNJUDGED)

        tp = sum(g != IMPLEMENTED and flagged(p) for _, _, g, p, _, _ in self.rows)
        fp = sum(g == IMPLEMENTED and flagged(p) for _, _, g, p, _, _ in self.rows)
        fn = sum(g != IMPLEMENTED and not flagged(p) for _, _, g, p, _, _ in self.rows)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        return prec, rec, tp, fp, fn

    def flag_kinds(self) -> dict[str, tuple[int, int, int]]:
        """Per flag: (labelled, predicted, both)."""
        out = {}
        for k in FLAGS:
            g = sum(k in gf for *_, gf, _ in self.rows)
            p = sum(k in pf for *_, pf in self.rows)
            both = sum(k in gf and k in pf for *_, gf, pf in self.rows)
            out[k] = (g, p, both)
        return out


def cross_validate(pairs: Sequence[LabelledPair], groups: Sequence[str] | None = None) -> CompareScore:
    """Each pair's statuses predicted by a model fitted without it: leave one pair out, or, with
    groups (one per pair, such as the folder of a round written together), leave one group out."""
    if len(pairs) < 2:
        raise ValueError("cross-validation needs at least two labelled pairs")
    if groups is not None and len(groups) != len(pairs):
        raise ValueError(f"cross-validation needs one group per pair, got {len(groups)} for {len(pairs)} pairs")
    keys = list(groups) if groups is not None else list(range(len(pairs)))
    if len(set(keys)) < 2:
        raise ValueError("cross-validation needs at least two groups of pairs")
    held_out: dict = {}
    for k, pair in zip(keys, pairs):
        held_out.setdefault(k, []).append(pair)
    score = CompareScore()
    for k, held in held_out.items():
        model = fit([p for j, p in zip(keys, pairs) if j != k])
        for pair in held:
            _score_pair(score, pair, model)
    return score


def _score_pair(score: "CompareScore", pair: LabelledPair, model: StatusModel) -> None:
    # (a pair's tasks decided together: the second stage walks its trees for all of them at once)
    from ..compare.stage import needs_review

    for path, (status, flags, certainty), g, gf in zip(pair.paths, model.verdicts(pair.features), pair.labels,
                                                       pair.label_flags):
        score.rows.append((pair.name, path, g, str(status), gf, flags))
        score.review.append(needs_review(certainty))
    for name, g, gf in pair.unjudged:
        score.rows.append((pair.name, name, g, UNJUDGED, gf, ()))
        score.review.append(False)


def score_with(pairs: Sequence[LabelledPair], model: StatusModel) -> CompareScore:
    """Statuses predicted by a model fitted elsewhere (the shipped one, on pairs it never saw)."""
    score = CompareScore()
    for pair in pairs:
        _score_pair(score, pair, model)
    return score


def format_report(score: CompareScore, model: StatusModel | None = None,
                  how: str = "each pair held out of the fit (leave one pair out)") -> str:
    prec, rec, tp, fp, fn = score.flag_prf()
    pairs = sorted({r[0] for r in score.rows})
    predicted = [*STATUSES, UNJUDGED] if any(r[3] == UNJUDGED for r in score.rows) else list(STATUSES)
    lines = [f"comparison: {len(score.rows)} hand-labelled tasks in {len(pairs)} pairs, {how}",
             f"  status accuracy   {score.accuracy:.3f}   (aim 0.90)",
             f"  status macro-F1   {score.macro_f1:.3f}",
             f"  flag precision    {prec:.3f}   (aim 0.90; tp {tp}, fp {fp})",
             f"  flag recall       {rec:.3f}   (aim 0.95; fn {fn})"]
    marked, marked_right, errors, marked_wrong = score.review_split()
    if marked:
        rest = len(score.rows) - marked
        lines.append(f"  marked for review {marked} of {len(score.rows)} tasks ({marked / len(score.rows):.0%}), holding "
                     f"{marked_wrong} of the {errors} errors; accuracy {marked_right / marked:.3f} among them, "
                     f"{(rest - (errors - marked_wrong)) / rest if rest else 1.0:.3f} among the rest")
    lines += ["", "  " + "gold / predicted".ljust(18) + "".join(f"{s:>12}" for s in predicted)]
    for g in STATUSES:
        lines.append(f"  {g:18}" + "".join(f"{sum(r[2] == g and r[3] == p for r in score.rows):>12}" for p in predicted))
    lines += ["", f"  {'pair':26} {'tasks':>5} {'correct':>8}"]
    for name in pairs:
        rows = [r for r in score.rows if r[0] == name]
        lines.append(f"  {name:26} {len(rows):>5} {sum(r[2] == r[3] for r in rows):>8}")
    lines += ["", f"  {'flag kind':16} {'labelled':>8} {'predicted':>9} {'both':>5}"]
    for k, (g, p, b) in score.flag_kinds().items():
        lines.append(f"  {k:16} {g:>8} {p:>9} {b:>5}")
    wrong = [r for r in score.rows if r[2] != r[3]]
    if wrong:
        lines += ["", "  disagreements (pair, task, gold → predicted):"]
        lines += [f"    {r[0]:26} {r[1]:16} {r[2]} → {r[3]} {','.join(r[5])}" for r in wrong]
    if model is not None:
        lines += ["", "  shipped model thresholds (fitted on all pairs): "
                  + ", ".join(f"{k}={v:g}" for k, v in model.thresholds_.items())]
    return "\n".join(lines)

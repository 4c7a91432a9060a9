"""Scoring extraction against gold annotations (files FILE.gold.json in the contract's schema)."""
from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..analysis import analyze
from ..extract.fields import FIELDS
from ..ingest import read
from .anchors import AnchorError, Squashed, locate

# What a gold file keeps for each field, and which of those must be equal for a match
# (strict: the spans overlap and every typed field is equal).  subject and action are
# free text: scored separately as agreement on the matched quotas.
def _gold_keys(f) -> tuple[str, ...]:
    names = [x.name for x in dataclasses.fields(f.record)]
    ident = "text" if "text" in names else "name"
    place = ("spans",) if "spans" in names else ("start", "end")
    free = tuple(n for n in ("subject", "action", "gloss") if n in names)
    return (ident, *place, *(t for t in f.typed if t != ident), *free)


FIELD_KEYS = {f.name: _gold_keys(f) for f in FIELDS}
TYPED = {f.name: f.typed for f in FIELDS}
AIMS = {"quotas": 0.95, "deadlines": 0.9, "units": 0.85, "slogans": 0.9, "dates": 0.9}


class _PRF:
    """Precision, recall and F1 from gold, predicted and matched counts."""

    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class OutlineScore(_PRF):
    name: str
    gold: int
    predicted: int
    matched: int
    headings_right: int


    @property
    def heading_accuracy(self) -> float:
        return self.headings_right / self.matched if self.matched else 1.0


def _norm(s: str) -> str:
    return "".join(s.split())


def score_outline(name: str, gold_tasks: list[dict], predicted: list[dict]) -> OutlineScore:
    """Paths matched as a multiset (a duplicated path counts twice); headings compared
    between the k-th gold and k-th predicted task of the same path."""
    g = Counter(t["path"] for t in gold_tasks)
    p = Counter(t["path"] for t in predicted)
    matched = sum(min(g[k], p[k]) for k in g)
    by_path: dict[str, list[str]] = defaultdict(list)
    for t in predicted:
        by_path[t["path"]].append(t["heading"])
    seen: Counter[str] = Counter()
    right = 0
    for t in gold_tasks:
        k = seen[t["path"]]
        seen[t["path"]] += 1
        if k < len(by_path.get(t["path"], [])) and _norm(by_path[t["path"]][k]) == _norm(t["heading"]):
            right += 1
    return OutlineScore(name, sum(g.values()), sum(p.values()), matched, right)


@dataclass(frozen=True)
class FieldScore(_PRF):
    field: str
    gold: int
    predicted: int
    matched: int
    free_text_agree: int = 0  # matched quotas whose subject and action, or units whose kind, also agree


    def __add__(self, other: "FieldScore") -> "FieldScore":
        return FieldScore(self.field, self.gold + other.gold, self.predicted + other.predicted,
                          self.matched + other.matched, self.free_text_agree + other.free_text_agree)


def _spans(item: dict) -> list[tuple[int, int]]:
    return [tuple(s) for s in item["spans"]] if "spans" in item else [(item["start"], item["end"])]


def _overlap(a: dict, b: dict) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in _spans(a) for s2, e2 in _spans(b))


def score_field(field: str, gold: list[dict], predicted: list[dict]) -> FieldScore:
    """One-to-one matching: a gold item matches the first unused predicted item whose span
    overlaps it and whose typed fields are all equal."""
    used: set[int] = set()
    matched = agree = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i in used or not _overlap(g, p) or any(g.get(k) != p.get(k) for k in TYPED[field]):
                continue
            used.add(i)
            matched += 1
            if field == "quotas" and "subject" in g and (g["subject"], g.get("action")) == (p.get("subject"), p.get("action")):
                agree += 1
            elif field == "units" and g.get("kind") is not None and g["kind"] == p.get("kind"):
                agree += 1
            elif field == "quotas" and "subject" not in g and g.get("baseline") is not None and g["baseline"] == p.get("baseline"):
                agree += 1
            break
    return FieldScore(field, len(gold), len(predicted), matched, agree)


@dataclass(frozen=True)
class DocScore:
    outline: OutlineScore
    fields: dict[str, FieldScore]
    kind: str = "unknown"  # plan | summary, as the gold says
    unlocated: int = 0  # gold items (policytext-gold/2) not found in the analysed text
    anchored: bool = False  # the gold is policytext-gold/2 (items found by their text)


GOLD2 = "policytext-gold/2"


def _located(field: str, gold: dict, sq: Squashed) -> tuple[list[dict], int]:
    """A policytext-gold/2 field as items with start/end in the analysed text (docs/annotation.md):
    deadlines are the dates of kind deadline, a unit's text is its name.  Items that cannot be
    found stay gold, with no span, so they count as missed."""
    items = gold.get("dates", []) if field in ("deadlines", "dates") else gold.get(field, [])
    if field == "deadlines":
        items = [d for d in items if d.get("kind") == "deadline"]
    out, lost = [], 0
    for g in items:
        g = dict(g)
        try:
            g["start"], g["end"] = locate(sq, g["text"], g.get("context"))
        except AnchorError:
            g["start"] = g["end"] = -1
            lost += 1
        if field == "units":
            g["name"] = g["text"]
        out.append(g)
    return out, lost


def score_document(doc_path: Path, gold: dict) -> DocScore:
    """One document against its gold, in either format: offsets (the first corpus) or text
    anchors (policytext-gold/2)."""
    analysis = analyze(read(doc_path))
    predicted = analysis.to_dict()
    kind = (gold.get("document") or {}).get("kind", "unknown")
    outline = score_outline(doc_path.name, gold["tasks"], predicted["tasks"])
    if gold.get("format") != GOLD2:
        return DocScore(outline, {f: score_field(f, gold[f], predicted[f]) for f in FIELD_KEYS if f in gold}, kind)
    sq = Squashed.of(analysis.document.text)
    fields, lost = {}, 0
    for f in ("quotas", "deadlines", "units", "dates"):
        items, n = _located(f, gold, sq)
        lost += n
        fields[f] = score_field(f, items, predicted[f])
    return DocScore(outline, fields, kind, lost, True)


def evaluate_folder(docs_dir: Path, gold_dir: Path) -> list[DocScore]:
    rows = []
    for gold_file in sorted(Path(gold_dir).glob("*.gold.json")):
        doc_path = Path(docs_dir) / gold_file.name[: -len(".gold.json")]
        rows.append(score_document(doc_path, json.loads(gold_file.read_text(encoding="utf-8"))))
    return rows


def totals(rows: list[DocScore]) -> dict[str, FieldScore]:
    out: dict[str, FieldScore] = {}
    for r in rows:
        for f, sc in r.fields.items():
            out[f] = out[f] + sc if f in out else sc
    return out


def format_table(docs: list[DocScore], title: str = "") -> str:
    head = f"== {title}\n" if title else ""
    lost = sum(d.unlocated for d in docs)
    note = f"\n({lost} gold items could not be found in the analysed text and count as missed)" if lost else ""
    return head + _outline_table([d.outline for d in docs]) + "\n\n" + _field_table(docs) + note


def _field_table(docs: list[DocScore]) -> str:
    head = f"{'field (strict)':16} {'docs':9} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'aim':>5}"
    lines = ["fields: span overlap and every typed field equal", head, "-" * len(head)]
    groups = [("all", docs)] + [(name, [d for d in docs if d.kind == k]) for k, name in (("plan", "plans"),
                                                                                        ("summary", "summaries"))]
    groups = [(name, ds) for name, ds in groups if ds and (name == "all" or len(ds) < len(docs))]
    for f in totals(docs):
        for name, ds in groups:
            t = totals(ds).get(f)
            if t is None:
                continue
            ok = "ok" if t.f1 >= AIMS.get(f, 0.9) else "LOW"
            lines.append(f"{f:16} {name:9} {t.gold:5d} {t.predicted:5d} {t.matched:5d} {t.precision:6.3f} "
                         f"{t.recall:6.3f} {t.f1:6.3f} {AIMS.get(f, 0.9):5.2f} {ok}")
    q = totals(docs).get("quotas")
    if q and q.matched and q.free_text_agree:
        anchored = {d.anchored for d in docs}
        what = {frozenset({True}): "baseline (what exists, not a requirement)", frozenset({False}): "subject and action"}.get(
            frozenset(anchored), "subject and action (offset gold) or baseline (anchored gold)")
        lines.append(f"quotas: {what} also equal on {q.free_text_agree}/{q.matched} matched "
                     f"({q.free_text_agree / q.matched:.3f})")
    u = totals(docs).get("units")
    if u and u.matched and u.free_text_agree:
        lines.append(f"units: kind (unit, post, person) also equal on {u.free_text_agree}/{u.matched} matched "
                     f"({u.free_text_agree / u.matched:.3f})")
    return "\n".join(lines)


def _outline_table(rows: list[OutlineScore]) -> str:
    head = f"{'document':44} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'head.acc':>8}"
    lines = ["outline", head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r.name[:44]:44} {r.gold:5d} {r.predicted:5d} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.heading_accuracy:8.3f}")
    total = OutlineScore("ALL (micro)", sum(r.gold for r in rows), sum(r.predicted for r in rows),
                         sum(r.matched for r in rows), sum(r.headings_right for r in rows))
    lines.append("-" * len(head))
    lines.append(f"{total.name:44} {total.gold:5d} {total.predicted:5d} {total.precision:6.3f} {total.recall:6.3f} {total.f1:6.3f} {total.heading_accuracy:8.3f}")
    return "\n".join(lines)

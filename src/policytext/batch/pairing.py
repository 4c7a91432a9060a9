"""Pairing every summary of an archive with its plan: the same issuer, the plan's year or the
year before, and the closest topic (char-bigram TF-IDF over titles and task headings).  Every
document that ends up without a partner is listed with the reason."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from ..extract.issuer import issuer_key
from .store import BatchError

MIN_SIMILARITY = 0.12  # below this the best plan is about something else
Tick = Callable[[int, int], None]  # (done, total): how far pairing has got
T = TypeVar("T")


@dataclass(frozen=True)
class Doc:
    doc_id: str
    path: str
    kind: str
    issuer: str | None
    year: int | None  # the last year it covers
    year_from: int | None  # the first (2024 for a 2024—2026 plan)
    topic: str  # title and task headings


@dataclass(frozen=True)
class Pair:
    plan: Doc | None
    summary: Doc | None
    similarity: float | None
    source: str  # auto | file
    reason: str  # why it paired, or why it could not

    @property
    def paired(self) -> bool:
        return self.plan is not None and self.summary is not None

    def row(self) -> dict[str, Any]:
        p, s = self.plan, self.summary
        who = (s or p)
        return {"plan_id": p.doc_id if p else None, "plan": p.path if p else None,
                "summary_id": s.doc_id if s else None, "summary": s.path if s else None,
                "issuer": who.issuer if who else None, "year": who.year if who else None,
                "similarity": None if self.similarity is None else round(self.similarity, 3),
                "source": self.source, "status": "paired" if self.paired else "unpaired", "reason": self.reason}


def docs_from_rows(rows: Iterable[dict[str, list[dict[str, Any]]]]) -> list[Doc]:
    """The pairing view of analysed documents (their batch rows); failed ones are left out."""
    docs = []
    for r in rows:
        if not r.get("documents"):
            continue
        d = r["documents"][0]
        topic = " ".join([d["title"] or ""] + [t["heading"] or "" for t in r.get("tasks", [])[:60]])
        docs.append(Doc(d["doc_id"], d["path"], d["kind"], d["issuer"], d["year"], d["year_from"], topic))
    return docs


def table_rows(made: Sequence[Pair], failed: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    """The pairs table: every pair and every unpaired document; a pair whose comparison
    failed ((plan path, summary path) → reason) says so."""
    out = []
    for p in made:
        row = p.row()
        reason = failed.get((row["plan"], row["summary"]))
        if reason is not None:
            row.update(status="failed", reason=reason)
        out.append(row)
    return out


def similarities(plans: Sequence[Doc], summaries: Sequence[Doc]):
    """Cosine similarity of every summary's topic to every plan's, shape (summaries, plans)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [d.topic for d in summaries] + [d.topic for d in plans]
    if not plans or not summaries or not any(t.strip() for t in texts):
        import numpy as np

        return np.zeros((len(summaries), len(plans)))
    m = TfidfVectorizer(analyzer="char", ngram_range=(2, 2), sublinear_tf=True).fit_transform(texts)
    return (m[:len(summaries)] @ m[len(summaries):].T).toarray()


def _ticking(items: Sequence[T], tick: Tick | None) -> Iterator[T]:
    """The items, with tick(done, total) before the first and after each one is dealt with
    (when the loop asks for the next, so a `continue` counts too)."""
    if tick:
        tick(0, len(items))
    for n, x in enumerate(items, 1):
        yield x
        if tick:
            tick(n, len(items))


def auto_pairs(docs: Sequence[Doc], tick: Tick | None = None) -> list[Pair]:
    """Each summary with its plan; tick(done, total) is called as summaries are paired."""
    plans = [d for d in docs if d.kind == "plan"]
    summaries = [d for d in docs if d.kind == "summary"]
    sim = similarities(plans, summaries)
    out: list[Pair] = []
    used: set[str] = set()
    for i, s in enumerate(_ticking(summaries, tick)):
        key = issuer_key(s.issuer)
        if key is None:
            out.append(Pair(None, s, None, "auto", "总结未写明发文单位，无法配对"))
            continue
        same = [j for j, p in enumerate(plans) if issuer_key(p.issuer) == key]
        if not same:
            out.append(Pair(None, s, None, "auto", f"未找到{s.issuer}的计划"))
            continue
        timely = [j for j in same if _covers(plans[j], s.year)]
        if not timely:
            out.append(Pair(None, s, None, "auto", f"{s.issuer}没有{s.year}年或{s.year - 1}年的计划"))
            continue
        folder = s.path.rpartition("/")[0]  # on equal topics, a plan beside the summary wins
        j = max(timely, key=lambda j: (round(float(sim[i, j]), 6), plans[j].path.rpartition("/")[0] == folder, -j))
        if sim[i, j] < MIN_SIMILARITY:
            out.append(Pair(None, s, float(sim[i, j]), "auto",
                            f"{s.issuer}的计划与本总结主题不符（最接近：{plans[j].path}，相似度{sim[i, j]:.2f}）"))
            continue
        used.add(plans[j].path)
        out.append(Pair(plans[j], s, float(sim[i, j]), "auto",
                        f"同一发文单位，{_years(plans[j])}计划，主题相似度{sim[i, j]:.2f}"))
    out += [Pair(p, None, None, "auto", "未找到对应的总结") for p in plans if p.path not in used]
    return out


def _years(plan: Doc) -> str:
    if plan.year is None:
        return "年份不详的"
    if plan.year_from and plan.year_from != plan.year:
        return f"{plan.year_from}—{plan.year}年"
    return f"{plan.year}年"


def _covers(plan: Doc, year: int | None) -> bool:
    """A summary of year reports on a plan of that year or of the year before (a plan for
    2024—2026 covers 2024 to 2027)."""
    if year is None or plan.year is None:
        return True
    first = plan.year_from or plan.year
    return first <= year <= plan.year + 1


def file_pairs(path: str | Path, docs: Sequence[Doc], tick: Tick | None = None) -> list[Pair]:
    """Pairs given in a CSV file with the columns plan and summary (paths as in documents.path);
    tick(done, total) is called as its lines are matched."""
    by_path = {d.path: d for d in docs}
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            if not reader.fieldnames or not {"plan", "summary"} <= set(reader.fieldnames):
                raise BatchError(path, "needs a header row with the columns plan and summary")
            out = []
            for line, row in enumerate(_ticking(list(reader), tick), 2):
                got = [by_path.get((row.get(c) or "").strip()) for c in ("plan", "summary")]
                for c, d in zip(("plan", "summary"), got):
                    if d is None:
                        raise BatchError(path, f"line {line}: {c} {row.get(c)!r} is not a document of this archive "
                                               "(use the paths of documents.parquet)")
                out.append(Pair(got[0], got[1], None, "file", f"{Path(path).name}第{line}行指定"))
            return out
    except OSError as e:
        raise BatchError(path, f"cannot read the pairs file: {e.strerror}") from None
    except (UnicodeDecodeError, csv.Error) as e:
        raise BatchError(path, f"not a UTF-8 CSV file ({e})") from None

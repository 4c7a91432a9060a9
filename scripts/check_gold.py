"""Check hand-made gold files (docs/annotation.md): every item can be found in its document,
every value is one the format allows.  It says nothing about whether the gold is right.

    .venv/bin/python scripts/check_gold.py corpus/dev
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from policytext.evaluation.anchors import AnchorError, Squashed, locate
from policytext.ingest import read

KINDS = {"plan", "summary"}
ISSUERS = {"party", "government", "school", "hospital", "community", "enterprise", "court", "procuratorate",
           "rectification", "other"}
SHAPES = {"nested", "continuous", "inline", "table", "hard_wrap", "one_line", "mixed_punct", "addressee",
          "reordered"}
PERIODS = {"year", "half_year", "quarter", "month", "half_month", "week", "day", "term", "once", "total"}
COMPARATORS = {">=", "<=", "==", None}
DATE_KINDS = {"deadline", "event", "period", "effective"}
RECURRING = {"year", "quarter", "month", "week", None}
ROLES = {"lead", "support", "responsible"}
UNIT_KINDS = {"unit", "post", "person"}
STATUSES = {"implemented", "partial", "missing"}
FLAGS = {"quota_unmet", "placeholder", "future_only", "negated", "deadline_missed", "weak_evidence"}
QUOTA_KEYS = {"text", "period", "every", "comparator", "value", "value_max", "unit", "per_year", "placeholder",
              "baseline"}
DATE_KEYS = {"text", "kind", "date", "date_from", "recurring", "relative"}
UNIT_KEYS = {"text", "role", "kind"}


def _iso(v) -> bool:
    if v is None:
        return True
    if not isinstance(v, str) or len(v) not in (7, 10):
        return False
    parts = v.split("-")
    return all(p.isdigit() for p in parts) and len(parts) == (2 if len(v) == 7 else 3)


def check_item(field: str, item: dict) -> list[str]:
    errs = []
    need = {"quotas": QUOTA_KEYS, "dates": DATE_KEYS, "units": UNIT_KEYS}[field]
    missing = need - set(item)
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
    if field == "quotas":
        if item.get("period") not in PERIODS:
            errs.append(f"period {item.get('period')!r}")
        if item.get("comparator") not in COMPARATORS:
            errs.append(f"comparator {item.get('comparator')!r}")
        if not isinstance(item.get("every", 1), int):
            errs.append("every must be an integer")
        if item.get("placeholder") and item.get("value") is not None:
            errs.append("a placeholder has value null")
    elif field == "dates":
        if item.get("kind") not in DATE_KINDS:
            errs.append(f"kind {item.get('kind')!r}")
        if item.get("recurring") not in RECURRING:
            errs.append(f"recurring {item.get('recurring')!r}")
        if not (_iso(item.get("date")) and _iso(item.get("date_from"))):
            errs.append("date and date_from are YYYY-MM-DD, YYYY-MM or null")
    elif field == "units":
        if item.get("role") not in ROLES:
            errs.append(f"role {item.get('role')!r}")
        if item.get("kind") not in UNIT_KINDS:
            errs.append(f"kind {item.get('kind')!r}")
    return errs


def check_gold(gold_path: Path) -> list[str]:
    errs: list[str] = []
    doc_path = gold_path.with_name(gold_path.name[: -len(".gold.json")])
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as e:
        return [f"{gold_path}: not JSON ({e})"]
    if gold.get("format") != "policytext-gold/2":
        return [f"{gold_path}: format must be policytext-gold/2"]
    doc = read(doc_path)
    sq = Squashed.of(doc.text)
    meta = gold.get("document", {})
    if meta.get("kind") not in KINDS:
        errs.append(f"{gold_path}: document.kind {meta.get('kind')!r}")
    if meta.get("issuer_kind") not in ISSUERS:
        errs.append(f"{gold_path}: document.issuer_kind {meta.get('issuer_kind')!r}")
    bad_shapes = set(meta.get("shapes", [])) - SHAPES
    if bad_shapes:
        errs.append(f"{gold_path}: unknown shapes {sorted(bad_shapes)}")
    paths = [t.get("path") for t in gold.get("tasks", [])]
    for t in gold.get("tasks", []):
        if not t.get("path") or "marker" not in t or "heading" not in t:
            errs.append(f"{gold_path}: task {t} needs path, marker and heading")
        parent = t["path"].rsplit("/", 1)[0] if "/" in t.get("path", "") else None
        if parent and parent not in paths:
            errs.append(f"{gold_path}: task {t['path']} has no parent {parent} listed")
        if t.get("heading") and "".join(t["heading"].split()) not in sq.text:
            errs.append(f"{gold_path}: task {t['path']} heading {t['heading'][:20]!r} is not in the document")
    for field in ("quotas", "dates", "units"):
        for item in gold.get(field, []):
            where = f"{gold_path}: {field} {item.get('text')!r}"
            errs += [f"{where}: {e}" for e in check_item(field, item)]
            try:
                locate(sq, item.get("text") or "", item.get("context"))
            except AnchorError as e:
                errs.append(f"{where}: {e}")
    return errs


def check_pair(pair_path: Path) -> list[str]:
    errs: list[str] = []
    body = json.loads(pair_path.read_text(encoding="utf-8"))
    plan = pair_path.parent / body.get("plan", "")
    summary = pair_path.parent / body.get("summary", "")
    for p in (plan, summary):
        if not p.is_file():
            errs.append(f"{pair_path}: no file {p.name}")
    if errs:
        return errs
    if body.get("split") != Path(pair_path).parent.name:
        errs.append(f"{pair_path}: split must be the name of its folder ({Path(pair_path).parent.name})")
    sq = Squashed.of(read(plan).text)
    labels = body.get("labels")
    if not isinstance(labels, list) or not labels:
        return errs + [f"{pair_path}: labels must be a non-empty list"]
    for lab in labels:
        where = f"{pair_path}: label {lab.get('path') or lab.get('anchor')!r}"
        if lab.get("status") not in STATUSES:
            errs.append(f"{where}: status {lab.get('status')!r}")
        bad = set(lab.get("flags", [])) - FLAGS
        if bad:
            errs.append(f"{where}: unknown flags {sorted(bad)}")
        if lab.get("status") == "partial" and not lab.get("flags"):  # missing and never mentioned: no flag
            errs.append(f"{where}: a partial label needs a flag saying why")
        try:
            locate(sq, lab.get("anchor") or "")
        except AnchorError as e:
            errs.append(f"{where}: anchor: {e}")
    return errs


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    errs: list[str] = []
    n = 0
    for folder in map(Path, argv):
        for g in sorted(folder.glob("*.gold.json")):
            n += 1
            errs += check_gold(g)
        for p in sorted(folder.glob("*.pair.json")):
            n += 1
            errs += check_pair(p)
    for e in errs:
        print(e)
    print(f"{n} files checked, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Write a DRAFT gold file for a document, to be checked and corrected by hand.

    python scripts/draft_gold.py DOC [DOC ...] --out DIR            # everything
    python scripts/draft_gold.py DOC [DOC ...] --out DIR --fields   # only quotas/deadlines/units/slogans,
                                                                   # keeping the reviewed tasks

Gold is what a person confirmed, not what the tool said: after drafting, read every item
against the document, fix what is wrong, add what was missed, and only then commit the
file. `make eval` scores the tool against these files.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from policytext import analyze, read
from policytext.evaluation.extraction import FIELD_KEYS


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--fields", action="store_true", help="draft only the extracted fields")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for doc_path in args.docs:
        result = analyze(read(doc_path)).to_dict()
        target = args.out / f"{doc_path.name}.gold.json"
        if args.fields:
            gold = json.loads(target.read_text(encoding="utf-8"))
        else:
            gold = dict(result)
            gold["document"] = {k: result["document"][k] for k in ("format", "kind", "title")}
            gold["warnings"] = [{"code": w["code"]} for w in result["warnings"]]
        for field, keys in FIELD_KEYS.items():
            gold[field] = [{k: item[k] for k in keys if k in item} for item in result[field]]
        target.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("drafted", target)


if __name__ == "__main__":
    main()

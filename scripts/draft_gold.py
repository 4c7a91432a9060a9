"""Write a DRAFT gold file for a document, to be checked and corrected by hand.

    python scripts/draft_gold.py DOC [DOC ...] --out DIR

Gold is what a person confirmed, not what the tool said: after drafting, read every task
against the document, fix paths/headings, and only then commit the file. `make eval`
scores the tool against these files.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from policytext import analyze, read


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for doc_path in args.docs:
        result = analyze(read(doc_path)).to_dict()
        result["document"] = {k: result["document"][k] for k in ("format", "kind", "title")}
        result["warnings"] = [{"code": w["code"]} for w in result["warnings"]]
        target = args.out / f"{doc_path.name}.gold.json"
        target.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print("drafted", target)


if __name__ == "__main__":
    main()

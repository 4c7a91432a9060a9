"""Rebuild what models/ ships besides the lexicons:

- models/jieba_userdict.txt: every formula, unit and role word of the lexicons, so that
  jieba keeps 三会一课 or 党组理论学习中心组 whole;
- models/policytext_zh/: the spaCy pipeline of policytext.nlp(), loadable offline with
  spacy.load(path).

    python scripts/build_models.py [--models DIR]
"""
from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def userdict_lines() -> list[str]:
    from policytext import lexicon

    units = lexicon.units()
    words = list(lexicon.slogans()) + sorted(units.names) + [w for w in units.suffixes + units.roles if len(w) >= 2]
    return [f"{w} 20000 n" for w in dict.fromkeys(words)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", type=Path, default=ROOT / "models")
    args = ap.parse_args()
    os.environ["POLICYTEXT_MODELS"] = str(args.models)
    (args.models / "jieba_userdict.txt").write_text("\n".join(userdict_lines()) + "\n", encoding="utf-8")
    import policytext

    target = args.models / "policytext_zh"
    shutil.rmtree(target, ignore_errors=True)
    policytext.nlp().to_disk(target)
    print(f"wrote {args.models / 'jieba_userdict.txt'} and {target}/")


if __name__ == "__main__":
    main()

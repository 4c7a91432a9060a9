"""Score a blind round's pairs with the frozen code, before anyone reads them
(docs/blind_brief.md says how a round is written).

    .venv/bin/python scripts/score_blind.py blind134 /work/staging/blind134/hA /work/staging/blind134/hB …

Checks out the tag SPLIT-freeze (made when the round's writers started) in a temporary git
worktree, copies the writers' plan_*, summary_* and *.pair.json files into corpus/SPLIT/ there,
runs scripts/check_gold.py and then `policytext eval --no-scans --split corpus/SPLIT --train
corpus/dev` with the frozen code, and copies the files and the evaluation, as printed, to
corpus/SPLIT/ and corpus/SPLIT/FIRST_SCORE.log of this checkout.  It refuses a split that is
already here (a first score is made once) and writes nothing here when the gold does not check.
The split's README, and SPLITS/UNOPENED in policytext/cli.py, are the scorer's to write.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = ("plan_*", "summary_*", "*.pair.json")


def _run(args: list[str], cwd: Path, env_src: Path | None = None, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(env_src)} if env_src is not None else None
    return subprocess.run(args, cwd=cwd, env=env, text=True, **kw)


def score(split: str, sources: list[Path]) -> int:
    target = ROOT / "corpus" / split
    if target.exists():
        print(f"score_blind: {target} exists: a split is scored blind once", file=sys.stderr)
        return 2
    files = [f for src in sources for pattern in PATTERNS for f in sorted(src.glob(pattern))]
    if not files:
        print(f"score_blind: no plan_*, summary_* or *.pair.json files in {', '.join(map(str, sources))}", file=sys.stderr)
        return 2
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        print("score_blind: two writers used the same file name", file=sys.stderr)
        return 2
    tag = f"{split}-freeze"
    if _run(["git", "rev-parse", "--verify", "--quiet", tag], ROOT, capture_output=True).returncode:
        print(f"score_blind: no tag {tag}: freeze the code (git tag {tag}) before the round is written", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "frozen"
        _run(["git", "worktree", "add", "--detach", "--quiet", str(tree), tag], ROOT, check=True)
        try:
            frozen_split = tree / "corpus" / split
            frozen_split.mkdir(parents=True)
            for f in files:
                shutil.copy2(f, frozen_split / f.name)
            python, src = sys.executable, tree / "src"
            checked = _run([python, "scripts/check_gold.py", f"corpus/{split}"], tree, src)
            if checked.returncode:
                print(f"score_blind: the gold of {split} does not check; nothing written", file=sys.stderr)
                return 2
            code = "import sys; from policytext.cli import main; sys.argv[0] = 'policytext'; main()"
            run = _run([python, "-c", code, "eval", "--no-scans", "--split", f"corpus/{split}", "--train", "corpus/dev"],
                       tree, src, capture_output=True)
            if run.returncode:
                print(f"score_blind: the evaluation failed:\n{run.stderr}", file=sys.stderr)
                return 2
            shutil.copytree(frozen_split, target)
            (target / "FIRST_SCORE.log").write_text(run.stdout, encoding="utf-8")
        finally:
            _run(["git", "worktree", "remove", "--force", str(tree)], ROOT)
    print(f"wrote {len(files)} files and FIRST_SCORE.log to {target} (scored by {tag})")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not argv[0].startswith("blind"):
        usage = next(line.strip() for line in __doc__.splitlines() if "score_blind.py" in line)
        print(f"usage: {usage}", file=sys.stderr)
        return 2
    return score(argv[0], [Path(a) for a in argv[1:]])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

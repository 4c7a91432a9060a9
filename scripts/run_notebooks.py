"""Execute the notebooks headless, the way the test suite and `make notebooks` do.

The kernel is this interpreter (a kernelspec made for the run, so a user-wide "python3"
kernel pointing at another Python is never picked up).  Executed copies, outputs included,
go to OUT (default out/notebooks/); the committed notebooks stay without outputs.

    python scripts/run_notebooks.py [NOTEBOOK ...] [--out DIR]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "policytext-run"
TIMEOUT = 600  # seconds a cell may take: notebook 03 runs a batch over the corpus


@contextlib.contextmanager
def this_kernel() -> Iterator[str]:
    """A kernelspec for sys.executable, found first on JUPYTER_PATH while the block runs."""
    with tempfile.TemporaryDirectory(prefix="policytext-kernel-") as tmp:
        spec = Path(tmp) / "kernels" / KERNEL
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "policytext", "language": "python"}), encoding="utf-8")
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join([tmp] + ([old] if old else []))
        try:
            yield KERNEL
        finally:
            if old is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = old


def execute(path: Path, extra_cells: tuple[str, ...] = ()):
    """The notebook at path, executed in notebooks/ (with extra_cells appended), outputs in it.
    A cell that raises stops the run with nbclient's CellExecutionError."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    for source in extra_cells:
        nb.cells.append(nbformat.v4.new_code_cell(source))
    with this_kernel() as kernel:
        NotebookClient(nb, timeout=TIMEOUT, kernel_name=kernel,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def main() -> int:
    import nbformat

    ap = argparse.ArgumentParser()
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "notebooks")
    args = ap.parse_args()
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("POLICYTEXT_NOTEBOOK_OUT", str(args.out))
    for p in paths:
        nb = execute(p.resolve())
        target = args.out / p.name
        nbformat.write(nb, target)
        print(f"{p.name}: executed, {sum(len(c.get('outputs', [])) for c in nb.cells)} outputs → {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

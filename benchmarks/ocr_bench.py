"""make bench, OCR part: pages/s for scanned PDFs (in process, and batch runs at --jobs 1 and 2),
and .doc files/s through LibreOffice.  Scans are made by policytext.scans from corpus plans."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import policytext
from policytext.ingest import ocr as O
from policytext.ingest.convert import soffice
from policytext.evaluation.scans import NOISY, render, to_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PLANS = ["plan_tax_party_2024.txt", "plan_health_integrity_2025.txt", "plan_edu_safety_2025.txt",
         "plan_street_governance_2025.txt"]


def _scans(folder: Path, copies: int) -> int:
    """copies x the plans as noisy scans; returns the pages written."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = 0
    for name in PLANS:
        images = render(policytext.read(CORPUS / name), NOISY)
        data = to_pdf(images, NOISY.dpi)
        for k in range(copies):
            (folder / f"{Path(name).stem}_{k}.pdf").write_bytes(data)
            pages += len(images)
    return pages


def bench_in_process(folder: Path) -> None:
    files = sorted(folder.glob("*.pdf"))[:len(PLANS)]
    policytext.read(files[0])  # load the models once, as a batch worker does
    t = time.perf_counter()
    pages = sum(policytext.read(f).pages for f in files)
    dt = time.perf_counter() - t
    print(f"ocr   in process (onnxruntime on all cores): {pages} pages in {dt:.1f} s = {pages / dt:.2f} pages/s "
          f"({dt / pages:.2f} s/page), peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def bench_batch(folder: Path, pages: int, jobs: int, tmp: Path) -> float:
    out = tmp / f"out{jobs}"
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "policytext.cli", "batch", str(folder), "-o", str(out), "--jobs", str(jobs)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dt = time.perf_counter() - t
    docs = policytext.read_results(out)["documents"]
    assert int(docs["ocr_pages"].sum()) == pages, "every page should have been read by OCR"
    print(f"ocr   batch --jobs {jobs}: {len(docs)} scans, {pages} pages in {dt:.1f} s = {pages / dt:.2f} pages/s")
    return dt


def bench_doc(tmp: Path, n: int = 6) -> None:
    if soffice() is None:
        print("doc   skipped: LibreOffice is not installed")
        return
    src = ROOT / "tests" / "data" / "plan_transport.doc"
    files = []
    for k in range(n):
        files.append(tmp / f"doc{k}.doc")
        shutil.copy(src, files[-1])
    t = time.perf_counter()
    for f in files:
        policytext.read(f)
    dt = time.perf_counter() - t
    print(f"doc   through LibreOffice (a fresh profile each): {n / dt:.2f} files/s ({dt / n:.2f} s/file)")


def main() -> None:
    if not O.available():
        print(f"ocr   skipped: the OCR extra is not installed ({O.INSTALL})")
        return
    with tempfile.TemporaryDirectory(prefix="policytext-ocr-bench-") as tmp:
        folder = Path(tmp) / "scans"
        pages = _scans(folder, copies=2)
        bench_in_process(folder)
        t1 = bench_batch(folder, pages, 1, Path(tmp))
        t2 = bench_batch(folder, pages, 2, Path(tmp))
        print(f"ocr   --jobs 2 speed-up {t1 / t2:.2f}x (each worker given {max(1, (os.cpu_count() or 1) // 2)} "
              "onnxruntime thread(s))")
        bench_doc(Path(tmp))


if __name__ == "__main__":
    main()

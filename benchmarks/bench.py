"""make bench: ingest + outline throughput next to jieba.lcut and pdfplumber, same input, same run.

Figures are printed, never asserted: speed is measured here, not in the test suite.
"""
from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

import policytext

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_txt(tmp: Path, target_mb: float = 6.0, rounds: int = 3) -> None:
    """A 6 MB .txt: jieba.lcut, ingest+outline, full extraction in process, and
    `policytext extract FILE -o DIR` as a whole process (start, JSON written), each on the same
    whole text, interleaved round by round (so drift in the machine's speed hits all alike),
    and compared by their medians."""
    import statistics
    import subprocess
    import sys

    import jieba

    texts = [policytext.read(p).text for p in sorted(CORPUS.glob("*.txt"))]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        texts += [policytext.read(p).text for p in sorted(seeds.glob("*.txt"))]
    block = "\n".join(texts)
    text = block * max(1, round(target_mb * 1e6 / len(block.encode("utf-8"))))
    path = tmp / "bench.txt"
    path.write_text(text, encoding="utf-8")
    mb = path.stat().st_size / 1e6
    cli = [str(Path(sys.executable).with_name("policytext")), "extract", str(path), "-o", str(tmp / "out")]

    def timed(fn) -> float:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    jieba.setLogLevel(60)
    jieba.lcut("预热分词词典")  # dictionary load is not throughput
    policytext.analyze(policytext.from_text(block))  # warm the lexicons, as a long-lived process has them
    runs: dict[str, list[float]] = {"jieba": [], "outline": [], "ours": [], "cli": []}
    for _ in range(rounds):
        runs["jieba"].append(timed(lambda: jieba.lcut(text)))
        runs["outline"].append(timed(lambda: policytext.build_outline(policytext.read(path))))
        runs["ours"].append(timed(lambda: policytext.analyze(policytext.read(path))))
        runs["cli"].append(timed(lambda: subprocess.run(cli, check=True, capture_output=True)))
    med = {k: statistics.median(v) for k, v in runs.items()}
    tracemalloc.start()
    policytext.analyze(policytext.read(path))
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"txt   {mb:6.1f} MB, {rounds} interleaved rounds, medians   jieba.lcut {mb / med['jieba']:6.2f} MB/s\n"
          f"      ingest+outline      {mb / med['outline']:7.2f} MB/s   ratio {med['jieba'] / med['outline']:5.1f}x\n"
          f"      full extraction     {mb / med['ours']:7.2f} MB/s   ratio {med['jieba'] / med['ours']:5.1f}x "
          f"(aim >= 10x in process)   peak traced memory {peak:.0f} MB ({peak / mb:.1f}x input)\n"
          f"      policytext extract  {mb / med['cli']:7.2f} MB/s   ratio {med['jieba'] / med['cli']:5.1f}x "
          f"(aim >= 5x: the whole CLI process, JSON written)")


def bench_pdf(tmp: Path, source: Path, copies: int, label: str) -> None:
    import pdfplumber
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(source))
    big = pdfium.PdfDocument.new()
    for _ in range(copies):
        big.import_pages(src)
    path = tmp / "bench.pdf"
    big.save(str(path))
    pages = len(big)

    t_ours = best_of(lambda: policytext.analyze(policytext.read(path)))
    chars = len(policytext.read(path).text) / pages
    sub = 40

    def plumber():
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages[:sub]:
                page.extract_text()

    t_plumber = best_of(plumber, repeat=1) * pages / sub
    print(f"pdf   {label:6} {chars:5.0f} chars/page, {pages:4d} pages  ingest+outline {pages / t_ours:7.1f} pages/s   pdfplumber.extract_text {pages / t_plumber:6.1f} pages/s"
          f"   ratio {t_plumber / t_ours:5.1f}x (aim >= 20x)")


def _sized(paths, chars: int) -> str:
    """Documents of one kind joined (repeated when needed) to about chars characters."""
    texts = [policytext.read(p).text for p in paths]
    out, k = [], 0
    while sum(map(len, out)) < chars:
        out.append(texts[k % len(texts)])
        k += 1
    return "\n\n".join(out)[:chars]


def bench_compare(chars: int = 10_000) -> None:
    """Pairs/s for a plan and a summary of chars characters each, in process, one core:
    reading both from strings, their analysis, and the judging."""
    from policytext.analysis import analyze
    from policytext.compare import StatusModel
    from policytext.comparison import compare

    plan_text = _sized(sorted(CORPUS.glob("plan_*.txt")) + [CORPUS / "plan_transport_style_2024.docx"], chars)
    summary_text = _sized(sorted(CORPUS.glob("summary_*.txt")), chars)
    model = StatusModel.load()
    compare(policytext.from_text(plan_text), policytext.from_text(summary_text), model=model)  # warm jieba, caches
    n = 20

    def run_all() -> None:
        for _ in range(n):
            compare(policytext.from_text(plan_text), policytext.from_text(summary_text), model=model)

    t = best_of(run_all, 3) / n
    plan_a, summary_a = analyze(policytext.from_text(plan_text)), analyze(policytext.from_text(summary_text))
    t_judge = best_of(lambda: [compare(plan_a, summary_a, model=model) for _ in range(n)], 3) / n
    c = compare(plan_a, summary_a, model=model)
    tracemalloc.start()
    compare(policytext.from_text(plan_text), policytext.from_text(summary_text), model=model)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"compare {len(plan_text)}-char plan ({len(c.items)} tasks) vs {len(summary_text)}-char summary: "
          f"{1 / t:5.1f} pairs/s ({t * 1000:.0f} ms/pair; judging alone {t_judge * 1000:.0f} ms)   "
          f"aim >= 20 pairs/s   peak traced {peak:.0f} MB")
    import subprocess
    import sys

    for big, aim in ((60_000, "aim < 5 s"), (200_000, "aim < 2 s and < 500 MB")):
        # a fresh process each: peak memory is the process's own
        subprocess.run([sys.executable, __file__, "compare-one", str(big), aim], check=True)


def bench_compare_one(chars: str, aim: str) -> None:
    """One pair of chars characters each, from strings: seconds and the peak resident memory
    it added to the process (its tasks x sentences arrays are what grows)."""
    import resource

    from policytext.compare import StatusModel
    from policytext.comparison import compare

    n = int(chars)
    plan_text = _sized(sorted(CORPUS.glob("plan_*.txt")) + [CORPUS / "plan_transport_style_2024.docx"], n)
    summary_text = _sized(sorted(CORPUS.glob("summary_*.txt")), n)
    model = StatusModel.load()
    compare(policytext.from_text(plan_text[:3000]), policytext.from_text(summary_text[:3000]), model=model)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    c = compare(policytext.from_text(plan_text), policytext.from_text(summary_text), model=model)
    t = time.perf_counter() - t0
    added = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) / 1024
    print(f"compare {n}-char plan ({len(c.items)} tasks) vs {n}-char summary: {t:.2f} s, "
          f"peak memory +{added:.0f} MB   {aim}")


def _txt() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bench_txt(Path(tmp))


def _pdf() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bench_pdf(Path(tmp), CORPUS / "plan_datagov_2024.pdf", 50, "16pt")
        bench_pdf(Path(tmp), ROOT / "benchmarks" / "data" / "corpus_dense.pdf", 25, "10.5pt")


def _batch() -> None:
    import batch_bench

    batch_bench.main()


def _ocr() -> None:
    import ocr_bench

    ocr_bench.main()


SECTIONS = {"compare": bench_compare, "batch": _batch, "txt": _txt, "pdf": _pdf, "ocr": _ocr}


def main() -> None:
    """Each section in a fresh process: what one leaves in memory (a larger heap for the
    garbage collector to walk) measurably slowed the next when they shared one."""
    import subprocess
    import sys

    names = sys.argv[1:] or list(SECTIONS)
    if names[0] == "compare-one":
        bench_compare_one(*names[1:])
        return
    if len(names) == 1:
        SECTIONS[names[0]]()
        return
    for name in names:
        subprocess.run([sys.executable, __file__, name], check=True)


if __name__ == "__main__":
    main()

"""Rebuild the generated files in corpus/ from scripts/corpus_src/.

    python scripts/make_corpus.py        # needs python-docx and LibreOffice (soffice) with CJK fonts

Generated: plan_transport_style_2024.docx (Word auto-numbering in Chinese formats and a
task table), plan_datagov_2024.pdf (a plan printed through LibreOffice, with a running
header and "— N —" page numbers), and text files in the encodings real archives use.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from docxgen import CHINESE_OFFICIAL, DocxBuilder  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "scripts" / "corpus_src"
CORPUS = ROOT / "corpus"


def build_numbered_docx(src: Path, out: Path) -> None:
    b = DocxBuilder()
    num, _ = b.add_list(CHINESE_OFFICIAL)
    table: list[list[str]] = []
    for line in src.read_text(encoding="utf-8").splitlines():
        tag, _, text = line.partition(" ")
        if tag == "=":
            b.para(text, center=True, bold=True)
        elif tag == ".":
            b.para(text)
        elif tag == "T":
            table.append(text.split("|"))
        else:
            b.para(text, num=(num, int(tag)))
    if table:
        b.table(table)
    b.save(out)


def build_pdf(src: Path, out: Path) -> None:
    b = DocxBuilder()
    lines = src.read_text(encoding="utf-8").splitlines()
    b.header_footer("江州市数据资源局文件", page_numbers=True)
    b.para(lines[0], center=True, bold=True)
    for line in lines[1:]:
        if line.strip():
            b.para(line)
    b.save_pdf(out)


def build_dense_bench_pdf(out: Path) -> None:
    """All corpus text at 10.5pt (about 1,200 characters a page) for make bench."""
    b = DocxBuilder(size=10.5)
    for src in sorted(SRC.glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        raw = src.read_bytes()
        text = raw.decode("gb18030") if src.name == "summary_datagov_2024.txt" and src.parent == CORPUS else raw.decode("utf-8-sig")
        for line in text.splitlines():
            if line.strip():
                b.para(line)
    b.save_pdf(out)


def main() -> None:
    build_numbered_docx(SRC / "plan_transport_style_2024.src", CORPUS / "plan_transport_style_2024.docx")
    build_pdf(SRC / "plan_datagov_2024.txt", CORPUS / "plan_datagov_2024.pdf")
    rules = (SRC / "plan_eco_study_rules.txt").read_text(encoding="utf-8")
    (CORPUS / "plan_eco_study_rules.txt").write_bytes(b"\xef\xbb\xbf" + rules.replace("\n", "\r\n").encode("utf-8"))
    datagov = (SRC / "summary_datagov_2024.txt").read_text(encoding="utf-8")
    (CORPUS / "summary_datagov_2024.txt").write_bytes(datagov.encode("gb18030"))
    (ROOT / "benchmarks" / "data").mkdir(exist_ok=True)
    build_dense_bench_pdf(ROOT / "benchmarks" / "data" / "corpus_dense.pdf")
    print("corpus rebuilt in", CORPUS)


if __name__ == "__main__":
    main()

"""Every kind of bad and hostile input, and what policytext does with it: one table, and
docs/bad_input.md lists the same kinds with the same outcomes (a test below keeps them equal).

A row is (kind, maker, via, outcome, pattern).  via says how the input is given: "read"
(policytext.read), "cli" (`policytext extract -- FILE`), "batch" (run_batch over an archive
folder that also holds a good plan, which must still be read), "batch-cli" (`policytext batch`
on a broken output folder) or "unprivileged" (policytext.read, or `policytext batch` for a
folder, as an unprivileged user: the tests run as root, whom permissions do not stop).  outcome is READ or an error code;
pattern must be found in the text read, the table of documents read, or the error's reason.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import policytext
from policytext.batch import read_results, run_batch
from policytext.cli import cli
from policytext.errors import PolicyTextError
from policytext.ingest import archive as A
from tests import bad_input_makers as M
from tests.conftest import DATA, ROOT

READ = "read"
DOC = ROOT / "docs" / "bad_input.md"
FIRST = "关于开展节能降碳专项行动的工作方案"  # the first line of M.PLAN
U = M.PLAN.encode("utf-8")

KINDS = [
    # encodings
    ("undecodable bytes in a .txt", M.text_file(b"plan 2024\n" + b"\xff\xfe\xfd\x80\x81" * 50), "read", "decode_error", "undecodable"),
    ("mixed encodings (UTF-8 and GBK lines)", M.text_file(U + "二、国标码保存的内容\n".encode("gbk")), "read", "decode_error",
     r"mixed encodings: line 1 is UTF-8 but line \d+"),
    ("UTF-16 LE without a byte-order mark", M.text_file(M.PLAN.encode("utf-16-le")), "read", READ, FIRST),
    ("UTF-16 BE without a byte-order mark", M.text_file(M.PLAN.encode("utf-16-be")), "read", READ, FIRST),
    ("NUL bytes in a UTF-8 text", M.text_file(U[:90] + b"\0" + U[90:]), "read", "decode_error", "NUL bytes"),
    ("a control character (ESC) in a text", M.text_file(U.replace(b"\n", b"\n\x1b[31m", 1)), "read", "decode_error",
     "control character U\\+001B"),
    ("binary disguised as .txt (a PNG)", M.text_file(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "read", "decode_error",
     "not a text file"),
    ("a PDF renamed .txt", M.corpus_copy("plan_datagov_2024.pdf", "plan.txt"), "read", "decode_error", "not a text file"),
    ("a .docx renamed .txt", M.corpus_copy("plan_transport_style_2024.docx", "plan.txt"), "read", "decode_error",
     "not a text file"),
    ("empty file", M.text_file(b""), "read", "empty", "file is empty"),
    ("white space only (spaces, U+3000, CRLF)", M.text_file(" \t\r\n\u3000\u3000\r\n".encode("utf-8")), "read", "empty",
     "only white space"),
    ("a byte-order mark and nothing else", M.text_file(b"\xef\xbb\xbf"), "read", "empty", "only white space"),
    ("a 50 MB single line", M.text_file(U + "每月开展1次集中学习".encode("utf-8") * 1_750_000), "read", READ,
     "集中学习每月开展"),
    # truncations
    *[(f".docx cut at {int(f * 100)}%", M.cut(M.docx, f, ".docx"), "read", "corrupt", "damaged")
      for f in (0.1, 0.5, 0.95)],
    *[(f".pdf cut at {int(f * 100)}%", M.cut(M.corpus_copy("plan_datagov_2024.pdf"), f, ".pdf"), "read", "corrupt",
       "damaged PDF")
      for f in (0.1, 0.5, 0.9, 0.999)],
    *[(f".zip cut at {int(f * 100)}% in an archive", M.zip_cut(f), "batch", "corrupt", "not a readable zip archive")
      for f in (0.1, 0.5, 0.95)],
    # zip bombs and sizes
    (".docx member declaring 3 GB", lambda d: M.declared_size(d, "bomb.docx", "word/document.xml", 3 << 30), "read",
     "hostile", "declares more than 256 MB"),
    (".docx member inflating past its declared size", lambda d: M.declared_size(d, "lie.docx", "word/document.xml", 100),
     "read", "corrupt", "Bad CRC-32"),
    (".docx with 6,000 members", M.many_members, "read", "hostile", "6011 zip members"),
    (".docx of repeated text compressing 300:1 and more", M.repetitive_docx, "read", READ, "按时报送学习记录。\n每月"),
    ("archive member declaring 3 GB", M.zip_declaring(3 << 30), "batch", "too_large", "3072 MB once inflated"),
    ("zip inside a zip (nested bomb)", M.archive({"inner.zip": M.nested_zip()}), "batch", "unsupported_format",
     "a zip inside a zip archive is not opened"),
    ("archive member padded with 3 MB of blank lines (1000:1)", M.archive({"rep.txt": M.PLAN + "\n" * 3_000_000}),
     "batch", READ, "a.zip!rep.txt"),
    # paths in archives
    ("archive member ../evil.txt", M.archive({"../evil.txt": M.PLAN}), "batch", "hostile", "points outside the archive"),
    ("archive member a/../../evil.txt", M.archive({"a/../../evil.txt": M.PLAN}), "batch", "hostile",
     "points outside the archive"),
    ("archive member with an absolute path", M.archive({"/etc/evil.txt": M.PLAN}), "batch", "hostile",
     "points outside the archive"),
    ("archive member C:/evil.txt", M.archive({"C:/evil.txt": M.PLAN}), "batch", "hostile", "points outside the archive"),
    ("symlink member in a zip", M.archive(links={"link.txt": "/etc/passwd"}), "batch", "hostile", "symbolic link"),
    ("symlink loop inside a zip", M.archive(links={"a.txt": "b.txt", "b.txt": "a.txt"}), "batch", "hostile",
     "symbolic link"),
    ("symlink loop of files in the archive folder", M.archive(extra=M.symlink_loop_on_disk), "batch", "unreadable",
     "Too many levels of symbolic links"),
    ("folder symlink loop in the archive folder", M.archive(extra=M.folder_loop_on_disk), "batch", READ, "^good.txt$"),
    # XML entities, in every XML part of a .docx
    *[(f"XXE in {part}", M.xxe(part), "read", "hostile", f"{re.escape(part)} declares a DOCTYPE") for part in M.XML_PARTS],
    *[(f"billion laughs in {part}", M.laughs(part), "read", "hostile", f"{re.escape(part)} declares a DOCTYPE")
      for part in M.XML_PARTS],
    ("DOCTYPE after a 10 KB comment", M.doctype_after_long_comment, "read", "hostile", "declares a DOCTYPE"),
    ("DOCTYPE in a UTF-16 part", M.utf16_part(True), "read", "hostile", "declares a DOCTYPE"),
    ("UTF-16 part without DOCTYPE", M.utf16_part(False), "read", READ, "（一）加强学习"),
    ("part declaring another encoding (UTF-7)",
     M.with_part("word/document.xml", M.PARTS["word/document.xml"].replace('"UTF-8"', '"UTF-7"')), "read", "corrupt",
     "declares encoding 'UTF-7'"),
    # malformed but zip-valid .docx
    ("document.xml whose root is not w:document",
     M.with_part("word/document.xml", M._w("<w:body>" + M._p("文本") + "</w:body>", "w:hdr")), "read", "corrupt",
     "not <w:document>"),
    ("document.xml without w:body", M.with_part("word/document.xml", M._w(M._p("文本"))), "read", "corrupt",
     "has no <w:body>"),
    ("document.xml not well-formed", M.with_part("word/document.xml", M.PARTS["word/document.xml"][:-20]), "read",
     "corrupt", "not well-formed XML"),
    ("main part missing from the package", lambda d: _without(M.docx(d), "word/document.xml"), "read", "corrupt",
     "main part word/document.xml is missing"),
    ("numbering w:ilvl not an integer",
     M.with_part("word/numbering.xml", M.PARTS["word/numbering.xml"].replace('w:ilvl="1"', 'w:ilvl="x"')), "read",
     "corrupt", "word/numbering.xml: w:ilvl 'x' is not an integer"),
    ("style w:ilvl not an integer",
     M.with_part("word/styles.xml", M.PARTS["word/styles.xml"].replace('w:val="1"', 'w:val="one"')), "read",
     "corrupt", "word/styles.xml: w:ilvl 'one' is not an integer"),
    ("paragraph w:ilvl not an integer",
     M.with_part("word/document.xml", M.PARTS["word/document.xml"].replace('w:ilvl w:val="0"', 'w:ilvl w:val="1.5"')),
     "read", "corrupt", "word/document.xml: w:ilvl '1.5' is not an integer"),
    ("numbering w:start out of range",
     M.with_part("word/numbering.xml", M.PARTS["word/numbering.xml"].replace('w:start w:val="1"', 'w:start w:val="99999999999"', 1)),
     "read", "corrupt", "w:start '99999999999' is out of range"),
    ("content controls nested 200 deep", M.sdt_nested(200), "read", READ, "嵌套内容控件里的任务"),
    ("XML nested 3,000 deep", M.sdt_nested(1500), "read", "hostile", "nests XML elements more than 2,048 deep"),
    ("a legacy .doc renamed .docx", lambda d: _copy(DATA / "doc_renamed.docx", d / "plan.docx"), "read",
     "unsupported_format", "legacy Word .doc"),
    ("a spreadsheet renamed .docx", lambda d: _copy(DATA / "xlsx_renamed.docx", d / "plan.docx"), "read",
     "unsupported_format", "not a Word document"),
    ("a PDF renamed .docx", M.corpus_copy("plan_datagov_2024.pdf", "plan.docx"), "read", "corrupt", "not a zip package"),
    # PDFs
    ("PDF with JavaScript", M.pdf_with_javascript, "read", READ, "数据"),
    ("PDF with a broken xref", M.pdf_broken_xref, "read", READ, "数据"),
    ("10,000-page PDF", M.pdf_pages(10_000), "read", "too_large", "10000 pages \\(limit 5000\\)"),
    ("a .docx renamed .pdf", M.corpus_copy("plan_transport_style_2024.docx", "plan.pdf"), "read", "corrupt",
     "not a PDF"),
    ("encrypted PDF", lambda d: _copy(DATA / "encrypted.pdf", d / "e.pdf"), "read", "encrypted", "needs a password"),
    # scanned images
    ("text saved as .png", M.text_file(U, "scan.png"), "read", "corrupt", "not a readable image"),
    ("a .png cut short", M.png_cut_short, "read", "corrupt", "damaged image"),
    ("a .png of 200 million pixels (decompression bomb)", M.png_bomb, "read", "too_large", "too many pixels"),
    # names, folders, permissions
    ("file name with a newline", M.text_file(U, "a\nb.txt"), "cli", READ, FIRST),
    ("file name with a newline, file empty", M.text_file(b"", "a\nb.txt"), "cli", "empty", "a\\\\nb.txt: file is empty"),
    ("file name with $(..)", M.text_file(U, "$(touch pwned).txt"), "cli", READ, FIRST),
    ("file name with ; and a command", M.text_file(U, "a; rm -rf x.txt"), "cli", READ, FIRST),
    ("file name with quotes", M.text_file(U, "it's \"quoted\".txt"), "cli", READ, FIRST),
    ("file name with spaces", M.text_file(U, "my plan 2024.txt"), "cli", READ, FIRST),
    ("file name with a leading -", M.text_file(U, "-plan.txt"), "cli", READ, FIRST),
    ("a folder named like a file", lambda d: (d / "dir.txt").mkdir() or d / "dir.txt", "read", "unreadable",
     "is a folder"),
    ("a missing file", lambda d: d / "missing.txt", "read", "unreadable", "no such file"),
    ("wrong extension (.rtf)", M.text_file(b"{\\rtf1 text}", "plan.rtf"), "read", "unsupported_format", "RTF"),
    ("no extension", M.text_file(U, "plan"), "read", "unsupported_format", "no extension"),
    ("unreadable permissions", lambda d: _chmod(M.text_file(U)(d), 0), "unprivileged", "unreadable",
     "permission denied"),
    # during a batch, and its output folder
    ("file deleted during a batch", lambda d: _during(M.archive(extra=_victim)(d), lambda f: f.unlink()), "batch",
     "changed", "deleted during the batch"),
    ("file changed during a batch", lambda d: _during(M.archive(extra=_victim)(d), _append), "batch", "changed",
     "changed during the batch"),
    ("zip replaced during a batch", lambda d: _during(M.archive({"plan.txt": M.PLAN})(d), _rezip), "batch",
     "changed", "the zip archive changed during the batch"),
    ("read-only output folder", lambda d: _chmod(d / "out", 0o555, mkdir=True), "unprivileged", "batch",
     "cannot keep the batch state here"),
    ("full disk: the batch state", lambda d: _full(d, ".policytext-batch.sqlite"), "batch-cli", "batch",
     "database or disk is full"),
    ("full disk: the tables", lambda d: _full(d, ".documents.parquet.tmp"), "batch-cli", "batch",
     "No space left on device"),
]


def _copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


def _without(p: Path, member: str) -> Path:
    import zipfile

    kept = {}
    with zipfile.ZipFile(p) as z:
        kept = {n: z.read(n) for n in z.namelist() if n != member}
    with zipfile.ZipFile(p, "w") as z:
        for n, data in kept.items():
            z.writestr(n, data)
    return p


def _chmod(p: Path, mode: int, mkdir: bool = False) -> Path:
    if mkdir:
        p.mkdir()
    p.chmod(mode)
    return p


def _victim(root: Path) -> None:
    (root / "victim.txt").write_text(M.PLAN, encoding="utf-8")


def _append(f: Path) -> None:
    with open(f, "a", encoding="utf-8") as fh:
        fh.write("三、新加的一段\n")


def _rezip(f: Path) -> None:
    import zipfile

    with zipfile.ZipFile(f, "w") as z:
        z.writestr("plan.txt", M.PLAN + "三、新加的一段\n")


def _during(root: Path, action) -> tuple[Path, object]:
    """The archive, and what happens to the victim (victim.txt or a.zip) just before it is read."""
    return root, action


def _full(d: Path, name: str) -> tuple[Path, Path]:
    """An archive and an output folder where one file the batch writes is /dev/full (ENOSPC)."""
    root = M.archive()(d)
    out = d / "out"
    out.mkdir()
    (out / name).symlink_to("/dev/full")
    return root, out


def _cli(*args: str):
    return CliRunner().invoke(cli, list(args))


def _unprivileged(fn) -> str:
    """fn() run by an unprivileged user (root reads and writes whatever the permissions say):
    in a fork of this process, so nothing needs loading from root's own folders, where the
    interpreter lives."""
    if os.geteuid() != 0:
        return fn()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os.write(w, fn().encode())
        finally:
            os._exit(0)
    os.close(w)
    with os.fdopen(r, encoding="utf-8") as fh:
        got = fh.read()
    os.waitpid(pid, 0)
    return got


def _read_error(path: Path) -> str:
    try:
        policytext.read(path)
    except PolicyTextError as e:
        return f"{e.code}\t{e}"
    return "read\t"


def _batch_cli(root: Path, out: Path) -> str:
    result = _cli("batch", str(root), "-o", str(out), "--jobs", "1")
    return f"{result.exit_code}\t{result.stderr}{result.exception if result.exit_code == 1 else ''}"


@pytest.fixture
def place():
    """A folder an unprivileged user can enter (pytest's tmp_path is root's alone)."""
    d = Path(tempfile.mkdtemp(prefix="policytext-bad-"))
    d.chmod(0o755)
    yield d
    subprocess.run(["chmod", "-R", "u+rwx", str(d)], check=False)
    subprocess.run(["rm", "-rf", str(d)], check=False)


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("policytext: ")
    return lines[0]


@pytest.mark.parametrize("kind, make, via, outcome, pattern", KINDS, ids=[k[0] for k in KINDS])
def test_bad_input(kind, make, via, outcome, pattern, place, monkeypatch):
    made = make(place)
    if via == "read":
        if outcome == READ:
            assert re.search(pattern, policytext.read(made).text)
            return
        with pytest.raises(PolicyTextError) as info:
            policytext.read(made)
        err = info.value
        assert (err.code, str(err).count("\n")) == (outcome, 0), str(err)
        assert re.search(pattern, err.reason), err.reason
        assert str(made) in str(err) and M.SECRET not in str(err)
    elif via == "cli":
        result = _cli("extract", "--", str(made))
        if outcome == READ:
            assert result.exit_code == 0, result.stderr
            assert FIRST in result.stdout
            assert not (Path.cwd() / "pwned").exists() and not (place / "pwned").exists()
        else:
            assert result.exit_code == 2
            assert re.search(pattern, _one_line(result.stderr))
    elif via == "unprivileged":
        if outcome == READ:
            raise AssertionError("only errors are checked unprivileged")
        # the same call once as root first, so that the modules it imports are loaded before
        # the unprivileged fork, which cannot read the interpreter's library under /root
        if made.is_file():
            _read_error(M.text_file(U, "warm.txt")(place))
            code, message = _unprivileged(lambda: _read_error(made)).split("\t", 1)
            assert code == outcome and str(made) in message and re.search(pattern, message), message
        else:
            root = M.archive()(place)
            _batch_cli(root, place / "warm")
            status, stderr = _unprivileged(lambda: _batch_cli(root, made)).split("\t", 1)
            assert status == "2" and re.search(pattern, _one_line(stderr)), stderr
    elif via == "batch-cli":
        root, out = made if isinstance(made, tuple) else (M.archive()(place), made)
        result = _cli("batch", str(root), "-o", str(out), "--jobs", "1")
        assert result.exit_code == 2, result.stderr
        assert re.search(pattern, _one_line(result.stderr.strip().splitlines()[-1]))
    else:
        root, action = made if isinstance(made, tuple) else (made, None)
        if action is not None:
            original = A.Source.read

            def read(src):
                if src.path in ("victim.txt", "a.zip!plan.txt"):
                    action(Path(src.file))
                return original(src)

            monkeypatch.setattr(A.Source, "read", read)
        out = place / "out"
        run_batch(root, out, jobs=1)
        tables = read_results(out)
        paths = "\n".join(tables["documents"]["path"])
        assert re.search("^good.txt$", paths, re.M), "the good document must be read whatever else is there"
        errors = tables["errors"]
        if outcome == READ:
            assert errors.empty, errors.to_dict("records")
            assert re.search(pattern, paths, re.M)
            return
        assert list(errors["code"]) == [outcome] * len(errors) and len(errors) >= 1, errors.to_dict("records")
        assert all(re.search(pattern, r) for r in errors["reason"]), list(errors["reason"])


def _outcome(via: str, outcome: str) -> str:
    if outcome == READ:
        return "read correctly"
    if via == "batch":
        return f"`{outcome}` in the errors table, the run goes on"
    if via in ("batch-cli",) or outcome == "batch":
        return f"`{outcome}`, exit 2"
    return f"`{outcome}`"


def _doc_rows() -> dict[str, str]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and cells[0] not in ("Kind", "") and not set(cells[0]) <= set("-:"):
            rows[cells[0].replace("\\|", "|")] = cells[1]
    return rows


def test_the_doc_lists_the_same_kinds_with_the_same_outcomes():
    tested = {kind: _outcome(via, outcome) for kind, _, via, outcome, _ in KINDS}
    assert len(tested) == len(KINDS) >= 40  # kinds are unique
    assert _doc_rows() == tested

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from policytext.cli import cli
from tests.conftest import CORPUS
from tests.test_bad_input import place  # noqa: F401  (a folder an unprivileged user can enter)

GOLDEN = Path(__file__).parent / "data" / "golden"


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_extract_json_matches_golden(data):
    result = run("extract", data / "plan_utf8.txt")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    out["document"]["path"] = "plan_utf8.txt"
    golden = json.loads((GOLDEN / "plan_utf8.json").read_text(encoding="utf-8"))
    assert out == golden


def test_contract_keys_and_offsets():
    result = run("extract", "--with-text", CORPUS / "summary_tax_party_2024.txt")
    out = json.loads(result.stdout)
    assert out["schema"] == "policytext/1"
    assert set(out) == {"schema", "document", "tasks", "quotas", "deadlines", "units", "slogans", "dates", "warnings"}
    assert set(out["document"]) == {"path", "format", "encoding", "kind", "kind_cue", "title", "chars", "pages", "text"}
    text = out["document"]["text"]
    for t in out["tasks"]:
        assert set(t) == {"path", "marker", "level", "heading", "start", "end", "parent"}
        assert text[t["start"]:t["end"]].startswith(t["marker"])


def test_several_files_give_an_array_and_jsonl_gives_lines(data):
    files = [data / "plan_utf8.txt", data / "plan_gbk.txt"]
    arr = json.loads(run("extract", *files).stdout)
    assert [d["document"]["encoding"] for d in arr] == ["utf-8", "gbk"]
    lines = run("extract", "--format", "jsonl", *files).stdout.splitlines()
    assert [json.loads(x)["tasks"] for x in lines] == [d["tasks"] for d in arr]


def test_output_folder(data, tmp_path):
    result = run("extract", data / "plan_utf8.txt", "-o", tmp_path / "out")
    assert result.exit_code == 0
    assert json.loads((tmp_path / "out" / "plan_utf8.txt.json").read_text(encoding="utf-8"))["tasks"]


@pytest.mark.parametrize("name, reason", [
    ("empty.txt", "file is empty"),
    ("garbage.txt", "not a text file"),
    ("encrypted.pdf", "encrypted"),
    ("scanned.pdf", "no text layer"),
    ("doc_renamed.docx", "legacy Word .doc"),
    ("truncated.docx", "damaged"),
])
def test_bad_input_is_one_line_and_exit_2(data, name, reason):
    result = run("extract", data / name)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"policytext: {data / name}: ") and reason in lines[0]
    assert "Traceback" not in result.output


def test_partial_failure_prints_the_good_and_exits_2(data):
    result = run("extract", data / "plan_utf8.txt", data / "empty.txt")
    assert result.exit_code == 2
    assert json.loads(result.stdout)[0]["tasks"]
    assert "empty.txt: file is empty" in result.stderr


def test_unknown_option_fails_fast(data):
    result = run("extract", "--colour", data / "plan_utf8.txt")
    assert result.exit_code == 2 and "No such option" in result.output


def test_debug_shows_the_exception(data):
    result = run("--debug", "extract", data / "empty.txt")
    assert result.exit_code != 0 and result.exception is not None


def test_console_script_installed():
    import shutil
    import subprocess
    exe = shutil.which("policytext") or str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "policytext")
    proc = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "policytext" in proc.stdout


SPEECH = ("在全镇人居环境整治推进会上的发言\n\n各位领导、同志们：\n\n三月中旬我们就发动全村清理垃圾，"
          "七月份才全部弄完。\n\n明年年底前把污水管网铺好。\n")


def test_a_document_that_names_no_year_says_so_and_takes_one_given(tmp_path):
    speech = tmp_path / "发言.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    bare = json.loads(run("extract", speech).stdout)
    assert [d["date"] for d in bare["dates"]] == [None, None, None]
    (warning,) = [w for w in bare["warnings"] if w["code"] == "no_year"]
    assert "3处日期" in warning["message"] and "--year" in warning["message"]
    given = json.loads(run("extract", "--year", 2025, speech).stdout)
    assert [d["date"] for d in given["dates"]] == ["2025-03-20", "2025-07", "2026-12-31"]
    assert not [w for w in given["warnings"] if w["code"] == "no_year"]


@pytest.mark.parametrize("year, ok", [(2019, True), (1800, False), ("next", False)])
def test_a_year_the_document_names_wins(year, ok):
    result = run("extract", "--year", year, CORPUS / "plan_tax_party_2024.txt")
    if not ok:
        assert result.exit_code == 2 and "--year" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["dates"][0]["date"].startswith("2024")


def test_extract_ocr_option(data, tmp_path):
    from policytext.ingest import ocr as O
    from tests.ingest.scan_pdfs import build_pdf, scan_images

    scan = build_pdf(tmp_path / "scan.pdf", [("image", scan_images()[0])])
    off = run("extract", "--ocr", "off", scan)
    assert off.exit_code == 2 and "no text layer" in off.stderr and "policytext[ocr]" in off.stderr
    bad = run("extract", "--ocr", "sometimes", scan)
    assert bad.exit_code == 2 and "sometimes" in bad.stderr
    if O.available():
        ok = run("extract", scan)
        assert ok.exit_code == 0, ok.stderr
        out = json.loads(ok.stdout)
        assert out["document"]["ocr"]["pages"] == [1] and len(out["tasks"]) == 5


@pytest.mark.parametrize("module, name, args", [
    ("policytext.comparison", "compare", ["compare", CORPUS / "plan_tax_party_2024.txt",
                                       CORPUS / "summary_tax_party_2024.txt"]),
    ("policytext.analysis", "analyze", ["extract", CORPUS / "plan_tax_party_2024.txt"]),
])
def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, module, name, args):
    import importlib
    import sys

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    importlib.import_module(module)
    monkeypatch.setattr(sys.modules[module], name, interrupted)
    result = run(*args)
    assert result.exit_code == 130
    assert result.stderr.splitlines() == ["policytext: interrupted"]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["extract"], ["compare", "corpus/plan_tax_party_2024.txt"]])
def test_an_unreadable_file_is_one_line_from_policytext(command, place):
    """Not click's four-line usage error: the library says what is wrong with the file."""
    from tests.test_bad_input import _chmod, _unprivileged

    victim = place / "plan.txt"
    victim.write_text("一、总体要求\n", encoding="utf-8")
    _chmod(victim, 0)
    root = Path(__file__).resolve().parents[1]
    # the child cannot import from root's folders: load what the command needs here first
    CliRunner().invoke(cli, [*[str(root / c) if c.startswith("corpus/") else c for c in command],
                             str(root / "corpus/summary_tax_party_2024.txt")])
    got = _unprivileged(lambda: "%s\t%s" % (lambda r: (r.exit_code, r.stderr))(
        CliRunner().invoke(cli, [*[str(root / c) if c.startswith("corpus/") else c for c in command], str(victim)])))
    code, err = got.split("\t", 1)
    assert code == "2" and err.strip().splitlines() == [f"policytext: {victim}: permission denied"], got


def test_pretty_json_is_exactly_what_json_dumps_writes():
    """The CLI writes pretty JSON with orjson for speed; the text must not differ from the
    standard library's, whatever the output holds (the contract is the text, not a parse)."""
    import json

    import policytext
    from policytext.cli import _dump
    from tests.conftest import CORPUS

    for obj in (policytext.analyze(policytext.read(CORPUS / "plan_tax_party_2024.txt")).to_dict(with_text=True),
                policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt").to_dict(),
                {"float": 0.1, "small": 0.0001, "big": 1e16, "neg": -2.5, "nested": [{"a": None, "b": True}], "引号": "“x”\n"}):
        assert _dump(obj, True) == json.dumps(obj, ensure_ascii=False, indent=2)

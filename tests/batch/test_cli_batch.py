import pytest
from click.testing import CliRunner

from policytext.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_batch_exit_1_when_documents_fail(archive, tmp_path):
    r = run("batch", archive, "-o", tmp_path, "--jobs", "1")
    assert r.exit_code == 1, r.output
    assert "9 documents (0 done by an earlier run), 3 failed" in r.output
    assert "empty.txt: file is empty [empty]" in r.output
    assert "documents: 9/9 (100%)" in r.output  # not a terminal: plain progress lines
    assert (tmp_path / "tasks.parquet").is_file()


def test_batch_exit_0_on_a_clean_archive(tmp_path):
    from tests.conftest import CORPUS
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.txt").write_bytes((CORPUS / "plan_tax_party_2024.txt").read_bytes())
    r = run("batch", tmp_path / "a", "-o", tmp_path / "o")
    assert r.exit_code == 0, r.output and "1 documents" in r.output


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--pairs", __file__], "--pairs needs --compare"),
    (["--jobs", "0"], "0 is not in the range x>=1"),
    (["--engine", "spark"], "'spark' is not one of"),
    (["--frobnicate"], "No such option '--frobnicate'"),
])
def test_usage_errors_exit_2(archive, tmp_path, args, message):
    r = run("batch", archive, "-o", tmp_path, *args)
    assert r.exit_code == 2 and message in r.output


def test_bad_pairs_file_is_one_line(archive, tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("plan,summary\nx.txt,y.txt\n", encoding="utf-8")
    r = run("batch", archive, "-o", tmp_path / "o", "--compare", "--pairs", csv)
    assert r.exit_code == 2 and "line 2: plan 'x.txt' is not a document of this archive" in r.output
    assert "Traceback" not in r.output

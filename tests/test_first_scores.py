"""policytext eval's table of first, blind scores: read back from each split's FIRST_SCORE.log."""
import pytest

from policytext.errors import FirstScoreError
from policytext.evaluation.first_scores import first_scores, format_first_scores, parse_first_score, pooled
from tests.conftest import CORPUS

TUNED = """== tuned: corpus/ and the seeds
quotas           plans        62    64    62  0.969  1.000  0.984  0.95 ok
comparison: 240 hand-labelled tasks in 11 pairs, each pair held out of the fit (leave one pair out)
  status accuracy   0.892   (aim 0.90)
  flag precision    0.893   (aim 0.90; tp 108, fp 13)
  flag recall       0.939   (aim 0.95; fn 7)
"""
SPLIT = """
== split corpus/blindX/ (its README.md says how it was made)
field (strict)   docs       gold  pred match      P      R     F1   aim
quotas           all         321   310   300  0.968  0.935  0.951  0.95 ok
quotas           plans       111   109   106  0.972  0.955  0.964  0.95 ok
quotas           summaries   210   201   194  0.965  0.924  0.944  0.95 LOW
deadlines        summaries     9     9     9  1.000  1.000  1.000  0.90 ok
comparison: 97 hand-labelled tasks in 6 pairs, in corpus/blindX/, judged by the shipped model (never fitted on them)
  status accuracy   0.907   (aim 0.90)
  status macro-F1   0.918
  flag precision    0.873   (aim 0.90; tp 48, fp 7)
  flag recall       0.960   (aim 0.95; fn 2)
"""


def test_the_splits_own_section_is_read_not_the_tuned_one():
    s = parse_first_score(TUNED + SPLIT, "blindX")
    assert (s.tasks, s.correct, s.tp, s.fp, s.fn) == (97, 88, 48, 7, 2)
    assert ("quotas", "summaries", 210, 201, 194) in s.fields and ("quotas", "plans", 62, 64, 62) not in s.fields


@pytest.mark.parametrize("text, match", [(TUNED, "no '== split' section"),
                                         ("== split corpus/blindX/\nquotas  plans  1 1 1 \n", "no comparison")])
def test_a_log_without_a_first_score_is_a_clear_error(text, match):
    with pytest.raises(FirstScoreError, match=f"FIRST_SCORE.log: {match}"):
        parse_first_score(text, "blindX")


def test_pooled_adds_tasks_and_counts_not_ratios():
    a = parse_first_score(SPLIT, "a")
    b = parse_first_score(SPLIT.replace("97 hand", "3 hand").replace("0.907", "0.333")
                          .replace("tp 48, fp 7", "tp 1, fp 1").replace("fn 2", "fn 0"), "b")
    p = pooled([a, b])
    assert p["tasks"] == 100 and p["accuracy"] == pytest.approx(89 / 100)
    assert p["flag_precision"] == pytest.approx(49 / 57) and p["flag_recall"] == pytest.approx(49 / 51)
    gold, prec, rec, f1 = p["fields"]["quotas", "summaries"]
    assert gold == 420 and prec == pytest.approx(388 / 402) and rec == pytest.approx(388 / 420)


def test_the_table_marks_unopened_splits_and_the_aims():
    s = parse_first_score(SPLIT, "blindX")
    text = format_first_scores([s], ["blindX"])
    assert "blindX*" in text and "status accuracy 0.907" in text
    assert "quotas    summaries gold   210" in text and "LOW (aim strict F1 >= 0.95)" in text
    assert "deadlines summaries" in text and "ok (aim P and R >= 0.90)" in text


def test_every_split_in_the_corpus_keeps_a_readable_first_score():
    splits = sorted(p for p in CORPUS.glob("blind*") if p.is_dir())
    rows = first_scores(splits)
    assert len(rows) == len(splits) and all(r.tasks > 0 and 0 < r.correct <= r.tasks for r in rows)


def test_an_unreadable_log_names_the_file(tmp_path):
    split = tmp_path / "blindY"
    split.mkdir()
    (split / "FIRST_SCORE.log").write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(FirstScoreError, match=r"blindY/FIRST_SCORE.log: cannot be read"):
        first_scores([split])


def test_eval_prints_the_first_scores_and_refuses_a_broken_log(tmp_path):
    from click.testing import CliRunner

    from policytext.cli import cli

    empty, split = tmp_path / "empty", tmp_path / "blindX"
    empty.mkdir()
    split.mkdir()
    (split / "FIRST_SCORE.log").write_text(TUNED + SPLIT, encoding="utf-8")
    args = ["eval", "--corpus", str(empty), "--seeds", str(tmp_path / "none"), "--split", str(split),
            "--train", str(empty), "--no-scans"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "first, blind scores" in result.output and "pooled, all 1 splits: 97 tasks, status accuracy 0.907" in result.output
    (split / "FIRST_SCORE.log").write_text(TUNED, encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "FIRST_SCORE.log: no '== split' section" in result.output


def test_a_first_score_being_written_is_not_read_back(tmp_path):
    """policytext eval --split S > S/FIRST_SCORE.log makes S's first score: the half-written log
    it is printing into is no first score to pool (it would read as broken, or as itself)."""
    import subprocess
    import sys

    empty, split = tmp_path / "empty", tmp_path / "blindZ"
    empty.mkdir()
    split.mkdir()
    log = split / "FIRST_SCORE.log"
    code = ("import sys; from policytext.cli import main; sys.argv = ['policytext', 'eval', '--corpus', sys.argv[1], "
            "'--seeds', sys.argv[2], '--split', sys.argv[3], '--train', sys.argv[1], '--no-scans']; main()")
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "-c", code, str(empty), str(tmp_path / "none"), str(split)],
                              stdout=out, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 0, done.stderr
    assert "first, blind scores" not in log.read_text(encoding="utf-8")

"""scripts/score_blind.py: a round is scored once, by its frozen tag, and refuses what it cannot do."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def score_blind():
    spec = importlib.util.spec_from_file_location("score_blind", ROOT / "scripts" / "score_blind.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("argv", [[], ["blind999"], ["dev", "somewhere"]])
def test_usage(score_blind, argv, capsys):
    assert score_blind.main(argv) == 2
    assert "score_blind.py" in capsys.readouterr().err


def test_a_split_already_here_is_not_scored_again(score_blind, tmp_path, capsys):
    assert score_blind.main(["blind131", str(tmp_path)]) == 2
    assert "scored blind once" in capsys.readouterr().err


def test_no_files_no_score(score_blind, tmp_path, capsys):
    assert score_blind.main(["blind998", str(tmp_path)]) == 2
    assert "no plan_*" in capsys.readouterr().err


def test_no_tag_no_score(score_blind, tmp_path, capsys):
    (tmp_path / "plan_x.txt").write_text("计划", encoding="utf-8")
    assert score_blind.main(["blind998", str(tmp_path)]) == 2
    assert "no tag blind998-freeze" in capsys.readouterr().err

"""The JSON contract, byte for byte: every corpus document's `extract --with-text` output and
every labelled pair's `compare --format json` output equal the committed files in
tests/data/golden/corpus/.  A refactoring must leave them as they are; an intended change of
output regenerates them (POLICYTEXT_UPDATE_GOLDEN=1 pytest tests/test_golden_corpus.py) and
says so in docs/schema.md."""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policytext.cli import cli
from tests.conftest import CORPUS, ROOT

GOLDEN = Path(__file__).parent / "data" / "golden" / "corpus"
UPDATE = os.environ.get("POLICYTEXT_UPDATE_GOLDEN") == "1"
DOCUMENTS = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
PAIRS = sorted(p.name for p in CORPUS.glob("*.pair.json"))


def _check(args: list[str], golden: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the output are as given: relative, the same on every machine
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(r.stdout, encoding="utf-8")
    assert r.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_extract_output_is_unchanged(name, monkeypatch):
    _check(["extract", f"corpus/{name}", "--with-text"], GOLDEN / f"{name}.json", monkeypatch)


@pytest.mark.parametrize("name", PAIRS)
def test_compare_output_is_unchanged(name, monkeypatch):
    pair = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    _check(["compare", f"corpus/{pair['plan']}", f"corpus/{pair['summary']}", "--format", "json"],
           GOLDEN / name.replace(".pair.json", ".compare.json"), monkeypatch)

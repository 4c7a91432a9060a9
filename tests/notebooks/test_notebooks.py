"""The notebooks, executed headless with nbclient as a reader would run them: no cell may
fail, the tables they build have the expected columns and rows, the plots are there."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
import nbformat  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
PROBE = '''import json as _json, pandas as _pd
print("PROBE" + _json.dumps({_k: {"columns": [str(_c) for _c in _v.columns], "rows": len(_v)}
                             for _k, _v in dict(globals()).items()
                             if isinstance(_v, _pd.DataFrame) and not _k.startswith("_")}))'''
KEY = ["doc_id", "path", "issuer", "year"]
EXPECTED = {  # notebook → (DataFrames it must leave behind with these columns, PNG outputs at least)
    "01_quickstart.ipynb": ({
        "tasks": KEY + ["task", "parent", "marker", "level", "heading", "start", "end"],
        "quotas": KEY + ["task", "text", "start", "end", "period", "value", "unit", "per_year"],
        "units": KEY + ["task", "name", "role", "cue"],
        "deadlines": KEY + ["task", "text", "date", "date_precision"],
        "slogans": KEY + ["text", "kind", "count"],
    }, 0),
    "02_compare_ledger.ipynb": ({
        "ledger": ["task", "section", "status", "flags", "reason", "evidence", "lead", "support"],
        "flagged": ["task", "status", "flags", "reason", "evidence"],
        "excel": [],
    }, 1),
    "03_archive_trends.ipynb": ({
        "documents": KEY + ["kind", "tasks", "quotas"],
        "quotas": KEY + ["period", "per_year"],
        "slogans": KEY + ["text", "count"],
        "units": KEY + ["name", "role"],
        "pairs": ["plan", "summary", "issuer", "year", "status", "reason"],
        "ledger": ["plan_title", "issuer", "year", "task", "section", "status"],
        "unit_rates": ["tasks", "implemented"],
        "batch_quotas": KEY + ["period"],
        "batch_ledger": ["issuer", "status"],
        "quota_trend": [],
    }, 6),
}


def _runner():
    spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "scripts" / "run_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    out = tmp_path_factory.mktemp("notebooks")
    mp = pytest.MonkeyPatch()
    mp.setenv("POLICYTEXT_NOTEBOOK_OUT", str(out))
    mp.setenv("POLICYTEXT_BATCH_OUT", str(out / "batch"))  # the notebook runs its own batch
    # The archive notebook reads, pairs and batch-compares a whole archive: the bundled corpus grows
    # by a split each blind round (six minutes of the suite by now), so it runs here on a fixed
    # small one, the top of corpus/ and corpus/dev, through the same code.
    archive = out / "archive"
    shutil.copytree(ROOT / "corpus", archive, ignore=lambda d, names: [
        n for n in names if Path(d, n).is_dir() and Path(d) == ROOT / "corpus" and n != "dev"])
    mp.setenv("POLICYTEXT_NOTEBOOK_CORPUS", str(archive))
    runner = _runner()
    cache: dict = {}

    def run(name):
        if name not in cache:
            cache[name] = runner.execute(NOTEBOOKS / name, extra_cells=(PROBE,))
        return cache[name]

    yield run, out
    mp.undo()


def _probe(nb) -> dict:
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.get("output_type") == "stream")
    return json.loads(text[text.index("PROBE") + len("PROBE"):])


def _outputs(nb, mime: str) -> list:
    return [o["data"][mime] for c in nb.cells for o in c.get("outputs", []) if mime in o.get("data", {})]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_notebook_runs_and_builds_its_tables(executed, name):
    run, _ = executed
    nb = run(name)  # a failing cell raises CellExecutionError here
    frames, pngs = EXPECTED[name]
    seen = _probe(nb)
    for frame, columns in frames.items():
        assert frame in seen, f"{name} leaves no DataFrame {frame!r}"
        assert seen[frame]["rows"] > 0, f"{name}: {frame} is empty"
        missing = [c for c in columns if c not in seen[frame]["columns"]]
        assert not missing, f"{name}: {frame} lacks {missing}"
    assert len(_outputs(nb, "image/png")) >= pngs
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


def test_quickstart_shows_the_document_and_its_spans(executed):
    run, _ = executed
    html = "\n".join(_outputs(run("01_quickstart.ipynb"), "text/html"))
    assert "<mark" in html and "量化指标" in html  # Document._repr_html_
    assert "QUOTA" in html and "SLOGAN" in html  # displaCy's span view


def test_compare_notebook_exports_the_ledger_and_report(executed):
    run, out = executed
    run("02_compare_ledger.ipynb")
    assert (out / "tax_party_2024_ledger.xlsx").stat().st_size > 0
    assert "<!DOCTYPE html>" in (out / "tax_party_2024_report.html").read_text(encoding="utf-8")


def test_archive_notebook_ran_a_batch(executed):
    run, out = executed
    run("03_archive_trends.ipynb")
    assert (out / "batch" / "ledger.parquet").is_file()


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: run `make notebooks` output is not committed"


def test_every_notebook_is_tested():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(EXPECTED)

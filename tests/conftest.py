from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# In CI (.ci/run sets POLICYTEXT_STRICT_SKIPS=1, after installing chromium, LibreOffice and a CJK
# font) a skipped test is a failure: a skip there means a check silently did not happen.  A plain
# `make test` on a user's machine still skips what its tools cannot run.
STRICT_SKIPS = "POLICYTEXT_STRICT_SKIPS"


def _fail_skip(report) -> None:
    if report.skipped and not hasattr(report, "wasxfail") and os.environ.get(STRICT_SKIPS) == "1":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped while {STRICT_SKIPS}=1 (CI): {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _fail_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    # a module-level importorskip skips the whole file at collection
    outcome = yield
    _fail_skip(outcome.get_result())

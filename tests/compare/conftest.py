from pathlib import Path

import pytest

import policytext
from policytext.analysis import analyze
from policytext.compare import StatusModel

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def model() -> StatusModel:
    return StatusModel.load()


@pytest.fixture(scope="session")
def tax(model):
    return policytext.compare(CORPUS / "plan_tax_party_2024.txt", CORPUS / "summary_tax_party_2024.txt", model=model)


def pair(plan: str, summary: str):
    """Analyses of two documents written inline."""
    return analyze(policytext.from_text(plan)), analyze(policytext.from_text(summary))

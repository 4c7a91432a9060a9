import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

import policytext
from policytext.lexicon import models_dir
from tests.conftest import CORPUS, ROOT

TEXT = (CORPUS / "plan_tax_party_2024.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def nlp():
    return policytext.nlp()


def test_components_fill_doc_spans(nlp):
    doc = nlp(TEXT)
    analysis = policytext.analyze(policytext.from_text(TEXT))
    assert len(doc.spans["task"]) == len(analysis.tasks)
    assert len(doc.spans["quota"]) == len(analysis.quotas)
    assert len(doc.spans["deadline"]) == len(analysis.deadlines)
    assert len(doc.spans["unit"]) == len(analysis.units)
    assert len(doc.spans["slogan"]) == sum(s.count for s in analysis.slogans)
    for span, q in zip(doc.spans["quota"], analysis.quotas):
        assert span.start_char <= q.start and q.end <= span.end_char  # widened to tokens, never cut


def test_user_dictionary_keeps_terms_whole_without_touching_global_jieba(nlp):
    import jieba

    words = [t.text for t in nlp.make_doc("党组理论学习中心组严格落实三会一课制度")]
    assert "党组理论学习中心组" in words and "三会一课" in words
    assert "三会一课" not in jieba.lcut("严格落实三会一课制度")


def test_extensions_only_on_request():
    from spacy.tokens import Span

    code = ("import policytext; from spacy.tokens import Span; n = policytext.nlp(); n('每月至少1次');"
            "print(Span.has_extension('policytext'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    doc = policytext.nlp(extensions=True)("支部书记每年至少讲1次专题党课")
    (span,) = doc.spans["quota"]
    assert Span.has_extension("policytext") and span._.policytext.per_year == 1


def test_importing_policytext_registers_nothing():
    code = ("import policytext, spacy.registrations; from spacy import registry;"
            "print('policytext_quotas' in registry.factories.get_all())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_saved_pipeline_loads_offline_and_matches():
    nlp = spacy.load(models_dir() / "policytext_zh")
    assert nlp.pipe_names == [f"policytext_{c}" for c in ("tasks", "quotas", "deadlines", "units", "slogans")]
    doc = nlp(TEXT)
    fresh = policytext.nlp()(TEXT)
    assert [s.text for s in doc.spans["quota"]] == [s.text for s in fresh.spans["quota"]]
    assert "三会一课" in [t.text for t in doc]


def test_displacy_renders_spans(nlp):
    from spacy import displacy

    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": "quota"}, page=False)
    assert "每季度" in html and "QUOTA" in html


def test_shipped_models_are_up_to_date(tmp_path):
    models = tmp_path / "models"
    (models / "lexicons").mkdir(parents=True)
    for f in (ROOT / "models" / "lexicons").iterdir():
        (models / "lexicons" / f.name).write_bytes(f.read_bytes())
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_models.py"), "--models", str(models)],
                   check=True, capture_output=True)
    for rel in ("jieba_userdict.txt", "policytext_zh/config.cfg", "policytext_zh/tokenizer", "policytext_zh/meta.json"):
        assert (models / rel).read_bytes() == (ROOT / "models" / rel).read_bytes(), f"run make models: {rel} is stale"

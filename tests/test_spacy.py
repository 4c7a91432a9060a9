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
    assert Span.has_extension("policytext") and span._.policytext["per_year"] == 1


def test_one_analysis_sets_every_group_with_fixed_labels(nlp):
    from policytext.spacy.components import labels

    doc = nlp(TEXT)
    assert nlp.pipe_names == ["policytext"]
    assert set(nlp.pipe_labels["policytext"]) == set(labels()) and "TASK" in labels()
    used = {s.label_ for key in doc.spans for s in doc.spans[key]}
    assert used <= set(labels()) and {"TASK", "QUOTA", "DEADLINE", "SLOGAN"} <= used


def test_extensions_are_plain_data_that_serialise():
    from spacy.tokens import Doc

    nlp = policytext.nlp(extensions=True)
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    quotas = [(s.text, s._.policytext) for s in back.spans["quota"]]
    assert quotas == [(s.text, s._.policytext) for s in doc.spans["quota"]]
    analysis = policytext.analyze(policytext.from_text(TEXT))
    assert [d for _, d in quotas] == [q.to_dict() for q in analysis.quotas]
    assert back.spans["task"][0]._.policytext["path"] == analysis.tasks[0].path


def test_pipe_with_two_processes_matches_one():
    nlp = policytext.nlp(extensions=True)
    texts = [TEXT, "某局工作要点\n一、任务\n1.每季度至少开展1次检查，由办公室牵头。", TEXT[:300]]
    one = [[(s.start_char, s.end_char, s.label_, s._.policytext) for s in d.spans["quota"]] for d in nlp.pipe(texts)]
    two = [[(s.start_char, s.end_char, s.label_, s._.policytext) for s in d.spans["quota"]]
           for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert one == two and one[0]


def test_importing_policytext_registers_nothing():
    code = ("import policytext, spacy.registrations; from spacy import registry;"
            "print('policytext' in registry.factories.get_all())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_saved_pipeline_loads_offline_and_matches():
    nlp = spacy.load(models_dir() / "policytext_zh")
    assert nlp.pipe_names == ["policytext"]
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

# policytext: one venv in the repo, pinned dependencies, and the project's jobs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
OUT := out

.PHONY: run test eval bench setup clean corpus models train notebooks font

setup: $(STAMP)

$(STAMP): requirements.lock setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## The main job on the bundled corpus: compare every plan/summary pair (corpus/*.pair.json) and
## write its Excel ledger, HTML report and JSON; also every document's structure as JSON, and
## the whole corpus as one batch run (Parquet tables, automatic pairing, archive ledger).
run: $(STAMP)
	$(VENV)/bin/policytext compare-pairs corpus -o $(OUT)/compare
	$(VENV)/bin/policytext compare-pairs corpus/dev -o $(OUT)/compare/dev
	$(VENV)/bin/policytext extract corpus/*.txt corpus/*.docx corpus/*.pdf -o $(OUT)/extract
	$(VENV)/bin/policytext batch corpus -o $(OUT)/batch --compare
	@echo "policytext: ledgers (.xlsx), reports (.html) and comparisons (.json) are in $(OUT)/compare/;"
	@echo "policytext: each document's structure is in $(OUT)/extract/; batch tables and ledger.xlsx in $(OUT)/batch/"

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/policytext eval

bench: $(STAMP)
	$(PY) benchmarks/bench.py

## Execute notebooks/ headless; the executed copies (with outputs) go to out/notebooks/.
notebooks: $(STAMP)
	$(PY) scripts/run_notebooks.py --out $(OUT)/notebooks

## Rebuild the plot font models/fonts/PolicyTextSansSC-Regular.otf (needs Debian's fonts-noto-cjk).
font: $(STAMP)
	$(PY) scripts/build_font.py

## Rebuild models/jieba_userdict.txt and the saved spaCy pipeline from models/lexicons.
models: $(STAMP)
	$(PY) scripts/build_models.py

## Refit the comparison's status model on the labelled pairs (models/compare_model.json).
train: $(STAMP)
	$(VENV)/bin/policytext train

## Rebuild generated corpus files (needs LibreOffice and CJK fonts).
corpus: $(STAMP)
	$(PY) scripts/make_corpus.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

# policytext: one venv in the repo, pinned dependencies, and the project's jobs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
OUT := out

.PHONY: run test eval bench setup clean corpus models

setup: $(STAMP)

$(STAMP): requirements.lock setup.cfg pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

## The main job on the bundled corpus: every document's structure as JSON under out/.
run: $(STAMP)
	$(VENV)/bin/policytext extract corpus/*.txt corpus/*.docx corpus/*.pdf -o $(OUT)/extract
	@echo "policytext: results are in $(OUT)/extract/ (one JSON file per document)"

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/policytext eval

bench: $(STAMP)
	$(PY) benchmarks/bench.py

## Rebuild models/jieba_userdict.txt and the saved spaCy pipeline from models/lexicons.
models: $(STAMP)
	$(PY) scripts/build_models.py

## Rebuild generated corpus files (needs LibreOffice and CJK fonts).
corpus: $(STAMP)
	$(PY) scripts/make_corpus.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache

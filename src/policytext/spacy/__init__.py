"""policytext as a spaCy pipeline.

    >>> import policytext
    >>> nlp = policytext.nlp()                 # spacy.blank("zh") + jieba + the components
    >>> doc = nlp(text)
    >>> doc.spans["quota"]                     # also "task", "deadline", "unit", "slogan"
    >>> nlp = policytext.nlp(extensions=True)  # span._.policytext holds the item as plain data

One component, "policytext", analyses the text once and sets every span group (one per field
of extract.fields, and "task").  It is registered through spaCy's entry points
(spacy_factories in setup.cfg), so spaCy finds it when it builds a pipeline; importing
policytext registers nothing.
A saved copy of the pipeline lives in models/policytext_zh and loads with spacy.load(path).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import models_dir

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

COMPONENT = "policytext"
USERDICT = "jieba_userdict.txt"
SAVED_PIPELINE = "policytext_zh"


def require_spacy():
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a core dependency, but say what to do
        raise ImportError("policytext.nlp() needs spaCy and jieba: pip install 'spacy>=3.7' jieba") from e
    return spacy


def nlp(extensions: bool = False, userdict: bool = True) -> "Language":
    """spacy.blank("zh") with the jieba segmenter (and the shipped user dictionary, loaded into
    this pipeline's own jieba instance, never the global one) plus the policytext component."""
    spacy = require_spacy()
    pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policytext.JiebaTokenizer.v1"}}})
    if userdict:
        pipeline.tokenizer.load_userdict(models_dir() / USERDICT)
    pipeline.add_pipe(COMPONENT, config={"extensions": extensions})
    pipeline.meta.update({"name": "policytext_zh", "version": _version(), "description": "policytext: tasks, quotas, deadlines, "
                          "units and slogans of Chinese policy documents as doc.spans"})
    return pipeline


def saved_pipeline_path():
    return models_dir() / SAVED_PIPELINE


def _version() -> str:
    from .._version import __version__

    return __version__

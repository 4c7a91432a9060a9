"""policytext: audit Chinese policy plans and summaries.

    >>> import policytext
    >>> doc = policytext.read("corpus/plan_party_building.txt")
    >>> result = policytext.analyze(doc)
    >>> [t.path for t in result.tasks][:3]
"""
from __future__ import annotations

from .analysis import SCHEMA, Analysis, analyze
from .compare import Comparison, compare
from .document import Document, Paragraph
from .errors import (CorruptFileError, DecodeError, EmptyDocumentError, EncryptedPDFError,
                     HostileFileError, NoTextLayerError, PolicyTextError, TooLargeError,
                     UnsupportedFormatError)
from .ingest import from_text, read
from .spacy import nlp
from .structure import Notice, Outline, Task, build_outline

__version__ = "0.1.0"

__all__ = [
    "SCHEMA", "Analysis", "Comparison", "Document", "Paragraph", "Notice", "Outline", "Task",
    "analyze", "build_outline", "compare", "from_text", "nlp", "read",
    "PolicyTextError", "CorruptFileError", "DecodeError", "EmptyDocumentError",
    "EncryptedPDFError", "HostileFileError", "NoTextLayerError", "TooLargeError",
    "UnsupportedFormatError",
]

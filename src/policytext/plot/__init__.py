"""Plots an analyst would otherwise write by hand, each a function of the DataFrames a Corpus
or a batch run gives, returning a matplotlib Figure with legible Chinese labels.

    >>> from policytext import plot
    >>> corpus = policytext.read_many("corpus/")
    >>> plot.quotas(corpus.frame("quotas"))
    >>> plot.slogans(corpus.frame("slogans"))
    >>> plot.units(corpus.frame("units"))
    >>> plot.status(corpus.frame("ledger"), by="section")   # or by="unit", by="plan"

matplotlib is imported when a plot is first asked for (pip install 'policytext[plot]')."""
from __future__ import annotations

PLOTS = ("quotas", "slogans", "units", "status")


def __getattr__(name: str):
    if name in PLOTS or name == "Chart":
        from . import charts

        return getattr(charts, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PLOTS", "quotas", "slogans", "units", "status"]

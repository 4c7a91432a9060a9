"""Evaluation: scoring policytext against hand-made gold.  Not imported by the library."""

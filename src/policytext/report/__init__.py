"""Outputs of a comparison: the typed DataFrame, the Excel ledger (督查台账) and the HTML report.
Each module imports its heavy library (pandas, openpyxl) only when called."""

"""The statuses and flags of a judged task (kept apart so that reading them imports nothing heavy)."""
IMPLEMENTED, PARTIAL, MISSING = "implemented", "partial", "missing"
STATUSES = (IMPLEMENTED, PARTIAL, MISSING)
FLAGS = ("quota_unmet", "placeholder", "future_only", "negated", "deadline_missed", "weak_evidence")

"""The hostile corpus: every case, in the order the corpus modules add them."""

from tests.data.hostile import corpus_added, corpus_audit, corpus_issue, corpus_ours, corpus_text  # noqa: F401
from tests.data.hostile.building import CASES, Case

NAMES = [c.name for c in CASES]
assert len(NAMES) == len(set(NAMES)), "case names must be unique"

__all__ = ["CASES", "Case"]

"""Title and document kind, decided from strings only."""
from __future__ import annotations

from typing import Iterable

from . import patterns as P


_DOC_NUMBER_LINE = 40  # a line this short holding a 文号 is that number's line


def doc_number_line(line: str) -> bool:
    """The line is a 文号's own (某检报〔2025〕31号), not a sentence that cites one."""
    return len(line) <= _DOC_NUMBER_LINE and bool(P.DOC_NUMBER.search(line))


def find_title(lines: Iterable[str]) -> str:
    """The first title-like line among the first few: short, not a sentence, not numbered.

    A document number (〔2023〕2号), an addressee line (各科室：) or an issuer line (溪口区人民法院
    over 2024年…实施方案) may stand before the title; body text as the first line means the
    document has no title block, and "" is returned.
    """
    head = [line.strip() for line in lines]
    for i, s in enumerate(head):
        if not s:
            continue
        if i > 6:
            break
        if doc_number_line(s) or P.ADDRESSEE.match(s) or P.MASTHEAD.match(s):
            continue
        if len(s) > 60 or s[-1] in "。，；;,":
            return ""
        if any(rx.match(s) for _, rx in P.MARKERS[:-1]):
            return ""
        if P.ORGAN.fullmatch(s) and not _kind_word(s):
            # (the title may stand under the 文号 that follows the issuer's line)
            nxt = next((t for t in head[i + 1:i + 4] if t and not doc_number_line(t)), "")
            if nxt and len(nxt) <= 60 and nxt[-1] not in "。，；;,：:" and _kind_word(nxt):
                continue  # the issuer's line; the title is under it
        return s
    return ""


def _kind_word(s: str) -> bool:
    return bool(P.PLAN_TITLE.search(s) or P.SUMMARY_TITLE.search(s))


BODY, PROBLEMS, NEXT = "body", "problems", "next"


def section_kind(heading: str) -> str:
    """What a section of a summary reports, from its heading: done (body), problems, or plans
    for later (next).  A heading that looks back (2023年工作回顾) is a report whatever year it names."""
    if P.SECTION_PROBLEMS.search(heading):
        return PROBLEMS
    if P.SECTION_REVIEW.search(heading):
        return BODY
    if P.SECTION_NEXT.search(heading):
        return NEXT
    return BODY


def classify_kind(title: str, text: str) -> tuple[str, str]:
    """("plan" | "summary" | "unknown", the cue that decided it, in words)."""
    if title and P.BOTH_KINDS_TITLE.search(title):
        return "unknown", f"title: {P.BOTH_KINDS_TITLE.search(title).group(0)} (reviews one year and plans the next)"
    if title:
        # The last kind word in a title wins: 关于报送工作方案的报告 is a report.
        hits = [(m.start(), "plan", m.group(0)) for m in P.PLAN_TITLE.finditer(title)]
        hits += [(m.start(), "summary", m.group(0)) for m in P.SUMMARY_TITLE.finditer(title)]
        if hits:
            _, kind, word = max(hits)
            return kind, f"title: {word}"
    head = text[:20000]
    plan_phrase = P.PLAN_PHRASES.search(head)
    summary_phrase = P.SUMMARY_PHRASES.search(head)
    if plan_phrase and not summary_phrase:
        return "plan", f"content: {plan_phrase.group(0)}"
    if summary_phrase and not plan_phrase:
        return "summary", f"content: {summary_phrase.group(0)}"
    per_k = max(len(head), 1) / 1000
    plan = len(P.PLAN_WORDS.findall(head)) / per_k
    summary = len(P.SUMMARY_WORDS.findall(head)) / per_k * P.SUMMARY_WEIGHT
    if plan + summary < 1.0:
        return "unknown", "no title or content cue"
    if abs(plan - summary) < 0.15 * (plan + summary):
        return "unknown", f"content cues balanced: imperative {plan:.1f} vs past {summary:.1f} per 1000 chars"
    kind = "plan" if plan > summary else "summary"
    return kind, f"content: imperative words {plan:.1f} vs past-tense words {summary:.1f} per 1000 chars"

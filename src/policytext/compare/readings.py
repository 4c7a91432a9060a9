"""How each judged task reads against every summary sentence, in time and memory that grow
with the pairs that share something, not with tasks x sentences.

A query row (a task's whole text, or one of its requirement sentences) and a summary unit (a
sentence, or a clause of a long one) are scored only where they share a content word or
enough of their characters: the aligner's two similarities are sparse products, and a pair
whose score stays under PRUNE (half the weakest threshold any decision uses) is dropped.  The
reductions (a sentence's best clause, a task's best row, the best sentence of each reading, a
task's top sentences) then run over the kept pairs only."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

from .. import lexicon
from .. import patterns as P
from . import sentences as S
from .aligner import EvidenceAligner

if TYPE_CHECKING:  # pragma: no cover
    import scipy.sparse as sp

TOP = 32  # sentences kept per task: context and evidence read the first few of them
PRUNE = 0.06  # pairs scoring less never reach a decision (the lowest threshold is 0.12)
LOOKALIKE_FACTOR = 0.3  # a sentence about another audience or domain than the task's
MERGED_CHARS = 12  # a sentence this long may report several tasks: its clauses are scored too
# Two sentences of a paragraph that each say part of a report (周三下午的教研…雷打不动。一个学期下来，每个
# 年级组都坚持了十八次): read together too, and both take WINDOW_FACTOR times the pair's score where it
# beats what each scores alone.
WINDOW_FACTOR = 1.0
WINDOW_CHARS = 160
_ENDS = "。！？!?；;"
CLAUSE_FACTOR = 0.7
HEADING_FACTOR = 0.5  # an item's heading in the summary names a topic
NAMED_BONUS = 0.12  # added where a sentence names the task's own quoted activity (“护河志愿行”)
_BLOCK_ROWS = 1024  # query rows scored at once
MARKED = 128  # audience_mask: the bits of the groups served, above those of the groups named
_QUOTE_REACH = 12  # a quoted name's characters on either side of a group word inside it
_MARK_REACH = 8  # 为辖区重度残疾人: a group this close after 面向/为/对 is the one served


@dataclass(frozen=True)
class Readings:
    """Per judged task: its best summary sentences, and the best score of a sentence of each
    reading with where it is.  Kept per task, never as a tasks x sentences matrix."""

    top: np.ndarray  # tasks x TOP: sentence indices by falling score (-1 past the last one kept)
    top_scores: np.ndarray  # their scores
    affirmative: np.ndarray  # best score of a sentence reporting it as done
    requirement: np.ndarray  # per query row: the best affirmative score
    requirement_at: np.ndarray  # per query row: the sentence that scores it (-1: none)
    negated: tuple[np.ndarray, np.ndarray]  # (best score, its sentence or -1)
    future: tuple[np.ndarray, np.ndarray]
    problem: tuple[np.ndarray, np.ndarray]
    reports: np.ndarray  # per sentence: it states a fact (its figures count)
    lookalike: np.ndarray  # per task: the sentence that would have been its best but is about
    # another audience or domain (-1: none)
    sent_masks: tuple[int, ...]  # per sentence: audience_mask of its text
    sent_objects: tuple[dict[str, str], ...] = ()  # per sentence: activity_objects of its text


_FOCUS_REACH = 16
_FOCUS_OBJECT_REACH = 44  # 围绕… (up to 30 characters) 开展… before the activity
_MEANS_REACH = 2  # (通过 right before what is read as the object: 通过家长告知书和线上问卷开展需求调查)


_PLACE_LIST_REACH = 36


def audience_mask(text: str) -> int:
    """The groups the text names (low bits) and those it names after 面向/为/对/向 (the same bits
    shifted by MARKED): 面向全院职工开展培训 is for staff, 围绕患者安全目标 aside."""
    aud = lexicon.audiences()
    named = marked = 0
    for m in aud.regex.finditer(text):
        if P.AUDIENCE_NOT_GROUP.match(text, m.end()) or P.AUDIENCE_PLACE.search(text, max(0, m.start() - 2), m.start()) \
                or P.AUDIENCE_PLACE_LIST.search(text, max(0, m.start() - _PLACE_LIST_REACH), m.start()):
            continue
        if _quoted(text, m.start(), m.end()):
            continue  # a name in quotes (“一对一”“住家教师”) is something named, not a group served
        if P.AUDIENCE_FOCUS.search(text, max(0, m.start() - _FOCUS_REACH), m.start()) or P.AUDIENCE_FOCUS_AFTER.match(text, m.end()):
            continue  # 入户走访…重点关注困难家庭、残疾人: whom the work looks out for among those it serves
        if P.AUDIENCE_URGED.search(text, max(0, m.start() - _FOCUS_REACH), m.start()) \
                or _staffed(text, m.start(), m.end()):
            continue  # 引导群众搞好房前屋后卫生, 配备…心理健康教师: actors, not whom the work serves
        if P.AUDIENCE_PARTNER_AFTER.match(text, m.end()) \
                and P.AUDIENCE_PARTNER_BEFORE.search(text, max(0, m.start() - _FOCUS_REACH), m.start()) \
                or P.AUDIENCE_LEADS.match(text, m.end()):
            continue  # 鼓励餐饮企业…参与, 党员带头: who is asked to join the work, not whom it serves
        bit = aud.mask(m.group())
        named |= bit
        if P.AUDIENCE_MARK.search(text, max(0, m.start() - _MARK_REACH), m.start()):
            marked |= bit
    return named | (marked << MARKED)


def _staffed(text: str, start: int, end: int) -> bool:
    """The group named at text[start:end] is staff put in post, counted (至少配备1名专（兼）职心理
    健康教师, 配备专职心理健康教师xx名)."""
    verb = P.AUDIENCE_STAFFED.search(text, max(0, start - _FOCUS_REACH), start)
    return bool(verb) and bool(P.AUDIENCE_STAFFED_COUNT.search(verb.group())
                               or P.AUDIENCE_STAFFED_COUNT.match(text, end, end + _STAFF_COUNT_REACH))


_STAFF_COUNT_REACH = 6


def activity_objects(text: str) -> dict[str, str]:
    """What each activity in the text is of (作风明察暗访: {明察暗访: 作风}); an activity said of
    no object of its own (开展满意度测评) is left out."""
    out: dict[str, str] = {}
    for m in P.ACTIVITY.finditer(text):
        window = text[max(0, m.start() - P.ACTIVITY_OBJECT_REACH):m.start()]
        window = window[:P.ACTIVITY_OBJECT_TAIL.search(window).start()]
        cut = P.ACTIVITY_OBJECT_CUT.match(window)
        obj = window[cut.end() if cut else 0:]
        at = max(0, m.start() - P.ACTIVITY_OBJECT_REACH) + (cut.end() if cut else 0)
        if P.ACTIVITY_MEANS.search(text, max(0, at - _MEANS_REACH), at):
            obj = ""
        after = P.ACTIVITY_OBJECT_AFTER.match(text, m.end())
        if after:
            obj += "|" + after.group(1)
        focus = P.ACTIVITY_OBJECT_FOCUS.search(text, max(0, m.start() - _FOCUS_OBJECT_REACH), m.start())
        if focus:
            obj += "|" + focus.group(1)
        obj = P.ACTIVITY_OBJECT_GENERIC.sub("|", obj).strip("|")
        if len(obj.replace("|", "")) >= 2 and not P.ACTIVITY_PARTNER.match(obj):
            out[m.group()] = out.get(m.group(), "") + "|" + obj
    return out


def _pairs(s: str) -> set[str]:
    """Pairs of characters of the objects, none across the | between two of them."""
    return {p for p in (s[i:i + 2] for i in range(len(s) - 1)) if "|" not in p}


def objects_conflict(task: dict[str, str], sentence: dict[str, str]) -> tuple[str, str] | None:
    """(the task's object, the sentence's) of an activity both name with objects that share no
    two characters: 作风 / 卷烟零售市场 for 明察暗访."""
    for act, mine in task.items():
        theirs = sentence.get(act)
        if theirs and not _pairs(mine) & _pairs(theirs):
            return mine.strip("|").split("|")[0], theirs.strip("|").split("|")[0]
    return None


def _quoted(text: str, start: int, end: int) -> bool:
    """text[start:end] stands inside “…” (a short quotation on one line)."""
    opened = text.rfind("“", max(0, start - _QUOTE_REACH), start)
    if opened < 0 or "”" in text[opened:start]:
        return False
    closed = text.find("”", end, end + _QUOTE_REACH)
    return closed >= 0 and "“" not in text[end:closed]


def _sides(task, sentence):
    """The groups to compare: those both texts mark as served when both mark some, else all
    they name (a task naming 学科教师 is not set against 针对学生 in a report of its own work)."""
    t_marked, s_marked = task >> MARKED, sentence >> MARKED
    low = (1 << MARKED) - 1
    return (t_marked, s_marked) if t_marked and s_marked else (task & low, sentence & low)


def conflicting(task: int, sentence: int, categories: Sequence[int]) -> bool:
    """The task and the sentence name groups of one category and share none (患者 / 职工)."""
    if not task or not sentence:  # (most name no group at all)
        return False
    task, sentence = _sides(task, sentence)
    return any((task & b) and (sentence & b) and not (task & sentence & b) for b in categories)


def readings(texts: Sequence[str], bodies: Sequence[str], firsts: np.ndarray, sents: Sequence[S.Sentence],
             aligner: EvidenceAligner | None = None, items: Sequence[str | None] = (),
             part_rows: np.ndarray | None = None) -> Readings:
    """texts: the query rows, task by task (task k's rows start at firsts[k]); bodies: each
    task's own text.  A merged sentence (防溺水教育3次，疏散演习2次) answers several tasks: its
    clauses are scored too, and a sentence keeps the best of itself and its clauses.  part_rows: per
    query row, a clause that sets a figure of its own, read for its requirement's best only (a
    short clause would otherwise raise the task's best on any sentence that shares its verb)."""
    n_tasks, n_rows, n = len(bodies), len(texts), len(sents)

    def mask(pred) -> np.ndarray:
        return np.array([pred(s) for s in sents], dtype=bool)

    affirmative, reports = mask(lambda s: s.affirmative), mask(lambda s: s.reports)
    by_reading = {"neg": mask(lambda s: s.negated), "fut": mask(lambda s: s.reading == "future"),
                  "prob": mask(lambda s: s.reading == "problem")}
    k_top = min(TOP, n)
    top = np.full((n_tasks, k_top), -1, dtype=np.int64)
    top_scores = np.zeros((n_tasks, k_top), dtype=np.float32)
    best_of = {name: (np.zeros(n_tasks, dtype=np.float32), np.full(n_tasks, -1)) for name in ("aff", *by_reading)}
    requirement = np.zeros(n_rows, dtype=np.float32)
    requirement_at = np.full(n_rows, -1, dtype=np.int64)
    lookalike = np.full(n_tasks, -1)
    # a heading stands for its item: whom and what it is about is what the item says (5. 开展满意度
    # 调查。 over a 职工 survey is no answer to a 患者 survey); items: per sentence, its item's text
    # when it is a heading
    about = [w or s.text for s, w in zip(sents, items)] if items else [s.text for s in sents]
    sent_ints = tuple(audience_mask(t) for t in about)
    # (who answers for a task, 负责人：大队辅导员 or （安全办负责，各班主任配合）, is no audience of it)
    sent_masks, task_masks = _halves(sent_ints), _halves([audience_mask(P.ASSIGNED.sub(_blank, P.UNIT_LABEL.sub(_blank, b))) for b in bodies])
    sent_objs = tuple(activity_objects(t) if P.ACTIVITY.search(t) else {} for t in about)
    task_objs = [activity_objects(b) for b in bodies]
    task_has = np.array([bool(o) for o in task_objs], dtype=bool)
    sent_has = np.array([bool(o) for o in sent_objs], dtype=bool)
    if n and n_tasks:
        col_factor = np.ones(n, dtype=np.float32)
        col_factor[mask(lambda s: s.heading)] = HEADING_FACTOR
        col_factor[mask(lambda s: s.generic)] = 0.0  # 在区委的坚强领导下…: shares words with every task
        categories = list(lexicon.audiences().categories.values())
        category_words = _category_words(categories)
        units = [s.text for s in sents]
        owner_of: list[int] = []
        for j, s in enumerate(sents):
            parts = list(S.clauses(s.text)) if len(s.text) >= MERGED_CHARS else []
            if len(parts) > 1:
                units += [c for c, _, _ in parts]
                owner_of += [j] * len(parts)
        owners = np.array(owner_of, dtype=np.int64)
        pairs = np.array([(j, j + 1) for j in range(n - 1) if sents[j + 1].start == sents[j].end
                          and sents[j].text[-1:] in _ENDS and len(sents[j].text) + len(sents[j + 1].text) <= WINDOW_CHARS
                          and sents[j].section_kind == sents[j + 1].section_kind
                          # (not across groups or objects: a pair's score goes to each of its two, each
                          # checked for look-alikes on its own words; 两次举办家长开放日 beside …为全体教师
                          # 开展…讲座2场 reads no lecture for parents)
                          and not conflicting(sent_ints[j], sent_ints[j + 1], categories)
                          and not (sent_objs[j] and sent_objs[j + 1] and objects_conflict(sent_objs[j], sent_objs[j + 1]))
                          and not (sents[j].heading or sents[j + 1].heading or sents[j].generic or sents[j + 1].generic)],
                         dtype=np.int64).reshape(-1, 2)
        units += [sents[a].text + sents[b].text for a, b in pairs.tolist()]
        named, names = _shared_names(bodies, [s.text for s in sents])
        aligner = aligner or EvidenceAligner()
        aligner.fit(units[:len(units) - len(pairs)] + list(bodies))
        against = aligner.against(units)
        bounds = np.r_[firsts, n_rows]
        k0 = 0
        while k0 < n_tasks:  # blocks of whole tasks
            k1 = int(np.searchsorted(bounds, bounds[k0] + _BLOCK_ROWS, side="right")) - 1
            k1 = min(max(k1, k0 + 1), n_tasks)
            r0, r1 = int(bounds[k0]), int(bounds[k1])
            local_firsts = bounds[k0:k1] - r0
            scores = _sentence_scores(aligner.score_sparse(texts[r0:r1], against, PRUNE), n, owners, col_factor, pairs)
            if named:
                scores = _named_bonus(scores, texts[r0:r1], named, names, col_factor)
            task_of = np.repeat(np.arange(k0, k1), np.diff(bounds[k0:k1 + 1]))
            entry_task = np.repeat(task_of, np.diff(scores.indptr))
            conflict = _conflict(task_masks[entry_task], sent_masks[scores.indices], category_words)
            # …or about another object of the same activity (作风 / 卷烟零售市场 明察暗访)
            for e in np.flatnonzero(task_has[entry_task] & sent_has[scores.indices]).tolist():
                conflict[e] |= objects_conflict(task_objs[entry_task[e]], sent_objs[scores.indices[e]]) is not None
            if conflict.any():
                _, before = _row_best(_group_max(scores, local_firsts))
                tm, sm = task_masks[k0:k1], sent_masks[np.maximum(before, 0)]
                was = (before >= 0) & _conflict(tm, sm, category_words)
                was |= np.array([b >= 0 and task_has[k] and sent_has[b] and objects_conflict(task_objs[k], sent_objs[b]) is not None
                                 for k, b in zip(range(k0, k1), before.tolist())], dtype=bool)
                lookalike[k0:k1] = np.where(was, before, -1)
                scores.data[conflict] *= LOOKALIKE_FACTOR
            requirement[r0:r1], requirement_at[r0:r1] = _row_best(_keep(scores, affirmative[scores.indices]))
            best = _group_max(_without_rows(scores, part_rows[r0:r1])
                              if part_rows is not None and part_rows[r0:r1].any() else scores,
                              local_firsts)
            for name, m in (("aff", affirmative), *by_reading.items()):
                v, j = _row_best(_keep(best, m[best.indices]))
                best_of[name][0][k0:k1], best_of[name][1][k0:k1] = v, j
            top[k0:k1], top_scores[k0:k1] = _top(best, k_top)
            k0 = k1
    return Readings(top, top_scores, best_of["aff"][0], requirement, requirement_at, best_of["neg"], best_of["fut"],
                    best_of["prob"], reports, lookalike, sent_ints, sent_objs)


def _without_rows(m: "sp.csr_matrix", rows: np.ndarray) -> "sp.csr_matrix":
    """m with the given rows emptied."""
    m = m.copy()
    m.data[np.repeat(rows, np.diff(m.indptr))] = 0.0
    m.eliminate_zeros()
    return m


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _shared_names(bodies: Sequence[str], sents: Sequence[str]) -> tuple[dict[str, np.ndarray], "_Names | None"]:
    """The quoted names (“护河志愿行”) that one task alone names, with the sentences that name
    them too: ({name: sentence indices}, the names' finder)."""
    owners: dict[str, set[int]] = {}
    for k, body in enumerate(bodies):
        for m in P.QUOTED_NAME.finditer(body):
            owners.setdefault(m.group(1), set()).add(k)
    mine = [name for name, tasks in owners.items() if len(tasks) == 1]
    if not mine:
        return {}, None
    names = _Names(mine)
    return {name: np.array(at, dtype=np.int64) for name, at in names.holders(sents).items()}, names


class _Names:
    """Finds which texts hold which of a list of names in one scan of the texts joined, whatever
    the number of names (looking for every name in every text grew with their product: a fifth
    of a 200k-character comparison)."""

    def __init__(self, names: Sequence[str]) -> None:
        self.rx = P.literal_alternation(names)  # the longest name at a position
        known = set(names)
        # …and the names it starts with (“护河志愿行” holds “护河志愿”, when both are names)
        self.starting = {n: [n[:k] for k in range(1, len(n) + 1) if n[:k] in known] for n in names}

    def holders(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """Each name some text holds → those texts' indices, in order."""
        joined = "\n".join(texts)  # (a name holds no line break)
        starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]]).tolist()
        out: dict[str, list[int]] = {}
        m = self.rx.search(joined)
        while m is not None:
            i = bisect.bisect_right(starts, m.start()) - 1
            for n in self.starting[m.group()]:
                at = out.setdefault(n, [])
                if not at or at[-1] != i:
                    at.append(i)
            m = self.rx.search(joined, m.start() + 1)  # names may overlap
        return out


def _named_bonus(scores: "sp.csr_matrix", texts: Sequence[str], named: dict[str, np.ndarray], names: _Names,
                 col_factor: np.ndarray) -> "sp.csr_matrix":
    """A query row and a sentence that name the same activity of the task's own (“护河志愿行”)
    score NAMED_BONUS more, however else they are worded (weighed by the column factor: never
    for a generic opening).  A bonus, not a floor: the same name may stand for a platform or a
    method (“学习强国”, “四不两直”) in a sentence about other work."""
    import scipy.sparse as sp

    rows, cols = [], []
    for name, holding in names.holders(texts).items():
        at = named.get(name)
        for r in holding if at is not None else ():
            rows.append(np.full(len(at), r, dtype=np.int64))
            cols.append(at)
    if not rows:
        return scores
    rows_a, cols_a = np.concatenate(rows), np.concatenate(cols)
    bonus = sp.csr_matrix((np.float32(NAMED_BONUS) * col_factor[cols_a], (rows_a, cols_a)), shape=scores.shape)
    bonus.sum_duplicates()
    bonus.data = np.minimum(bonus.data, np.float32(NAMED_BONUS))  # (once, however many names)
    out = (scores + bonus).tocsr()
    out.sort_indices()
    out.eliminate_zeros()
    return out


def _sentence_scores(raw: "sp.csr_matrix", n: int, owners: np.ndarray, col_factor: np.ndarray,
                     pairs: np.ndarray | None = None) -> "sp.csr_matrix":
    """Rows x sentences: a sentence's score is the best of its own and CLAUSE_FACTOR times its
    best clause's (clauses are the columns after n), then weighed by its column factor.  The
    columns after the clauses are pairs of adjacent sentences (pairs: their two indices): each
    of the two takes WINDOW_FACTOR times the pair's score where that beats both of their own."""
    # Every entry as (row, sentence, score), a clause's under its sentence at CLAUSE_FACTOR; the
    # largest per (row, sentence) wins.
    raw = raw.tocsr()
    rows = np.repeat(np.arange(raw.shape[0], dtype=np.int64), np.diff(raw.indptr))
    cols = raw.indices.astype(np.int64)
    vals = raw.data.astype(np.float32)
    is_pair = cols >= n + len(owners)
    if is_pair.any():
        pr, pc, pv = rows[is_pair], cols[is_pair] - n - len(owners), vals[is_pair] * np.float32(WINDOW_FACTOR)
        rows, cols, vals = rows[~is_pair], cols[~is_pair], vals[~is_pair]
    is_clause = cols >= n
    if is_clause.any():
        cols = np.where(is_clause, owners[np.where(is_clause, cols - n, 0)], cols)
        vals = np.where(is_clause, vals * np.float32(CLAUSE_FACTOR), vals)
    out = _max_by_key(rows, cols, vals, (raw.shape[0], n))
    if is_pair.any():
        a, b = pairs[pc, 0], pairs[pc, 1]
        keys = np.repeat(np.arange(out.shape[0], dtype=np.int64), np.diff(out.indptr)) * n + out.indices
        beats = (pv > _lookup(keys, out.data, pr * n + a)) & (pv > _lookup(keys, out.data, pr * n + b))
        if beats.any():
            pr, pv = pr[beats], pv[beats]
            out = _max_by_key(np.r_[keys // n, pr, pr], np.r_[keys % n, a[beats], b[beats]],
                              np.r_[out.data, pv, pv], (raw.shape[0], n))
    out.data *= col_factor[out.indices]
    out.eliminate_zeros()
    return out


def _lookup(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """values at wanted among sorted keys (0 where absent)."""
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    found = (keys[at] == wanted) if len(keys) else np.zeros(len(wanted), dtype=bool)
    return np.where(found, values[at] if len(keys) else 0.0, 0.0).astype(np.float32)


def _words(m: int) -> list[int]:
    """A mask of up to MARKED bits as uint64 words, lowest first."""
    return [(m >> (64 * k)) & _WORD for k in range(_WORDS)]


_WORDS = MARKED // 64
_WORD = (1 << 64) - 1


def _halves(masks: Sequence[int]) -> np.ndarray:
    """audience_masks as rows of (groups named, groups served), each in _WORDS uint64 words."""
    low = (1 << MARKED) - 1
    return np.array([(_words(m & low), _words(m >> MARKED)) for m in masks], dtype=np.uint64).reshape(-1, 2, _WORDS)


def _category_words(categories: Sequence[int]) -> np.ndarray:
    return np.array([_words(c) for c in categories], dtype=np.uint64).reshape(-1, _WORDS)


def _conflict(t: np.ndarray, s: np.ndarray, categories: np.ndarray) -> np.ndarray:
    """Per pair of _halves rows: the task and the sentence name groups of one category and
    share none; the groups served when both mark some, else all they name.  Only the pairs that
    both name some group are looked at, word by word (most name none: a comparison has millions
    of pairs)."""
    out = np.zeros(len(t), dtype=bool)
    served = (_any_bit(t[:, 1]) & _any_bit(s[:, 1]))[:, None]
    t, s = np.where(served, t[:, 1], t[:, 0]), np.where(served, s[:, 1], s[:, 0])
    at = np.flatnonzero(_any_bit(t) & _any_bit(s))
    if not len(at):
        return out
    t, s = t[at], s[at]
    hit = np.zeros(len(at), dtype=bool)
    for bits in categories:
        words = [k for k in range(len(bits)) if bits[k]]
        tb = np.zeros(len(at), dtype=bool)
        sb = np.zeros(len(at), dtype=bool)
        shared = np.zeros(len(at), dtype=bool)
        for k in words:
            tk, sk = t[:, k] & bits[k], s[:, k] & bits[k]
            tb |= tk != 0
            sb |= sk != 0
            shared |= (tk & sk) != 0
        hit |= tb & sb & ~shared
    out[at] = hit
    return out


def _any_bit(words: np.ndarray) -> np.ndarray:
    """Per row of uint64 words: whether any bit is set."""
    out = words[:, 0] != 0
    for k in range(1, words.shape[1]):
        out |= words[:, k] != 0
    return out


def _keep(m: "sp.csr_matrix", keep: np.ndarray) -> "sp.csr_matrix":
    """m with only the entries keep selects (a boolean per stored entry)."""
    import scipy.sparse as sp

    row_of = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    indptr = np.r_[0, np.cumsum(np.bincount(row_of[keep], minlength=m.shape[0]))]
    return sp.csr_matrix((m.data[keep], m.indices[keep], indptr), shape=m.shape)


def _row_best(m: "sp.csr_matrix") -> tuple[np.ndarray, np.ndarray]:
    """Per row: the best stored score (0 when none) and its column (the first on ties; -1 when
    none).  Indices must be sorted."""
    rows = m.shape[0]
    val, col = np.zeros(rows, dtype=np.float32), np.full(rows, -1, dtype=np.int64)
    sizes = np.diff(m.indptr)
    full = sizes > 0
    if not full.any():
        return val, col
    val[full] = np.maximum.reduceat(m.data, m.indptr[:-1][full])
    hit = np.flatnonzero(m.data == np.repeat(val, sizes))
    row_of = np.repeat(np.arange(rows), sizes)[hit]
    first_rows, at = np.unique(row_of, return_index=True)
    col[first_rows] = m.indices[hit[at]]
    return val, col


def _group_max(m: "sp.csr_matrix", starts: np.ndarray) -> "sp.csr_matrix":
    """Column-wise maximum of each group of adjacent rows (groups begin at starts).  The entries
    of a group are its rows' sorted runs, which a stable sort merges in near-linear time."""
    groups = len(starts)
    sizes = np.diff(np.r_[starts, m.shape[0]])
    group_of = np.repeat(np.repeat(np.arange(groups), sizes), np.diff(m.indptr))
    return _max_by_key(group_of, m.indices.astype(np.int64), m.data, (groups, m.shape[1]))


def _max_by_key(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, shape: tuple[int, int]) -> "sp.csr_matrix":
    """The CSR matrix of the largest value at each (row, col), indices sorted."""
    import scipy.sparse as sp

    if not len(vals):
        return sp.csr_matrix(shape, dtype=np.float32)
    key = rows * shape[1] + cols
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    best = np.maximum.reduceat(vals[order], starts)
    key = key[starts]
    r = key // shape[1]
    indptr = np.r_[0, np.cumsum(np.bincount(r, minlength=shape[0]))]
    return sp.csr_matrix((best.astype(np.float32), (key % shape[1]).astype(np.int32), indptr), shape=shape)


def _top(best: "sp.csr_matrix", k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k best columns by falling score, ties to the lower column; -1 past its entries."""
    rows = best.shape[0]
    idx = np.full((rows, k), -1, dtype=np.int64)
    vals = np.zeros((rows, k), dtype=np.float32)
    if k == 0:
        return idx, vals
    for r in range(rows):
        a, b = best.indptr[r], best.indptr[r + 1]
        if a == b:
            continue
        d, c = best.data[a:b], best.indices[a:b]
        if b - a > k:
            part = np.argpartition(-d, k - 1)[:k]
            d, c = d[part], c[part]
        order = np.lexsort((c, -d))[:k]
        idx[r, :len(order)], vals[r, :len(order)] = c[order], d[order]
    return idx, vals

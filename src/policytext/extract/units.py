"""Responsible units and roles (责任分工): who leads, who supports, who is responsible.

Two shapes: a label with a list (牵头单位：机关党委；配合单位：局办公室, 组长：…) and a name
right before a role verb (由办公室牵头，各科室配合 / 党组书记是第一责任人).  A name counts
only when it ends with a unit or role word of the lexicon in models/lexicons/units.txt,
which keeps ordinary words out where generic NER would tag them as organisations.
"""
from __future__ import annotations

import re
from typing import Iterator

from .. import lexicon
from .. import patterns as P
from .._record import Record, frozen
from ..document import Document
from ..structure import Notice, Outline, pasted_tables
from ._common import SpanSet, clause_start, task_path

_LABEL_ROLES = dict(P.UNIT_LABELS)
_NAME = re.compile(r"[\u4e00-\u9fff（）()“”*＊Xx0-9]{2,20}")
_COUNTED = re.compile(r"[0-9][个名人家所项次处批]")  # 12个成员单位 is a count, 12345热线服务中心 a name
_SHARED_PATTERN = re.compile(r"的(?:工作)?(?:格局|机制|体系|局面|合力)")
_ROLE_NOUN = re.compile(r"(?:牵头|配合|协办|责任|主责)(?:部门|单位|科室|处室|股室)")
_BARE_WORDS = frozenset({"部门", "单位", "庭室", "科室", "处室", "机关"})
_INLINE_MARKER = re.compile(r"^[一二三四五六七八九十]{1,2}是")
_LABEL_SPACE = re.compile(r"[ \u3000]")
_ROLE_BRACKET = re.compile(r"[（(](?P<word>" + "|".join(w for w, _ in P.UNIT_PIECE_ROLES) + r")[）)]")
_LIST_SEP = re.compile(r"([、，,；;]|以及)")
_AND_PARTS = re.compile(r"[^和及与]+")
_LISTED_AND_PARTS = re.compile(r"[^和及 \u3000]+")  # (and a unit then its person: 负责人：政教处 周立群)
_CUT_AFTER = re.compile(r".*(?:推动|督促|指导|要求|(?<!党)组织(?![部员委])|成立由|成立|并由|由|请|其中|明确了?|实行|检验了?|加强|"
                        r"(?<![可所])以(?![上下内外及前后]))")
_SPACE = re.compile(r"\s")
_NO_BODY = ("多", "跨")  # 多部门协同, 跨部门协同: no body named
# A title a person's name stands next to: 局长李文涛, 何静园长, 陈立新院长, 周立群同志.
_TITLES = ("党委书记", "党组书记", "书记", "副书记", "院长", "副院长", "园长", "副园长", "局长", "副局长", "校长", "副校长",
           "主任", "副主任", "经理", "总经理", "副总经理", "所长", "站长", "馆长", "科长", "处长", "部长", "县长", "镇长",
           "乡长", "区长", "市长", "行长", "董事长", "检察长", "庭长", "队长", "大队长")
_LONGEST_TITLES = sorted(_TITLES, key=len, reverse=True)
_TITLE_RX = "|".join(_LONGEST_TITLES)
_TITLED_PERSON = re.compile(rf"(?:{_TITLE_RX})(?P<p>{P.PERSON_NAME.pattern})(?:同志)?$")
_NOT_GIVEN = ("副", "务", "业", "级")
_BRACKETED = re.compile(r"[（(][^（）()\n]*[）)]")
_BRACKET_SEPARATORS = re.compile("[、，]")


@frozen
class Unit(Record):
    name: str
    role: str  # lead | support | responsible
    cue: str  # the label or verb that assigns the role: 牵头单位, 牵头, 是第一责任人
    task: str | None
    start: int
    end: int
    kind: str  # unit (a body: 市教育局, 各科室) | post (a position: 党组书记) | person (a named person)


_PEOPLE_LABELS = frozenset({"组长", "副组长", "成员", "责任人", "牵头领导", "责任领导", "负责人", "主任委员", "责任民警",
                            "副主任委员", "委员", "牵头人", "配合人"})


def _kind(name: str, label: str | None = None) -> str:
    lex = lexicon.units()
    if name.endswith(lex.roles) and not name.endswith(lex.suffixes):
        return "post"
    if P.PERSON_NAME.fullmatch(name) and not lex.is_unit_name(name):
        return "person"  # from a people label's list, or written with a title (局长李文涛任组长)
    return "unit"


def _tab_unit_cells(doc: Document) -> Iterator[tuple[str, int, int]]:
    """(label, start, end) of each cell under a unit column of a table pasted with tabs: a header
    line whose cells name such a column (责任人, 牵头单位), then its rows, one a line, until a line
    with fewer cells."""
    if "\t" not in doc.text:
        return
    cols: dict[int, str] = {}
    for p in doc.paragraphs:
        if p.cell is not None:
            cols = {}
            continue
        line = doc.text[p.start:p.end]
        cells = line.split("\t")
        heads = {n: _LABEL_SPACE.sub("", c.strip()) for n, c in enumerate(cells)}
        found = {n: h for n, h in heads.items() if h in _LABEL_ROLES and h not in _NO_COLUMN}
        if len(cells) >= _TAB_MIN_CELLS and found:
            cols = found
            continue
        if not cols or len(cells) <= max(cols):
            cols = {}
            continue
        for n, label in cols.items():
            start = p.start + sum(len(c) + 1 for c in cells[:n])
            end = start + len(cells[n])
            if doc.text[start:end].strip():
                yield label, start, end


_TAB_MIN_CELLS = 3
_NO_COLUMN = frozenset({"牵头", "配合", "成员", "委员"})  # (words that head no column of names)


def _listed(segment: str, base: int, label: str) -> Iterator[tuple[str, int, str | None, bool]]:
    """Every name of a list after a label (牵头单位：…；组长：…), however the list ends: a bracketed
    remark after a name is read past (周建国（党组书记、院长）), the words that close the list or
    a piece are cut off (…，乡镇人民政府按职责分工分别负责; 各村（社区）负责具体实施), and a piece
    that is no name is skipped alone, never taking the rest of the list with it.  和/及 split a
    piece only when every part is a name (与 does not: 实验室与设备管理处 is one office).
    The third value is the role the list gives the name itself, or None for the label's: a
    bracket (保卫处（牵头）) or the piece's own verb (纳税服务科牵头，各税务所配合).  The fourth
    says the name only helps: its comma-separated stretch ends in 配合/协助 (…，各派驻纪检监察组、
    各镇纪委配合〕)."""
    roles = {m.start(): _PIECE_ROLES[m.group("word")] for m in _ROLE_BRACKET.finditer(segment)}
    masked = P.UNIT_REMARK.sub(lambda m: _remark(segment, m), segment)
    masked = _mask_bracket_lists(masked)
    helping = [bool(P.UNIT_LIST_SUPPORT.search(g.rstrip(" \t\u3000"))) for g in re.split(r"[，,；;]", masked)]
    pos = group = 0
    for part in _LIST_SEP.split(masked):
        at, pos = pos, pos + len(part)
        if part in ("，", ",", "；", ";"):
            group += 1
        if not part or _LIST_SEP.fullmatch(part):
            continue
        piece = part.rstrip(" \t\u3000")
        tail = P.UNIT_LIST_TAIL.search(piece)
        piece = piece[:tail.start()] if tail and tail.start() else piece
        # (…，各村按职责分工负责: the piece says the name's own role)
        said = next((r for w, r in P.UNIT_PIECE_ROLES if w in tail.group()), None) if tail and tail.start() else None
        lead = len(piece) - len(piece.lstrip(" \t\u3000“”\"由"))
        piece = piece.strip(" \t\u3000“”\"由")
        does = said
        if not _listed_name(piece, label):  # 县林长制办公室牵头 / 相关乡镇人民政府按属地管理原则分别负责
            cut = next((d for d in P.UNIT_PIECE_DOES.finditer(piece) if d.start() >= 2
                        and _listed_name(piece[:d.start()], label)), None)
            if cut is not None:
                does = next((r for w, r in P.UNIT_PIECE_ROLES if w in piece[cut.start():]), None)
                piece = piece[:cut.start()]
        subs = [(m.group(), lead + m.start()) for m in _LISTED_AND_PARTS.finditer(piece)]
        if len(subs) > 1 and all(_listed_name(x, label) for x, _ in subs):
            names = subs
        else:
            names = [(piece, lead)]
        for name, off in names:
            if (person := _person(name)) is not None:  # 组长：陈立新院长
                off, name = off + person[0], name[person[0]:person[1]]
            name = segment[at + off:at + off + len(name)]  # as written, bracket separators included
            if _listed_name(name, label):
                end = at + off + len(name)
                yield name, base + at + off, roles.get(end) or does, helping[group]


_PIECE_ROLES = dict(P.UNIT_PIECE_ROLES)


def _remark(segment: str, m: re.Match) -> str:
    """A bracket after a name, blanked as a remark (周建国（党组书记、院长）, 保卫处（牵头）,
    教务处（教材科）), unless it widens a collective (各村（社区）, 各县（区）局（分公司）)."""
    inner = m.group()[1:-1]
    head = re.split(r"[、，,；;：:]", segment[:m.start()])[-1].strip()
    lex = lexicon.units()
    if lex.is_unit_name(inner) and not _BRACKET_SEPARATORS.search(inner) and (
            head.startswith("各")
            # …or gives the unit's other name (营销部（客户服务中心）, 纪委办公室（监察专员办公室）), not
            # an office inside it (教务处（教材科）)
            or (lex.is_unit_name(head) and not inner.endswith(_SUB_UNITS) and len(inner) >= _ALIAS_CHARS)):
        return m.group()
    return "、" * len(m.group())


_SUB_UNITS = ("科", "股", "组", "班", "科室")
_ALIAS_CHARS = 4


def _mask_bracket_lists(s: str) -> str:
    """s with the separators inside brackets blanked (same length), so that a list inside a
    name's bracket (各县（市、区）团委) is not taken for a list of names."""
    return _BRACKETED.sub(lambda m: _BRACKET_SEPARATORS.sub("\u200b", m.group()), s)


def _listed_name(name: str, label: str) -> bool:
    if not _NAME.fullmatch(_BRACKETED.sub("（）", name)) or "、" in _BRACKETED.sub("", name) or _COUNTED.search(name):
        return False
    return _unit_name(name) or (label in _PEOPLE_LABELS and bool(P.PERSON_NAME.fullmatch(name)))


def _valid(name: str) -> bool:
    return bool(_NAME.fullmatch(_BRACKETED.sub("（）", name))) and not _COUNTED.search(name) \
        and not name.startswith(_NO_BODY) and _unit_name(name.strip("“”"))


def _person(name: str) -> tuple[int, int] | None:
    """Where a named person stands in a name written with a title (局长李文涛, 委党委书记周立群同志,
    何静园长), or None: the person is who answers for it, the title only says who they are."""
    m = _TITLED_PERSON.search(name)
    if m is not None and _given(m.group("p")):
        return m.start("p"), m.end("p")
    head = next((name[:-len(t)] for t in _LONGEST_TITLES if name.endswith(t) and P.PERSON_NAME.fullmatch(name[:-len(t)])), None)
    return (0, len(head)) if head is not None and _given(head) else None


def _given(name: str) -> bool:
    """党委书记 is no 党委 the person, 纪委书记 no 纪委, 常务副县长 no 常务副."""
    return not (name.startswith("党") or name.endswith(_NOT_GIVEN) or lexicon.units().is_unit_name(name))


def _unit_name(name: str) -> bool:
    """A unit word ends the name, or its closing bracket's content: 各村（社区）."""
    lex = lexicon.units()
    if lex.is_unit_name(name):
        return True
    m = next((b for b in _BRACKETED.finditer(name) if b.end() == len(name)), None)  # 各县（区）局（分公司）
    return bool(m and m.start() > 0 and lex.is_unit_name(name[m.start() + 1:-1]))


def _clean(piece: str) -> str:
    s = piece.strip(" \t\u3000“”\"")
    opened = max(s.rfind("（"), s.rfind("("))
    if opened >= 0 and not re.search(r"[）)]", s[opened:]):  # （教科室负责）, …全覆盖（政治部负责）: the bracket opens the assignment
        s = s[opened + 1:]
    s = _INLINE_MARKER.sub("", s)  # 一是党组书记…
    s = _SPACE.split(s)[-1].lstrip("—－-")  # a one-line paste (…向纵深推进 局党组认真落实…), a —— bullet
    m = _CUT_AFTER.match(s)
    if m and m.end() < len(s):
        s = s[m.end():]
    return s.strip("“”\"")


def _names(segment: str, base: int) -> Iterator[tuple[str, int]]:
    """Unit names listed in segment (offset base), from the end backwards while they are valid,
    yielded in text order.  和/及/与 split a piece only when every part is a name itself
    (法规和审批处 stays whole)."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    masked = _mask_bracket_lists(segment)
    for part in _LIST_SEP.split(masked):
        if part and not _LIST_SEP.fullmatch(part):
            pieces.append((part, pos))
        pos += len(part)
    found: list[tuple[str, int]] = []
    for part, at in reversed(pieces):
        whole = _clean(part)
        if (person := _person(whole)) is not None:  # 党委书记、局长周海峰任组长: the titles before are his
            at += masked[at:].index(whole) + person[0]
            found.append((segment[at:at + person[1] - person[0]], base + at))
            break
        subs = [(m.group(), at + m.start()) for m in _AND_PARTS.finditer(part)]
        cleaned = [(_clean(s), a) for s, a in subs]
        if len(subs) > 1 and all(_valid(c) for c, _ in cleaned):
            items = cleaned
        else:
            items = [(whole, at)]
        if not all(_valid(c) for c, _ in items):
            break
        for name, a in reversed(items):
            at = a + masked[a:].index(name)
            found.append((segment[at:at + len(name)], base + at))
    yield from reversed(found)


def _strip_fillers(s: str) -> str:
    changed = True
    while changed:
        changed = False
        for f in P.UNIT_TRAILING_FILLERS:
            if s.endswith(f) and len(s) > len(f):
                s, changed = s[: -len(f)], True
    return s


def units(doc: Document, outline: Outline, notices: list[Notice]) -> Iterator[Unit]:
    """Units in document order."""
    text = doc.text
    out: list[Unit] = []
    labelled = SpanSet()
    pos = 0
    while (m := P.UNIT_LABEL.search(text, pos)) is not None:
        # a label inside the list starts a list of its own (组长：王振华（书记），副组长：陈立新…)
        names = m.group("names")
        inner = P.UNIT_LABEL.search(text, m.start("names"), m.end("names")) if ("：" in names or ":" in names) else None
        end = inner.start() if inner is not None else m.end("names")
        pos = end if inner is not None else m.end()
        label = _LABEL_SPACE.sub("", m.group("label"))
        role = _LABEL_ROLES[label]
        labelled.add(m.start(), end)
        segment = text[m.start("names"):end].rstrip().rstrip("（(")  # 区卫健局（协办单位：… opens a list of its own
        for name, at, own, helps in _listed(segment, m.start("names"), label):
            given = own or ("support" if helps and role != "lead" else role)
            out.append(Unit(name, given, label, task_path(outline, at), at, at + len(name), _kind(name, label)))
    # a task table pasted one cell per line: its unit column's cells, each a list under that label
    for table in pasted_tables(doc):
        for col, head in enumerate(table.header, start=1):
            label = _LABEL_SPACE.sub("", head)
            if label not in _LABEL_ROLES:
                continue
            for row in table.rows:
                cell = doc.paragraphs[row[col]]
                labelled.add(cell.start, cell.end)
                for name, at, own, helps in _listed(text[cell.start:cell.end].rstrip(), cell.start, label):
                    given = own or ("support" if helps and _LABEL_ROLES[label] != "lead" else _LABEL_ROLES[label])
                    out.append(Unit(name, given, label, task_path(outline, at), at, at + len(name), _kind(name, label)))
    # …or pasted with tabs, a row a line (序号⇥问题⇥整改措施⇥责任人⇥完成时限)
    for label, start, end in _tab_unit_cells(doc):
        labelled.add(start, end)
        for name, at, own, helps in _listed(text[start:end].rstrip(), start, label):
            given = own or ("support" if helps and _LABEL_ROLES[label] != "lead" else _LABEL_ROLES[label])
            out.append(Unit(name, given, label, task_path(outline, at), at, at + len(name), _kind(name, label)))
    prev_end = 0
    for m in P.UNIT_VERB.finditer(text):
        if labelled.contains(m.start()) or _ROLE_NOUN.match(text, m.start()):
            continue  # (牵头部门对所承担任务负总责: 牵头部门 is who, not a verb)
        role = next(r for rx, r in P.UNIT_VERB_ROLES if rx.fullmatch(m.group()))
        lo = max(clause_start(text, m.start(), P.UNIT_LEFT_BREAK), prev_end)
        prev_end = m.end()
        cue = m.group()
        left = text[lo:m.start()]
        if cue in ("第一责任人", "直接责任人", "具体责任人", "责任主体"):
            cop = P.UNIT_COPULA.search(left)
            if cop is None:
                continue  # 书记直接责任人 with no 是/为: a list of duties, not an assignment
            cue = left[cop.start():] + cue
            left = left[:cop.start()]
        obj = P.UNIT_OBJECT.search(left)
        if obj is not None and obj.start() > 0:
            left = left[:obj.start()]  # 公司党委对党建工作负总责
        left = _strip_fillers(left)
        if m.group().startswith("组成") and "由" not in left:
            continue  # 组成 names members only in 由……组成
        if role == "support" and _SHARED_PATTERN.match(text, m.end()):
            continue  # 党委领导、政府主导、法院参与的工作格局: a slogan of shared work, no assignment
        for name, at in _names(left, lo):
            if (role == "support" and name in _BARE_WORDS) or name.endswith("家庭"):
                continue  # 部门协同, 引导居民家庭参与: no body named
            out.append(Unit(name, role, cue, task_path(outline, at), at, at + len(name), _kind(name)))
    # 领导小组办公室设在局办公室，负责日常工作 (rare, and slow to look for at every position)
    for m in P.UNIT_OFFICE.finditer(text) if "办公室设在" in text else ():
        name = m.group("name")
        if _valid(name):
            out.append(Unit(name, "responsible", "设在…负责", task_path(outline, m.start("name")), m.start("name"),
                            m.end("name"), _kind(name)))
    seen: set[tuple[int, str]] = set()
    for u in sorted(out, key=lambda u: u.start):
        if (u.start, u.role) not in seen:
            seen.add((u.start, u.role))
            yield u

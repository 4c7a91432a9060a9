"""Who issued a document: the organ named in its closing signature, else in its title."""
from __future__ import annotations

import re

from .. import patterns as P
from ..document import Document

# An organ's name ends with one of these (江州市交通运输局, 城东街道办事处, 机关党委, 卫生健康委员会).
_ORGAN = re.compile(r"^[\u4e00-\u9fffXx*＊]{2,30}?(?:委员会|办事处|办公室|办公厅|政府|党委|党组|工委|纪委|"
                    r"管理局|局|厅|委|办|院|所|中心|街道|乡|镇|公司|集团|学校|大学|支部|总支|协会|联合会)")
_LEADING = re.compile(r"^(?:中共|中国共产党)")
_CUT = re.compile(r"(?:19|20)[0-9]{2}年|关于|[（(《“]")


def issuer(doc: Document) -> str | None:
    """The issuing organ, or None when neither the signature nor the title names one."""
    lines = [line.strip() for _, line in doc.lines()]
    for k in range(len(lines) - 1, max(len(lines) - 6, 0), -1):
        if P.SIGNATURE_DATE.match(lines[k]):
            for name in reversed(lines[max(k - 3, 1):k]):
                if _ORGAN.fullmatch(name):
                    return name
            break
    title = doc.title or ""
    cut = _CUT.search(title)
    head = title[:cut.start()] if cut else title
    m = _ORGAN.match(head)
    return m.group() if m else None


def issuer_key(name: str | None) -> str | None:
    """The organ an issuer belongs to, for matching 江州市税务局机关党委 with 江州市税务局."""
    if not name:
        return None
    name = _LEADING.sub("", name)
    m = _ORGAN.match(name)
    return m.group() if m else name

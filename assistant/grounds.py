"""依据什么文件 / 根据什么立项的: the 说明's sentences that cite a ground (根据《…》, …号批复, …规定) and name
what was asked — read from every sentence, not from whichever a search ranks first; none: said so."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer import Answer, abstain
from assistant.exact import where
from assistant.plan import Planned
from assistant.qtext import bigrams
from assistant.resolve import Resolved
from assistant.textfacts import _citation
from index.stated import sentences

_GROUNDS = re.compile(r"根据|依据|按照|依照|《|批复|\d+号|规定|办法|意见")
_NOT_NAME = re.compile(r"^(?:给|为|对|搞|做)|(?:这件事|这个事|这事|这项工作|这个项目|这笔钱|文件|规定|政策)+$")
MOST = 2  # sentences quoted


def asked_names(operands: tuple[Resolved, ...], searched: Callable[[Resolved], str]) -> list[str]:
    """What the ground is asked for: the names the document knows (工会经费是根据什么规定拨的: the row, not
    规定拨), else the words said (给劳模做体检这件事 → 劳模做体检)."""
    known = [r for r in operands if r.mention.targets]
    names = [_NOT_NAME.sub("", searched(r)) for r in known] or [_NOT_NAME.sub("", r.mention.surface)
                                                                 for r in operands]
    return [n for n in names if len(n) >= 2]


def grounds_answer(p: Planned, names: list[str]) -> Answer:
    doc = p.ask.doc
    found = sorted(((-said_share(n, sentence), i, _citation(doc, section, sentence, page))
                    for section in doc.sections for i, (sentence, page) in enumerate(sentences(section))
                    for n in names[:1] if _GROUNDS.search(sentence) and said_in(n, sentence)),
                   key=lambda f: f[:2])
    kept = tuple(dict.fromkeys(c for _, _, c in found))[:MOST]
    if not kept:
        return abstain(p.ask.raw, f"{where(doc)}的说明没有写明{'、'.join(names)}的依据。")
    return Answer(question=p.ask.raw, route="narrative", text="据说明：" + "".join(f"“{c.quote}”" for c in kept),
                  citations=kept)


def said_share(name: str, quote: str) -> float:
    """The share of the name's character pairs the quote holds."""
    pairs = bigrams(name)
    return sum(pair in quote for pair in pairs) / len(pairs)


def said_in(name: str, quote: str) -> bool:
    """Half the name's character pairs are in the quote (劳模做体检: 劳模…体检; 工会经费 is not 工会法)."""
    return said_share(name, quote) >= 0.5

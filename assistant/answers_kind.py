"""A quoted sentence must answer the kind of question asked, not merely name its subject: a why needs a
reason (主要原因是…, 由于…), a what-for a use (主要用于…), a what-is a definition of that very term (X：指…),
a goal a target (目标…, 达到…). When no quoted sentence does, the 说明 does not say — a quote of the change
itself is no reason for it; when one does, the others stay as its context."""

from __future__ import annotations

import re

from assistant.answer import Answer, abstain
from corpus.records import Disclosure

CUES = {
    # …东高西低，减少对北面小区的日照: a design's reason is what it spares or enables
    "reason": re.compile(r"原因|主要是|主要为|主要系|主要用于|由于|因为|因(?![公素])|导致|所致|为了|用于|源于|"
                         r"以便|便于|以免|避免|从而|减少对"),
    "purpose": re.compile(r"用于|用来|用在|主要用|为了|目的|旨在|保障|开展|支付|主要内容|作为|建成后"),  # 主要用扶持…
    "goal": re.compile(r"目标|达到|实现|确保|提升|提高|完成|力争|不低于|不少于|≥|%|％|满意度"),
    # a name asked (叫什么名字): a sentence giving one — a body's full name, or one introduced as such
    "name": re.compile(r"[\u4e00-\u9fff]{2,}(?:中心|站|所|院|科|队|馆|社|公司)(?![\u4e00-\u9fff]*(?:费|经费|支出|收入))"
                       r"|(?:名称|全称|简称|名为|称为)"),
}
_DEFINES = r"\s*(?:[:：]|[，,]?\s*(?:是指|指的是|指|即|是|为))"  # 事业收入：指… / X为定额补助 / 所谓X，即…


_QUOTE_MARKS = re.compile(r"[“”\"'「」]")


def _defines(term: str, quote: str) -> bool:
    term, quote = _QUOTE_MARKS.sub("", term), _QUOTE_MARKS.sub("", quote)  # “三公”经费：指…
    return bool(term) and bool(re.search(re.escape(term) + _DEFINES, quote) or
                               re.search("所谓" + re.escape(term), quote))


def answering(op: str, answer: Answer, terms: list[str], nothing: str) -> Answer:
    """The answer with only the quotes answering `op` (reason, purpose, goal, definition of `terms`)."""
    if answer.abstained or not answer.citations or (op not in CUES and op != "definition"):
        return answer
    if op == "definition":
        if not terms:
            return answer
        kept = tuple(c for c in answer.citations if c.quote and any(_defines(t, c.quote) for t in terms))
    else:
        kept = tuple(c for c in answer.citations if c.quote and CUES[op].search(c.quote))
    return answer if kept else abstain(answer.question, nothing)  # one answering sentence: the rest is context


_POINTER = re.compile(r"^[^，,。]{0,8}?(?:详见|参见|请见|见附件|见附表)(?:单位|部门|本单位|本部门)?的?"
                      r"(.{2,20}?)[。；;]?$")


def deferred(answer: Answer, doc: Disclosure) -> Answer:
    """详见单位的项目绩效目标表: a quote that only points elsewhere answers nothing when what it points to
    is not in this document — the 说明 defers, and the answer says so."""
    quote = answer.citations[0].quote if answer.citations and not answer.abstained else None
    found = _POINTER.match(quote or "")
    if found is None:
        return answer
    target = found.group(1).strip("“”")
    titles = [s.title for s in doc.sections] + [t.title for t in doc.tables] + [p.title for p in doc.projects]
    if any(target in t for t in titles if t):
        return answer
    return abstain(answer.question, f"说明此处只写“{quote}”，所指的{target}不在本文件中。")

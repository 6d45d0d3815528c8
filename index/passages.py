"""The 情况说明 as retrievable passages, and a jieba BM25 ranking over them.

A heading is merged into the paragraphs under it (a bare heading otherwise attracts queries); the
项目绩效目标表 and the 机构设置 table are passages too, since "人民会堂是什么单位" is answered there.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, replace
from functools import cache

from corpus.records import Disclosure

_PUNCT = re.compile(r"[\s\d.,，。、；：:;！？!?（）()“”\"'《》<>〔〕【】%％/\-—…·]+")
STOPWORDS = frozenset("的 了 是 在 和 与 及 等 为 对 中 有 也 都 就 其 之 或 并 将 把 被 从 由 以 于 "
                      "什么 怎么 如何 为什么 为何 哪些 哪个 多少 吗 呢 吧 啊 请问 一下 主要 今年 "
                      "这个 那个 我们 你们 他们 没有 有没有 是否 有无 去年 上年 今年 本年 明年 主要 具体 "
                      "相关 叫 啥 为啥 哪里 多少钱".split())


@dataclass(frozen=True)
class Passage:
    passage_id: str  # content hash: doc id + section path + text
    doc_id: str
    section_path: tuple[str, ...]
    title: str
    text: str  # without the heading
    page: int | None
    line: int

    @property
    def indexed_text(self) -> str:
        return " ".join(self.section_path) + " " + self.text


def _passage(doc: Disclosure, path: tuple[str, ...], text: str, page: int | None,
             line: int) -> Passage:
    digest = hashlib.sha256("\x1f".join((doc.doc_id, *path, text)).encode()).hexdigest()[:16]
    return Passage(digest, doc.doc_id, path, path[-1] if path else "", text, page, line)


def disclosure_passages(doc: Disclosure) -> list[Passage]:
    passages = []
    for section in doc.sections:
        path = section.path
        pending = None  # a paragraph that goes on in the next: 主要用于： / cut by a page break
        paragraphs = section.paragraphs  # in line order
        for i, para in enumerate(paragraphs):
            nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            if len(para.text) <= 15 and para.text.endswith(("：", ":")) and pending is None:
                path = (*section.path, para.text.rstrip("：:"))  # 部门职责： labels what follows
                continue
            text = (pending.text if pending else "") + para.text
            first = pending or para
            if _goes_on(para, nxt):
                pending = replace(para, text=text, span=first.span)
                continue
            pending = None
            passages.append(_passage(doc, path, text, first.span.page, first.span.line))
        if pending is not None:
            passages.append(_passage(doc, path, pending.text, pending.span.page, pending.span.line))
    for project in doc.projects:
        path = ("部门项目绩效目标表", project.name)
        purpose = project.purpose if project.purpose.strip("。") != project.name else ""
        facts = [f"{project.name}的资金用途：{purpose}。" if purpose else "",
                 f"{project.name}的绩效目标：{project.goal}" if project.goal else ""]
        facts += [f"{project.name}的{i.level2}“{i.level3}”为{i.value}。" for i in project.indicators]
        passages.append(_passage(doc, path, "".join(facts), project.span.page, project.span.line))
    table = doc.table("institutions")
    if table is not None:
        for row in table.rows:
            cells = "，".join(f"{c.column}为{c.text}" for c in row.cells if c.text)
            passages.append(_passage(doc, ("部门机构设置情况", row.name), f"{row.name}：{cells}。",
                                     row.span.page, row.span.line))
    return [p for p in passages if p.text]


# 1、/ (一) / 一、 opens a numbered item (a list's member, read on its own)
NUMBERED = re.compile(r"^(?:[0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]{1,3}、)")
_ENDED = ("。", "！", "？", "；", "!", "?", ";", "”", "）", ")")


def _goes_on(para, nxt) -> bool:
    """It ends in a lead-in colon (主要用于：), or mid-sentence at a page break, and a paragraph follows."""
    if nxt is None or NUMBERED.match(nxt.text):
        return False  # 其中： then 1、… : a list, each item its own passage
    text = para.text.rstrip()
    return text.endswith(("：", ":")) or (not text.endswith(_ENDED) and
                                          (nxt.span.page or 0) > (para.span.page or 0))


# Standard budget vocabulary jieba does not know as words; whole terms rank better than their halves.
BUDGET_WORDS = ("项目支出", "基本支出", "人员经费", "公用经费", "日常公用经费", "三公经费", "机关运行经费",
                "部门运行经费", "政府采购", "财政拨款", "一般公共预算", "政府性基金", "国有资本经营",
                "因公出国", "公务用车", "公务接待", "绩效目标", "绩效指标", "上年结转", "结转结余",
                "专项资金", "固定资产", "收支预算", "预算收入", "支出预算", "人民会堂", "职工劳动模范")


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    for word in BUDGET_WORDS:
        jieba.add_word(word, freq=20000)
    return jieba


def tokens(text: str) -> list[str]:
    words = _jieba().lcut_for_search(_PUNCT.sub(" ", text))
    return [w for w in words if w.strip() and w not in STOPWORDS]


def precise_tokens(text: str) -> list[str]:
    """Whole words (jieba's precise mode), for matching a question's terms against sentences."""
    words = _jieba().lcut(_PUNCT.sub(" ", text))
    return [w for w in words if w.strip() and w not in STOPWORDS]


class BM25Index:
    """BM25 (Okapi) over passages; rank_bm25 does the scoring."""

    def __init__(self, passages: list[Passage]) -> None:
        from rank_bm25 import BM25Okapi

        self.passages = passages
        self._bm25 = BM25Okapi([tokens(p.indexed_text) for p in passages]) if passages else None

    def search(self, question: str, k: int = 5) -> list[tuple[Passage, float]]:
        if self._bm25 is None:
            return []
        scores = self._bm25.get_scores(tokens(question))
        ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:k]
        return [(self.passages[i], float(scores[i])) for i in ranked if scores[i] > 0]

"""Question text: traditional → simplified, full-width → half-width, numbering stripped from names."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from corpus.normalize import to_halfwidth

_NUMERAL_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


@cache
def _t2s() -> dict[int, str]:
    text = json.loads(resources.files("assistant").joinpath("data/t2s.json").read_text("utf-8"))
    pairs = text["map"]
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}


def normalize_question(text: str) -> str:
    text = to_halfwidth(text).translate(_t2s())
    text = _SPOKEN_BREAK.sub(_spoken_break, text)
    text = re.sub(r"\s+", "", text)
    text = _GLOSS.sub("", text)  # 政府采购总额（按合同签订口径）: how it is counted, no second figure
    text = _NICKNAME.sub("", text)  # 购房补贴（房贴）: the everyday word for the name just said
    text = _EXAMPLES.sub("", text)  # 那几个项目里（帮扶、奖励这些）: examples of what is asked about, no operands
    text = _HINT.sub("", text)  # 差多少（区级减市级）: the order the asker means, as the question already says
    text = _COUNTED_AS.sub("", text)  # 政府采购金额一共多少？按合同签订算的那个: how it is counted
    text = _DESCRIBED.sub("", text)  # 科技条件专项那块，就是商务委拿来发政策扶持资金的，…: what it is, no ask
    text = _YEAR_RESTATED.sub(r"\1年", text)  # 去年（2024年）搞信息化花了多少: the year said exactly wins
    text = _USED_FOR.sub("", text)  # 用于产业扶持的“科技条件专项”和…合计多少: what the names are for, no ask
    text = _PARTITION.sub("里", text)  # 政府采购预算按货物、工程、服务分，排第二的: among its parts
    text = _under(text)  # 住房公积金（住房改革支出下面那项）: the row inside the one named
    # 那几个政策专项（科技创新、生命健康）/ 四个专项——A、B——加起来: the ones listed are asked
    text = _LISTED.sub(lambda m: m.group(1) or m.group(2), text)
    text = _GRANTED.sub(r"\1财政拨款", text)  # 财政给福利院拨了多少: the 财政拨款 said around who gets it
    return text.replace("“", "").replace("”", "").replace('"', "").replace("'", "")


_SPOKEN_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_SPEAKER_BEFORE = re.compile(r"(?:^|[，,。？?！!；;\s])(?:我|咱|俺|本人)[^，,。？?！!；;\s]*$")  # 我是高中老师 想…
_ASKED_BEFORE = re.compile(r"(?:多少|几|什么|啥|吗|呢|哪|为何|为啥|怎么)[^，,。？?！!；;]*$")


def _spoken_break(m: re.Match[str]) -> str:
    """买车的钱今年多少 比去年少了多少 为啥少了 / 我是政治老师 想问…: a space after a question or after the
    asker's words about themselves, typed as people chat, ends it."""
    asked = _ASKED_BEFORE.search(m.string, 0, m.start())
    return "，" if asked or _SPEAKER_BEFORE.search(m.string, 0, m.start()) else ""


_GRANTED = re.compile(r"(?:财政|政府)(?:局|部门)?(?:一年)?(?:给|向|为|对)([^，,。？?！!]{1,12}?)"
                      r"(?:拨款|拨付|拨了|下拨|拨)了?")
_EXAMPLES = re.compile(r"\([^()]{1,40}?(?:这些|那些|等等?|之类|什么的)\)")
_HINT = re.compile(r"\([^()]{0,12}(?:减去?|加上?|除以|乘以?)[^()]{0,12}\)")
_LISTED = re.compile(r"(?:那|这)?(?:几|[两三四五六七八九十\d]{1,2})[个项笔块类]?[\u4e00-\u9fff]{0,8}"
                     r"(?:\(([^()]+、[^()]+)\)|[—－-]{1,2}([^—－()\-]+、[^—－()\-]+)[—－-]{1,2})")
_GLOSS = re.compile(r"\((?:按|以|含|不含|包括|包含|即|也就是|就是|指|注|口径|主要是|主要为|比如|例如)[^()]{1,20}\)")
# 购房补贴（房贴）, never 区经委（商务委）: a body's other name is for scoping to read
_NICKNAME = re.compile(r"(?<=[\u4e00-\u9fff])\((?![类款项]\))(?![\u4e00-\u9fff]{1,2}(?:委|局|院|办|会|厅|处|街道)\))"
                       r"[\u4e00-\u9fff]{2,3}\)")
_UNDER = re.compile(r"\(([^()，,]{2,16}?)(?:下面|下边|底下|下|里面|里头|里|中)的?(?:那|这)?一?"
                    r"(?:项|个|笔|块|款|类|部分)?\)")
_COUNTED_AS = re.compile(r"[，,。？?]?按(?:照)?[^，,。？?]{2,12}算的?(?:那个|那笔|那种|那个数)?(?=[，,。？?]|$)")
_YEAR_RESTATED = re.compile(r"(?:去年|今年|明年|上年|前年|本年|当年)度?\s*[（(]\s*((?:19|20)\d{2})\s*年?度?\s*[)）]")
_USED_FOR = re.compile(r"(?:主要)?用于[^，,。？?“”\"]{2,12}的(?=[“\"])")
_DESCRIBED = re.compile(r"[，,](?:也就是|就是|即|指的是)[^，,。？?]{2,30}的(?=[，,])")
_PARTITION = re.compile(r"按(?:照)?[^，,。？?！!按]{1,20}、[^，,。？?！!]{1,30}?(?:来)?分(?:类|开|成|一下)?(?=[，,])|"
                        r"(?<=[\u4e00-\u9fff])分(?:成|为)?[^，,。？?！!分]{1,12}、[^，,。？?！!]{1,30}?"
                        r"(?:[两二三四五六七八九几]?(?:大)?(?:类|项|块|种|部分)(?=[，,])|(?=[，,](?:各|分别|哪)))")
_CLAUSE_START = re.compile(r"[，,。？?！!；;]")


def _under(text: str) -> str:
    """Y（X下面那项）→ 在X里，…Y: the container said before the clause asking for the row, as the parser
    reads it."""
    while (m := _UNDER.search(text)) is not None:
        start = max((b.end() for b in _CLAUSE_START.finditer(text, 0, m.start())), default=0)
        text = f"{text[:start]}在{m.group(1)}里，{text[start:m.start()]}{text[m.end():]}"
    return text


def plain_name(name: str) -> str:
    """A row or project name as people say it: no 一、 numbering, no spaces or quotes."""
    name = re.sub(r"\s+", "", to_halfwidth(name)).replace("“", "").replace("”", "")
    return _NUMERAL_PREFIX.sub("", name)


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}

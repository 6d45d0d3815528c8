"""What a question asks for, from its form: the operation and whether it wants reasons or figures."""

from __future__ import annotations

import re

OPERATIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(p)) for name, p in (
    ("pct_change", r"(增长|下降|增减|变化|变动|减少|增加|降低|上升)(了|的)?(百分之|百分比|幅度|多少%|几%|率)"
                   r"|增幅|降幅|增长率|下降率|变化率|百分之几.*(增|减|降|长)"),
    ("share", r"占.{0,12}(比例|比重|百分|多少|几成|份额|%)|占比|比例|比重|百分之几|百分比|份额"),
    ("change", r"(比|较|相比|对比|与).{0,6}(上年|去年|上一年|\d{4}年).{0,12}(增加|减少|增长|下降|变化|多|少|增减)"
               r"|增减|(增加|减少|下降|增长)了?多少|变化(了)?多少|少了多少|多了多少|同比"),
    ("count", r"几个|多少个|几项|多少项|几类|多少类|几家|多少家|多少笔|几笔|个数"),
    ("rank", r"最多|最大|最高|最少|最小|最低|排名|排第|前[三五十几]|从高到低|从大到小|排序"
             r"|第[一二三四五六七八九十\d](大|多|高|少|小|低)|第几"),
    ("diff", r"相差|差额|差多少|多多少|少多少|高多少|低多少|多出|差距|差了"),
    ("compare", r"哪个(多|大|高|少|低|小)|谁(多|大|高|少)|更多|更高|更大|更少|还是.{0,8}(多|高)"),
    ("list", r"包括哪些|包含哪些|有哪些|哪些(项|科目|方面|内容)|明细|构成|组成|结构|分别(是|为)|列出|列举|罗列"),
    ("sum", r"合计|一共|总共|加起来|之和|共计|总和|加在一起|共多少"),
))
WHY = re.compile(r"为什么|为何|为啥|原因|怎么回事|什么原因|缘故|导致|因为")
WHAT = re.compile(r"用途|用于|用在|干什么|做什么|是什么|什么是|什么叫|何为|是啥|什么单位|目标|怎么|如何|"
                  r"哪些方面|意思|含义|"
                  r"有没有|是否|有无|谁|哪里|在哪|地址|"
                  r"定义|指什么|职责|职能|主要内容|主要用|措施|说明|介绍|解释|情况")
PRIOR = re.compile(r"(上年|去年|上一年|前一年)(?!结转|结余|末)")


PER_HEAD = re.compile(r"平均|人均|每人|每个人|每名|一个月|每月|每天|月工资|月薪|主席|书记|主任|局长|处长")


def operation(question: str) -> str:
    for name, pattern in OPERATIONS:
        if pattern.search(question):
            return name
    return "lookup"


def wants_text(question: str) -> bool:
    """Why/what questions are answered by quoting the 情况说明."""
    return bool(WHY.search(question) or WHAT.search(question))


def mentioned_years(question: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})\s*年", question)]


def asks_prior_year(question: str, doc_year: int) -> bool:
    return bool(PRIOR.search(question)) or (doc_year - 1) in mentioned_years(question)

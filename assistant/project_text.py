"""兰溪路工程的实施周期是什么: a project's 经费情况说明 has standard parts (项目概述, 立项依据, 实施主体,
实施方案, 实施周期, 年度预算安排, 绩效目标); a question naming the project and one part is answered by
quoting that part whole, not by the sentences that happen to score best."""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.compute import Operand, fmt
from assistant.textfacts import longest_run
from corpus.described import BY_PERIOD, amounts_in, year_amount
from corpus.records import Disclosure, Section

# the standard part → the words a question asks it with
PARTS: dict[str, str] = {
    "实施周期": r"实施周期|周期|什么时候|何时|起止|期限|多长时间|进度安排|时间安排|"
               r"(?:各|每个?|分)季度(?![^，,。？?]{0,8}(?:用款|多少|金额|资金|钱|几))",
    "立项依据": r"立项依据|依据|根据(?:什么|哪|啥)|立项",
    "实施主体": r"实施主体|实施单位|谁实施|谁负责|谁来|施工单位|设计单位|监理单位|代建|"
               r"(?:哪个|哪家|哪些|什么|啥)(?:单位|公司|部门)(?:来|负责|承担|实施|施工|干|做)",
    "实施方案": r"实施方案|实施内容|怎么实施|如何实施",
    "项目概述": r"项目概述|项目概况|概述|概况|介绍一下|是什么项目|内容是什么|(?:想|要|是)干(?:什么|嘛|啥)|目的是?什么|"
               r"为了什么",
    "年度预算安排": r"年度预算安排|预算安排|安排了?多少|年度预算",
}
# 专项预算多少: the 年度预算安排 part, for a project with no 绩效目标表 (whose cell answers otherwise)
BUDGET_WORDS = re.compile(r"预算|经费|资金|多少钱")
MIN_RUN = 4  # the question names the project: shares this many characters in a row with its name


def _project_tops(doc: Disclosure) -> list[tuple[str, Section]]:
    """(project name, its top section); a section titled only 项目经费情况说明 is named by the project its
    项目概况 describes (…建设的万里街道社区公共服务中心新建工程，位于…)."""
    tops = {s.title: s for s in doc.sections if len(s.path) == 1}
    return [(d.name, tops[d.title]) for d in doc.described if d.title in tops]


def _part(doc: Disclosure, top: Section, part: str) -> Section | None:
    return next((s for s in doc.sections if len(s.path) == 2 and s.path[0] == top.title
                 and part in s.title and s.paragraphs), None)


def project_top(doc: Disclosure, q: str) -> tuple[str, Section] | None:
    """The project a question names, among those the 说明 describes in words (经费情况说明)."""
    tops = [(name, top) for name, top in _project_tops(doc) if name]
    named = [(longest_run(name, q), name, top) for name, top in tops]
    named = [n for n in named if n[0] >= min(MIN_RUN, len(n[1]))]
    if not named:
        return _shortened(tops, q)
    _, name, top = max(named, key=lambda n: n[0])
    return name, top


SHORT = re.compile(r"([\u4e00-\u9fff]{2,8}?专项)")


def _shortened(tops: list[tuple[str, Section]], q: str) -> tuple[str, Section] | None:
    """贸易专项 for 贸易高质量发展专项(政策资金): a name said short, its characters in order, one project."""
    said = SHORT.search(q)
    if said is None or len(said.group(1)) < MIN_RUN:
        return None
    from assistant.scoping import subsequence

    fits = [(name, top) for name, top in tops if subsequence(said.group(1), name)]
    return fits[0] if len(fits) == 1 else None


def text_project(doc: Disclosure, phrase: str) -> Operand | None:
    """A project the 说明 describes in words, named by the phrase: this year's amount its 年度预算安排
    states first (2025年度项目总预算1720.00万), cited to that sentence."""
    found = project_top(doc, phrase)
    if found is None or longest_run(found[0], phrase) < max(MIN_RUN, len(phrase) - 2):
        return None
    name, top = found
    section = _part(doc, top, "年度预算安排")
    if section is None:
        return None
    for p in section.paragraphs:
        value, unit = year_amount(p.text)
        if value is not None and unit is not None:
            cite = Citation(doc.doc_id, "text", p.span.page, section=" > ".join(section.path), quote=p.text)
            added = _periods_added(p.text, unit)  # the sum is shown, not only its result
            return Operand(f"{name}（{added}）" if added else name, value, unit, cite)
    return None


def _periods_added(text: str, unit: str) -> str | None:
    """第一季度158.05+…: the periods' amounts as added, when a 年度预算安排 lists periods."""
    if not BY_PERIOD.match(text):
        return None
    return "各季度相加：" + "+".join(fmt(v) for v in amounts_in(text, unit))




_ITEM = re.compile(r"([^，,；;。：:、]+?)\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|万)(?![\d])")
_NOT_ITEM = re.compile(r"合计|总计|共计|总预算|项目总")


def project_items(doc: Disclosure, phrase: str) -> list[Operand]:
    """The parts a project's 年度预算安排 lists after its total (其中支持引进品牌集聚340.00万，…)."""
    found = project_top(doc, phrase)
    section = _part(doc, found[1], "年度预算安排") if found else None
    items: list[Operand] = []
    for p in section.paragraphs if section else ():
        cite = Citation(doc.doc_id, "text", p.span.page, section=" > ".join(section.path), quote=p.text)
        for m in _ITEM.finditer(p.text):
            label = re.sub(r"^(?:其中|包括|主要|用于)", "", m.group(1)).strip()
            if label and not _NOT_ITEM.search(m.group(1)):
                unit = "万元" if m.group(3) == "万" else m.group(3)
                items.append(Operand(label, Decimal(m.group(2).replace(",", "")), unit, cite))
    return items


def project_part(doc: Disclosure, q: str, amounts: bool = True) -> tuple[str, Section] | None:
    """(project name, the part's section) when q names a project and asks one of its parts (with
    `amounts`, a how-much question asks its 年度预算安排)."""
    part = next((p for p, words in PARTS.items() if re.search(words, q)), None)
    if part is None and amounts and BUDGET_WORDS.search(q) and re.search(r"多少|几", q):
        part = "年度预算安排"
    if part is None:
        return None
    found = project_top(doc, q)
    if found is None:
        return None
    name, top = found
    if part == "年度预算安排" and not re.search(PARTS[part], q) and \
            any(longest_run(p.name, name) >= min(MIN_RUN, len(name)) for p in doc.projects):
        return None  # its 绩效目标表 states the figure as a cell
    section = _part(doc, top, part)
    return (name, section) if section is not None else None


_MONEY_ASKED = re.compile(r"多少钱|[价费]|金额|资金|经费|花了?多少")


def answer_project_part(doc: Disclosure, raw: str, q: str, amounts: bool = True) -> Answer | None:
    found = project_part(doc, q, amounts)
    if found is None:
        return None
    name, section = found
    path = " > ".join(section.path)
    citations = tuple(Citation(doc.doc_id, "text", p.span.page, section=path, quote=p.text)
                      for p in section.paragraphs)
    text = f"据“{name}”经费情况说明的“{section.title}”：" + "".join(
        f"“{p.text}”" for p in section.paragraphs)
    value, unit = _one_amount(section) if re.search(r"多少|金额|数额|几", q) else (None, None)
    if value is None and _MONEY_ASKED.search(q):
        return None  # 施工单位中标价是多少: a sum of money its 实施主体 never states
    item = _item_asked(doc, q, name) if value is not None and "年度预算安排" in section.title else None
    if item is not None:  # 生命健康专项中支持企业规模化发展安排多少: that item's amount, not the total
        value, unit = item.value, item.unit
    return Answer(question=raw, route="narrative", text=text, value=value, unit=unit,
                  citations=citations)


def _item_asked(doc: Disclosure, q: str, name: str) -> Operand | None:
    """The item of the project's 年度预算安排 the question names besides the project."""
    rest = q.replace(name, "")
    named = [(longest_run(i.label, rest), i) for i in project_items(doc, q)]
    named = [(run, i) for run, i in named if run >= min(MIN_RUN, len(i.label))]
    return max(named, key=lambda n: n[0])[1] if named else None


def _one_amount(section: Section) -> tuple[Decimal | None, str | None]:
    """The part's amount (2025年度项目总预算1720.00万 → 1720.00 万元), as printed; periods added."""
    for p in section.paragraphs:
        value, unit = year_amount(p.text)
        if value is not None:
            return value, unit
    return None, None

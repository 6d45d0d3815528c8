"""What a part says again or takes from the part before it: a list's kind (这三项工资), a name pointed at
again (这个专项), columns asked again of a row (又各是多少), a thing's 项目资金 right after it is named, and
the money a count's sentence gives (涉及多少资金)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.query import Part, Ref
from assistant.roles import DEPARTMENT_TOTALS

_THESE_N = re.compile(r"(?:这|那|以上|上述)[两二三四五六七八九十几]+[项个块类笔种]的?$")


_THIS = re.compile(r"(?:这个|这一?项|这笔|该|此)$")


def pointed_again(text: str, refs: list[Ref]) -> list[Ref]:
    """生命健康专项政策资金，…这个专项总共多少: 这个 with the end of a name said before is that name again."""
    out: list[Ref] = []
    for ref in refs:
        said = [r for r in out if r.role == "operand" and 0 <= r.start < ref.start]
        if ref.role == "operand" and ref.start >= 0 and _THIS.search(text[:ref.start]) and \
                any(r.text.endswith(ref.text) or ref.text in r.text for r in said):
            continue
        out.append(ref)
    return out


def list_head(text: str, refs: list[Ref]) -> list[Ref]:
    """基本工资、津贴补贴、绩效工资这三项工资一共: the kind said after 这三项 names what the list is,
    no figure of its own."""
    out = []
    for ref in refs:
        before = [r for r in out if r.role == "operand" and 0 <= r.start < ref.start]
        if ref.role == "operand" and len(before) >= 2 and _THESE_N.search(text[:ref.start]):
            continue
        out.append(ref)
    return out


_ADDED_UP = re.compile(r"(?:加起来|加在一起|合起来|合计|一共|总共|共计)的?$")


def sum_named(text: str, refs: list[Ref]) -> list[Ref]:
    """A、B、C这三个专项加起来总预算多少: a total's word right after 加起来, said after two or more names,
    is the sum asked — not the department's total added in."""
    out: list[Ref] = []
    for ref in refs:
        before = [r for r in out if r.role == "operand" and 0 <= r.start < ref.start]
        if ref.role == "operand" and ref.kind == "concept" and ref.key in DEPARTMENT_TOTALS and len(before) >= 2 and \
                _ADDED_UP.search(text[:ref.start]):
            continue
        out.append(ref)
    return out


INVOLVED = re.compile(r"^(?:这些|那些|上述)?(?:项目)?(?:共|一共|总共)?涉及(?:到)?的?(?:多少|几多)?(?:万元|元|亿元)?"
                      r"(?:项目)?(?:预算)?(?:资金|金额|钱|经费)?(?:是|有|为)?(?:多少)?(?:万元|元|亿元|钱)?$")
_COLUMNS = frozenset({"基本支出", "项目支出", "人员经费", "公用经费"})
_DEPARTMENT_WIDE = re.compile(r"全部|整个|全局|部门|总的|总共|一共|全年|单位总")


def columns_again(text: str, previous: Part | None, refs: list[Ref]) -> list[Ref]:
    """社保类合计多少，基本支出和项目支出(又)各是多少: columns asked right after one row are that row's — a
    part naming only columns is read in the previous part's one subject (never when it says 全部/部门)."""
    if previous is None or _DEPARTMENT_WIDE.search(text):
        return []  # 全部门的基本支出: the department's
    asked = [r for r in refs if r.role == "operand"]
    if not asked or any(r.role == "container" for r in refs) or \
            not all(r.kind == "concept" and r.key in _COLUMNS for r in asked):
        return []
    rows = {r.key: r for r in previous.operands() if r.kind == "subject"}
    return [replace(r, start=-1, role="container") for r in rows.values()] if len(rows) == 1 else []


def project_money(previous: Part | None, refs: list[Ref]) -> list[Ref]:
    """X工程道路全长多少米？项目资金总额多少: the 项目资金 asked right after one thing named is that thing's."""
    asked = [r for r in refs if r.role == "operand"]
    if previous is None or len(asked) != 1 or "资金" not in asked[0].text or asked[0].kind != "concept" or \
            any(r.role == "container" for r in refs):
        return []
    named = [r for r in previous.operands() if r.kind in ("name", "document")]
    return [replace(named[0], start=-1, role="container")] if len(named) == 1 and len(previous.operands()) == 1 \
        else []


_HEADCOUNT = re.compile(r"(?:人数|人次|户数|个数|名额|家数|数量)$")


def averaged_over(op: str, previous: Part | None, refs: list[Ref]) -> list[Ref] | None:
    """劳模奖励资金多少？按奖励人数平均，每人多少: an average naming only what it divides by is the money
    asked just before, divided by its own count — the count's name is no figure of its own."""
    asked = [r for r in refs if r.role == "operand"]
    if op != "average" or previous is None or len(previous.operands()) != 1 or not asked or \
            not all(_HEADCOUNT.search(r.text) for r in asked):
        return None
    return [replace(previous.operands()[0], start=-1), *(r for r in refs if r.role != "operand")]


_KIND_WORD = re.compile(r"^(?:这个|该|此|那个|整个)?(专项|项目|工程)$")


def kind_named_before(text: str, refs: list[Ref], earlier: tuple[Part, ...]) -> list[Ref]:
    """商业创新专项总预算多少？…后者在专项里占几成: a bare 专项/项目/工程 is the one thing of that kind named in
    the parts before (what the part is read in, when 里/中 follows it)."""
    out = []
    for ref in refs:
        kind = _KIND_WORD.match(ref.text) if ref.kind == "name" else None
        said = {r.text: r for p in earlier for r in p.operands() if r.start >= 0 and kind and
                r.kind in ("name", "document") and kind.group(1) in r.text}
        inside = re.match(r"(?:里|中|内|当中)", text[ref.start + len(ref.text):]) is not None
        out.append(replace(next(iter(said.values())), start=ref.start, role="container" if inside else ref.role)
                   if len(said) == 1 else ref)
    return out


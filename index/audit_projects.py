"""The 项目绩效目标表 (Disclosure.projects): each adds up (预算数 = 财政资金 + 其他资金), together they
make up 项目支出, and the projects the 情况说明 lists under 项目支出 are the ones the tables publish
(matched by amount and name: the text often calls a project by another name)."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.records import Disclosure, Project
from index.audit_cross import total_term, unit_of
from index.audit_model import ZERO, Cite, Finding, Term, compare, convert
from index.audit_narrative import Reading, match, stated
from index.stated import Stmt

NAME_MATCH = 0.5  # bigram overlap above which two project names are taken to mean the same project


def check_project_tables(doc: Disclosure) -> list[Finding]:
    """Each 项目绩效目标表: 预算数 = 财政资金 + 其他资金; Σ 预算数 = 项目支出."""
    found: list[Finding] = []
    u = unit_of(doc)
    terms = []
    for p in doc.projects:
        if p.budget is None:
            continue
        budget = project_term(p, "预算数", p.budget, u)
        terms.append(budget)
        if p.fiscal is not None:
            parts = [project_term(p, "其中：财政资金", p.fiscal, u)]
            if p.other is not None:
                parts.append(project_term(p, "其他资金", p.other, u))
            found += compare("project.funding", f"{p.name}：预算数 = 财政资金 + 其他资金", [budget], parts,
                             table=None, unit=u, parser=True)
    spent = total_term(doc, "expense", ("项目支出",), "支出总表·项目支出", u) or \
        total_term(doc, "gpb_expense", ("项目支出",), "一般公共预算支出表·项目支出", u)
    if not terms or spent is None:
        return found
    diff = sum((t.value for t in terms), ZERO) - spent.value
    identity = "Σ 项目绩效目标表 预算数 = 项目支出"
    if diff < 0:  # not every project need publish a 绩效目标表: fewer is a note, more is an error
        note = "（绩效目标表合计小于项目支出：未全部公开或金额不符）"
        return [*found, Finding("warning", "project.sum", identity + note, tuple(terms), (spent,), diff, False,
                                None, u)]
    return found + compare("project.sum", identity, terms, [spent], table=None, unit=u, parser=False)


def project_term(project: Project, label: str, value: Decimal, unit: str) -> Term:
    cite = Cite("project", project.span.page, project.span.line, project.title, project.name, label,
                str(value), unit=project.unit)
    return Term(f"{project.name}·{label}", convert(value, project.unit, unit), cite)


def bigrams(name: str) -> set[str]:
    text = re.sub(r"[\d\s年()（）“”]", "", name)
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def similarity(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def check_project_items(doc: Disclosure, reading: Reading) -> list[Finding]:
    """The projects the text lists under 项目支出 against the 绩效目标表 (Disclosure.projects)."""
    items = [k for p, kids in reading.enums if p.concept == "项目支出" and not p.change
             for k in kids if k.concept is None]
    budgets = [p for p in doc.projects if p.budget is not None]
    if not items or not budgets:
        return []
    free, found = list(budgets), []
    left = list(items)
    for rule in ("same", "amount", "name"):
        for item in list(left):
            project = _pick(item, free, rule)
            if project is None:
                continue
            free.remove(project)
            left.remove(item)
            term = project_term(project, "预算数", project.budget or ZERO, item.unit)
            reading.checked.add(id(item))
            if rule != "name":
                reading.backed[id(item)] = term
            if rule == "amount":
                found.append(Finding("info", "narrative.project", f"说明所列“{item.name}”与绩效目标表“{project.name}”"
                                     "金额相同、名称不同", (stated(item),), (term,), ZERO, False, None, item.unit))
            if rule == "name":
                found += compare("narrative.project", f"说明所列“{item.name}”= 绩效目标表“{project.name}”预算数",
                                 [stated(item)], [term], table=None, unit=item.unit, parser=False)
    found += [Finding("warning", "narrative.project", f"说明所列“{i.name}”没有对应的项目绩效目标表",
                      (stated(i),), (), None, False, None, i.unit) for i in left]
    return found


def _pick(item: Stmt, projects: list[Project], rule: str) -> Project | None:
    def same_amount(p: Project) -> bool:
        return p.budget is not None and match(item.value, _in(p, item.unit)) == "ok"

    scored = sorted(projects, key=lambda p: -similarity(item.name, p.name))
    if rule == "same":
        return next((p for p in scored if same_amount(p) and similarity(item.name, p.name) >= NAME_MATCH), None)
    if rule == "amount":
        return next((p for p in scored if same_amount(p)), None)
    return next((p for p in scored if similarity(item.name, p.name) >= NAME_MATCH), None)


def _in(project: Project, unit: str) -> Decimal:
    return convert(project.budget or ZERO, project.unit, unit)

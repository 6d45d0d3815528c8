"""Figures only the 说明 states for a narrower scope than the tables: a standard figure for one named unit
(人民会堂机关运行经费共计安排32.24万元), and per-head averages from a stated count."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from assistant import compute as c
from assistant.answer import Answer, abstain, indicator_citation
from assistant.compute import Operand, fmt
from assistant.exact import answer_from, where
from assistant.plan import Planned
from assistant.qtext import plain_name
from assistant.textfacts import _citation, longest_run
from corpus.ontology import ontology
from corpus.records import Disclosure
from index.stated import sentences

_AMOUNT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")
_CLAUSE = re.compile(r"(?:[^；;。，,：:]|(?<=\d),(?=\d{3}))+")  # 314,076.90 is one number
MIN_RUN = 3  # the qualifier shares this many characters in a row with the clause


def labels(ref_kind: str, key: str) -> tuple[re.Pattern[str], ...]:
    """How the 说明 names a concept (its labels) or a subject (its standard name)."""
    if ref_kind == "concept":
        found = ontology().concept(key)
        return found.text_patterns if found else ()
    subject = ontology().subject(key)
    return tuple(re.compile(re.escape(n)) for n in (subject.name, *subject.weak)) if subject else ()


def qualified_amount(doc: Disclosure, qualifier: str, label: str,
                     patterns: tuple[re.Pattern[str], ...]) -> Operand | None:
    """The amount the 说明 states for the figure beside the qualifier's name — first as the prose reader
    records it (石家庄人民会堂机关运行经费 32.24万元: a record whose printed name holds the qualifier and the
    label), else in the clause naming the qualifier or the one after it (编报绩效目标的项目25个，涉及项目资金
    11,381.60万元)."""
    return _recorded(doc, qualifier, patterns) or _in_clauses(doc, qualifier, label, patterns)


def _recorded(doc: Disclosure, qualifier: str, patterns: tuple[re.Pattern[str], ...]) -> Operand | None:
    """The prose reader's record whose printed name holds most of the qualifier in a row and then one of
    the label's patterns (never the department total that names the label too)."""
    from assistant.textfacts import cited
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    need = min(MIN_RUN, len(qualifier))
    best: tuple[int, Operand] | None = None
    for stmt in stated_facts(doc, stated_patterns()):
        named = next((m for p in patterns if (m := p.search(stmt.name))), None) if not stmt.change and \
            stmt.role != "prior" else None
        run = longest_run(qualifier, stmt.name[: named.start()]) if named else 0
        if named and run >= need and (best is None or run > best[0]):
            best = (run, Operand(plain_name(stmt.name), stmt.value, stmt.unit, cited(doc, stmt, stmt.short_quote())))
    return best[1] if best else None


def _in_clauses(doc: Disclosure, qualifier: str, label: str,
                patterns: tuple[re.Pattern[str], ...]) -> Operand | None:
    need = min(MIN_RUN, len(qualifier))
    # the clauses naming most of the qualifier first (石家庄人民会堂, not 石家庄市总工会), then those saying the
    # label as asked (市总…机关运行经费, not its 部门运行经费 total); a qualifier said as an abbreviation
    # (市总机关 of 石家庄市总工会机关) after those
    spots, shortened = [], []
    for section in doc.sections:
        for sentence, page in sentences(section):
            clauses = [c.group() for c in _CLAUSE.finditer(sentence)]
            for i, text in enumerate(clauses):
                said = 0 if label in text else 1
                if (run := longest_run(qualifier, text)) >= need:
                    spots.append((-run, said, len(spots), section, sentence, page, clauses, i))
                elif len(qualifier) >= 3 and _abbreviated(qualifier, text, label):
                    shortened.append((0, said, len(shortened), section, sentence, page, clauses, i))
    for run, _, _, section, sentence, page, clauses, i in [*sorted(spots, key=lambda s: s[:3]), *shortened]:
        text = clauses[i]
        for clause in clauses[i:i + 2]:  # an abbreviation chose its clause: the label there is its own
            found = _labelled_amount(clause, patterns, qualifier if clause is text and run else None)
            if found is not None:
                value, unit, printed = found
                named = printed if clause is text and qualifier in printed else f"{qualifier}{label}"
                if not run and label in clause:  # 市总机关 → as the 说明 names it: 市总工会机关运行经费
                    named = clause[clause.find(qualifier[0]): clause.find(label) + len(label)]
                return Operand(named, value, unit, _citation(doc, section, sentence, page))
    return None


def _abbreviated(qualifier: str, clause: str, label: str) -> bool:
    """市总机关 in 石家庄市总工会机关运行经费: the qualifier's characters in order, close together, up to the
    label — how people shorten a name."""
    end = clause.find(label)
    text = clause[:end + len(label)] if end >= 0 else clause  # 市总机关: its 机关 may be the label's own
    at, start = -1, None
    for ch in qualifier:
        at = text.find(ch, at + 1)
        if at < 0:
            return False
        start = at if start is None else start
    return start is not None and at - start < 2 * len(qualifier)


def own_figure(doc: Disclosure, label: str) -> Operand | None:
    """The amount stated right after the department's own name and the label (本级's 机关运行经费)."""
    said = re.compile(re.escape(doc.department) + r"(?:机关)?(?:本级)?" + re.escape(label) +
                      r"[^，。；\d]{0,8}?(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")
    for section in doc.sections:
        for sentence, page in sentences(section):
            found = said.search(sentence)
            if found:
                return Operand(f"本级{label}", Decimal(found.group(1).replace(",", "")), found.group(2),
                               _citation(doc, section, sentence, page))
    return None


def _labelled_amount(clause: str, patterns: tuple[re.Pattern[str], ...],
                     qualifier: str | None = None) -> tuple[Decimal, str, str] | None:
    """The amount right after a label; in the qualifier's own clause, the label the qualifier stands by
    (石家庄市总工会机关运行经费…40.51, not the 部门运行经费 before it)."""
    for pattern in patterns:
        for named in pattern.finditer(clause):
            if qualifier and longest_run(qualifier, clause[max(0, named.start() - 8): named.end()]) < \
                    min(MIN_RUN, len(qualifier)):
                continue
            amount = _AMOUNT.search(clause, named.end())
            if amount and amount.start() - named.end() <= 8:
                at = clause.rfind(qualifier, 0, named.end()) if qualifier else -1
                printed = clause[at: named.end()] if at >= 0 else clause[named.start(): named.end()]
                return Decimal(amount.group(1).replace(",", "")), amount.group(2), printed
    return None


_PERSONS = re.compile(r"(\d[\d,]*)\s*(人|名)")


def project_count(p: Planned, label: str = "") -> Operand | None:
    """A named project's 数量指标 in persons (奖励人数 200人) — the project named, or the one whose name
    is the figure's (市级劳动模范一次性奖励资金, a table row, is that project's money)."""
    named = [t.project for m in p.ask.mentions for t in m.targets if t.project is not None]
    if not named and label:
        named = [pr for pr in p.ask.doc.projects if longest_run(plain_name(pr.name), label) >= 6]
    for project in named[:1]:
        if project is not None:
            for ind in project.indicators:
                hit = _PERSONS.search(ind.value)
                if hit:
                    return Operand(ind.level3, Decimal(hit.group(1).replace(",", "")), hit.group(2),
                                   indicator_citation(p.ask.doc.doc_id, project, ind))
    return None


def indicator_count(p: Planned, measure: str) -> Operand | None:
    """计划至少救助多少人: the one project 数量指标 whose name shares words with the question (救助人数) and
    whose value is counted in the measure (≥235人), of the project the question names if it names one —
    several differing: none."""
    found: dict[Decimal, Operand] = {}
    runs = {pr.name: longest_run(plain_name(pr.name), p.ask.raw) for pr in p.ask.doc.projects}
    best = max(runs.values(), default=0)
    named = [pr for pr in p.ask.doc.projects if best >= 6 and runs[pr.name] == best]
    for project in named or p.ask.doc.projects:  # the project the question names most of, if it names one
        for ind in project.indicators:
            hit = re.search(rf"(\d[\d,]*)\s*{measure}", ind.value)
            if hit and longest_run(re.sub(r"人数|数量|人次", "", ind.level3), p.part.text) >= 2:
                value = Decimal(hit.group(1).replace(",", ""))
                found.setdefault(value, Operand(f"{project.name}·{ind.level3}", value, measure,
                                                indicator_citation(p.ask.doc.doc_id, project, ind)))
    return next(iter(found.values())) if len(found) == 1 else None


_HOW_MANY = re.compile(r"(\d+)\s*(个|项|家|人|名)")


def _count_beside(figure: Operand, asked: str) -> Operand | None:
    """编报绩效目标的项目25个，涉及预算资金11381.60万元: the count the figure's own sentence states
    just before it (the sentence says what the money is of)."""
    quote = figure.citation.quote or ""
    amount = quote.find(fmt(figure.value)) if quote else -1
    found = list(_HOW_MANY.finditer(quote[:amount])) if amount > 0 else []
    if not found:
        return None
    number, measure = found[-1].groups()  # 3个预算单位…项目49个，涉及…资金: the count nearest the money
    per_person = bool(re.search(r"人均|每(?:个)?人|每名|每位", asked))
    if per_person != (measure in "人名"):
        return None  # 每人 asked, 个 stated (or the reverse): not the count the average is over
    return Operand(f"{measure}数", Decimal(number), measure, figure.citation)


_EACH = re.compile(r"(?:每|人均|平均每?)(人次|批次|辆|人|名|批|次|个|家|项|台)")


def _count_said(p: Planned, figure: Operand) -> Operand | None:
    """公务接待平均每人次: the count the 说明 states in the measure asked, of the figure's own thing
    (公务接待2批次、26人次)."""
    from assistant.textfacts import stated_count

    asked = _EACH.search(p.part.text)
    if asked is None:
        return None
    measure = "人" if asked.group(1) in ("人", "名") else asked.group(1)
    found = stated_count(p.ask.doc, _CORE.sub("", plain_name(figure.label)), measure, min_run=2)
    return found if found is not None and found.unit == measure else None


_CORE = re.compile(r"(?:费|经费|支出|预算|资金)+$")  # 公务接待费 → 公务接待: how the count's sentence names it


def average(p: Planned) -> Answer:
    """人均/每人: a figure ÷ a count the document states for it; none stated → say so."""
    from assistant.execute import figures

    ops, problem = figures(p, most=1)
    if problem:
        return problem
    count = project_count(p, plain_name(ops[0].label)) or _count_beside(ops[0], p.part.text) or \
        _count_said(p, ops[0])
    if count is None or count.value == 0:
        return abstain(p.ask.raw, f"{where(p.ask.doc)}只公开金额，没有公开对应的人数等数量，无法计算人均数。")
    figure = ops[0]
    each = figure.value / count.value
    if figure.unit in ("万元", "亿元") and each < 1 and (each * 100) % 1 != 0:  # 0.39万元 ÷ 26人次: 150元, not 0.02万元
        figure = c.same_unit([replace(figure, value=Decimal(0), unit="元"), figure])[1]
    value = c.round_pct(figure.value / count.value)
    unit = f"{figure.unit}/{count.unit}"
    formula = (f"{figure.label} {fmt(figure.value)}{figure.unit} ÷ {count.label} {fmt(count.value)}{count.unit} = "
               f"{fmt(value)}{unit}（四舍五入保留两位小数）")
    result = c.Result(value, unit, formula, (figure, count))
    text = f"{where(p.ask.doc)}中，{figure.label}平均每{count.unit}{fmt(value)}{figure.unit}。"
    return answer_from(p.ask, "arithmetic", text, result)

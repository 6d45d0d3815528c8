"""The 情况说明 against the tables: each stated standard figure against the cell that states it, and
the figures only the text states (changes against last year, per-unit splits) against each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from corpus.records import Disclosure
from index.audit_concepts import ITEM_PARENTS, children, descendants, has_tables, resolve, resolve_subject
from index.audit_model import Finding, Term, compare, quantum, round_to
from index.stated import Passage, Stmt, all_statements


@dataclass
class Reading:
    """The statements of a document and what the audit learned about them on the way."""

    passages: list[Passage]
    groups: list[list[Stmt]]  # statements of each passage
    enums: list[tuple[Stmt, list[Stmt]]] = field(default_factory=list)
    parts: set[int] = field(default_factory=set)  # ids of per-unit parts of a figure stated above
    backed: dict[int, Term] = field(default_factory=dict)  # id(stmt) → the record it matched
    checked: set[int] = field(default_factory=set)  # ids of statements compared with a record
    untestable: list[Stmt] = field(default_factory=list)  # figures whose tables were not read


def read(doc: Disclosure) -> Reading:
    pairs = all_statements(doc)
    reading = Reading([p for p, _ in pairs], [g for _, g in pairs])
    for group in reading.groups:
        for parent, kids in enumerations(group):
            reading.enums.append((parent, kids))
            reading.parts |= {id(k) for k in kids if k.concept == parent.concept}
    return reading


def enumerations(stmts: list[Stmt]) -> list[tuple[Stmt, list[Stmt]]]:
    """(figure, the figures listed as its parts): its standard children (first mention each), or the
    named items / same-label figures right after it."""
    found = []
    for i, parent in enumerate(stmts):
        if not parent.opens or parent.concept in (None, "subject") or parent.role not in ("amount",):
            continue
        kids: list[Stmt] = []
        seen: set[str] = set()
        parts, below = children(parent.concept), descendants(parent.concept)
        for stmt in stmts[i + 1:]:
            if stmt.change != parent.change or stmt.role == "prior":
                continue
            if stmt.inherited and stmt.concept is None:
                break  # the change of an item stated on its own: a new subject, not a part
            if stmt.concept is None or stmt.concept == parent.concept:
                items_allowed = parent.concept in ITEM_PARENTS or parent.change
                if not seen and (stmt.concept == parent.concept or items_allowed):
                    kids.append(stmt)
                continue
            if stmt.concept in parts:
                if stmt.concept not in seen:
                    kids.append(stmt)
                    seen.add(stmt.concept)
                continue
            if stmt.concept not in below:
                break
        if kids:
            found.append((parent, kids))
    return found


def stated(stmt: Stmt) -> Term:
    return Term(stmt.label, stmt.value, stmt.cite())


def match(value: Decimal, record: Decimal) -> str:
    """A stated figure against a record: equal to its stated precision → ok; one unit off at a coarser
    precision than the record's → rounding; otherwise fail."""
    q = quantum([value])
    if value == record or round_to(record, q) == value:
        return "ok"
    if abs(value - record) <= q and q > quantum([record]):
        return "rounding"
    return "fail"


def check_amounts(doc: Disclosure, reading: Reading) -> list[Finding]:
    found: list[Finding] = []
    for group in reading.groups:
        for stmt in group:
            if stmt.change or stmt.role != "amount" or stmt.concept is None or id(stmt) in reading.parts:
                continue
            if stmt.concept == "subject":
                records = resolve_subject(doc, stmt.path, stmt.unit)
            else:
                records = resolve(doc, stmt.concept, stmt.unit)
            found += _against(doc, reading, stmt, records)
    return found


def _against(doc: Disclosure, reading: Reading, stmt: Stmt, records: list[Term]) -> list[Finding]:
    what = "·".join(stmt.path) if stmt.concept == "subject" else stmt.concept
    if not records:
        if stmt.concept == "机关运行经费" and (common := resolve(doc, "公用经费", stmt.unit)):
            return running_cost(reading, stmt, common[0])
        if stmt.value == 0:
            return []  # a stated 0 with no table to hold it contradicts nothing
        if not has_tables(doc, stmt.concept or ""):
            reading.untestable.append(stmt)
            return []
        return [Finding("warning", "narrative.unmatched", f"说明中的{what}在表中找不到对应数字",
                        (stated(stmt),), (), None, False, None, stmt.unit)]
    reading.checked.add(id(stmt))
    outcomes = [match(stmt.value, r.value) for r in records]
    if "ok" in outcomes:
        reading.backed[id(stmt)] = records[outcomes.index("ok")]
        return []
    best = records[outcomes.index("rounding")] if "rounding" in outcomes else records[0]
    scaled = _unit_misprinted(doc, stmt, what, best)
    if scaled is not None and "rounding" not in outcomes:
        return [scaled]
    severity = "warning" if "rounding" in outcomes else "error"
    identity = f"说明中的{what} = 表中数字" + ("（舍入不同）" if severity == "warning" else "")
    return [Finding(severity, "narrative.amount", identity, (stated(stmt),), (best,),
                    stmt.value - best.value, False, None, stmt.unit)]


_SCALES = ((Decimal(10000), "元"), (Decimal("0.0001"), "万元"))  # table figure ÷ stated, and what it is in


def _unit_misprinted(doc: Disclosure, stmt: Stmt, what: str, cell: Term) -> Finding | None:
    """说明 4154.03万元 against a 万元 table printing 41,540,300: the table's figures are in 元 (or the
    reverse) — its stated unit disagrees with their scale, and every answer citing it is suspect."""
    if cell.cite.kind != "cell" or not stmt.value or not cell.value:
        return None
    ratio = cell.value / stmt.value
    guess = next((unit for factor, unit in _SCALES if abs(ratio / factor - 1) < Decimal("0.01")), None)
    table = next((t for t in doc.tables if t.title == cell.cite.table), None)
    if guess is None or table is None:
        return None
    identity = (f"表“{table.title}”标注的单位（{table.unit}）与其数字的量级不符：说明中的{what}为"
                f"{stmt.printed}{stmt.unit}，表中为{cell.cite.text}，相差一万倍——表中数字像是以{guess}为单位")
    return Finding("error", "table.unit", identity, (stated(stmt),), (cell,), None, True, table.key, stmt.unit)


def running_cost(reading: Reading, stmt: Stmt, common: Term) -> list[Finding]:
    """No table states 机关运行经费: it is the 公用经费 of 行政 (and 参公) units, so ≤ 公用经费."""
    diff = stmt.value - common.value
    reading.checked.add(id(stmt))
    if diff == 0:
        reading.backed[id(stmt)] = common
        return []
    if diff < 0:
        return [Finding("info", "narrative.running_cost", "机关运行经费小于公用经费（事业单位的公用经费不计入）",
                        (stated(stmt),), (common,), diff, False, None, stmt.unit)]
    return compare("narrative.running_cost", "机关运行经费不大于公用经费", [stated(stmt)], [common],
                   table=None, unit=stmt.unit, parser=False)


def check_sums(reading: Reading) -> list[Finding]:
    """A figure and its listed parts, when some term is stated only in the text (changes against last
    year, per-unit splits, projects no table names)."""
    found: list[Finding] = []
    for parent, kids in reading.enums:
        terms = [parent, *kids]
        if len(kids) < 2 or all(id(t) in reading.checked for t in terms) or len({t.unit for t in terms}) > 1:
            continue
        what = ("比上年增减 " if parent.change else "") + (parent.concept or parent.name)
        partial = any(k.concept is None for k in kids) and _main_only(parent)
        result = compare("narrative.sum", f"说明中的{what} = Σ 所列各项", [stated(parent)],
                         [stated(k) for k in kids], table=None, unit=parent.unit, parser=False)
        if partial:  # "主要为…等" lists the main items only: a shortfall is a note, not a contradiction
            result = [f if f.severity != "error" else
                      Finding("warning", f.check, f.identity + "（“主要…”列举可能不完整）", f.left, f.right,
                              f.difference, False, None, f.unit) for f in result]
        found += result
    return found


def _main_only(parent: Stmt) -> bool:
    after = parent.passage.text[parent.end: parent.end + 12]
    return "主要" in after


def untestable(reading: Reading) -> list[Finding]:
    """One note for all the figures no table was read for (tables missing, published as images …)."""
    if not reading.untestable:
        return []
    shown = tuple(stated(s) for s in reading.untestable)
    return [Finding("info", "narrative.untestable", f"说明中有 {len(shown)} 个数字没有可核对的表（表缺失或未能读取）",
                    shown, (), None, False, None, reading.untestable[0].unit)]

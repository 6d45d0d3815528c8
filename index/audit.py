"""Consistency audit of one disclosure: the identities a budget disclosure must satisfy, checked as a
self-test of our parser (a table that does not add up was probably read wrong) and as a feature for
staff (where the published document contradicts itself).

    findings = audit(doc)            # list[Finding], errors first
    audit_summary(findings)          # one or two lines for `ingest`
    suspect_tables(findings)         # table keys whose own identities fail (probably misparsed)

Pure functions over `corpus.records.Disclosure`; nothing here reads the store.
"""

from __future__ import annotations

from corpus.records import TABLE_KEYS, Disclosure
from index.audit_cross import check_cross
from index.audit_model import SEVERITIES, Cite, Finding, Term
from index.audit_narrative import check_amounts, check_sums, read, untestable
from index.audit_projects import check_project_items, check_project_tables
from index.audit_prose import check_prose
from index.audit_quality import check_quality
from index.audit_tables import check_table
from index.bounded import Bounded

__all__ = ["Cite", "Finding", "Term", "audit", "audit_summary", "suspect_tables"]


_RUNS: Bounded[tuple[str, str], tuple[Finding, ...]] = Bounded(8)  # ingest stores what its report shows


def audit(doc: Disclosure) -> list[Finding]:
    """Every failing identity, unmatched figure and note, errors first, then in check order."""
    key = (doc.doc_id, doc.sha256)
    if key not in _RUNS:
        _RUNS[key] = tuple(_audit(doc))
    return list(_RUNS[key])


def _audit(doc: Disclosure) -> list[Finding]:
    found = [f for table in doc.tables for f in check_table(table)]
    found += check_cross(doc) + check_project_tables(doc)
    reading = read(doc)  # the checks below record which statements they matched: order matters
    found += check_amounts(doc, reading) + check_project_items(doc, reading) + check_sums(reading)
    found += untestable(reading) + check_quality(doc, reading) + check_prose(reading.groups)
    return sorted(found, key=lambda f: SEVERITIES.index(f.severity))


def suspect_tables(findings: list[Finding]) -> set[str]:
    """Table keys whose own identities fail in a way that points at our parser."""
    return {f.table for f in findings if f.suspect_parser and f.severity == "error" and f.table}


def describe(finding: Finding) -> str:
    """One line: severity, identity, the two sides and the difference, where it is printed."""
    def side(terms: tuple[Term, ...]) -> str:
        if all(t.cite.text is None for t in terms):  # rows named, not figures (a misread table)
            return "、".join(t.label for t in terms[:6]) + ("…" if len(terms) > 6 else "")
        shown = " + ".join(str(t.value) for t in terms[:6]) + (" + …" if len(terms) > 6 else "")
        return shown or "—"

    right = finding.right[:1] if finding.unit == "%" else finding.right  # [computed, operands…]
    diff = f"，差 {finding.difference}" if finding.difference is not None else ""
    parser = "（疑似解析错误）" if finding.suspect_parser else ""
    where = next((t.cite.short() for t in (*finding.left, *finding.right)), "")
    sides = f"：{side(finding.left)} vs {side(right)}" if right else f"：{side(finding.left)}"
    return f"[{finding.severity}] {finding.identity}{sides}{diff}{parser} · {where}".rstrip(" ·")


def audit_summary(findings: list[Finding]) -> str:
    """Counts by severity and the worst finding, for `budget-qa ingest`."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    head = (f"audit: {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)")
    if not findings:
        return head + " — every identity holds / 所有勾稽关系成立"
    worst = sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), not f.suspect_parser))[0]
    suspects = suspect_tables(findings)
    tables = f"; suspect parse: {', '.join(TABLE_KEYS.get(k, k) for k in sorted(suspects))}" if suspects else ""
    return f"{head}{tables}\n  worst: {describe(worst)}"

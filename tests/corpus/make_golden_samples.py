"""Regenerate the samples' golden parses: `python -m tests.corpus.make_golden_samples` (review the diff
against the source text!). One compact, reviewable JSON per document: every table row as one line
(`side|code|name|column=value;…|p.page`), the 三公 rows, the section tree, projects and warnings."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.parse import parse_file
from corpus.records import Disclosure, Row, Table

HERE = Path(__file__).parent
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
# document stem → the file its golden is made from (the text when there is one, else the PDF)
GOLDEN_SOURCES = {
    "shanghai_putuo_wanli_2025_budget": "text/shanghai_putuo_wanli_2025_budget.txt",
    "shanghai_putuo_czj_2024_final": "text/shanghai_putuo_czj_2024_final.txt",
    "shanghai_putuo_jgw_2026_budget": "text/shanghai_putuo_jgw_2026_budget.txt",
    "chongqing_jtw_2018_budget": "text/chongqing_jtw_2018_budget.txt",
    "shanghai_putuo_wanli_2024_budget": "pdf/shanghai_putuo_wanli_2024_budget.pdf",
    "shanghai_putuo_swj_2025_budget": "pdf/shanghai_putuo_swj_2025_budget.pdf",
    "shanghai_putuo_ghzy_2024_final": "pdf/shanghai_putuo_ghzy_2024_final.pdf",
    "shanghai_putuo_swj_2025_unit_budget": "unit-budgets/shanghai_putuo_swj_2025_unit_budget.pdf",
    "shanghai_putuo_sflyy_2024_unit_budget": "unit-budgets/shanghai_putuo_sflyy_2024_unit_budget.pdf",
}


def golden_path(stem: str) -> Path:
    return HERE / "golden" / f"{stem}.json"


def row_line(row: Row) -> str:
    cells = ";".join(f"{c.column}={c.value}" if c.value is not None else f"{c.column}='{c.text}'"
                     for c in row.cells if c.text)
    return f"{row.side or ''}|{row.code or ''}|{row.name}|{cells}|p.{row.span.page}"


def table_form(table: Table) -> dict:
    return {"key": table.key, "title": table.title, "unit": table.unit,
            "columns": list(table.columns), "pages": list(table.pages),
            "empty_note": table.empty_note, "notes": list(table.notes),
            "rows": [row_line(r) for r in table.rows]}


def golden_summary(doc: Disclosure) -> dict:
    """What the golden pins: metadata, every table row, projects, the section tree, the 目录, the prose's
    stated figures, counts, measures, per-period amounts and uses."""
    sections = [f"{s.level}|{s.number}|{' > '.join(s.path)}|p.{s.span.page}|{len(s.paragraphs)}|"
                + (s.paragraphs[0].text[:24] if s.paragraphs else "") for s in doc.sections]
    projects = [{"code": p.code, "name": p.name, "unit": p.unit, "budget": str(p.budget),
                 "fiscal": str(p.fiscal), "other": str(p.other), "title": p.title,
                 "indicators": len(p.indicators)} for p in doc.projects]
    described = [{"name": d.name, "title": d.title, "budget": str(d.budget), "unit": d.unit,
                  "parts": list(d.parts), "page": d.span.page, "tabled": d.tabled} for d in doc.described]
    return {"department": doc.department, "department_code": doc.department_code,
            "year": doc.year, "kind": doc.kind, "body": doc.body, "warnings": list(doc.warnings),
            "tables": [table_form(t) for t in doc.tables], "projects": projects, "described": described,
            "sections": sections, "toc": [f"{e.title}|{e.page}" for e in doc.toc],
            "stated": stated_lines(doc), "counts": count_lines(doc), **measure_lines(doc)}


def stated_lines(doc: Disclosure) -> list[str]:
    """The figures the prose states, as the shared reader (index/stated.py) labels them for answers:
    `concept|printed label|value unit|change or role|p.page`."""
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    return [f"{s.concept or ''}|{s.name}|{s.value} {s.unit}|{'change' if s.change else s.role}|p.{s.cite().page}"
            for s in stated_facts(doc, stated_patterns())]


def count_lines(doc: Disclosure) -> list[str]:
    """The counts the prose states, as the shared reader finds them: `value counter|words before|p.page`."""
    from index.stated import COUNTERS, stated_tallies

    return [f"{t.value} {t.counter(COUNTERS)}|{t.before[-12:]}|p.{t.page}" for t in stated_tallies(doc)]


def measure_lines(doc: Disclosure) -> dict[str, list[str]]:
    """The prose's other figures, as the shared reader records them: measures (`value unit|its clause|p.page`),
    per-period amounts (`label|value unit|p.page`) and amounts with their uses (`value unit|uses|p.page`)."""
    from index.stated_measures import stated_measures, stated_periods, stated_uses

    return {"measures": [f"{m.value} {m.unit}|{m.clause[-16:]}|p.{m.page}" for m in stated_measures(doc)],
            "periods": [f"{p.label}|{p.value} {p.unit}|p.{p.page}" for p in stated_periods(doc)],
            "uses": [f"{u.value} {u.unit}|{u.uses[:30]}|p.{u.page}" for u in stated_uses(doc)]}


def main() -> None:
    for stem, relative in GOLDEN_SOURCES.items():
        doc = parse_file(SAMPLES / relative)
        out = golden_path(stem)
        out.write_text(json.dumps(golden_summary(doc), ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()

"""The staff audit view as a table: one row per finding (级别, 核对内容, 表, 行, 栏, 表中数, 对照数, 差额, 页),
sortable by any column, filtered by severity; notes (取整差异等) folded away under the problems."""

from __future__ import annotations

from decimal import Decimal
from html import escape

from index.audit_model import Finding

COLUMNS = ("级别", "核对内容", "表", "行", "栏", "表中数", "对照数", "差额", "页")
_RANK = {"error": 0, "warning": 1, "info": 2}
_NAME = {"error": "错误", "warning": "警告", "info": "提示"}
# a header click sorts its column (numbers as numbers); the select shows one severity or all
_SORT = ("const t=this.closest('table'),i=[...this.parentNode.children].indexOf(this),b=t.tBodies[0],"
         "d=this.dataset.dir=this.dataset.dir==='a'?'d':'a',n=v=>isNaN(parseFloat(v))?v:parseFloat(v);"
         "[...b.rows].sort((x,y)=>{const p=n(x.cells[i].dataset.k??x.cells[i].textContent),"
         "q=n(y.cells[i].dataset.k??y.cells[i].textContent);return (p>q?1:p<q?-1:0)*(d==='a'?1:-1);})"
         ".forEach(r=>b.appendChild(r));")
_FILTER = ("const v=this.value;this.parentNode.querySelectorAll('tbody tr').forEach(r=>"
           "r.style.display=(!v||r.dataset.sev===v)?'':'none');")


def _sum(terms) -> Decimal | None:
    values = [t.value for t in terms if t.cite.text is not None]
    return sum(values, Decimal(0)) if values else None


def _cell(value: object, key: object = None) -> str:
    shown = "" if value is None else str(value)
    sort = f' data-k="{escape(str(key))}"' if key is not None else ""
    return f"<td{sort}>{escape(shown)}</td>"


def _row(f: Finding) -> str:
    first = next((t.cite for t in (*f.left, *f.right)), None)
    right = f.right[:1] if f.unit == "%" else f.right
    cells = [_cell(_NAME.get(f.severity, f.severity), _RANK.get(f.severity, 3)), _cell(f.identity),
             _cell(first.table or first.section if first else ""), _cell(first.row if first else ""),
             _cell(first.column if first else ""), _cell(_sum(f.left)), _cell(_sum(right)), _cell(f.difference),
             _cell(first.page if first else "")]
    return f'<tr data-sev="{escape(f.severity)}">{"".join(cells)}</tr>'


def _table(findings: list[Finding]) -> str:
    head = "".join(f'<th onclick="{_SORT}" title="点击排序">{c}</th>' for c in COLUMNS)
    rows = "".join(_row(f) for f in sorted(findings, key=lambda f: _RANK.get(f.severity, 3)))
    return f'<table class="bq-audit"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def audit_table(findings: list[Finding]) -> str:
    problems = [f for f in findings if f.severity != "info"]
    notes = [f for f in findings if f.severity == "info"]
    counts = "，".join(f"{_NAME[s]} {sum(1 for f in findings if f.severity == s)} 条" for s in _NAME)
    options = "".join(f'<option value="{s}">{_NAME[s]}</option>' for s in ("error", "warning"))
    html = [f"<p>{len(findings)} 条结果（{counts}）</p>"]
    if problems:
        html.append(f'<div><select onchange="{_FILTER}"><option value="">全部级别</option>{options}</select>'
                    f"{_table(problems)}</div>")
    if notes:
        html.append(f"<details><summary>{len(notes)} 条提示（取整差异、无表可核对等）</summary>"
                    f"{_table(notes)}</details>")
    return "".join(html)

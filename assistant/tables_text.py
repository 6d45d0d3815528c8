"""A parsed table as plain text, the way the document has it (for `budget-qa show`)."""

from __future__ import annotations

import unicodedata

from corpus.records import Disclosure, Table


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def table_grid(table: Table) -> list[list[str]]:
    """Header + one line per row: 序号, side, code, name, then every amount column."""
    sided = any(r.side for r in table.rows)
    header = ["序号"] + (["收/支"] if sided else []) + ["科目编码", "项目/科目名称", *table.columns]
    grid = [header]
    for row in table.rows:
        cells = [row.cell(c).text if row.cell(c) else "" for c in table.columns]
        grid.append([str(row.number or "")] + ([row.side or ""] if sided else [])
                    + [row.code or "", row.name, *cells])
    return grid


def render_table(doc: Disclosure, table: Table) -> str:
    pages = "、".join(str(p) for p in table.pages) or "?"
    lines = [f"{table.title}  ({doc.department} {doc.year}年{doc.kind_name} · 单位：{table.unit} · "
             f"第{pages}页)"]
    if table.is_empty:
        lines.append(table.empty_note or "")
        return "\n".join(lines)
    grid = table_grid(table)
    widths = [max(_width(r[i]) for r in grid) for i in range(len(grid[0]))]
    lines += ["  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in grid]
    lines += list(table.notes)
    return "\n".join(lines)

"""Pure HTML for the chat page. Everything from a question or a document is escaped here."""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape

from assistant.answer import Answer, Citation, Figure
from assistant.compute import fmt, row_label
from corpus.records import Disclosure, Table

MAX_QUESTION = 300
CSS = """
.bq-msg {margin: 8px 0; padding: 10px 12px; border-radius: 8px; line-height: 1.6}
.bq-q {background: #eef3ff} .bq-a {background: #f7f7f7}
.bq-abstain {background: #fff6e5}
.bq-formula {font-family: monospace; color: #444; margin-top: 4px}
.bq-part + .bq-part {border-top: 1px dashed #ccc; margin-top: 8px; padding-top: 8px}
.bq-warn {color: #a15c00}
.bq-chip {display: inline-block; margin: 4px 6px 0 0}
.bq-chip > summary {cursor: pointer; border: 1px solid #99a; border-radius: 12px; padding: 1px 10px;
  font-size: 0.9em; list-style: none}
.bq-src {margin: 6px 0 10px; max-height: 420px; overflow: auto; border: 1px solid #ddd; padding: 6px}
.bq-src table {border-collapse: collapse; font-size: 0.85em}
.bq-src td, .bq-src th {border: 1px solid #ccc; padding: 2px 6px}
.bq-src tr.hl-row td {background: #fff3b0}
.bq-src td.hl-cell {background: #ffb000; font-weight: bold}
.bq-src mark {background: #ffe066}
.bq-choice {margin: 4px 6px 0 0; padding: 2px 10px; border: 1px solid #88a; border-radius: 12px;
  background: #fff; color: #1f2430; cursor: pointer}
.bq-msg, .bq-src {color: #1f2430; overflow-wrap: anywhere}
.bq-feedback {margin-top: 6px; font-size: 0.9em} .bq-vote {background: none; border: 1px solid #bbc;
  border-radius: 10px; margin-right: 4px; cursor: pointer} .bq-comment {width: 12em; max-width: 50%}
.dark .bq-comment {background: #2b3040; color: #e8ecf4}
.bq-src td.bq-kuan {padding-left: 1.5em} .bq-src td.bq-xiang {padding-left: 3em}
.bq-audit {border-collapse: collapse; font-size: 0.85em; display: block; overflow-x: auto}
.bq-audit th {cursor: pointer; white-space: nowrap} .bq-audit td, .bq-audit th {border: 1px solid #ccc;
  padding: 2px 6px; vertical-align: top}
.bq-chart {width: 100%; max-width: 640px; height: auto; display: block}
.bq-chart text {fill: currentColor}
.bq-src table {min-width: 100%} .bq-src td:first-child, .bq-src th:first-child {min-width: 8em}
/* the dark scheme: dark bubbles, light text (never white on pale) */
.dark .bq-q {background: #1e2a44} .dark .bq-a {background: #23262d} .dark .bq-abstain {background: #3a2f17}
.dark .bq-msg, .dark .bq-src, .dark .bq-choice {color: #e8ecf4}
.dark .bq-formula {color: #c9cfdb} .dark .bq-warn {color: #ffc46b}
.dark .bq-choice {background: #2b3040; border-color: #667}
.dark .bq-src tr.hl-row td {background: #5a4d12} .dark .bq-src td.hl-cell {background: #8a6400}
.dark .bq-src mark {background: #6b5a10; color: #fff}
"""


_INDENT = {"款": ' class="bq-kuan"', "项": ' class="bq-xiang"'}  # 类/款/项 indented as the document nests them


def table_html(table: Table, cited_row: str | None = None, cited_column: str | None = None) -> str:
    """The source table as a table, the cited row and cell highlighted (data-* marks them for tests)."""
    columns = list(table.columns)
    head = "".join(f"<th>{escape(c)}</th>" for c in ["序号", "科目编码", "项目/科目名称", *columns])
    rows = []
    for row in table.rows:
        hit = cited_row is not None and row_label(row) == cited_row
        cells = [str(row.number or ""), row.code or "", (row.side + "·" if row.side else "") + row.name]
        tds = "".join(f"<td{_INDENT.get(row.level or '', '') if i == 2 else ''}>{escape(c)}</td>"
                      for i, c in enumerate(cells))
        for column in columns:
            cell = row.cell(column)
            mark = hit and column == cited_column
            attrs = ' class="hl-cell" data-cited="cell"' if mark else ""
            tds += f"<td{attrs}>{escape(cell.text if cell else '')}</td>"
        rows.append(f'<tr class="hl-row" data-cited="row">{tds}</tr>' if hit else f"<tr>{tds}</tr>")
    note = f"<p>{escape(table.empty_note)}</p>" if table.empty_note else ""
    pages = "、".join(str(p) for p in table.pages)
    caption = f"{escape(table.title)}（单位：{escape(table.unit)}，第{escape(pages)}页）"
    return f"<table><caption>{caption}</caption><tr>{head}</tr>{''.join(rows)}</table>{note}"


def quote_html(doc: Disclosure, citation: Citation) -> str:
    """The paragraph that holds the quote, the quoted sentence marked."""
    quote = citation.quote or ""
    for section in doc.sections:
        for para in section.paragraphs:
            if quote and quote in para.text:
                before, _, after = para.text.partition(quote)
                body = f"{escape(before)}<mark>{escape(quote)}</mark>{escape(after)}"
                return f"<p><b>{escape(' > '.join(section.path))}</b> · 第{para.span.page}页</p><p>{body}</p>"
    return f"<p><b>{escape(citation.section or '')}</b></p><p><mark>{escape(quote)}</mark></p>"


def source_html(doc: Disclosure | None, citation: Citation) -> str:
    if doc is None:
        return "<p>（文档不可用）</p>"
    if citation.kind == "text":
        return quote_html(doc, citation)
    table = next((t for t in doc.tables if t.title == citation.table), None)
    if table is None:  # a 项目绩效目标表 cell
        return f"<p>{escape(citation.table or '')} · {escape(citation.row or '')} · " \
               f"{escape(citation.column or '')} = <mark>{escape(citation.value or '')}</mark></p>"
    return table_html(table, citation.row, citation.column)


_LONG = re.compile(r"(?<![\d.,])(\d{5,})(?=(?:\.\d+)?(?![\d年]))")  # 2024年 is a year, not an amount


def grouped(text: str) -> str:
    """Amounts of five digits or more with thousands separators, as people read them (33,556,428)."""
    return _LONG.sub(lambda m: f"{int(m.group(1)):,}", text)


def chip_label(c: Citation) -> str:
    page = f"第{c.page}页" if c.page is not None else ""
    if c.kind == "cell":
        return f"{c.table} · {c.row} · {c.column} = {c.value} · {page}"
    return f"{c.section} · {page}"


def bar_chart(figures: list[Figure]) -> str:
    """An inline SVG bar chart (no scripts, no external assets): largest first, each with its share of
    the figures charted."""
    figures = sorted(figures, key=lambda f: abs(f.value), reverse=True)
    top = max((abs(f.value) for f in figures), default=Decimal(1)) or Decimal(1)
    total = sum((abs(f.value) for f in figures), Decimal(0)) or Decimal(1)
    bars = []
    for i, f in enumerate(figures):
        share = (abs(f.value) / total * 100).quantize(Decimal("0.1"))
        width = int(Decimal(360) * abs(f.value) / top)
        y = 8 + i * 26
        bars.append(f'<text x="0" y="{y + 14}" font-size="12">{escape(f.label[:16])}</text>'
                    f'<rect x="170" y="{y}" width="{width}" height="18" fill="#4c78a8"/>'
                    f'<text x="{176 + width}" y="{y + 14}" font-size="12">'
                    f"{escape(grouped(fmt(f.value)))}{escape(f.unit)}（{share}%）</text>")
    height = 16 + 26 * len(figures)
    return (f'<svg class="bq-chart" viewBox="0 0 640 {height}" preserveAspectRatio="xMinYMin meet" '
            f'role="img">{"".join(bars)}</svg>')


def chart_figures(answer: Answer) -> list[Figure]:
    """Composition answers (several amounts in one unit, looked up or added) get a chart built from the
    cited records; a difference, ratio or growth is no composition — its operands' shares of their sum
    (and of its result) would be figures no record or formula states."""
    if answer.formula and _NOT_ADDED.search(answer.formula):
        return []
    money = [f for f in answer.values if f.unit in ("万元", "元", "亿元") and "（元）" not in f.label
             and f.label != "结果"]
    units = {f.unit for f in money}
    return money if len(money) >= 2 and len(units) == 1 and not answer.abstained else []


_NOT_ADDED = re.compile(r"[−÷×]|(?<=\s)-(?=\s)")


def _part_html(answer: Answer, docs: dict[str, Disclosure], first: int) -> list[str]:
    """One part: its text, formula, warnings, chart and source chips (numbered from `first`)."""
    parts = [f'<div class="bq-text">{escape(grouped(answer.text))}</div>']
    if answer.formula:
        parts.append(f'<div class="bq-formula">计算：{escape(grouped(answer.formula))}</div>')
    parts += [f'<div class="bq-warn">注意：{escape(w)}</div>' for w in answer.warnings]
    if figures := chart_figures(answer):
        parts.append(bar_chart(figures))
    if answer.choices:
        parts.append(choices_html(answer))
    several = len({c.doc_id for c in answer.citations}) > 1  # across documents: say whose each is
    for i, c in enumerate(answer.citations, first):
        whose = f"{docs[c.doc_id].title} · " if several and c.doc_id in docs else ""
        parts.append(f'<details class="bq-chip"><summary>[{i}] {escape(whose + chip_label(c))}</summary>'
                     f'<div class="bq-src">{source_html(docs.get(c.doc_id), c)}</div></details>')
    return parts


# a choice asks the question again naming its disclosure (the input box filled and sent, as typed)
_ASK_AGAIN = ("const b=document.querySelector('#bq-input textarea');b.value=this.dataset.ask;"
              "b.dispatchEvent(new Event('input',{bubbles:true}));"
              "setTimeout(()=>document.querySelector('#bq-send').click(),100);")


def choices_html(answer: Answer) -> str:
    """Several disclosures fit: one button each (部门 · 年度 · 预算/决算), asking the question of it."""
    buttons = "".join(f'<button class="bq-choice" data-doc="{escape(c.doc_id)}" '
                      f'data-ask="{escape((c.said or c.title) + "：" + answer.question)}" onclick="{_ASK_AGAIN}">'
                      f"{escape(c.title)}</button>" for c in answer.choices)
    return f'<div class="bq-choices">请选择：{buttons}</div>'


# a vote goes to /api/feedback with the comment typed beside it; the buttons then say it was received
_VOTE = ("const f=this.closest('.bq-feedback');fetch('api/feedback',{method:'POST',"
         "headers:{'Content-Type':'application/json'},body:JSON.stringify({vote:this.dataset.vote,"
         "question:f.dataset.q,answer:f.dataset.a,doc_id:f.dataset.doc,comment:f.querySelector('input').value})})"
         ".then(r=>{f.querySelector('.bq-thanks').textContent=r.ok?'已收到，谢谢':'未能提交';});")


_COPY = ("const f=this.closest('.bq-feedback');navigator.clipboard&&navigator.clipboard.writeText(f.dataset.a)"
         ".then(()=>{f.querySelector('.bq-thanks').textContent='已复制';});")


def feedback_html(question: str, answer: Answer) -> str:
    doc = next((c.doc_id for c in answer.citations), "")
    return (f'<div class="bq-feedback" data-q="{escape(question)}" data-a="{escape(answer.text[:2000])}" '
            f'data-doc="{escape(doc)}">'
            f'<button class="bq-vote" data-vote="up" title="有帮助" onclick="{_VOTE}">👍</button>'
            f'<button class="bq-vote" data-vote="down" title="有问题" onclick="{_VOTE}">👎</button>'
            f'<button class="bq-vote bq-copy" title="复制答案" onclick="{_COPY}">复制</button>'
            '<input class="bq-comment" maxlength="500" placeholder="可选：说明哪里不对">'
            '<span class="bq-thanks"></span></div>')


def answer_html(question: str, answer: Answer, docs: dict[str, Disclosure]) -> str:
    """A question asking several things gets one block per part, in the order asked."""
    kind = "bq-abstain" if answer.abstained else "bq-a"
    html = [f'<div class="bq-msg bq-q">问：{escape(question)}</div>',
            f'<div class="bq-msg {kind}" data-route="{escape(answer.route)}">']
    if len(answer.parts) > 1:
        first = 1
        for part in answer.parts:
            html.append(f'<div class="bq-part" data-route="{escape(part.route)}">')
            html += [*_part_html(part, docs, first), "</div>"]
            first += len(part.citations)
    else:
        html += _part_html(answer, docs, 1)
    html.append(feedback_html(question, answer))
    html.append("</div>")
    return "".join(html)


def refused_html(question: str) -> str:
    return (f'<div class="bq-msg bq-abstain">问题超过{MAX_QUESTION}字，请缩短后再问。'
            f"（收到{len(question)}字）</div>")

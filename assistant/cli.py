"""`budget-qa`: thin click verbs over the store and the assistant. Errors print as one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from corpus.errors import BudgetQAError
from corpus.records import to_dict


def _open():
    from assistant.service import open_assistant

    return open_assistant()


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BudgetQAError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_Group)
@click.version_option(package_name="budget-qa", prog_name="budget-qa")
def cli() -> None:
    """部门预算/决算公开文件问答 / Answer questions on Chinese department budget disclosures."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--department", help="the department or unit's name, when the document's cannot be read")
@click.option("--year", type=click.IntRange(1990, 2100), help="the budget year, when the document's cannot be read")
def ingest(paths: tuple[Path, ...], department: str | None, year: int | None) -> None:
    """导入公开文件（.txt/.pdf，文件或文件夹）/ Parse disclosure files or folders into the store.

    \b
    例：budget-qa ingest corpus/documents ../2025年部门预算.pdf
    """
    from assistant.ingest_report import run_ingest

    assistant = _open()
    failures = run_ingest(assistant, list(paths), department, year)
    if failures:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="machine-readable output")
def docs(as_json: bool) -> None:
    """列出已收录的文件 / List stored documents.

    \b
    例：budget-qa docs --json
    """
    assistant = _open()
    infos = assistant.documents()
    if as_json:
        from index.vectors import embedded_counts

        counts = embedded_counts(assistant.settings, [i.doc_id for i in infos])
        click.echo(json.dumps([{**to_dict(i), "passages_embedded": counts[i.doc_id]} for i in infos],
                              ensure_ascii=False, indent=2))
        return
    if not infos:
        click.echo("the store is empty: run `budget-qa ingest PATH` / 库中没有文档")
    from assistant.scoping import disclosure_groups

    for group in disclosure_groups(infos):  # its text and its PDF: one disclosure, listed once
        i = group[0]
        also = "\t(also " + ", ".join(o.source for o in group[1:]) + ")" if len(group) > 1 else ""
        click.echo(f"{i.doc_id}\t{i.department}\t{i.year}\t{i.kind_name}\t{i.source}\t"
                   f"tables={i.tables} rows={i.rows} sections={i.sections} projects={i.projects}{also}")


@cli.command()
@click.argument("table")
@click.option("--doc", help="document id, id prefix or file stem")
def show(table: str, doc: str | None) -> None:
    """显示解析出的表格 / Print a parsed table (by key, e.g. expense, or by title words).

    \b
    例：budget-qa show 支出总表 --doc shijiazhuang
    """
    from assistant.scope import resolve_doc, resolve_table
    from assistant.tables_text import render_table

    assistant = _open()
    disclosure = assistant.disclosure(resolve_doc(assistant.documents(), doc))
    click.echo(render_table(disclosure, resolve_table(disclosure, table)))


@cli.command()
@click.option("--doc", help="document id, id prefix or file stem (default: all)")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "xlsx"]), required=True)
@click.option("--out", type=click.Path(path_type=Path), help="the file to write (required for xlsx)")
def export(doc: str | None, fmt: str, out: Path | None) -> None:
    """导出全部金额记录 / Every amount record: one per line (jsonl) or row (csv / xlsx, Chinese headers).

    例：budget-qa export --format csv > 金额.csv；budget-qa export --format xlsx --out 金额.xlsx"""
    from assistant.export_rows import csv_text, write_xlsx
    from assistant.scope import resolve_doc
    from assistant.scoping import disclosure_groups

    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx needs --out FILE.xlsx / 请用 --out 指定文件")
    assistant = _open()
    infos = assistant.documents()
    doc_id = resolve_doc(infos, doc, allow_all=True) if doc else None
    once = {g[0].doc_id for g in disclosure_groups(infos)}  # a text and its PDF: one disclosure, once
    facts = [f for f in assistant.store.facts(doc_id) if doc_id or f.doc_id in once]
    if fmt == "jsonl":
        for fact in facts:
            click.echo(json.dumps(to_dict(fact), ensure_ascii=False))
        return
    by_id = {i.doc_id: i for i in infos}
    if fmt == "xlsx":
        write_xlsx(facts, by_id, out)  # type: ignore[arg-type]
        click.echo(f"{len(facts)} rows → {out}")
    elif out is not None:
        out.write_text(csv_text(facts, by_id), encoding="utf-8")
    else:
        sys.stdout.write(csv_text(facts, by_id))


@cli.command()
@click.argument("doc")
def remove(doc: str) -> None:
    """删除一份已收录的文件 / Remove one stored document (its records and its passages' vectors).

    例：budget-qa remove shanghai_putuo_czj_2024_final-pdf"""
    from assistant.scope import resolve_doc
    from index.vectors import forget

    assistant = _open()
    doc_id = resolve_doc(assistant.documents(), doc)
    assistant.store.remove(doc_id)
    forget(assistant.settings, doc_id)
    click.echo(f"removed {doc_id} / 已删除")


@cli.command()
@click.argument("question")
@click.option("--doc", help="scope the question to one document")
@click.option("--json", "as_json", is_flag=True, help="the stable JSON answer schema")
def ask(question: str, doc: str | None, as_json: bool) -> None:
    """用中文提问 / Ask a question in Chinese.

    \b
    例：budget-qa ask "项目支出为何减少" --doc shijiazhuang
        budget-qa ask "基本支出占总支出的比例是多少" --json
    """
    from assistant.render import answer_text

    answer = _open().ask(question, doc=doc)
    click.echo(answer.to_json(indent=2) if as_json else answer_text(answer))


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="machine-readable output")
def feedback(as_json: bool) -> None:
    """读者对答案的评价（👍/👎 与留言）/ The votes and comments readers left on the page's answers.

    \b
    例：budget-qa feedback --json
    """
    from assistant.feedback import read
    from index.settings import load_settings

    entries = read(load_settings().home)
    if as_json:
        click.echo(json.dumps(entries, ensure_ascii=False, indent=2))
        return
    if not entries:
        click.echo("还没有评价 / no feedback yet")
    for e in entries:
        mark = "👍" if e["vote"] == "up" else "👎"
        click.echo(f"{e['time']}\t{mark}\t{e['question']}\t{e['comment']}\t{e['doc_id']}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=7860, show_default=True, type=int)
@click.option("--staff", is_flag=True, help="加上一致性审计页（工作人员用，勿公开） / add the staff audit view")
def serve(host: str, port: int, staff: bool) -> None:
    """启动公开问答网页及其 JSON 接口 / Start the public chat page and its JSON API.

    \b
    例：budget-qa serve --host 0.0.0.0 --port 7860
        budget-qa serve --staff          # 内网工作人员用：另有一致性审计页
    """
    from assistant.web import serve as run

    run(_open(), host=host, port=port, staff=staff)


def _register() -> None:
    from assistant.audit_cli import audit

    cli.add_command(audit)


_register()


def main() -> None:
    cli()

"""`budget-qa audit [--doc ID] [--json] [--report-only]`: the consistency audit of stored disclosures.

Without --doc every stored document is audited. It exits 1 when a document contradicts itself (an error
finding), so scripts can stop on it; --report-only always exits 0 (the findings are the output).
"""

from __future__ import annotations

import json
import sys

import click

from index.audit import audit as run_audit
from index.audit import audit_summary, describe


@click.command("audit")
@click.option("--doc", help="document id, id prefix or file stem (default: every stored document)")
@click.option("--json", "as_json", is_flag=True, help='machine-readable output: {"findings": [...]}')
@click.option("--report-only", is_flag=True, help="exit 0 even when errors are found / 只报告，不以错误退出")
def audit(doc: str | None, as_json: bool, report_only: bool) -> None:
    """核对文件自身的勾稽关系（发现错误时退出码为 1）/ Check the identities a disclosure must satisfy
    (sums, cross-table totals, the text vs the tables).

    例：budget-qa audit --doc shanghai_putuo_czj_2024_final"""
    from assistant.scope import resolve_doc
    from assistant.service import open_assistant

    assistant = open_assistant()
    infos = assistant.documents()
    doc_ids = [resolve_doc(infos, doc)] if doc or len(infos) <= 1 else [i.doc_id for i in infos]
    results = [(doc_id, run_audit(assistant.disclosure(doc_id))) for doc_id in doc_ids]
    if as_json:
        findings = [{"doc_id": doc_id, **f.to_dict()} for doc_id, found in results for f in found]
        click.echo(json.dumps({"findings": findings}, ensure_ascii=False, indent=2))
    else:
        for doc_id, found in results:
            click.echo(f"{doc_id}: {audit_summary(found).splitlines()[0]}")
            for finding in found:
                click.echo(f"  {describe(finding)}")
    if not report_only and any(f.severity == "error" for _, found in results for f in found):
        sys.exit(1)

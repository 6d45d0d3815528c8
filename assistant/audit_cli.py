"""`budget-qa audit [--doc ID] [--json]`: the consistency audit of stored disclosures.

Without --doc every stored document is audited. The command succeeds even when a document contradicts
itself: the findings are the output, not a failure.
"""

from __future__ import annotations

import json

import click

from index.audit import audit as run_audit
from index.audit import audit_summary, describe


@click.command("audit")
@click.option("--doc", help="document id, id prefix or file stem (default: every stored document)")
@click.option("--json", "as_json", is_flag=True, help='machine-readable output: {"findings": [...]}')
def audit(doc: str | None, as_json: bool) -> None:
    """Check the identities a disclosure must satisfy (sums, cross-table totals, the text vs the tables)."""
    from assistant.scope import resolve_doc
    from assistant.service import open_assistant

    assistant = open_assistant()
    infos = assistant.documents()
    doc_ids = [resolve_doc(infos, doc)] if doc or len(infos) <= 1 else [i.doc_id for i in infos]
    results = [(doc_id, run_audit(assistant.disclosure(doc_id))) for doc_id in doc_ids]
    if as_json:
        findings = [{"doc_id": doc_id, **f.to_dict()} for doc_id, found in results for f in found]
        click.echo(json.dumps({"findings": findings}, ensure_ascii=False, indent=2))
        return
    for doc_id, found in results:
        click.echo(f"{doc_id}: {audit_summary(found).splitlines()[0]}")
        for finding in found:
            click.echo(f"  {describe(finding)}")

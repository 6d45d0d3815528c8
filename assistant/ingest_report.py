"""`budget-qa ingest`: a progress bar, then a summary of what landed and what did not."""

from __future__ import annotations

from pathlib import Path

import click

from assistant.service import Assistant
from corpus.errors import BudgetQAError
from index.audit import audit, audit_summary
from index.ingest import expand, ingest_paths


def run_ingest(assistant: Assistant, paths: list[Path], department: str | None = None,
               year: int | None = None) -> int:
    """Ingest and print a summary; returns the number of files that failed. `department`/`year` name
    disclosures whose own cannot be read (or are wrong)."""
    from tqdm import tqdm

    files = expand(paths)
    with tqdm(total=len(files), desc="ingest", unit="file", disable=None) as bar:
        results = ingest_paths(files, assistant.store, progress=lambda _: bar.update(), department=department,
                               year=year)
    embedded = _embed([r.doc for r in results if r.doc is not None], assistant)
    for result in results:
        if result.error:
            click.echo(f"FAILED {result.error}", err=True)
            continue
        doc = result.doc
        assert doc is not None and result.outcome is not None
        rows = sum(len(t.rows) for t in doc.tables)
        click.echo(f"{result.outcome.status:9} {doc.doc_id}: {doc.department} {doc.year}年"
                   f"{doc.kind_name} · {len(doc.tables)} tables, {rows} rows, "
                   f"{len(doc.sections)} sections, {doc.project_count} projects"
                   + (f", {embedded[doc.doc_id]} passages embedded" if doc.doc_id in embedded else ""))
        for warning in doc.warnings:
            click.echo(f"  note: {warning}")
        for line in audit_summary(audit(doc)).splitlines():
            click.echo(f"  {line}")
    ok = sum(1 for r in results if not r.error)
    failed = len(results) - ok
    click.echo(f"{ok} document(s) ingested, {failed} failed; store: {store_name(assistant.settings)}")
    return failed


def _embed(docs: list, assistant: Assistant) -> dict[str, int]:
    """Passages into the vector index; a failure there loses no record (narrative falls back to BM25)."""
    from index.vectors import embed_at_ingest

    try:
        return embed_at_ingest(docs, assistant.settings)
    except BudgetQAError as exc:
        click.echo(f"not embedded (narrative search uses BM25 only): {exc}", err=True)
        return {}


def store_name(settings) -> str:
    """Where the records are: the PostgreSQL database (its password hidden) or the SQLite file."""
    if settings.database_url:
        from index.pg_store import safe_url

        return safe_url(settings.database_url)
    return str(settings.db_path)

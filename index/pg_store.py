"""The record store on PostgreSQL (`BUDGET_QA_DATABASE_URL`, psycopg 3): the same records, schema and
behaviour as the SQLite default (index/sqlite_store.py) — each ingest one transaction, a re-ingest of the
same document replacing it, a failure leaving the store as it was."""

from __future__ import annotations

import json
from decimal import Decimal

from corpus.errors import DocumentNotFound, StoreError
from corpus.records import Disclosure, Fact, disclosure_facts, from_dict, to_json
from index.bounded import Bounded
from index.sqlite_store import FACT_COLUMNS, document_row, fact_row
from index.store import DocumentInfo, IngestOutcome

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, department TEXT NOT NULL,
  department_code TEXT, year INTEGER NOT NULL, kind TEXT NOT NULL, n_tables INTEGER NOT NULL,
  n_rows INTEGER NOT NULL, n_sections INTEGER NOT NULL, n_projects INTEGER NOT NULL,
  payload TEXT NOT NULL, body TEXT NOT NULL DEFAULT '部门'
);
CREATE TABLE IF NOT EXISTS facts (
  id BIGSERIAL PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, table_key TEXT NOT NULL,
  table_title TEXT NOT NULL, row_number INTEGER, row_name TEXT NOT NULL, code TEXT, level TEXT,
  parent TEXT, side TEXT, column_name TEXT NOT NULL, value NUMERIC NOT NULL, unit TEXT NOT NULL,
  page INTEGER, line INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id, table_key);
"""


class PostgresStore:
    def __init__(self, url: str) -> None:
        import psycopg  # only when this backend is chosen

        self.url = url
        self._cache: Bounded[tuple[str, str], Disclosure] = Bounded()
        try:
            self._conn = psycopg.connect(url, autocommit=True)
            self._conn.execute(SCHEMA)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the record store {safe_url(url)}: {exc}") from exc

    def add(self, doc: Disclosure) -> IngestOutcome:
        import psycopg

        row = self._conn.execute("SELECT sha256, payload FROM documents WHERE doc_id = %s",
                                 (doc.doc_id,)).fetchone()
        payload = to_json(doc)
        if row and row[0] == doc.sha256 and row[1] == payload:
            return IngestOutcome(doc.doc_id, "unchanged")
        try:
            with self._conn.transaction():  # one transaction: a failure leaves the store as it was
                self._conn.execute("DELETE FROM documents WHERE doc_id = %s", (doc.doc_id,))
                self._conn.execute(
                    "INSERT INTO documents (doc_id, source, sha256, department, department_code, year, kind, "
                    "n_tables, n_rows, n_sections, n_projects, payload, body) "
                    "VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)", document_row(doc, payload))
                with self._conn.cursor() as cur:
                    cur.executemany(f"INSERT INTO facts ({FACT_COLUMNS}) VALUES "
                                    f"({','.join(['%s'] * 14)})", [fact_row(f) for f in disclosure_facts(doc)])
        except psycopg.Error as exc:
            raise StoreError(f"could not store {doc.source}: {exc}") from exc
        return IngestOutcome(doc.doc_id, "replaced" if row else "added")

    def documents(self) -> list[DocumentInfo]:
        rows = self._conn.execute(
            "SELECT doc_id, department, department_code, year, kind, source, sha256, n_tables, "
            "n_rows, n_sections, n_projects, body FROM documents ORDER BY department, year, kind")
        return [DocumentInfo(*r) for r in rows.fetchall()]

    def disclosure(self, doc_id: str) -> Disclosure:
        row = self._conn.execute("SELECT sha256, payload FROM documents WHERE doc_id = %s",
                                 (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(f"no document '{doc_id}' in the store / 未找到文档")
        key = (doc_id, row[0])
        if key not in self._cache:
            self._cache[key] = from_dict(Disclosure, json.loads(row[1]))
        return self._cache[key]

    def facts(self, doc_id: str | None = None) -> list[Fact]:
        sql = f"SELECT {FACT_COLUMNS} FROM facts"
        rows = (self._conn.execute(sql + " WHERE doc_id = %s ORDER BY id", (doc_id,))
                if doc_id else self._conn.execute(sql + " ORDER BY id"))
        return [Fact(*r[:10], Decimal(r[10]), *r[11:]) for r in rows.fetchall()]

    def remove(self, doc_id: str) -> None:
        self._conn.execute("DELETE FROM documents WHERE doc_id = %s", (doc_id,))

    def close(self) -> None:
        self._conn.close()


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if not parts.password:
        return url
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{parts.hostname}{port}"))

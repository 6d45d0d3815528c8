"""The record store on PostgreSQL (`BUDGET_QA_DATABASE_URL`, psycopg 3): the same records, schema and
behaviour as the SQLite default (index/sqlite_store.py) — each ingest one transaction, a re-ingest of the
same document replacing it, a failure leaving the store as it was."""

from __future__ import annotations

from corpus.errors import StoreError
from corpus.records import Disclosure, disclosure_facts, to_json
from index.sql_store import CONCEPTS, DOCUMENTS, SUSPECTS, SQLReads, document_row
from index.sql_store import fact_row as fact_row
from index.store import IngestOutcome

SCHEMA = DOCUMENTS + """
CREATE TABLE IF NOT EXISTS facts (
  id BIGSERIAL PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, table_key TEXT NOT NULL,
  table_title TEXT NOT NULL, row_number INTEGER, row_name TEXT NOT NULL, code TEXT, level TEXT,
  parent TEXT, side TEXT, column_name TEXT NOT NULL, value NUMERIC NOT NULL, unit TEXT NOT NULL,
  page INTEGER, line INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id, table_key);
""" + CONCEPTS + SUSPECTS


class PostgresStore(SQLReads):
    mark = "%s"
    written = "id"

    def __init__(self, url: str) -> None:
        import psycopg  # only when this backend is chosen

        super().__init__()
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True)
            self._conn.execute(SCHEMA)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the record store {safe_url(url)}: {exc}") from exc

    def add(self, doc: Disclosure) -> IngestOutcome:
        import psycopg

        row = self.stored(doc.doc_id)
        payload = to_json(doc)
        if row and row[0] == doc.sha256 and row[1] == payload and self.suspect_titles(doc.doc_id) is not None:
            return IngestOutcome(doc.doc_id, "unchanged")
        documents, facts = self.inserts()
        concepts, suspects = self.derived_rows(doc)  # worked out before the transaction opens
        try:
            with self._conn.transaction():  # one transaction: a failure leaves the store as it was
                self._conn.execute("DELETE FROM documents WHERE doc_id = %s", (doc.doc_id,))
                self._conn.execute(documents, document_row(doc, payload))
                with self._conn.cursor() as cur:
                    cur.executemany(facts, [fact_row(f) for f in disclosure_facts(doc)])
                    cur.executemany(self.concept_insert(), concepts)
                    cur.executemany(self.suspect_insert(), suspects)
        except psycopg.Error as exc:
            raise StoreError(f"could not store {doc.source}: {exc}") from exc
        return IngestOutcome(doc.doc_id, "replaced" if row else "added")

    def remove(self, doc_id: str) -> None:
        self._conn.execute("DELETE FROM documents WHERE doc_id = %s", (doc_id,))


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if not parts.password:
        return url
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{parts.hostname}{port}"))

"""The default record store: one SQLite file. Each ingest is one transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from corpus.errors import StoreError
from corpus.records import Disclosure, disclosure_facts, to_json
from index.sql_store import CONCEPTS, DOCUMENTS, SUSPECTS, SQLReads, document_row
from index.sql_store import fact_row as fact_row
from index.store import IngestOutcome

SCHEMA = DOCUMENTS + """
CREATE TABLE IF NOT EXISTS facts (
  doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, table_key TEXT NOT NULL,
  table_title TEXT NOT NULL, row_number INTEGER, row_name TEXT NOT NULL, code TEXT, level TEXT,
  parent TEXT, side TEXT, column_name TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL,
  page INTEGER, line INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id, table_key);
""" + CONCEPTS + SUSPECTS


class SQLiteStore(SQLReads):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path, check_same_thread=False)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.executescript(SCHEMA)
            self._upgrade()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the record store {path}: {exc}") from exc

    def _upgrade(self) -> None:
        """A store written before 部门/单位 was kept: the column added, every document a 部门's."""
        columns = {r[1] for r in self._conn.execute("PRAGMA table_info(documents)")}
        if "body" not in columns:
            with self._conn:
                self._conn.execute("ALTER TABLE documents ADD COLUMN body TEXT NOT NULL DEFAULT '部门'")

    def add(self, doc: Disclosure) -> IngestOutcome:
        row = self.stored(doc.doc_id)
        payload = to_json(doc)
        if row and row[0] == doc.sha256 and row[1] == payload and self.suspect_titles(doc.doc_id) is not None:
            return IngestOutcome(doc.doc_id, "unchanged")  # same file, parsed the same way
        documents, facts = self.inserts()
        concepts, suspects = self.derived_rows(doc)  # worked out before the transaction opens
        try:
            with self._conn:  # one transaction: a failure leaves the store as it was
                self._conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
                self._conn.execute(documents, document_row(doc, payload))
                self._conn.executemany(facts, [fact_row(f) for f in disclosure_facts(doc)])
                self._conn.executemany(self.concept_insert(), concepts)
                self._conn.executemany(self.suspect_insert(), suspects)
        except sqlite3.Error as exc:
            raise StoreError(f"could not store {doc.source}: {exc}") from exc
        return IngestOutcome(doc.doc_id, "replaced" if row else "added")

    def remove(self, doc_id: str) -> None:
        with self._conn:
            self._conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

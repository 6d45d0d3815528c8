"""The default record store: one SQLite file. Each ingest is one transaction."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

from corpus.errors import DocumentNotFound, StoreError
from corpus.records import Disclosure, Fact, disclosure_facts, from_dict, to_json
from index.bounded import Bounded
from index.store import DocumentInfo, IngestOutcome

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, department TEXT NOT NULL,
  department_code TEXT, year INTEGER NOT NULL, kind TEXT NOT NULL, n_tables INTEGER NOT NULL,
  n_rows INTEGER NOT NULL, n_sections INTEGER NOT NULL, n_projects INTEGER NOT NULL,
  payload TEXT NOT NULL, body TEXT NOT NULL DEFAULT '部门'
);
CREATE TABLE IF NOT EXISTS facts (
  doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, table_key TEXT NOT NULL,
  table_title TEXT NOT NULL, row_number INTEGER, row_name TEXT NOT NULL, code TEXT, level TEXT,
  parent TEXT, side TEXT, column_name TEXT NOT NULL, value TEXT NOT NULL, unit TEXT NOT NULL,
  page INTEGER, line INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id, table_key);
"""
FACT_COLUMNS = ("doc_id, table_key, table_title, row_number, row_name, code, level, parent, side, "
                 "column_name, value, unit, page, line")


class SQLiteStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._cache: Bounded[tuple[str, str], Disclosure] = Bounded()
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
        row = self._conn.execute("SELECT sha256, payload FROM documents WHERE doc_id = ?",
                                 (doc.doc_id,)).fetchone()
        payload = to_json(doc)
        if row and row[0] == doc.sha256 and row[1] == payload:
            return IngestOutcome(doc.doc_id, "unchanged")  # same file, parsed the same way
        facts = disclosure_facts(doc)
        try:
            with self._conn:  # one transaction: a failure leaves the store as it was
                self._conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
                self._conn.execute(
                    "INSERT INTO documents (doc_id, source, sha256, department, department_code, year, kind, "
                    "n_tables, n_rows, n_sections, n_projects, payload, body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    document_row(doc, payload))
                self._conn.executemany(
                    f"INSERT INTO facts ({FACT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [fact_row(f) for f in facts])
        except sqlite3.Error as exc:
            raise StoreError(f"could not store {doc.source}: {exc}") from exc
        return IngestOutcome(doc.doc_id, "replaced" if row else "added")

    def documents(self) -> list[DocumentInfo]:
        rows = self._conn.execute(
            "SELECT doc_id, department, department_code, year, kind, source, sha256, n_tables, "
            "n_rows, n_sections, n_projects, body FROM documents ORDER BY department, year, kind")
        return [DocumentInfo(*r) for r in rows.fetchall()]

    def disclosure(self, doc_id: str) -> Disclosure:
        row = self._conn.execute("SELECT sha256, payload FROM documents WHERE doc_id = ?",
                                 (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(f"no document '{doc_id}' in the store / 未找到文档")
        key = (doc_id, row[0])
        if key not in self._cache:
            self._cache[key] = from_dict(Disclosure, json.loads(row[1]))
        return self._cache[key]

    def facts(self, doc_id: str | None = None) -> list[Fact]:
        sql = f"SELECT {FACT_COLUMNS} FROM facts"
        rows = (self._conn.execute(sql + " WHERE doc_id = ? ORDER BY rowid", (doc_id,))
                if doc_id else self._conn.execute(sql + " ORDER BY rowid"))
        return [Fact(*r[:10], Decimal(r[10]), *r[11:]) for r in rows.fetchall()]

    def remove(self, doc_id: str) -> None:
        with self._conn:
            self._conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))

    def close(self) -> None:
        self._conn.close()


def document_row(doc: Disclosure, payload: str) -> tuple:
    """The documents row of a disclosure, for either backend."""
    return (doc.doc_id, doc.source, doc.sha256, doc.department, doc.department_code, doc.year, doc.kind,
            len(doc.tables), sum(len(t.rows) for t in doc.tables), len(doc.sections), doc.project_count,
            payload, doc.body)


def fact_row(fact: Fact) -> tuple:
    return (fact.doc_id, fact.table, fact.table_title, fact.row_number, fact.row_name, fact.code,
            fact.level, fact.parent, fact.side, fact.column, str(fact.value), fact.unit, fact.page,
            fact.line)

"""What the SQL record stores share (SQLite, the default, and PostgreSQL): the rows a document and its
facts become, and every read — listing, loading (through a bounded cache), facts. A backend gives its
connection, its parameter mark and the order its facts were written in; it writes in its own transaction."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from corpus.errors import DocumentNotFound
from corpus.records import Disclosure, Fact, from_dict
from index.bounded import Bounded
from index.store import DocumentInfo

DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, department TEXT NOT NULL,
  department_code TEXT, year INTEGER NOT NULL, kind TEXT NOT NULL, n_tables INTEGER NOT NULL,
  n_rows INTEGER NOT NULL, n_sections INTEGER NOT NULL, n_projects INTEGER NOT NULL,
  payload TEXT NOT NULL, body TEXT NOT NULL DEFAULT '部门'
);
"""
FACT_COLUMNS = ("doc_id, table_key, table_title, row_number, row_name, code, level, parent, side, "
                "column_name, value, unit, page, line")
DOCUMENT_COLUMNS = ("doc_id, source, sha256, department, department_code, year, kind, n_tables, n_rows, "
                    "n_sections, n_projects, payload, body")


def document_row(doc: Disclosure, payload: str) -> tuple:
    """The documents row of a disclosure."""
    return (doc.doc_id, doc.source, doc.sha256, doc.department, doc.department_code, doc.year, doc.kind,
            len(doc.tables), sum(len(t.rows) for t in doc.tables), len(doc.sections), doc.project_count,
            payload, doc.body)


def fact_row(fact: Fact) -> tuple:
    return (fact.doc_id, fact.table, fact.table_title, fact.row_number, fact.row_name, fact.code,
            fact.level, fact.parent, fact.side, fact.column, str(fact.value), fact.unit, fact.page,
            fact.line)


class SQLReads:
    mark = "?"  # the backend's parameter mark
    written = "rowid"  # the column that orders facts as written
    _conn: Any

    def __init__(self) -> None:
        self._cache: Bounded[tuple[str, str], Disclosure] = Bounded()

    def _sql(self, sql: str) -> str:
        return sql.replace("?", self.mark)

    def stored(self, doc_id: str) -> tuple[str, str] | None:
        """(sha256, payload) of a stored document."""
        return self._conn.execute(self._sql("SELECT sha256, payload FROM documents WHERE doc_id = ?"),
                                  (doc_id,)).fetchone()

    def inserts(self) -> tuple[str, str]:
        """The two INSERTs an ingest runs, in the backend's parameter marks."""
        def marks(n: int) -> str:
            return ",".join([self.mark] * n)

        return (f"INSERT INTO documents ({DOCUMENT_COLUMNS}) VALUES ({marks(13)})",
                f"INSERT INTO facts ({FACT_COLUMNS}) VALUES ({marks(14)})")

    def documents(self) -> list[DocumentInfo]:
        rows = self._conn.execute(
            "SELECT doc_id, department, department_code, year, kind, source, sha256, n_tables, "
            "n_rows, n_sections, n_projects, body FROM documents ORDER BY department, year, kind")
        return [DocumentInfo(*r) for r in rows.fetchall()]

    def disclosure(self, doc_id: str) -> Disclosure:
        row = self.stored(doc_id)
        if row is None:
            raise DocumentNotFound(f"no document '{doc_id}' in the store / 未找到文档")
        key = (doc_id, row[0])
        if key not in self._cache:
            self._cache[key] = from_dict(Disclosure, json.loads(row[1]))
        return self._cache[key]

    def facts(self, doc_id: str | None = None) -> list[Fact]:
        sql = f"SELECT {FACT_COLUMNS} FROM facts"
        rows = (self._conn.execute(self._sql(sql + f" WHERE doc_id = ? ORDER BY {self.written}"), (doc_id,))
                if doc_id else self._conn.execute(sql + f" ORDER BY {self.written}"))
        return [Fact(*r[:10], Decimal(r[10]), *r[11:]) for r in rows.fetchall()]

    def close(self) -> None:
        self._conn.close()

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
from index.concept_facts import ConceptFact, concept_facts
from index.store import DocumentInfo

DOCUMENTS = """
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, department TEXT NOT NULL,
  department_code TEXT, year INTEGER NOT NULL, kind TEXT NOT NULL, n_tables INTEGER NOT NULL,
  n_rows INTEGER NOT NULL, n_sections INTEGER NOT NULL, n_projects INTEGER NOT NULL,
  payload TEXT NOT NULL, body TEXT NOT NULL DEFAULT '部门'
);
"""
# each standard concept's figure in each disclosure (index/concept_facts.py): the corpus-wide substrate
CONCEPTS = """
CREATE TABLE IF NOT EXISTS concepts (
  doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, concept TEXT NOT NULL,
  value TEXT NOT NULL, unit TEXT NOT NULL, table_key TEXT NOT NULL, table_title TEXT NOT NULL,
  row_label TEXT NOT NULL, column_name TEXT NOT NULL, page INTEGER, printed TEXT NOT NULL,
  PRIMARY KEY (doc_id, concept)
);
CREATE INDEX IF NOT EXISTS concepts_by_concept ON concepts(concept);
"""
# what the audit run at ingest found of each disclosure's tables: those whose own sums fail (misread,
# probably); one row with an empty title says the disclosure was audited and none did
SUSPECTS = """
CREATE TABLE IF NOT EXISTS suspects (
  doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE, table_title TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS suspects_doc ON suspects(doc_id);
"""
CONCEPT_COLUMNS = "doc_id, concept, value, unit, table_key, table_title, row_label, column_name, page, printed"
FACT_COLUMNS = ("doc_id, table_key, table_title, row_number, row_name, code, level, parent, side, "
                "column_name, value, unit, page, line")
DOCUMENT_COLUMNS = ("doc_id, source, sha256, department, department_code, year, kind, n_tables, n_rows, "
                    "n_sections, n_projects, payload, body")


def document_row(doc: Disclosure, payload: str) -> tuple:
    """The documents row of a disclosure."""
    return (doc.doc_id, doc.source, doc.sha256, doc.department, doc.department_code, doc.year, doc.kind,
            len(doc.tables), sum(len(t.rows) for t in doc.tables), len(doc.sections), doc.project_count,
            payload, doc.body)


def concept_row(fact: ConceptFact) -> tuple:
    return (fact.doc_id, fact.concept, str(fact.value), fact.unit, fact.table, fact.table_title, fact.row,
            fact.column, fact.page, fact.printed)


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

    def concept_insert(self) -> str:
        return f"INSERT INTO concepts ({CONCEPT_COLUMNS}) VALUES ({','.join([self.mark] * 10)})"

    def concept_values(self, concept: str, doc_ids: list[str]) -> dict[str, ConceptFact]:
        """Each listed disclosure's stored figure of the concept (those with none are left out)."""
        if not doc_ids:
            return {}
        marks = ",".join([self.mark] * len(doc_ids))
        rows = self._conn.execute(self._sql(f"SELECT {CONCEPT_COLUMNS} FROM concepts WHERE concept = ? ")
                                  + f"AND doc_id IN ({marks})", (concept, *doc_ids)).fetchall()
        return {r[0]: ConceptFact(r[0], r[1], Decimal(r[2]), *r[3:]) for r in rows}

    def suspect_titles(self, doc_id: str) -> set[str] | None:
        """The titles of the tables the ingest audit found misread; None when it was never audited."""
        rows = self._conn.execute(self._sql("SELECT table_title FROM suspects WHERE doc_id = ?"), (doc_id,))
        found = [r[0] for r in rows.fetchall()]
        return {t for t in found if t} if found else None

    def derived_rows(self, doc: Disclosure) -> tuple[list[tuple], list[tuple]]:
        """What is worked out of the document once, at ingest: its concepts' figures and the audit's
        suspect tables (with the empty marker)."""
        from index.audit import audit, suspect_tables

        suspect = suspect_tables(audit(doc))
        titles = [t.title for t in doc.tables if t.key in suspect]
        return [concept_row(f) for f in concept_facts(doc)], [(doc.doc_id, t) for t in ["", *titles]]

    def suspect_insert(self) -> str:
        return self._sql("INSERT INTO suspects (doc_id, table_title) VALUES (?, ?)")

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

"""Which document and which table a user means (`--doc`, `show TABLE`)."""

from __future__ import annotations

from corpus.errors import AmbiguousDocument, DocumentNotFound
from corpus.layout import squash
from corpus.records import TABLE_KEYS, Disclosure, Table
from index.store import DocumentInfo


def match_docs(infos: list[DocumentInfo], selector: str) -> list[DocumentInfo]:
    """Exact id or file stem first, then id prefix, then words of department/year/kind."""
    for exact in ([i for i in infos if i.doc_id == selector],
                  [i for i in infos if selector in (i.source, i.source.rsplit(".", 1)[0])]):
        if exact:
            return exact
    prefix = [i for i in infos if i.doc_id.startswith(selector)]
    if prefix:
        return prefix
    wanted = squash(selector)
    return [i for i in infos if wanted and any(wanted in squash(f"{i.department}{i.year}年{kind}")
                                               for kind in (i.kind, i.kind_name))]


def resolve_doc(infos: list[DocumentInfo], selector: str | None, allow_all: bool = False) -> str:
    if not infos:
        raise DocumentNotFound("the store is empty: run `budget-qa ingest PATH` first / 库中没有文档")
    if selector is None:
        if len(infos) == 1:
            return infos[0].doc_id
        raise AmbiguousDocument("several documents are stored; choose one with --doc: "
                                + ", ".join(i.doc_id for i in infos))
    found = match_docs(infos, selector)
    if not found:
        raise DocumentNotFound(f"no document matches '{selector}'; stored: "
                               + ", ".join(i.doc_id for i in infos))
    if len(found) > 1:
        raise AmbiguousDocument(f"'{selector}' matches several documents: "
                                + ", ".join(i.doc_id for i in found))
    return found[0].doc_id


def resolve_table(doc: Disclosure, name: str) -> Table:
    """A table by key (expense), standard name (支出总表) or words of its printed title."""
    if (table := doc.table(name)) is not None:
        return table
    wanted = squash(name)
    for table in doc.tables:
        if wanted in (squash(table.title), squash(TABLE_KEYS.get(table.key, ""))):
            return table
    candidates = [t for t in doc.tables if wanted and wanted in squash(t.title)]
    if len(candidates) == 1:
        return candidates[0]
    keys = ", ".join(f"{t.key} ({t.title})" for t in doc.tables)
    raise DocumentNotFound(f"no single table matches '{name}' in {doc.doc_id}; tables: {keys}")

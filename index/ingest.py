"""Files and folders → parsed disclosures → the store. Good files land even when others fail."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.errors import BudgetQAError, UnsupportedInputError
from corpus.parse import parse_file
from corpus.records import Disclosure
from index.store import IngestOutcome, RecordStore

logger = logging.getLogger(__name__)
SUFFIXES = (".txt", ".pdf", ".html", ".htm")


@dataclass(frozen=True)
class FileResult:
    path: Path
    outcome: IngestOutcome | None = None
    doc: Disclosure | None = None
    error: str | None = None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders → their disclosure files, sorted, recursively."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES))
        else:
            found.append(path)
    return found


def read_disclosure(path: Path, department: str | None = None, year: int | None = None) -> Disclosure:
    """`department`/`year` (the ingest options) name a disclosure whose own are unreadable or wrong."""
    if not path.exists():
        raise UnsupportedInputError(str(path), "no such file / 文件不存在")
    return parse_file(path, department, year)  # pdfplumber is imported only for a PDF


def own_id(doc: Disclosure, store: RecordStore) -> Disclosure:
    """A file named like a stored file of another disclosure (2024年部门预算.pdf from two departments) gets
    an id of its own (…-2) and says so: a stored disclosure is replaced only by the same body's same year
    and kind (a corrected or re-published file)."""
    stored = {i.doc_id: i for i in store.documents()}
    same = [i for i in stored.values() if (i.department, i.year, i.kind, i.body) ==
            (doc.department, doc.year, doc.kind, doc.body)]
    other = stored.get(doc.doc_id)
    if other is None or other in same:
        return doc
    n = 2
    while (candidate := f"{doc.doc_id}-{n}") in stored and stored[candidate] not in same:
        n += 1
    note = (f"{doc.source}: the id {doc.doc_id} belongs to another stored disclosure ({other.title}); stored as "
            f"{candidate} / 文件名与已收录的{other.title}相同，以 {candidate} 收录，原文件保留")
    return replace(doc, doc_id=candidate, warnings=(*doc.warnings, note))


def ingest_paths(paths: Iterable[Path], store: RecordStore,
                 progress: Callable[[Path], None] | None = None,
                 department: str | None = None, year: int | None = None) -> list[FileResult]:
    results = []
    for path in expand(paths):
        try:
            doc = own_id(read_disclosure(path, department, year), store)
            results.append(FileResult(path, store.add(doc), doc))
        except BudgetQAError as exc:
            logger.info("not ingested: %s", exc)
            results.append(FileResult(path, error=str(exc)))
        if progress:
            progress(path)
    return results

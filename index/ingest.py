"""Files and folders → parsed disclosures → the store. Good files land even when others fail."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import BudgetQAError, UnsupportedInputError
from corpus.parse import parse_file
from corpus.records import Disclosure
from index.store import IngestOutcome, RecordStore

logger = logging.getLogger(__name__)
SUFFIXES = (".txt", ".pdf")


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


def ingest_paths(paths: Iterable[Path], store: RecordStore,
                 progress: Callable[[Path], None] | None = None,
                 department: str | None = None, year: int | None = None) -> list[FileResult]:
    results = []
    for path in expand(paths):
        try:
            doc = read_disclosure(path, department, year)
            results.append(FileResult(path, store.add(doc), doc))
        except BudgetQAError as exc:
            logger.info("not ingested: %s", exc)
            results.append(FileResult(path, error=str(exc)))
        if progress:
            progress(path)
    return results

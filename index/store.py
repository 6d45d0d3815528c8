"""The record store interface: the source of truth for every figure. Default backend: SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from corpus.records import Disclosure, Fact
from index.concept_facts import ConceptFact


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    department: str
    department_code: str | None
    year: int
    kind: str  # 预算 / 决算
    source: str  # file name it was ingested from
    sha256: str
    tables: int
    rows: int
    sections: int
    projects: int
    body: str = "部门"  # 部门 / 单位

    @property
    def kind_name(self) -> str:
        return f"单位{self.kind}" if self.body == "单位" else self.kind

    @property
    def title(self) -> str:
        return f"{self.department} {self.year}年{self.kind_name}"


@dataclass(frozen=True)
class IngestOutcome:
    doc_id: str
    status: str  # "added" | "unchanged" | "replaced"


class RecordStore(Protocol):
    def add(self, doc: Disclosure) -> IngestOutcome: ...
    def documents(self) -> list[DocumentInfo]: ...
    def disclosure(self, doc_id: str) -> Disclosure: ...
    def facts(self, doc_id: str | None = None) -> list[Fact]: ...
    def remove(self, doc_id: str) -> None: ...
    def concept_values(self, concept: str, doc_ids: list[str]) -> dict[str, ConceptFact]: ...

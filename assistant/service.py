"""The one entry point every user path calls: `Assistant.ask(question, doc=None) -> Answer`.

The CLI, the web page and the eval runner all go through here, so they give the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer import Answer
from corpus.records import Disclosure
from index.settings import Settings, load_settings
from index.store import DocumentInfo, RecordStore


@dataclass
class Assistant:
    store: RecordStore
    settings: Settings

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def disclosure(self, doc_id: str) -> Disclosure:
        return self.store.disclosure(doc_id)

    def ask(self, question: str, doc: str | None = None) -> Answer:
        """Answer one question; `doc` scopes it to a document (id, id prefix or file stem)."""
        raise NotImplementedError("wired up by the exact-answer path")


def open_assistant(settings: Settings | None = None) -> Assistant:
    from index.sqlite_store import SQLiteStore

    settings = settings or load_settings()
    return Assistant(store=SQLiteStore(settings.db_path), settings=settings)

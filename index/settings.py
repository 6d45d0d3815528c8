"""One settings object: where data lives and which model embeds. `BUDGET_QA_HOME` overrides the home,
`BUDGET_QA_MODELS` where the bundled embedding model is rebuilt (default: under the home),
`BUDGET_QA_DATABASE_URL` puts the records on PostgreSQL instead of the home's SQLite file,
`BUDGET_QA_CHROMA_URL` the vectors on a chroma server instead of the home's embedded chromadb."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HOME = Path.home() / ".budget-qa"


@dataclass(frozen=True)
class Settings:
    home: Path
    embed_model: str | None  # BUDGET_QA_EMBED_MODEL: a local path or hub name; None = bundled e5
    models_home: Path | None = None  # where the bundled model is rebuilt; None = under home
    database_url: str | None = None  # postgresql://…: the record store on PostgreSQL; None = SQLite
    chroma_url: str | None = None  # http://host:port: the vectors on a chroma server; None = embedded

    @property
    def db_path(self) -> Path:
        return self.home / "store.sqlite3"

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def models_dir(self) -> Path:
        return self.models_home or self.home / "models"


def load_settings() -> Settings:
    home = Path(os.environ.get("BUDGET_QA_HOME") or DEFAULT_HOME).expanduser()
    models = os.environ.get("BUDGET_QA_MODELS")  # one rebuilt model shared by several homes (tests, evals)
    return Settings(home=home, embed_model=os.environ.get("BUDGET_QA_EMBED_MODEL") or None,
                    models_home=Path(models).expanduser() if models else None,
                    database_url=os.environ.get("BUDGET_QA_DATABASE_URL") or None,
                    chroma_url=os.environ.get("BUDGET_QA_CHROMA_URL") or None)


def open_store(settings: Settings):
    """The record store the settings name: PostgreSQL when a database URL is set, else SQLite."""
    if settings.database_url:
        from index.pg_store import PostgresStore

        return PostgresStore(settings.database_url)
    from index.sqlite_store import SQLiteStore

    return SQLiteStore(settings.db_path)

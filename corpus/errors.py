"""The project's one exception module: every error a user can meet, with what, where and the fix."""

from __future__ import annotations


class BudgetQAError(Exception):
    """Base of every error budget-qa raises on purpose; the CLI prints it as one clean line."""


class ParseError(BudgetQAError):
    """A file could not be read as a disclosure. Names the file and the 1-based line."""

    def __init__(self, source: str, line: int, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}:{line}: {reason}")


class UnsupportedInputError(BudgetQAError):
    """A file of a kind we cannot read (binary junk, a scanned PDF without a text layer, ...)."""

    def __init__(self, source: str, reason: str, line: int = 1) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        super().__init__(f"{source}:{line}: {reason}")


class StoreError(BudgetQAError):
    """The record store could not be read or written."""


class DocumentNotFound(BudgetQAError):
    """A --doc selector matched no stored document."""


class AmbiguousDocument(BudgetQAError):
    """A --doc selector matched several stored documents."""


class EmbeddingError(BudgetQAError):
    """The embedding model could not be built or loaded."""


class QuestionError(BudgetQAError):
    """A question that cannot be processed at all (empty, too long)."""


class ConfigError(BudgetQAError):
    """A setting that cannot be used (e.g. BUDGET_QA_LLM names a model whose package is missing)."""

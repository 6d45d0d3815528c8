"""The langchain pieces: the retriever returns cited Documents; the assistant composes as a Runnable."""

from __future__ import annotations

from langchain_core.runnables import RunnableLambda

from assistant.lc import NarrativeRetriever
from assistant.service import Assistant
from index.settings import load_settings
from tests.conftest import SEED_ID


def test_retriever_returns_cited_sentences(seed_store):
    retriever = NarrativeRetriever(assistant=Assistant(store=seed_store, settings=load_settings()),
                                   doc_id=SEED_ID)
    docs = retriever.invoke("机关运行经费主要用于什么")
    assert docs and docs[0].metadata["section"] == "机关运行经费安排情况"
    assert docs[0].metadata["page"] == 19 and docs[0].page_content == docs[0].metadata["quote"]
    assert retriever.invoke("上海的天气怎么样") == []


def test_assistant_composes_as_runnable(seed_store):
    chain = Assistant(store=seed_store, settings=load_settings()).as_runnable() | RunnableLambda(
        lambda answer: answer.value)
    assert str(chain.invoke("一般公共服务支出是多少")) == "1537.72"
    assert chain.invoke({"question": "一般公共服务支出是多少", "doc": SEED_ID}) is not None

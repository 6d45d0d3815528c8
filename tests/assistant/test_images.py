"""A document whose tables were published as images: figures the text states are answered from the
text; anything else is refused saying the tables are images, never guessed from a similar sentence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.service import Assistant
from index.settings import load_settings
from tests.conftest import SAMPLES

CQ = SAMPLES / "text" / "chongqing_jtw_2018_budget.txt"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore

    store = SQLiteStore(tmp_path_factory.mktemp("images-store") / "store.sqlite3")
    ingest_paths([CQ], store)
    return Assistant(store=store, settings=load_settings())


@pytest.mark.parametrize(("question", "value"), [("基本支出是多少", "61042.17"), ("三公经费是多少", "2800.68"),
                                                 ("政府性基金预算支出是多少", "38610")])
def test_stated_in_the_text(assistant, question, value):
    answer = assistant.ask(question)
    assert (answer.value, answer.unit) == (Decimal(value), "万元"), answer.text
    assert [c.kind for c in answer.citations] == ["text"]


# 收入总计 is not stated: 政府性基金预算收入38610万元 must not be taken for it
@pytest.mark.parametrize("question", ["收入总计多少", "一般公共服务支出是多少", "支出表里交通运输支出多少"])
def test_refused_because_tables_are_images(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained and "图片" in answer.text, answer.text

"""Several disclosures fit a question that names none: the answer offers each once as a choice, and each
choice, said in a question, answers from that disclosure; the page's examples all answer."""

from __future__ import annotations

import pytest

from assistant.scoping import disclosure_groups
from assistant.service import Assistant
from assistant.web import _choices, example_questions
from index.settings import load_settings


@pytest.fixture(scope="module")
def assistant(sample_store):
    return Assistant(store=sample_store, settings=load_settings())


@pytest.mark.parametrize("question", ["支出总计是多少", "项目支出为什么变化"])
def test_choices_name_each_disclosure_once_and_each_answers(assistant, question):
    answer = assistant.ask(question)
    groups = disclosure_groups(assistant.documents())
    assert answer.abstained and [c.doc_id for c in answer.choices] == [g[0].doc_id for g in groups]
    assert "--doc" not in answer.text and all(c.title in answer.text for c in answer.choices)
    for choice in answer.choices:
        chosen = assistant.ask(f"{choice.said}：{question}")
        assert not chosen.choices, choice  # one disclosure reached
        cited = {c.doc_id for c in chosen.citations}
        group = next(g for g in groups if g[0].doc_id == choice.doc_id)
        assert not cited or cited <= {i.doc_id for i in group}, (choice, cited)


def test_every_example_answers(assistant):
    for _, doc_id in _choices(assistant):
        examples = example_questions(assistant, doc_id)
        assert len(examples) >= 5, doc_id
        for question in examples:
            answer = assistant.ask(question, doc=doc_id or None)
            assert not answer.abstained and not any(p.abstained for p in answer.parts), (question, answer.text)


@pytest.mark.parametrize(("question", "docs"), [
    ("兰溪路-真南路下立交工程的预算是多少", ["shanghai_putuo_jgw_2026_budget"]),  # answered from its one document
    ("社区公共服务中心新建工程用款计划多少",  # two years of one body have it: the choice is between those
     ["shanghai_putuo_wanli_2024_budget-pdf", "shanghai_putuo_wanli_2025_budget"]),
])
def test_a_project_named_picks_its_disclosures(assistant, question, docs):
    answer = assistant.ask(question)
    if len(docs) == 1:
        assert not answer.abstained and {c.doc_id for c in answer.citations} == set(docs), answer.text
    else:
        assert [c.doc_id for c in answer.choices] == docs


def test_digits_in_the_bodys_own_name_are_no_untraced_figure(tmp_path):
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore
    from tests.conftest import SEED

    renamed = tmp_path / "school_2024_budget.txt"
    renamed.write_text(SEED.read_text(encoding="utf-8").replace("石家庄市总工会", "石家庄市第42中学"),
                       encoding="utf-8")
    store = SQLiteStore(tmp_path / "store.sqlite3")
    ingest_paths([renamed], store)
    answer = Assistant(store=store, settings=load_settings()).ask("项目支出是多少")
    assert "第42中学" in answer.text and answer.value is not None
    assert not any("未能溯源" in w for w in answer.warnings), answer.warnings

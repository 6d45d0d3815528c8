"""Which stored document a question means: short department names, the year asked about (not the one
compared with), and the text and PDF of one disclosure counted once."""

from __future__ import annotations

import pytest

from assistant.scoping import scope_for, short_names
from index.store import DocumentInfo


def _info(doc_id: str, department: str, year: int, kind: str = "预算", body: str = "部门") -> DocumentInfo:
    return DocumentInfo(doc_id, department, None, year, kind, f"{doc_id}.txt", "0" * 64, 9, 1, 1, 0, body)


WANLI = "上海市普陀区人民政府万里街道办事处"
INFOS = [
    _info("wanli_2024-pdf", WANLI, 2024),
    _info("wanli_2025", WANLI, 2025),
    _info("wanli_2025-pdf", WANLI, 2025),
    _info("swj_2025-pdf", "上海市普陀区商务委员会", 2025),
    _info("swj_2025_unit-pdf", "上海市普陀区商务委员会", 2025, body="单位"),
    _info("jgw_2026", "上海市普陀区建设和管理委员会", 2026),
    _info("czj_2024", "上海市普陀区财政局", 2024, "决算"),
    _info("czj_2024-pdf", "上海市普陀区财政局", 2024, "决算"),
]


@pytest.mark.parametrize(("question", "chosen"), [
    ("万里街道2025年三公经费比2024年减少多少", ["wanli_2025"]),  # 2024 is compared with
    ("财政局2024年决算的三公经费", ["czj_2024"]),  # text and PDF: one disclosure
    ("普陀区商务委的三公经费", ["swj_2025-pdf", "swj_2025_unit-pdf"]),  # its 部门预算 and its 单位预算
    ("商务委部门预算里的三公经费", ["swj_2025-pdf"]),  # the kind said picks one
    ("商务委2025年单位预算的三公经费", ["swj_2025_unit-pdf"]),
    ("建管委的项目支出", ["jgw_2026"]),
    ("万里街道的三公经费", ["wanli_2024-pdf", "wanli_2025"]),  # two years: still two
    ("2024年万里街道的三公经费", ["wanli_2024-pdf"]),
])
def test_scope(question, chosen):
    assert [i.doc_id for i in scope_for(question, INFOS, None).docs] == chosen


@pytest.mark.parametrize(("department", "short"), [
    ("上海市普陀区商务委员会", "商务委"),
    ("上海市普陀区建设和管理委员会", "建管委"),
    (WANLI, "万里街道"),
    ("上海市普陀区财政局", "财政局"),
])
def test_short_names(department, short):
    assert short in short_names(department)


@pytest.mark.parametrize(("question", "year", "asked"), [
    ("万里街道2024年和2025年的三公经费分别是多少", 2025, "万里街道2025年的三公经费是多少"),
    ("万里街道2024年和2025年的三公经费分别是多少", 2024, "万里街道2024年的三公经费是多少"),
    ("2024年、2025年支出总计", 2024, "2024年支出总计"),
])
def test_question_for_year(question, year, asked):
    from assistant.years import question_for_year

    assert question_for_year(question, year) == asked


@pytest.mark.parametrize(("question", "selector", "problem"), [
    ("万里街道的三公经费是多少", "swj_2025-pdf", "所选文件是上海市普陀区商务委员会的"),
    ("商务委的三公经费是多少", "swj_2025-pdf", ""),  # the chosen file's own body
])
def test_another_body_is_refused(question, selector, problem):
    scope = scope_for(question, INFOS, selector)
    assert (scope.problem or "").startswith(problem) if problem else scope.docs and not scope.problem


def test_same_kind_other_body_is_kept_as_a_body():
    """宜川街道 shares only its kind (街道) with 万里街道: it stays a body the document must mention."""
    from assistant.scoping import unknown_body

    scope = scope_for("宜川街道的三公经费是多少", INFOS, None)
    assert "宜川街道" in scope.bodies
    assert unknown_body(scope.bodies, "上海市普陀区人民政府万里街道办事处2025年部门预算") == "宜川街道"


def test_the_page_lists_each_disclosure_once():
    from assistant.web import catalogue

    unit = DocumentInfo("swj_unit-pdf", "上海市普陀区商务委员会", None, 2025, "预算", "u.pdf", "0" * 64, 9, 1, 1, 0,
                        body="单位")
    titles = catalogue([*INFOS, unit])
    assert titles.count(f"{WANLI} 2025年预算") == 1  # its text and its PDF: one disclosure
    assert "上海市普陀区商务委员会 2025年单位预算" in titles and "上海市普陀区商务委员会 2025年预算" in titles
    assert len(titles) == 6


@pytest.mark.parametrize(("question", "body"), [
    ("工会花20万请医院给劳模查身体，目标是什么", None),  # 请医院: a kind of place; 万 is the amount's unit
    ("去学校开展宣传的经费是多少", None),
    ("普陀区中心医院的预算是多少", "普陀区中心"),  # a named one stays another body: refused
])
def test_a_kind_of_place_names_no_body(question, body):
    scope = scope_for(question, INFOS, None)
    if body:
        assert scope.problem or body in scope.bodies
    else:
        assert not scope.bodies and not scope.problem, (scope.bodies, scope.problem)

"""A name typed with a homophone is read as the document's name it sounds like — only one name, few
characters changed, never a name the question already spells right, never a common reading lost."""

from __future__ import annotations

import pytest

from assistant.homophones import correct

NAMES = ("住房公积金", "公积金", "办公费", "人员经费", "印刷费", "差旅费", "会议费", "培训费", "物业管理费",
         "机关运行经费", "行政运行")


@pytest.mark.parametrize(("typed", "read"), [
    ("给职工交的公基金一共多少钱", "给职工交的公积金一共多少钱"),  # 基 for 积
    ("办工费是多少", "办公费是多少"),  # 工 for 公
    ("物业管里费和会议费", "物业管理费和会议费"),  # one slip in a longer name
    ("差率费多少", "差旅费多少"),
])
def test_a_homophone_slip_reads_as_the_name(typed, read):
    assert correct(typed, NAMES)[0] == read


@pytest.mark.parametrize("question", [
    "住房公积金和办公费多少",  # spelled right: unchanged
    "人均经费多少",  # 均 is jun: never 人员 (its rare reading yun is not used)
    "经费多少",  # two characters: too short to guess
    "印刷品多少",  # 品 does not sound like 费
    "行政运行多少",
])
def test_nothing_is_changed_without_a_slip(question):
    assert correct(question, NAMES) == (question, ())


def test_two_names_sounding_alike_are_left_alone():
    assert correct("公基金多少", ("公积金", "公吉金"))[0] == "公基金多少"

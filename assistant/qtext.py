"""Question text: traditional → simplified, full-width → half-width, numbering stripped from names."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from corpus.normalize import to_halfwidth

_NUMERAL_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])")


@cache
def _t2s() -> dict[int, str]:
    text = json.loads(resources.files("assistant").joinpath("data/t2s.json").read_text("utf-8"))
    pairs = text["map"]
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs) - 1, 2)}


def normalize_question(text: str) -> str:
    text = to_halfwidth(text).translate(_t2s())
    text = re.sub(r"\s+", "", text)
    text = _GLOSS.sub("", text)  # 政府采购总额（按合同签订口径）: how it is counted, no second figure
    text = _GRANTED.sub(r"\1财政拨款", text)  # 财政给福利院拨了多少: the 财政拨款 said around who gets it
    return text.replace("“", "").replace("”", "").replace('"', "").replace("'", "")


_GRANTED = re.compile(r"财政(?:局|部门)?(?:给|向|为|对)([^，,。？?！!]{1,12}?)(?:拨款|拨付|拨了|下拨|拨)了?")
_GLOSS = re.compile(r"\((?:按|以|含|不含|包括|包含|即|也就是|指|注|口径)[^()]{1,20}\)")


def plain_name(name: str) -> str:
    """A row or project name as people say it: no 一、 numbering, no spaces or quotes."""
    name = re.sub(r"\s+", "", to_halfwidth(name)).replace("“", "").replace("”", "")
    return _NUMERAL_PREFIX.sub("", name)


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text}

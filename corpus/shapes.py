"""The 三公 table's other shapes, as columns by meaning.

Items printed as columns (合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 购置费 运行费) |
机关运行经费), with one data row per measure (预算数, or 预算数/决算数 pairs in a 决算), become one
row per measure named 预算数 / 决算数 whose cells are the items, each named by meaning
(购置费 under 公务用车… → 公务用车购置费). A table that lists items as rows keeps its own layout.
"""

from __future__ import annotations

import re

from corpus.align import align
from corpus.columns import identities
from corpus.header import MEASURES
from corpus.normalize import normalize_header, parse_amount

_YEAR = re.compile(r"^\d{4}年度?")
CAR_PARTS = ("购置费", "运行费", "运行维护费")


def item_name(path: tuple[str, ...]) -> str:
    """A 三公 column's item by meaning, from its header labels (top group first)."""
    labels = [_YEAR.sub("", p) for p in path if not _is_root(p)]
    if not labels:
        return "合计"
    leaf = labels[-1]
    if leaf in ("小计", "合计") and len(labels) >= 2:
        return labels[-2]
    if leaf in CAR_PARTS:
        return "公务用车" + leaf
    for measure in MEASURES:
        if leaf.startswith("机关运行经费") and leaf.endswith(measure):
            return leaf[: -len(measure)]
    return leaf


def _is_root(label: str) -> bool:
    return "三公" in label


def measure_of(path: tuple[str, ...], title: str) -> str:
    """预算数 / 决算数 for a column: its own measure label, else its group's, else the title's."""
    for label in reversed(path):
        for measure in MEASURES:
            if label.endswith(measure):
                return measure
    return "决算数" if "决算" in title else "预算数"


def column_items(paths: list[tuple[str, ...]], title: str) -> list[tuple[str, str]]:
    """(item, measure) for every column of a 三公 table printed as columns."""
    found = []
    for path in paths:
        measure = measure_of(path, title)
        own = path[:-1] if path and path[-1] in MEASURES else path
        found.append((item_name(own), measure))
    return found


# The standard orders of the items when the header's positions are lost (space-split text).
TEMPLATES = (
    ("合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费"),
    ("合计", "因公出国(境)费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"),
)


def space_items(header_text: str, amounts: list[str]) -> list[str]:
    """The item of each amount of a space-split 三公 row: the standard order whose sums hold."""
    text = normalize_header(header_text)
    best: list[str] = []
    best_score = None
    for template in TEMPLATES:
        items = list(template)
        if "机关运行经费" in text:
            items.append("机关运行经费")
        if "运行维护费" in text:
            items = [i.replace("运行费", "运行维护费") for i in items]
        texts = align(amounts, items, identities("three_public", items))
        score = _holds(dict(zip(items, texts, strict=True)), items)
        order_hint = _reads_in_order(text, items)
        key = (score, order_hint)
        if best_score is None or key > best_score:
            best, best_score = items, key
    return best


def _holds(cells: dict[str, str], items: list[str]) -> int:
    held = 0
    for total, parts in identities("three_public", items):
        values = [parse_amount(cells.get(p, "")) for p in parts]
        top = parse_amount(cells.get(total, ""))
        if top is not None and sum((v for v in values if v is not None), top - top) == top:
            held += 1
    return held


def _reads_in_order(text: str, items: list[str]) -> int:
    """1 when 公务接待费 is printed before the 公务用车 sub-columns in the header as in `items`."""
    host, car = text.find("公务接待"), text.find("小计")
    if host < 0 or car < 0:
        return 0
    group = next(i for i, item in enumerate(items) if item.startswith("公务用车购置及"))
    return int((host < car) == (items.index("公务接待费") < group))

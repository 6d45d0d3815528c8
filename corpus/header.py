"""Column headers → column names (and the group each sits under), for cells and for space-split text.

A printed header spans several lines; a group label (本年收入, 公务用车购置及运行费, 财政拨款“三公”经费)
covers the columns to its right up to the next label on its line, within its own parent's span.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.columns import column_role
from corpus.normalize import normalize_header

ROLE_WORDS = ("项目", "序号", "类", "款", "项", "栏次")
MEASURES = ("预算数", "决算数", "年初预算数", "全年预算数", "调整预算数")
# Where a wrapped header fragment goes when its position was lost (space-split text): standard order.
RANK = ("合计", "本年收入合计", "本年支出合计", "小计", "财政拨款收入", "财政专户收入", "上级补助收入",
        "事业收入", "事业单位经营收入", "经营收入", "附属单位上缴收入", "其他收入", "上年结转",
        "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "人员经费", "公用经费",
        "机关运行经费预算数")


def header_to_columns(header: list[list[str]]) -> list[str]:
    """Merge a multi-line header by position: the deepest non-empty name wins."""
    lines = [h for h in header if normalize_header(h[0]) != "栏次"]
    width = max((len(h) for h in header), default=0)
    columns = []
    for i in range(width):
        names = [normalize_header(h[i]) for h in lines if i < len(h) and h[i].strip()]
        columns.append(names[-1] if names else "")
    return columns


def header_paths(header: list[list[str]]) -> list[tuple[str, ...]]:
    """Each column's labels from the top header line down (a label spans empty cells to its right)."""
    lines = [h for h in header if normalize_header(h[0]) != "栏次"]
    width = max((len(h) for h in header), default=0)
    paths: list[list[str]] = [[] for _ in range(width)]
    parent_end = [width] * width  # where the span covering each column on the line above ends
    for line in lines:
        cells = [normalize_header(c) for c in line] + [""] * (width - len(line))
        starts = [i for i, c in enumerate(cells) if c]
        ends = list(parent_end)
        for n, start in enumerate(starts):
            stop = min(starts[n + 1] if n + 1 < len(starts) else width, parent_end[start])
            for i in range(start, stop):
                if not paths[i] or paths[i][-1] != cells[start]:
                    paths[i].append(cells[start])
                ends[i] = stop
        parent_end = ends
    return [tuple(p) for p in paths]


@dataclass(frozen=True)
class SpaceHeader:
    sides: tuple[tuple[str, ...], ...]  # amount columns: one side, or 收入 then 支出
    has_codes: bool


def space_header(lines: list[str]) -> SpaceHeader:
    """Header lines whose cells were joined by spaces (positions lost): the amount columns in order.

    The line with most words gives the order; a cell wrapped onto lines of its own (事业单位 /
    经营收入) is rejoined and put where the standard order puts it.
    """
    words = [line.split() for line in lines if line.strip()]
    has_codes = any("编码" in w or w in ("类", "款", "项") for line in words for w in line)
    if not words:
        return SpaceHeader(((),), has_codes)
    main = max(range(len(words)), key=lambda i: len(words[i]))
    names = [normalize_header(w) for w in words[main]]
    if names.count("项目") >= 2:
        split = [i for i, n in enumerate(names) if n == "项目"][1]
        return SpaceHeader((_amounts(names[:split]), _amounts(names[split:])), has_codes)
    amounts = list(_amounts(names))
    for fragment in _fragments(words, main):
        _insert(amounts, fragment)
    for i, line in enumerate(words):  # a sub-header under a group (小计 购置费 运行费)
        if i > main and len(line) > 1 and all(column_role(w) for w in line):
            amounts += [normalize_header(w) for w in line if normalize_header(w) not in amounts]
    return SpaceHeader((tuple(amounts),), has_codes)


def _amounts(names: list[str]) -> tuple[str, ...]:
    return tuple(n for n in names
                 if n not in ROLE_WORDS and not n.endswith(("科目名称", "编码", "科目")))


def _fragments(words: list[list[str]], main: int) -> list[str]:
    """One-word lines just above and below the main line, rejoined (事业单位 + 经营收入)."""
    above = [w[0] for w in words[:main] if len(w) == 1 and column_role(w[0]) is None]
    below = [w[0] for w in words[main + 1:] if len(w) == 1 and w[0] not in ROLE_WORDS]
    joined = []
    if above and below and column_role(above[-1] + below[0]) is not None:
        joined.append(normalize_header(above[-1] + below[0]))
    return joined


def _insert(amounts: list[str], name: str) -> None:
    rank = RANK.index(name) if name in RANK else len(RANK)
    at = len(amounts)
    for i, other in enumerate(amounts):
        if other in RANK and RANK.index(other) > rank:
            at = i
            break
    amounts.insert(at, name)

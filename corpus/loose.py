"""Rows whose cell positions were lost: text whose cells were joined by spaces, or rows that lost
their empty leading cells. A row becomes (codes, [(text, amounts)…]); a cell wrapped over the lines
above and below its row (`五、资源勘探工业信` / amounts / `息等支出`) is rejoined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.normalize import clean_cell, parse_amount

_CODE_HEAD = re.compile(r"^\d{3}$")
_CODE_PART = re.compile(r"^\d{2}$")
_FULL_CODE = re.compile(r"^\d{3}(\d{2}){1,2}$")


@dataclass
class Segment:
    text: str
    amounts: list[str] = field(default_factory=list)


@dataclass
class LooseLine:
    number: int
    page: int | None
    codes: list[str]
    segments: list[Segment]
    wrap: str = ""  # a cell printed on the lines above and below this one

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.segments if s.text]

    @property
    def amounts(self) -> list[str]:
        return [a for s in self.segments for a in s.amounts]


def to_loose(number: int, page: int | None, tokens: list[str], has_codes: bool) -> LooseLine:
    """Leading subject-code tokens (`212 01 99` or `2120199`), then runs of text and amounts."""
    tokens = [t for t in tokens if t.strip()]
    codes: list[str] = []
    if has_codes and tokens and (_CODE_HEAD.match(tokens[0]) or _FULL_CODE.match(tokens[0])):
        codes.append(tokens.pop(0))
        while tokens and len(codes) < 3 and _CODE_PART.match(tokens[0]) and len(codes[0]) == 3:
            codes.append(tokens.pop(0))
    segments: list[Segment] = []
    words: list[str] = []
    for token in tokens:
        if parse_amount(token) is not None:
            if words or not segments:
                segments.append(Segment(clean_cell(" ".join(words))))
                words = []
            segments[-1].amounts.append(token)
        else:
            words.append(token)
    if words:
        segments.append(Segment(clean_cell(" ".join(words))))
    return LooseLine(number, page, codes, segments)


def is_text_only(line: LooseLine) -> bool:
    return not line.codes and not line.amounts


def lacks_text(line: LooseLine, two_sided: bool) -> bool:
    return len(line.texts) < (2 if two_sided else 1) and bool(line.amounts)


def join_wraps(lines: list[LooseLine], two_sided: bool) -> list[LooseLine]:
    """Text-only lines around a row that lacks a text cell are that cell, wrapped (above + below)."""
    out: list[LooseLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else None
        if is_text_only(line) and following is not None and lacks_text(following, two_sided):
            after = lines[i + 2] if i + 2 < len(lines) else None
            tail = after.texts[0] if after is not None and is_text_only(after) and \
                len(after.texts) == 1 else ""
            following.wrap = clean_cell(" ".join(line.texts) + tail)
            out.append(following)
            i += 3 if tail else 2
            continue
        out.append(line)
        i += 1
    return out


def side_of(name: str) -> str | None:
    """收入 / 支出 for an item name of a two-sided table, when its words say so."""
    if "支出" in name and "收入" not in name:
        return "支出"
    if "收入" in name or name.endswith(("资金", "预算", "拨款")):
        return "收入"
    return None


def split_sides(line: LooseLine, left_width: int) -> list[tuple[str, Segment]]:
    """A two-sided row → (side, segment) pairs; the wrapped cell fills the side that lacks a name."""
    segments = [s for s in line.segments if s.text or s.amounts]
    if len(line.texts) >= 2 or (not line.wrap and len(segments) >= 2):
        pairs = [("收入", segments[0]), ("支出", Segment(segments[1].text, segments[1].amounts))]
        return pairs + [("支出", s) for s in segments[2:]]
    segment = segments[0] if segments else Segment("")
    if segment.text:
        side = side_of(segment.text) or ("收入" if len(segment.amounts) <= left_width else "支出")
        if side == "收入" and len(segment.amounts) > left_width:
            kept = Segment(segment.text, segment.amounts[:left_width])
            rest = Segment(line.wrap, segment.amounts[left_width:])
            return [("收入", kept), ("支出", rest)]
        pairs = [(side, segment)]
        if line.wrap:
            pairs.insert(0 if side == "支出" else 1, ("收入" if side == "支出" else "支出",
                                                       Segment(line.wrap)))
        return pairs
    side = side_of(line.wrap) or ("收入" if len(segment.amounts) <= left_width else "支出")
    return [(side, Segment(line.wrap, segment.amounts))]

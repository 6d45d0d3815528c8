"""公基金 → 公积金, 办工费 → 办公费: a name typed with a homophone (an input method's slip) is read as the
document's name it sounds like — only when exactly one name of the same length sounds so, it differs in
few characters, and the typed words are not themselves a name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

MIN_NAME = 3  # two-character names sound alike too often
_HAN = re.compile(r"[\u4e00-\u9fff]+")


@cache
def _sound(ch: str) -> str:
    """A character's usual toneless reading (均 is jun, not its rare yun: 人均 never sounds like 人员)."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL)[0]


def _key(text: str) -> tuple[str, ...]:
    return tuple(_sound(ch) for ch in text)


def _index(names: Iterable[str]) -> dict[tuple[str, ...], set[str]]:
    by_sound: dict[tuple[str, ...], set[str]] = {}
    for name in names:
        if len(name) >= MIN_NAME and _HAN.fullmatch(name):
            by_sound.setdefault(_key(name), set()).add(name)
    return by_sound


def correct(question: str, names: Iterable[str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The question with homophone slips of `names` replaced, and the (typed, read as) pairs."""
    known = {n for n in names if len(n) >= MIN_NAME}
    by_sound = _index(known)
    lengths = sorted({len(n) for n in known}, reverse=True)
    fixed: list[tuple[str, str]] = []
    for run in _HAN.finditer(question):
        text, spelled = run.group(), [n for n in known if n in run.group()]
        for length in lengths:
            for start in range(len(text) - length + 1):
                typed = text[start:start + length]
                if typed in known or any(_overlaps(text, n, start, length) for n in spelled):
                    continue
                alike = {n for n in by_sound.get(_key(typed), ()) if _few(typed, n)}
                if len(alike) == 1:
                    fixed.append((typed, alike.pop()))
    for typed, name in fixed:
        question = question.replace(typed, name)
    return question, tuple(fixed)


def _few(typed: str, name: str) -> bool:
    differ = sum(a != b for a, b in zip(typed, name, strict=True))
    return 0 < differ <= max(1, len(name) // 3)


def _overlaps(text: str, name: str, start: int, length: int) -> bool:
    """The typed words overlap a name the question spells right (住房公积金 around 房公积)."""
    at = text.find(name)
    return at < start + length and start < at + len(name)

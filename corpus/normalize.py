"""Text and number normalisation for PDF-extracted disclosure text."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·"
_CJK_GAP = re.compile(rf"(?<=[{CJK}{_CJK_PUNCT}])\s+(?=[{CJK}{_CJK_PUNCT}])")
_AMOUNT = re.compile(r"^[-−]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-−]?\d+(\.\d+)?$")

UNITS: dict[str, Decimal] = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and ASCII punctuation to half-width (３，５１８．８５ → 3,518.85)."""
    return text.translate(_FULLWIDTH)


def join_cjk(text: str) -> str:
    """Drop the spaces PDF extraction puts between Chinese characters (`合 计` → `合计`)."""
    return _CJK_GAP.sub("", text.strip())


def clean_cell(text: str) -> str:
    return join_cjk(" ".join(text.split()))


def parse_amount(text: str) -> Decimal | None:
    """An amount cell as an exact Decimal; None for blank or non-numeric text."""
    raw = to_halfwidth(text).strip().replace(" ", "")
    if not raw or raw in {"-", "—", "--"}:
        return None
    if not _AMOUNT.match(raw):
        return None
    try:
        return Decimal(raw.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None


def is_amount(text: str) -> bool:
    return parse_amount(text) is not None


def convert(value: Decimal, unit: str, target: str) -> Decimal:
    """Exact unit conversion between 元 / 万元 / 亿元 (only on request, never silently)."""
    return value * UNITS[unit] / UNITS[target]


# Header words as extraction mangles them → the standard spelling.
HEADER_TYPOS = {"档次": "栏次", "科目编号": "科目编码"}


def normalize_header(text: str) -> str:
    name = re.sub(r"\s+", "", to_halfwidth(text))
    return HEADER_TYPOS.get(name, name)


_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_numeral(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十三 → 23; None when not a numeral."""
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)

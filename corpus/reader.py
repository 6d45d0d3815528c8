"""Bytes → text lines: encoding detection (UTF-8, GBK/GB18030, UTF-16/32), line endings, junk detection,
and an HTML page laid out as text (corpus/html_text.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import UnsupportedInputError


@dataclass(frozen=True)
class SourceText:
    name: str  # file name, used in citations and error messages
    text: str
    sha256: str
    pages: tuple[int | None, ...] | None = None  # the PDF page of each line, when known
    warnings: tuple[str, ...] = ()  # what reading the source noticed (image-only pages ...)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK); refuse binary data."""
    if not data.strip():
        raise UnsupportedInputError(name, "the file is empty / 文件为空")
    wide = _wide_text(data)
    if wide is not None:
        return wide.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if b"\x00" in data[:4096]:
        raise UnsupportedInputError(name, "binary data, not disclosure text / 不是文本文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise UnsupportedInputError(
        name, "cannot decode as UTF-8 or GBK/GB18030 text / 无法识别文本编码")


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def _wide_text(data: bytes) -> str | None:
    """UTF-16/UTF-32 text, with its BOM or (UTF-16) without: a NUL in every other byte of CJK/ASCII."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    sample = data[:4096]
    if encoding is None and len(sample) >= 16:
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        encoding = "utf-16-le" if odd > len(sample) // 8 and even < odd // 4 else \
            "utf-16-be" if even > len(sample) // 8 and odd < even // 4 else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= max(2, len(text) // 1000)


def read_source(path: Path) -> SourceText:
    """A text file's lines; an HTML page's (a web-published disclosure) as the HTML parser lays them out."""
    from corpus.html_text import html_to_text, looks_like_html

    data = path.read_bytes()
    text = decode(data, path.name)
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text):
        laid = html_to_text(text)
        if not laid.strip():
            raise UnsupportedInputError(path.name, "an HTML page with no text / 网页中没有文字内容")
        note = "read as an HTML page: line numbers are those of its text / 按网页读取，行号为网页文字的行号"
        return SourceText(path.name, laid, hashlib.sha256(data).hexdigest(), warnings=(note,))
    return SourceText(path.name, text, hashlib.sha256(data).hexdigest())

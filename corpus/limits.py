"""What a file may be before it is read: its size and (a PDF's) page count, each configurable, and the
formats refused by name (Office files) — checked first, so a huge or wrong file is refused in seconds."""

from __future__ import annotations

import os
from pathlib import Path

from corpus.errors import UnsupportedInputError

_OFFICE = {".doc": "Word", ".docx": "Word", ".wps": "WPS", ".xls": "Excel", ".xlsx": "Excel", ".et": "WPS",
           ".ppt": "PowerPoint", ".pptx": "PowerPoint", ".odt": "OpenDocument", ".ods": "OpenDocument"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary Office container


def max_file_mb() -> float:
    return float(os.environ.get("BUDGET_QA_MAX_FILE_MB") or 30)


def max_pages() -> int:
    return int(os.environ.get("BUDGET_QA_MAX_PAGES") or 400)


def check_file(path: Path) -> None:
    size = path.stat().st_size
    if size > max_file_mb() * 1024 * 1024:
        raise UnsupportedInputError(path.name, f"file too large: {size / 1048576:.1f} MB, the limit is "
                                               f"{max_file_mb():g} MB (BUDGET_QA_MAX_FILE_MB) / 文件过大："
                                               f"{size / 1048576:.1f} MB，上限 {max_file_mb():g} MB")
    with path.open("rb") as f:
        head = f.read(8)
    kind = _OFFICE.get(path.suffix.lower())
    if kind is None and head.startswith(_OLE):
        kind = "Office"
    if kind is None and head.startswith(b"PK\x03\x04") and path.suffix.lower() != ".pdf":
        kind = "Office/ZIP"
    if kind is not None:
        raise UnsupportedInputError(path.name, f"{kind} files are not supported: export the disclosure as PDF "
                                               f"/ 不支持{kind}文件，请导出为PDF后再导入")


def check_pages(name: str, pages: int) -> None:
    if pages > max_pages():
        raise UnsupportedInputError(name, f"too many pages: {pages}, the limit is {max_pages()} "
                                          f"(BUDGET_QA_MAX_PAGES) / 页数过多：{pages}页，上限{max_pages()}页")

"""Bad input: every failure is our error with the file and line; nothing else escapes."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.errors import ParseError, UnsupportedInputError
from corpus.parse import parse_file, parse_source
from corpus.reader import SourceText, decode
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.split("\n")
_RNG = random.Random(1)
JUNK = bytes(_RNG.randrange(1, 256) for _ in range(4000))  # no NUL: caught by its controls

BAD = [
    ("empty.txt", b"", UnsupportedInputError, "empty"),
    ("blank.txt", b"\n\n   \n", UnsupportedInputError, "empty"),
    ("junk.bin", JUNK, UnsupportedInputError, "cannot decode"),
    ("nul.bin", b"abc\x00def" * 10, UnsupportedInputError, "binary"),
    ("novel.txt", "从前有座山，山里有座庙。\n庙里有个老和尚。\n".encode(), ParseError,
     "not a budget disclosure"),
    ("truncated.txt", "\n".join(SEED_LINES[:300]).encode(), ParseError, "truncated"),
]


@pytest.mark.parametrize(("name", "data", "error", "message"), BAD)
def test_bad_files(tmp_path, name, data, error, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        parse_file(path)
    assert name in str(info.value) and message in str(info.value)
    assert info.value.line >= 1


OTHER = SEED.parents[2].parent / "shared" / "samples" / "text" / "shanghai_putuo_jgw_2026_budget.txt"
REFUSED = [  # (file, bytes, the line named, the words the message holds)
    ("doc.docx", b"PK\x03\x04" + b"x" * 100, 1, "Word"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"x" * 100, 1, "Word"),
    ("sheet.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"x" * 100, 1, "Office"),
    # two disclosures in one file: refused at the line the second begins (its title line)
    ("two.txt", (SEED_TEXT.rstrip("\n") + "\n" + OTHER.read_text(encoding="utf-8")).encode(),
     len(SEED_TEXT.rstrip("\n").split("\n")) + 1, "second disclosure"),
]


@pytest.mark.parametrize(("name", "data", "line", "message"), REFUSED)
def test_refused_files_say_why_and_where(tmp_path, name, data, line, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnsupportedInputError if line == 1 else ParseError) as info:
        parse_file(path)
    assert name in str(info.value) and message in str(info.value) and info.value.line == line


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGET_QA_MAX_FILE_MB", "0.01")
    path = tmp_path / SEED.name
    path.write_bytes(SEED_TEXT.encode("utf-8"))
    with pytest.raises(UnsupportedInputError) as info:
        parse_file(path)
    assert "too large" in str(info.value) and "MB" in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_encodings_parse_the_same(tmp_path, seed_doc, encoding):
    path = tmp_path / SEED.name
    path.write_bytes(SEED_TEXT.encode(encoding))
    doc = parse_file(path)
    assert doc.tables == seed_doc.tables and doc.sections == seed_doc.sections


def test_truncated_names_last_line(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(SEED_LINES[:300]), encoding="utf-8")
    with pytest.raises(ParseError) as info:
        parse_file(path)
    assert info.value.line == 300


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_copy_parses_the_same(tmp_path, seed_doc, encoding):
    path = tmp_path / SEED.name
    path.write_bytes(SEED_TEXT.encode(encoding, errors="strict"))
    doc = parse_file(path)
    assert doc.tables == seed_doc.tables and doc.sections == seed_doc.sections


def test_crlf_parses_the_same(tmp_path, seed_doc):
    path = tmp_path / SEED.name
    path.write_bytes(SEED_TEXT.replace("\n", "\r\n").encode("utf-8"))
    doc = parse_file(path)
    assert doc.tables == seed_doc.tables and doc.projects == seed_doc.projects


def test_decode_rejects_binary():
    with pytest.raises(UnsupportedInputError):
        decode(b"\x00\x01\x02abc", "x.bin")


def _mutate(lines: list[str], ops: list[tuple[str, int, int]]) -> str:
    lines = list(lines)
    for op, a, b in ops:
        if not lines:
            break
        i, j = a % len(lines), b % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "digit":
            line = lines[i]
            spots = [k for k, ch in enumerate(line) if ch.isdigit()]
            if spots:
                k = spots[b % len(spots)]
                lines[i] = line[:k] + str((int(line[k]) + 1) % 10) + line[k + 1:]
        elif op == "cut":
            lines = lines[:i]
    return "\n".join(lines)


OPS = st.lists(st.tuples(st.sampled_from(["drop", "dup", "swap", "digit", "cut"]),
                         st.integers(0, 10_000), st.integers(0, 10_000)), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_mutated_seed_parses_or_raises_parse_error(ops):
    text = _mutate(SEED_LINES, ops)
    try:
        parse_source(SourceText("mutant.txt", text, "0"))
    except ParseError as exc:
        assert exc.source == "mutant.txt" and exc.line >= 1


def _blank_pdf() -> bytes:
    """A one-page PDF with no text at all (what a scan looks like to a text extractor)."""
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n")
    return body + (b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
                   b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n"
                   + str(len(body)).encode() + b"\n%%EOF\n")


def _cut_pdf() -> bytes:
    from tests.conftest import SAMPLES

    return (SAMPLES / "pdf" / "shanghai_putuo_wanli_2025_budget.pdf").read_bytes()[:5000]


BAD_PDFS = [
    ("scan.pdf", _blank_pdf, "no text layer"),
    ("letter.pdf", lambda: "这不是PDF".encode(), "not a PDF"),
    ("cut.pdf", _cut_pdf, "PDF"),  # a download that stopped early
]


@pytest.mark.parametrize(("name", "make", "message"), BAD_PDFS)
def test_bad_pdfs(tmp_path, name, make, message):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(UnsupportedInputError) as info:
        parse_file(path)
    assert name in str(info.value) and message in str(info.value)

"""The record stores (SQLite and PostgreSQL, one shared suite) and ingest: round trips, idempotence,
transactions, bad files."""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from corpus.errors import DocumentNotFound, StoreError
from corpus.records import disclosure_facts
from index.ingest import ingest_paths
from index.sqlite_store import SQLiteStore
from tests.conftest import SAMPLES, SEED, SEED_ID


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    """Every test here runs on each backend: the SQLite default and PostgreSQL (a fresh database)."""
    if request.param == "sqlite":
        yield SQLiteStore(tmp_path / "db" / "store.sqlite3")
        return
    from index.pg_store import PostgresStore
    from tests.pg_cluster import fresh_database

    store = PostgresStore(fresh_database(request.getfixturevalue("pg_url"), f"t{abs(hash(request.node.name))}"))
    yield store
    store.close()


def test_round_trip_is_exact(store, seed_doc):
    assert store.add(seed_doc).status == "added"
    assert store.disclosure(SEED_ID) == seed_doc
    facts = store.facts(SEED_ID)
    assert facts == disclosure_facts(seed_doc)
    assert all(isinstance(f.value, Decimal) for f in facts)
    assert any(f.value == Decimal("3648.28") and f.column == "人员经费" for f in facts)


def test_each_concept_is_stored_with_its_cell(store, seed_doc):
    """The corpus substrate: each standard concept's figure, resolved once at ingest, read by concept."""
    store.add(seed_doc)
    found = store.concept_values("基本支出", [SEED_ID, "no-such-document"])
    assert list(found) == [SEED_ID]
    fact = found[SEED_ID]
    assert (fact.value, fact.unit, fact.column) == (Decimal("3721.03"), "万元", "基本支出")
    assert store.concept_values("三公经费", [SEED_ID])[SEED_ID].value == 0  # an empty table states 0
    store.remove(SEED_ID)
    assert store.concept_values("基本支出", [SEED_ID]) == {}  # gone with its document


def test_the_ingest_audit_is_stored(store, seed_doc):
    """Which tables the audit found misread is worked out once, at ingest, and read by every question."""
    from dataclasses import replace

    table = seed_doc.table("expense")
    broken = replace(seed_doc, sha256="0" * 64, tables=tuple(
        replace(t, rows=t.rows[:3] + t.rows[4:]) if t is table else t for t in seed_doc.tables))
    assert store.suspect_titles(SEED_ID) is None  # never stored: nothing audited
    store.add(seed_doc)
    assert store.suspect_titles(SEED_ID) == set()  # audited, nothing suspect
    store.add(broken)  # a row lost: its table's own sums fail
    assert store.suspect_titles(SEED_ID) == {table.title}


def test_ingest_twice_changes_nothing(store):
    first = ingest_paths([SEED], store)
    before = store.facts()
    second = ingest_paths([SEED], store)
    assert [r.outcome.status for r in first + second] == ["added", "unchanged"]
    assert store.facts() == before and len(store.documents()) == 1


def test_a_new_parse_of_the_same_file_replaces_the_stored_one(store, seed_doc):
    """After an upgrade parses a file differently, ingest replaces the stale parse (same sha256)."""
    from dataclasses import replace

    stale = replace(seed_doc, sections=seed_doc.sections[:1])
    assert store.add(stale).status == "added"
    assert store.add(seed_doc).status == "replaced"
    assert store.disclosure(SEED_ID) == seed_doc
    assert store.add(seed_doc).status == "unchanged"


def test_folder_with_one_bad_file(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a_good.txt")
    (folder / "b_bad.txt").write_text("这不是预算文件\n", encoding="utf-8")
    results = ingest_paths([folder], store)
    assert [bool(r.error) for r in results] == [False, True]
    assert "b_bad.txt:1" in results[1].error
    assert [d.doc_id for d in store.documents()] == ["a_good"]


def test_failed_ingest_leaves_earlier_documents(tmp_path, store, seed_doc, monkeypatch):
    store.add(seed_doc)
    changed = seed_doc.__class__(**{**seed_doc.__dict__, "sha256": "other"})

    monkeypatch.setattr("index.sqlite_store.fact_row", lambda f: ("too", "few"))
    monkeypatch.setattr("index.pg_store.fact_row", lambda f: ("too", "few"))
    with pytest.raises(StoreError):
        store.add(changed)
    monkeypatch.undo()
    assert store.disclosure(SEED_ID).sha256 == seed_doc.sha256
    assert len(store.facts(SEED_ID)) == len(disclosure_facts(seed_doc))


def test_changed_file_replaces(tmp_path, store):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    ingest_paths([path], store)
    path.write_text(SEED.read_text(encoding="utf-8").replace("4154.03", "4154.04", 1),
                    encoding="utf-8")
    assert ingest_paths([path], store)[0].outcome.status == "replaced"
    assert len(store.documents()) == 1


def test_another_disclosure_with_the_same_file_name_is_kept_apart(tmp_path, store):
    """Two departments' files both named 2024年部门预算.txt: the second gets an id of its own, the first
    stays; ingesting the second again changes nothing."""
    other = SAMPLES / "text" / "shanghai_putuo_wanli_2025_budget.txt"
    for folder, source in (("a", SEED), ("b", other)):
        (tmp_path / folder).mkdir()
        shutil.copy(source, tmp_path / folder / "2024年部门预算.txt")
    first = ingest_paths([tmp_path / "a" / "2024年部门预算.txt"], store)[0]
    second = ingest_paths([tmp_path / "b" / "2024年部门预算.txt"], store)[0]
    again = ingest_paths([tmp_path / "b" / "2024年部门预算.txt"], store)[0]
    assert (first.doc.doc_id, second.doc.doc_id, again.outcome.status) == ("2024年部门预算", "2024年部门预算-2",
                                                                           "unchanged")
    assert {i.department for i in store.documents()} == {first.doc.department, second.doc.department}
    assert any("另一份" in w or "相同" in w for w in second.doc.warnings)


def test_unknown_document(store):
    with pytest.raises(DocumentNotFound):
        store.disclosure("nope")


def test_documents_info(store, seed_doc):
    store.add(seed_doc)
    (info,) = store.documents()
    assert (info.department, info.year, info.kind, info.department_code, info.projects) == \
        ("石家庄市总工会", 2024, "预算", "711", 6)
    assert info.rows == sum(len(t.rows) for t in seed_doc.tables)


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://bq:secret@db.example:5432/budget", "postgresql://bq:***@db.example:5432/budget"),
    ("postgresql://bq@127.0.0.1:5432/budget", "postgresql://bq@127.0.0.1:5432/budget"),
])
def test_messages_never_show_a_password(url, shown):
    from index.pg_store import safe_url

    assert safe_url(url) == shown


def test_an_unreachable_database_is_a_clear_error():
    from index.pg_store import PostgresStore

    with pytest.raises(StoreError) as info:
        PostgresStore("postgresql://bq:secret@127.0.0.1:1/none?connect_timeout=2")
    assert "127.0.0.1:1" in str(info.value) and "secret" not in str(info.value)

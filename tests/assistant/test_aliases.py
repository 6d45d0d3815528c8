"""The reviewed alias table: every entry is read (under "aliases") and means standard names only."""

from __future__ import annotations

import json
from importlib import resources

from assistant.concepts import CONCEPTS
from assistant.qtext import aliases


def test_every_entry_sits_where_it_is_read():
    data = json.loads(resources.files("assistant").joinpath("data/aliases.json").read_text("utf-8"))
    assert set(data) == {"_comment", "aliases"}


def test_concept_aliases_name_known_concepts_or_subjects():
    meanings = {m for ms in aliases().values() for m in ms}
    # a meaning is a concept, or a subject name no concept shadows (checked against documents elsewhere)
    assert all(m in CONCEPTS or not m.endswith(("总计", "经费")) for m in meanings), \
        sorted(m for m in meanings if m not in CONCEPTS and m.endswith(("总计", "经费")))

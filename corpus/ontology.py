"""The concept ontology (corpus/data/ontology.yaml) as frozen records: standard figures, national
subjects, everyday words. Read once; every part of budget-qa that knows a concept asks here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from corpus.errors import BudgetQAError


class OntologyError(BudgetQAError):
    """The ontology file is malformed (names the entry)."""


@dataclass(frozen=True)
class Where:
    """One place a table prints a concept."""

    table: str  # table key
    row: str  # regex on the plain row name, "total" (the 合计/总计 row) or "any" (rows holding the column)
    columns: tuple[str, ...] = ()  # the first present wins; () = the row's first amount
    side: str | None = None  # 收入 / 支出 on a two-sided table
    title: str | None = None  # an empty table states 0 for this rule only when its title matches
    empty_only: bool = False  # the rule reads only an explicitly empty table's 0


@dataclass(frozen=True)
class Concept:
    id: str
    aliases: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    text: tuple[str, ...] = ()  # regexes
    where: tuple[Where, ...] = ()
    parent: tuple[str, ...] = ()
    children: tuple[str, ...] = ()
    within: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (part concept, short names inside this one)
    fund: str | None = None
    column: tuple[str, ...] = ()
    empty_zero: bool = False
    stated: bool = False

    @property
    def text_pattern(self) -> re.Pattern[str]:
        """Any of its labels (an alternation takes the first that matches: see text_patterns)."""
        return _compiled("|".join(f"(?:{t})" for t in self.text or (re.escape(self.id),)))

    @property
    def text_patterns(self) -> tuple[re.Pattern[str], ...]:
        """Each label on its own, so that the longest match can be chosen."""
        return tuple(_compiled(t) for t in self.text or (re.escape(self.id),))


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    scheme: str  # 功能分类 / 经济分类
    weak: tuple[str, ...] = ()
    former: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        return {3: "类", 5: "款", 7: "项"}.get(len(self.code), "")

    @property
    def parent_code(self) -> str | None:
        return self.code[:-2] if len(self.code) > 3 else None


@dataclass(frozen=True, eq=False)
class Ontology:
    concepts: dict[str, Concept]
    subjects: tuple[Subject, ...]
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    funds: dict[str, str] = field(default_factory=dict)  # a fund's table key → how answers name the fund
    said_as: tuple[tuple[str, str], ...] = ()  # (everyday words, a regex; how the 说明 says them)

    def concept(self, name: str) -> Concept | None:
        return self.concepts.get(name)

    def in_document_words(self, text: str) -> str:
        """准备买几辆车 → 准备购置几辆车, 扶持 → 支持: everyday words replaced by the ones the 说明 uses."""
        for said, printed in self.said_as:
            text = re.sub(said, printed, text)
        return text

    def subject(self, code: str) -> Subject | None:
        return next((s for s in self.subjects if s.code == code), None)

    def ancestors(self, name: str) -> set[str]:
        """Every concept above this one (its parents, theirs, …)."""
        found: set[str] = set()
        todo = [name]
        while todo:
            concept = self.concept(todo.pop())
            for parent in concept.parent if concept else ():
                if parent not in found:
                    found.add(parent)
                    todo.append(parent)
        return found

    def classes(self, scheme: str = "功能分类") -> list[Subject]:
        return [s for s in self.subjects if s.scheme == scheme and len(s.code) == 3]

    def printed_as(self, code: str, printed: str) -> bool:
        """Whether a row printed `code printed` is the national subject of that code (by its name, a
        former or short name); False for a code this ontology does not know too."""
        subject = self.subject(code)
        return subject is not None and names_agree(printed, (subject.name, *subject.former, *subject.weak))

    def current_name(self, name: str) -> str:
        """A 类's former name (医疗卫生与计划生育支出) → its name now (卫生健康支出); others as they are."""
        return next((s.name for s in self.subjects if name in s.former and len(s.code) == 3), name)

    def parts_of(self, name: str) -> tuple[str, ...]:
        """Concepts whose parent list names `name` first (人员经费, 公用经费 of 基本支出)."""
        return tuple(c.id for c in self.concepts.values() if c.parent[:1] == (name,))

    def meanings(self) -> dict[str, tuple[str, ...]]:
        """Every everyday word → the standard names it may mean (a concept id or a subject's name):
        aliases, short names, former names and the `words` table. Several meanings = ambiguous."""
        return _meanings(self)

    def fund_of_table(self, key: str) -> str | None:
        """The spending concept of the fund whose table is `key` (gov_fund → 政府性基金预算)."""
        return next((c.id for c in self.concepts.values() if c.fund == key and c.column and
                     any(w.table == key for w in c.where)), None)


def names_agree(printed: str, names: tuple[str, ...]) -> bool:
    """One name inside the other, 其它 read as 其他, brackets and spaces ignored."""
    def norm(text: str) -> str:
        return re.sub(r"[\s（）()]", "", text).replace("其它", "其他")

    row = norm(printed)
    return any((n := norm(name)) and (n in row or row in n) for name in names)


@cache
def _meanings(onto: Ontology) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {w: list(names) for w, names in onto.words.items()}
    for c in onto.concepts.values():
        for word in (*c.aliases, *c.weak):
            found.setdefault(word, []).append(c.id)
    for s in onto.subjects:
        for word in (*s.weak, *s.former):
            found.setdefault(word, []).append(s.name)
    return {w: tuple(dict.fromkeys(n for n in names if n != w)) for w, names in found.items()
            if any(n != w for n in names)}


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (str(value),) if isinstance(value, str) else tuple(str(v) for v in value)


def _where(name: str, raw: dict[str, Any]) -> Where:
    if "table" not in raw or "row" not in raw:
        raise OntologyError(f"ontology.yaml: concept {name}: a 'where' rule needs table and row")
    return Where(raw["table"], str(raw["row"]), _tuple(raw.get("columns")), raw.get("side"), raw.get("title"),
                 bool(raw.get("empty_only")))


def _concept(name: str, raw: dict[str, Any]) -> Concept:
    within = tuple((part, _tuple(words)) for part, words in (raw.get("within") or {}).items())
    return Concept(name, _tuple(raw.get("aliases")), _tuple(raw.get("weak")), _tuple(raw.get("text")),
                   tuple(_where(name, w) for w in raw.get("where") or ()), _tuple(raw.get("parent")),
                   _tuple(raw.get("children")), within, raw.get("fund"), _tuple(raw.get("column")),
                   raw.get("empty") == "zero", bool(raw.get("stated")))


def _subjects(raw: list[dict[str, Any]], scheme: str) -> list[Subject]:
    return [Subject(str(s["code"]), s["name"], scheme, _tuple(s.get("weak")), _tuple(s.get("former")))
            for s in raw or ()]


def _check(onto: Ontology) -> None:
    """Every concept a concept names exists: a typo here would silently drop a rule."""
    for c in onto.concepts.values():
        for ref in (*c.parent, *c.children, *(p for p, _ in c.within)):
            if ref not in onto.concepts:
                raise OntologyError(f"ontology.yaml: concept {c.id} names unknown concept {ref}")
        for pattern in c.text:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise OntologyError(f"ontology.yaml: concept {c.id}: bad text pattern {pattern!r}: {exc}") from exc


@cache
def ontology() -> Ontology:
    import yaml

    text = resources.files("corpus").joinpath("data/ontology.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = yaml.load(text, Loader=loader)
    concepts = {name: _concept(name, body or {}) for name, body in (raw.get("concepts") or {}).items()}
    subjects = (*_subjects(raw.get("functions"), "功能分类"), *_subjects(raw.get("economics"), "经济分类"))
    words = {w: _tuple(v) for w, v in (raw.get("words") or {}).items()}
    said_as = tuple((str(k), str(v)) for k, v in (raw.get("said_as") or {}).items())
    for pattern, _ in said_as:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise OntologyError(f"said_as: '{pattern}' is not a regular expression: {exc}") from exc
    onto = Ontology(concepts, subjects, words, dict(raw.get("funds") or {}), said_as)
    _check(onto)
    return onto

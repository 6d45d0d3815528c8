"""The one entry point every user path calls: `Assistant.ask(question, doc=None) -> Answer`.

The CLI, the web page and the eval runner all go through here, so they give the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from assistant.answer import Answer, abstain
from assistant.checks import numbers_in, uncited_numbers
from assistant.exact import Ask
from assistant.frames import unframe
from assistant.qtext import normalize_question
from assistant.scoping import Scope, choices_of, scope_for, several_docs_message, strip_department, unknown_body
from corpus.errors import QuestionError
from corpus.records import Disclosure
from index.bounded import Bounded
from index.settings import Settings, load_settings
from index.store import DocumentInfo, RecordStore

MAX_QUESTION = 300
MAX_LOOKED_THROUGH = 200  # disclosures searched for a project a question names without its department


@dataclass
class Assistant:
    store: RecordStore
    settings: Settings
    callbacks: list = field(default_factory=list)  # langchain callbacks every pipeline run reports to
    _narrative: Any = field(default=None, repr=False)
    _pipeline: Any = field(default=None, repr=False)
    _suspects: Bounded[tuple[str, str], set[str]] = field(default_factory=Bounded, repr=False)

    def documents(self) -> list[DocumentInfo]:
        return self.store.documents()

    def disclosure(self, doc_id: str) -> Disclosure:
        return self.store.disclosure(doc_id)

    def ask(self, question: str, doc: str | None = None) -> Answer:
        """Answer one question; `doc` scopes it to a document (id, id prefix or file stem)."""
        question = (question or "").strip()
        if not question:
            raise QuestionError("the question is empty / 问题为空")
        if len(question) > MAX_QUESTION:
            return abstain(question, f"问题超过{MAX_QUESTION}字，请缩短后再问。")
        infos = self.documents()  # one store read: scoping, last year's disclosure and the year check share it
        q, scope = self.scope_of(question, infos, doc)
        by_year = self._per_year(question, q, scope)
        if by_year is not None:
            return by_year
        if scope.problem:
            return abstain(question, scope.problem)
        if len(scope.docs) > 1:
            from assistant.across import across_bodies

            compared = across_bodies(lambda q, d: self.ask(q, doc=d), question, q, scope.docs,
                                     getattr(self.store, "concept_values", None))
            if compared is not None:  # 哪个部门的三公经费最多: each disclosure asked, then ranked
                return compared
            named = self._naming_project(q, scope.docs)
            if len(named) == 1:  # 兰溪路-真南路下立交工程的预算: the one disclosure that has that project
                return self.ask(question, doc=named[0].doc_id)
            docs = named or scope.docs
            return replace(abstain(question, several_docs_message(docs)), choices=choices_of(docs))
        disclosure = self.disclosure(scope.docs[0].doc_id)
        other = unknown_body(scope.bodies, document_text(disclosure))
        if other is not None:
            return abstain(question, f"库中没有“{other}”的公开文件；{disclosure.title}中也没有提到它。")
        answer = self._answer(question, strip_department(q, disclosure.department), disclosure,
                              self._earlier(disclosure, infos))
        years = {i.year + d for i in infos for d in (-1, 0, 1)}
        named = numbers_in(disclosure.department)  # 第42中学: the body's own name holds no figure to trace
        return _checked(self._flag_suspect(disclosure, answer), {Decimal(y) for y in years} | named)

    def scope_of(self, question: str, infos: list[DocumentInfo], doc: str | None = None) -> tuple[str, Scope]:
        """The question as read (its frame off) and the documents it may be about."""
        q = unframe(normalize_question(question))  # 我在整理街道采购数据，…: who asks names no body
        return q, scope_for(q, infos, doc)

    def _answer(self, raw: str, q: str, doc: Disclosure, earlier: Disclosure | None = None) -> Answer:
        """The pipeline: parse into parts, plan each against the document, execute each, compose."""
        from assistant.pipeline import Work

        return self.pipeline.invoke(Work(raw, q, doc, earlier), config={"callbacks": self.callbacks})

    def _earlier(self, doc: Disclosure, infos: list[DocumentInfo]) -> Disclosure | None:
        """The same body's disclosure of the same kind for the year before, when the store holds one."""
        found = next((i for i in infos if i.department == doc.department and i.year == doc.year - 1
                      and i.kind == doc.kind and i.body == doc.body), None)
        return self.disclosure(found.doc_id) if found is not None else None

    @property
    def pipeline(self):
        if self._pipeline is None:
            from assistant.pipeline import build
            from assistant.rephrase import configured_model

            self._pipeline = build(lambda: self.narrative, configured_model())
        return self._pipeline

    def _per_year(self, question: str, q: str, scope: Scope) -> Answer | None:
        """Several years of one department named in one question: each asked on its own document."""
        from assistant.years import per_year_docs, question_for_year, side_by_side

        docs = per_year_docs(q, scope.docs) if not scope.problem else None
        if docs is None:
            return None
        answers = [(i.year, self.ask(question_for_year(q, i.year), doc=i.doc_id)) for i in docs]
        return side_by_side(question, answers)

    def _naming_project(self, q: str, docs: list) -> list:
        """The disclosures (one per group) with a project the question names (its name, four or more
        characters, said in full); none when the store is too large to look through here."""
        from assistant.qtext import plain_name
        from assistant.scoping import disclosure_groups

        groups = disclosure_groups(docs)
        if len(groups) > MAX_LOOKED_THROUGH:
            return []
        asked = plain_name(q)
        found = []
        for group in groups:
            doc = self.disclosure(group[0].doc_id)
            names = [_own(plain_name(n), doc.department) for n in (*(p.name for p in doc.projects),
                                                                     *(d.name for d in doc.described))]
            if any(len(n) >= 4 and n in asked for n in names):
                found.append(group[0])
        return found

    def _flag_suspect(self, doc: Disclosure, answer: Answer) -> Answer:
        """Answers citing a table whose own sums fail (probably misread by us) say so."""
        key = (doc.doc_id, doc.sha256)
        if key not in self._suspects:
            stored = getattr(self.store, "suspect_titles", None)  # found by the audit run at ingest
            found = stored(doc.doc_id) if stored is not None else None
            if found is None:  # a store written before the audit was kept: audited now
                from index.audit import audit, suspect_tables

                found = {t.title for t in doc.tables if t.key in suspect_tables(audit(doc))}
            self._suspects[key] = found
        cited = {c.table for c in answer.citations if c.kind == "cell"} & self._suspects[key]
        if not cited:
            return answer
        note = (f"表格“{'、'.join(sorted(cited))}”未通过审计（自身合计不符，或所标单位与数字的量级不符），"
                "可能解析有误或原表有误，请核对原文。")
        return replace(answer, warnings=(*answer.warnings, note))

    def as_runnable(self):
        """The whole assistant as a langchain Runnable: a question (or {"question", "doc"}) in,
        an `Answer` out, so it composes with other runnables."""
        from langchain_core.runnables import RunnableLambda

        def run(item: str | dict) -> Answer:
            if isinstance(item, str):
                return self.ask(item)
            return self.ask(item["question"], doc=item.get("doc"))

        return RunnableLambda(run)

    @property
    def narrative(self):
        if self._narrative is None:
            from assistant.narrative_answer import NarrativeAnswerer

            self._narrative = NarrativeAnswerer(self.store, self.settings)
        return self._narrative



def _own(name: str, department: str) -> str:
    """A project's name without the body's own name before it (万里街道社区公共服务中心新建工程)."""
    cut = max((i for i in range(len(name) + 1) if name[:i] in department), default=0)
    return name[cut:]


def execution_reason(ask: Ask) -> Answer | None:
    """A 决算's why-question on 决算 against 预算 is answered by the reason stated beside the pair."""
    from assistant.final_answer import answer_reason

    return answer_reason(ask)


_TEXTS: Bounded[tuple[str, str], str] = Bounded()


def document_text(doc: Disclosure) -> str:
    """Everything a document says in words (paragraphs, row names, projects), to look a name up in."""
    key = (doc.doc_id, doc.sha256)
    if key not in _TEXTS:
        parts = [p.text for s in doc.sections for p in s.paragraphs] + [s.title for s in doc.sections]
        parts += [r.name for t in doc.tables for r in t.rows] + [p.name for p in doc.projects]
        _TEXTS[key] = "".join("".join(parts).split())
    return _TEXTS[key]


def _checked(answer: Answer, years: set[Decimal]) -> Answer:
    """Refuse to state a figure nobody can trace: an unexplained number turns into a warning."""
    stray = uncited_numbers(answer, years)
    if stray:
        listing = "、".join(sorted(str(n) for n in stray))
        return replace(answer, warnings=(*answer.warnings, f"未能溯源的数字：{listing}"))
    return answer


def open_assistant(settings: Settings | None = None) -> Assistant:
    from index.settings import open_store

    settings = settings or load_settings()
    return Assistant(store=open_store(settings), settings=settings)

"""Which stored document a question is about: a department or year it names, else the caller's scope."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from assistant.intent import mentioned_years
from assistant.scope import match_docs
from index.store import DocumentInfo

_DEPT_WORD = re.compile(r"((?:(?![的和与及是在占比为对])[\u4e00-\u9fff]){1,12}?"
                        r"(?:局|委员会|委(?![托婉实屈])|厅|街道办事处|街道|总工会|管委会|镇|(?<!城)乡|"
                        r"政府(?!采购|性)|医院|学校|大学|法院|检察院|福利院|中心|办公室))")
BODY_END = re.compile(r"(?:局|委员会|委|厅|办事处|街道|总工会|工会|管委会|镇|乡|院|中心|办公室|办)$")
_PLACE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}?[省市]|)(?:[\u4e00-\u9fff]{2,3}?[区县])?")
_PLACE = re.compile(r"^.*?(?<![社园小校片辖景城营])[省市区县州旗]")
# 建设市场 is no city; 今年给省部级劳模: a time word and a function word are no part of a place
_LEADING_PLACE = re.compile(r"^(?:[今去明本前]年度?)?(?!咱|我|你|俺|纳入|列入|属于|隶属|包括|包含)"
                            r"((?:(?![年给的在对向为和是有])[\u4e00-\u9fff]){2,3}(?:省|市(?![场民值面容])|县))")
# …专项里各级企业技术中心 / 25年街道 / 8月底街道: the body named after them
_INSIDE = re.compile(r"里面|里头|当中|之中|里|^.*?年(?:度)?|^.*?月[底末]|^(?:纳入|列入|属于|隶属|归|包括|包含|像|比如)")
# 这个局 / 咱们市总: the one asked about
_DEICTIC = re.compile(r"这个|那个|这家|那家|这一|那一|咱们|我们|俺们|你们|该|本|这|那|咱")


@dataclass(frozen=True)
class Scope:
    docs: list[DocumentInfo]  # candidates left after the question and the caller's scope
    problem: str | None = None  # why no document fits
    prior_year_of: DocumentInfo | None = None  # the question's year is the year before this doc
    bodies: tuple[str, ...] = ()  # bodies named that are no stored department (a sub-unit, or another body)


@lru_cache(maxsize=8192)
def short_names(department: str) -> frozenset[str]:
    return frozenset(_short_names(department))


def _short_names(department: str) -> set[str]:
    """石家庄市总工会 → {石家庄市总工会, 总工会}: how people name a department."""
    names = {department}
    for place in (_PLACE, re.compile(r"^.*[省市区县州旗]")):  # 上海市普陀区财政局 → 普陀区财政局, 财政局
        rest = place.sub("", department)
        if len(rest) >= 2:
            names.add(rest)
    for name in list(names):  # 普陀区商务委员会 → 商务委; 建设和管理委员会 → 建管委
        if name.endswith("委员会") and len(name) > 3:
            stem = name.removesuffix("委员会")
            names.add(stem + "委")
            if "和" in stem and len(stem.split("和")) == 2 and all(stem.split("和")):
                names.add("".join(part[0] for part in stem.split("和")) + "委")
    core = _PLACE_PREFIX.sub("", department)
    if len(core) > 4 and core.endswith(("院", "局", "中心")):
        names.add(core[-3:] if not core.endswith("中心") else core[-4:])  # 社会福利院 → 福利院
    for name in list(names):  # …区人民政府万里街道办事处 → 万里街道办事处, 万里街道
        rest = name.removeprefix("人民政府")
        if rest != name and len(rest) >= 2:
            names.add(rest)
        if rest.endswith("街道办事处") and len(rest) > len("街道办事处"):
            names |= {rest.removesuffix("办事处"), "街道办", "街道"}  # 街道今年…: the one asked about
    return names


def subsequence(word: str, name: str) -> bool:
    """The word's characters appear in the name, in order (建管委 in 建设和管理委员会)."""
    it = iter(name)
    return all(ch in it for ch in word)


def abbreviates(word: str, department: str) -> bool:
    """普陀财政局, 市交委, 普陀规资局, 建管委: the characters of a body's name, in order, from its core name
    (after the place) and ending like it — how people shorten a department's name. A renamed field keeps
    its old short name too (规划和自然资源局, once 规划和国土资源局: 规土局)."""
    if len(word) < 2 or not BODY_END.search(word) or \
            not any(subsequence(word, name) for name in (department, *_former_names(department))):
        return False
    core = _PLACE_PREFIX.sub("", department) or department
    start = word.lstrip("市区县省")
    return bool(start) and (start[0] == core[0] or any(start.startswith(p) for p in _places(department)))


@cache
def _renamings() -> tuple[tuple[str, str], ...]:
    """(now, before) words from the ontology's former subject names: 自然资源事务 / 国土资源事务 → 自然, 国土."""
    from corpus.ontology import ontology

    pairs = set()
    for subject in ontology().subjects:
        for former in subject.former:
            now, before = subject.name, former
            while now and before and now[0] == before[0]:
                now, before = now[1:], before[1:]
            while now and before and now[-1] == before[-1]:
                now, before = now[:-1], before[:-1]
            if 2 <= len(now) <= 4 and 2 <= len(before) <= 4:
                pairs.add((now, before))
    return tuple(sorted(pairs))


def _former_names(department: str) -> list[str]:
    return [department.replace(now, before) for now, before in _renamings() if now in department]


def _places(department: str) -> list[str]:
    found = _PLACE_PREFIX.match(department)
    head = found.group() if found else ""
    return [part for part in re.findall(r"[\u4e00-\u9fff]{2,3}?[省市区县]", head)] + \
        [part[:-1] for part in re.findall(r"[\u4e00-\u9fff]{2,3}?[省市区县]", head)]


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}")


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) of name in text — a plain search: with a thousand departments, a regex per
    name would overflow re's compile cache on every question."""
    found, at = [], text.find(name) if name else -1
    while at >= 0:
        found.append((at, at + len(name)))
        at = text.find(name, at + len(name))
    return found


def department_spans(question: str, department: str) -> list[tuple[int, int]]:
    """Where the question names the department, by its full, short or abbreviated name."""
    spans = [span for name in short_names(department) for span in _occurrences(name, question)]
    spans += _cut_short(question, department, spans)
    for starting in _body_words(question):  # the longest abbreviation at each start
        found = next(((a, b) for a, b, word in starting if abbreviates(word, department)), None)
        if found is not None:
            spans.append(found)
    return sorted(spans + _bracketed(question, spans))


def _bracketed(question: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """区经委（商务委）: the other name the department is given, with its brackets, names it too."""
    found = []
    for a, b in spans:
        if a >= 1 and question[a - 1] in "（(" and question[b:b + 1] in ("）", ")"):
            before = [w for starting in _body_words(question) for w in starting if w[1] == a - 1 and w[1] - w[0] >= 3]
            if before:
                found.append((min(before, key=lambda w: w[1] - w[0])[0], b + 1))
    return found


_AFTER_BODY = re.compile(r"\d|的|部门|单位|今年|明年|去年|这|[，,？?]|$")


def _cut_short(question: str, department: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """石家庄市总2024年…: the name cut short before a year, 的 or 部门 — all but its last one or two characters
    (four at least; 石家庄市 alone is the city) — said where no fuller name stands."""
    found: list[tuple[int, int]] = []
    for k in range(len(department) - 1, max(3, len(department) - 3), -1):
        for m in re.finditer(re.escape(department[:k]), question):
            inside = any(a <= m.start() < b for a, b in taken + found)
            if not inside and _AFTER_BODY.match(question, m.end()):
                found.append((m.start(), m.end()))
    return found


@lru_cache(maxsize=256)
def _body_words(question: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """The question's words that end like a body's name, by start, longest first: the only words that
    can abbreviate a department — found once per question, not once per stored department."""
    found = []
    for m in _CJK_RUN.finditer(question):
        text = m.group()
        for i in range(len(text)):
            words = tuple((m.start() + i, m.start() + j, text[i:j]) for j in range(len(text), i + 1, -1)
                          if BODY_END.search(text[i:j]))
            if words:
                found.append(words)
    return tuple(found)


def strip_department(question: str, department: str) -> str:
    """石家庄市总工会2024年预算… → 2024年预算…: the department's own name is not a subject."""
    spans = department_spans(question, department)
    keep = [True] * len(question)
    for start, end in spans:
        keep[start:end] = [False] * (end - start)
    return "".join(ch for ch, k in zip(question, keep, strict=True) if k)


_KIND_ONLY = re.compile(r"(?:医院|学校|大学|中心|办公室)$")
_NO_BODY = re.compile(r"(?:布局|格局|结局|大局|全局|开局|饭局|骗局|时局|僵局|残局|出局|庭院)$")  # words ending so


def _dept_words(question: str) -> list[str]:
    """Words ending like a body's name; an amount's unit is no part of one (花20万请医院: 请医院)."""
    words = []
    for m in _DEPT_WORD.finditer(question):
        word = m.group(1)
        if m.start(1) > 0 and question[m.start(1) - 1].isdigit():
            word = word.lstrip("万亿元千百个")
        kind = _KIND_ONLY.search(word)
        if (kind and kind.start() < 2) or _NO_BODY.search(word):
            continue  # 请医院 / 去学校: a kind of place, named by no one; 这样布局: a layout
        words.append(word)
    return words


def _restated(question: str, word: str, stored: list[str]) -> bool:
    """区经委（商务委）: a name followed by a stored department's name in brackets is that department."""
    for m in re.finditer(re.escape(word) + r"\s*[（(]([^（()）]{2,20})[)）]", question):
        if any(department_spans(m.group(1), d) for d in stored):
            return True
    return False


def _named_departments(question: str, infos: list[DocumentInfo]) -> tuple[list[DocumentInfo], bool, list[str]]:
    stored = [i.department for i in infos]
    found = (_INSIDE.split(_DEICTIC.split(w)[-1])[-1] for w in _dept_words(question))
    words = [w for w in found if len(w) >= 3  # 宜川街道 is no 万里街道: more than the body's kind must agree
             and not any(abbreviates(w[k:], d) or (w[k:] in d and len(w) - k >= 3) for d in stored
                         for k in range(len(w) - 1))]
    words = [w for w in words if not _restated(question, w, stored)]
    other = any(_PLACE.match(m) for m in words)
    place = _LEADING_PLACE.match(question)  # 北京市朝阳区的预算: a place no stored department is in
    other = other or bool(place and not any(place.group(1) in d for d in stored))
    named = [i for i in infos if department_spans(question, i.department)]
    if named and not other:
        return named, False, words
    return [], other, words


_KIND_SAID = re.compile(r"(部门|单位)(?:预算|决算)")


def scope_for(question: str, infos: list[DocumentInfo], selector: str | None) -> Scope:
    if not infos:
        return Scope([], "库中还没有任何文档，请先用 budget-qa ingest 导入。")
    candidates = match_docs(infos, selector) if selector else infos
    if selector and not candidates:
        stored = "、".join(i.doc_id for i in infos)
        return Scope([], f"没有与“{selector}”对应的文档。库中有：{stored}")
    named, other, bodies = _named_departments(question, infos)
    if other:
        listing = "、".join(sorted({i.department for i in infos}))
        return Scope([], f"库中没有问题所说部门的公开文件。现有部门：{listing}。")
    if named and selector and not any(i in named for i in candidates):  # the chosen file is another body's
        chosen = "、".join(sorted({i.department for i in candidates}))
        asked = "、".join(sorted({i.department for i in named}))
        return Scope([], f"所选文件是{chosen}的；问题问的是{asked}，请选择{asked}的文件再问。")
    if named:
        candidates = [i for i in candidates if i in named] or named
    kind = _KIND_SAID.search(question)  # 部门预算 / 单位预算 said: that disclosure, not the other body's
    if kind:
        candidates = [i for i in candidates if i.body == kind.group(1)] or candidates
    years = _own_years(question)
    if "明年" in question or "下一年" in question:
        years = years or [max(i.year for i in candidates) + 1]
    if years:
        by_year = [i for i in candidates if i.year in years]
        if by_year:
            return Scope(_one_disclosure(by_year), bodies=tuple(bodies))
        following = [i for i in candidates if i.year - 1 in years]
        if following:
            return Scope(following, prior_year_of=following[0])
        have = "、".join(sorted({f"{i.department}{i.year}年{i.kind_name}" for i in candidates}))
        return Scope([], f"库中没有{'、'.join(map(str, years))}年的文件，现有：{have}。")
    return Scope(_one_disclosure(candidates), bodies=tuple(bodies))


def unknown_body(bodies: tuple[str, ...], doc_text: str) -> str | None:
    """长征镇 asked of 万里街道's disclosure: a body the document never mentions is another body."""
    return next((b for b in bodies if b not in doc_text and b.lstrip("市区县") not in doc_text), None)


def _own_years(question: str) -> list[int]:
    """The years a question asks about, not those it compares with (2025年…比2024年减少多少)."""
    years = mentioned_years(question)
    compared = {int(y) for y in re.findall(r"(?:比|较|与|相比|对比|同)\s*(\d{4})\s*年", question)}
    return [y for y in years if y not in compared] or years


def disclosure_groups(infos: list[DocumentInfo]) -> list[list[DocumentInfo]]:
    """The stored files of each disclosure (same body, year, kind): its text first, then its PDF (whose id
    carries -pdf when both are stored); the groups in department, year, kind order."""
    groups: dict[tuple[str, int, str, str], list[DocumentInfo]] = {}
    for info in sorted(infos, key=lambda i: i.doc_id.endswith("-pdf")):
        groups.setdefault((info.department, info.year, info.kind, info.body), []).append(info)
    return sorted(groups.values(), key=lambda g: (g[0].department, g[0].year, g[0].kind))


def _one_disclosure(docs: list[DocumentInfo]) -> list[DocumentInfo]:
    """The text and the PDF of one disclosure are one candidate: the first of its group, in docs' order."""
    firsts = [group[0] for group in disclosure_groups(docs)]
    return [i for i in docs if any(i is f for f in firsts)]


def choices_of(docs: list[DocumentInfo]) -> tuple:
    """Each disclosure once (its text stands for its PDF), as choices to offer."""
    from assistant.answer import Choice

    return tuple(Choice(g[0].doc_id, g[0].title, f"{g[0].department} {g[0].year}年{g[0].body}{g[0].kind}")
                 for g in disclosure_groups(docs))


def several_docs_message(docs: list[DocumentInfo]) -> str:
    listing = "；".join(g[0].title for g in disclosure_groups(docs))
    return f"库中有多份文件可能相关，请指明部门和年度，或选择其一：{listing}"

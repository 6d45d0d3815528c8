"""Names in a question → what they refer to in one disclosure: concepts, subjects, codes, projects.

Exact names and the reviewed alias table first, then fuzzy matching over the names in the document
(character bigrams). Never an arbitrary row: what does not match well enough stays unlinked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.concepts import concept_names
from assistant.qtext import bigrams, plain_name
from corpus.ontology import ontology
from corpus.records import Disclosure, Indicator, Project, Row
from index.bounded import Bounded

# Row labels that name a measure or a total, not a subject (the 三公 table of a 决算 has 预算数/决算数 rows).
NOT_SUBJECTS = ("合计", "总计", "预算数", "决算数", "年初预算", "年初预算数")
_GLOSS = re.compile(r"[（(](?:含|包括|不含)[^）)]*[）)]$")
FUZZY_MIN = 0.6  # share of the phrase's bigrams found in the name
NAME_COVER = 0.35  # and the phrase must cover this much of the name (石家庄 is not 石家庄市劳动模范人数)
FUZZY_BAND = 0.15  # candidates this close to the best are all kept (ambiguity, not a guess)
_CODE = re.compile(r"(?<!\d)(\d{3}|\d{5}|\d{7})(?![\d年%.])")
STOP = ("请问", "是多少", "多少钱", "多少", "是什么", "有多少", "分别", "各是", "一共", "总共", "合计",
        "占比", "比例", "比重", "百分之几", "百分比", "增长", "下降", "增加", "减少", "相差", "相比",
        "哪个", "哪项", "哪一项", "哪些", "最多", "最少", "最大", "最小", "最高", "最低", "排名",
        "排第", "几个", "几项", "多少个", "多少项", "为什么", "为何", "原因", "今年", "去年", "上年",
        "本年", "明年", "年初预算", "决算数", "决算", "预算数", "预算", "安排", "金额", "数额", "部门",
        "单位", "万元", "亿元",
        "元", "了", "吗", "呢", "吧", "啊", "和", "与", "及", "跟", "还有", "以及", "或",
        "是", "有", "在", "花", "用于", "用", "给", "里", "中", "其中", "这个", "那个", "我们",
        "大家", "一下", "知道", "想", "问", "查", "比", "多", "少", "高", "低", "大", "小", "占",
        "总", "共", "为", "年", "支出", "收入", "经费", "费用", "钱", "数",
        "?", "？", "。", "，", ",", "、", "!", "！", "：", ":")


@dataclass(frozen=True)
class Target:
    kind: str  # concept | subject | project | indicator
    name: str  # concept name, plain subject name, project name, indicator name
    rows: tuple[tuple[str, Row], ...] = ()  # (table key, row) for subjects
    project: Project | None = None
    indicator: Indicator | None = None


@dataclass(frozen=True)
class Mention:
    surface: str  # the words of the question
    start: int
    targets: tuple[Target, ...]  # several = ambiguous
    fuzzy: bool = False


@dataclass(frozen=True)
class Vocabulary:
    doc: Disclosure
    names: dict[str, tuple[Target, ...]]  # surface → targets


def _subjects(doc: Disclosure) -> dict[str, list[tuple[str, Row]]]:
    found: dict[str, list[tuple[str, Row]]] = {}
    for table in doc.tables:
        if table.key == "institutions":
            continue
        for row in table.rows:
            name = plain_name(row.name)
            if len(name) >= 2 and name not in NOT_SUBJECTS:
                found.setdefault(name, []).append((table.key, row))
                short = _GLOSS.sub("", name)  # 使用非财政拨款结余(含专用结余) → 使用非财政拨款结余
                for said in ({short} if short != name else set()) | _read_out(name):
                    if len(said) >= 2:
                        found.setdefault(said, []).append((table.key, row))
    return found


_INLINE = re.compile(r"(.+?)\(([\u4e00-\u9fff]{1,2})\)(.+)")


def _read_out(name: str) -> set[str]:
    """维修(护)费 → 维修费, 维护费, 维修维护费: a bracketed alternative inside a name, as people say it."""
    m = _INLINE.fullmatch(name)
    if m is None:
        return set()
    a, b, c = m.groups()
    other = a[: -len(b)] + b
    return {a + c, other + c, a + other + c}


_VOCABS: Bounded[tuple[str, str], Vocabulary] = Bounded()


def vocabulary(doc: Disclosure) -> Vocabulary:
    key = (doc.doc_id, doc.sha256)
    if key not in _VOCABS:
        _VOCABS[key] = _build_vocabulary(doc)
    return _VOCABS[key]


_NAMES: Bounded[tuple[str, str], frozenset[str]] = Bounded()


def doc_names(doc: Disclosure) -> frozenset[str]:
    """The document's own names a question may use: rows, projects, indicators (not concepts/aliases), the
    projects its 说明 describes in words (商业创新专项(政策资金), also said without its bracket) and the items
    it states with their money — gathered once per document, not once per question."""
    key = (doc.doc_id, doc.sha256)
    if key not in _NAMES:
        _NAMES[key] = _own_names(doc)
    return _NAMES[key]


def _own_names(doc: Disclosure) -> frozenset[str]:
    own = frozenset(name for name, targets in vocabulary(doc).names.items()
                    if any(t.kind in ("subject", "project", "indicator") and name in (t.name, plain_name(t.name))
                           for t in targets) or targets[0].kind == "indicator")
    described = {n for d in doc.described for n in (plain_name(d.name), _BRACKET.sub("", plain_name(d.name)))}
    return own | frozenset(n for n in described if len(n) >= 4) | _stated_names(doc)


_MONEY_NOUN = re.compile(r"(?:资金|补助|经费|费|专项|支出)$")
_NOT_A_NAME = re.compile(r"包含|公开|^\d|该项|其中|合计|总计")


def _stated_names(doc: Disclosure) -> frozenset[str]:
    """省级困难职工及劳模帮扶救助专项资金226.99万元 / …专项补助增加27.55万元: an item the 说明 states with its
    money or its change, named as it says it (one name, never 省级困难职工 and 劳模帮扶救助专项资金) — from the
    shared prose reader."""
    from index.audit_concepts import stated_patterns
    from index.stated import stated_facts

    return frozenset(n for s in stated_facts(doc, stated_patterns()) if s.concept is None  # or its change
                     and len(n := plain_name(s.name)) >= 6 and _MONEY_NOUN.search(n) and not _NOT_A_NAME.search(n))


_BRACKET = re.compile(r"[(（][^()（）]*[)）]$")


def _build_vocabulary(doc: Disclosure) -> Vocabulary:
    names: dict[str, tuple[Target, ...]] = {}
    subjects = _subjects(doc)
    for name, rows in subjects.items():
        names[name] = (Target("subject", name, tuple(rows)),)
    for concept in concept_names():
        names[plain_name(concept)] = (Target("concept", concept),)
        names.setdefault(concept, (Target("concept", concept),))
    for project in doc.projects:
        names[plain_name(project.name)] = (Target("project", project.name, project=project),)
        for ind in project.indicators:
            for label in {plain_name(ind.level3), plain_name(ind.description)}:
                if len(label) >= 2 and label not in names:
                    names[label] = tuple(
                        Target("indicator", label, project=p, indicator=i)
                        for p in doc.projects for i in p.indicators
                        if label in (plain_name(i.level3), plain_name(i.description)))
    for word, meanings in ontology().meanings().items():
        targets = tuple(t for m in meanings for t in _meaning(m, names, subjects))
        if targets and word not in names:
            names[word] = targets
    return Vocabulary(doc, names)


def _meaning(name: str, names: dict[str, tuple[Target, ...]],
             subjects: dict[str, list[tuple[str, Row]]]) -> tuple[Target, ...]:
    if name in names:
        return names[name]
    hits = [n for n in subjects if name in n]  # 困难职工帮扶救助 → every project or row naming it
    return tuple(t for n in hits for t in names[n])


def link(question: str, doc: Disclosure) -> list[Mention]:
    """Mentions in question order; `question` is already normalized (qtext.normalize_question)."""
    vocab = vocabulary(doc)
    taken = [False] * len(question)
    mentions = _codes(question, doc, taken)
    mentions += _partial_projects(question, vocab.doc, taken)
    found = [(m.start(), m.end(), s) for s in vocab.names for m in re.finditer(re.escape(s), question)]
    for start, end, surface in sorted(found, key=lambda f: (f[0] - f[1], f[0])):  # longest, then first
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            mentions.append(Mention(surface, start, vocab.names[surface]))
    mentions += _fuzzy(question, taken, vocab)
    return _settle(sorted(mentions, key=lambda m: m.start))


def _settle(mentions: list[Mention]) -> list[Mention]:
    """One thing named twice is one mention: 2012902一般行政管理事务, 出国出境, and 提前下达 +
    困难职工帮扶救助专项资金 (an ambiguous mention whose candidates include another's sole target)."""
    sole = {m.targets[0] for m in mentions if len(m.targets) == 1}
    kept: list[Mention] = []
    seen: set[tuple[str, ...]] = set()
    for m in mentions:
        names = tuple(sorted({t.name for t in m.targets}))
        if (len(m.targets) > 1 and sole & set(m.targets)) or names in seen:
            continue
        seen.add(names)
        kept.append(m)
    return kept


def _partial_projects(question: str, doc: Disclosure, taken: list[bool]) -> list[Mention]:
    """业务培训费 → 专项业务培训费: a long enough piece of a project's name names the project."""
    from difflib import SequenceMatcher

    found = []
    for project in doc.projects:
        name = plain_name(project.name)
        match = SequenceMatcher(None, question, name, autojunk=False).find_longest_match()
        if match.size >= 4 and match.size / len(name) >= 0.5 and match.size < len(name) \
                and not any(taken[match.a:match.a + match.size]):
            found.append((match, project))
    mentions = []
    for match, project in sorted(found, key=lambda f: -f[0].size):
        if any(taken[match.a:match.a + match.size]):
            continue
        taken[match.a:match.a + match.size] = [True] * match.size
        target = Target("project", project.name, project=project)
        mentions.append(Mention(question[match.a:match.a + match.size], match.a, (target,)))
    return mentions


def _codes(question: str, doc: Disclosure, taken: list[bool]) -> list[Mention]:
    mentions = []
    by_code: dict[str, list[tuple[str, Row]]] = {}
    for table in doc.tables:
        for row in table.rows:
            if row.code:
                by_code.setdefault(row.code, []).append((table.key, row))
    for match in _CODE.finditer(question):
        rows = by_code.get(match.group(1))
        if rows:
            for i in range(match.start(), match.end()):
                taken[i] = True
            target = Target("subject", plain_name(rows[0][1].name), tuple(rows))
            mentions.append(Mention(match.group(1), match.start(), (target,)))
    return mentions


def residual_phrases(question: str, taken: list[bool]) -> list[tuple[int, str]]:
    """What is left of the question once linked names and question words are removed."""
    text = "".join(" " if t else ch for ch, t in zip(question, taken, strict=True))
    for word in sorted(STOP, key=len, reverse=True):
        text = text.replace(word, " " * len(word))
    text = re.sub(r"\d+", lambda m: " " * len(m.group()), text)
    return [(m.start(), m.group()) for m in re.finditer(r"[\u4e00-\u9fff()（）]{2,}", text)
            if m.group().strip("的")]


def _fuzzy(question: str, taken: list[bool], vocab: Vocabulary) -> list[Mention]:
    mentions = []
    for start, phrase in residual_phrases(question, taken):
        found = _fuzzy_phrase(phrase.strip("的"), start, vocab)
        if found is None and "的" in phrase.strip("的"):  # 劳模体检的委托服务人数: try each part
            offset = start
            for part in phrase.split("的"):
                if (one := _fuzzy_phrase(part, offset, vocab)) is not None:
                    mentions.append(one)
                offset += len(part) + 1
        elif found is not None:
            mentions.append(found)
    return mentions


def _fuzzy_phrase(phrase: str, start: int, vocab: Vocabulary) -> Mention | None:
    if len(phrase) < 3:
        return None  # two characters match too many names to mean any one of them
    grams = bigrams(phrase.replace("的", ""))
    scored = []
    for name, targets in vocab.names.items():
        if targets[0].kind == "concept" and name not in concept_names():
            continue
        shared = grams & bigrams(name)
        score = len(shared) / len(grams)
        if score >= FUZZY_MIN and len(shared) / len(bigrams(name)) >= NAME_COVER:
            scored.append((score, name))
    if not scored:
        return None
    best = max(s for s, _ in scored)
    keep = [n for s, n in scored if s >= best - FUZZY_BAND]
    targets = tuple(t for n in dict.fromkeys(keep) for t in vocab.names[n])
    return Mention(phrase, start, targets, fuzzy=True)


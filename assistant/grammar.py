"""The grammar (assistant/data/grammar.yaml) compiled once, and the ontology's names as a dictionary
scanned by longest match (one pass of dictionary lookups, not a regex per name per question)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from corpus.ontology import ontology

_CJK = re.compile(r"[\u4e00-\u9fff]")
# what may follow a short name for it to count as a word (社保支出, 教育方面 — not 社区公共服务中心)
_WEAK_AFTER = re.compile(
    r"^(?:$|[^\u4e00-\u9fff]|支出|类|款|方面|领域|板块|部分|的|那|这|里|中|上|花|经费|预算|决算|多少|是|占|比|和|与|及|"
    r"、|加|合计|相关|费用|资金|呢|吗|有|一共|总共|共|各|分别|开支|块|为|安排|投入|用了|还是|跟|同|较|排|第|最|费|呀|啊|以后|之后|后|"
    r"拨款|事务|项目|工作|这块|那块|上面|这一|一项|一类|情况|数|额|总额|金额|开销|投了|给|批|出|两|三|几|每|多|少|留|在|买|购|采购)")
# 给了哪些企业、每家多少: who received the money, which no disclosure lists (no name asked either)
RECIPIENTS = re.compile(r"(?:给|发给|补给|扶持|支持|补助|奖励|资助)了?(?:哪些|哪几家|哪家|什么)"
                        r"(?:企业|公司|商户|商场|商家|门店|个人)|每家(?:企业|公司|商户)?(?:分别|各)?(?:拿了|得了|给了|能拿|分到)?(?:多少|几)")
# what may come before it (the end of the preceding text)
_WEAK_BEFORE = re.compile(
    r"(?:^|[^\u4e00-\u9fff]|[的在里中和与及、是对给于用问查年把看说将或跟同比较占了花分除掉去含括]|里面|里头|里边|下面|整个|按)$")


@dataclass(frozen=True)
class Cue:
    op: str
    priority: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Entry:
    """A dictionary word: what it names."""

    kind: str  # concept | subject | word (an everyday word meaning some row names)
    key: str  # concept id, subject code, or the word itself
    weak: bool  # counts only as a whole word
    names: tuple[str, ...] = ()  # for kind word: the row names it may mean
    context: str | None = None  # a short name valid only inside this concept (服务 in 政府采购)


@dataclass(frozen=True)
class Grammar:
    cues: tuple[Cue, ...]
    slots: dict[str, Any]
    containers: re.Pattern[str]
    anaphora: tuple[tuple[str, re.Pattern[str]], ...]
    fillers: re.Pattern[str]
    generic: re.Pattern[str]
    asks: re.Pattern[str]
    excluded: re.Pattern[str]
    unknown: re.Pattern[str]
    topics: tuple[tuple[re.Pattern[str], str], ...]
    examples: dict[str, tuple[str, ...]]
    speaker: re.Pattern[str] = re.compile("(?!)")  # frames: who asks (我在写…, 有市民打热线问)
    reporting: re.Pattern[str] = re.compile("(?!)")  # and how they say it (看到, 想问下)
    asking: re.Pattern[str] = re.compile("(?!)")  # a frame's opening with no speaker (请问, 想问下)
    greeting: re.Pattern[str] = re.compile("(?!)")  # 你好， / 您好！ before the question


@cache
def grammar() -> Grammar:
    import yaml

    text = resources.files("assistant").joinpath("data/grammar.yaml").read_text("utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    cues = tuple(Cue(body.get("op", rule), int(body["priority"]), re.compile(p))
                 for rule, body in raw["operations"].items() for p in body["cues"])
    slots = {name: ({k: re.compile(v) for k, v in body.items()} if isinstance(body, dict) else re.compile(body))
             for name, body in raw["slots"].items()}
    anaphora = tuple((k, re.compile(v)) for k, v in raw["anaphora"].items())
    words = sorted(raw["fillers"].split("|"), key=len, reverse=True)
    fillers = re.compile("|".join(map(re.escape, words)))
    examples: dict[str, tuple[str, ...]] = {}
    for rule, body in raw["operations"].items():  # a rule may read its operation's cues another way
        op = body.get("op", rule)
        examples[op] = examples.get(op, ()) + tuple(body.get("examples") or ())
    generic = re.compile(f"(?:{raw['generic']})+")
    return Grammar(cues, slots, re.compile(f"^(?:{raw['containers']})"), anaphora, fillers, generic,
                   re.compile(raw["asks"]), re.compile(raw["excluded"]), re.compile(raw["unknown_operations"]),
                   tuple((re.compile(t["cue"]), t["words"]) for t in raw["topics"].values()), examples,
                   re.compile(raw["frames"]["speaker"]), re.compile(raw["frames"]["reporting"]),
                   re.compile(f"^(?:{raw['frames']['asking']})"),
                   re.compile(f"^(?:{raw['frames']['greeting']})[，,！!。.~～\\s]*"))


@cache
def lexicon() -> dict[str, tuple[Entry, ...]]:
    """Every surface form the ontology knows → what it names (several = ambiguous or contextual)."""
    onto = ontology()
    found: dict[str, list[Entry]] = {}

    def add(word: str, entry: Entry) -> None:
        if len(word) >= 2 and entry not in found.setdefault(word, []):
            found[word].append(entry)

    for c in onto.concepts.values():
        add(c.id, Entry("concept", c.id, False))
        for word in c.aliases:
            add(word, Entry("concept", c.id, False))
        for word in c.weak:
            add(word, Entry("concept", c.id, True))
        for part, words in c.within:
            for word in words:
                add(word, Entry("concept", part, True, context=c.id))
    for s in onto.subjects:
        for word in (s.name, *s.former):
            add(word, Entry("subject", s.code, False))
        for word in s.weak:
            add(word, Entry("subject", s.code, True))
    for word, names in onto.words.items():
        add(word, Entry("word", word, False, names))
    return {w: tuple(e) for w, e in found.items()}


@cache
def _longest() -> int:
    return max(map(len, lexicon()))


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entries: tuple[Entry, ...]


def whole_word(text: str, start: int, end: int) -> bool:
    return bool(_WEAK_AFTER.match(text[end:]) and _WEAK_BEFORE.search(text[:start]))


def scan(text: str, extra: frozenset[str] = frozenset()) -> list[Match]:
    """Dictionary words in text, longest first and never overlapping; short (weak) names only as whole
    words. `extra`: a document's own names (rows, projects), so that 其他群众团体事务支出 is one name and
    not 群众团体事务 with words around it. Contextual short names are kept for the parser to settle."""
    words = lexicon()
    longest = max(_longest(), max(map(len, extra), default=0))
    candidates: list[Match] = []
    for i in range(len(text)):
        for j in range(min(len(text), i + longest), i + 1, -1):
            entries = words.get(text[i:j])
            mine = text[i:j] in extra  # one of the document's own names: a whole word by definition
            if mine and not entries:
                entries = (Entry("name", text[i:j], False),)
            if not entries:
                continue
            strong = tuple(e for e in entries if not e.weak)
            if not strong and not mine and not whole_word(text, i, j):
                continue
            candidates.append(Match(i, j, strong or entries))
    taken = [False] * len(text)
    kept: list[Match] = []
    for m in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
        if not any(taken[m.start:m.end]):
            taken[m.start:m.end] = [True] * (m.end - m.start)
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def is_cjk(text: str) -> bool:
    return bool(_CJK.search(text))

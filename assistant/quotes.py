"""Which whole sentences of the retrieved passages answer a why/what question, and whether any do."""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.passages import NUMBERED, Passage, precise_tokens

_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
GENERIC = frozenset("支出 经费 预算 资金 部门 单位 情况 年度 安排 项目 说明 万元 元 是 用于 用 作用 原因 "
                    "哪些 哪些方面 方面 什么 哪些内容 内容".split())
# The words that mark a sentence as the kind of answer the question's form asks for.
CUES = (
    (re.compile(r"为什么|为何|原因|怎么回事|导致"), ("原因", "主要为", "主要是", "由于", "因为", "导致", "不再",
                                              "不包含", "未", "持平")),
    (re.compile(r"用途|用于|用在|干什么|做什么|干嘛|什么用"), ("用于", "主要用于", "包括", "建成后", "作为", "用作")),
    (re.compile(r"是什么|什么是|指什么|含义|意思|定义"), ("是指", "指", "包括", "反映")),
    (re.compile(r"目标|指标"), ("绩效目标", "绩效指标", "目标", "达到", "不少于", "≥")),
    (re.compile(r"什么单位|哪些单位|单位性质"), ("单位性质", "单位规格", "经费保障")),
)
_REASON_OPEN = re.compile(r"^[^，。；]{0,14}?的?主要原因")  # 决算数小于预算数的主要原因：…, its item's reason
_REASON_LEAD = re.compile(r"(其|这|此|增加的|减少的|增长的|下降的)?主要(原因|是由于|由于|是因为)|原因是|原因：")
MIN_SCORE = 1.5
RELEVANCE_DEPTH = 8  # the fused top 5 and BM25's top 3 (retrieval.DocumentSearch.search)
MIN_COVERAGE = 0.6  # calibrated on tests/assistant/narrative cases: off-topic questions score below


@dataclass(frozen=True)
class Quote:
    sentence: str
    passage: Passage
    score: float


def key_terms(question: str) -> list[str]:
    """The question's content words (precise cut, stopword edges trimmed: 主要职责 → 职责);
    generic budget words only when nothing else is left."""
    words = [w for w in (_trim(t) for t in precise_tokens(question)) if len(w) >= 2]
    words += [q for half, quarters in _HALVES if half.search(question) for q in quarters]
    return [t for t in words if t not in GENERIC] or words


# 后半年 in words the 说明 uses for it: a plan by quarters (第三季度支付尾款)
_HALVES = ((re.compile(r"上半年|前半年"), ("第一季度", "第二季度")),
           (re.compile(r"下半年|后半年"), ("第三季度", "第四季度")))


def _trim(word: str) -> str:
    for stop in ("主要", "具体", "相关", "有关"):
        word = word.removeprefix(stop).removesuffix(stop)
    return word


def _cues(question: str) -> tuple[str, ...]:
    return tuple(w for pattern, words in CUES if pattern.search(question) for w in words)


def _score(sentence: str, context: str, terms: list[str], cues: tuple[str, ...]) -> float:
    """Question terms in the sentence, half as much for terms only in its section's headings."""
    sentence = re.sub(r"[“”\"']", "", sentence)
    hit = sum(len(t) for t in terms if t in sentence)
    hit += sum(len(t) / 2 for t in terms if t not in sentence and t in context)
    cue = 1.5 if any(c in sentence for c in cues) else 0.0
    return hit + cue if hit else 0.0


def _unsegmented(question: str, text: str, terms: list[str]) -> list[str]:
    """The runs of the question the text says verbatim — four characters or more, not all of them
    terms already counted (东高西低, which no word cut keeps whole)."""
    runs, i = [], 0
    while i < len(question):
        j = i + 1
        while j <= len(question) and question[i:j] in text:
            j += 1
        run = question[i:j - 1]
        rest = _ASKING_WORDS.sub("", run)
        for t in sorted((*terms, *GENERIC), key=len, reverse=True):
            rest = rest.replace(t, "")
        if len(_ASKING_WORDS.sub("", run)) >= 4 and rest:
            runs.append(run)
        i = max(i + 1, j - 1)
    return runs


# words of the asking, not of the thing asked: a sentence saying them verbatim says nothing more
_ASKING_WORDS = re.compile(r"主要|用于|用途|用在|为什么|为何|为啥|什么|多少|原因|是否|怎么|哪些|具体|情况|目标|依据")


def quoted_passage(passages: list[Passage], question: str) -> Passage | None:
    """The one passage of the document saying words of the question verbatim that no word cut keeps
    whole (东高西低) — words no other passage says."""
    terms = key_terms(question)
    unique = [(run, p) for p in passages for run in _unsegmented(question, p.text, terms)
              if sum(run in q.text for q in passages) == 1]
    return max(unique, key=lambda f: len(f[0]))[1] if unique else None


def _anchor(question: str, passages: list[Passage], terms: list[str]) -> str:
    """Those words, when the first passage says them and no other passage retrieved does."""
    runs = _unsegmented(question, passages[0].text, terms) if passages else []
    return next((r for r in runs if not any(r in p.text for p in passages[1:])), "")


def best_sentences(question: str, hits: list[tuple[Passage, float]], limit: int = 3,
                   lead: Passage | None = None) -> list[Quote]:
    """Whole sentences only, best first; passages' own rank breaks ties."""
    terms, cues = key_terms(question), _cues(question)
    anchor = _anchor(question, [p for p, _ in hits], terms)
    scored: list[Quote] = []
    why = bool(CUES[0][0].search(question))
    purpose = bool(CUES[1][0].search(question)) and not why
    tied: set[str] = set()  # sentences read as speaking of the item the question names
    for rank, (passage, _) in enumerate(hits):
        context = " ".join(passage.section_path)
        if why and any(_GLOSSARY.search(title) for title in passage.section_path):
            continue  # a definition is no reason
        previous = item = 0.0
        for match in _SENTENCE.finditer(passage.text):
            sentence = match.group().strip()
            if NUMBERED.match(sentence):
                item = 0.0  # 1.“…（项）”53.84万元… opens an item: its reason is read within it
            if why and _REASON_LEAD.search(sentence):  # the reason goes on: 较上一年度减少了培训费支出等。
                sentence += _continuation(passage.text, match.end())
            score = _score(sentence, context, terms, cues) - rank * 0.25
            if anchor and anchor in sentence:
                score += 10  # 为什么设计成东高西低: the one sentence saying the words the asker quotes
            if max(previous, item) > score and _goes_with_item(sentence, why, purpose):
                score = max(previous, item) + 0.5  # “主要原因：…” / “主要用于：…” speaks of its item
                tied.add(sentence)
            previous = score
            item = max(item, score)
            if score > 0 and any(len(t) >= 4 and t in question for t in passage.section_path):
                score += 3 / len(passage.section_path)  # the section the question names, top first
            if passage is lead and match.start() == 0:
                score += 10  # 部门整体绩效目标是什么: the named section's opening sentence
            if _heading_like(sentence):
                context += sentence  # １.机关运行经费情况。 names the topic of what follows
                continue
            if len(sentence) >= 6 and (score > 0 or passage is lead):
                scored.append(Quote(sentence, passage, score))
    if purpose and scored:  # what it is for: the sentences that say so (建成后作为…) before the most named ones
        best = max(q.score for q in scored)
        top = {id(p) for p, _ in hits[:2]}  # in the passages about it, or naming much of it
        lifted = (lambda q: q.sentence in tied) if tied else \
            (lambda q: q.score >= best * 0.3 or id(q.passage) in top)
        scored = [Quote(q.sentence, q.passage, q.score + 100) if _PURPOSE.search(q.sentence) and lifted(q)
                  else q for q in scored
                  if not (tied and _PURPOSE_OPEN.match(q.sentence) and q.sentence not in tied)]  # another item's
    scored.sort(key=lambda q: q.score, reverse=True)
    chosen: list[Quote] = []
    for quote in scored:
        if quote.sentence not in {q.sentence for q in chosen}:
            chosen.append(quote)
        if len(chosen) == limit:
            break
    return chosen


def _goes_with_item(sentence: str, why: bool, purpose: bool) -> bool:
    if why:
        return bool(_REASON_LEAD.match(sentence) or _REASON_OPEN.match(sentence))
    return purpose and _PURPOSE_OPEN.match(sentence) is not None


_PURPOSE_OPEN = re.compile(r"^(?:其|该项|该|这笔|资金)?(?:主要)?(?:用于|用途)")
_PURPOSE = re.compile(r"建成后|主要用于|用于|用作|作为[^，。]{0,20}(场所|用房|平台|阵地)")
_GLOSSARY = re.compile(r"名词解释|名词说明|术语")
_GOES_ON = re.compile(r"^(?:较|比|其中|同时|此外|另外|并且|并|且|以及|主要是|具体)")


def _continuation(text: str, end: int) -> str:
    """The sentence after a reason when it continues it (starts with 较/其中/同时 …)."""
    following = _SENTENCE.match(text, end)
    nxt = following.group().strip() if following else ""
    return nxt if nxt and _GOES_ON.match(nxt) and len(nxt) <= 80 else ""



def _heading_like(sentence: str) -> bool:
    """１.机关运行经费情况。 — a numbered topic line inside a paragraph."""
    return bool(NUMBERED.match(sentence)) and len(sentence) <= 16 and not re.search(r"\d{2,}|，", sentence[2:])


def states_figure(question: str, quotes: list[Quote]) -> bool:
    """A how-much question is answered by text only if one sentence names every term and a number."""
    terms = key_terms(question)
    return any(all(t in q.sentence for t in terms) and re.search(r"\d", q.sentence) for q in quotes)


def coverage(terms: list[str], text: str) -> float:
    """Share of the question's key-term characters that a text contains."""
    total = sum(len(t) for t in terms)
    return sum(len(t) for t in terms if t in text) / total if total else 0.0


def is_relevant(question: str, hits: list[tuple[Passage, float]]) -> bool:
    """Some top passage must carry most of the question's key terms, with a high enough score."""
    terms = key_terms(question)
    if not hits or not terms or hits[0][1] < MIN_SCORE:
        return False
    text = lambda p: re.sub(r"[“”\"']", "", p.indexed_text)  # noqa: E731
    return max(coverage(terms, text(p)) for p, _ in hits[:RELEVANCE_DEPTH]) >= MIN_COVERAGE

"""Whole-question rewrites the dictionary decides, before the question is cut into parts: one head shared
by two modifiers is said with each (省级和市级的困难职工帮扶救助资金 → each as the document names it), and a
description said after a known name is dropped (基本支出，就是养人和日常运转那块，…)."""

from __future__ import annotations

import re

from assistant.grammar import scan

# 基本支出，就是养人和日常运转那块，…: several things joined, said after a name to describe it
_DESCRIPTION = re.compile(r"[，,](?:也就是|就是|即|也即|指的是|主要是)"
                          r"([^，,。？?]{1,30}?(?:和|加|及|与|、)[^，,。？?]{1,20}?)(?:那块|那部分|这块|这部分|那些|的)?(?=[，,])")


def described(q: str, names: frozenset[str]) -> str:
    """The description dropped when what it describes is a name the dictionary knows, said right before it."""
    for m in _DESCRIPTION.finditer(q):
        if any(found.end == m.start() and any(e.kind in ("concept", "subject") for e in found.entries)
               for found in scan(q[:m.start()], names)):
            return q[:m.start()] + q[m.end():]
    return q


_SHARED_HEAD = re.compile(r"([\u4e00-\u9fff]{1,4}?)(?:和|与|跟|及)([\u4e00-\u9fff]{1,4}?)(?:的|[两二][笔项个块种]的?)"
                          r"([\u4e00-\u9fff]{3,20})")
# 省级和市级困难职工…资金: two modifiers of one length, the head said right after the second
_PARALLEL = tuple(re.compile(rf"([\u4e00-\u9fff]{{{n}}})(?:和|与|跟|及)([\u4e00-\u9fff]{{{n}}})"
                             r"([\u4e00-\u9fff]{3,20})") for n in (2, 3, 4))


def distributed(q: str, names: frozenset[str]) -> str:
    """省级和市级的困难职工帮扶救助钱 → 省级困难职工帮扶救助和市级困难职工帮扶救助…: two modifiers sharing one
    head, when the document names the head with each of them (its characters in order, after it)."""
    for m in (*_SHARED_HEAD.finditer(q), *_parallel(q)):
        a, b, head = m.groups()
        if not (any(a in n for n in names) and any(b in n for n in names)):
            continue  # a modifier no name of the document holds: no head is ever said with both
        for end in range(len(head), 1, -1):
            whole = q[m.start():m.start(3)] + head[:end]  # 对个人和家庭的补助: one name, said whole
            if any(whole in n for n in names):
                break
            first, second = _named_with(a, head[:end], names), _named_with(b, head[:end], names)
            if first and second:  # each as the document names it, when it starts with the modifier
                said = f"{first}和{second}{head[end:]}"
                return q[:m.start()] + said + q[m.end():]
    return q


def _named_with(modifier: str, head: str, names: frozenset[str]) -> str | None:
    """The document's name holding the modifier then the head's characters in order (the shortest; the
    words as said, modifier and head, when the name holds more before the modifier)."""
    from assistant.scoping import subsequence

    fits = sorted((name for name in names if (at := name.find(modifier)) >= 0 and
                   subsequence(head, name[at + len(modifier):])), key=lambda n: (len(n), n))
    if not fits:
        return None
    return fits[0] if fits[0].startswith(modifier) else modifier + head


def _parallel(q: str) -> list[re.Match[str]]:
    """省级和市级困难职工…: modifiers of one length (their head said once, after the second), at each place."""
    return [m for at in range(len(q)) for p in _PARALLEL if (m := p.match(q, at))]


# 省级…资金比市级的多多少 / 年末比年初变化了多少: a short side of a comparison, its head left unsaid
_COMPARED = re.compile(r"(?<=比)([\u4e00-\u9fff]{2,4}?)的?(?=多|少|高|低|增|减|变化|差|相比)")
_RUN_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,30})$")


def elided(q: str, names: frozenset[str]) -> str:
    """The head a short side of 比 leaves unsaid, completed from the other side or from a name said
    earlier in the question: each side then names what the document lists."""
    for m in _COMPARED.finditer(q):
        short = m.group(1)
        if scan(short, names) or re.search(r"年$|年度$|上年|去年|前年|预算|决算|执行", short):
            continue
        before = _RUN_BEFORE.search(q[: m.start() - 1])
        other = before.group(1) if before else ""
        said = [q[f.start:f.end] for f in scan(q[: m.start()], names)]
        whole = next((s for s in said if s.startswith(short) and s != short), None)
        if whole is None and len(other) > len(short) and not other.startswith(short):
            whole = _named_with(short, other[len(short):], names)
        if whole is None:
            continue
        if other and other != whole and len(other) <= 4:  # 年末比年初: the first side cut short too
            first = next((s for s in said if s.startswith(other) and s != other), None)
            if first and before is not None:
                return q[: before.start()] + first + "比" + whole + q[m.end(1):]
        return q[: m.start()] + whole + q[m.end(1):]
    return q

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


def distributed(q: str, names: frozenset[str]) -> str:
    """省级和市级的困难职工帮扶救助钱 → 省级困难职工帮扶救助和市级困难职工帮扶救助…: two modifiers sharing one
    head, when the document names the head with each of them (its characters in order, after it)."""
    for m in _SHARED_HEAD.finditer(q):
        a, b, head = m.groups()
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

"""The human form of an answer: figure first, then the formula, then citations."""

from __future__ import annotations

from assistant.answer import Answer, Citation


def citation_text(c: Citation) -> str:
    page = f"第{c.page}页" if c.page is not None else "页码未知"
    if c.kind == "cell":
        return f"{c.table} · {c.row} · {c.column} = {c.value} · {page}"
    return f"{c.section} · {page} · “{c.quote}”"


def answer_text(answer: Answer) -> str:
    """Figure first, then the formula and the sources; a question of several parts, part by part."""
    if len(answer.parts) > 1:
        return "\n\n".join(f"{mark}{_one(part)}" for mark, part in zip("①②③④⑤⑥⑦⑧⑨⑩", answer.parts, strict=False))
    return _one(answer)


def _one(answer: Answer) -> str:
    lines = [answer.text]
    if answer.formula:
        lines.append(f"计算：{answer.formula}")
    for warning in answer.warnings:
        lines.append(f"注意：{warning}")
    if answer.choices:
        lines.append("可用 --doc 选择：")
        lines += [f"  {c.doc_id}（{c.title}）" for c in answer.choices]
    if answer.citations:
        lines.append("来源：")
        several = len({c.doc_id for c in answer.citations}) > 1  # across documents: say whose each is
        lines += [f"  [{i}] {c.doc_id + ' · ' if several else ''}{citation_text(c)}"
                  for i, c in enumerate(answer.citations, 1)]
    return "\n".join(lines)

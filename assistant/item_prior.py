"""专项普查活动比上年减少了多少: some 预算 state, beside each 类/款/项 item of the 财政拨款支出主要内容,
last year's figure ("2023年当年预算执行数为60.13万元"). The change of an item is then this year's
table cell against that stated figure, both cited."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import accumulate

from assistant import compute as c
from assistant.answer import Answer, Citation, Figure
from assistant.compute import Operand, Result, fmt
from corpus.normalize import UNITS, convert
from corpus.records import Disclosure

_ITEM = re.compile(r"“([^”]*?)[（(]项[)）]”")
_PRIOR = re.compile(r"(\d{4})年(?:当年)?预算执行数为\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")


_NOW = re.compile(r"^”?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元)")  # “…（项）”738.66万元
_RATE = re.compile(r"比\d{4}年(?:当年)?预算执行数(增加|增长|减少|下降)\s*(\d+(?:\.\d+)?)%")


def stated_item_prior(doc: Disclosure, name: str) -> Operand | None:
    """Last year's figure the 说明 states for the 项 named `name` (the first such item)."""
    found = stated_item_pair(doc, name)
    return found[1] if found else None


def stated_item_pair(doc: Disclosure, name: str,
                     under: str | None = None) -> tuple[Operand | None, Operand, Decimal | None] | None:
    """What the 说明 states for the 项: this year's amount printed after its name (its 财政拨款 part, which
    may be less than the table's row), last year's 执行数, and the rate it states between them."""
    for section in doc.sections:
        # a PDF may break an item's paragraph (its 执行数 on the next line): the section's text is read whole
        text = "".join(p.text for p in section.paragraphs)
        starts = list(accumulate((len(p.text) for p in section.paragraphs[:-1]), initial=0))
        items = list(_ITEM.finditer(text))
        for i, item in enumerate(items):
            last = re.split(r"[（(][类款][)）]", item.group(1))[-1].strip()
            if last != name and not (len(name) >= 4 and name in last):  # 职业年金缴费 (30109) of its 项
                continue
            if under and f"{under}（款）" not in item.group(1) and f"{under}(款)" not in item.group(1):
                continue  # 一般行政管理事务 of 组织事务, not of another 款
            end = items[i + 1].start() if i + 1 < len(items) else len(text)
            found = _PRIOR.search(text, item.end(), end)
            if found:
                para = section.paragraphs[max(k for k, at in enumerate(starts) if at <= item.start())]
                cite = Citation(doc.doc_id, "text", para.span.page, section=" > ".join(section.path),
                                quote=text[item.start(): end].strip())
                prior = Operand(f"{found.group(1)}年预算执行数",
                                Decimal(found.group(2).replace(",", "")), found.group(3), cite)
                now = _NOW.match(text[item.end() - 1:])
                current = Operand(f"说明所列{doc.year}年{name}", Decimal(now.group(1).replace(",", "")),
                                  now.group(2), cite) if now else None
                rate = _RATE.search(text, item.end(), end)
                signed = Decimal(rate.group(2)) * (-1 if rate.group(1) in ("减少", "下降") else 1) if rate else None
                return current, prior, signed
    return None


def answer_item_change(doc: Disclosure, raw: str, where: str, op: str, current: Operand,
                       name: str, under: str | None = None) -> Answer | None:
    pair = stated_item_pair(doc, name, under)
    prior = pair[1] if pair else None
    if pair is None or prior is None or current.unit not in UNITS or prior.unit not in UNITS or prior.value == 0:
        return None
    stated_now, _, stated_rate = pair
    if op != "lookup" and stated_now is not None and abs(convert(current.value, current.unit, stated_now.unit)
                                                          - stated_now.value) > Decimal("0.01"):
        current = stated_now  # the table's row holds more than the 说明's 财政拨款 figure: compare like with like
    if op == "lookup":  # 2023年实际执行了多少: the stated figure itself
        text = f"据{where}说明，{name}的{prior.label}为{fmt(prior.value)}{prior.unit}。"
        return Answer(question=raw, route="lookup", text=text, value=prior.value, unit=prior.unit,
                      citations=(prior.citation,), values=(Figure(prior.label, prior.value, prior.unit),))
    value = convert(prior.value, prior.unit, current.unit)
    base = Result(value, current.unit, f"{prior.label} {fmt(prior.value)}{prior.unit} = "
                  f"{fmt(value)}{current.unit}", (prior,))
    if op == "pct_change" and stated_rate is not None:  # the rate as the 说明 states it (from unrounded figures)
        result = Result(stated_rate, "%", f"说明所述：比{prior.label}{'增加' if stated_rate >= 0 else '减少'}"
                        f"{fmt(abs(stated_rate))}%", (current, prior))
        said = f"{'增加' if stated_rate >= 0 else '减少'}{fmt(abs(stated_rate))}%"
    elif op == "pct_change":
        result = c.pct_change(current, base)
        said = f"{'增加' if result.value >= 0 else '减少'}{fmt(abs(result.value))}%"
    else:
        diff = current.value - value
        result = Result(diff, current.unit, f"{current.label} {fmt(current.value)} − {prior.label} "
                        f"{fmt(value)} = {fmt(diff)}", (current, prior))
        rate = c.pct_change(current, base)  # the rate too: an amount alone hides the size
        said = f"{'增加' if diff >= 0 else '减少'}{fmt(abs(diff))}{current.unit}（{fmt(rate.value)}%）"
    text = (f"{where}{current.label}为{fmt(current.value)}{current.unit}，说明所述{prior.label}为"
            f"{fmt(prior.value)}{prior.unit}，比上年{said}。")
    return Answer(question=raw, route="arithmetic", text=text, value=result.value, unit=result.unit,
                  formula=result.formula, citations=(current.citation, prior.citation),
                  values=(Figure(current.label, current.value, current.unit),
                          Figure(prior.label, prior.value, prior.unit),
                          Figure("结果", result.value, result.unit)))

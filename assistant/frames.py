"""Who asks and why, said around the ask (来电人问：…, 我在写课程报告，看到…，想问下…): it names no figure.

The words come from the grammar's `frames` (a body's name ends like scoping's BODY_END); a piece is
dropped only when it names nothing the ontology or the document knows, so 三公经费：年初预算多少 keeps
its subject.
"""

from __future__ import annotations

import re

from assistant.grammar import grammar, scan
from assistant.scoping import BODY_END

_PREAMBLE = re.compile(r"^([^：:？?。！!]{1,24})[：:](?=.)")
_TITLED = re.compile(r"\d{4}\s*年\s*(?:度)?\s*(?:部门|单位)?(?:预算|决算)")  # 某局 2024年决算：… names its disclosure
_PIECE = re.compile(r"[^，,；;]+[，,；;]?")
_LOST = re.compile(r"我?(?:看|读)?(?:得)?不(?:太|大|是很)?(?:懂|明白|清楚)[^，,；;？?]*")  # 那张表我看不太懂


def unframe(q: str, names: frozenset[str] = frozenset()) -> str:
    """The question without its frame; unchanged when nothing frames it."""
    g = grammar()
    q = g.greeting.sub("", q, count=1) or q  # 你好，… : a greeting names nothing
    found = _PREAMBLE.match(q)
    if found and not _TITLED.search(found.group(1)) and (not scan(found.group(1), names) or (
            g.speaker.match(found.group(1)) and _said_later(found.group(1), [q[found.end():]], names))):
        q = q[found.end():]  # 居民问到三公经费：…三公经费预算多少: who asks about what the ask names again
    q = _told_before(q, names)
    pieces = _before_asking([m.group() for m in _PIECE.finditer(q)], names)
    kept: list[str] = []
    for i, piece in enumerate(pieces):
        piece = _LOST.sub("", piece)
        opened = re.match(rf"^(?:{g.speaker.pattern})?[^，,]{{0,6}}?(?:{g.reporting.pattern})", piece)
        if opened and re.match(rf"^(?:{g.speaker.pattern})", piece):
            piece = piece[opened.end():]  # 我看到 / 有市民打热线问: the words that follow are the ask
        elif g.speaker.match(piece) and i < len(pieces) - 1 and _IDENTITY.match(piece) and \
                scan("".join(pieces[i + 1:]), names):
            continue  # 我退休前在街道管过环卫，…城乡社区环境卫生…: who asks, whatever it names
        elif g.speaker.match(piece) and i < len(pieces) - 1 and _said_later(piece, pieces[i + 1:], names) and \
                (scan("".join(pieces[i + 1:]), names) or BODY_END.search(piece.rstrip("，,")) or
                 _IDENTITY.match(piece)):
            # 我在写区财政信息化的课程报告，/ 我在整理街道采购数据，: who asks, nothing of its own — but 我们最关心
            # 商业创新专项，一共给了多少: what the rest asks of, unless it only names the body (我妈住的福利院)
            continue
        else:
            piece = g.asking.sub("", piece)  # 想问下2025年… / 请问… (看病 keeps its 看: no speaker said it)
        if piece.strip("，,；; "):
            kept.append(piece)
    return "".join(kept) or q


# a sentence, or a clause telling a figure before 那…: 三公经费比2017年少了295.18万，那2017年的是多少
_TOLD = re.compile(r"[^。！!]+[。！!]|[^，,。！!？?]+[，,](?=那么|那(?![个些块笔项]))")


def _told_before(q: str, names: frozenset[str]) -> str:
    """我是人大代表，顺便开个小饭馆。请问…: a sentence ended before the one that asks, asking nothing and
    naming nothing the rest does not say again, tells who asks."""
    told = [m for m in _TOLD.finditer(q) if m.end() < len(q)]
    cut = 0
    for m in told:
        if m.start() != cut or ASKING_WORDS.search(m.group()) or not _said_later(m.group(), [q[m.end():]], names):
            break
        cut = m.end()
    return q[cut:] if q[cut:].strip() else q


# 我是做电商的 / 我退休前在街道管过环卫: who asks
_ASKS = re.compile(r"^(?:我)?(?:想|要)(?:问|了解|知道|请教|确认|核实)|^请问|^问一下|^顺便问")
# the words that ask (好几 does not): shared by the clause splitter and the lead-in readers
ASKING_WORDS = re.compile(r"多少|(?<!好)几|什么|啥|吗|呢|哪|为何|为啥|怎么|如何|是否|有没有")


def _before_asking(pieces: list[str], names: frozenset[str]) -> list[str]:
    """给学生讲政府职能，想问财政局在公务用车方面负责什么: what comes before 想问 asks nothing and names
    nothing the ask does not say again — why the asker asks."""
    at = next((i for i, p in enumerate(pieces) if i and _ASKS.match(p)), None)
    if at is None:
        return pieces
    before = pieces[:at]
    if any(ASKING_WORDS.search(p) for p in before) or not _said_later("".join(before), pieces[at:], names):
        return pieces
    return pieces[at:]


_IDENTITY = re.compile(r"^(?:我|咱|俺)们?(?:以前|之前|退休前|原来|过去|曾经|早年)?(?:是|在|从事|做|干过|管过|当过)"
                       r"[^，,]{0,12}?的?[，,]?$")


def _said_later(piece: str, rest: list[str], names: frozenset[str]) -> bool:
    """Whatever the piece names (nothing, or 采购) the rest of the question names again."""
    said = "".join(rest)
    later = {e.key or e.kind for m in scan(said, names) for e in m.entries}
    # 公积金 … 住房公积金: a name said again inside a longer one is said again
    return all(any((e.key or e.kind) in later for e in m.entries) or piece[m.start:m.end] in said
               for m in scan(piece, names)
               if not BODY_END.search(piece[m.start:m.end]))  # 街道 / 财政局: the department, said anywhere

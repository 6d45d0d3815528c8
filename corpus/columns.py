"""Column meaning: which printed column is a total, 基本支出, 人员经费, 预算数 … whatever its position,
and the sum identities a standard table's columns obey (合计 = 基本支出 + 项目支出 …)."""

from __future__ import annotations

import re

from corpus.normalize import normalize_header

# meaning → printed names (compared after normalize_header); first match wins, most specific first
ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((role, re.compile(p)) for role, p in (
    ("subtotal", r"^小计$"),
    ("total", r"^(合计|总计|本年(收入|支出)合计)$"),
    ("basic", r"^基本支出$"),
    ("project", r"^项目支出$"),
    ("personnel", r"^人员经费$"),
    ("public", r"^公用经费$"),
    ("carry_in", r"^(上年结转(结余)?|年初结转和结余|年初财政拨款结转和结余)$"),
    ("carry_out", r"^(年末结转和结余|年终结转结余)$"),
    ("budget", r"^(年初)?(预算数|预算)$|^年初预算$|^全年预算数$"),
    ("final", r"^决算数$"),
    ("fund", r"^(一般公共预算|政府性基金|国有资本经营)"),
    ("income", r"收入$|^单位资金$"),
    ("expense_other", r"^(上缴上级支出|上解上级支出|经营支出|对附属单位补助支出)$"),
    ("three_abroad", r"因公出国"),
    ("three_car_buy", r"^(公务用车)?购置费$"),
    ("three_car_run", r"^(公务用车)?运行(维护)?费$"),
    ("three_car", r"^公务用车购置及运行(维护)?费$"),
    ("three_host", r"公务接待"),
    ("running_cost", r"^机关运行经费"),
))


def column_role(name: str) -> str | None:
    """The meaning of a printed column name (合计 → total, 年初结转和结余 → carry_in …), or None."""
    text = normalize_header(name)
    return next((role for role, pattern in ROLES if pattern.search(text)), None)


Identity = tuple[str, tuple[str, ...]]  # (column, the columns that add up to it)


def identities(key: str, columns: list[str] | tuple[str, ...]) -> list[Identity]:
    """The within-row sums a table's columns obey, by meaning (not by position)."""
    cols = list(columns)
    roles = {c: column_role(c) for c in cols}
    if key == "three_public":
        return _three_public(cols, roles)
    if key == "gpb_basic":
        parts = tuple(c for c in cols if roles[c] in ("personnel", "public"))
        total = next((c for c in cols if roles[c] == "total"), None)
        return [(total, parts)] if total and len(parts) == 2 else []
    total = next((c for c in cols if roles[c] == "total"), None)
    if "小计" in cols:
        at = cols.index("小计")
        inner = tuple(c for c in cols[at + 1:] if roles[c] not in ("carry_in", "carry_out", "total"))
        found = [("小计", inner)] if inner else []
        if total and cols.index(total) < at:
            carried = tuple(c for c in cols if roles[c] == "carry_in")
            found.append((total, ("小计", *carried)))
        return found
    if total is None or cols.index(total) != 0:
        return []
    parts = tuple(c for c in cols[1:] if roles[c] not in ("total", "carry_out", "carry_in"))
    return [(total, parts)] if parts else []


def _three_public(cols: list[str], roles: dict[str, str | None]) -> list[Identity]:
    def one(role: str) -> str | None:
        return next((c for c in cols if roles[c] == role), None)

    total, car = one("total"), one("three_car")
    found: list[Identity] = []
    items = tuple(c for c in (one("three_abroad"), car, one("three_host")) if c)
    if total and len(items) == 3:
        found.append((total, items))
    buy, run = one("three_car_buy"), one("three_car_run")
    if car and buy and run:
        found.append((car, (buy, run)))
    return found

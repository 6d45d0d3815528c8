"""Regenerate the seed's golden parse: `python -m tests.corpus.make_golden` (review the diff!)."""

from __future__ import annotations

import json
from pathlib import Path

from corpus.parse import parse_file
from corpus.records import to_dict

HERE = Path(__file__).parent
SEED = HERE.parent.parent / "corpus" / "documents" / \
    "shijiazhuang_federation_of_trade_unions_2024_budget.txt"


def golden_form(doc) -> dict:
    data = to_dict(doc)
    data.pop("sha256")
    return data


if __name__ == "__main__":
    out = HERE / "golden" / "seed.json"
    out.write_text(json.dumps(golden_form(parse_file(SEED)), ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    print(f"wrote {out}")

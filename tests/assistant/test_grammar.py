"""Every rule of the grammar (assistant/data/grammar.yaml) reads the examples kept beside it."""

from __future__ import annotations

import pytest

from assistant.grammar import grammar
from assistant.parse import parse

EXAMPLES = [(op, example) for op, examples in grammar().examples.items() for example in examples]


@pytest.mark.parametrize(("op", "example"), EXAMPLES)
def test_rule_reads_its_examples(op, example):
    ops = [p.op for p in parse(example).parts]
    if op == "each":  # 分别/各: one lookup part per figure
        assert ops.count("lookup") >= 2, (example, ops)
    else:
        assert op in ops, (example, ops)


def test_every_operation_has_examples():
    assert all(grammar().examples[op] for op in grammar().examples)

"""`budget-qa eval`: joins the assistant's command group here, so the assistant never imports evals."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.cli import cli


@click.command("eval")
@click.argument("questions", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(path_type=Path, exists=True), multiple=True,
              help="ingest this folder into a temporary store first (repeatable)")
@click.option("--split", type=click.Choice(["dev", "test"]), help="only this split of each set")
@click.option("--pdf", "as_pdf", is_flag=True, help="ask each question of its document's PDF (id + -pdf)")
@click.option("--out", type=click.Path(path_type=Path), help="results, one JSON line per question")
@click.option("--report", type=click.Path(path_type=Path), help="Markdown report file")
@click.option("--baseline", type=click.Path(path_type=Path, exists=True), help="an earlier --out file")
@click.option("--min-accuracy", type=float, help="exit 1 below this accuracy (percent)")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
def eval_command(questions: tuple[Path, ...], corpus: tuple[Path, ...], split: str | None, as_pdf: bool,
                 out: Path | None, report: Path | None, baseline: Path | None, min_accuracy: float | None,
                 as_json: bool) -> None:
    """运行问题集并评分 / Run question sets (JSONL, YAML or CSV) and score the answers.

    \b
    例：budget-qa eval evals/sets/seed.jsonl --report r.md --min-accuracy 97
    """
    from evals.questions import load_questions, on_pdf
    from evals.report import markdown, summarize
    from evals.run import corpus_assistant, read_baseline, run, write_results

    items = [q for path in questions for q in load_questions(path) if split in (None, q.split)]
    items = [on_pdf(q) for q in items] if as_pdf else items
    with corpus_assistant(list(corpus)) as assistant:
        results = run(assistant, items, progress=sys.stderr.isatty())
    if out:
        write_results(results, out)
    summary = summarize(results, read_baseline(baseline) if baseline else None)
    text = markdown(summary, ", ".join(p.name for p in questions) + (f" ({split})" if split else "")
                    + (" · PDF" if as_pdf else ""))
    if report:
        report.write_text(text, encoding="utf-8")
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json else text)
    if min_accuracy is not None and summary["accuracy"] < min_accuracy:
        click.echo(f"accuracy {summary['accuracy']}% is below --min-accuracy {min_accuracy}%", err=True)
        sys.exit(1)


def main() -> None:
    cli.add_command(eval_command)
    cli()

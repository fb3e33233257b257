"""eval: score a build against gold probes."""
from __future__ import annotations

import json

import click

from migkg.cli.common import handle_errors, out_dir_option
from migkg.cli.output import format_option, write_rows
from migkg.graph.evaluate import evaluate, load_probes
from migkg.graph.output import load_graph


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@out_dir_option
@format_option
@click.option("--verbose", is_flag=True, help="Also list each probe with misses or false positives.")
@click.option("--min-recall", type=float, help="Exit 1 when recall is below this.")
@click.option("--min-precision", type=float, help="Exit 1 when precision is below this.")
@handle_errors
def eval_cmd(gold, out, fmt, verbose, min_recall, min_precision):
    """Score a build against gold probes (JSONL, one question per line).

    \b
    Example:
        migkg eval my-annotations.jsonl --out migkg-out --verbose
    """
    report = evaluate(load_graph(out), load_probes(gold))
    if fmt == "json":
        click.echo(json.dumps({k: v for k, v in report.items() if verbose or k != "results"}, indent=1))
    else:
        rows = [{"kind": k, **v} for k, v in report["by_kind"].items()]
        rows.append({"kind": "ALL", "expected": sum(v["expected"] for v in report["by_kind"].values()),
                     "found": sum(v["found"] for v in report["by_kind"].values()),
                     "false_positives": sum(v["false_positives"] for v in report["by_kind"].values()),
                     "recall": report["recall"], "precision": report["precision"]})
        write_rows(rows, ["kind", "expected", "found", "false_positives", "recall", "precision"], fmt)
        if verbose and fmt == "table":
            for r in report["results"]:
                if r["missed"] or r["fp"]:
                    click.echo(f"{r['id']:>8} {r['kind']:<12} found {r['tp']}/{r['expected']} fp {r['fp']}  "
                               f"missed={json.dumps(r['missed'], ensure_ascii=False)[:160]} extra={r['extra'][:5]}")
    if (min_recall is not None and report["recall"] < min_recall) or \
            (min_precision is not None and report["precision"] < min_precision):
        raise SystemExit(1)

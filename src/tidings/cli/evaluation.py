"""`tidings eval`: the coder scored against a gold file."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.table import Table

from .common import fail_cleanly, main, out


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--events", "events_file", type=click.Path(exists=True, dir_okay=False),
              help="Score these coded events instead of coding the gold texts.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@fail_cleanly
def eval_command(gold: str, events_file: str | None, as_json: bool) -> None:
    """Score the coder against a gold file: precision, recall and F1 by type and dyad."""
    from ..evaluate import code_gold, read_gold, score

    gold_docs = read_gold(gold)
    if events_file:
        with open(events_file, encoding="utf-8") as f:
            events = [json.loads(line) for line in f if line.strip()]
    else:
        events = code_gold(gold_docs)
    report = score(gold_docs, events).as_dict()
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    _print_report(report)


def _print_report(report: dict[str, Any]) -> None:
    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    table = Table(title="Event types")
    for column in ("type", "precision", "recall", "F1", "gold", "predicted"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [("ALL (micro)", report["type"]), *report["per_type"].items()]
    for name, m in rows:
        table.add_row(name, pct(m["precision"]), pct(m["recall"]), pct(m["f1"]),
                      str(m["n_gold"]), str(m["n_pred"]))
    out.print(table)
    dyad, no_event = report["dyad"], report["no_event"]
    out.print(f"dyad (source country, target country, type): P {pct(dyad['precision'])} "
              f"R {pct(dyad['recall'])} F1 {pct(dyad['f1'])}", highlight=False)
    out.print(f"documents without events given an event: {no_event['with_prediction']}/"
              f"{no_event['docs']} ({pct(no_event['rate'])})", highlight=False)
    confusions = list(report["confusion"].items())[:10]
    if confusions:
        out.print("most frequent misses (gold -> predicted): " +
                  ", ".join(f"{k} ×{n}" for k, n in confusions), highlight=False)

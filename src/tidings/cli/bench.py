"""`tidings bench`: the pipeline's throughput beside spaCy alone on the same corpus."""

from __future__ import annotations

import json
import sys
from importlib import resources
from typing import Any

import click
from rich.table import Table

from .common import fail_cleanly, main, out


@main.command()
@click.argument("corpus", required=False, type=click.Path(exists=True))
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Also measure this many worker processes, for the speed-up over one.")
@click.option("--repeat", type=click.IntRange(1), default=1, show_default=True,
              help="Measure each this many times, alternating, and keep the best.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="A TOML file of settings for the pipeline (e.g. prefilter = false).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@fail_cleanly
def bench(corpus: str | None, workers: int, repeat: int, config_file: str | None,
          as_json: bool) -> None:
    """Words and documents per second of the whole pipeline, beside spaCy alone.

    CORPUS is anything `tidings code` reads (default: the bundled sample corpus). Each
    figure is a fresh process; "whole" includes its start-up, "warm" is the coding alone.
    """
    from ..benchmark import compare

    corpus = corpus or str(resources.files("tidings").joinpath("samples", "corpus"))
    report = compare(corpus, workers, repeat, config_file)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    _print_report(report)


def _print_report(report: dict[str, Any]) -> None:
    table = Table(title=f"{report['documents']} documents, {report['words']} words "
                        f"({report['corpus']})")
    for column in ("run", "words/s whole", "words/s warm", "documents/s whole",
                   "whole s", "processor s", "peak MB"):
        table.add_column(column, justify="left" if column == "run" else "right")
    runs = [("spaCy alone", report["spacy"]), ("pipeline, 1 process", report["pipeline"])]
    if "workers" in report:
        runs.append((f"pipeline, {report['workers']['n']} processes", report["workers"]))
    for name, run in runs:
        table.add_row(name, str(run["words_per_s_whole"]), str(run["words_per_s_warm"]),
                      str(run["documents_per_s_whole"]), f"{run['whole_s']:.2f}",
                      f"{run['whole_cpu_s']:.2f}", f"{run['peak_rss_mb']:.0f}")
    out.print(table)
    out.print(f"pipeline whole run ÷ spaCy warm: {report['ratio_whole_to_spacy_warm']:.2f}   "
              f"whole ÷ whole: {report['ratio_whole_to_spacy_whole']:.2f}   "
              f"warm ÷ warm: {report['ratio_warm_to_spacy_warm']:.2f}", highlight=False)
    out.print(f"in processor time: {report['ratio_cpu_whole_to_spacy_warm']:.2f}   "
              f"{report['ratio_cpu_whole_to_spacy_whole']:.2f}   "
              f"{report['ratio_cpu_warm_to_spacy_warm']:.2f}", highlight=False)
    if "workers" in report:
        out.print(f"{report['workers']['n']} processes ÷ 1: "
                  f"{report['workers']['speedup_whole']:.2f}× (whole run)", highlight=False)
    machine = report["machine"]
    out.print(f"{machine['cpus']} CPUs, load {machine['load_1min']} at the start, "
              f"{report['date']}", highlight=False)

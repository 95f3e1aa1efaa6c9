"""``newsgraph eval``: precision, recall and F1 of a page's record against a gold annotation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsgraph.cli.common import (
    console,
    err_console,
    fail,
    load_settings,
    make_analyzer,
)
from newsgraph.core.errors import NewsgraphError


def eval_(
    gold_path: Annotated[
        Path, typer.Argument(help="A gold file (format of ../shared/seed/gold.json) or a folder of them.")
    ],
    page: Annotated[
        Path | None, typer.Argument(help="The page it annotates (default: the one the gold names).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List misses and extras.")] = False,
    by_type: Annotated[
        bool,
        typer.Option(
            "--by-type",
            help="Events per PLOVER type and mode, missed gold events by cause, the ten most missed triggers.",
        ),
    ] = False,
) -> None:
    """Score newsgraph's record of a page against a gold annotation (precision / recall / F1).

    With a folder, every *.json in it is scored and the micro-averaged totals are printed last,
    with the number of required and optional events and quotes the gold files ask for.
    """
    from newsgraph.evaluate.breakdown import merge_breakdowns
    from newsgraph.evaluate.run import aggregate, score_gold

    settings = load_settings()
    analyzer = make_analyzer(settings, True)
    golds = sorted(gold_path.glob("*.json")) if gold_path.is_dir() else [gold_path]
    if not golds:
        err_console.print(f"[red]error:[/red] no gold files in {gold_path}")
        raise typer.Exit(2)
    reports = []
    counts: dict[str, int] = {}
    breakdowns = []
    for gold in golds:
        try:
            result = score_gold(gold, analyzer, settings.max_bytes, page)
        except NewsgraphError as exc:
            raise fail(exc) from exc
        reports.append((gold.name, result.report))
        for key, n in result.counts.items():
            counts[key] = counts.get(key, 0) + n
        if by_type:
            breakdowns.append(result.breakdown(analyzer))
    if len(reports) > 1:
        reports.append((f"all {len(golds)} files (micro-average)", aggregate([r for _, r in reports])))
    breakdown = merge_breakdowns(breakdowns) if by_type else None
    if as_json:
        payload: dict[str, Any] = {name: report.to_dict() for name, report in reports}
        payload["gold_counts"] = counts
        if breakdown is not None:
            payload["by_type"] = breakdown.to_dict()
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        return
    for name, report in reports[-1:] if len(reports) > 1 and not details else reports:
        _print_report(name, report, details)
    console.print(
        f"scored against {counts.get('events', 0)} required and {counts.get('events_optional', 0)} optional events, "
        f"{counts.get('not_events', 0)} not_events, {counts.get('quotes', 0)} required and "
        f"{counts.get('quotes_optional', 0)} optional quotes"
    )
    if breakdown is not None:
        _print_breakdown(breakdown)


def _print_report(name: str, report: Any, details: bool) -> None:
    table = Table(title=name)
    for col in ("category", "precision", "recall", "F1", "tp", "fp", "fn", "attributes"):
        table.add_column(col, overflow="fold")
    for cat_name, cat in report.categories.items():
        notes = " ".join(f"{k.removesuffix('_accuracy')}={v:.2f}" for k, v in cat.extra.items())
        row = (f"{cat.precision:.2f}", f"{cat.recall:.2f}", f"{cat.f1:.2f}", str(cat.tp), str(cat.fp), str(cat.fn))
        table.add_row(cat_name, *row, notes)
    console.print(table)
    console.print(f"not_events violated: {report.not_events_violated}")
    if report.not_persons_reported:
        console.print(f"not_persons reported as persons: {', '.join(report.not_persons_reported)}")
    if details:
        for key, lines in report.details.items():
            for line in lines:
                console.print(f"  {key}: {escape(line)}")


def _print_breakdown(b: Any) -> None:
    from newsgraph.evaluate.breakdown import MISS_BINS

    for title, rows in (("events per PLOVER type", b.types), ("events per mode", b.modes)):
        table = Table(title=title)
        for col in ("", "gold", "found", "recall", "predicted", "right", "precision"):
            table.add_column(col)
        for key, s in sorted(rows.items()):
            table.add_row(key, str(s.gold), str(s.found), f"{s.recall:.2f}", str(s.predicted), str(s.right),
                          f"{s.precision:.2f}")  # fmt: skip
        console.print(table)
    missed = sum(b.misses.values())
    console.print(f"missed gold events: {missed}")
    for bin_ in MISS_BINS:
        console.print(f"  {bin_}: {b.misses.get(bin_, 0)}")
    if b.missed_triggers:
        top = ", ".join(f"{lemma} ({n})" for lemma, n in b.missed_triggers.most_common(10))
        console.print(f"most missed triggers: {top}")


__all__ = ["eval_"]

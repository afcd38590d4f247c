"""`briefer eval`: precision, recall and F1 per section against gold annotations, and each rule's precision."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from briefer.cli.brief import CONFIG, MODEL, RULES, settings_from
from briefer.cli.command import examples

if TYPE_CHECKING:
    from briefer.evaluate import Evaluation

GOLD = typer.Argument(..., metavar="GOLD_DIR",
                      help="Folder of gold files, <article stem>.json (see the gold FORMAT.md).")
SOURCES = typer.Argument(..., metavar="SOURCE",
                         help="Article files or folders; each is scored against the gold file of its name.")


def _as_json(evaluation: Evaluation, by_rule: bool, show_misses: bool) -> dict:
    """The scores in the shape of score.py's --json output, plus rules and misses when asked for."""
    out = {
        "scores": {
            section: dict(zip(("precision", "recall", "f1"), counts.scores, strict=True), gold=counts.gold,
                          pred=counts.pred)
            for section, counts in evaluation.sections.items()
        },
        "roles": {"correct": evaluation.roles_right, "of": evaluation.roles_compared,
                  "accuracy": evaluation.role_accuracy},
        "articles": evaluation.articles,
    }
    if by_rule:
        out["rules"] = [{"section": section, "rule": rule, "predictions": counts.predictions,
                         "correct": counts.correct, "precision": counts.precision}
                        for (section, rule), counts in sorted(evaluation.rules.items())]
    if show_misses:
        out["misses"] = [vars(miss) for miss in evaluation.misses]
    return out


def _print_tables(evaluation: Evaluation, by_rule: bool, show_misses: bool) -> None:
    """The scores as plain text tables on stdout."""
    if show_misses:
        for miss in evaluation.misses:
            typer.echo(f"{miss.kind.upper():<9}{miss.article} {miss.section}: {miss.text}")
    typer.echo(f'{"section":<20} {"P":>6} {"R":>6} {"F1":>6} {"gold":>5} {"pred":>5}')
    for section, counts in evaluation.sections.items():
        precision, recall, f1 = counts.scores
        typer.echo(f"{section:<20} {precision:6.2f} {recall:6.2f} {f1:6.2f} {counts.gold:5d} {counts.pred:5d}")
    accuracy = evaluation.role_accuracy
    roles = f"{accuracy:.2f} ({evaluation.roles_right}/{evaluation.roles_compared})" if accuracy is not None else "n/a"
    typer.echo(f"member roles right {roles}; {len(evaluation.articles)} article(s) scored")
    if by_rule:
        typer.echo("")
        typer.echo(f'{"rule":<40} {"section":<18} {"pred":>5} {"right":>5} {"P":>6}')
        for (section, rule), counts in sorted(evaluation.rules.items(), key=lambda item: (item[1].precision, item[0])):
            typer.echo(f"{rule:<40} {section:<18} {counts.predictions:5d} {counts.correct:5d} {counts.precision:6.2f}")


def _write_predictions(evaluation: Evaluation, folder: Path) -> None:
    """Each scored article's predicted sections as <stem>.json."""
    from briefer.errors import UsageError
    from briefer.files import write_atomic

    try:
        for stem, prediction in evaluation.predictions.items():
            write_atomic(folder / f"{stem}.json", json.dumps(prediction, indent=2, ensure_ascii=False).encode())
    except OSError as exc:
        raise UsageError(f"--predictions '{folder}': cannot write there ({exc.strerror or exc})") from exc


def evaluate(
    gold: Path = GOLD,
    sources: list[str] = SOURCES,
    by_rule: bool = typer.Option(False, "--by-rule", help="Also show each rule's precision."),
    show_misses: bool = typer.Option(False, "--show-misses", help="List missed and spurious items per article."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    min_f1: float = typer.Option(None, "--min-f1", metavar="F1", help="Exit 1 unless every section's F1 reaches this.",
                                 min=0.0, max=1.0),
    predictions: Path = typer.Option(None, "--predictions", metavar="DIR",
                                     help="Also write each article's predicted sections "
                                     "to this folder as <stem>.json (for score.py --pred)."),
    rules: list[Path] = RULES,
    model: str = MODEL,
    config: Path = CONFIG,
) -> None:
    """Score the extraction against gold annotations: precision, recall and F1 per section, as score.py does."""
    from briefer.cli.output import warn
    from briefer.evaluate import evaluate as run_evaluation

    settings = settings_from(sources, config=config, since=None, rules_dirs=rules, model=model)
    evaluation = run_evaluation(gold, settings)
    for failure in evaluation.failures:
        warn(f"{failure.input}: {failure.reason}")
    for name in evaluation.without_gold:
        warn(f"{name}: no gold file of that name; not scored")
    for stem in evaluation.gold_without_article:
        warn(f"{stem}.json: no article of that name among the sources; not scored")
    if predictions is not None:
        _write_predictions(evaluation, predictions)
    if as_json:
        typer.echo(json.dumps(_as_json(evaluation, by_rule, show_misses), indent=2))
    else:
        _print_tables(evaluation, by_rule, show_misses)
    if min_f1 is not None and any(counts.scores[2] < min_f1 for counts in evaluation.sections.values()):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add `briefer eval` to the app."""
    app.command("eval", epilog=examples(
        "briefer eval gold/ articles/",
        "briefer eval gold/ articles/ --by-rule --show-misses",
        "briefer eval gold/ articles/ --json --min-f1 0.9",
    ))(evaluate)


__all__ = ["register"]
